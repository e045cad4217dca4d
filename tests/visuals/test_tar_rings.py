"""The rings a bursting bubble leaves on the tar: soft ripples that darken the tar's mirror and
fade as they spread, not hard outlines drawn over it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline
from installation.visuals import tar_rings
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.silhouette_form import standing_box
from installation.visuals.tar_rings import SQUASH, Rings, ring, sizes, width
from installation.visuals.tarpit import RING_LAGS, RING_SPREAD, Tarpit, ring_end, ring_strength


def drawn_over(color: tuple[int, int, int], radius: float, strength: float) -> np.ndarray:
    """A ring drawn over a flat colour, as the picture's levels (columns x rows x 3)."""
    headless()
    picture = pygame.Surface((400, 160))
    picture.fill(color)
    rings = Rings(10, 120)
    rings.draw(picture, (200, 80), radius, strength)
    return pygame.surfarray.array3d(picture).astype(int)


def test_a_ring_darkens_what_the_tar_shows_softly_over_several_pixels() -> None:
    down = drawn_over((120, 110, 100), 60, 1.0)[200, 80:, 0]  # its middle column, from its
    darkest = int(np.argmin(down))  # middle down: its near side, the swell's front to us
    assert abs(darkest - 60 * SQUASH) <= width(60)  # (tar20: its shade lies on its front,
    # turned to us, beside the crest; its ends, sloping across our view, shade hardly at all)
    assert down[darkest] < 120 - 30  # plainly darker there
    darkened = np.flatnonzero(down < 120 - 3)
    assert darkened.size >= 4  # a soft band, not a one-pixel line
    steps = np.abs(np.diff(down))
    assert steps.max() < (120 - down[darkest]) * 0.6  # no hard edge on either side


FRONT = (200, 80 + round(60 * SQUASH + width(60) / 2 ** 0.5))  # (tar20) the steepest of the
# near side's front, turned to us, of a ring 60 px across drawn by `drawn_over`


def test_a_ring_blends_with_the_tar_under_it_rather_than_painting_one_colour() -> None:
    light, dark = drawn_over((120, 110, 100), 60, 1.0), drawn_over((20, 16, 12), 60, 1.0)
    assert light[(*FRONT, 0)] != dark[(*FRONT, 0)]
    assert light[(*FRONT, 0)] < 120 and dark[(*FRONT, 0)] <= 20  # each darkened where it lies


def test_a_ring_is_flattened_by_distance_and_its_far_side_catches_the_light() -> None:
    headless()
    sprite = ring(80)
    alpha = pygame.surfarray.array_alpha(sprite)
    width, height = sprite.get_size()
    middle = width // 2
    column = alpha[middle]
    far, near = int(np.argmax(column[:height // 2])), height // 2 + int(np.argmax(
        column[height // 2:]))
    side = middle - int(np.argmax(alpha[:middle, height // 2]))  # its trough, across and down
    assert abs((near - far) / 2 / side - SQUASH) < 0.1  # (its sprite's box: a soft ring
    # reaches as far past it down as across, and is rounder)
    rgb = pygame.surfarray.array3d(sprite).astype(int)
    light = rgb[middle].sum(axis=1) * column  # how much light each pixel lays on the tar
    assert light[:far].max() > 1.3 * light[near + 1:].max()  # the crest beyond the far side


def test_a_ring_fades_as_it_spreads_and_is_gone_before_the_next_bubble() -> None:
    first = [ring_strength(t, RING_LAGS[0]) for t in np.linspace(0.1, 0.99, 40)]
    assert all(a > b for a, b in zip(first, first[1:], strict=False))
    assert ring_strength(0.0, 0.0) == 0.0  # it comes up from nothing at the burst
    assert ring_strength(1.0, 0.0) == 0.0
    assert 0.5 < ring_end() < 1.0
    strong, faint = drawn_over((120, 110, 100), 60, 1.0), drawn_over((120, 110, 100), 60, 0.3)
    assert strong[(*FRONT, 0)] < faint[(*FRONT, 0)] < 120


def test_ring_sizes_are_every_pixel_while_small_and_spaced_out_when_big() -> None:
    made = sizes(5, 200)
    assert made[:4] == [5, 6, 7, 8] and made[-1] >= 200
    gaps = np.diff(made)
    assert gaps.min() == 1 and gaps.max() <= 4
    rings = Rings(5, 200)
    assert rings.nearest(6.4) == 6 and rings.nearest(300) == made[-1]


def trough_and_top(rings: Rings, radius: float) -> tuple[int, int]:
    """Where a ring drawn over a flat colour is darkest along its middle row (left of its
    middle) and up its middle column (above it), in pixels out from its middle."""
    headless()
    picture = pygame.Surface((900, 240))
    picture.fill((120, 110, 100))
    rings.draw(picture, (450, 120), radius)
    levels = pygame.surfarray.array3d(picture)[..., 0].astype(int)
    return 450 - int(np.argmin(levels[:450, 120])), 120 - int(np.argmin(levels[450, :120]))


def test_a_hollowed_ring_grows_a_pixel_at_a_time_between_the_sizes_made() -> None:
    """The rings round a sinking mammoth, big, were made a few pixels of radius apart and
    spread in jumps of 3 to 7 pixels: drawn at every whole size between, each a pixel larger
    than the last, where the ring made at that size would lie."""
    rings = Rings(200, 330, hollow=True)
    for _ in rings.pieces():
        pass
    assert max(np.diff(rings.sizes)) >= 4  # made a few pixels apart
    troughs, tops = [], []
    for radius in range(260, 290):
        trough, top = trough_and_top(rings, radius)
        exact = Rings(radius, radius, hollow=True)
        want_trough, want_top = trough_and_top(exact, radius)
        assert abs(trough - want_trough) <= 1 and abs(top - want_top) <= 2
        troughs.append(trough)
        tops.append(top)
    assert set(np.diff(troughs)) <= {0, 1, 2} and np.diff(troughs).mean() > 0.9
    assert max(np.diff(tops)) <= 2


def test_a_ring_drawn_between_sizes_has_no_seam_along_its_far_side() -> None:
    """Its halves drawn apart, the middle of its far side is stretched across the gap: the
    far side darkens the tar there as much as beside it."""
    rings = Rings(200, 330, hollow=True)
    made = rings.sizes[rings.sizes.index(rings.made_below(270))]
    between = made + 2 if made + 2 not in rings.sizes else made + 1
    headless()
    picture = pygame.Surface((900, 240))
    picture.fill((120, 110, 100))
    rings.draw(picture, (450, 120), between)
    far = pygame.surfarray.array3d(picture)[440:461, :120, 0].astype(int).min(axis=1)
    assert np.ptp(far) <= 2, far


def test_no_bubbles_ring_spreads_behind_the_calf_on_the_morning_bank() -> None:
    """At 11:58:30 a bubble's ring sat exactly round the calf's head and read as a halo on
    the day's last figure: every bubble's rings, at their widest, lie clear of it."""
    headless()
    size = (1920, 1080)
    line = load_timeline(Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml")
    scene = next(s for s in line.scenes if s.name == "The sun comes back to the tar pits")
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "tarpit")
    pit = Tarpit(scene.layers[index].params, Compositor(line, size, print).setup(scene, index,
                                                                                  "tarpit"))
    calf = next(standing_box(spec.params, size) for spec in scene.layers
                if spec.params.get("shape") == "calf")
    for x, depth, _period, _phase, bubble in pit.bubbles:
        spread = pit._radius(depth, bubble) * (1 + RING_SPREAD * ring_end())
        ring = pygame.Rect(0, 0, 2 * spread, 2 * spread * SQUASH)
        ring.center = (round(x * size[0]), pit.edge + round(depth * pit.depth))
        assert not ring.colliderect(calf), f"a ring at {ring.center} round the calf {calf}"


def test_a_big_ring_is_made_in_pieces_as_it_is_made_whole(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The mother's widest rings (200,000 pixels and more) were made whole in one piece of
    building ahead, 5-8 ms: made a band of columns a piece, the bytes are the same."""
    whole = ring(300, 0.3, None, 0.6)
    monkeypatch.setattr(tar_rings, "PIECE_PIXELS", 4_000)
    made = tar_rings.ring_pieces(300, 0.3, None, 0.6)
    pauses = 0
    while True:
        try:
            next(made)
            pauses += 1
        except StopIteration as done:
            banded = done.value
            break
    assert pauses >= whole.get_width() * whole.get_height() // 4_000 // 2 - 1
    assert pygame.image.tobytes(banded, "RGBA") == pygame.image.tobytes(whole, "RGBA")


def test_rings_are_made_ahead_a_few_pixels_a_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """Between two pauses, at most PIECE_PIXELS pixels of ring sprites are worked out (a
    pause came only after a ring that took it past that: a big ring and the next, 5-8 ms)."""
    worked = [0]
    band = tar_rings._ring_band

    def counted(x: np.ndarray, y: np.ndarray, *shape: float) -> tuple[np.ndarray, np.ndarray]:
        worked[0] += x.size * y.size
        return band(x, y, *shape)  # type: ignore[arg-type]

    monkeypatch.setattr(tar_rings, "_ring_band", counted)
    rings, pieces = Rings(20, 300), []
    for _ in rings.pieces():
        pieces.append(worked[0])
        worked[0] = 0
    assert set(rings.sprites) == set(rings.sizes)
    assert max(pieces) <= tar_rings.PIECE_PIXELS, f"{max(pieces)} pixels in a piece"
