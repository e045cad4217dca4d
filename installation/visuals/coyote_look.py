"""A standing coyote turning to look at something (a figures layer's `look_at`): its head first,
then its body stepping round, three-quarters towards it; it looks, an ear turning back, half
turns to go and looks in again, its head lowering, the ear again, then it turns back to stand
along its way, all within the layer's story times."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from installation.core.timeutil import forward
from installation.visuals.base import Frame, clamp01, lerp, s_curve
from installation.visuals.quadruped import Turning

LOOK = "look"  # the pose a coyote with a `look_at` stands in
LOOK_STEPS = 128  # its sprites, over the whole look (a turn steps by a degree or two)
MOST = 1.05  # it turns its body at most this far into the picture (radians: three-quarters)
HEAD_LEADS = 0.75  # the head turns alone this far (radians) before the body follows
HEAD_MORE = 0.2  # and, the body turned, looks on a little further round than its body
ALERT = 0.04  # its head lifted this far (heights) as it turns to look
LOWERED = 0.07  # and lowered this far, looking in at the floor and the tables
# The beats, as shares of the layer's time: (start, end) of each move. Between them it is
# never still for long: the look holds a visitor some twenty seconds (05:12).
HEAD_TURN = (0.03, 0.12)
BODY_TURN = (0.1, 0.28)
EAR_TURN = (0.32, 0.42)  # the near ear turns back and forward again
GLANCE = (0.5, 0.64)  # it half turns to go on, along its way, and back in to the glass
GLANCE_BACK = 0.6  # that far (a share of its turn), its head kept on the glass
HEAD_DOWN = (0.63, 0.7)
EAR_AGAIN = (0.68, 0.77)  # the ear turns back again as it looks down at the floor
HEAD_UP = (0.76, 0.8)
TURN_BACK = (0.79, 0.95)
# While its body turns (or turns back), each leg is lifted in turn to step round: the start of
# each step as a share of the turn, and how long one lasts.
STEPS_AT = {"fore_near": 0.0, "hind_far": 0.22, "fore_far": 0.44, "hind_near": 0.66}
STEP_LENGTH = 0.34


def look_yaw(params: Mapping[str, Any], size: tuple[int, int]) -> float:
    """How far (radians into the picture) a coyote standing on the path's first point turns
    its body to face the `look_at` point as the picture shows it, facing as the layer does: 0
    for a point level with it or nearer, at most MOST."""
    point = params.get("look_at")
    if point is None:
        return 0.0
    feet = params["path"][0]
    across = (point[0] - feet[0]) * size[0] * (-1 if params["facing"] == "left" else 1)
    up = (feet[1] - point[1]) * size[1]
    return min(MOST, max(0.0, math.atan2(up, across)))


def look_phase(params: Mapping[str, Any], scene_at: float, frame: Frame) -> float:
    """How far through its look (0 to 1) the coyote is: the share of the story time from the
    layer's `from` (or the scene's start) to its `until` (or the next scene's) gone by."""
    start = scene_at if params["from"] is None else params["from"]
    end = frame.state.next.at if params["until"] is None else params["until"]
    span = forward(start, end)
    return min(forward(start, frame.story_time) / span, 1.0 - 1e-9) if span > 0 else 0.0


def looking(k: float, aim: float) -> Turning:
    """The coyote `k` of the way through its look towards `aim` (see look_yaw)."""
    turned = _move(k, BODY_TURN) - _move(k, TURN_BACK) - GLANCE_BACK * _there_and_back(k, GLANCE)
    head_alone = min(HEAD_LEADS, aim) * (_move(k, HEAD_TURN) - _move(k, TURN_BACK))
    body = aim * turned
    head = max(0.0, head_alone - body) + HEAD_MORE * aim / MOST * turned
    up = _move(k, HEAD_TURN) - _move(k, TURN_BACK)
    low = -ALERT * up + (ALERT + LOWERED) * (_move(k, HEAD_DOWN) - _move(k, HEAD_UP))
    ear = max(_flick(k, EAR_TURN), _flick(k, EAR_AGAIN))
    lift = {leg: _step(k, start) for leg, start in STEPS_AT.items()} if aim > 0 else {}
    return Turning(body, head, low, ear, lift)


def _there_and_back(k: float, beat: tuple[float, float]) -> float:
    """How far through a move over the first half of `beat` and back over its second."""
    middle = sum(beat) / 2
    return _move(k, (beat[0], middle)) - _move(k, (middle, beat[1]))


def _flick(k: float, beat: tuple[float, float]) -> float:
    """An ear's turn back and forward again over `beat` (0 to 1)."""
    return math.sin(math.pi * clamp01((k - beat[0]) / (beat[1] - beat[0])))


def _move(k: float, beat: tuple[float, float]) -> float:
    """How far through a move over `beat` (eased in and out) the look is at `k`."""
    return s_curve(clamp01((k - beat[0]) / (beat[1] - beat[0])))


def _step(k: float, start: float) -> float:
    """How high a leg is lifted at `k` (0 to 1) as the body turns (in, half back and in again
    as it glances along its way, back): up and down once in each, from `start` (a share of
    the turn) for STEP_LENGTH of it."""
    middle = sum(GLANCE) / 2
    lifted = 0.0
    for beat in (BODY_TURN, (GLANCE[0], middle), (middle, GLANCE[1]), TURN_BACK):
        at = lerp(beat[0], beat[1], start)
        share = (k - at) / ((beat[1] - beat[0]) * STEP_LENGTH)
        if 0.0 < share < 1.0:
            lifted = max(lifted, math.sin(math.pi * share))
    return lifted
