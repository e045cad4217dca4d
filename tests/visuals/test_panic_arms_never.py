"""Running in panic, no arm is held still and no hand goes over the head: a curator saw a mall
runner hold an arm stiff at shoulder height (a zombie's reach), the diner's runners pointing,
and one fling both arms up past the head (a dancer's leap): people fleeing pump, fling and
flail their arms, bent, at every stride."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from installation.visuals.panic_arms import STYLES
from installation.visuals.poses import pose
from installation.visuals.skeleton import GAIT, Body

STEPS = 24  # phases of a stride looked at
MOVES = 0.12  # figure heights: each hand travels at least this far about the shoulder in a
#               stride (a jog's hand, about 0.25; the zombie's reach, 0.06)
HELD = ("head",)  # a hand clutching the head holds it there (the elbow bent, up in front)


def _stride(arms: str, wild: float) -> list[Body]:
    gait = replace(GAIT, arms=arms, wild=wild)
    return [pose("run", step / STEPS, gait=gait) for step in range(STEPS)]


def _hand(body: Body, side: int) -> tuple[float, float]:
    """Where a hand is (0 near, 1 far) from the shoulder, in figure heights."""
    shoulder, wrist = body.joints["shoulder"], body.joints[f"wrist{side}"]
    return wrist[0] - shoulder[0], wrist[1] - shoulder[1]


@pytest.mark.parametrize("arms", STYLES)
def test_every_arm_moves_with_the_stride(arms: str) -> None:
    """Over one stride each hand (but one clutching the head) sweeps at least MOVES about the
    shoulder, wild or not."""
    for wild in (0.0, 0.5, 1.0):
        bodies = _stride(arms, wild)
        for side in (0, 1):
            if side == 0 and arms in HELD:
                continue
            path = [_hand(body, side) for body in bodies]
            swept = max(math.dist(a, b) for a in path for b in path)
            assert swept >= MOVES, (arms, wild, side, round(swept, 3))


@pytest.mark.parametrize("arms", STYLES)
def test_no_hand_goes_up_over_the_head(arms: str) -> None:
    """At no moment of the stride is a hand above the top of the runner's head."""
    for wild in (0.0, 0.5, 1.0):
        for body in _stride(arms, wild):
            top = body.head[1] + body.head_radius
            for side in (0, 1):
                assert body.joints[f"wrist{side}"][1] <= top, (arms, wild, side)


OUT_AHEAD = 0.28  # figure heights: both hands this far ahead of the shoulder at once, the arms
#                   all but straight out in front (an arm is about 0.32 long): a sleepwalker


@pytest.mark.parametrize("arms", STYLES)
def test_never_both_arms_out_ahead_at_once(arms: str) -> None:
    """At no moment are both hands held far out in front together (one clawing ahead while
    the other was flung forward too: the diner's runner held both arms out, a sleepwalker)."""
    for wild in (0.0, 0.5, 1.0):
        for body in _stride(arms, wild):
            ahead = min(_hand(body, 0)[0], _hand(body, 1)[0])
            assert ahead < OUT_AHEAD, (arms, wild, round(ahead, 3))


FLUNG_BACK = 0.18  # figure heights: a flung arm's hand this far behind the shoulder at least


def test_a_flung_arm_goes_far_out_behind() -> None:
    """Flung back, the hand goes well out behind the back (flung back no further than it came
    forward, it stayed over a long coat, in the coat's colour, and the runner across the
    zebra crossing at 05:07 read as one-armed)."""
    for wild in (0.0, 1.0):
        behind = min(_hand(body, 0)[0] for body in _stride("throw", wild))
        assert behind < -FLUNG_BACK, (wild, round(behind, 3))
