"""Gestures that read at a glance at full size (the panic in the diner, 04:22): a hat sits on
the head, folded arms show dark forearms across a lighter shirt, a hand at the brow leaves the
face seen under it."""

from __future__ import annotations

import numpy as np
import pygame
import pytest
from day_config import shipped_program

from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.figures import Figures, Member
from installation.visuals.heads import HATS, HEAD
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.skeleton import Body, Point
from installation.visuals.wardrobe import CROWD, HAND_LENGTH, HEAD_SCALE, Outfit

HEIGHT = 480  # pixels: a figure as tall as the diner's at the counter
SKIN = (36, 26, 24)
SHIRT = (108, 122, 142)  # the light blue work shirt of the man who stays
OPAQUE = 200
HAIR = 2.2  # head radii: big or curly hair round a head's centre, and a hand's width


def _sprite(body: Body, outfit_index: int, crowd: tuple[Outfit, ...] = CROWD) -> tuple[np.ndarray,
                                                                          np.ndarray, Point]:
    """A figure's pixels (RGB columns x rows), how opaque each is, and its feet on them."""
    headless()
    look = Look(HEIGHT, SKIN, None, outfit=crowd[outfit_index], clothes=SHIRT)
    sprite, feet = sprite_for(body, look, False)
    return (pygame.surfarray.array3d(sprite).astype(int),
            pygame.surfarray.array_alpha(sprite), feet)


def _at(feet: Point, p: Point) -> tuple[int, int]:
    """The pixel (column, row) of a point of the body (figure heights, feet at 0)."""
    return round(feet[0] + p[0] * HEIGHT), round(feet[1] - p[1] * HEIGHT)


@pytest.mark.parametrize("hat", ["fedora", "cowboy"])
def test_a_hats_crown_sits_back_on_the_skull_and_its_brim_dips_in_front(hat: str) -> None:
    """The crown was as far forward as the forehead, one outline with the face, and the brim
    level through it: a hat pasted over the head, the brim passing behind the face (04:22)."""
    crown, brim = HATS[hat]
    forehead = max(x for x, y in HEAD if y >= 0.6)
    assert max(x for x, _ in crown) < 0.95 * forehead, "the crown behind the forehead"
    assert max(x for x, _ in brim) > forehead + 0.3, "the brim out in front of the face"
    front = [y for x, y in brim if x > 0]
    back = [y for x, y in brim if x < 0]
    assert sum(front) / len(front) < sum(back) / len(back) - 0.1, "lower in front than behind"


def test_folded_arms_show_dark_forearms_across_a_lighter_shirt() -> None:
    """Arms folded in their sleeves were lost in the shirt (the man who would not believe it
    read as armless); now the forearms are bare across the chest."""
    body = pose("argue-folded", 0.3)
    rgb, alpha, feet = _sprite(body, 5)
    hip, shoulder = body.joints["hip"], body.joints["shoulder"]
    (x0, y0), (x1, y1) = _at(feet, (hip[0] - 0.04, shoulder[1] - 0.03)), \
        _at(feet, (hip[0] + 0.06, hip[1] + 0.1))
    chest = rgb[x0:x1, y0:y1][alpha[x0:x1, y0:y1] > OPAQUE]
    dark = (np.abs(chest - SKIN).max(axis=1) < 30).mean()
    assert dark > 0.15, f"only {dark:.0%} of the chest is the forearms' dark"


def test_a_hand_at_the_brow_is_in_front_of_the_face_not_along_the_skull() -> None:
    """Peering out, the forearm crossed the face and the hand lay back along the skull: no
    face, no hand, and the hair behind read as a cap's peak. Now the wrist is out in front of
    the nose and the hand rises from it onto the brow, its tip still in front of the forehead."""
    body = pose("peer", 0.5)
    radius = body.head_radius * HEAD_SCALE
    elbow, wrist = body.joints["elbow0"], body.joints["wrist0"]
    span = float(np.hypot(wrist[0] - elbow[0], wrist[1] - elbow[1]))
    tip = tuple(w + (w - e) / span * HAND_LENGTH for w, e in zip(wrist, elbow, strict=True))
    nose = max(x for x, _ in HEAD)
    forehead = max(x for x, y in HEAD if y >= 0.6)
    assert (wrist[0] - body.head[0]) / radius > nose, "the wrist in front of the nose"
    assert abs(wrist[1] - body.head[1]) / radius < 0.4, "at the eyes' height"
    assert (tip[0] - body.head[0]) / radius > forehead, "the hand on the brow, not the skull"


def test_a_dark_figures_near_arm_is_edged_by_the_light_inside_its_outline() -> None:
    """Harry at the counter (04:22), dark all over, his arm hanging over his dark jacket: a
    fold of shadow on black is lost, and he had no arms to see. Now a line of the room's light
    runs down the arm inside his outline (not only the rim round it)."""
    headless()
    rim = (255, 212, 154)
    look = Look(HEIGHT, (28, 22, 20), rim, outfit=CROWD[5])
    sprite, _ = sprite_for(pose("idle", 0.0), look, False)
    rgb = pygame.surfarray.array3d(sprite).astype(int)
    inside = pygame.surfarray.array_alpha(sprite) > OPAQUE
    margin = 6  # pixels in from the outline: past the rim light round it
    for axis in (0, 1):
        for step in (margin, -margin):
            inside &= np.roll(inside, step, axis=axis)
    lit = (rgb.sum(axis=2) > 3 * 28 + 90) & inside
    assert lit.sum() > 0.2 * HEIGHT, f"{lit.sum()} lit pixels inside the outline"


def test_no_arguing_hand_rests_on_a_neighbours_head() -> None:
    """At 04:20 the hand raised at Harry ("wait: what?") was held out a fifth of a body
    forward, where the next stool's head is: it lay on it (and the finger jabbed at him reached
    the hair of the one in front). Now raised beside the face, the jab shorter, every
    fingertip at the counter stays clear of every other head and its hair (HAIR radii)."""
    headless()
    program = shipped_program()
    line, clock = program.timeline, program.clock
    compositor = Compositor(line, (1920, 1080), print, clock)
    scene = state_at(line, parse_clock("04:20:30"), clock).scene
    (layer,) = [Figures(spec.params, compositor.setup(scene, i, "figures"))
                for i, spec in enumerate(scene.layers)
                if spec.type == "figures" and spec.params["pose"] == "argue"
                and spec.params["count"] > 1]
    story = parse_clock("04:20:05")
    while story < parse_clock("04:21:25"):
        state = state_at(line, story, clock)
        placed = []
        for m in layer.members(Frame(state.story_time, state.scene_seconds, state)):
            body, tall = pose(m.pose, m.phase), m.look.height * m.share
            side = -1 if m.left else 1

            def at(p: Point, m: Member = m, side: int = side, tall: float = tall) -> Point:
                return m.feet[0] + side * p[0] * tall, m.feet[1] - p[1] * tall
            elbow, wrist = body.joints["elbow0"], body.joints["wrist0"]
            span = float(np.hypot(wrist[0] - elbow[0], wrist[1] - elbow[1]))
            tip = (wrist[0] + (wrist[0] - elbow[0]) / span * HAND_LENGTH,
                   wrist[1] + (wrist[1] - elbow[1]) / span * HAND_LENGTH)
            placed.append((at(tip), at(body.head), body.head_radius * tall))
        for n, (tip, _, _) in enumerate(placed):
            for k, (_, head, radius) in enumerate(placed):
                if k != n:
                    reach = float(np.hypot(tip[0] - head[0], tip[1] - head[1]))
                    assert reach > HAIR * radius, f"a hand on a head at story {story:.0f}"
        story = story_after(clock, story, 0.5)
