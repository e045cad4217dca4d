"""Building ahead in the room a frame leaves: never a frame that builds slower than the goal (or
than the scene's own p95, in a scene slower than that), on a fake clock."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.visuals import building_ahead
from installation.visuals.building_ahead import GOAL_SECONDS

from .helpers import SIZE
from .test_ahead import FPS, slowed

FORCE_SECONDS = getattr(building_ahead, "FORCE_SECONDS", 2.0)  # (none on main: run it there too)


def frames_of(monkeypatch: pytest.MonkeyPatch, draws: list[float], piece: float,
              seconds: float, before: float) -> tuple[list[tuple[int, float]], bool]:
    """The frames of `seconds` of busy_pair()'s first scene up to `before` seconds ahead of
    the second, each drawn in the next of `draws` (seconds, round and round), each piece of
    the second scene built in `piece`, on a clock moved by those alone: (pieces, seconds)
    per frame, and whether the second scene was built by the end."""
    compositor, timer, line, _start = slowed(monkeypatch, draws, piece)
    night = line.scenes[1]
    surface = pygame.Surface(SIZE)
    start = night.at - before - seconds
    compositor.draw(surface, state_at(line, start))  # (the scene shown is built in it)
    frames = []
    for n in range(1, int(seconds * FPS)):
        built, began = compositor.pieces_built, timer.now
        compositor.draw(surface, state_at(line, start + n / FPS))
        frames.append((compositor.pieces_built - built, timer.now - began))
    return frames, compositor.ready(night)


def test_no_frame_that_builds_ahead_is_slower_than_the_goal(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Frames of 7 ms, one in 30 of 4 ms; pieces of 2 ms: a piece fits beside a 4 ms frame
    within the 8.33 ms goal, never beside a 7 ms one, which builds none (on main one 7 ms
    frame in 25 built anyway, up to 12.5 ms: Panic's and Park La Brea's p95 were such
    frames). (The first piece, its cost not known yet, is guessed to take nothing, as on
    main: it may go over.)"""
    frames, _ready = frames_of(monkeypatch, [0.004, *[0.007] * 29], 0.002, 20.0, 600.0)
    building = [took for built, took in frames if built][1:]
    assert building and max(building) <= GOAL_SECONDS


def test_in_a_slow_scene_a_frame_that_builds_is_no_slower_than_its_p95(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Frames of 9, 9, 9 and 12 ms (a scene over the goal: its p95 12 ms), pieces of 2 ms:
    the 9 ms frames build them, up to 12 ms, the 12 ms frames none (on main one slow frame
    in 25 built, whichever it was, up to 12.5 ms and more: 14 ms)."""
    frames, _ready = frames_of(monkeypatch, [0.009, 0.009, 0.009, 0.012], 0.002, 10.0, 600.0)
    built = [(pieces, took) for pieces, took in frames if pieces]
    assert max(took for _pieces, took in built) <= 0.012 + 1e-9
    assert len(built) > len(frames) / 10  # (on main one frame in 25)


def test_a_piece_that_fits_beside_no_frame_is_built_alone_now_and_then(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Frames of 6 ms, pieces of 3 ms: none fits within the goal. One frame in FORCE_SECONDS
    builds one anyway, alone (on main one in 25 did: 4% of a slow scene's frames over the
    goal, enough with its own slow frames to set its p95); close to the next scene (its
    share hurried) every frame does, and it is built before it comes."""
    far, _ready = frames_of(monkeypatch, [0.006], 0.003, 10.0, 600.0)
    built = [pieces for pieces, _took in far if pieces]
    assert built and max(built) == 1
    assert len(built) <= 10.0 / FORCE_SECONDS + 1
    _near, ready = frames_of(monkeypatch, [0.006], 0.003, 12.0, 0.0)
    assert ready


def test_the_frames_cost_is_their_p95_and_median_of_late() -> None:
    from installation.visuals.frame_costs import FEWEST, REFRESH, FrameCosts

    costs = FrameCosts(window=100)
    for n in range(FEWEST - 1):
        costs.took(0.050 if n == 0 else 0.004)  # a first frame that built what it shows
    assert costs.high == 0.0  # (too few to tell)
    costs.took(0.004)
    assert costs.high == pytest.approx(0.004)  # (the first frame one of the 5% over it)
    costs.clear()
    for n in range(100):
        costs.took(0.001 * (n % 20 + 1))  # 1 to 20 ms, five of each
    assert costs.high == pytest.approx(0.019)
    assert 0.009 - 1e-9 <= costs.low <= 0.010 + 1e-9  # (worked out every REFRESH frames)
    for _ in range(100 + REFRESH):
        costs.took(0.002)  # the old ones pass out of the window
    assert costs.high == pytest.approx(0.002)
    costs.clear()
    assert costs.high == costs.low == 0.0
