"""Runners run: over the sixteen drawings of a stride the leg behind never reaches far back from
the body nor is flung out straight behind (the heel kicks up towards the seat), and a foot is
always under the body (at 04:58 two women in skirts showed a shin flat out behind at the hem's
height and no leg under them: a slide, or the splits)."""

from __future__ import annotations

import math

import pytest

from installation.visuals.skeleton import GAIT, Gait, ankle_at, hips
from installation.visuals.strides import run
from installation.visuals.wardrobe import JULIE

PHASES = [k / 16 for k in range(16)]  # a stride as it is drawn
# Everyone's run: the usual, a crowd's longest and bounciest stride and its shortest, Julie's.
GAITS = {"usual": GAIT, "long": Gait(1.12, 1.0, 1.7), "short": Gait(0.88, 1.0, 1.0),
         "julie": JULIE}
BEHIND_BODY = math.radians(40)  # the thigh back from the line of the body, at the most
BEHIND_UPRIGHT = math.radians(30)  # and back from upright
AIRBORNE = 0.08  # figure heights: an ankle this high is off the ground (on the toes: lower)
KICKED = 1.0  # radians: a knee behind the hip, off the ground, folds at least this far
BACK_MOST = 0.25  # figure heights: a foot off the ground behind the hip, at most (a shin)
UNDER = 0.16  # figure heights: a foot this near the hip, fore and aft, is under the body


@pytest.mark.parametrize("name", GAITS)
def test_the_thigh_behind_never_reaches_far_back(name: str) -> None:
    for t in PHASES:
        angles = run(t, GAITS[name])
        for thigh in angles.thighs:
            assert -thigh <= BEHIND_UPRIGHT, f"{name} at {t}: thigh {math.degrees(thigh):.0f}"
            assert angles.lean - thigh <= BEHIND_BODY, (
                f"{name} at {t}: thigh {math.degrees(angles.lean - thigh):.0f} deg behind "
                "the body")


@pytest.mark.parametrize("name", GAITS)
def test_a_foot_behind_in_the_air_is_kicked_up_not_flung_out(name: str) -> None:
    for t in PHASES:
        angles = run(t, GAITS[name])
        for side, joint in enumerate(hips(angles.hip, angles.twist)):
            ankle = ankle_at(angles, side)
            if ankle[0] >= joint[0] or ankle[1] <= AIRBORNE:
                continue
            assert angles.knees[side] >= KICKED, f"{name} at {t}: a straight leg behind"
            assert joint[0] - ankle[0] <= BACK_MOST, (
                f"{name} at {t}: a foot flung {joint[0] - ankle[0]:.2f} behind the hip")


@pytest.mark.parametrize("name", GAITS)
def test_a_foot_is_under_the_body_in_every_drawing(name: str) -> None:
    for t in PHASES:
        angles = run(t, GAITS[name])
        nearest = min(abs(ankle_at(angles, side)[0] - angles.hip[0]) for side in (0, 1))
        assert nearest <= UNDER, f"{name} at {t}: the nearest foot {nearest:.2f} from the hip"
