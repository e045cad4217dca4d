"""A coyote as jointed capsules: a four-beat walk, a trot, a bushy tail and a head that turns."""

from __future__ import annotations

import math

from installation.visuals.skeleton import Body, Capsule, Point, toward

# In the animal's height (paws at 0, ear tips at about 1), facing right.
HIP, SHOULDER = (-0.34, 0.58), (0.3, 0.6)
FRONT = (0.28, 0.3)  # upper and lower front leg
HIND = (0.27, 0.24, 0.13)  # thigh, shank, hock to paw
SKULL = 0.085
SNOUT = 0.17
WIDTHS = {"chest": 0.29, "belly": 0.14, "rump": 0.17, "neck": 0.16, "thigh": 0.15,
          "upper": 0.085, "lower": 0.045, "snout": 0.075, "ear": 0.06, "tail": 0.15}
# Lateral-sequence walk: left hind, left fore, right hind, right fore a quarter cycle apart.
OFFSETS = {"hind_far": 0.0, "fore_far": 0.25, "hind_near": 0.5, "fore_near": 0.75}
SWING = {"walk": 0.42, "run": 0.75, "idle": 0.03}


def coyote(name: str, t: float, turn: float) -> Body:
    """The coyote in gait `name` (walk, run or idle) at phase t; `turn` 0 is profile, 1 looks
    out of the picture at the visitor."""
    swing = SWING.get(name, SWING["idle"])
    w = 2 * math.pi * t
    bob = 0.015 * math.cos(2 * w) if name != "idle" else 0.0
    hip, shoulder = (HIP[0], HIP[1] + bob), (SHOULDER[0], SHOULDER[1] + bob)
    capsules: list[Capsule] = []
    for leg in ("hind_far", "fore_far"):
        capsules += _leg(leg, hip, shoulder, w, swing, far=True)
    capsules += _tail(hip, w, name)
    # A deep chest, the belly tucked up towards lean haunches.
    capsules.append(Capsule((hip[0] + 0.02, hip[1] + 0.02), (0.02, 0.6 + bob), WIDTHS["belly"]))
    capsules.append(Capsule((hip[0] + 0.03, hip[1] + 0.01), (hip[0] - 0.01, hip[1] - 0.03),
                            WIDTHS["rump"]))
    capsules.append(Capsule((0.02, 0.58 + bob), (shoulder[0] - 0.02, shoulder[1] - 0.03),
                            WIDTHS["chest"]))
    for leg in ("hind_near", "fore_near"):
        capsules += _leg(leg, hip, shoulder, w, swing, far=False)
    head, more = _head(shoulder, w, turn, name)
    capsules += more
    return Body(tuple(capsules), head, head, head_radius=SKULL)


def _leg(leg: str, hip: Point, shoulder: Point, w: float, swing: float,
         far: bool) -> list[Capsule]:
    p = w + 2 * math.pi * OFFSETS[leg]
    angle = swing * math.sin(p)
    lift = 0.5 * swing * max(0.0, math.cos(p))  # the paw folds up as the leg swings forward
    if leg.startswith("fore"):
        elbow = toward(shoulder, angle, FRONT[0])
        paw = toward(elbow, angle - lift, FRONT[1])
        return [Capsule(shoulder, elbow, WIDTHS["upper"], far),
                Capsule(elbow, paw, WIDTHS["lower"], far)]
    knee = toward(hip, angle + 0.35, HIND[0])
    hock = toward(knee, angle - 0.7 - lift, HIND[1])
    paw = toward(hock, angle, HIND[2])
    return [Capsule(hip, knee, WIDTHS["thigh"], far), Capsule(knee, hock, WIDTHS["lower"], far),
            Capsule(hock, paw, WIDTHS["lower"], far)]


def _tail(hip: Point, w: float, name: str) -> list[Capsule]:
    """Bushy, carried low and out behind, thickest past the middle, with a dark tip."""
    wag = 0.04 * math.sin(w) if name != "idle" else 0.0
    root = (hip[0] - 0.05, hip[1] + 0.04)
    mid = (root[0] - 0.13, root[1] - 0.1 + wag)
    tip = (mid[0] - 0.09, mid[1] - 0.1 + wag)
    end = (tip[0] - 0.02, tip[1] - 0.05 + wag)
    return [Capsule(root, mid, WIDTHS["tail"] * 0.6), Capsule(mid, tip, WIDTHS["tail"]),
            Capsule(tip, end, WIDTHS["tail"] * 0.55)]


def _head(shoulder: Point, w: float, turn: float, name: str) -> tuple[Point, list[Capsule]]:
    """Neck, skull, snout and ears; turning shortens the snout and shows both ears."""
    low = 0.06 if name == "idle" else 0.0  # nose to the floor when standing
    nod = 0.012 * math.sin(2 * w)
    head = (shoulder[0] + 0.2, shoulder[1] + 0.17 - low + nod)
    neck = Capsule(shoulder, head, WIDTHS["neck"])
    reach = SNOUT * (1.0 - 0.8 * turn)
    nose = (head[0] + reach, head[1] - 0.06 - 0.02 * turn)
    muzzle = (head[0] + reach * 0.55, head[1] - 0.035 - 0.01 * turn)
    ears = []
    for side in (-1, 1):  # tall and pointed: wide at the base, narrow at the tip
        spread = 0.02 + 0.05 * turn * side
        base = (head[0] - 0.03 + spread, head[1] + 0.04)
        middle = (base[0] - 0.01 + spread * 0.3, base[1] + 0.05)
        ears += [Capsule(base, middle, WIDTHS["ear"]),
                 Capsule(middle, (middle[0] - 0.01 + spread * 0.3, middle[1] + 0.05),
                         WIDTHS["ear"] * 0.45)]
    return head, [neck, Capsule(head, muzzle, WIDTHS["snout"]),
                  Capsule(muzzle, nose, WIDTHS["snout"] * 0.6), *ears]
