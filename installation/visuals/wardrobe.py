"""What people wear: a jacket, coat or dress, hands, and what they carry, and who wears what;
and the body under it (build, stature, shoulders, belly, a child's head). The face, hair and
hat are placed on the head by headwear."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from installation.visuals.carried import carried
from installation.visuals.heads import HEAD, Polygon, place
from installation.visuals.headwear import HEAD_SCALE as HEAD_SCALE  # (long imported from here)
from installation.visuals.headwear import hair_of, head_scale, on_head
from installation.visuals.skeleton import GAIT, TURNED_WIDTH, Body, Capsule, Gait, Point, spine

# A hand, in figure heights: from the wrist to the fingertips; its palm's heel, narrower than
# the sleeve's end (the wrist is 0.032 at an average build); its knuckles, where it is
# broadest (no broader than the wrist), this share of the way along; the fingers taper from
# there to their tips. A hand broadest at its round end read as a club or a mace, and one
# broader than the wrist as a knob on a stick: at a runner's 60 to 100 pixels it is a few
# pixels that must taper out of the sleeve, as the face's tone (see hand_light), not a blob.
HAND_LENGTH, PALM, KNUCKLES, KNUCKLES_AT, FINGERTIPS = 0.046, 0.024, 0.028, 0.45, 0.012
THUMB_LENGTH, THUMB_WIDTH, THUMB_SPREAD = 0.024, 0.012, 0.55  # the thumb, off the hand's line
THUMB_SIDE = math.pi / 4  # the thumb turns off the hand towards forward and up
FINGER_LENGTH, FINGER_WIDTH = 0.04, 0.012  # a pointing forefinger, on from the knuckles
WAIST = 0.1  # up the spine from the hip
HEM_DROP = {"dress": 0.05, "skirt": 0.04, "coat": 0.08, "housecoat": 0.13,  # below the knee
            "raincoat": 0.15}
FLARE = {"dress": 0.1, "skirt": 0.07, "coat": 0.06, "housecoat": 0.06,  # past a knee
         "raincoat": 0.085}
GAITS = ((0.88, 1.0, 1.12), (0.6, 1.0, 1.4), (0.6, 1.0, 1.7))  # stride, arm swing, bounce
BARE_ARMS = 0.8  # a sleeveless top's arms are this much thinner than sleeved ones
BROAD = (0.12, 0.3)  # broad shoulders widen the torso from this far up the spine to this
PAUNCH = 0.13  # a belly is widest this far up the spine from the hip
# A shoulder bag hangs at the back of the hip (forward, up from it; in figure heights).
BAG = ((-0.13, 0.02), (-0.03, 0.02), (-0.025, 0.12), (-0.12, 0.13))  # round the hip
# A light dress (Julie's) over a thigh swung back: its hem rides up the thigh from the knee, to
# this share of the thigh once it is this far back (see _behind; in proportion before), flared
# this much about it.
LIFTED = (0.45, 0.5, 0.035)
FAR_ELBOW_HIDDEN = 0.3  # arms folded, the far forearm shows from this share of the way along


# Julie's own gait (a waitress in a dress and flat shoes, beside Harry's long even stride):
# a shorter stride, so quicker steps at his pace, with more knee, a little more bounce, her
# arms carried high and close (see strides.KNEE_MORE, HELD).
JULIE = Gait(stride=0.8, swing=1.0, bounce=1.2, arms="held", knee=1.3)


@dataclass(frozen=True)
class Outfit:
    """One person's look: hair (short, long, curly, bun, bald, fringe, ponytail, big), hat
    (none, fedora, cap, cowboy), coat (shirt, jacket, coat, dress, skirt, cardigan, housecoat,
    raincoat, blouson, tank), build (1 is average) and stature (1 is average); and for someone
    old, the stoop of their back (radians), a walking stick, and grey hair (drawn in a light
    of its own, not the body's colour); broad `shoulders` (1 is average), a `belly`, a child's
    large head (`child`), what they `carry` (none, briefcase, bag), their `gait`, and whether
    they look back over the shoulder as they go (`glance`: the head turned to face behind);
    a day's `stubble` on a man who has not shaved (a modelled face's jaw: see figure_face);
    a `light` dress, whose hem swings clear of a leg behind (see _skirt)."""

    hair: str = "short"
    hat: str = "none"
    coat: str = "shirt"
    build: float = 1.0
    stature: float = 1.0
    stoop: float = 0.0
    cane: bool = False
    grey: bool = False
    shoulders: float = 1.0
    belly: float = 0.0
    child: bool = False
    carry: str = "none"
    gait: Gait = GAIT
    glance: bool = False
    stubble: bool = False
    light: bool = False


OUTFITS = {
    "harry": Outfit("short", "none", "jacket", 1.15, stubble=True),  # a jacket on square
    #                                                                   shoulders, unshaven
    "julie": Outfit("curly", "none", "dress", 0.85, 0.95, gait=JULIE, light=True),  # a mass
    #                                         of curls, a light dress, a gait of her own
    "man": Outfit("short", "none", "jacket"),
    "woman": Outfit("long", "none", "skirt", 0.88, 0.94),
    # Julie's grandparents, in their seventies, in what they wore at home in the night: Ivan
    # bald on top with a grey fringe, a cardigan and his stick; Lucy in a long housecoat,
    # her grey hair in a bun. Both thin and stooped, she the more.
    "ivan": Outfit("fringe", "none", "cardigan", 0.88, 0.97, stoop=0.5, cane=True, grey=True),
    "lucy": Outfit("bun", "none", "housecoat", 0.78, 0.86, stoop=0.8, grey=True),
}
CROWD = (  # a diner crowd and passers-by: each person picks one
    Outfit("short", "fedora", "coat", 1.05),
    Outfit("bald", "none", "shirt", 1.3, 0.97),
    Outfit("long", "none", "dress", 0.85, 0.93),
    Outfit("short", "cap", "jacket", 1.2),
    Outfit("bun", "none", "skirt", 0.9, 0.95),
    Outfit("short", "none", "shirt", 0.9, 1.04),
    Outfit("curly", "none", "coat", 0.95, 0.96),
    Outfit("short", "fedora", "jacket", 1.0, 1.02),
)
# Los Angeles, 1988: a crowd of `person`s is drawn from these, no two alike while there are
# enough (see passers_by); each walks in a gait of their own. A child comes with the person
# before them.
PASSERS_BY = (
    Outfit("short", "none", "raincoat", 1.0, 1.05, carry="briefcase"),  # a long raincoat
    Outfit("big", "none", "skirt", 0.86, 0.95, carry="bag"),  # big hair, a skirt, a bag
    Outfit("short", "cowboy", "blouson", 1.15, 1.02, shoulders=1.1),  # a cowboy hat
    Outfit("short", "cap", "tank", 0.85, 1.0),  # a baseball cap, a sleeveless top
    Outfit("ponytail", "none", "tank", 0.84, 0.96),  # a ponytail, bare arms
    Outfit("bald", "none", "shirt", 1.3, 0.96, belly=0.05),  # heavy, a belly
    Outfit("short", "fedora", "coat", 0.95, 0.98, stoop=0.3, grey=True),  # old, stooped
    Outfit("short", "cap", "shirt", 0.8, 0.62, child=True),  # a child
    Outfit("short", "none", "blouson", 1.1, 1.06, shoulders=1.3),  # broad shoulders
    Outfit("big", "none", "dress", 0.9, 0.97),  # big hair, a dress
    Outfit("long", "none", "jacket", 0.95, 1.08, carry="bag"),  # tall, long hair
    Outfit("curly", "none", "raincoat", 0.9, 0.95),
    Outfit("bun", "none", "cardigan", 0.95, 0.9, stoop=0.2, grey=True, carry="bag"),
    Outfit("short", "none", "jacket", 0.9, 1.1, carry="briefcase"),  # tall and thin
)
GROWN_UP = tuple(one for one in PASSERS_BY if not one.child)
# Running for their lives, each grown-up with what they grabbed, in the order of GROWN_UP: a
# suitcase, a child in their arms, a box, nothing, a coat held over the head, ... (a box, bulky
# and square, once: twice in a handful of runners already reads as a removal, not a flight)
GRABBED = ("suitcase", "child", "box", "none", "coat", "suitcase", "none", "briefcase", "child",
           "bag", "coat", "bag", "briefcase")
# Those of them (in the same order) who look back over the shoulder as they run, at what is
# behind them: the ones with nothing in their hands, whose run reads as a flight by the head.
GLANCES = tuple(carry == "none" for carry in GRABBED)
# Which people a crowd of `person`s is drawn from, by its `crowd`: anyone out in the day
# (a child with the one before them); grown-ups only (a diner at four in the morning, looters);
# grown-ups fleeing with what they grabbed.
CROWDS: dict[str, tuple[Outfit, ...]] = {
    "passers-by": PASSERS_BY, "night": GROWN_UP,
    "fleeing": tuple(replace(one, carry=carry, glance=glance) for one, carry, glance in
                     zip(GROWN_UP, GRABBED, GLANCES, strict=True)),
}

# Torso outlines facing right: (forward, up the spine) from the hip, in figure heights.
TORSOS: dict[str, Polygon] = {
    "shirt": ((-0.06, 0.0), (0.06, 0.0), (0.066, 0.2), (0.05, 0.28), (-0.045, 0.295),
              (-0.068, 0.2)),
    "jacket": ((-0.078, -0.055), (0.078, -0.055), (0.07, 0.1), (0.084, 0.2), (0.078, 0.262),
               (0.055, 0.296), (0.02, 0.31), (-0.045, 0.31), (-0.078, 0.292), (-0.09, 0.255),
               (-0.08, 0.12)),
    "dress": ((-0.05, 0.08), (0.05, 0.08), (0.072, 0.19), (0.05, 0.27), (-0.04, 0.29),
              (-0.062, 0.2)),
}
TORSOS["coat"] = TORSOS["jacket"]
TORSOS["skirt"] = TORSOS["shirt"]
TORSOS["cardigan"] = ((-0.066, -0.06), (0.066, -0.06), (0.07, 0.1), (0.07, 0.2), (0.052, 0.28),
                      (-0.045, 0.3), (-0.074, 0.2))  # loose, down over the hips
TORSOS["housecoat"] = TORSOS["dress"]
TORSOS["raincoat"] = TORSOS["jacket"]
TORSOS["blouson"] = ((-0.074, 0.0), (0.074, 0.0), (0.088, 0.05), (0.09, 0.2), (0.08, 0.262),
                     (0.056, 0.296), (0.02, 0.31), (-0.046, 0.31), (-0.08, 0.292),
                     (-0.096, 0.25), (-0.094, 0.06))  # short, puffed, gathered at the waist
TORSOS["tank"] = ((-0.058, 0.0), (0.058, 0.0), (0.064, 0.2), (0.046, 0.27), (0.02, 0.29),
                  (-0.03, 0.29), (-0.064, 0.2))  # sleeveless: narrow at the shoulder

def dressed(body: Body, outfit: Outfit) -> tuple[tuple[Capsule, ...], tuple[Polygon, ...]]:
    """A body in its clothes: its limbs (thicker or thinner with the build, and with hands),
    and the outlines drawn over them: torso, skirt, head, hair, hat, what they carry."""
    limbs = tuple(_built(c, outfit.build * _limb_scale(c.limb, outfit.coat))
                  for c in (crossed(body) if body.tucked else body.capsules))
    hands = bare_hands(body)
    torso = _along_spine(body, _wide(_shaped(TORSOS[outfit.coat], outfit),
                                     1.0 + TURNED_WIDTH * body.turn))
    shapes = [torso]
    if worn(outfit) > 1:
        shapes.append(_skirt(body, outfit))
    head = head_scale(outfit)
    shapes += [on_head(body, HEAD, head, outfit.glance), *hair_of(body, outfit),
               *_carried(body, outfit)]
    return limbs + hands, tuple(shapes)


def bare_hands(body: Body) -> tuple[Capsule, ...]:
    """A dressed body's bare hands (none with its arms folded, see `crossed`): the far one,
    then the near one, its forefinger out if it points."""
    hands = () if body.tucked else tuple(part for side in (1, 0) for part in _hand(body, side))
    if body.pointing:  # the near hand's forefinger, on along the hand
        palm = hands[-2]
        hands += (replace(palm, a=palm.b, b=_on(palm.a, palm.b, FINGER_LENGTH),
                          width=FINGER_WIDTH, tip=FINGER_WIDTH * 0.8),)
    return hands


def crossed(body: Body) -> tuple[Capsule, ...]:
    """A body with its arms folded: both forearms bare (the sleeves rolled to the elbow, its
    cuff there) and drawn over the chest, the far one under the near: dark arms crossed in
    front of a lighter shirt (in its sleeves, the fold was lost in the shirt). The far one
    comes out from under the near arm (its elbow, on the far side of the body, hidden: drawn,
    its end stuck out past the near sleeve at the back, a stray dark crescent)."""
    near, far = body.joints["elbow0"], body.joints["elbow1"]
    wrist = body.joints["wrist1"]
    hidden = (far[0] + (wrist[0] - far[0]) * FAR_ELBOW_HIDDEN,
              far[1] + (wrist[1] - far[1]) * FAR_ELBOW_HIDDEN)
    return tuple(replace(c, a=hidden if c.a == far else c.a, far=False, limb="hand")
                 if c.limb == "arm" and c.a in (near, far) else c for c in body.capsules)


def _limb_scale(limb: str, coat: str) -> float:
    """How much thinner a limb is than the build says: bare legs under a skirt, bare arms."""
    if limb == "leg" and coat in ("dress", "skirt"):
        return 0.8
    return BARE_ARMS if limb == "arm" and coat == "tank" else 1.0


def _shaped(outline: Polygon, outfit: Outfit) -> Polygon:
    """A torso outline as wide as the build, the shoulders broadened, a belly pushed out."""
    out = []
    for forward, up in outline:
        broad = min(1.0, max(0.0, (up - BROAD[0]) / (BROAD[1] - BROAD[0])))
        out.append((forward * outfit.build * (1 + (outfit.shoulders - 1) * broad), up))
    if outfit.belly:
        out.insert(2, (max(f for f, _ in out) + outfit.belly, PAUNCH))
    return tuple(out)


def _carried(body: Body, outfit: Outfit) -> tuple[Polygon, ...]:
    """What they carry: a bag at the back of the hip (its strap lost in the silhouette), or
    what carried.carried draws (a case from the near hand, a box, a child, a coat)."""
    if outfit.carry == "bag":
        return (place(BAG, body.joints["hip"], body.lean),)
    return carried(body, outfit.carry)
def worn(outfit: Outfit) -> int:
    """How many of `dressed`'s outlines are clothes (the first ones): the top, and a skirt or
    a coat's tails."""
    return 2 if outfit.coat in HEM_DROP else 1


def _along_spine(body: Body, outline: Polygon) -> Polygon:
    """A (forward, up the spine) outline laid along the body's spine, bending with a
    hunched back (without a hunch, tipped by the lean at the hip)."""
    hip = body.joints["hip"]
    if not body.hunch:
        return place(outline, hip, body.lean)
    out = []
    for forward, up in outline:
        (x, y), tilt = spine(hip, body.lean, body.hunch, up)
        out.append((x + forward * math.cos(tilt), y - forward * math.sin(tilt)))
    return tuple(out)


def _built(capsule: Capsule, build: float) -> Capsule:
    """A limb made thicker or thinner along its length."""
    tip = None if capsule.tip is None else capsule.tip * build
    return replace(capsule, width=capsule.width * build, tip=tip)


def _hand(body: Body, side: int) -> tuple[Capsule, Capsule, Capsule]:
    """A hand at the end of the forearm, in line with it: the palm out to the knuckles, a
    little broader than the wrist, the fingers tapering on from them, and a thumb off its
    forward, upper edge: it reads as a hand, not a stump or a club."""
    elbow, wrist = body.joints[f"elbow{side}"], body.joints[f"wrist{side}"]
    dx, dy = wrist[0] - elbow[0], wrist[1] - elbow[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    tip = (wrist[0] + ux * HAND_LENGTH, wrist[1] + uy * HAND_LENGTH)
    angle = math.atan2(ux, uy)  # from straight up, forward positive
    towards = math.remainder(THUMB_SIDE - angle, 2 * math.pi)
    angle += THUMB_SPREAD * (1 if towards >= 0 else -1)
    thumb = (wrist[0] + math.sin(angle) * THUMB_LENGTH, wrist[1] + math.cos(angle) * THUMB_LENGTH)
    far = side == 1
    along = HAND_LENGTH * KNUCKLES_AT
    knuckles = (wrist[0] + ux * along, wrist[1] + uy * along)
    return (Capsule(wrist, knuckles, PALM, far, KNUCKLES, "hand"),
            Capsule(knuckles, tip, KNUCKLES, far, FINGERTIPS, "hand"),
            Capsule(wrist, thumb, THUMB_WIDTH, far, THUMB_WIDTH * 0.8, "hand"))


def _on(a: Point, b: Point, length: float) -> Point:
    """The point `length` on past b along the line from a to b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    span = math.hypot(dx, dy) or 1.0
    return b[0] + dx / span * length, b[1] + dy / span * length


def _skirt(body: Body, outfit: Outfit) -> Polygon:
    """A skirt or a coat's tails: from the waist out round both knees, whatever the pose, its
    hem down each shin (swinging with the legs as they stride), less far down one that is
    raised (a leg kicked up behind comes out from under it, shin and foot)."""
    half = 0.056 * outfit.build
    points = list(place(((-half, WAIST), (half, WAIST), (-0.075 * outfit.build, -0.02)),
                         body.joints["hip"], body.lean))
    for side in (0, 1):
        (kx, ky), (ax, ay) = body.joints[f"knee{side}"], body.joints[f"ankle{side}"]
        down = max(0.0, (ky - ay) / (math.hypot(kx - ax, ky - ay) or 1.0))  # (a shin's cos)
        hx, hy = _on((ax, ay), (kx, ky), -HEM_DROP[outfit.coat] * down)
        flare = FLARE[outfit.coat]
        hem = [(hx - flare, hy), (hx + flare, hy), (kx - 0.05, ky + 0.03),
               (kx + 0.05, ky + 0.03)]
        behind = _behind(body, side) if outfit.light else 0.0
        if behind > 0.0:  # a light dress swings clear of a leg behind: the knee shows under it
            k = min(1.0, behind / LIFTED[1])
            hem = [(x + (lx - x) * k, y + (ly - y) * k)
                   for (x, y), (lx, ly) in zip(hem, _lifted(body, side), strict=True)]
        points += hem
    return hull(points)


def _behind(body: Body, side: int) -> float:
    """How far a leg's thigh is swung back behind the hip, 0 (down or forward) to 1 (level
    behind): the sine of its angle back from straight down."""
    (hx, hy), (kx, ky) = body.joints["hip"], body.joints[f"knee{side}"]
    return max(0.0, (hx - kx) / (math.hypot(kx - hx, ky - hy) or 1.0))


def _lifted(body: Body, side: int) -> list[Point]:
    """A light dress's hem over a leg swung well behind: up the thigh from the knee (LIFTED's
    share of it), a little flared, so the knee and the bent leg show under it (the four points
    of the hem's hull in _skirt, the knee's two on the hem's)."""
    (hx, hy), (kx, ky) = body.joints["hip"], body.joints[f"knee{side}"]
    x, y = kx + (hx - kx) * LIFTED[0], ky + (hy - ky) * LIFTED[0]
    flare = LIFTED[2]
    return [(x - flare, y - flare / 2), (x + flare, y + flare / 2)] * 2


def _wide(outline: Polygon, build: float) -> Polygon:
    return tuple((f * build, a) for f, a in outline)


def hull(points: Sequence[Point]) -> Polygon:
    """The convex hull of some points (Andrew's monotone chain)."""
    ordered = sorted(set(points))

    def half(chain: Sequence[Point]) -> list[Point]:
        out: list[Point] = []
        for p in chain:
            while len(out) >= 2 and _cross(out[-2], out[-1], p) <= 0:
                out.pop()
            out.append(p)
        return out[:-1]

    return tuple(half(ordered) + half(ordered[::-1]))


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def passers_by(count: int, seed: int, seated: bool, crowd: str = "passers-by",
               dealt: int = 0) -> list[Outfit]:
    """A crowd of `count` from CROWDS[crowd], shuffled by `seed`: no two alike until every one
    is there; each in a gait of their own; a child never first (they come with the one before
    them) and never `seated` (at a diner's counter at four in the morning). `dealt`: how many
    of the shuffled crowd went before them (to other layers dealt from the same seed)."""
    rng = np.random.default_rng(seed)
    pool = [o for o in CROWDS[crowd] if not (seated and o.child)]
    rounds = (dealt + count) // len(pool) + 1  # (one more than needed: a child never last alone)
    picks = [pool[n] for _ in range(rounds) for n in rng.permutation(len(pool))]
    if picks[0].child:  # (the next one never is: one child in the pool)
        picks[0], picks[1] = picks[1], picks[0]
    gaits = [gait_of(rng) for _ in range(dealt + count)]
    return [replace(one, gait=gait) for one, gait in zip(picks[dealt:dealt + count],
                                                         gaits[dealt:], strict=True)]


def gait_of(rng: np.random.Generator) -> Gait:
    """A gait of one's own: a stride, an arm swing and a bounce, each one of a few steps (a
    crowd's sprites stay few)."""
    stride, swing, bounce = (float(rng.choice(levels)) for levels in GAITS)
    return Gait(stride, swing, bounce)


def outfit_of(body: str, pick: float, i: int) -> Outfit | None:
    """What member i of a `body` wears: a named person's clothes, Harry's and Julie's in turn
    for a "couple", Ivan's and Lucy's for "elders", one from the crowd's for "person" (by
    `pick`, 0 to 1), none for an animal."""
    if body == "person":
        return CROWD[int(pick * len(CROWD)) % len(CROWD)]
    if body == "couple":
        return OUTFITS["harry" if i % 2 == 0 else "julie"]
    if body == "elders":
        return OUTFITS["ivan" if i % 2 == 0 else "lucy"]
    return OUTFITS.get(body)
