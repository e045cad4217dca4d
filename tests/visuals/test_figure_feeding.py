"""Julie feeds the calf: her hand held out to it rests on its trunk, all through her coaxing
(not a body's height short of it): her palm under the trunk's tip, in front of its legs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures, Member
from installation.visuals.render import headless
from installation.visuals.wardrobe import dressed

from .helpers import NO_POST, draw, layer, one_scene

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (1920, 1080)
SCENE = "Harry meets Julie"
TOUCH = 10.0  # pixels: her fingertips this near the calf's trunk, at most
LOOKS = 12  # moments looked at through one of her coaxings (3.5 s), a few real seconds apart
DARK = 200  # a pixel of the calf on a white ground is darker than this (RGB summed)
LEGS = 5  # pixels above the ground: a row across the calf's legs


def julie(at: str, seconds: float) -> tuple[Figures, Member]:
    """Julie reaching out to the calf at story time `at`, `seconds` into the scene."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(one for one in line.scenes if one.name == SCENE)
    index = next(i for i, spec in enumerate(scene.layers)
                 if spec.type == "figures" and spec.params["pose"] == "reach")
    people = Figures(scene.layers[index].params,
                     Compositor(line, SIZE, print).setup(scene, index, "figures"))
    state = state_at(line, parse_clock(at))
    members = people.members(Frame(state.story_time, seconds, state))
    assert len(members) == 1, "she is there, reaching"
    return people, members[0]


def fingertips(people: Figures, member: Member) -> tuple[float, float]:
    """Where the tip of her near hand is in the picture (pixels), in the pose drawn."""
    steps = people.sprites.steps(member.pose)
    body = people.sprites.body(member.pose, int(member.phase % 1.0 * steps) / steps, 0.0,
                               member.look.outfit)
    assert member.look.outfit is not None
    limbs, _ = dressed(body, member.look.outfit)
    palm = next(c for c in limbs if c.limb == "hand" and not c.far)
    height = member.look.height
    ahead = palm.b[0] * height * (-1 if member.left else 1)
    return member.feet[0] + ahead, member.feet[1] - palm.b[1] * height


def calf() -> np.ndarray:
    """Where the shipped scene's calf is (a mask over the picture, x then y)."""
    line = load_timeline(SHIPPED)
    scene = next(one for one in line.scenes if one.name == SCENE)
    spec = next(one for one in scene.layers
                if one.type == "silhouette" and one.params["shape"] == "calf")
    keys = {key: spec.params[key] for key in ("x", "y", "scale", "flip")}
    white = layer("sky", top="#ffffff", bottom="#ffffff", stars=0, sun=False, clouds=0)
    shown = draw(one_scene(white + layer("silhouette", shape="calf", color="#000000", **keys)
                           + NO_POST, at="14:30"), "14:31", size=SIZE)
    return pygame.surfarray.array3d(shown).sum(axis=2) < DARK


@pytest.mark.parametrize("at", ["14:35", "14:40"])
def test_julies_hand_rests_on_the_calfs_trunk_as_she_coaxes(at: str) -> None:
    where = calf()
    xs, ys = np.nonzero(where)
    for n in range(LOOKS):
        people, member = julie(at, 300.0 + n * 3.5 / LOOKS + 2.0 * n)
        x, y = fingertips(people, member)
        gap = float(np.sqrt((xs - x) ** 2 + (ys - y) ** 2).min())
        assert gap <= TOUCH, f"{at}, look {n}: her hand {gap:.0f} px from the calf"
        ground = np.nonzero(where[:, round(member.feet[1]) - LEGS])[0]
        assert x < ground.min() - TOUCH, "at the trunk's tip, in front of its legs (not under "\
            "its belly)"
