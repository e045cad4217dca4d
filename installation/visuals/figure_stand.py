"""What someone of a figures layer does when not walking or running, and at which phase."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from installation.visuals.base import Frame, s_curve
from installation.visuals.figure_timing import ScenePace, seconds_left, walked
from installation.visuals.poses import ONCE, PERIOD, RISE, SETTLES, TALKING, then_stands
from installation.visuals.talk import talking

OLD_PACE = 1.5  # the old move this much slower: an old couple's rocking embrace takes 9 s
OWN_PACE = (0.85, 0.3)  # anyone else standing moves at 0.85 to 1.15 times a pose's pace


def standing(params: Mapping[str, Any], pace: ScenePace, frame: Frame,
             member: tuple[int, float], old: bool) -> tuple[str, float]:
    """The pose a layer's member (its index, and its own share 0 to 1) takes when not
    walking or running, and its phase: a gesture played once, or standing (waiting,
    arrived, or done), sitting, in each other's arms; the `old` slower."""
    i, own = member
    name = params["pose"]
    seconds = walked(params, pace, frame)
    if name in TALKING:
        return talking(name, seconds, seconds_left(params, pace, frame))
    if name in ONCE and seconds < PERIOD[name]:  # both partners in step
        return name, seconds / PERIOD[name]
    done = name in ONCE  # standing on from where the gesture left them (idle's start)
    name = params["then"] if then_stands(name) else name  # waiting, arrived, done
    own_pace = OWN_PACE[0] + OWN_PACE[1] * own  # each at their own
    if done:
        return name, (seconds - PERIOD[params["pose"]]) / PERIOD[name] * own_pace
    if name == "embrace":  # a couple sway in step (see gestures.hold), the old slower
        slower = OLD_PACE if old else 1.0
        return name, frame.seconds / (PERIOD[name] * slower) + 0.5 * (i % 2)
    if old:  # slower
        return name, frame.seconds / (PERIOD[name] * OLD_PACE) + own
    # One alone is counted back from the end, to end at the cycle's start (a crowd keeps
    # its own times: counted back, they would come into step as they end).
    left = seconds_left(params, pace, frame) \
        if name in SETTLES and params["count"] == 1 else None
    if left is not None:
        return name, -left / PERIOD[name] * own_pace
    return name, frame.seconds / PERIOD[name] * own_pace + own


def settled(params: Mapping[str, Any], pace: ScenePace, frame: Frame) -> float:
    """How much of their `jostle` they still shift about with: all of it, but getting up off a
    stool (RISE), less and less as they stand (none when up: a walk from the stool sets off
    from the very spot)."""
    if params["pose"] != RISE:
        return 1.0
    return 1.0 - s_curve(min(1.0, max(0.0, walked(params, pace, frame) / PERIOD[RISE])))
