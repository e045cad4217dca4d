"""Running reads as running, not a dancer's split leap: the leg behind folds up as it leaves
the ground (its heel rising behind), the body leans forward."""

from __future__ import annotations

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

