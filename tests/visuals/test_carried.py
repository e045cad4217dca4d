"""What people carry: fleeing, they grab a child, a case, a box or a coat, each seen on them in a
tone of its own; a briefcase hangs behind the thigh, not over it; at night nobody is a child;
the runners across Wilshire carry all sorts of things between them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from installation.core.timeline import load_timeline
from installation.visuals.carried import CASES, carried, holding
from installation.visuals.compositor import Compositor
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.figures import Figures
from installation.visuals.poses import SEATED, pose
from installation.visuals.render import headless
from installation.visuals.wardrobe import CROWDS, HEAD, Outfit, dressed, passers_by

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
BODY = (20, 18, 22)
RIM = (255, 176, 122)
HEIGHT = 200
SHOWS = 150  # pixels: the least a thing carried changes of a 200-pixel figure


def _sprite(carry: str, name: str = "run", t: float = 0.25) -> pygame.Surface:
    outfit = Outfit("short", "none", "jacket", carry=carry)
    body = pose(name, t, hold=holding(carry))
    return sprite_for(body, Look(HEIGHT, BODY, RIM, outfit=outfit), False)[0]


def _opaque(sprite: pygame.Surface) -> set[tuple[int, int]]:
    mask = pygame.mask.from_surface(sprite)
    return {(x, y) for x in range(mask.get_size()[0]) for y in range(mask.get_size()[1])
            if mask.get_at((x, y))}


@pytest.mark.parametrize("carry", ["suitcase", "briefcase", "box", "child", "coat"])
def test_what_they_grabbed_shows_on_them(carry: str) -> None:
    """Running with it, their outline is not a runner's with nothing: the thing stands out of
    it, and some of it is in its own tone, not the body's."""
    headless()
    bare, laden = _sprite("none"), _sprite(carry)
    assert len(_opaque(laden) ^ _opaque(bare)) > SHOWS, f"the {carry} shows"
    tones = {tuple(laden.get_at(p))[:3] for p in _opaque(laden)}
    assert any(abs(c[0] - BODY[0]) + abs(c[1] - BODY[1]) > 20 and c != RIM for c in tones)


def test_a_briefcase_hangs_behind_the_thigh() -> None:
    """Standing or walking, the case hangs from the near hand behind the thigh (its middle
    behind the hip), not over the thighs as a bulk."""
    for t in (0.0, 0.25, 0.5, 0.75):
        body = pose("walk", t, hold=holding("briefcase"))
        case = carried(body, "briefcase")[-1]
        middle = sum(x for x, _ in case) / len(case)
        assert middle < body.joints["hip"][0] - 0.04, f"behind the thigh at {t}"
        assert set(CASES) >= {"briefcase", "suitcase"}


def test_fleeing_people_carry_what_they_grabbed() -> None:
    fleeing = passers_by(len(CROWDS["fleeing"]), 3, False, "fleeing")
    kinds = {one.carry for one in fleeing}
    assert {"child", "suitcase", "box", "coat"} <= kinds
    assert not any(one.child for one in fleeing), "grown-ups, carrying the children"


def test_no_child_at_night_in_the_diner_or_among_the_looters() -> None:
    for seed in range(40):
        assert not any(one.child for one in passers_by(20, seed, False, "night"))
    line = load_timeline(SHIPPED)
    # In the diner grown-ups only; on the mall's lot grown-ups fleeing with what they grabbed
    # (a child only ever in someone's arms, never running or led among the looters).
    crowds = {"Panic in the diner": "night", "Searchlights over the mall": "fleeing"}
    for scene in line.scenes:
        if scene.name in crowds:
            people = [spec for spec in scene.layers
                      if spec.type == "figures" and spec.params["body"] == "person"]
            assert people and all(spec.params["crowd"] == crowds[scene.name]
                                  and not spec.params["led"] for spec in people
                                  if spec.params["pose"] not in SEATED), scene.name


def test_the_dawn_runners_flee_with_things() -> None:
    line = load_timeline(SHIPPED)
    (scene,) = [s for s in line.scenes if s.name.startswith("Across Wilshire")]
    people = [spec for spec in scene.layers
              if spec.type == "figures" and spec.params["body"] == "person"]
    assert people and all(spec.params["crowd"] == "fleeing" for spec in people)
    assert replace(Outfit(), carry="box").carry == "box"


def test_the_dawn_runners_carry_many_different_things() -> None:
    """Across Wilshire, the runners flee with all sorts of things, dealt between them: a
    bulky box at most once (three at once read as a removal), and five kinds or more."""
    headless()
    line = load_timeline(SHIPPED)
    (scene,) = [s for s in line.scenes if s.name.startswith("Across Wilshire")]
    compositor = Compositor(line, (480, 270), print)
    carried_by = [outfit.carry for index, spec in enumerate(scene.layers)
                  if spec.type == "figures" and spec.params["crowd"] == "fleeing"
                  and spec.params["body"] == "person"
                  for outfit in Figures(spec.params, compositor.setup(scene, index, "figures"))
                  .outfits if outfit is not None]
    assert len(carried_by) >= 8
    assert carried_by.count("box") <= 1, carried_by
    assert len(set(carried_by)) >= 5, carried_by


def test_some_of_the_fleeing_look_back_as_they_run() -> None:
    """Running for their lives, those with nothing in their hands look back over the shoulder:
    the face (brow, nose, chin) is on the side of the head they run away from, and the others
    look where they run."""
    fleeing = CROWDS["fleeing"]
    assert any(one.glance for one in fleeing) and not all(one.glance for one in fleeing)
    body = pose("run", 0.3)
    for one in fleeing:
        _, shapes = dressed(body, replace(one, carry="none"))
        face = max(shapes, key=lambda shape: max(x for x, _ in shape) - body.head[0]
                   if len(shape) == len(HEAD) else -1.0)  # the head: (a face's outline)
        nose = max(face, key=lambda p: abs(p[0] - body.head[0]))
        assert (nose[0] < body.head[0]) == one.glance, one


# Points of the head, (forward, up) from its middle in figure heights (it is drawn a little
# larger than the skeleton's): the middle, the crown, the back, the back of the crown.
HEAD_POINTS = ((0.0, 0.0), (0.0, 0.07), (-0.06, 0.0), (-0.045, 0.045))


def test_a_coat_held_up_leaves_the_head_seen_under_it() -> None:
    """A coat held up over the head arches over it and hangs down the back behind it: no part
    of the head (its middle, its crown, its back) is inside it, so nobody runs with a box for a
    head (at 04:56 and 05:08 the coat over the back of the head read as a looted TV)."""
    for name in ("run", "walk"):
        for t in (0.0, 0.25, 0.5, 0.75):
            body = pose(name, t, hold=holding("coat"))
            [coat] = carried(body, "coat")
            hx, hy = body.head
            for dx, dy in HEAD_POINTS:
                assert not _inside((hx + dx, hy + dy), coat), (name, t, dx, dy)


FACE = 0.08  # figure heights ahead of the head's middle: the face's front (the head drawn large)


def test_a_coat_held_up_leaves_the_face_clear_of_the_near_arm() -> None:
    """Holding a coat up over the head, the near arm reaches up ahead of the face and the far
    one behind it, so the head is seen between them under the coat (at 04:55 over the lot the
    near arm went straight up across the face: a man with a box for a head, arms up)."""
    for name in ("run", "walk"):
        for t in (0.0, 0.25, 0.5, 0.75):
            body = pose(name, t, hold=holding("coat"))
            hx, _ = body.head
            for joint in ("elbow0", "wrist0"):
                assert body.joints[joint][0] - hx > FACE, (name, t, joint)
            assert body.joints["wrist1"][0] < body.joints["wrist0"][0], (name, t)


def _inside(point: tuple[float, float], polygon: tuple[tuple[float, float], ...]) -> bool:
    """Whether a point lies inside a polygon (an odd number of its edges cross the ray from
    the point to the right)."""
    x, y = point
    crossings = 0
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            crossings += 1
    return crossings % 2 == 1
