"""The mother going under (10:33-10:43) raises her trunk slowly, as the tar closes over her: her
pose never swings more than a step or two in a real second (at 10:38 her trunk, raised in a
spell, fell back to curled in about one real second, then rose again), and once she begins to
reach it only rises."""

from __future__ import annotations

from functools import cache

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame

from .helpers import shipped_program
from .test_mammoth_sinks import built

SCENE = "The sun comes back to the tar pits"
SPAN = ("10:33", "10:43")  # the story times looked at ...
EVERY = 2.0  # ... every this many story seconds
WINDOW = 1.0  # real seconds: within any this long ...
STEPS = 2  # ... her pose moves at most this many of its seven steps (a trunk tip ~12 px each)
REACHING = "10:37:30"  # from here on she only rises (base: 6 at 10:37:46, 2 at 10:38:16)


@cache
def poses() -> list[tuple[float, int]]:
    """(real seconds into the scene, her pose) every EVERY story seconds through SPAN."""
    program = shipped_program()
    her = built(SCENE)
    out = []
    story = parse_clock(SPAN[0])
    while story <= parse_clock(SPAN[1]):
        state = state_at(program.timeline, story, program.clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        out.append((state.scene_seconds, her.look(frame).pose))
        story += EVERY
    return out


def test_her_pose_swings_slowly() -> None:
    seen = poses()
    worst = max((abs(b[1] - a[1]), a[0]) for n, a in enumerate(seen) for b in seen[n + 1:]
                if b[0] - a[0] <= WINDOW)
    assert worst[0] <= STEPS, f"{worst[0]} steps within {WINDOW} real s at {worst[1]:.1f} s"


def test_reaching_she_never_falls_back() -> None:
    program = shipped_program()
    start = state_at(program.timeline, parse_clock(REACHING), program.clock).scene_seconds
    late = [pose for seconds, pose in poses() if seconds >= start]
    falls = [(a, b) for a, b in zip(late, late[1:], strict=False)
             if b < a]  # (past her highest, her head bows in poses after her lifted ones,
    # her trunk raised all the while: see mammoth_lift.BOWS)
    assert not falls, f"her trunk falls back: {falls}"
