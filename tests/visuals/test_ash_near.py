"""Ash reads as ash falling through the air, not as dust on the lens or falling stones: every
flake, however near, is a sharp torn scrap (some curled), grey (the palest lighter than the
sky) with a lighter edge where the fires below light it, that tumbles (thin edge-on, darker
turned over) as it falls; none is a soft disc."""

from __future__ import annotations

import random

import numpy as np
import pygame

from installation.visuals import ash, ash_flake

ASH = (150, 146, 140)  # the particles layer's ash colour
SKY = (128, 124, 120)  # the ash's grey sky
SIZE = (1920, 1080)
RADIUS = ash.SIZES[-1] * SIZE[1]  # a nearest flake at 1920x1080
SOLID = 200  # alpha: a flake's pixel seen whole
BIG = 120  # pixels: a flake this large is near (a soft one of this size reads as lens dust)


def near(turn: float, seed: int, curled: bool = False,
         tone: float = ash.SHADES[1]) -> pygame.Surface:
    """A nearest flake's tumble frame, in a tone of the ash colour (the middle one)."""
    colour = ash_flake.tone_of(ASH, tone, ash.RIM_LIGHT)
    return ash_flake.flake_sprite(ash_flake.outline(random.Random(seed), curled), RADIUS, turn,
                                  colour)


def solid_and_soft(sprite: pygame.Surface) -> tuple[np.ndarray, float]:
    """Where a sprite is seen whole, and what share of what shows of it is half-seen."""
    alpha = pygame.surfarray.array_alpha(sprite).astype(int)
    return alpha >= SOLID, float(((alpha > 0) & (alpha < SOLID)).sum() / max(1, (alpha > 0).sum()))


def test_no_flake_in_the_air_is_a_soft_disc() -> None:
    """Over the grey sky at 1920x1080, every flake large enough to be near has a hard edge:
    most of it differs from the sky by at least half as much as its most changed pixels do
    (the tenth of them that change most): a soft blur is mostly fringe."""
    flakes = ash.Ash(SIZE, 0.65, 1.0, ASH, 0.3, 11)
    near_ones = 0
    for seconds in (2.0, 9.0, 16.0):
        surface = pygame.Surface(SIZE)
        surface.fill(SKY)
        flakes.draw(surface, seconds)
        change = np.abs(pygame.surfarray.array3d(surface).astype(int) - SKY).max(axis=2)
        shows = _surface_of(change > 6)
        for part in pygame.mask.from_surface(shows).connected_components():
            if part.count() < BIG:
                continue
            near_ones += 1
            box = part.get_bounding_rects()[0]
            inside = pygame.surfarray.array_alpha(part.to_surface(
                setcolor=(255, 255, 255, 255), unsetcolor=(0, 0, 0, 0))).astype(bool)
            seen = change[box.left:box.right, box.top:box.bottom][
                inside[box.left:box.right, box.top:box.bottom]]
            strong = (seen >= np.percentile(seen, 90) / 2).mean()
            assert strong > 0.6, f"a near flake of {part.count()} px, {strong:.0%} of it firm"
    assert near_ones >= 3, "some flakes are near and large"


def test_a_near_flake_is_a_sharp_torn_scrap() -> None:
    """Face-on, a nearest flake is seen whole but for a pixel's edge, and its outline is torn
    and irregular: turned half round about its middle it does not lie on itself, as a disc or
    an oval would (the curled ones least of all)."""
    overlaps = []
    for seed in range(8):
        solid, soft = solid_and_soft(near(0.0, seed, seed % 2 == 1))
        assert soft < 0.3, f"{soft:.0%} of it half-seen: a blur"
        overlaps.append(_half_turn_overlap(solid))
        assert overlaps[-1] < 0.95, f"flake {seed} lies on itself turned: a disc or an oval"
    assert np.mean(overlaps) < 0.85, f"irregular scraps: {np.round(overlaps, 2)}"


def _half_turn_overlap(solid: np.ndarray) -> float:
    """How much of a shape lies on itself turned half round about its middle (1: all)."""
    xs, ys = np.nonzero(solid)
    cx, cy = xs.mean(), ys.mean()
    shape = set(zip(xs.tolist(), ys.tolist(), strict=True))
    turned = {(round(2 * cx - x), round(2 * cy - y)) for x, y in shape}
    return len(shape & turned) / len(shape | turned)


def test_a_pale_flake_is_lighter_than_the_grey_sky_its_edge_lit_below_never_white() -> None:
    """Face-on, the palest flakes are grey-white ash: their body lighter than the grey sky
    (all of them darker read as falling stones or leaves), their lower edge lighter still
    (lit by the fires below) more than their upper edge, and never white (snow, a star)."""
    sprite = near(0.0, 5, tone=ash.SHADES[-1])
    solid, _soft = solid_and_soft(sprite)
    grey = pygame.surfarray.array3d(sprite).astype(int).mean(axis=2)
    inner = np.zeros_like(solid)
    inner[2:-2, 2:-2] = solid[:-4, 2:-2] & solid[4:, 2:-2] & solid[2:-2, :-4] & solid[2:-2, 4:]
    rows = np.flatnonzero(solid.any(axis=0))
    middle = (rows[0] + rows[-1]) / 2
    edge = solid & ~inner
    lower = edge & (np.arange(solid.shape[1])[None, :] > middle + 1)
    upper = edge & (np.arange(solid.shape[1])[None, :] < middle - 1)
    body = np.median(grey[inner])
    assert body > np.mean(SKY) + 15, f"its body {body:.0f}: lighter than the sky"
    assert grey[lower].mean() > body + 6, "its lower edge lit"
    assert grey[lower].mean() > grey[upper].mean() + 5, "more than its upper edge"
    assert grey[solid].max() < 200, "never white"


def test_a_flake_tumbles_thin_edge_on_and_darker_turned_over() -> None:
    """Over its tumble frames a flake's shape and light change: edge-on it is a thin sliver,
    turned over (its back to the light) it is darker than face-on."""
    areas, tones = [], []
    for frame in range(ash.TUMBLE_FRAMES):
        sprite = near(frame / ash.TUMBLE_FRAMES, 2)
        solid, _soft = solid_and_soft(sprite)
        seen = pygame.surfarray.array_alpha(sprite) > 0
        areas.append(int(seen.sum()))
        tones.append(float(pygame.surfarray.array3d(sprite).mean(axis=2)[solid].mean())
                     if solid.any() else np.nan)
    assert min(areas) < 0.35 * max(areas), f"edge-on it is thin: {areas}"
    assert tones[0] > np.nanmin(tones) + 15, f"turned over it darkens: {tones}"


def _surface_of(where: np.ndarray) -> pygame.Surface:
    """A surface opaque where `where` is set (for pygame's masks)."""
    surface = pygame.Surface(where.shape, pygame.SRCALPHA)
    surface.fill((0, 0, 0, 0))
    pygame.surfarray.pixels_alpha(surface)[:] = np.where(where, 255, 0).astype(np.uint8)
    return surface
