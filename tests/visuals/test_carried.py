"""What people carry: fleeing, they grab a child, a case, a box or a coat, each seen on them in a
tone of its own; a briefcase hangs behind the thigh, not over it; at night nobody is a child;
the runners across Wilshire carry all sorts of things between them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock
from installation.visuals.carried import CASES, carried, holding
from installation.visuals.compositor import Compositor
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.figures import Figures
from installation.visuals.poses import SEATED, pose
from installation.visuals.render import headless
from installation.visuals.skeleton import Body, Point
from installation.visuals.wardrobe import CROWDS, HEAD, HEAD_SCALE, Outfit, dressed, passers_by

from .helpers import shipped_crowd

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "timelines" / "miracle-mile.toml"
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


# Where someone runs with a coat held over the head, in the shipped day: over the mall's lot
# (far off, and standing far off looking back) and across Wilshire (05:08:50 it read as a tray
# held up; flat on the head, arms forward, it read as a nurse's cap).
COAT_SEEN = (("04:50:13", "Searchlights over the mall"), ("04:51", "Searchlights over the mall"),
             ("05:08:50", "Across Wilshire at first light"))
BELOW = 0.02  # figure heights: each flap hangs at least this far below the shoulder
CLEAR = 0.15  # of the head's width: how far out past it a flap hangs, at least
DARKER = 0.85  # the coat at most this share of the clothes' brightness
APART = 30  # ... and at least this far (summed channels) from the body's own dark colour


def _coat_carriers(at: str, name: str) -> list[tuple[Body, Look, bool]]:
    """Those holding a coat over the head in the shipped scene at story time `at`: each one's
    posed body, look and facing."""
    crowd = shipped_crowd(name)
    frame = crowd.frame(parse_clock(at))
    found = []
    for layer in crowd.layers:
        if layer.params["crowd"] != "fleeing":
            continue
        for member in layer.members(frame):
            outfit = member.look.outfit
            if outfit is not None and outfit.carry == "coat":
                body = layer.sprites.body(member.pose, member.phase, member.turn, outfit)
                found.append((body, member.look, member.left))
    return found


def _lum(pixels: np.ndarray) -> float:
    return float(np.median(pixels @ np.array([0.3, 0.59, 0.11])))


def _coat_drawn(body: Body, look: Look, left: bool
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, Callable[[Point], Point]]:
    """A coat carrier's sprite: where its coat is (its pixels not those of the same body, arms
    up, holding nothing), its colours and where it is opaque, and where a point of the body
    lies on it."""
    assert look.outfit is not None
    laden, (fx, fy) = sprite_for(body, look, left)
    bare = sprite_for(body, replace(look, outfit=replace(look.outfit, carry="none")), left)[0]
    w, h = min(laden.get_width(), bare.get_width()), min(laden.get_height(), bare.get_height())
    rgb = pygame.surfarray.pixels3d(laden)[:w, :h].astype(int)
    opaque = pygame.surfarray.pixels_alpha(laden)[:w, :h] > 128
    plain = pygame.surfarray.pixels3d(bare)[:w, :h].astype(int)
    plain_opaque = pygame.surfarray.pixels_alpha(bare)[:w, :h] > 128
    coat = opaque & (~plain_opaque | (np.abs(rgb - plain).sum(axis=2) > 24))
    flip = -1 if left else 1
    return coat, rgb, opaque, lambda p: (fx + flip * p[0] * look.height,
                                         fy - p[1] * look.height)


@pytest.mark.parametrize(("at", "name"), COAT_SEEN)
def test_a_coat_held_up_is_a_tent_over_the_head(at: str, name: str) -> None:
    """Held up as a shelter, the coat reaches above the head and hangs clear of it, down past
    the shoulders on both sides (ahead of the face and down the back), in a tone of its own:
    darker than the clothes, apart from the body's own dark colour."""
    carriers = _coat_carriers(at, name)
    assert carriers, f"someone holds a coat over the head at {at}"
    for body, look, left in carriers:
        coat, rgb, opaque, on = _coat_drawn(body, look, left)
        xs, ys = np.nonzero(coat)
        hx, hy = body.head
        r = body.head_radius * HEAD_SCALE
        assert (ys < on((hx, hy + r))[1]).any(), f"{at}: the coat over the head"
        shoulder = on((0.0, body.joints["shoulder"][1] - BELOW))[1]
        for side, reach in (("ahead of the face", (r * (1 + CLEAR), 1.0)),
                            ("down the back", (-r * (1 + CLEAR), -1.0))):
            x0, x1 = sorted(on((hx + dx, 0.0))[0] for dx in reach)
            hangs = (xs > x0) & (xs < x1) & (ys > shoulder)
            assert hangs.any(), f"{at}: it hangs {side}, below the shoulder"
        rows = np.indices(coat.shape)[1]
        torso = opaque & ~coat & (rows > shoulder) & (rows < on(body.joints["hip"])[1])
        tone, worn = _lum(rgb[coat]), _lum(rgb[torso])  # (its clothes, lit as the coat is)
        assert tone < DARKER * worn, f"{at}: the coat darker than the clothes ({tone}, {worn})"
        apart = np.abs(np.median(rgb[coat], axis=0) - np.array(look.color)).sum()
        assert apart > APART, f"{at}: a tone of its own, not the body's"
