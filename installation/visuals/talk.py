"""Two people standing talking (`talk`, `listen`): they take turns, the one speaking with their
hands (a hand rises, opens and falls; a shrug; a point), the other shifting their weight,
nodding, folding their arms and glancing away."""

from __future__ import annotations

from dataclasses import replace

from installation.visuals.gestures import along_arc, idle
from installation.visuals.skeleton import Angles, Point, reach_to

TURN_SECONDS = 6.0  # one turn: speaking, or listening to the other
TURNS = 4  # a talk's cycle: speaking, listening, speaking (a shrug, a point), listening
TALK_SECONDS = TURN_SECONDS * TURNS
REST = idle(0.0)  # every turn begins and ends standing at ease (where idle starts)
SHIFT = (0.015, 0.02, 0.04)  # a weight shift of 1: the hip across, the lean, the thigh
# Where the hands are, (forward, up) from the shoulder in figure heights (the elbows fall where
# they must): the near hand raised and opened to them at the waist, then at the chest with the
# palm up; both hands out ("you see?"); a shrug's hands low and out; a point up past them
# (over the other's head, out over the pit); arms folded (near, far: argue's).
RAISED = (0.16, -0.16)
OPENED = (0.23, -0.07)
BEAT = (0.17, -0.13)
BOTH = ((0.23, -0.05), (0.15, -0.15))
SHRUG = ((0.14, -0.19), (0.12, -0.2))
POINT = (0.23, 0.17)
FOLDED = ((0.09, -0.14), (0.05, -0.13))
LOWERED = (0.07, -0.28)  # on the way down to the side


def _stand(hands: tuple[Point | None, Point | None] = (None, None), lean: float = 0.0,
           nod: float = 0.0, shift: float = 0.0, turn: float = 0.0,
           pointing: bool = False) -> Angles:
    """Standing, the near and far hands at `hands` (None: hanging at ease), leaning `lean`
    further, the head nodding `nod`, the weight shifted `shift` (as idle shifts it: 1 onto
    the near leg), turned `turn` towards the visitor."""
    arms = [reach_to((0.0, 0.0), hand) if hand is not None else
            (REST.shoulders[side], REST.elbows[side]) for side, hand in enumerate(hands)]
    across, tilt, thigh = SHIFT
    return replace(REST, hip=(REST.hip[0] + across * shift, REST.hip[1]),
                   lean=REST.lean + tilt * shift + lean,
                   thighs=(REST.thighs[0] + thigh * shift, REST.thighs[1]),
                   shoulders=(arms[0][0], arms[1][0]), elbows=(arms[0][1], arms[1][1]),
                   nod=nod, turn=turn, pointing=pointing)


# Each turn's poses: (seconds into the turn, pose); eased from one to the next.
EXPLAIN = ((0.8, _stand((RAISED, None), 0.04, 0.05)),  # the hand rises
           (1.5, _stand((OPENED, None), 0.05, 0.16)),  # opens to them, with a nod
           (2.1, _stand((BEAT, None), 0.04, 0.04)),  # a beat
           (2.9, _stand(BOTH, 0.07, -0.04)),  # both hands out: you see?
           (4.1, _stand(((0.22, -0.08), BOTH[1]), 0.06, 0.02)),
           (5.1, _stand((LOWERED, None), 0.02, 0.0)))  # and falls
NODS = ((1.2, _stand(shift=-1.6, lean=-0.02)),  # the weight onto the back leg
        (1.8, _stand(shift=-1.6, lean=-0.01, nod=0.4)),  # a nod
        (2.2, _stand(shift=-1.6, lean=-0.02, nod=0.02)),
        (2.7, _stand(shift=-1.6, lean=-0.01, nod=0.36)),  # and another
        (3.2, _stand(shift=-1.6, lean=-0.02, nod=0.04)),
        (4.8, _stand(shift=1.2, nod=0.06)))  # onto the other
SHRUG_POINT = ((0.7, _stand(SHRUG, -0.05, -0.14, 0.6)),  # a shrug, the head back
               (1.5, _stand(((0.15, -0.18), SHRUG[1]), -0.04, -0.1, 0.6)),
               (2.2, _stand((LOWERED, None), 0.0, 0.05)),
               (3.3, _stand((POINT, None), 0.04, -0.14, pointing=True)),  # look: there
               (4.1, _stand(((0.25, 0.19), None), 0.05, -0.12, pointing=True)),
               (5.5, _stand((LOWERED, None), 0.01, 0.02)))
GLANCE = ((1.2, _stand(FOLDED, -0.01, 0.06, -1.0)),  # the arms folded
          (2.2, _stand(FOLDED, -0.02, -0.12, -1.0, 0.9)),  # glancing away, out at the pit
          (3.6, _stand(FOLDED, -0.02, -0.08, -1.0, 0.9)),
          (4.4, _stand(FOLDED, 0.0, 0.16, -0.6)),  # and back to them, nodding
          (5.2, _stand((LOWERED, (0.03, -0.29)), 0.0, 0.05)))


def _arc() -> tuple[tuple[float, Angles], ...]:
    """The whole cycle's poses at their shares of it, standing at ease at each turn's ends."""
    keys: list[tuple[float, Angles]] = []
    for n, turn in enumerate((EXPLAIN, NODS, SHRUG_POINT, GLANCE)):
        keys.append((n / TURNS, REST))
        keys += [((n + at / TURN_SECONDS) / TURNS, angles) for at, angles in turn]
    return (*keys, (1.0, REST))


TALK_ARC = _arc()


def talk(t: float) -> Angles:
    """Talking with someone, over a cycle t from 0 to 1 of four turns: speaking (a hand
    rises, opens to them with a nod, beats, both hands out, falls), listening (the weight onto
    one leg, two nods, onto the other), speaking (a shrug, then pointing up past them),
    listening (arms folded, glancing away, back with a nod). Each turn starts and ends as idle
    does, so a layer before or after it joins it without a jump."""
    return along_arc(TALK_ARC, t % 1.0)


def listen(t: float) -> Angles:
    """The other of the two: the same talk a turn on (listening while the other speaks)."""
    return talk(t + 1.0 / TURNS)
