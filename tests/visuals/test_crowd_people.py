"""A crowd reads as many different people: bodies, clothes, hats, hair, what they carry and
how they walk differ from one to the next, and are the same every time for the same seed."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.carried import holding
from installation.visuals.compositor import Compositor
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.figures import Figures
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.skeleton import TOE_DROP, WIDTHS, Body
from installation.visuals.strides import STRIDE
from installation.visuals.wardrobe import PASSERS_BY, Outfit, passers_by

from .helpers import NO_POST, layer, one_scene

HEIGHT = 200  # a sprite's height, in pixels
WHITE = (255, 255, 255)
APART = 0.1  # two silhouettes differ: this share of their pixels is one's and not the other's
CROWD = 8
SCALE = 0.55  # of the picture (360 high): people about HEIGHT pixels tall
SILHOUETTES = 7  # of a crowd of CROWD, at least this many silhouettes unlike all the others
SLIDE = 0.001  # a planted foot moves on by no more than this (figure heights) off its pace
STEP = 0.002  # of a cycle, between two poses compared


def mask(outfit: Outfit, name: str = "walk", t: float = 0.3, height: int = HEIGHT) -> np.ndarray:
    """One person's silhouette in a pose, `height` pixels tall (their stature's share of it),
    cut to its box."""
    headless()
    body = pose(name, t, outfit.stoop, outfit.cane, hold=holding(outfit.carry))
    sprite, _ = sprite_for(body, Look(height, WHITE, None, outfit=outfit), False, trim=True)
    return pygame.surfarray.array_alpha(sprite) > 128


def unlike(a: np.ndarray, b: np.ndarray) -> float:
    """The share of two silhouettes' pixels (feet together, at the bottom left) that only one
    of them has."""
    w, h = max(a.shape[0], b.shape[0]), max(a.shape[1], b.shape[1])
    pads = [np.pad(m, ((0, w - m.shape[0]), (h - m.shape[1], 0))) for m in (a, b)]
    return float((pads[0] ^ pads[1]).sum() / (pads[0] | pads[1]).sum())


def crowd(**keys: object) -> Figures:
    """A `person` crowd layer as the show builds it."""
    headless()
    keys = {"body": "person", "count": CROWD, "scale": SCALE, **keys}
    line = one_scene(layer("figures", **keys) + "path = [[0.1, 0.9], [0.9, 0.9]]\n" + NO_POST)
    scene = line.scenes[0]
    setup = Compositor(line, (640, 360), print).setup(scene, 0, "figures")
    return Figures(scene.layers[0].params, setup)  # (people SCALE of the picture high)


def test_in_a_crowd_most_people_have_a_silhouette_of_their_own() -> None:
    """Drawn in the same pose, each as tall as the crowd makes them, at least SILHOUETTES of a
    crowd of CROWD differ from every other one by more than APART of their shape (not one
    body and one cut in different colours)."""
    shapes = [mask(look.outfit, height=look.height) for look in crowd(pose="walk").looks
              if look.outfit is not None]
    alone = [i for i, a in enumerate(shapes)
             if all(unlike(a, b) > APART for j, b in enumerate(shapes) if j != i)]
    assert len(alone) >= SILHOUETTES, f"{len(alone)} silhouettes of their own"


def test_a_crowd_has_the_same_people_every_time_and_others_for_another_seed() -> None:
    first, again = crowd(pose="walk"), crowd(pose="walk")
    assert first.looks == again.looks, "the same seed, the same people"
    assert passers_by(CROWD, 1, False) == passers_by(CROWD, 1, False)
    assert passers_by(CROWD, 1, False) != passers_by(CROWD, 2, False)


def test_a_child_comes_with_someone_and_never_sits_at_the_counter() -> None:
    for seed in range(40):
        people = passers_by(CROWD, seed, False)
        assert not people[0].child, "a child is never first: they come with someone"
        assert len({one.coat + one.hair + one.hat for one in people}) == CROWD
        assert not any(one.child for one in passers_by(CROWD, seed, True))
    child = next(one for one in PASSERS_BY if one.child)
    grown = next(one for one in PASSERS_BY if not one.child)
    assert mask(child).shape[1] < 0.75 * mask(grown).shape[1] * grown.stature / child.stature, \
        "a child's head is large for their height"


def test_the_crowd_wears_hats_and_coats_and_carries_things_with_shapes_of_their_own() -> None:
    """A cowboy hat's brim is wider than a cap's; a long raincoat comes down past the knees
    where a short jacket ends at the waist; a briefcase hangs below the near hand."""
    plain = Outfit("short", "none", "shirt")

    def widest_top(outfit: Outfit) -> int:
        shape = mask(outfit, "idle", 0.0)
        return int(shape[:, : shape.shape[1] // 8].sum(axis=0).max())

    assert widest_top(Outfit("short", "cowboy", "shirt")) > 1.2 * widest_top(plain)
    low = mask(Outfit("short", "none", "raincoat"), "idle", 0.0)
    short = mask(Outfit("short", "none", "blouson"), "idle", 0.0)
    shin = round(low.shape[1] * 0.8)  # a fifth up from the feet: the raincoat's skirts
    assert low[:, shin].sum() > 1.5 * short[:, shin].sum()
    case = mask(Outfit("short", "none", "shirt", carry="briefcase"), "idle", 0.0)
    hip = round(case.shape[1] * 0.62)  # below the hand, across the thighs: the case
    assert case[:, hip].sum() > 1.4 * mask(plain, "idle", 0.0)[:, hip].sum()


def test_people_walk_each_in_their_own_gait_and_no_foot_slides() -> None:
    """Strides, arm swings and bounces differ from one to the next; whatever the gait or age,
    a planted foot goes back under the body exactly at the stride's pace."""
    gaits = {one.gait for one in passers_by(14, 3, False)}
    assert len({g.stride for g in gaits}) > 1 and len({g.swing for g in gaits}) > 1
    assert len({g.bounce for g in gaits}) > 1
    for outfit in passers_by(14, 3, False):
        for name in ("walk", "run"):
            stride = STRIDE[name] * outfit.gait.stride
            for t in np.arange(0.03, 1.0, 0.05):  # (not where a foot is set down or lifted)
                a, b = (planted(pose(name, s, outfit.stoop, outfit.cane, outfit.gait))
                        for s in (t, t + STEP))
                for p in a:
                    q = [q for q in b if abs(q[0] - (p[0] - stride * STEP)) < SLIDE]
                    assert q or not b, (outfit, name, t, "a planted foot slid")


def planted(body: Body) -> list[tuple[float, float]]:
    """Where the feet on the ground are (the lowest ankles and toes, nothing lifted)."""
    ends = [c.b for c in body.capsules if c.limb == "leg"]
    lowest = min(y for _, y in ends)
    ground = WIDTHS["foot"] / 2 + TOE_DROP + 1e-4  # an ankle on the ground (a toe lower)
    return [(x, y) for x, y in ends if y - lowest < 1e-4 and y < ground]


def test_a_cowboy_hats_brim_curls_a_little_never_into_horns() -> None:
    """Its brim's ends curled up to points 0.46 of a head above the brim: seen small at dusk
    (17:30) the man in it wore a pair of horns. Now no point of the brim stands more than 0.35
    of a head over the foot of the crown (the brim is now a lens under the crown, tipped down
    in front: its back end stands a little higher than a flat band's did)."""
    from installation.visuals.heads import HATS
    crown, brim = HATS["cowboy"]
    assert max(y for _, y in brim) - min(y for _, y in crown) < 0.35
