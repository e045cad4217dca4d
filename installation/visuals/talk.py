"""Two people standing talking (`talk`, `listen`): they take turns along a long schedule, the
one speaking with their hands (a hand rises, opens and falls; a shrug and a point; counting on
their fingers; a laugh), the other nodding, folding their arms and glancing away, looking out
at something far off; now and then they laugh together, or are both silent."""

from __future__ import annotations

import math
from dataclasses import replace

from installation.visuals.gestures import along_arc, idle
from installation.visuals.skeleton import Angles, Point, reach_to

TURN_SECONDS = 6.0  # one turn: a gesture of the one speaking, a reaction of the one listening
TURN_STEPS = 36  # a turn's drawn steps: six a second (a hand comes up in 0.8 s in 5 of them)
REST = idle(0.0)  # every turn begins and ends standing at ease (where idle starts)
SHIFT = (0.015, 0.02, 0.04)  # a weight shift of 1: the hip across, the lean, the thigh
# Where the hands are, (forward, up) from the shoulder in figure heights (the elbows fall where
# they must): the near hand raised and opened to them at the waist, then at the chest with the
# palm up; both hands out ("you see?"); a shrug's hands low and out; a point up past them
# (over the other's head, out over the pit); arms folded (near, far: argue's); a hand on the
# chest (laughing); hands together in front, counting; hands clasped behind the back; a hand
# shading the eyes, looking far off.
RAISED = (0.16, -0.16)
OPENED = (0.23, -0.07)
BEAT = (0.17, -0.13)
BOTH = ((0.23, -0.05), (0.15, -0.15))
SHRUG = ((0.14, -0.19), (0.12, -0.2))
POINT = (0.23, 0.17)
FOLDED = ((0.09, -0.14), (0.05, -0.13))
CHEST = (0.07, -0.1)
COUNTING = ((0.17, -0.12), (0.14, -0.14))
BEHIND = ((-0.1, -0.26), (-0.08, -0.27))
BROW = (0.1, 0.12)
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


def _laughing(at: float, lean: float, nod: float) -> tuple[float, Angles]:
    """A moment of a laugh, `at` seconds into the turn: a hand on the chest."""
    return at, _stand((CHEST, None), lean, nod, 0.4)


# Each kind of turn: (seconds into it, pose), eased from one to the next, from REST to REST.
TURNS: dict[str, tuple[tuple[float, Angles], ...]] = {
    "explain": ((0.8, _stand((RAISED, None), 0.04, 0.05)),  # the hand rises
                (1.5, _stand((OPENED, None), 0.05, 0.16)),  # opens to them, with a nod
                (2.1, _stand((BEAT, None), 0.04, 0.04)),  # a beat
                (2.9, _stand(BOTH, 0.07, -0.04)),  # both hands out: you see?
                (4.1, _stand(((0.22, -0.08), BOTH[1]), 0.06, 0.02)),
                (5.1, _stand((LOWERED, None), 0.02, 0.0))),  # and falls
    "point": ((0.7, _stand(SHRUG, -0.05, -0.14, 0.6)),  # a shrug, the head back
              (1.5, _stand(((0.15, -0.18), SHRUG[1]), -0.04, -0.1, 0.6)),
              (2.2, _stand((LOWERED, None), 0.0, 0.05)),
              (3.3, _stand((POINT, None), 0.04, -0.14, pointing=True)),  # look: there
              (4.1, _stand(((0.25, 0.19), None), 0.05, -0.12, pointing=True)),
              (5.5, _stand((LOWERED, None), 0.01, 0.02))),
    "count": ((0.9, _stand(COUNTING, 0.05, 0.08)),  # hands together in front
              *((1.4 + 0.5 * n, _stand(((0.17, -0.12 + 0.04 * (n % 2)), COUNTING[1]), 0.05,
                                       0.08 + 0.06 * (n % 2))) for n in range(5)),
              (4.3, _stand(((0.22, -0.1), (0.05, -0.24)), 0.03, -0.02)),  # and there it is
              (5.3, _stand((LOWERED, None), 0.01, 0.0))),
    "laugh": (_laughing(1.2, -0.1, -0.4),  # the head thrown back, a hand to the chest
              *(_laughing(1.5 + 0.3 * n, -0.12 + 0.06 * (n % 2), -0.42 + 0.17 * (n % 2))
                for n in range(6)),  # shaking with it
              _laughing(3.5, 0.16, 0.35),  # bent over it
              _laughing(4.4, 0.02, 0.05),
              (5.4, _stand((LOWERED, None), 0.0, 0.0))),
    "nod": ((1.2, _stand(shift=-1.6, lean=-0.02)),  # the weight onto the back leg
            (1.8, _stand(shift=-1.6, lean=-0.01, nod=0.4)),  # a nod
            (2.2, _stand(shift=-1.6, lean=-0.02, nod=0.02)),
            (2.7, _stand(shift=-1.6, lean=-0.01, nod=0.36)),  # and another
            (3.2, _stand(shift=-1.6, lean=-0.02, nod=0.04)),
            (4.8, _stand(shift=1.2, nod=0.06))),  # onto the other
    "glance": ((1.2, _stand(FOLDED, -0.01, 0.06, -1.0)),  # the arms folded
               (2.2, _stand(FOLDED, -0.02, -0.12, -1.0, 0.9)),  # glancing away
               (3.6, _stand(FOLDED, -0.02, -0.08, -1.0, 0.9)),
               (4.4, _stand(FOLDED, 0.0, 0.16, -0.6)),  # and back to them, nodding
               (5.2, _stand((LOWERED, (0.03, -0.29)), 0.0, 0.05))),
    "quiet": ((1.6, _stand(BEHIND, 0.0, 0.24, -1.0)),  # hands behind the back, looking down
              (4.0, _stand(BEHIND, 0.01, 0.16, 0.8)),  # the weight slowly across
              (5.2, _stand((LOWERED, (0.03, -0.29)), 0.0, 0.06))),
    "look": ((1.2, _stand((BROW, None), 0.02, -0.16, 0.5)),  # a hand shading the eyes, out
             (3.8, _stand(((0.1, 0.13), None), 0.03, -0.2, 0.5)),  # at something far off
             (4.8, _stand((LOWERED, None), 0.01, 0.0))),
}
SPEAKING = ("explain", "point", "count")
LISTENING = ("nod", "glance", "look")  # (a laugh, and a quiet turn, either may have)
# The turns in order: `talk` takes the n-th on its n-th turn, `listen` the one after it, so
# at each turn the two do a pair of neighbours here: one speaks while the other listens, or
# laughs; at times they laugh together (two laughs), or both are quiet (two quiet turns);
# never both speaking, nor both only listening.
SCHEDULE = ("explain", "nod", "point", "glance", "count", "nod", "explain", "look", "laugh",
            "laugh", "quiet", "quiet", "point", "nod", "explain", "glance", "count", "look",
            "laugh", "laugh", "nod", "explain", "glance", "point", "quiet", "quiet", "nod",
            "count", "glance", "explain", "look", "laugh")
NAMES = {kind: f"talk-{kind}" for kind in TURNS}  # each kind's pose, drawn in TURN_STEPS


def _arc(kind: str) -> tuple[tuple[float, Angles], ...]:
    """A turn's poses at their shares of it, standing at ease at its ends."""
    return ((0.0, REST), *((at / TURN_SECONDS, pose) for at, pose in TURNS[kind]),
            (1.0, REST))


ARCS = {kind: _arc(kind) for kind in TURNS}


def turn_pose(kind: str, t: float) -> Angles:
    """Turn `kind` at t from 0 to 1 (it begins and ends as idle does)."""
    return along_arc(ARCS[kind], t % 1.0)


def talking(pose: str, seconds: float, left: float | None) -> tuple[str, float]:
    """The turn's pose and its phase `seconds` after someone in `pose` (talk, or listen: a
    turn on) began, `left` real seconds before they stop (None: on and on); a last turn
    that would not end by then is spent standing at ease (any turn's phase 0)."""
    turn = math.floor(seconds / TURN_SECONDS)
    kind = SCHEDULE[(turn + (1 if pose == "listen" else 0)) % len(SCHEDULE)]
    if left is not None and (turn + 1) * TURN_SECONDS > seconds + left:
        return NAMES[kind], 0.0
    return NAMES[kind], seconds / TURN_SECONDS - turn
