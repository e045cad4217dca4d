"""Building ahead a frame's share at a time: lean while the build's size is unknown, spread over
the time left once known, hurried as the next scene comes near."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import Timeline, state_at
from installation.core.timeline.model import Scene
from installation.visuals.compositor import URGENT_SECONDS, Compositor
from installation.visuals.piece_times import (
    FRAME_SECONDS,
    HURRY_SECONDS,
    LEAN_SHARE_SECONDS,
    SPARE,
    Shares,
)
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, timeline
from .test_ahead import FakeTimer, busy_pair

FPS = 60


def pieces_a_frame(compositor: Compositor, line: Timeline, start: float, frames: int,
                   until: Scene | None = None) -> list[int]:
    """How many pieces each of `frames` frames from `start` builds ahead (with `until`, the
    frames up to the one after which that scene is built: those after it go on to the scene
    after it, within the goal)."""
    surface = pygame.Surface(SIZE)
    built = []
    for n in range(frames):
        before = compositor.pieces_built
        compositor.draw(surface, state_at(line, start + n / FPS))
        built.append(compositor.pieces_built - before)
        if until is not None and compositor.ready(until):
            break
    return built


def test_a_frame_builds_its_lean_share_not_all_the_goal_allows() -> None:
    """Frames of 1.2 ms and pieces of 1.2 ms (the timer moves 1.2 ms each time it is read):
    half an hour before a scene whose build is not known yet, a frame builds 2 pieces (within
    its 1.2 ms and a lean 3 ms), not the 5 that fit in the 8.33 ms goal."""
    headless()
    line = busy_pair()
    compositor = Compositor(line, SIZE, print, timer=FakeTimer(0.0012))
    start = line.scenes[1].at - 1800.0
    built = pieces_a_frame(compositor, line, start, 20)
    assert LEAN_SHARE_SECONDS == pytest.approx(0.003)
    assert built[2:] == [2] * 18  # (the first frame builds the scene it shows)


def test_a_build_known_from_the_day_before_is_spread_over_the_time_left() -> None:
    """The second time a scene is built (the next day), its frames build what is left of
    the whole build spread over the frames left: one piece a frame half an hour ahead."""
    headless()
    sky = layer("sky") + NO_POST
    busy = (layer("sky", clouds=0.5) + layer("skyline") + layer("street", wet=True)
            + layer("neon", text="MILE", y=0.3) + NO_POST)
    line = timeline("".join(f'[[scene]]\nat = "{at}"\nname = "{name}"\n{body}'
                            for at, name, body in (("18:00", "a", sky), ("19:00", "b", busy),
                                                   ("20:00", "c", sky), ("21:00", "d", sky))))
    b = line.scenes[1]
    compositor = Compositor(line, SIZE, print, timer=FakeTimer(0.0012))
    first = pieces_a_frame(compositor, line, b.at - 1800.0, 400, until=b)
    assert compositor.ready(b) and max(first) == 2
    for later in line.scenes[2:3]:  # on to c: b is let go (at d, b is the scene after the
        # next one, which frames with room begin to build: see test_ahead_further)
        pieces_a_frame(compositor, line, later.at + 1800.0, 400)
    assert not compositor.ready(b)
    again = pieces_a_frame(compositor, line, b.at - 1800.0, 400, until=b)
    assert compositor.ready(b) and max(again) == 1


def test_slow_frames_all_build_as_the_next_scene_comes_near_if_its_build_is_unknown() -> None:
    """Frames of 20 ms, over the goal: far from the next scene one in 25 builds a piece; in
    the HURRY_SECONDS before its last seconds every one does (else a long build whose size
    is not known yet, in a scene of slow frames, lands on the next scene's first frame)."""
    headless()
    line = busy_pair()
    night = line.scenes[1]
    compositor = Compositor(line, SIZE, print, timer=FakeTimer(0.02))
    far = pieces_a_frame(compositor, line, night.at - 1800.0, 100)
    assert sum(far[1:]) == 4
    near = night.at - URGENT_SECONDS - HURRY_SECONDS / 2
    assert pieces_a_frame(compositor, line, near, 60) == [1] * 60


def test_a_share_is_what_is_left_of_the_last_build_over_the_frames_left() -> None:
    shares = Shares()
    assert shares.share("night", 0.0, 600.0) == LEAN_SHARE_SECONDS  # never built
    assert shares.share("night", 0.0, HURRY_SECONDS / 4) == pytest.approx(
        4 * LEAN_SHARE_SECONDS)  # unknown, and near
    shares.built("night", 0.6)
    assert shares.share("night", 0.0, 600.0) == pytest.approx(SPARE * 0.6 / (600 * 60))
    assert shares.share("night", 0.5, 10.0) == pytest.approx(SPARE * 0.1 * FRAME_SECONDS / 10)
    assert shares.share("night", 0.7, 600.0) == LEAN_SHARE_SECONDS  # longer than last time
