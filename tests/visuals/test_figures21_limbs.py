"""Limbs with shape and a run that reads as running: an upper arm fuller along its middle than
at the shoulder, a forearm fullest just below the elbow and narrower than the upper arm, a bent
elbow's point standing out; in a runner's flight the knee in front high and the leg behind
reaching back from the hip (a thigh hanging under him, its shin out flat behind, read as
someone kneeling: the runner at 05:08)."""

from __future__ import annotations

import math

from installation.visuals.poses import pose
from installation.visuals.skeleton import WIDTHS, Body, Capsule, Point, ankle_at
from installation.visuals.strides import run

SAMPLES = 400  # points across an arm where its width is measured
SPAN = 0.1  # figure heights either side of the arm's line looked at


def inside(capsule: Capsule, p: Point) -> bool:
    """Is p inside this tapering capsule (round ends)?"""
    (ax, ay), (bx, by) = capsule.a, capsule.b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    k = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
    radius = (capsule.width + (capsule.end_width - capsule.width) * k) / 2
    return math.dist(p, (ax + dx * k, ay + dy * k)) <= radius


def arm(body: Body, side: int) -> list[Capsule]:
    far = side == 1
    return [c for c in body.capsules if c.limb == "arm" and c.far == far]


def width(body: Body, side: int, a: str, b: str, k: float) -> float:
    """How wide the arm is across its line from joint a to joint b, k of the way along."""
    (ax, ay), (bx, by) = body.joints[a], body.joints[b]
    length = math.dist((ax, ay), (bx, by))
    ux, uy = (bx - ax) / length, (by - ay) / length
    mx, my = ax + (bx - ax) * k, ay + (by - ay) * k
    pieces = arm(body, side)
    hits = [s for s in (SPAN * (2 * i / SAMPLES - 1) for i in range(SAMPLES + 1))
            if any(inside(c, (mx - uy * s, my + ux * s)) for c in pieces)]
    return max(hits) - min(hits)


def test_an_upper_arm_is_fullest_along_its_middle_and_a_forearm_below_the_elbow() -> None:
    body = pose("idle", 0.0)
    for side in (0, 1):
        elbow, wrist = f"elbow{side}", f"wrist{side}"
        upper = width(body, side, "shoulder", elbow, 0.4)
        assert upper > width(body, side, "shoulder", elbow, 0.05) + 0.003, side
        fore = width(body, side, elbow, wrist, 0.25)
        assert fore > width(body, side, elbow, wrist, 0.03) + 0.002, side
        assert fore < upper - 0.01 and width(body, side, elbow, wrist, 0.8) < fore - 0.008


def test_a_bent_elbow_shows_its_point() -> None:
    body = pose("run", 0.3)  # a running arm, bent near a right angle
    for side in (0, 1):
        shoulder, elbow, wrist = (body.joints[n] for n in ("shoulder", f"elbow{side}",
                                                           f"wrist{side}"))
        u = [(shoulder[i] - elbow[i]) / math.dist(shoulder, elbow) for i in (0, 1)]
        v = [(wrist[i] - elbow[i]) / math.dist(wrist, elbow) for i in (0, 1)]
        out = [-(u[i] + v[i]) for i in (0, 1)]
        span = math.hypot(*out)
        reach = max(s for s in (i / 1000 * SPAN for i in range(1001))
                    if any(inside(c, (elbow[0] + out[0] / span * s, elbow[1] + out[1] / span * s))
                           for c in arm(body, side)))
        assert reach >= WIDTHS["elbow"] / 2 + 0.006, (side, reach)


def test_in_flight_the_knee_in_front_is_high_and_the_leg_behind_reaches_back() -> None:
    flights = []
    for step in range(200):
        angles = run(step / 200)
        if min(ankle_at(angles, side)[1] for side in (0, 1)) <= 0.02:
            continue  # a foot on the ground
        front = max((0, 1), key=lambda side: angles.thighs[side])
        flights.append((angles.thighs[front], angles.thighs[1 - front]))
    assert flights
    assert max(front for front, _ in flights) >= 0.95, "the knee driven up in front"
    # (the leg behind upright under the body, within 0.1, or back of it, its heel kicked up:
    # no longer reaching back half a radian, a slide or the splits at 04:58, legs25)
    assert min(back for _, back in flights) <= 0.1, "the leg behind, not both knees up in front"
