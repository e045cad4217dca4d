"""A small child led by the hand: the grown-up's near arm reaching down and back for it, and the
child's body drawn from the leader's pose at the same moment (its quicker steps, its far arm
raised to the leader's hand, now and then a stumble that leaves it a step behind)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from installation.visuals.base import Color, mix
from installation.visuals.carried import grip, holding
from installation.visuals.figure_sprite import Look
from installation.visuals.poses import MOVING, pose
from installation.visuals.skeleton import Angles, Body, Gait, Point, reach_to
from installation.visuals.wardrobe import Outfit

WHITE: Color = (255, 255, 255)
SIZE = 0.55  # the child's height, of the leader's
# Where the child's feet are, from the leader's (in the leader's heights): a little behind,
# and a little nearer the eye (drawn over the leader).
BESIDE = (-0.29, -0.02)
# A stumble: the child falls this much further behind at worst (leader heights, the arm
# pulled straight) and is pitched this much further forward (radians).
STUMBLE = (0.04, 0.3)
STUMBLES = 0.25  # this share of the leader's strides has the child stumble
QUICKER = 2  # the child takes this many strides to the leader's one (the same ground covered)
BOUNCE = 1.4  # and bounces this much more
REFINE = 3  # the child's arm is aimed this many times (each nearer the leader's fist)
# A led child's pose names: the leader's pose, and whether it stumbles on this stride.
LED: dict[str, tuple[str, bool]] = {
    f"{name}-led{tag}": (name, stumbling)
    for name in (*MOVING, "idle") for tag, stumbling in (("", False), ("-stumble", True))}
# What a led child wears (its `gait` is its leader's: its own steps follow from it).
CHILD = Outfit("ponytail", "none", "dress", 0.85, 1.0, child=True)
PALER = 0.3  # its dress is this much nearer the light than its leader's clothes (two people)


def led_name(name: str, stumbling: bool) -> str:
    """The pose name of a child led by someone in pose `name` (stumbling on this stride)."""
    return f"{name}-led{'-stumble' if stumbling else ''}"


def leading(outfit: Outfit) -> Outfit:
    """Someone leading a child by the hand: upright (whatever their age), the near hand held
    down to it."""
    return replace(outfit, carry="hand", stoop=0.0, cane=False)


def led_look(look: Look) -> Look:
    """How the child someone of `look` leads looks: lit as they are, SIZE of their height, in
    CHILD's clothes (a dress paler than theirs), their gait (see `child`)."""
    assert look.outfit is not None
    dress = mix(look.clothes or look.color, look.rim or WHITE, PALER)
    return replace(look, height=max(2, round(look.height * SIZE)), hair=None, clothes=dress,
                   outfit=replace(CHILD, gait=look.outfit.gait))


def companion(name: str, t: float, stumbling: bool,
              steps: Callable[[str], int]) -> tuple[str, Point]:
    """The pose of the child led by someone in pose `name` at phase t (stumbling on this
    stride, if they walk or run; beside them standing, if they do neither), and where its
    feet are from theirs (see `trail`) in the step of that pose `steps` draws it at."""
    stumbling = stumbling and name in MOVING
    led = led_name(name if name in MOVING else "idle", stumbling)
    count = steps(led)
    return led, trail(int(t % 1.0 * count) / count, stumbling)


def trail(t: float, stumbling: bool) -> Point:
    """Where the child's feet are at the leader's phase t, from the leader's (leader
    heights): BESIDE, and in a stumbling stride falling back and catching up again."""
    back = STUMBLE[0] * math.sin(math.pi * (t % 1.0)) ** 2 if stumbling else 0.0
    return BESIDE[0] - back, BESIDE[1]


def leader(name: str, t: float, gait: Gait) -> Body:
    """The leader's body at phase t, the near arm reaching down for the child."""
    return pose(name, t, gait=gait, hold=holding("hand"))


def child(led: str, t: float, outfit: Outfit) -> Body:
    """The child led by someone in the pose `led` names, at the leader's phase t (the
    outfit's gait is the leader's): its own run or walk, QUICKER strides to one of theirs,
    its far fist closed in the leader's near one (in the child's heights, from its feet)."""
    name, stumbling = LED[led]
    leading = outfit.gait
    hand = grip(leader(name, t, leading))
    at = trail(t, stumbling)
    target = ((hand[0] - at[0]) / SIZE, (hand[1] - at[1]) / SIZE)
    moving = name in MOVING
    gait = Gait(leading.stride / (QUICKER * SIZE), leading.swing, leading.bounce * BOUNCE)
    phase = t * QUICKER if moving else t
    lean = STUMBLE[1] * math.sin(math.pi * (t % 1.0)) ** 2 if stumbling and moving else 0.0

    def pitched(a: Angles) -> Angles:  # stumbling: pitched forward, the head up
        return replace(a, lean=a.lean + lean, nod=a.nod - lean / 2) if lean else a

    body = pose(name, phase, gait=gait, hold=pitched)
    aim = target
    for _ in range(REFINE):  # (the fist lies past the wrist: aim again by what it missed)
        arm = reach_to(body.joints["shoulder"], aim)

        def raised(a: Angles, arm: Point = arm) -> Angles:
            return _far_arm(pitched(a), arm)

        body = pose(name, phase, gait=gait, hold=raised)
        fist = grip(body, 1)
        aim = (aim[0] + target[0] - fist[0], aim[1] + target[1] - fist[1])
    return body


def _far_arm(angles: Angles, arm: Point) -> Angles:
    """The far arm at these shoulder and elbow angles, the near one as the stride swings it."""
    return replace(angles, shoulders=(angles.shoulders[0], arm[0]),
                   elbows=(angles.elbows[0], arm[1]))
