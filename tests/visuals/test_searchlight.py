"""Searchlight beams: turned ahead to a fan of angles, each moves on every frame, and where it
is depends on time alone."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals import searchlight
from installation.visuals.base import Frame, at_once, finished
from installation.visuals.compositor import Compositor
from installation.visuals.enlarge import Enlarged, lit_stretches
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, drawn_alike, frame_at, layer, one_scene

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


def test_every_beam_moves_on_every_frame_and_none_is_turned_while_drawn(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A lone beam is somewhere else on each of 30 frames in a row where its aim moves a
    pixel (none is held for the frame after; near the end of a sweep it may rest), and
    drawing them turns and enlarges nothing: that was done ahead."""
    calls: list[str] = []

    def counted(name: str) -> Callable[..., pygame.Surface]:
        work = getattr(pygame.transform, name)

        def call(*args: Any) -> pygame.Surface:
            calls.append(name)
            return work(*args)  # type: ignore[no-any-return]
        return call

    for name in ("rotozoom", "smoothscale", "rotate"):
        monkeypatch.setattr(pygame.transform, name, counted(name))
    headless()
    one = NIGHT + layer("searchlight", beams=1, speed=3, spread=40, ground=0.9) + NO_POST
    line = one_scene(one, at="22:00")
    compositor, surface = Compositor(line, SIZE, lambda _message: None), pygame.Surface(SIZE)
    compositor.draw(surface, state_at(line, parse_clock("22:00") + 1))  # built here
    calls.clear()
    frames, shifts = [], []
    lamp = searchlight.Searchlight(line.scenes[0].layers[1].params,
                                   compositor.setup(line.scenes[0], 1, "searchlight"))
    calls.clear()  # the lamp made here to know its aim; nothing while drawing
    for n in range(61, 91):
        compositor.draw(surface, state_at(line, parse_clock("22:00") + n / 60))
        frames.append(pygame.surfarray.array3d(surface).astype(int))
        shifts.append(SIZE[1] * math.tan(lamp.aim(0, n / 60)))  # its top's x at a height up
    assert calls == [], "nothing is turned or enlarged while the beams are drawn"
    moving = [abs(b - a) >= 1.0 for a, b in zip(shifts, shifts[1:], strict=False)]
    assert sum(moving) >= 10, "the frames chosen catch the beam sweeping"
    assert all((a != b).any() for a, b, moved in zip(frames, frames[1:], moving, strict=False)
               if moved), "the beam moves on every frame its aim moves a pixel or more"


def _one_beam(size: tuple[int, int]) -> tuple[searchlight.Searchlight, Frame]:
    """One wide-swinging searchlight layer, built for `size`, and a frame to draw it at."""
    headless()
    line = one_scene(layer("searchlight", beams=1, spread=60, ground=0.9) + NO_POST)
    setup = Compositor(line, size, print).setup(line.scenes[0], 0, "searchlight")
    state = state_at(line, parse_clock("12:00"))
    return (searchlight.Searchlight(line.scenes[0].layers[0].params, setup),
            Frame(state.story_time, 0.0, state))


def _aimed(angle: float) -> Callable[[int, float], float]:
    """An aim that holds every beam at `angle`."""
    def aim(_n: int, _seconds: float) -> float:
        return angle
    return aim


def _middles(frame: np.ndarray, rows: np.ndarray, guess: np.ndarray) -> np.ndarray:
    """The middle of the light in each row, near where it is guessed to be."""
    light = frame.sum(axis=2).astype(float)
    middles = []
    for row, at in zip(rows.tolist(), guess.tolist(), strict=True):
        near = np.arange(max(0, int(at) - 15), min(frame.shape[0], int(at) + 16))
        middles.append(float((near * light[near, row]).sum() / light[near, row].sum()))
    return np.asarray(middles)


def test_a_beam_between_two_angles_of_the_fan_lies_where_the_beam_turned_to_it_lies(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A beam aimed between two of the angles it was turned to ahead is the nearer one slid
    band by band: row by row its light is centred within a pixel and a quarter of where the
    beam turned to its own angle has it, without a stair of three pixels."""
    size = (640, 360)
    light, frame = _one_beam(size)
    fan = light.fan, light.first
    rows = np.arange(160, 300)  # below the lit haze, above the lamp
    for angle in (0.05 + 0.49 * searchlight.FAN_STEP, -0.55 - 0.49 * searchlight.FAN_STEP,
                  0.95 + 0.49 * searchlight.FAN_STEP):
        drawn = []
        for fan_now in (fan, ([finished(light.turn(angle))], round(angle / searchlight.FAN_STEP))):
            light.fan, light.first = fan_now
            surface = pygame.Surface(size)
            monkeypatch.setattr(light, "aim", _aimed(angle))
            light.draw(surface, frame)
            drawn.append(pygame.surfarray.array3d(surface))
        guess = light.lamps[0][0] * size[0] + math.tan(angle) * (size[1] * 0.9 - rows)
        sheared, turned = (_middles(frame, rows, guess) for frame in drawn)
        worst = np.abs(sheared - turned).max()
        assert worst < 1.25, f"{worst:.2f} pixels from the turned beam at {angle:.3f}"
        assert np.abs(np.diff(sheared)).max() < 3.0, f"a stair at {angle:.3f}"


@pytest.mark.parametrize(("beams", "spread"), [(1, 5.0), (5, 35.0), (8, 80.0)])
def test_the_fan_holds_an_angle_near_every_one_the_beams_reach(beams: int,
                                                                spread: float) -> None:
    """Whatever the beams and their swing, every angle a beam reaches over ten minutes is
    within half a step of one the beam was turned to ahead."""
    headless()
    line = one_scene(layer("searchlight", beams=beams, spread=spread, speed=4) + NO_POST)
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "searchlight")
    light = searchlight.Searchlight(line.scenes[0].layers[0].params, setup)
    for n in range(beams):
        for seconds in np.linspace(0.0, 600.0, 2001).tolist():
            angle = light.aim(n, seconds)
            assert abs(angle - light.nearest(angle).angle) <= searchlight.FAN_STEP / 2 + 1e-9


def test_a_searchlight_built_in_pieces_draws_as_one_built_at_once() -> None:
    """Built ahead, a piece at a time, it draws what one built at once draws."""
    headless()
    line = one_scene(BEAMS, at="22:00")
    state = state_at(line, parse_clock("22:00:07"))
    params = line.scenes[0].layers[1].params
    setup = Compositor(line, SIZE, print).setup(state.scene, 1, "searchlight")
    stepped = object.__new__(searchlight.Searchlight)
    at_once(stepped.pieces(params, setup))
    whole = searchlight.Searchlight(params, setup)
    assert drawn_alike((whole, stepped), Frame(state.story_time, 7.0, state), SIZE)


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
