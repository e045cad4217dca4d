"""The coyote in the empty diner (05:12-05:15) steps: each paw stands on the lot while its leg
carries it and is lifted and set down again as the leg comes forward (on 514f45fc each leg
swung round its hip as one bent piece: a paw on the ground rose off it as it went back, 0.045
of the coyote's height in a trot, and a lifted hind paw swung forward level, highest at three
quarters of its swing: a hinge, not a step); a lifted paw still a paw."""

from __future__ import annotations

from installation.visuals.quadruped import PAW, STANCE, STRIKE, coyote

STEPS = 40  # phases looked at through a cycle
NEAR = ("hind_near", "fore_near")
ON_GROUND = 0.008  # of its height: a paw carrying it stays this near its lowest, at most
LIFT = 0.09  # of its height: a hind paw is lifted at least this high through its swing
SET_DOWN = 0.15  # the last share of a swing, in which the paw comes down to the ground
AHEAD = 0.4  # of a paw's length: its toes forward of its heel, at least


def _heights(name: str, leg: str) -> list[tuple[float, float]]:
    """The leg's heel's height over the ground at each phase, and how far through its swing
    the leg is then (negative: on the ground)."""
    out = []
    for step in range(STEPS):
        t = step / STEPS
        p = (t - STRIKE[name][leg]) % 1.0
        swung = (p - STANCE[name]) / (1 - STANCE[name]) if p >= STANCE[name] else -1.0
        out.append((coyote(name, t, 0.0).joints[f"{leg}3"][1], swung))
    return out


def test_a_paw_carrying_it_stays_on_the_ground() -> None:
    """Walking and trotting, each near paw stays within ON_GROUND of the ground all the while
    its leg carries the coyote, from where it is set down to where it leaves the ground."""
    for name in STRIKE:
        for leg in NEAR:
            heights = _heights(name, leg)
            ground = min(y for y, _ in heights)
            carried = [y - ground for y, swung in heights if swung < 0]
            assert max(carried) <= ON_GROUND, (name, leg, round(max(carried), 3))


def test_a_lifted_hind_paw_steps_not_swings_level() -> None:
    """Through its swing a near hind paw is lifted LIFT of the coyote's height at least, is
    highest in the first half of the swing, as it leaves the ground behind, and comes down
    to the ground by the swing's end."""
    for name in STRIKE:
        heights = _heights(name, "hind_near")
        ground = min(y for y, _ in heights)
        swing = [(swung, y - ground) for y, swung in heights if swung >= 0]
        top, high = max(swing, key=lambda each: each[1])
        assert high >= LIFT, (name, round(high, 3))
        assert top < 0.5, (name, "highest this far through its swing", round(top, 2))
        last = [y for swung, y in swing if swung >= 1 - SET_DOWN]
        assert min(last) <= 0.25 * high, (name, "set down", [round(y, 3) for y in last])


def test_a_lifted_paw_is_still_a_paw_not_the_end_of_a_stick() -> None:
    """At every phase of the walk and the trot each paw's toes stand forward of its heel by
    AHEAD of its length at least: lifted, it hangs toes down but still reads as a paw (on
    514f45fc it curled back along the leg, which ended in a stick)."""
    for name in STRIKE:
        for step in range(STEPS):
            paws = [c for c in coyote(name, step / STEPS, 0.0).capsules
                    if c.limb == "leg" and c.width == PAW[1]]
            assert len(paws) == 4
            for paw in paws:
                assert paw.b[0] - paw.a[0] >= AHEAD * PAW[0], (name, step, paw.far)
