"""Searchlight beams: each turns on every other frame, and where it is depends on time alone."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals import searchlight
from installation.visuals.compositor import Compositor
from installation.visuals.enlarge import Enlarged, lit_stretches
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, frame_at, layer, one_scene

NIGHT = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
BEAMS = NIGHT + layer("searchlight", beams=5, speed=3, ground=0.9) + NO_POST


def test_a_frame_is_the_same_whether_or_not_the_frames_before_it_were_drawn() -> None:
    headless()
    line = one_scene(BEAMS, at="22:00")
    compositor, surface = Compositor(line, SIZE, lambda _message: None), pygame.Surface(SIZE)
    for n in range(1, 30):  # a run of frames, each beam held for the frame after it turned
        compositor.draw(surface, state_at(line, parse_clock("22:00") + n / 60))
        drawn = pygame.surfarray.array3d(surface).astype(int)
        assert np.array_equal(drawn, frame_at(BEAMS, "22:00", n / 60)), f"frame {n}"


def test_beams_move_every_frame_but_each_turns_on_every_other(
        monkeypatch: pytest.MonkeyPatch) -> None:
    turns: list[int] = []
    rotozoom = pygame.transform.rotozoom

    def counted(image: pygame.Surface, angle: float, zoom: float) -> pygame.Surface:
        turns[-1] += 1
        return rotozoom(image, angle, zoom)

    monkeypatch.setattr(searchlight.pygame.transform, "rotozoom", counted)
    headless()
    line = one_scene(BEAMS, at="22:00")
    compositor, surface = Compositor(line, SIZE, lambda _message: None), pygame.Surface(SIZE)
    frames = []
    for n in range(60, 90):
        turns.append(0)
        compositor.draw(surface, state_at(line, parse_clock("22:00") + n / 60))
        frames.append(pygame.surfarray.array3d(surface).astype(int))
    assert max(turns[1:]) <= 3, "at most half the five beams (rounded up) turn in a frame"
    assert all((a != b).any() for a, b in zip(frames, frames[1:], strict=False)), \
        "some beam moves on every frame"


def test_light_enlarged_in_lit_pieces_is_the_light_enlarged_whole() -> None:
    """Only the lit stretches are enlarged and added, and they join without a seam: the frame
    is the same as when the whole small picture is smoothed up and added."""
    headless()
    rng = np.random.default_rng(3)
    light = Enlarged((41, 31), 6)
    pixels = np.zeros((41, 31, 3), dtype=np.uint8)  # dark but for a few lit patches
    for left, top, width, height in ((2, 0, 5, 9), (30, 3, 11, 6), (14, 13, 3, 12)):
        pixels[left:left + width, top:top + height] = rng.integers(
            1, 256, (width, height, 3), dtype=np.uint8)
    pygame.surfarray.blit_array(light.small, pixels)
    light.enlarge(24)
    assert light.pieces, "something is lit"
    assert sum(p.get_width() * p.get_height() for p, _ in light.pieces) < 6 * 40 * 6 * 24
    pieced, whole = pygame.Surface((240, 180)), pygame.Surface((240, 180))
    for frame in (pieced, whole):
        frame.fill((30, 20, 50))
    light.add(pieced)
    enlarged = pygame.transform.smoothscale(light.small.subsurface((0, 0, 41, 25)), (240, 144))
    whole.blit(enlarged, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    assert np.array_equal(pygame.surfarray.array3d(pieced), pygame.surfarray.array3d(whole))


def test_lit_stretches_cover_every_column_blending_a_lit_pixel() -> None:
    lit = np.zeros((9, 20), dtype=bool)  # rows x columns; the last row is only blended to
    lit[1, 3] = True  # band 0 (rows 0-3): columns 2 and 3 blend column 3
    lit[4, 10] = lit[4, 13] = True  # the row below band 0, and band 1's first row
    lit[8, 19] = True  # only blended towards, by band 1's last row (the right edge)
    assert lit_stretches(lit, 4, 1) == [(0, 4, 2, 4), (0, 4, 9, 11), (0, 4, 12, 14),
                                        (4, 8, 9, 11), (4, 8, 12, 14), (4, 8, 18, 19)]
    assert lit_stretches(lit, 4, 3) == [(0, 4, 2, 4), (0, 4, 9, 14), (4, 8, 9, 14),
                                        (4, 8, 18, 19)]


def test_light_fainter_than_faint_is_not_enlarged_nor_added() -> None:
    """A small picture's pixels with every channel under `faint` count as black: no piece
    is made for them (the beams' faintest fringe costs no enlarging and adding); a pixel
    with one channel at `faint` still is."""
    headless()
    light = Enlarged((20, 10), 6, faint=4)
    light.small.fill((3, 3, 3))
    light.enlarge(9)
    assert light.pieces == [], "all of it is too faint"
    light.small.set_at((10, 4), (0, 0, 4))
    light.enlarge(9)
    assert len(light.pieces) == 1
    (piece, (x, y)), = light.pieces
    assert x <= 60 < x + piece.get_width() and y <= 24 < y + piece.get_height()


def test_a_beam_turned_with_an_alpha_channel_is_the_beam_turned_without() -> None:
    """The beam is kept with an alpha channel (rotozoom turns it quicker so): turned, its
    colours are those of the opaque beam turned."""
    headless()
    beam = searchlight.without_dark_sides(searchlight.beam_sprite(120, (220, 230, 255)))
    for angle in (-37.0, -3.5, 0.0, 12.25, 61.0):
        opaque = pygame.transform.rotozoom(beam, angle, 1.0)
        alpha = pygame.transform.rotozoom(searchlight.with_alpha(beam), angle, 1.0)
        assert np.array_equal(pygame.surfarray.array3d(opaque), pygame.surfarray.array3d(alpha))
