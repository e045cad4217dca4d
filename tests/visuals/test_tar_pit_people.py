"""People at the tar pits at their size beside the mammoths: the calf stands about as tall as
Harry and Julie (a calf, not a grown mammoth, nor a pony), and the visitors on the far shore
stroll clear of the bull and the calf (never under his tusks or between his legs)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

from .helpers import NO_POST, draw, layer, one_scene

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (1920, 1080)
DARK = 200  # a pixel of an animal on a white ground is darker than this (RGB summed)
CALF_SIZE = (0.85, 1.15)  # the calf's crown stands between these shares of a grown-up's height
# beside it (at 1.9 it read as a grown mammoth, a statue; at 0.7 as a pony)
CLEAR = 10  # pixels between a far-shore walker and an animal, at least
NOON_LOOKS = 60  # moments looked at through the noon scene


def scene_named(name: str) -> Scene:
    return next(one for one in load_timeline(SHIPPED).scenes if one.name == name)


def animal(scene: Scene, shape: str) -> np.ndarray:
    """Where a scene's silhouette of `shape` is (a mask over the picture, x then y)."""
    spec = next(one for one in scene.layers
                if one.type == "silhouette" and one.params["shape"] == shape)
    keys = {key: spec.params[key] for key in ("x", "y", "scale", "flip", "still")}
    white = layer("sky", top="#ffffff", bottom="#ffffff", stars=0, sun=False, clouds=0)
    shown = draw(one_scene(white + layer("silhouette", shape=shape, color="#000000", **keys)
                           + NO_POST, at="12:00"), "12:01", size=SIZE)
    return pygame.surfarray.array3d(shown).sum(axis=2) < DARK


@cache
def shipped() -> Timeline:
    return load_timeline(SHIPPED)


@cache
def figures_of(name: str, named: bool) -> tuple[Figures, ...]:
    """The shipped scene's figures layers (`named`: only Harry and Julie's), built once a
    process: where a layer draws its people is worked out from the frame alone (the noon
    scene's were built again for each of the NOON_LOOKS moments)."""
    headless()
    line = shipped()
    scene = next(one for one in line.scenes if one.name == name)
    compositor = Compositor(line, SIZE, print)
    return tuple(Figures(spec.params, compositor.setup(scene, index, "figures"))
                 for index, spec in enumerate(scene.layers)
                 if spec.type == "figures" and not (named and spec.params["body"] == "person"))


def people(scene: Scene, at: str, named: bool = False) -> list[pygame.Rect]:
    """Where each person of the scene's figures layers is drawn at story time `at` (the box
    of what their sprite shows, in the picture); `named`: only those with a body of their own
    (Harry, Julie), not passers-by."""
    state = state_at(shipped(), parse_clock(at))
    frame = Frame(state.story_time, state.scene_seconds, state)
    boxes = []
    for figures in figures_of(scene.name, named):
        for member in figures.members(frame):
            sprite, feet = figures.sprites.get(member.pose, member.phase, member.left,
                                               member.look, member.turn)
            shown = sprite.get_bounding_rect()
            scale = member.share
            left = member.feet[0] - feet[0] * scale
            top = member.feet[1] - feet[1] * scale
            boxes.append(pygame.Rect(round(left + shown.x * scale), round(top + shown.y * scale),
                                     round(shown.width * scale), round(shown.height * scale)))
    return boxes


def extent(mask: np.ndarray) -> pygame.Rect:
    xs, ys = np.nonzero(mask)
    return pygame.Rect(int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1),
                       int(ys.max() - ys.min() + 1))


def test_the_calf_stands_about_as_tall_as_harry_and_julie() -> None:
    """At 15:45, as they stand talking by it, the calf's crown is about as high as their
    heads (a mammoth's calf: its shoulder a little lower), no higher than a head over them."""
    scene = scene_named("Harry meets Julie")
    calf = extent(animal(scene, "calf"))
    pair = people(scene, "15:45", named=True)
    assert len(pair) == 2, "Harry and Julie, talking"
    tallest = max(one.height for one in pair)
    low, high = CALF_SIZE
    assert low * tallest <= calf.height <= high * tallest, (calf.height, tallest)
    assert all(one.right + CLEAR <= calf.left for one in pair), "beside it, not under it"


def test_the_far_shore_visitors_stroll_clear_of_the_bull_and_the_calf() -> None:
    """All through the noon scene, nobody on the far shore is drawn over the bull or the calf
    (no one between his legs or under his tusks): they turn back well short of him."""
    scene = scene_named("La Brea Tar Pits")
    beasts = [extent(animal(scene, shape)).inflate(2 * CLEAR, 0) for shape in ("bull", "calf")]
    start, end = parse_clock("12:00"), parse_clock("14:30")
    seen = 0
    for n in range(NOON_LOOKS):
        story = start + (end - start) * (n + 0.5) / NOON_LOOKS
        at = f"{int(story // 3600):02d}:{int(story % 3600 // 60):02d}:{int(story % 60):02d}"
        for box in people(scene, at):
            seen += 1
            assert not any(box.colliderect(beast) for beast in beasts), f"{at}: {box}"
    assert seen > NOON_LOOKS, "people on the shore"
