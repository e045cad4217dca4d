"""A person in a named pose at a phase of its cycle, as capsules: the poses, their periods,
and how old age, a walking stick or something carried changes them."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from itertools import pairwise

from installation.visuals.argue import ARGUING
from installation.visuals.call_poses import CALL_CYCLES, phone
from installation.visuals.flight import run_glance, run_stumble
from installation.visuals.gestures import (
    embrace,
    embrace_back,
    handshake,
    handshake_back,
    hold,
    idle,
    look_up,
    reach,
    sit,
    straighten,
)
from installation.visuals.offer import OFFER_SECONDS, offer
from installation.visuals.panic_poses import ALARM_SECONDS, ALARMING
from installation.visuals.panic_press import PRESS, PRESS_PERIODS, PRESS_SECONDS, PRESSING
from installation.visuals.peer import peer
from installation.visuals.rise import RISE_SECONDS, RISING
from installation.visuals.skeleton import (
    GAIT,
    HEAD,
    NECK,
    TOE_DROP,
    TORSO,
    WIDTHS,
    Angles,
    Body,
    Capsule,
    Gait,
    Point,
    limbs,
    lowered,
    spine,
    toward,
)
from installation.visuals.stays import stay
from installation.visuals.strides import RUNS_IN, run, walk
from installation.visuals.talk import NAMES, TURN_SECONDS, turn_pose

# The pose the second of a pair takes in theirs (a handshake's: the shorter one's, the hand
# held a little higher, so the two hands meet at one height).
PARTNER = {"embrace": "embrace-back", "handshake": "handshake-back"}
# Played once, from when they appear, then they stand (idle).
RISE = "rise"  # getting up off a stool (see rise)
ONCE = ("handshake", "straighten", "offer", RISE)
# Repeated, but one person's layer that ends (`until`) ends them at their cycle's start, the
# pose a gesture after them begins from (a reach: where straighten takes over), whatever the
# seed.
SETTLES = ("reach", "peer")
MOVING = ("walk", "run", "run-glance", "run-stumble")  # (the last two: see flight)
PLAIN = {"run-glance": "run", "run-stumble": "run"}  # the gait a body of its own (a coyote's) runs
# A layer in one of these poses has its members take the poses listed in turn (arguing on the
# stools: arms folded, pointing, leaning back, a hand raised; getting up off them, each from
# their own; alarmed on their feet, each their own way); the seated ones sit on stools.
VARIED = {"argue": tuple(ARGUING), "rise": tuple(RISING), "alarm": tuple(ALARMING)}
# Taking turns, counted from when they begin (two layers that begin together alternate: one
# speaks while the other listens; see talk.talking), each turn drawn as a pose of its own.
TALKING = ("talk", "listen")
SEATED = ("sit", "argue", "stay", "rise")
PERIOD = {"walk": 1.1, "run": 0.62, "sit": 5.0, "idle": 4.0, "embrace": 6.0, "phone": 3.0,
          "reach": 3.5, "handshake": 6.0, "straighten": 1.2, "peer": 10.0, "stay": 12.0,
          "offer": OFFER_SECONDS, "look-up": 6.0}
PERIOD |= {name: TURN_SECONDS for name in NAMES.values()}
PERIOD |= {name: strides * PERIOD["run"] for name, strides in RUNS_IN.items()}
PERIOD["embrace-back"] = PERIOD["embrace"]
PERIOD |= {"phone-out": 4.0, "phone-wait": 3.0, "phone-stiff": 4.0, "phone-head": 4.0,
           "phone-slump": 5.0, "phone-down": 5.0}
PERIOD["handshake-back"] = PERIOD["handshake"]
PERIOD |= {name: 4.0 for name in ("argue", *ARGUING)}
PERIOD |= {name: RISE_SECONDS for name in ("rise", *RISING)}
PERIOD |= {name: ALARM_SECONDS for name in ("alarm", *ALARMING)}
PERIOD |= PRESS_PERIODS | {PRESS: PRESS_SECONDS}
# Old age, for a stoop of 1 (radians): how much further the hips lean, the thighs come forward
# and the knees fold, and the chin lifts back against the rounded upper back (the head is
# carried forward, the face still looking ahead, not at the floor).
AGED = {"lean": 0.2, "thigh": 0.3, "knee": 0.55, "chin": 0.9, "drop": 0.06}  # (drop: walking,
# how much lower the hip is carried, the knees bent over feet that stay where they are set)
CANE = 0.016  # a walking stick's thickness, in figure heights
CANE_ARM = (-0.1, 0.45)  # the arm on the stick: the upper arm hanging, the elbow soft
CANE_TIP = 0.14  # where the stick stands, forward of the hips: clear of the legs, planted
CROOK = ((-0.012, 0.012), (0.018, 0.022), (0.034, 0.006))  # the stick's handle, from the hand
# In each other's arms the old straighten up, holding each other: this share of their stoop
# is left (upright torsos, heads close; not a bow from the waist).
HUG_STOOP = 0.35
# A head tipped back turns about the top of the spine, under the skull: its centre goes back
# only this share of the way a turn about the neck's top would carry it (the face comes up
# over the neck; carried back behind it, the head hung off the neck and read as bowed).
BACK_PIVOT = 0.15
# A head tipped back further than THROAT (a nod, radians: looking up, not a laugh) shows the
# throat: from the front of the neck's root up to under the chin (CHIN: in head radii round
# the head's centre, facing ahead), a line up and forward under the upturned face.
THROAT, CHIN, THROAT_WIDTH = -0.7, (0.05, -0.7), 0.04

CYCLES: dict[str, Callable[[float], Angles]] = {
    "walk": walk, "run": run, "sit": sit, "idle": idle, "embrace": embrace,
    "embrace-back": embrace_back, "phone": phone, "reach": reach,
    "handshake": handshake, "handshake-back": handshake_back, "straighten": straighten,
    "peer": peer, "stay": stay, "offer": offer, "run-glance": run_glance,
    "run-stumble": run_stumble, "look-up": look_up}
CYCLES |= {name: partial(turn_pose, kind) for kind, name in NAMES.items()}
CYCLES |= CALL_CYCLES  # (the call's other poses, then the moves between them)
CYCLES |= ARGUING
CYCLES |= RISING
CYCLES |= ALARMING
CYCLES |= PRESSING  # (held at a door: each dealt one, see figure_crowd.pressing_of)
OLD_CYCLES: dict[str, Callable[[float], Angles]] = {"embrace": hold, "embrace-back": hold}
GAITED: dict[str, Callable[[float, Gait], Angles]] = {
    "walk": walk, "run": run, "run-glance": run_glance, "run-stumble": run_stumble}


def then_stands(name: str) -> bool:
    """Whether someone in pose `name` stands (idle) when it is over: at a path's end, or
    once a gesture played once is done."""
    return name in MOVING or name in ONCE


def aged(angles: Angles, stoop: float) -> Angles:
    """A pose as someone old holds it: the upper back rounded by `stoop` radians, the hips
    leaning a little, the knees a little bent, the head carried forward."""
    if angles.sitting:
        return replace(angles, hunch=stoop, nod=angles.nod - AGED["chin"] * stoop)
    bend, fold = AGED["thigh"] * stoop, AGED["knee"] * stoop
    return replace(angles, lean=angles.lean + AGED["lean"] * stoop, hunch=stoop, ground=None,
                   thighs=(angles.thighs[0] + bend, angles.thighs[1] + bend),
                   knees=(angles.knees[0] + fold, angles.knees[1] + fold),
                   nod=angles.nod - AGED["chin"] * stoop)


def aged_steps(angles: Angles, stoop: float) -> Angles:
    """A walk or run as someone old holds it: stooped as `aged`, the hip lower and the knees
    bent, over feet where the stride sets them (they never slide on the ground)."""
    low = lowered(angles, AGED["drop"] * stoop)
    return replace(aged(angles, stoop), hip=low.hip, thighs=low.thighs, knees=low.knees,
                   ground=angles.ground)


def pose(name: str, t: float, stoop: float = 0.0, cane: bool = False, gait: Gait = GAIT,
         hold: Callable[[Angles], Angles] | None = None) -> Body:
    """The body in pose `name` at cycle phase t (0 to 1), feet on the ground line y = 0;
    stooped by old age if `stoop` (radians), with a walking stick in the near hand if
    `cane`; walking or running in its `gait`; its arms as `hold` sets them (carrying
    something: see carried.holding)."""
    angles = (OLD_CYCLES.get(name, CYCLES[name]) if stoop else CYCLES[name])(t % 1.0) \
        if gait == GAIT or name not in GAITED else GAITED[name](t % 1.0, gait)
    if stoop and name in OLD_CYCLES:
        stoop *= HUG_STOOP
    if stoop:
        angles = aged_steps(angles, stoop) if name in MOVING else aged(angles, stoop)
    if cane:
        angles = replace(angles, shoulders=(CANE_ARM[0], angles.shoulders[1]),
                         elbows=(CANE_ARM[1], angles.elbows[1]))
    elif hold is not None and not angles.sitting:
        angles = hold(angles)
    capsules, hand, joints = limbs(angles)
    lowest = 0.0 if angles.sitting else min(min(c.a[1], c.b[1]) for c in capsules) \
        if angles.ground is None else angles.ground - TOE_DROP
    lift = -lowest + WIDTHS["foot"] / 2 if not angles.sitting else 0.0
    moved = tuple(replace(c, a=(c.a[0], c.a[1] + lift), b=(c.b[0], c.b[1] + lift))
                  for c in capsules)
    if angles.sitting:  # a stool under them: a seat and a pedestal
        seat = angles.hip[1] - WIDTHS["pelvis"] / 2
        moved = (Capsule((-0.07, seat), (0.07, seat), WIDTHS["foot"], True),
                 Capsule((0.0, seat), (0.0, 0.01), WIDTHS["foot"] * 0.6, True)) + moved
    centre = _head(angles, 1.0 if stoop else BACK_PIVOT)
    head = (centre[0], centre[1] + lift)
    hand = (hand[0], hand[1] + lift)
    if cane:  # from the hand down to the floor in front, and its crook over the hand
        moved += _cane(hand)
    if angles.nod < THROAT and not (stoop or angles.sitting):
        moved += (_throat(angles, head, (joints["shoulder"][0], joints["shoulder"][1] + lift)),)
    placed = {name: (x, y + lift) for name, (x, y) in joints.items()}
    return Body(moved, head, hand, joints=placed, lean=angles.lean, nod=angles.nod,
                hunch=angles.hunch, turn=angles.turn, pointing=angles.pointing,
                look=angles.look, tucked=angles.tucked)


def _head(angles: Angles, pivot: float) -> Point:
    """The head's centre, round the neck's top as far as the nod tips it forward, and `pivot`
    of that tipped back (see BACK_PIVOT; the old carry the head forward, the chin lifted)."""
    neck_top, tilt = spine(angles.hip, angles.lean, angles.hunch, TORSO + NECK)
    nod = angles.nod * (pivot if angles.nod < 0 else 1.0)
    return toward(neck_top, math.pi - tilt - nod, HEAD)


def _throat(angles: Angles, head: Point, shoulder: Point) -> Capsule:
    """The throat of a head tipped back, from the front of the neck's root (over the
    `shoulder`) to under the chin of the head at `head`."""
    tilt = angles.lean + angles.hunch + angles.nod
    forward, up = CHIN[0] * HEAD, CHIN[1] * HEAD
    chin = (head[0] + forward * math.cos(tilt) + up * math.sin(tilt),
            head[1] - forward * math.sin(tilt) + up * math.cos(tilt))
    root = (shoulder[0] + THROAT_WIDTH / 2, shoulder[1])
    return Capsule(root, chin, THROAT_WIDTH)


def _cane(hand: Point) -> tuple[Capsule, ...]:
    tip = (CANE_TIP, CANE / 2)
    crook = [(hand[0] + dx, hand[1] + dy) for dx, dy in CROOK]
    return (Capsule(hand, tip, CANE, limb="hand"),
            *(Capsule(a, b, CANE, limb="hand") for a, b in pairwise([hand, *crook])))
