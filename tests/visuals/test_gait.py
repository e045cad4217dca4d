"""A walker's feet: each is set down and stays where it was set down while the body passes over
it (no sliding along the ground), one foot after the other."""

from __future__ import annotations

from installation.visuals.skeleton import STRIDE, Body, pose

SAMPLES = 400  # moments through one cycle
SLIDE = 0.004  # of a height: the most a foot on the ground may move along it, while down
DOWN = (0.4, 0.6)  # of a cycle: how long each foot is the one on the ground, about half


def ground_foot(body: Body) -> tuple[bool, float]:
    """Which foot is on the ground (the lowest: far or not) and where its toe is, along it."""
    toes = [c for c in body.capsules if c.limb == "leg"][2::3]  # each leg: thigh, shin, foot
    down = min(toes, key=lambda c: c.b[1])
    return down.far, down.b[0]


def test_a_walkers_foot_stays_where_it_was_set_down() -> None:
    """The body moves on STRIDE a cycle (as its path does); the foot on the ground moves back
    under it just as fast, so it stays put on the ground: no skating."""
    runs: list[list[float]] = []
    last = None
    for n in range(SAMPLES):
        t = n / SAMPLES
        far, toe = ground_foot(pose("walk", t))
        where = toe + STRIDE["walk"] * t  # along the ground, as the walker moves on
        if far != last:
            runs.append([])
            last = far
        runs[-1].append(where)
    assert len(runs) <= 3, "one foot down, then the other (no flickering between them)"
    for run in runs:
        assert max(run) - min(run) <= SLIDE, f"a foot slid {max(run) - min(run):.3f} heights"
    first = len(runs[0]) + (len(runs[-1]) if len(runs) == 3 else 0)
    assert DOWN[0] * SAMPLES <= first <= DOWN[1] * SAMPLES, "each foot down half the time"
