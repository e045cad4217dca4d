"""Johnnie's doors by the stone wall: shut, a pane like the others; left open in the abandoned
diner (the coyote's, 05:12), the lit room shows between their leaves swung out, its light
falling out on the lot."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals.compositor import Compositor
from installation.visuals.diner import Diner
from installation.visuals.render import headless
from installation.visuals.scene_layers import defaults

from .helpers import NO_POST, frame_at, layer, one_scene

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SKY = layer("sky", top="#101018", bottom="#101018", stars=0, sun=False, clouds=0)
DINER = dict(x=0.5, ground=0.8, scale=1.5, empty=True)
SIZE = (960, 540)
AT = "05:12"
AS_LIT = 0.85  # the room through the doorway: as light as through the pane beside it, at least
# this share (drawn dark, the doorway read as a hole beside lit windows)


def _frames() -> tuple[np.ndarray, np.ndarray, pygame.Rect]:
    """The diner with its doors shut and open (summed levels, x by y), and its doorway."""
    headless()
    frames = [frame_at(SKY + layer("diner", doors=doors, **DINER) + NO_POST, AT, 1.0, SIZE)
              .sum(axis=2) for doors in ("closed", "open")]
    line = one_scene(layer("diner", doors="open", **DINER), at=AT)
    scene = line.scenes[0]
    params = defaults("diner", **scene.layers[0].params)
    diner = Diner(params, Compositor(line, SIZE, print).setup(scene, 0, "diner"))
    assert diner.door is not None
    return frames[0], frames[1], diner.door


def test_through_the_open_doors_the_lit_room_shows() -> None:
    """Over the counter and at the stool under it, the doorway is as light as the room seen
    through the glass of the next pane."""
    _, open_, door = _frames()
    for row in (door.top + door.height // 3, door.bottom - door.height // 6):
        inside = open_[door.left + 2:door.right - 2, row].mean()
        beside = open_[door.right + door.width // 2:door.right + 3 * door.width // 2, row].mean()
        assert inside >= AS_LIT * beside, f"the doorway {inside:.0f}, the pane beside {beside:.0f}"


def test_the_open_leaves_stand_out_either_side_of_the_doorway() -> None:
    shut, open_, door = _frames()
    middle = door.centery
    for x in (door.left - 3, door.right + 2):  # over the stone wall, and over the next pane
        assert open_[x, middle] != shut[x, middle]
    assert np.array_equal(open_[door.right + door.width:], shut[door.right + door.width:]), (
        "the rest of the glass as it was")


def test_the_open_doorway_throws_the_rooms_light_on_the_lot() -> None:
    shut, open_, door = _frames()
    ground = door.bottom + door.height // 4
    assert open_[door.centerx, ground] >= shut[door.centerx, ground] - 10, "as the pane's"


def test_only_the_abandoned_diner_has_its_doors_open() -> None:
    line = load_timeline(SHIPPED)
    doors = {scene.name: spec.params["doors"] for scene in line.scenes for spec in scene.layers
             if spec.type == "diner"}
    assert doors["A coyote in the empty diner"] == "open"
    assert doors["Johnie's at night"] == "closed"
