"""Lucy steps in to Ivan (Park La Brea, 04:35-04:50): apart at arm's length, then she comes to
him in a few steps, a foot lifted off the floor with each, and they hold each other (they
slid together over a quarter of the scene, their feet never leaving the floor)."""

from __future__ import annotations

from installation.visuals.old_couple import STEP_LIFT, bodies
from installation.visuals.old_embrace import _figure

APPROACH = (0.08, 0.3)  # shares of the scene: apart until the first, holding from the second
SHARES = [APPROACH[0] + (APPROACH[1] - APPROACH[0]) * k / 200 for k in range(201)]
HIS_MOST = 0.25  # he comes at most this share of the way she does


def _lowest_foot(share: float) -> float:
    """The lowest point of her near foot (heights up from the floor)."""
    _, lucy = bodies(share, 0.0)
    feet = [points for kind, points, _ in _figure(lucy) if kind == "poly"][:2]
    return min(y for _, y in feet[1])


def test_she_comes_to_him_and_he_waits() -> None:
    (ivan_0, lucy_0), (ivan_1, lucy_1) = bodies(APPROACH[0], 0.0), bodies(APPROACH[1], 0.0)
    assert abs(ivan_1.x - ivan_0.x) <= HIS_MOST * abs(lucy_1.x - lucy_0.x)
    assert lucy_1.x - ivan_1.x < lucy_0.x - ivan_0.x


def test_her_feet_step_as_she_comes_and_stand_when_apart_or_held() -> None:
    lifted = [_lowest_foot(share) for share in SHARES]
    steps = sum(1 for a, b in zip(lifted, lifted[1:], strict=False)
                if a < STEP_LIFT / 2 <= b)
    assert steps >= 2, steps
    assert _lowest_foot(0.02) == 0.0 and _lowest_foot(0.4) == 0.0
