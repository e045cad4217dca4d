"""Alarm on their feet as the news takes hold: people standing turned towards the visitor, each
reacting their own way (a hand over the mouth, both hands to the head, pointing out at the
glass and turning to the others, pulling a coat on), the head coming round to us and back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from installation.visuals.gestures import along_arc, idle
from installation.visuals.skeleton import Angles, Point, reach_to

ALARM_SECONDS = 5.0  # one cycle of a reaction, in real seconds
REST = idle(0.0)  # the legs they stand on (at ease), whatever the arms do
SHIFT = (0.015, 0.02)  # a weight shift of 1: the hip across, the lean (as idle's)
# Turned from profile towards the visitor (see skeleton.Angles.turn: 1, three-quarters) and
# the head's turn (see Angles.look: 0.5 faces the visitor, 0 looks ahead along the profile):
# looking at the one who knows, then round at us, and back.
TURNED = 1.0
AHEAD, AT_US = 0.12, 0.48
# Where the hands go, (forward, up) from the shoulder in figure heights (the elbows fall where
# they must, down and back): over the mouth, the other hand low at the waist (held across it,
# its forearm stuck out in front: a stub); both hands on the head, the elbows out (at the
# temples, they read as a salute); pointing up and out at the glass; pulling a coat on (the
# near hand back and down into the sleeve, up behind the shoulder, both at the lapels; up at
# the shoulder itself, the elbow folded tighter than an arm folds).
MOUTH, WAIST = (0.085, 0.09), (0.03, -0.2)
TEMPLES = ((0.03, 0.19), (0.01, 0.19))
POINT_OUT = (0.23, 0.17)
SLEEVE, OVER, LAPELS = (-0.12, -0.24), (-0.1, 0.02), ((0.09, -0.07), (0.07, -0.08))


def _standing(hands: tuple[Point | None, Point | None], look: float, nod: float = 0.0,
              shift: float = 0.0, lean: float = 0.0, turn: float = TURNED,
              pointing: bool = False) -> Angles:
    """Standing as at ease, the near and far hands at `hands` (None: hanging), the weight
    shifted `shift`, leaning `lean` further, turned `turn` to us, the head turned `look`."""
    arms = [reach_to((0.0, 0.0), hand) if hand is not None else
            (REST.shoulders[side], REST.elbows[side]) for side, hand in enumerate(hands)]
    return replace(REST, hip=(REST.hip[0] + SHIFT[0] * shift, REST.hip[1]),
                   lean=REST.lean + SHIFT[1] * shift + lean,
                   shoulders=(arms[0][0], arms[1][0]), elbows=(arms[0][1], arms[1][1]),
                   nod=nod, turn=turn, look=look, pointing=pointing)


def cycle(keys: tuple[tuple[float, Angles], ...], t: float) -> Angles:
    """The pose at t of a cycle through `keys` (shares of it, poses), back to the first."""
    return along_arc((*keys, (1.0, keys[0][1])), t % 1.0)


MOUTH_KEYS = ((0.0, _standing((MOUTH, WAIST), AHEAD, 0.05, -0.6)),
              (0.2, _standing((MOUTH, WAIST), AT_US, 0.12, 0.4)),  # round to us
              (0.7, _standing((MOUTH, WAIST), AT_US, 0.02, 0.6, -0.03)),  # and stays
              (0.85, _standing((MOUTH, WAIST), AHEAD, 0.08, -0.2)))
HEAD_KEYS = ((0.0, _standing(TEMPLES, 0.25, -0.05, 0.5, -0.04, 0.8)),
             (0.2, _standing(TEMPLES, AT_US + 0.1, 0.1, -0.5, 0.02, 0.9)),  # shaking it:
             (0.4, _standing(TEMPLES, 0.3, -0.1, 0.5, -0.05, 0.8)),  # no, no
             (0.6, _standing(TEMPLES, AT_US, 0.15, -0.3, 0.05, 0.9)),
             (0.85, _standing(TEMPLES, AT_US, 0.1, 0.3, 0.03, 0.9)))
POINT_KEYS = ((0.0, _standing((POINT_OUT, None), 0.05, -0.2, 0.8, 0.03, 0.6, True)),
              (0.25, _standing((POINT_OUT, None), AT_US, -0.1, 0.8, 0.03, 0.9, True)),  # look!
              (0.65, _standing(((0.2, 0.1), None), AT_US, 0.0, 0.3, 0.0, 0.9, True)),
              (0.85, _standing((POINT_OUT, None), 0.05, -0.22, 0.8, 0.04, 0.6, True)))
COAT_KEYS = ((0.0, _standing((SLEEVE, None), 0.05, 0.2, -0.5, 0.12, 0.5)),  # into the sleeve
             (0.25, _standing((OVER, (0.02, -0.22)), 0.1, 0.1, 0.2, 0.05, 0.7)),  # up over
             (0.45, _standing(LAPELS, AT_US, 0.05, 0.6, 0.0, 1.0)),  # on: tugged to, looking
             (0.8, _standing(LAPELS, AT_US - 0.05, 0.1, 0.2, 0.02, 1.0)))  # round at us


# The reactions a layer's members take in turn (one `pick`ed: its place among them).
ALARMING: dict[str, Callable[[float], Angles]] = {
    "alarm-mouth": partial(cycle, MOUTH_KEYS), "alarm-head": partial(cycle, HEAD_KEYS),
    "alarm-point": partial(cycle, POINT_KEYS), "alarm-coat": partial(cycle, COAT_KEYS)}
