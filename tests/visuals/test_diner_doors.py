"""Johnnie's doors by the stone wall: shut, a pane like the others; left open in the abandoned
diner (the coyote's, 05:12), the dark entry shows between their leaves swung out."""

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
DARK = 150  # the dark entry: a pixel's three levels summed, at most
DARKER = 0.5  # ...and at most this share of what the shut door's pane shows there


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


def test_through_the_open_doors_the_dark_entry_shows() -> None:
    shut, open_, door = _frames()
    x, y = door.centerx, door.bottom - door.height // 6  # low in the doorway, where the
    assert open_[x, y] <= DARK  # counter's lit front shows through the shut pane
    assert open_[x, y] <= DARKER * shut[x, y]
    head = door.top + door.height // 6
    assert open_[x, head] > open_[x, y], "lit a little from the room at its head"


def test_the_open_leaves_stand_out_either_side_of_the_doorway() -> None:
    shut, open_, door = _frames()
    middle = door.centery
    for x in (door.left - 3, door.right + 2):  # over the stone wall, and over the next pane
        assert open_[x, middle] != shut[x, middle]
    assert np.array_equal(open_[door.right + door.width:], shut[door.right + door.width:]), (
        "the rest of the glass as it was")


def test_a_dark_doorway_throws_no_light_on_the_lot() -> None:
    shut, open_, door = _frames()
    ground = door.bottom + door.height // 4
    assert open_[door.centerx, ground] < shut[door.centerx, ground]


def test_only_the_abandoned_diner_has_its_doors_open() -> None:
    line = load_timeline(SHIPPED)
    doors = {scene.name: spec.params["doors"] for scene in line.scenes for spec in scene.layers
             if spec.type == "diner"}
    assert doors["A coyote in the empty diner"] == "open"
    assert doors["Johnnie's at night"] == "closed"
