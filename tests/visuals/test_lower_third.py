"""The near ground of the tar at noon, the ash lot after the flash and the May Company's burnt
drum: alive and drawn, not flat bands or a blocky mosaic."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame, Split
from installation.visuals.compositor import Compositor
from installation.visuals.maycompany_surfaces import DRUM_HALF
from installation.visuals.render import headless
from installation.visuals.tar_rings import SQUASH
from installation.visuals.tarpit import BURST, RING_SPREAD, Tarpit

from .helpers import NO_POST, draw, layer, one_scene

GREY_SKY = layer("sky", top="#808080", bottom="#808080", stars=0, sun=False, clouds=0)
FULL = (1920, 1080)
STREAKS = 0.4  # down a sooted column, light changes at most this share of what it does across
HARD_STEP, HARD_SHARE = 10, 0.03  # a step this large between two pixels across is an edge;
# the drum's tile-square mosaic had 0.05 of its pixels on one, the streaked husk 0.016


def husk() -> tuple[np.ndarray, np.ndarray, int]:
    """The burnt drum's brightness and where it is (columns x rows, clear of its outline) on
    a grey sky at 1080p, and the row of its torn top."""
    store = layer("maycompany", x=0.5, ground=0.8, scale=0.8, burnt=True)
    shown = draw(one_scene(GREY_SKY + store + NO_POST, at="05:30"), "06:30", size=FULL)
    pixels = pygame.surfarray.array3d(shown).astype(float)
    half = int(FULL[1] * 0.8 * DRUM_HALF)
    cols = slice(FULL[0] // 2 - half + 8, FULL[0] // 2 + half - 8)
    on = np.abs(pixels[cols] - 128).sum(axis=2) > 12
    top = int(np.percentile(on.argmax(axis=1), 90)) + 4
    return pixels[cols].mean(axis=2), on, top


def test_soot_runs_down_the_burnt_drum_in_streaks() -> None:
    """Under its torn top the drum is streaked with soot that ran down it: down a column its
    light barely changes, across the columns it does (the tile mosaic changed alike both
    ways)."""
    light, on, top = husk()
    band = slice(top, top + (int(FULL[1] * 0.8) - top) // 3)
    light, on = light[:, band], on[:, band]
    lag = 4
    both = on[lag:] & on[:-lag]
    across = np.abs(light[lag:] - light[:-lag])[both].mean()
    both = on[:, lag:] & on[:, :-lag]
    down = np.abs(light[:, lag:] - light[:, :-lag])[both].mean()
    assert down < STREAKS * across, (down, across)


def test_the_burnt_drum_is_smooth_not_a_blocky_mosaic() -> None:
    """Few hard edges between neighbouring pixels on the drum: soot and gold fade into each
    other (the old husk was a mosaic of tile squares, orange and brown)."""
    light, on, top = husk()
    light, on = light[:, top:int(FULL[1] * 0.8) - 10], on[:, top:int(FULL[1] * 0.8) - 10]
    both = on[1:] & on[:-1]
    hard = (np.abs(np.diff(light, axis=0)) > HARD_STEP) & both
    assert hard.sum() < HARD_SHARE * both.sum(), hard.sum() / both.sum()


LOT_LOWER = 0.87  # the near ground: from here to the picture's foot
LOT_STRIP = 18  # columns in a strip of it
LOT_VARIED = 10.0  # a strip's light varies at least this much (std) down the near ground,
# as a rule (a flat lot: 7, its drifts' slow swell and the road's edge)
LOT_DARKER = 0.9  # the ground at our feet at most this much as light as at the ruins' feet


def test_the_ash_lot_in_front_has_ridges_debris_and_a_darker_foot() -> None:
    """Near the camera the ash is blown into ridges with their shadows and strewn with
    debris: down almost any narrow strip of it the light comes and goes (the lot was a flat
    grey band); and the ground darkens towards our feet, so the eye goes to the fires."""
    ground = one_scene(GREY_SKY + layer("ruins", ground=0.8, fires=0, boulevard=True,
                                        boulevard_x=0.5) + NO_POST, at="05:30")
    light = pygame.surfarray.array3d(draw(ground, "05:40", size=FULL)).astype(float).mean(2)
    near = light[:, int(FULL[1] * LOT_LOWER):]
    strips = [near[x:x + LOT_STRIP].std() for x in range(0, FULL[0], LOT_STRIP)]
    assert np.median(strips) > LOT_VARIED, np.median(strips)
    far, foot = light[:, int(FULL[1] * 0.81):int(FULL[1] * 0.84)], light[:, -20:]
    assert foot.mean() < LOT_DARKER * far.mean(), (foot.mean(), far.mean())


NOON_SKY = layer("sky", horizon=0.64)
TAR = "#302418"  # a lighter tar than the scenes', for the reeds to stand out against
RING_LIT = 12  # a ring's crest lights the tar this much, at least, where it passes
CREASED = 2.5  # the near tar's rows vary along them this much (std), as a rule (plain: 0)


def near_pool(size: tuple[int, int], **keys: object) -> tuple[Tarpit, Frame]:
    """A noon pool with life on its near tar (and no other bubbles), and a frame at noon."""
    headless()
    line = one_scene(NOON_SKY + layer("tarpit", y=0.64, bubbles=0, reflect=0.55, near=1.0,
                                      **keys) + NO_POST)
    scene = line.scenes[0]
    setup = Compositor(line, size, lambda _message: None).setup(scene, 1, "tarpit")
    return Tarpit(scene.layers[1].params, setup), Frame(parse_clock("12:00"), 0.0,
                                                       state_at(line, parse_clock("12:00")))


def drawn(pool: Tarpit, frame: Frame, seconds: float, size: tuple[int, int]) -> np.ndarray:
    """The pool at `seconds` drawn under a plain pale sky, as brightness (columns x rows)."""
    surface = pygame.Surface(size)
    surface.fill((150, 170, 200))
    pool.draw(surface, Frame(frame.story_time, seconds, frame.state))
    return pygame.surfarray.array3d(surface).astype(float).mean(axis=2)


def test_a_bubble_near_the_foot_bursts_in_a_ring_that_spreads_on() -> None:
    """Near the foot of the noon picture a big bubble bursts: a second into its rings the
    ring's far crest lights the tar where it passes, and a real second later it has spread
    on and faded there."""
    size = (1280, 720)
    pool, frame = near_pool(size)
    x, down, period, phase, scale = max(pool.near_bubbles, key=lambda bubble: bubble[1])
    middle = (int(x * size[0]), pool.edge + int(down * pool.depth))
    assert middle[1] > 0.85 * size[1], "near the foot of the picture"
    t = 0.15  # through its rings' time
    seconds = ((BURST + t * (1 - BURST) - phase) % 1.0) * period
    radius = pool._radius(down, scale) * (1 + RING_SPREAD * t)
    far = (middle[0], round(middle[1] - radius * SQUASH))  # its far side, away from us
    box = (slice(far[0] - 3, far[0] + 4), slice(far[1] - 6, far[1] + 2))
    then, later = (drawn(pool, frame, s, size)[box] for s in (seconds, seconds + 1.0))
    plain = drawn(pool, frame, seconds - 0.5 * period * (1 - BURST), size)[box]  # (a dome)
    assert then.max() - later.max() > RING_LIT, (then.max(), later.max())
    assert later.max() - plain.min() < RING_LIT


def test_the_near_tar_is_creased_strewn_and_framed_by_reeds() -> None:
    """The tar's lower rows, plain bands of one colour each before, are creased (a row's light
    comes and goes along it), and at the picture's foot dark reeds rise in its corners."""
    size = (960, 540)
    pool, frame = near_pool(size, color=TAR)
    light = drawn(pool, frame, 3.0, size)
    rows = light[int(size[0] * 0.2):int(size[0] * 0.9), pool.edge + int(pool.depth * 0.6):]
    assert np.median(rows.std(axis=0)) > CREASED, np.median(rows.std(axis=0))
    corner = light[:int(size[0] * 0.12), int(size[1] * 0.88):]
    middle = light[int(size[0] * 0.45):int(size[0] * 0.57), int(size[1] * 0.88):]
    reeds = (corner < 0.5 * np.median(middle)).mean()
    assert reeds > 0.15, reeds
    assert (middle < 0.5 * np.median(middle)).mean() < 0.02


def test_the_near_pool_drawn_whole_is_its_still_and_moving_parts() -> None:
    """With its near tar painted in, the pool laid straight under the edge is, to the byte,
    its still part and its moving part (the kept mirror's bands over the tar)."""
    size = (320, 180)
    pool, frame = near_pool(size)
    for seconds in (0.0, 3.3, 17.9):
        whole, parts = pygame.Surface(size), pygame.Surface(size)
        for picture in (whole, parts):
            picture.fill((120, 140, 170))
        now = Frame(frame.story_time, seconds, frame.state)
        pool.draw(whole, now)
        Split.draw(pool, parts, now)
        assert pygame.image.tobytes(whole, "RGB") == pygame.image.tobytes(parts, "RGB"), seconds


def test_the_reeds_grow_at_a_small_screen_size_too() -> None:
    """At 480x270 the reeds' bank ended a hair below zero height, whose square root was a
    complex number, and the whole pool was switched off for the noon scenes."""
    headless()
    warnings: list[str] = []
    line = one_scene(NOON_SKY + layer("tarpit", y=0.64, near=1.0) + NO_POST)
    surface = pygame.Surface((480, 270))
    compositor = Compositor(line, (480, 270), warnings.append)
    compositor.draw(surface, state_at(line, parse_clock("12:30")))
    assert warnings == []
    light = pygame.surfarray.array3d(surface).astype(float).mean(axis=2)
    assert light[:, 240:].mean() < 60, "the tar is drawn at the foot (the sky, if switched off)"
