"""Building ahead: each frame the room it leaves within the goal, or more if the deadline requires
it (a lean share while the build's size is unknown, what is left spread over the time left once
known, hurried as the next scene comes near)."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import Timeline, state_at
from installation.visuals.compositor import GOAL_SECONDS, URGENT_SECONDS, Compositor
from installation.visuals.piece_times import (
    FRAME_SECONDS,
    HURRY_SECONDS,
    LEAN_SECONDS,
    LEAN_SHARE_SECONDS,
    SPARE,
    Shares,
)
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, timeline
from .test_ahead import FakeTimer, busy_pair, slowed

FPS = 60


def pieces_a_frame(compositor: Compositor, line: Timeline, start: float,
                   frames: int) -> list[int]:
    """How many pieces each of `frames` frames from `start` builds ahead."""
    surface = pygame.Surface(SIZE)
    built = []
    for n in range(frames):
        before = compositor.pieces_built
        compositor.draw(surface, state_at(line, start + n / FPS))
        built.append(compositor.pieces_built - before)
    return built


def test_a_frame_builds_what_fits_its_room_within_the_goal() -> None:
    """Frames of 1.2 ms and pieces of 1.2 ms (the timer moves 1.2 ms each time it is read):
    half an hour before a scene whose build is not known yet, a frame builds the 5 pieces
    that fit beside it in the 8.33 ms goal (the room it leaves), and stays within it. (On
    5c243bca it built 2, its lean 3 ms at most: Panic's 25 s of sprites, in the payphone's
    frames, were not done at its cut; this rewrites the test that pinned the lean share.)"""
    headless()
    line = busy_pair()
    compositor = Compositor(line, SIZE, print, timer=FakeTimer(0.0012))
    start = line.scenes[1].at - 1800.0
    built = pieces_a_frame(compositor, line, start, 20)
    assert built[2:] == [5] * 18  # (the first frame builds the scene it shows)
    assert 1.2 + 5 * 1.2 <= GOAL_SECONDS * 1000 < 1.2 + 6 * 1.2  # (as many as fit)


def test_frames_with_no_room_build_the_lean_share_the_deadline_needs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Frames of 7 ms and pieces of 2 ms: no piece fits beside a frame in the 8.33 ms goal.
    20 s before the next scene's last seconds, its build (not known yet) is owed a lean 3 ms
    a frame, so a frame builds a piece as the debt reaches it: the scene is built within 10 s,
    before the last HURRY_SECONDS, not one piece in 25 frames until they come (on 5c243bca:
    24 pieces in those 10 s; the payphone's frames left Panic unbuilt at its cut so)."""
    compositor, timer, line, _start = slowed(monkeypatch, 0.007, 0.002)
    night = line.scenes[1]
    start = night.at - URGENT_SECONDS - 20.0
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state_at(line, start))
    took = []
    for n in range(1, 10 * FPS):
        began = timer.now
        compositor.draw(surface, state_at(line, start + n / FPS))
        took.append(timer.now - began)
    assert 20.0 - 10.0 > HURRY_SECONDS
    assert compositor.ready(night)
    assert max(took) <= 0.007 + 2 * 0.002 + 1e-9  # (a piece or two past the goal, no pile)


def test_a_build_known_from_the_day_before_is_done_again() -> None:
    """The second time a scene is built (the next day), its frames build it as the first
    time, in the room they leave (5 pieces of 1.2 ms beside a 1.2 ms frame)."""
    headless()
    sky = layer("sky") + NO_POST
    busy = (layer("sky", clouds=0.5) + layer("skyline") + layer("street", wet=True)
            + layer("neon", text="MILE", y=0.3) + NO_POST)
    line = timeline("".join(f'[[scene]]\nat = "{at}"\nname = "{name}"\n{body}'
                            for at, name, body in (("18:00", "a", sky), ("19:00", "b", busy),
                                                   ("20:00", "c", sky), ("21:00", "d", sky))))
    b = line.scenes[1]
    compositor = Compositor(line, SIZE, print, timer=FakeTimer(0.0012))
    first = pieces_a_frame(compositor, line, b.at - 1800.0, 400)
    assert compositor.ready(b) and max(first[1:]) == 5
    for later in line.scenes[2:]:  # on through the day: b is let go
        pieces_a_frame(compositor, line, later.at + 1800.0, 400)
    assert not compositor.ready(b)
    again = pieces_a_frame(compositor, line, b.at - 1800.0, 400)
    assert compositor.ready(b) and max(again[1:]) == 5


def test_a_share_is_what_is_left_of_the_last_build_over_the_frames_left() -> None:
    shares = Shares()
    assert shares.share("night", 0.0, 600.0) == 0.0  # never built, and far: the room only
    assert shares.share("night", 0.0, LEAN_SECONDS) == LEAN_SHARE_SECONDS  # nearer
    assert shares.share("night", 0.0, HURRY_SECONDS / 4) == pytest.approx(
        4 * LEAN_SHARE_SECONDS)  # unknown, and near
    shares.built("night", 0.6)
    assert shares.share("night", 0.0, 600.0) == pytest.approx(SPARE * 0.6 / (600 * 60))
    assert shares.share("night", 0.5, 10.0) == pytest.approx(SPARE * 0.1 * FRAME_SECONDS / 10)
    assert shares.share("night", 0.7, 100.0) == LEAN_SHARE_SECONDS  # longer than last time


def test_an_unknown_build_is_guessed_to_need_as_much_again_as_it_took() -> None:
    """30 s built of a scene never built before, 100 s left: a frame owes 1.5 x 30 s spread
    over the frames left (7.5 ms), not the lean 3 ms (on 5c243bca: Panic, 25 s of building,
    was owed 3 ms a frame however far it had got)."""
    shares = Shares()
    assert shares.share("panic", 30.0, 100.0) == pytest.approx(SPARE * 30.0 * FRAME_SECONDS / 100)
    assert shares.share("panic", 30.0, 100.0) > 2 * LEAN_SHARE_SECONDS
