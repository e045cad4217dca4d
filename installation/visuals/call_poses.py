"""The call at the payphone, pose by pose: listening, a hand to his brow, slumped against the
glass, the receiver let go; and the moves played once from each into the next."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from installation.visuals.base import clamp01, lerp, s_curve
from installation.visuals.booth_handset import HANDSET_LONG
from installation.visuals.figure_face import Head, Point3
from installation.visuals.headwear import HEAD_SCALE
from installation.visuals.skeleton import (
    HEAD,
    NECK,
    SHIN,
    SHOULDER_DROP,
    THIGH,
    TORSO,
    Angles,
    Point,
    between,
    leg_to,
    limbs,
    reach_to,
    root_of_arm,
    spine,
    toward,
)

# On the phone, the free hand rests on the phone box, in front of him at his chest (before the
# feet are set on the ground): it stays there as he shifts his weight, the elbow by his side.
FREE_HAND = (0.135, 0.69)
# The call, after "phone" (listening): the news landing, he stiffens ("phone-stiff": straight
# and still, his free hand off the phone onto the glass over it, looking out through the booth
# at the street), then his free hand to his brow, then slumped back against the booth's glass
# behind him (the hip back and down, the feet where they stood), the hand still
# at his brow, then the receiver let go and both arms hanging. Played in that order, one into the
# next by a move played once (CALL_MOVES, each from its pose's phase 0 into the next's).
# Before all of them, "phone-wait": the phone ringing, he stands facing it, his hands by his
# sides, the near one lifting a little towards it and falling back (he does not answer); then
# picks up (the move into "phone": his hand to the cradle, the receiver lifted from it to his
# ear, held from LIFT of the move on). Before that (see RINGING), "phone-out": he has hung up
# on Julie and stands in the booth's door looking out at the lot over his shoulder, his hands
# by his sides, his chest to us, until the first ring turns him round to the phone, his head
# first and his shoulders after it (SNAP_MOVE: turning_round).
CALL = ("phone-wait", "phone", "phone-stiff", "phone-head", "phone-slump", "phone-down")
SNAP_MOVE = "phone-out>phone-wait"
RINGING = ("phone-out", SNAP_MOVE, "phone-wait")  # the receiver in the cradle all through
CALL_MOVES = {"phone": 2.6, "phone-stiff": 0.6, "phone-head": 1.2, "phone-slump": 2.4,
              "phone-down": 0.8}  # seconds into each (the pick-up: a reach across the phone
#                                   through the last ring, then a lift to his ear over 1.4 s;
#                                   in 1.4 s all told it was at his ear 0.7 s off the hook;
#                                   the stiffening a start, quicker than any move after it)
HOLDING = CALL[1:5]  # the poses with the receiver at his ear
CRADLE_HAND = (0.33, 0.74)  # his hand on the receiver in the cradle, across the phone box
REACH_LEAN = 0.3  # how far (radians) he leans to the phone as he reaches across it
LIFT = 0.45  # how far into the pick-up his hand is at the cradle: the receiver is his from then
GRIP_SEARCH = 30  # halvings to find the phase his hand reaches it at
WAIT_ARM = (0.05, 0.12)  # waiting, the near arm hanging by his side: the shoulder, the elbow
FAR_HANGING = (-0.04, 0.18)  # ...and the far one (not on the keypad: he is not dialling)
LOOK_OUT = 0.7  # before the ring his head is turned out of the booth, over his shoulder (at
#                 0.55, a little past facing us, his hair's edge cut across his face in a dark
#                 wedge: he read as turned away from the phone, the back of his head to us)
WAIT_LOOK_NOD = 0.04  # ...level (looking out at the lot)
OUT_TURN = 1.0  # ...and his shoulders turned out with it, his chest to us, off the phone
# At the ring he turns to the phone: his shoulders round from the lot to the phone box, a
# little past profile (his near shoulder, ours, forward, at the phone; his back a little to
# us): at CALL_TURN, turned to us as he listens, his chest faced out of the booth's left side
# and he read as a man with his back to the ringing phone, only his head turned to it.
WAIT_TURN = -0.25
# The turn round at the first ring: his head comes round over the first HEAD_LEADS of it, his
# shoulders follow from BODY_LAGS of it (the head first, the body after it: a start, not a
# swivel of the whole man as one block).
HEAD_LEADS, BODY_LAGS = 0.4, 0.2
HESITATE = (0.09, 0.05)  # waiting, his near hand lifts this far (forward, up) towards the phone
#                          and falls back, once a cycle: he does not take it yet
BROW = (1.1, 0.4)  # the free hand on his brow, from the head's centre, in head radii
SLUMP_HIP, SLUMP_LEAN = (0.012, 0.48), -0.18  # his back against the glass, inside its post
# On the phone he faces it, but turned to the visitor: his head three-quarters round (a face
# with its eye sockets, nose and near ear, not a profile cut out of paper: see figure_face),
# his shoulders half as far (seen wider). The receiver lies on his near ear, its mouthpiece in
# front of the near corner of his mouth (3D points of the head, see figure_face.Point3).
CALL_LOOK, CALL_TURN = 0.28, 0.5
LISTEN_NOD = 0.18  # listening, his head bowed this much
# The news landing on him: his legs locked straight and his chest up (lean), his head lifted
# from the receiver (nod), staring out through the glass, hardly breathing (this share of a
# still pose's breath); his free hand flat on the glass over the phone box, braced, at his
# chin's height (in his heights, as FREE_HAND: the box's top is at ~0.87). (His head turned
# further to us, past 0.3, his hair's edge cut across his brow in a dark wedge.)
STIFF_KNEES, STIFF_LEAN, STIFF_NOD, STIFF_BREATH = (0.0, 0.03), -0.02, -0.06, 0.3
GLASS_HAND = (0.25, 0.9)
RECEIVER_EAR: Point3 = (0.04, -0.02, 0.7)
RECEIVER_MOUTH: Point3 = (0.9, -0.95, 0.2)
# How far each pose bows his head; how far a still pose breathes (hip up and down, nod).
CALL_NODS = {"phone-head": 0.4, "phone-slump": 0.6, "phone-down": 0.55}
# How far a still pose breathes and sways, seen close: the hip up and down, the head's nod
# (shock: his head sinks and comes up as he listens), the hip from foot to foot.
BREATH = (0.006, 0.09)
SWAY = 0.018
HANGING_ARMS = ((0.35, 0.3), (0.06, 0.2))  # near, far: the shoulder, the elbow's fold (the near
# hanging a little forward, its limp hand in front of his hip: straight down, in profile, it lay
# inside his body's outline and he read as an armless slab)


def phone(t: float) -> Angles:
    """On a payphone: the receiver at his ear, the free hand on the phone box (FREE_HAND),
    shifting his weight from foot to foot."""
    w = 2 * math.pi * t
    shift = math.sin(w)
    hip, lean = (0.02 * shift, 0.5), 0.04 + 0.03 * shift
    free = reach_to(_root(hip, lean, 0.0, True), FREE_HAND)
    near = reach_to(_root(hip, lean, 0.0, False), _ear_hand(hip, lean, LISTEN_NOD))
    return Angles(hip, lean, (0.05, -0.08), (0.05, 0.1), (near[0], free[0]), (near[1], free[1]),
                  nod=LISTEN_NOD, turn=CALL_TURN, look=CALL_LOOK)


def phone_stiff(t: float) -> Angles:
    """The news landing: stiffened, straight and still, the receiver pressed to his ear, his
    head up, staring out through the glass, his free hand flat on the glass over the phone."""
    rise, nod = _breathing(t, 0.0)
    hip, lean, nod = (0.0, 0.5 + rise * STIFF_BREATH), STIFF_LEAN, STIFF_NOD + nod * STIFF_BREATH
    near = reach_to(_root(hip, lean, 0.0, False), _ear_hand(hip, lean, nod))
    free = reach_to(_root(hip, lean, 0.0, True), GLASS_HAND)
    return Angles(hip, lean, (0.05, -0.08), STIFF_KNEES, (near[0], free[0]), (near[1], free[1]),
                  nod=nod, turn=CALL_TURN, look=CALL_LOOK)


def phone_out(t: float) -> Angles:
    """In the booth's door, the call to Julie over: his hands by his sides, his head turned
    out to the lot over his shoulder, breathing."""
    rise, _nod = _breathing(t, 0.0)
    waiting = phone_wait(0.0)
    return replace(waiting, hip=(waiting.hip[0], waiting.hip[1] + rise), turn=OUT_TURN,
                   shoulders=(WAIT_ARM[0], FAR_HANGING[0]), elbows=(WAIT_ARM[1], FAR_HANGING[1]),
                   look=LOOK_OUT, nod=WAIT_LOOK_NOD)


def turning_round(t: float) -> Angles:
    """The first ring turns him round, played once: from looking out of the booth (phone_out)
    to facing the phone (phone_wait), his head first, his shoulders after it."""
    a, b = phone_out(0.0), phone_wait(0.0)
    head = s_curve(clamp01(t / HEAD_LEADS))
    body = _moved(a, b, s_curve(clamp01((t - BODY_LAGS) / (1.0 - BODY_LAGS))))
    return replace(body, look=lerp(a.look, b.look, head), nod=lerp(a.nod, b.nod, head))


def phone_wait(t: float) -> Angles:
    """At the ringing phone: his hands by his sides (not on the keypad), his weight shifting,
    his head turned down to it, the near hand lifting a little towards it and falling back."""
    listening = replace(phone(t), turn=WAIT_TURN)
    shoulder = _root(listening.hip, listening.lean, 0.0, False, WAIT_TURN)
    hanging = limbs(replace(listening, shoulders=(WAIT_ARM[0], FAR_HANGING[0]),
                            elbows=(WAIT_ARM[1], FAR_HANGING[1])))[2]["wrist0"]
    lift = 0.5 - 0.5 * math.cos(2 * math.pi * t)
    near = reach_to(shoulder, (hanging[0] + HESITATE[0] * lift, hanging[1] + HESITATE[1] * lift))
    return replace(listening, shoulders=(near[0], FAR_HANGING[0]),
                   elbows=(near[1], FAR_HANGING[1]), nod=0.12)


def picking_up(t: float) -> Angles:
    """The pick-up, played once: his near hand goes to the cradle, then lifts the receiver
    from it to his ear (each leg straight, the body easing from waiting to listening)."""
    a, b = phone_wait(0.0), phone(0.0)
    k = s_curve(clamp01(t))
    body = between(a, b, k)
    body = replace(body, lean=body.lean + REACH_LEAN * math.sin(math.pi * k))
    shoulder = _root(body.hip, body.lean, body.hunch, False, body.turn)
    start, end = limbs(a)[2]["wrist0"], limbs(b)[2]["wrist0"]
    if k < LIFT:
        wrist = _along(start, CRADLE_HAND, k / LIFT)
    else:
        wrist = _along(CRADLE_HAND, end, (k - LIFT) / (1.0 - LIFT))
    near = reach_to(shoulder, wrist)
    return replace(body, shoulders=(near[0], body.shoulders[1]),
                   elbows=(near[1], body.elbows[1]))


def _along(a: Point, b: Point, k: float) -> Point:
    return lerp(a[0], b[0], k), lerp(a[1], b[1], k)


def holds_receiver(name: str, t: float) -> bool:
    """Is the receiver drawn in his hand, up to his ear, in call pose or move `name` at phase
    t? (In the pick-up the booth draws it, coming out of the cradle: see `lifted`.)"""
    return name in HOLDING or name in HELD_MOVES


def lifted(t: float) -> float | None:
    """How far the receiver has come out of the cradle towards his ear at phase t of the
    pick-up: 0 as his hand closes on it, 1 at his ear; None while it lies in the cradle."""
    k = s_curve(clamp01(t))
    return None if k < LIFT else (k - LIFT) / (1.0 - LIFT)


def grip() -> float:
    """The phase of the pick-up at which his hand closes on the receiver in the cradle."""
    low, high = 0.0, 1.0
    for _ in range(GRIP_SEARCH):  # s_curve rises: halve the bracket round where it is LIFT
        middle = (low + high) / 2
        low, high = (middle, high) if s_curve(middle) < LIFT else (low, middle)
    return high


def _root(hip: Point, lean: float, hunch: float, far: bool, turn: float = CALL_TURN) -> Point:
    """Where his near (or far) arm hangs from, on this spine, turned as on the phone (or by
    `turn`)."""
    return root_of_arm(spine(hip, lean, hunch, TORSO - SHOULDER_DROP)[0], far, 0.0, turn)


def _ear_hand(hip: Point, lean: float, nod: float) -> Point:
    """Where his hand holds the receiver at his ear, for a head on this spine (see pose): at
    its foot, as the booth draws it held (booth_handset.at_ear), a receiver's length from the
    earpiece on his ear towards his mouth."""
    head = toward(spine(hip, lean, 0.0, TORSO + NECK)[0], math.pi - lean - nod, HEAD)
    ear, mouth = (receiver_end(head, CALL_LOOK, end) for end in (RECEIVER_EAR, RECEIVER_MOUTH))
    k = HANDSET_LONG / max(1e-6, math.dist(ear, mouth))
    return ear[0] + (mouth[0] - ear[0]) * k, ear[1] + (mouth[1] - ear[1]) * k


def receiver_end(head: Point, look: float, end: Point3) -> Point:
    """Where an end of the receiver at his ear is (RECEIVER_EAR, RECEIVER_MOUTH), for his head
    centred at `head` and turned by `look` (see Angles)."""
    return Head(head, HEAD * HEAD_SCALE, 0.0, math.pi * look).at(end)


def _breathing(t: float, nod: float) -> tuple[float, float]:
    """A still pose's breathing at phase t: how far the hip rises, and the head's nod."""
    w = math.sin(2 * math.pi * t)
    return BREATH[0] * w, nod + BREATH[1] * w


def _swayed(t: float) -> float:
    """A still pose's hip, from foot to foot (once a cycle, a quarter out of step with the
    breath)."""
    return SWAY * math.cos(2 * math.pi * t)


def phone_head(t: float) -> Angles:
    """Listening with his free hand at his brow, his head bowed into it, hardly moving."""
    rise, nod = _breathing(t, CALL_NODS["phone-head"])
    return _holding_head((_swayed(t), 0.5 + rise), 0.06, (0.05, -0.08), (0.05, 0.1), nod)


def _holding_head(hip: Point, lean: float, thighs: Point, knees: Point, nod: float) -> Angles:
    """The receiver at his ear and the free hand at his brow, on this body."""
    head = toward(spine(hip, lean, 0.0, TORSO + NECK)[0], math.pi - lean - nod, HEAD)
    near = reach_to(_root(hip, lean, 0.0, False), _ear_hand(hip, lean, nod))
    free = reach_to(_root(hip, lean, 0.0, True),
                    (head[0] + BROW[0] * HEAD, head[1] + BROW[1] * HEAD))
    return Angles(hip, lean, thighs, knees, (near[0], free[0]), (near[1], free[1]), nod=nod,
                  turn=CALL_TURN, look=CALL_LOOK)


def _slumped(t: float, name: str) -> tuple[Point, float, Point, Point, float]:
    """The slumped body at phase t: the hip, the lean, the thigh angles and knee folds that
    keep his feet where "phone" stands them, and the nod."""
    rise, nod = _breathing(t, CALL_NODS[name])
    hip = (SLUMP_HIP[0] + _swayed(t) / 2, SLUMP_HIP[1] + rise)
    stand = phone(0.0)
    feet = [toward(toward(stand.hip, stand.thighs[i], THIGH),
                   stand.thighs[i] - stand.knees[i], SHIN) for i in (0, 1)]
    legs = [leg_to(hip, foot) for foot in feet]
    return hip, SLUMP_LEAN, (legs[0][0], legs[1][0]), (legs[0][1], legs[1][1]), nod


def phone_slump(t: float) -> Angles:
    """Slumped back against the glass, the receiver still at his ear, his hand at his brow."""
    return _holding_head(*_slumped(t, "phone-slump"))


def phone_down(t: float) -> Angles:
    """Against the glass, the receiver let go: both arms hanging, his head down."""
    hip, lean, thighs, knees, nod = _slumped(t, "phone-down")
    return Angles(hip, lean, thighs, knees, (HANGING_ARMS[0][0], HANGING_ARMS[1][0]),
                  (HANGING_ARMS[0][1], HANGING_ARMS[1][1]), nod=nod, turn=CALL_TURN,
                  look=CALL_LOOK)


def call_move(name: str, before: str | None = None) -> str:
    """The move played once into call pose `name`, from `before` (the one before it in CALL
    unless given: a call without the stiffening goes from listening to his hand at his head)."""
    return f"{before or CALL[CALL.index(name) - 1]}>{name}"


def _moving_on(before: str, after: str) -> Callable[[float], Angles]:
    """The move from one pose (at its phase 0) into the next (at its phase 0), played once."""
    return lambda t: _moved(CALL_CYCLES[before](0.0), CALL_CYCLES[after](0.0), s_curve(clamp01(t)))


def _moved(a: Angles, b: Angles, k: float) -> Angles:
    """The body k of the way from a to b, each hand going straight from where it was to where
    it goes (not swung through the angles between: a hand coming down from the ear or the
    brow would first rise over the head)."""
    body = between(a, b, k)
    starts, ends = limbs(a)[2], limbs(b)[2]
    arms = [reach_to(_root(body.hip, body.lean, body.hunch, i == 1, body.turn),
                     (lerp(starts[f"wrist{i}"][0], ends[f"wrist{i}"][0], k),
                      lerp(starts[f"wrist{i}"][1], ends[f"wrist{i}"][1], k)))
            for i in (0, 1)]
    return replace(body, shoulders=(arms[0][0], arms[1][0]), elbows=(arms[0][1], arms[1][1]))



PICK_UP = call_move("phone")
CALL_CYCLES: dict[str, Callable[[float], Angles]] = {
    "phone-out": phone_out, "phone-wait": phone_wait, "phone": phone,
    "phone-stiff": phone_stiff, "phone-head": phone_head,
    "phone-slump": phone_slump, "phone-down": phone_down}
CALL_CYCLES |= {call_move(name): _moving_on(before, name)
                for before, name in pairwise(CALL) if name != "phone"}
CALL_CYCLES[SNAP_MOVE] = turning_round
CALL_CYCLES[PICK_UP] = picking_up
UNSTIFFENED = tuple(name for name in CALL if name != "phone-stiff")  # (see booth_call.Call)
SKIPPING = call_move("phone-head", "phone")  # its move from listening to his hand at his head
CALL_CYCLES[SKIPPING] = _moving_on("phone", "phone-head")
HELD_MOVES = (*(call_move(name) for name in HOLDING[1:]), SKIPPING)  # the receiver held through
