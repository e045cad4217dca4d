"""Panic in the diner (04:23 on): they leave by the door. Along the aisle, each turns into the
door and out of it to the right, gone behind the wall beside it (they ran on through the
panelled wall past the door); and the door they pushed swings out to the street and back to
shut, never into the room (turned in, its frame lay over the booth beside it, an empty box)."""

from __future__ import annotations

import numpy as np

from installation.visuals.compositor import Compositor
from installation.visuals.diner_booths import WALL_FOOT
from installation.visuals.figures import Figures
from installation.visuals.interior_room import DOOR, GLASS_RIGHT
from installation.visuals.render import headless

from .helpers import shipped_program as shipped
from .test_caption_places import scene_named
from .test_diner_aftermath import BEFORE, RAN, SCENE, SIZE, frame_at, moving, part

RUSH = 40  # moments looked at, a quarter of a real second apart from when they run
SILL = 0.01  # of the picture's height: feet this near the door's sill are out of the door
OUT = 0.01  # ...and feet this far beyond it (up the picture) are out on the pavement
BESIDE = 80  # pixels left of the door's opening: the booth beside it
CHANGED = 40  # a pixel this much changed (summed over red, green and blue) shows the leaf


def test_everyone_running_out_goes_by_the_door_behind_the_wall() -> None:
    """Whoever is past the door's far jamb has gone out of the door (feet on its sill, not in
    the aisle), and the wall part beside the door is drawn over them: none on the panelled
    wall; the wall part is solid there."""
    headless()
    program = shipped()
    scene = scene_named(program.timeline, SCENE)
    compositor = Compositor(program.timeline, SIZE, lambda _message: None, program.clock)
    walls = [n for n, spec in enumerate(scene.layers)
             if spec.type == "interior" and spec.params["part"] == "wall"]
    runners = [(n, Figures(spec.params, compositor.setup(scene, n, "figures")))
               for n, spec in enumerate(scene.layers)
               if spec.type == "figures" and spec.params["pose"] == "run" and spec.params["from"]
               and spec.params["from"] >= scene_named(program.timeline, SCENE).at + 180]
    jamb, gone = DOOR[1] * SIZE[0], []
    for n, layer in runners:
        for moment in range(RUSH):
            for member in layer.members(frame_at(RAN, moment / 4)):
                if member.feet[0] > jamb:
                    gone.append(n)
                    assert member.feet[1] / SIZE[1] < WALL_FOOT + SILL, (
                        f"{moment / 4} s after they ran, one is past the door in the aisle")
    assert gone, "some went out while looked at"
    assert all(any(wall > n for wall in walls) for n in gone), "the wall drawn over them"
    wall = moving(part("wall"), frame_at(RAN))
    right = round(GLASS_RIGHT * SIZE[0])
    panels = wall[right:, round(0.45 * SIZE[1]):round(WALL_FOOT * SIZE[1])]
    assert (panels.sum(axis=2) > 0).all(), "the panelled wall drawn whole over them"


LEAVING = ("04:23:10", "04:24:12", "04:28:06", "04:30:05", "04:33:50", "04:33:54")  # runs out
STEPS = 48  # moments looked at after each, a twentieth of a real second apart


def test_whoever_reaches_the_far_jamb_is_out_of_the_door_one_figure_one_depth() -> None:
    """The door's far jamb (and the wall beyond it) is drawn over whoever runs out: anyone it
    covers any of is out of the door, their feet on the pavement beyond its sill (the waitress
    at 04:33:53 had her head and raised arm behind the jamb, her feet still in the room)."""
    headless()
    program = shipped()
    scene = scene_named(program.timeline, SCENE)
    compositor = Compositor(program.timeline, SIZE, lambda _message: None, program.clock)
    bar = max(2, SIZE[0] // 300)
    jamb = round(DOOR[1] * SIZE[0]) - 2 * bar
    runners = [Figures(spec.params, compositor.setup(scene, n, "figures"))
               for n, spec in enumerate(scene.layers)
               if spec.type == "figures" and spec.params["pose"] == "run"
               and spec.params["from"] is not None and len(spec.params["path"]) > 2]
    covered = 0
    for start in LEAVING:
        for step in range(STEPS):
            frame = frame_at(start, step / 20)
            for layer in runners:
                for member in layer.members(frame):
                    sprite, at = layer.sprites.get(member.pose, member.phase, member.left,
                                                   member.look, member.turn)
                    box = sprite.get_bounding_rect().move(round(member.feet[0] - at[0]),
                                                          round(member.feet[1] - at[1]))
                    if box.right <= jamb or member.feet[0] > jamb:
                        continue
                    covered += 1
                    assert member.feet[1] / SIZE[1] < WALL_FOOT - OUT, (
                        f"{start} + {step / 20} s: the jamb over one whose feet are in the "
                        f"room (row {member.feet[1] / SIZE[1]:.3f})")
    assert covered, "some were looked at going behind the jamb"


def test_the_door_swings_out_never_in_over_the_booth_beside_it() -> None:
    glass = part("glass")
    left = round(DOOR[0] * SIZE[0])
    beside = np.s_[left - BESIDE:left - 8, :]
    shut = moving(glass, frame_at(BEFORE))[beside]
    for moment in range(RUSH):
        now = moving(glass, frame_at(RAN, moment / 4))[beside]
        over = int((np.abs(now - shut).sum(axis=2) > CHANGED).sum())
        assert over < 50, f"{moment / 4} s after they ran the door lay over the booth: {over}"
