"""Captions of the shipped day set clear of what a visitor follows: the flash's words high in
the burning sky, not on the boulevard by the burnt car; the neon night's high in the sky, where
no car's headlights pass under them (set low, the oncoming cars' lights crossed the words)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np
import pygame
import pytest
from scipy.ndimage import binary_erosion

from installation.core.timeline import Timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeutil import forward, parse_clock
from installation.visuals.ash_ground import WRECK_AT, WRECK_LONG, projection
from installation.visuals.caption import Caption
from installation.visuals.compositor import Compositor, defaults
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (960, 540)
CAR_TALL = 0.45  # a car's height, of its length, at most
MOVED = 40  # a level a headlight's pixel changes by, at least, in a fifth of a second
BRIGHT = 120  # and how bright it is in one of the two frames
APART = 0.2  # real seconds between the two frames compared



def scene_named(line: Timeline, name: str) -> Scene:
    return next(scene for scene in line.scenes if scene.name == name)


def caption_in(compositor: Compositor, scene: Scene) -> Caption:
    """The scene's caption, as the scene sets it up (its own layer, or its caption line)."""
    specs = [(n, spec.params) for n, spec in enumerate(scene.layers) if spec.type == "caption"]
    if not specs and scene.caption is not None:
        specs = [(len(scene.layers), defaults("caption", text=scene.caption.text,
                                              place=scene.caption.place))]
    assert len(specs) == 1, scene.name
    index, params = specs[0]
    return Caption(defaults("caption", **params), compositor.setup(scene, index, "caption"))


def shipped_caption(name: str, kind: str) -> tuple[pygame.Rect, Mapping[str, Any]]:
    """The shipped scene's caption's box at SIZE, and the keys of its first layer of `kind`."""
    headless()
    program = shipped_program()
    line = program.timeline
    scene = scene_named(line, name)
    compositor = Compositor(line, SIZE, lambda _message: None, program.clock)
    return (caption_in(compositor, scene).box(),
            next(spec.params for spec in scene.layers if spec.type == kind))


def without_captions(line: Timeline) -> Timeline:
    return dataclasses.replace(line, scenes=tuple(dataclasses.replace(
        scene, caption=None, layers=tuple(s for s in scene.layers if s.type != "caption"))
        for scene in line.scenes))


def test_the_flash_caption_stands_in_the_sky_clear_of_the_boulevard_and_its_car() -> None:
    """Its stamp, words and cursor lie above the ruins' tallest towers (in the sky, not on
    the ground in front), and nowhere near the burnt car."""
    box, ruins = shipped_caption("The flash", "ruins")
    width, height = SIZE
    ground = round(height * ruins["ground"])
    assert box.bottom < height * (ruins["ground"] - ruins["height"]), "in the sky"
    project = projection((width, height - ground), round(width * ruins["boulevard_x"]))
    lane, z = WRECK_AT
    (x0, foot), (x1, _) = (project(lane + side * WRECK_LONG / 2, z) for side in (-1, 1))
    tall = round((x1 - x0) * CAR_TALL)
    car = pygame.Rect(x0, ground + foot - tall, x1 - x0, tall)
    assert not box.colliderect(car.inflate(height // 20, height // 20)), (box, car)


def test_no_headlight_passes_under_the_neon_caption_while_it_shows() -> None:
    """Through the whole time the caption shows (typed, held, fading), every few seconds:
    no patch of pixels (three square at least: not a twinkling star) that brightens or dims
    with a passing car's lights lies in its box."""
    headless()
    program = shipped_program()
    line, pace = program.timeline, program.clock
    scene = scene_named(line, "Neon on Wilshire")
    caption = caption_in(Compositor(line, SIZE, lambda _message: None, pace), scene)
    box = caption.box()
    bare = without_captions(line)
    compositor = Compositor(bare, SIZE, lambda _message: None, pace)
    rate = forward(scene.at, scene.at + 600) / pace.real_between(scene.at, scene.at + 600)
    shows = caption.start + len(caption.params["text"]) / caption.params["speed"] + caption.hold
    moving = 0
    for real in np.arange(caption.start, shows + 3.0, 2.5):
        frames = []
        for at in (real, real + APART):
            surface = pygame.Surface(SIZE)
            compositor.draw(surface, state_at(bare, parse_clock("20:00") + at * rate, pace))
            frames.append(pygame.surfarray.array3d(surface).max(axis=2).astype(int))
        changed = (np.abs(frames[0] - frames[1]) > MOVED) & (np.maximum(*frames) > BRIGHT)
        lights = binary_erosion(changed, np.ones((3, 3)))  # a lamp, not a twinkling star
        moving += int(lights.sum())
        inside = lights[box.left:box.right, box.top:box.bottom]
        assert not inside.any(), f"a car's lights under the words {real:.1f} s in"
    assert moving > 0, "the cars' lights are found where they pass"


@pytest.mark.parametrize("name", ["Dusk on the Miracle Mile", "Across Wilshire at first light",
                                  "Wilshire under ash"])
def test_the_boulevards_captions_stand_in_the_sky_clear_of_the_road(name: str) -> None:
    """Their stamps and words lie above the street's horizon (in the sky over the roofs): at
    the default place, low on the left, the shade lay over Dusk's zebra and the walkers
    crossing it, over the zebra's pale stripes at first light (the words hard to read on them)
    and over the fallen letters and debris on the road under ash."""
    box, street = shipped_caption(name, "street")
    assert box.bottom < SIZE[1] * street["horizon"] * 0.8, (box, "in the sky")
