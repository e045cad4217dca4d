"""Park La Brea (04:35-04:50): while Lucy and Ivan reach for each other, their arms do not hold
one shape for long (on 4a551ad6 his hand on her arm and hers on his face made a narrow V that
stood some 16 real seconds): before she steps in to him, no pose of their two near arms is
held, within a few degrees, for as long as ten real seconds."""

from __future__ import annotations

import math

from installation.visuals.old_couple import IN_ARMS, bodies, hands_at

SCENE = 120.0  # real seconds: 04:35-04:50, paced 8 in the show's timeline (2 minutes)
STEP = 0.25  # real seconds between the looks taken
STILL = math.radians(6)  # an arm turned less than this from where a pose began is held
LONGEST = 10.0  # real seconds: no pose of both arms is held longer


def arms(seconds: float) -> tuple[float, float]:
    """The directions (radians) of his near arm and hers, shoulder to hand, at `seconds`."""
    ivan, lucy = bodies(seconds / SCENE, seconds)
    his, hers = hands_at(seconds / SCENE, ivan, lucy)
    (ix, iy), (lx, ly) = ivan.shoulder(), lucy.shoulder()
    return math.atan2(his[1] - iy, his[0] - ix), math.atan2(hers[1] - ly, hers[0] - lx)


def test_their_reaching_arms_do_not_hold_one_v() -> None:
    times = [n * STEP for n in range(round(IN_ARMS * SCENE / STEP))]
    start, longest = times[0], 0.0
    for t in times:
        first, now = arms(start), arms(t)
        if any(abs(a - b) > STILL for a, b in zip(first, now, strict=True)):
            start = t
        longest = max(longest, t - start)
    assert longest < LONGEST, f"one pose held {longest:.1f} real seconds"
