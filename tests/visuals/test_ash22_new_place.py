"""After the dip to black the Ash is seen from a new place, not the flash's: none of its fires (nor
the smoke rising from them) burns where the flash had one, and its far skyline is not the
flash's row again; a curator who pans the ruins wrongly is told where and how."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pygame
import pytest

from installation.core.errors import TimelineError
from installation.core.timeline import load_timeline
from installation.core.timeline.model import Scene
from installation.visuals.base import Setup
from installation.visuals.fonts import Fonts
from installation.visuals.ruins import Ruins
from installation.visuals.ruins_sites import scene_fires

from .helpers import layer, one_scene

FULL = (1920, 1080)
SMALL = (480, 270)  # (the skylines' tops only)
FALLING = 0.09  # either side of collapse_x (of the width): the tower that gives way, nearer
SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
APART = 0.03  # of the picture's width: a fire this near one of the flash's stands where it did
# (half a building's flames at the Ash's smoke size)
SAME = 0.05  # two skylines agree at a column when their towers' tops there are this near (of
# their tallest)
AGREE = 0.25  # the share of the picture's columns where the Ash's skyline may agree with the
# flash's by chance (slid along: 0.08; the same row, its tops broken a little differently: 0.52)


@cache
def scenes() -> dict[str, Scene]:
    """The shipped flash and Ash."""
    line = load_timeline(SHIPPED)
    return {scene.name: scene for scene in line.scenes if scene.name in ("The flash", "Ash")}


def setting(name: str) -> tuple[Setup, dict[str, Any]]:
    """A scene's set-up at full size and its ruins' keys."""
    line = load_timeline(SHIPPED)
    scene = scenes()[name]
    ruins = next(spec for spec in scene.layers if spec.type == "ruins")
    return Setup(FULL, line, scene, line.seed, Fonts(print), print), dict(ruins.params)


def fires(name: str) -> list[int]:
    """The columns of a scene's fires, where its smoke columns rise."""
    setup, params = setting(name)
    ground = int(FULL[1] * params["ground"])
    return [x for x, _y in scene_fires(setup, ground, params["fires"])]


def skyline(name: str) -> np.ndarray:
    """The ruins' top over each column of a scene's picture at SMALL, of its tallest tower (its
    ground: none standing)."""
    line = load_timeline(SHIPPED)
    scene = scenes()[name]
    ruins = next(spec for spec in scene.layers if spec.type == "ruins")
    built = Ruins(ruins.params, Setup(SMALL, line, scene, line.seed, Fonts(print), print))
    standing = pygame.surfarray.array_alpha(built.image) > 0
    rows = np.where(standing.any(axis=1), standing.argmax(axis=1), standing.shape[1])
    return (built.ground - built.top - rows) / (SMALL[1] * ruins.params["height"])


def beside_the_fall() -> np.ndarray:
    """The columns clear of the tower that gives way (it stands in the Ash alone)."""
    ruins = next(spec for spec in scenes()["Ash"].layers if spec.type == "ruins")
    middle = ruins.params["collapse_x"] * SMALL[0]
    return np.abs(np.arange(SMALL[0]) - middle) > FALLING * SMALL[0]


def test_no_fire_of_the_ash_burns_where_the_flash_had_one() -> None:
    ash, flash = fires("Ash"), fires("The flash")
    assert len(ash) == 3
    nearest = min(abs(a - b) for a in ash for b in flash)
    assert nearest > APART * FULL[0], (ash, flash)


def test_the_ash_s_far_skyline_is_not_the_flash_s_row_again() -> None:
    ash, flash = skyline("Ash"), skyline("The flash")
    agree = np.abs(ash - flash)[beside_the_fall()] < SAME
    assert agree.mean() < AGREE, agree.mean()


@pytest.mark.parametrize(("value", "found"), [("2", "found 2"), ("-1.5", "found -1.5"),
                                               ('"left"', "found 'left'")])
def test_a_wrong_pan_is_named_with_its_line(value: str, found: str) -> None:
    body = layer("ruins") + f"pan = {value}\n"
    with pytest.raises(TimelineError) as caught:
        one_scene(body, at="05:30")
    report = caught.value.report()
    assert ("test.toml:12: scene 'only', key 'layers.pan': expected a number from -1 to 1; "
            f"{found}") in report
