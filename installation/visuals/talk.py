"""Two people standing talking (`talk`, `listen`): they take turns along a long schedule, the
one speaking with their hands (a hand rises, opens and falls; a shrug and a point; counting on
their fingers; a laugh), the other nodding, folding their arms and glancing away, looking out
at something far off; now and then they laugh together, or are both silent."""

from __future__ import annotations

import math
from dataclasses import replace

from installation.visuals.argue import FOLDED
from installation.visuals.base import clamp01, s_curve
from installation.visuals.gestures import along_arc, idle
from installation.visuals.skeleton import (
    Angles,
    Point,
    ankle_at,
    between,
    leg_to,
    on_toes,
    reach_to,
)

TURN_SECONDS = 6.0  # one turn: a gesture of the one speaking, a reaction of the one listening
ANSWER = 1.5  # real seconds the one listening takes each turn after the one speaking (begun
#               together, both came to rest at once every turn: two statues at 15:30)
TURN_STEPS = 36  # a turn's drawn steps: six a second (a hand comes up in 0.8 s in 5 of them)
REST = idle(0.0)  # every turn begins and ends standing at ease (where idle starts)
SHIFT = (0.025, 0.02)  # a weight shift of 1 (onto the near foot; -1 the far): the hip across,
#                        the lean
FEET = (ankle_at(REST, 0), ankle_at(REST, 1))  # where the feet stand at ease (near, far)
REACH = 0.497  # from the hip to a planted ankle, at most: the knees never locked straight
RELAXED = 0.25  # the foot the weight is off: its heel up this much (radians) for a shift of 1
LIFTED = (0.045, 0.3)  # a foot lifted to step: how high its ankle, how far its toe tips down
STEP = 0.06  # a step, forward or back, in figure heights
IN = (STEP / 3, STEP * 0.8)  # stepped in to them (near, far foot): standing on both feet under
#                             the hips (only the near foot stepped in, the far one trailed
#                             behind on its toes: her legs read as walking away from him)
LEAD = 1.1  # the hands lead: the forearm's fold gets where it goes this much sooner than the
#            shoulder's swing (a forearm rises while the upper arm is still low)
# Where the hands are, (forward, up) from the shoulder in figure heights (the elbows fall where
# they must): the near hand raised and opened to them, the upper arm low and the forearm up,
# then opened with the palm up; both hands out ("you see?"); a shrug's hands low and out; a
# point up past them (over the other's head, out over the pit), or from the one who listens
# a forefinger raised to them at the shoulder's height (see OWN); arms folded (near, far:
# argue's); a hand on the chest (laughing); hands together in front, counting; hands clasped
# behind the back; a hand shading the eyes, looking far off.
RAISED = (0.12, -0.05)
OPENED = (0.22, -0.03)
BEAT = (0.17, -0.07)
BOTH = ((0.22, -0.04), (0.14, -0.07))
SHRUG = ((0.12, -0.17), (0.1, -0.18))
POINT = (0.23, 0.17)
FINGER = (0.21, 0.01)
CHEST = (0.07, -0.1)
COUNTING = ((0.18, -0.08), (0.13, -0.1))
BEHIND = ((-0.05, -0.25), (-0.04, -0.26))  # (in at the small of the back: held out
#                                            behind it, the arms read as a hump or a pack)
BROW = (0.1, 0.12)
LOWERED = (0.07, -0.28)  # on the way down to the side
NOD, DOWN = 0.5, 0.3  # a nod's tilt of the head; looking down (at the tar at their feet:
#                       dropped 0.6 it hung forward on a neck drawn out thin, as if hurt)
AWAY, OUT = 0.85, 0.4  # the head turned away from the other; out, to the visitor's side
BACK = 0.92  # the head turned round to the other profile: looking back past their shoulder
AROUND = 0.6  # the shoulders turned to the visitor as the head goes round, away (a head turned
#              away alone, at 14 px, never showed: the face still read as turned to them)


def _stand(hands: tuple[Point | None, Point | None] = (None, None), lean: float = 0.0,
           nod: float = 0.0, shift: float = 0.0, turn: float = 0.0, pointing: bool = False,
           look: float = 0.0, step: Point = (0.0, 0.0), lift: tuple[bool, bool] = (False, False)
           ) -> Angles:
    """Standing, the near and far hands at `hands` (None: hanging at ease), leaning `lean`
    further, the head nodding `nod` and turned `look`, the weight shifted `shift` (1 onto the
    near foot), turned `turn` towards the visitor, each foot moved `step` forward (a foot
    `lift`ed is in the air, on its way there)."""
    arms = [reach_to((0.0, 0.0), hand) if hand is not None else
            (REST.shoulders[side], REST.elbows[side]) for side, hand in enumerate(hands)]
    across, tilt = SHIFT
    hip, thighs, knees, toes = _legs(REST.hip[0] + across * shift, shift, step, lift)
    return replace(REST, hip=hip, lean=REST.lean + tilt * shift + lean, thighs=thighs,
                   knees=knees, toes=toes, shoulders=(arms[0][0], arms[1][0]),
                   elbows=(arms[0][1], arms[1][1]), nod=nod, turn=turn, pointing=pointing,
                   look=look)


def _legs(x: float, shift: float, step: Point, lift: tuple[bool, bool]
          ) -> tuple[Point, Point, Point, Point]:
    """The hip (across at `x`, as high as the planted feet let it be), the thighs, the knees'
    folds and the feet's tips of legs whose feet stand `step` from where they stand at ease:
    the foot the weight is off (or a lifted one) on its toes, its knee bending."""
    x += max(0.0, min(step))  # both feet stepped in: the hips come with them
    light = 1 if shift > 0 else 0
    ankles, tips = [], []
    for side in (0, 1):
        at = (FEET[side][0] + step[side], FEET[side][1])
        tip = RELAXED * min(1.0, abs(shift)) if side == light else 0.0
        if lift[side]:
            at, tip = (at[0], at[1] + LIFTED[0]), LIFTED[1]
        ankles.append(on_toes(at, tip) if tip and not lift[side] else at)
        tips.append(tip)
    planted = [a for side, a in enumerate(ankles) if not lift[side]]
    y = min(REST.hip[1], *(ay + math.sqrt(REACH ** 2 - (ax - x) ** 2) for ax, ay in planted))
    legs = [leg_to((x, y), ankle) for ankle in ankles]
    return (x, y), (legs[0][0], legs[1][0]), (legs[0][1], legs[1][1]), (tips[0], tips[1])


def _folded(lean: float, nod: float, shift: float, turn: float = 0.0,
            look: float = 0.0) -> Angles:
    """Standing with the arms folded (argue's FOLDED, the hands tucked out of sight), as
    `_stand` has the rest."""
    return replace(_stand(FOLDED, lean, nod, shift, turn, look=look), tucked=True)


def _laughing(at: float, lean: float, nod: float) -> tuple[float, Angles]:
    """A moment of a laugh, `at` seconds into the turn: a hand on the chest."""
    return at, _stand((CHEST, None), lean, nod, 0.4)


def _stepping(at: float, back: tuple[float, float], shift: float, lean: float = 0.0,
              nod: float = 0.0) -> tuple[tuple[float, Angles], ...]:
    """The far foot stepping from `back[0]` to `back[1]` behind where it stands at ease (in
    front, if negative) from `at` seconds in: lifted on its way, set down 0.4 s later, the
    weight `shift`ed, leaning `lean`, the head nodding `nod`."""
    return ((at, _stand(lean=lean, nod=nod, shift=shift, lift=(False, True),
                        step=(0.0, -sum(back) / 2))),
            (at + 0.4, _stand(lean=lean, nod=nod, shift=shift, step=(0.0, -back[1]))))


# Each kind of turn: (seconds into it, pose), eased from one to the next, from REST to REST.
TURNS: dict[str, tuple[tuple[float, Angles], ...]] = {
    "explain": ((1.1, _stand(((0.1, -0.13), None), 0.02, 0.04, 0.3)),  # the forearm rises
                (1.5, _stand((RAISED, None), 0.05, 0.1, 0.6, lift=(True, False),
                             step=(IN[0] / 2, 0.0))),  # a step in towards them
                (1.9, _stand((OPENED, None), 0.07, NOD, 0.8, step=(IN[0], 0.0))),  # a nod
                (2.5, _stand((OPENED, (0.02, -0.28)), 0.07, 0.2, 0.6, lift=(False, True),
                             step=(IN[0], IN[1] / 2))),  # the other foot in after it
                (3.2, _stand(BOTH, 0.08, -0.08, 0.0, step=IN)),  # on both feet, both
                (3.6, _stand((BEAT, BOTH[1]), 0.07, 0.04, 0.0, step=IN)),  # hands out: see?
                (4.0, _stand((OPENED, BOTH[1]), 0.04, 0.02, 0.0, step=IN)),  # and a beat
                (4.8, _stand(((0.1, -0.18), LOWERED), 0.02, 0.0, -0.2, lift=(False, True),
                             step=(IN[0], IN[1] / 2))),  # and back, the far foot first
                (5.2, _stand(((0.1, -0.18), LOWERED), 0.02, 0.0, -0.6, lift=(True, False),
                             step=(IN[0] / 2, 0.0))),  # then the near
                (5.7, _stand((LOWERED, None), 0.01, 0.0, -0.4))),  # the hand falls
    "point": ((1.0, _stand(SHRUG, -0.05, -0.2, 0.6)),  # a shrug, the head back
              (1.6, _stand(((0.13, -0.15), SHRUG[1]), -0.04, -0.12, 0.6)),
              (2.4, _stand(((0.18, -0.08), LOWERED), 0.0, 0.05, look=0.1)),
              (3.6, _stand((POINT, None), 0.04, -0.22, -0.8, pointing=True, look=0.15)),
              (4.1, _stand(((0.25, 0.19), None), 0.05, -0.16, -0.8, pointing=True)),
              (5.5, _stand((LOWERED, None), 0.01, 0.02))),
    "raise": ((1.0, _stand(SHRUG, -0.05, -0.2, 0.6)),  # the point's shrug, then a finger up
              (1.6, _stand(((0.13, -0.15), SHRUG[1]), -0.04, -0.12, 0.6)),  # to them
              (2.4, _stand(((0.18, -0.08), LOWERED), 0.0, 0.05, look=0.1)),
              (3.6, _stand((FINGER, None), 0.04, -0.22, -0.8, pointing=True, look=0.15)),
              (4.1, _stand(((0.22, 0.03), None), 0.05, -0.16, -0.8, pointing=True)),
              (5.5, _stand((LOWERED, None), 0.01, 0.02))),
    "count": ((1.2, _stand(COUNTING, 0.05, 0.25)),  # hands together in front, looking down
              *((1.6 + 0.5 * n, _stand(((0.18, -0.08 + 0.04 * (n % 2)), COUNTING[1]), 0.05,
                                       0.2 + 0.12 * (n % 2), 0.6 * (n % 2))) for n in range(5)),
              (4.3, _stand(((0.2, -0.04), (0.05, -0.24)), 0.03, -0.06)),  # and there it is
              (5.3, _stand((LOWERED, None), 0.01, 0.0))),
    "laugh": (_laughing(1.4, -0.1, -0.45),  # the head thrown back, a hand to the chest
              *(_laughing(1.7 + 0.3 * n, -0.12 + 0.06 * (n % 2), -0.45 + 0.2 * (n % 2))
                for n in range(6)),  # shaking with it
              _laughing(3.8, 0.16, 0.4),  # bent over it
              _laughing(4.6, 0.02, 0.05),
              (5.5, _stand((LOWERED, None), 0.0, 0.0))),
    "nod": (*_stepping(0.6, (0.0, STEP), -1.0, -0.02),  # a step back, the weight onto it
            (1.4, _stand(shift=-1.2, lean=-0.02, nod=0.04, step=(0.0, -STEP))),
            (1.9, _stand(shift=-1.2, lean=-0.01, nod=NOD, step=(0.0, -STEP))),  # a nod
            (2.3, _stand(shift=-1.2, lean=-0.02, nod=0.02, step=(0.0, -STEP))),
            (2.8, _stand(shift=-1.2, lean=-0.01, nod=NOD, step=(0.0, -STEP))),  # and another
            (3.2, _stand(shift=-1.2, lean=-0.02, nod=0.04, step=(0.0, -STEP), turn=AROUND,
                         look=BACK)),  # the head slowly round, away from them, over the
            (4.3, _stand(shift=-1.2, lean=-0.02, nod=0.08, step=(0.0, -STEP), turn=AROUND,
                         look=BACK)),  # shoulder: the back of his head to them a while
            (4.9, _stand(shift=0.8, nod=0.06, step=(0.0, -STEP), look=OUT * 0.4)),  # weight
            *_stepping(5.1, (STEP, 0.0), 1.0, nod=0.06)),  # across, the foot back, to them
    "glance": ((1.5, _folded(-0.01, 0.06, -1.0)),  # the arms folded
               (2.0, _folded(-0.02, -0.1, -1.0, 0.9, look=AWAY)),  # glancing away
               (3.4, _folded(-0.02, 0.1, -1.0, 0.9, look=AWAY)),
               (4.2, _folded(0.0, NOD, -0.6)),  # and back to them, nodding
               (5.45, _stand((LOWERED, (0.03, -0.29)), 0.0, 0.05))),
    "quiet": ((1.6, _stand(BEHIND, 0.0, DOWN, -1.0)),  # hands behind the back, looking down
              (3.0, _stand(BEHIND, 0.01, DOWN, 0.2, look=OUT)),  # at the tar, and round
              (4.0, _stand(BEHIND, 0.01, 0.15, 1.0)),  # the weight slowly across
              (5.2, _stand((LOWERED, (0.03, -0.29)), 0.0, 0.06))),
    "look": ((1.2, _stand((BROW, None), 0.02, -0.16, 0.5, look=OUT)),  # a hand shading the
             (3.8, _stand(((0.1, 0.13), None), 0.03, -0.2, 0.5, look=OUT)),  # eyes, out at
             (5.1, _stand((LOWERED, None), 0.01, 0.0))),  # something far off
}
SPEAKING = ("explain", "point", "raise", "count")
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
# A turn of the schedule that the one who listens (`listen`) takes in a way of their own: the
# point a raised forefinger, never up past the other (Harry's, at the Lake Pit at 14:53, came
# to rest on the foot of a post of the rail behind him: a hand gripping it), the speaker's
# point up past them as before (Julie's over his head; Harry's at the counter at 04:21).
OWN = {"listen": {"point": "raise"}}


def _arc(kind: str) -> tuple[tuple[float, Angles], ...]:
    """A turn's poses at their shares of it, standing at ease at its ends."""
    return ((0.0, REST), *((at / TURN_SECONDS, pose) for at, pose in TURNS[kind]),
            (1.0, REST))


ARCS = {kind: _arc(kind) for kind in TURNS}


def turn_pose(kind: str, t: float) -> Angles:
    """Turn `kind` at t from 0 to 1 (it begins and ends as idle does), the hands leading."""
    return along_arc(ARCS[kind], t % 1.0, _led)


def _led(a: Angles, b: Angles, k: float) -> Angles:
    """The pose k of the way from a to b, eased, the forearms' folds ahead of the rest."""
    body = between(a, b, s_curve(k))
    hands = between(a, b, s_curve(clamp01(k * LEAD)))
    return replace(body, elbows=hands.elbows, pointing=hands.pointing)


def turn_names(pose: str) -> set[str]:
    """The poses someone in `pose` (talk, or listen) takes turn by turn (see OWN)."""
    own = OWN.get(pose, {})
    return {NAMES[own.get(kind, kind)] for kind in SCHEDULE}


def talking(pose: str, seconds: float, left: float | None) -> tuple[str, float]:
    """The turn's pose and its phase `seconds` after someone in `pose` (talk, or listen: a
    turn on) began, `left` real seconds before they stop (None: on and on); a last turn
    that would not end by then is spent standing at ease (any turn's phase 0). The one who
    listens answers ANSWER seconds behind, at ease till then: one of them is always moving."""
    if pose == "listen":
        seconds -= ANSWER
        if seconds < 0:
            return NAMES[SCHEDULE[1]], 0.0
    turn = math.floor(seconds / TURN_SECONDS)
    kind = SCHEDULE[(turn + (1 if pose == "listen" else 0)) % len(SCHEDULE)]
    kind = OWN.get(pose, {}).get(kind, kind)
    if left is not None and (turn + 1) * TURN_SECONDS > seconds + left:
        return NAMES[kind], 0.0
    return NAMES[kind], seconds / TURN_SECONDS - turn
