"""Running reads as running, not a dancer's split leap: the leg behind folds up as it leaves
the ground (its heel rising behind), the body leans forward."""

from __future__ import annotations

import math

from installation.visuals.skeleton import ankle_at
from installation.visuals.strides import run

PHASES = [i / 48 for i in range(48)]


def test_the_trailing_leg_folds_up_behind() -> None:
    for t in PHASES:
        angles = run(t)
        for thigh, knee in zip(angles.thighs, angles.knees, strict=True):
            ankle_up = min(ankle_at(angles, side)[1] for side in (0, 1))
            if thigh < -0.2 and ankle_up > 0.0:  # behind the hip, and in the air
                assert knee > 1.0, f"at {t:.2f} a trailing leg held out straight (knee {knee:.2f})"


def test_a_forward_lean() -> None:
    assert run(0.3).lean >= 0.3



FLAT = math.radians(20)  # a shin within this of level reads as lying on the ground
KNEEL_SHARE = 0.06  # of a cycle: a shin swung through level that fast is not seen held there


def test_no_trailing_shin_held_flat_like_a_kneel() -> None:
    """Under a thigh hanging down (within 0.35 rad of upright), a shin flat out behind at the
    knee's height, its foot off the ground, reads as someone kneeling (04:34:40's runner):
    the heel kicks up past it at once."""
    steps = [i / 400 for i in range(400)]
    flat = 0
    for t in steps:
        angles = run(t)
        for side, (thigh, knee) in enumerate(zip(angles.thighs, angles.knees, strict=True)):
            shin = thigh - knee  # from hanging straight down, forward positive
            if abs(thigh) < 0.35 and abs(shin + math.pi / 2) < FLAT \
                    and ankle_at(angles, side)[1] > 0.0:
                flat += 1
    share = flat / len(steps) / 2
    assert share < KNEEL_SHARE, f"a trailing shin lies flat behind {share:.0%} of the run"
