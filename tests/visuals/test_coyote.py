"""The coyote reads as a coyote: a deep chest and a tucked-up waist, a back sloping to a bushy
tail carried low, pointed ears, a narrow muzzle, hind legs bent back at the hock, and feet
that fall in a walk's or a trot's order."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals.quadruped import STRIKE, coyote

from .helpers import NO_POST, draw, layer, one_scene

BIG = (640, 360)
BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
SCALE = 0.5  # of the picture's height
FEET = (0.5, 0.9)  # where it stands, facing right
TUCK = 0.06  # of its height: how much higher the belly is at the waist than under the chest
SLOPE = 0.02  # of its height: how much lower the back is over the hips than at the withers
STEPS = 48  # phases looked at through one cycle
HOCK = 0.03  # of its height: how far at least a hock stands out behind its leg
PAWS = 3  # rows: its paws, the lowest rows of it
LEGS = 0.1  # of its height: its legs over the paws, this high
PAW_WIDE = 1.8  # a paw on the ground at least this many times as long as its leg is wide


def standing() -> np.ndarray:
    """The standing coyote, lit on black: a mask (x, y)."""
    one = layer("figures", body="coyote", pose="idle", speed=0, scale=SCALE,
                color="#ffffff") + f"path = [[{FEET[0]}, {FEET[1]}]]\n"
    return pygame.surfarray.array3d(draw(one_scene(BLACK_SKY + one + NO_POST), "12:00:00",
                                         size=BIG)).max(axis=2) > 60


def column(x: float) -> int:
    """The picture's column at x (in the coyote's heights forward of its feet point)."""
    return round(FEET[0] * BIG[0] + x * SCALE * BIG[1])


def edges(mask: np.ndarray, x: float) -> tuple[int, int]:
    """The top and bottom of the body in the column at x: its topmost lit row and the lowest
    of the lit run down from it (the belly, not a leg below it)."""
    rows = np.nonzero(mask[column(x)])[0]
    run = np.split(rows, np.nonzero(np.diff(rows) > 1)[0] + 1)[0]
    return int(run[0]), int(run[-1])


def test_a_deep_chest_and_a_tucked_up_waist() -> None:
    mask = standing()
    height = SCALE * BIG[1]
    chest, waist = edges(mask, 0.08)[1], edges(mask, -0.16)[1]
    assert chest - waist > TUCK * height, "the belly line rises from the chest to the waist"
    assert mask[column(-0.16), waist + 2: round(FEET[1] * BIG[1]) - 2].sum() == 0, \
        "nothing under the waist: the legs are apart, fore and hind"


def test_the_back_slopes_from_the_withers_to_the_tail() -> None:
    mask = standing()
    assert edges(mask, -0.3)[0] - edges(mask, 0.2)[0] > SLOPE * SCALE * BIG[1]


def test_pointed_ears_a_narrow_muzzle_and_a_bushy_tail_carried_low() -> None:
    body = coyote("walk", 0.3, 0.0)
    ear = max(body.capsules, key=lambda c: max(c.a[1], c.b[1]))
    assert ear.end_width < 0.3 * ear.width, "the ear narrows to a point"
    nose = max(body.capsules, key=lambda c: max(c.a[0], c.b[0]))
    assert nose.end_width < 0.5 * nose.width < 0.05, "the muzzle is narrow, tapering"
    tail = [c for c in body.capsules  # from the root out, behind the haunch
            if c.limb != "leg" and min(c.a[0], c.b[0]) < -0.36]
    widths = [c.width for c in tail]
    assert max(widths) > 1.5 * widths[0] and max(widths) > 1.5 * tail[-1].end_width, \
        "thickest past its root: bushy"
    assert min(min(c.a[1], c.b[1]) for c in tail) < 0.35, "carried low, not held up"


def test_the_hind_legs_bend_back_at_the_hock() -> None:
    for name in ("walk", "run", "idle"):
        for step in range(STEPS):
            joints = coyote(name, step / STEPS, 0.0).joints
            for leg in ("hind_near", "hind_far"):
                (sx, sy), (hx, hy), (px, py) = (joints[f"{leg}{i}"] for i in (1, 2, 3))
                # How far the hock is behind the line from the stifle down to the paw.
                behind = ((py - sy) * (hx - sx) - (px - sx) * (hy - sy)) / math.dist((sx, sy),
                                                                                    (px, py))
                assert behind > HOCK, f"{name} {step}: the {leg} hock points back"


def strikes(name: str) -> dict[str, float]:
    """When in the cycle each paw is set down: the phase at which it is furthest forward of
    where its leg hangs from, standing on the ground."""
    out = {}
    for leg in STRIKE["walk"]:
        ahead = [coyote(name, step / STEPS, 0.0).joints[f"{leg}3"][0]
                 - coyote(name, step / STEPS, 0.0).joints[f"{leg}0"][0] for step in range(STEPS)]
        out[leg] = int(np.argmax(ahead)) / STEPS
    return out


def apart(a: float, b: float) -> float:
    """How far phase b comes after phase a, 0 to 1."""
    return (b - a) % 1.0


def test_the_feet_fall_in_a_walks_order_and_a_trots_pairs() -> None:
    walk = strikes("walk")
    order = ("hind_far", "fore_far", "hind_near", "fore_near")
    for a, b in zip(order, order[1:] + order[:1], strict=True):
        assert abs(apart(walk[a], walk[b]) - 0.25) < 0.05, f"walking, {b} a quarter after {a}"
    trot = strikes("run")
    assert abs(apart(trot["hind_far"], trot["fore_near"])) < 0.05, "trotting, diagonals together"
    assert abs(apart(trot["hind_far"], trot["hind_near"]) - 0.5) < 0.05, "the pairs in turn"


def test_standing_it_sniffs_and_lifts_its_head_to_look_round() -> None:
    """Stopped on the lot, it is not a cut-out: through each idle cycle it lowers its nose
    to the ground and lifts its head well up again, its tail swaying; looking out at the
    visitor, it holds its head up."""
    sniffing, looking = coyote("idle", 0.0, 0.0), coyote("idle", 0.5, 0.0)
    assert looking.head[1] - sniffing.head[1] > 0.08, "the head rises a tenth of its height"
    tip = [max(coyote("idle", t, 0.0).capsules, key=lambda c: -min(c.a[0], c.b[0]))
           for t in (0.25, 0.75)]  # (the tail's last piece, the furthest back)
    assert any(abs(p - q) > 0.005 for p, q in zip((*tip[0].a, *tip[0].b), (*tip[1].a, *tip[1].b),
                                                  strict=True)), "the tail moves"
    assert coyote("idle", 0.0, 1.0).head[1] > sniffing.head[1] + 0.08


def runs(line: np.ndarray) -> list[int]:
    """How long each run of lit pixels along a line is."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], line.astype(int), [0]))))
    return [int(b - a) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def test_it_stands_on_paws_not_on_round_stumps() -> None:
    """Standing in profile, its paws lie along the ground, longer than its legs are wide (as
    long as they were thick, its legs ended in round stumps and it seemed to float)."""
    mask = standing()
    foot = int(np.flatnonzero(mask.any(axis=0)).max())
    paws = max(max(runs(mask[:, foot - k]), default=0) for k in range(PAWS))
    legs = float(np.median(runs(mask[:, foot - round(LEGS * SCALE * BIG[1])])))
    assert paws >= PAW_WIDE * legs, f"paws {paws} px long, its legs {legs:.0f} px wide"
