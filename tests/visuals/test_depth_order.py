"""Across Wilshire in depth: runners grow as they come nearer (a figures layer's `horizon`), a
car racing off from behind the eye passes over the people it is nearer than (near or far, in true
depth order where they meet), and Harry runs in front of the bank sign's pole, not behind it."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.banksign import POLE, BankSign
from installation.visuals.base import Frame, Layer
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.panic import Panic
from installation.visuals.racing import (
    RACE_FROM,
    RACE_LANES,
    RACE_SPEED,
    RACE_WEAVE,
    street_projection,
)
from installation.visuals.render import headless

from .helpers import NO_POST, draw, layer, one_scene

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (960, 540)
BLACK = layer("sky", top="#000000", bottom="#000000", stars=0, clouds=0, sun=False)


def _tall(surface: pygame.Surface) -> int:
    """How many rows of the picture have a lit pixel (a white figure on black)."""
    rows = np.nonzero(pygame.surfarray.array3d(surface).max(axis=(0, 2)) > 100)[0]
    return int(rows[-1] - rows[0] + 1) if len(rows) else 0


def test_a_runner_coming_nearer_grows_with_the_depth() -> None:
    """Running from just under the horizon down towards the eye, someone is drawn a fifth as
    tall far off as near (where their feet are ten times, then twice as far below it)."""
    runner = layer("figures", pose="run", color="#ffffff", speed=0.2, scale=0.1,
                   horizon=0.5) + "path = [[0.3, 0.55], [0.7, 0.75]]\n"
    line = one_scene(BLACK + runner + NO_POST)
    far, near = (_tall(draw(line, at)) for at in ("12:00:00", "12:00:30"))
    assert far > 10, "they are there far off"
    assert near > 4 * far, f"nearer, taller: {far} then {near} pixels"


def _racing_scene(near: bool, racing: int = 1, feet: tuple[float, float] = (0.66, 0.785),
                  scale: float = 0.3) -> str:
    """A racing car setting off from behind the eye in a lane where a white figure stands
    (its feet at `feet`), with or without the panic layer's near part."""
    person = layer("figures", pose="idle", color="#ffffff", speed=0, scale=scale) + \
        f"path = [[{feet[0]}, {feet[1]}]]\n"
    panic = layer("panic", cars=0, police=0, racing=racing, papers=0)
    over = layer("panic", part="near", near=0.69) if near else ""
    return BLACK + panic + person + over + NO_POST


def _white_after_racing(scene_text: str, seconds: float = (0.94 - RACE_FROM) / RACE_SPEED) -> int:
    """How many of the person's white pixels show `seconds` after the car set off (by default
    its near end 0.94 off: its wheels are at row 0.8, nearer than their feet)."""
    headless()
    line = one_scene(scene_text, at="05:05")
    scene = line.scenes[0]
    compositor = Compositor(line, SIZE, print)
    frame = Frame(scene.at, seconds, state_at(line, scene.at))
    surface = pygame.Surface(SIZE)
    for index, spec in enumerate(scene.layers):
        if spec.type in ("panic", "figures"):
            kind = Panic if spec.type == "panic" else Figures
            kind(spec.params, compositor.setup(scene, index, spec.type)).draw(surface, frame)
    return int((pygame.surfarray.array3d(surface).min(axis=2) > 200).sum())


def test_a_racing_car_nearer_than_someone_is_drawn_over_them() -> None:
    """Just set off, the racing car is nearer than the person in its lane, and seen over
    them: their feet are hidden behind it, by the near part or without one."""
    alone = _white_after_racing(_racing_scene(near=False, racing=0))
    assert alone > 200, "the person is there"
    for near in (True, False):
        shown = _white_after_racing(_racing_scene(near))
        assert shown < alone - 30, f"the car hides their feet: {shown} white pixels, not {alone}"


def test_a_racing_car_passing_a_far_runner_is_drawn_over_them() -> None:
    """Well under way (3 units off, above the near part's row), the car passes someone
    standing a little further off in its lane: it hides their legs (one fixed row ordering
    the two drew it under them)."""
    seconds = (3.0 - RACE_FROM) / RACE_SPEED
    lane = RACE_LANES[0] + RACE_WEAVE[0] * math.sin(3.0 * RACE_WEAVE[1])
    project = street_projection(SIZE, int(SIZE[1] * 0.56))
    column, wheels = project(lane, 3.0, 0.0)
    feet = (column / SIZE[0], (wheels - 6) / SIZE[1])
    alone = _white_after_racing(_racing_scene(True, 0, feet, 0.1), seconds)
    passing = _white_after_racing(_racing_scene(True, 1, feet, 0.1), seconds)
    assert alone > 100, "the runner is there"
    assert passing < alone - 30, f"the car hides their legs: {passing} white pixels of {alone}"


def test_harry_runs_in_front_of_the_bank_signs_pole() -> None:
    """Where Harry passes the bank sign's pole (he runs nearer than it stands), his body is
    drawn over the pole, in the scene's order of layers."""
    headless()
    line = load_timeline(SHIPPED)
    scene = state_at(line, parse_clock("05:07")).scene
    compositor = Compositor(line, SIZE, print)
    harry_at = next(n for n, s in enumerate(scene.layers) if s.params.get("body") == "harry")
    sign_at = next(n for n, s in enumerate(scene.layers) if s.type == "banksign")
    harry = Figures(scene.layers[harry_at].params, compositor.setup(scene, harry_at, "figures"))
    sign = BankSign(scene.layers[sign_at].params, compositor.setup(scene, sign_at, "banksign"))
    story = parse_clock("05:05:01")  # (as he sets off, running in past it)
    frame = Frame(story, 0.0, state_at(line, story))
    while True:  # the moment his feet come to the pole
        state = state_at(line, story)
        frame = Frame(story, state.scene_seconds, state)
        (member,) = harry.members(frame)
        if member.feet[0] <= sign.pole.centerx:
            break
        story += 0.05
    surface = pygame.Surface(SIZE)
    drawn: list[tuple[int, Layer]] = [(harry_at, harry), (sign_at, sign)]
    for _index, layer_ in sorted(drawn, key=lambda p: p[0]):
        layer_.draw(surface, frame)
    tall = harry.height * member.share
    rows = range(round(member.feet[1] - 0.7 * tall), round(member.feet[1] - 0.45 * tall))
    covered = [tuple(surface.get_at((sign.pole.centerx, y)))[:3] == POLE for y in rows]
    assert len(rows) > 10
    assert not any(covered), "his chest, not the pole, where he passes it"
