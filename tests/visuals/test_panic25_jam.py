"""Panic in the diner, 04:23: the rush out is a crowd's, not a procession of single runners.
Several run for the door at once and jam there (the doorway narrower than the crowd): at
one moment five or more press towards it while three or more are held within a door's width
of it, and they squeeze out through it one at a time."""

from __future__ import annotations

import math

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame

from .test_figure_runners import shipped_rush

SPAN = ("04:23:20", "04:24:00")  # story times looked at, STEP story seconds apart
STEP = 0.5
SIZE = (1920, 1080)
DOOR = (0.78, 0.672)  # the doorway's sill, where every runner's path goes out
WIDE = 0.1  # a door's width, of the picture's
PRESSING = 5  # at least this many at once run for the door or are held at it...
HELD = 3  # ...this many of them within a door's width of it
SILL = 0.77  # of the width: a runner past this is going through the doorway
ONE_AT_A_TIME = 0.3  # real seconds at least between two going through it


Feet = dict[tuple[int, int], tuple[float, float]]


def _moments() -> list[tuple[float, Feet]]:
    """Each runner's feet (keyed by layer and member) at each moment looked at, with the real
    second of it."""
    line, clock, rush = shipped_rush()
    story, end = parse_clock(SPAN[0]), parse_clock(SPAN[1])
    moments: list[tuple[float, Feet]] = []
    while story < end:
        state = state_at(line, story, clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        moments.append((state.scene_seconds, {
            (n, k): member.feet for n, one in enumerate(rush)
            for k, member in enumerate(one.members(frame))}))
        story += STEP
    return moments


MOMENTS = _moments()


def _to_door(feet: tuple[float, float]) -> float:
    return math.hypot(feet[0] - DOOR[0] * SIZE[0], feet[1] - DOOR[1] * SIZE[1])


def test_a_crowd_presses_at_the_door_at_once() -> None:
    best = (0, 0)
    for (_, before), (_, now) in zip(MOMENTS, MOMENTS[1:], strict=False):
        inside = {key: feet for key, feet in now.items() if feet[0] < SILL * SIZE[0]}
        held = [key for key, feet in inside.items() if _to_door(feet) <= WIDE * SIZE[0]]
        coming = [key for key, feet in inside.items() if key in before and key not in held
                  and _to_door(feet) < _to_door(before[key]) - 1]
        best = max(best, (len(held), len(held) + len(coming)))
        if len(held) >= HELD and len(held) + len(coming) >= PRESSING:
            return
    raise AssertionError(f"never {PRESSING} pressing for the door with {HELD} held at it: "
                         f"at best (held, pressing) {best}")


def test_they_squeeze_out_through_it_one_at_a_time() -> None:
    through: list[float] = []
    for (_, before), (seconds, now) in zip(MOMENTS, MOMENTS[1:], strict=False):
        through += [seconds for key, feet in now.items() if feet[0] >= SILL * SIZE[0]
                    and key in before and before[key][0] < SILL * SIZE[0]]
    gaps = [b - a for a, b in zip(sorted(through), sorted(through)[1:], strict=False)]
    assert len(through) >= PRESSING, "they go out through the door"
    assert min(gaps) >= ONE_AT_A_TIME, f"two through the doorway at once: {gaps}"
