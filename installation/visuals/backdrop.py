"""The place behind a close shot, out of focus: the night sky, the towers and Johnie's drawn
once, blurred and darkened, then kept (a still picture: one blit a frame, in the background)."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import replace
from typing import Any

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeline.model import LayerSpec
from installation.visuals.base import Frame, Layer, Pieces, Setup, at_once, build
from installation.visuals.layers import FACTORIES, seed_of

SMALL = 4  # blurred at a quarter of the picture's size (the blur hides the enlarging)
TOWERS = 0.16  # the towers' height, as a share of the picture (as at Johnnie's at night)
TOWERS_FOOT = 0.02  # they stand this far below the horizon (as at Johnnie's at night)
TOWERS_STYLE = "wilshire"  # Los Angeles' low city (as at Johnnie's at night)
# The ground between the diner's foot and the foot of the picture comes nearer, towards what
# the camera is focused on (the booth): at the picture's foot it is this much as out of focus.
NEAR = 0.25


class Backdrop:
    """A sky, the towers and a diner drawn at the scene's start, then softened once."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: each part built, each drawn, then the whole blurred and dimmed."""
        picture = pygame.Surface(setup.size)
        frame = _opening(setup)
        for kind, values in _parts(params):
            part = yield from _built(kind, values, params.get("look"), setup)
            yield
            part.draw(picture, frame)
            yield
        foot = min(setup.height - 1, round(params["ground"] * setup.height))
        near = picture.subsurface((0, foot, setup.width, setup.height - foot)).copy()
        self.picture = yield from softened(picture, params["blur"] * setup.height,
                                           params["dim"])
        near = yield from softened(near, params["blur"] * setup.height * NEAR, params["dim"])
        self.picture.blit(_fading_in(near), (0, foot))

    def look(self, frame: Frame) -> None:
        """Never changes: drawn once into the scene's kept background."""

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        surface.blit(self.picture, (0, 0))


def _parts(params: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The layers behind, back to front, with the keys that place them."""
    horizon = params["horizon"]
    return [("sky", {"horizon": horizon, "clouds": 0.0}),
            ("skyline", {"ground": horizon + TOWERS_FOOT, "height": TOWERS, "restless": 0.0,
                         "style": TOWERS_STYLE}),
            ("diner", {key: params[key] for key in ("x", "ground", "scale", "interior")})]


def _built(kind: str, values: dict[str, Any], look: str | None,
           setup: Setup) -> Generator[None, None, Layer]:
    """One part, with the random choices a layer of its type with this look makes in any
    scene (the same towers and the same diner as the wide shots with that look)."""
    from installation.visuals.scene_layers import defaults  # (it imports the layers' classes)

    params = defaults(kind, **values, look=look)
    scene = replace(setup.scene, layers=(LayerSpec(kind, params),))
    seed = seed_of(setup.timeline.seed, scene, 0, kind)
    return (yield from build(FACTORIES[kind], params, replace(setup, seed=seed)))


def _opening(setup: Setup) -> Frame:
    """The scene's first moment, which the picture shows ever after."""
    state = state_at(setup.timeline, setup.scene.at)
    return Frame(state.story_time, 0.0, state)


def _fading_in(near: pygame.Surface) -> pygame.Surface:
    """The ground nearer than the diner's foot, less out of focus row by row down to the
    picture's foot (none of it at the top, all of it at the foot): to lay over the blurred."""
    width, height = near.get_size()
    out = pygame.Surface((width, height), pygame.SRCALPHA)
    out.blit(near, (0, 0))
    alpha = pygame.surfarray.pixels_alpha(out)
    alpha[:] = np.linspace(0, 255, height).round().astype(np.uint8)[None, :]
    del alpha  # (the view locks the surface)
    return out


def softened(picture: pygame.Surface, blur: float,
             dim: float) -> Generator[None, None, pygame.Surface]:
    """The picture out of focus by about `blur` pixels, its light kept at `dim` (in steps:
    made small, blurred, made whole again)."""
    width, height = picture.get_size()
    level = (round(255 * dim),) * 3
    if blur <= 0:
        picture.fill(level, special_flags=pygame.BLEND_RGB_MULT)
        return picture
    small = pygame.transform.smoothscale(picture, (max(1, width // SMALL),
                                                   max(1, height // SMALL)))
    yield
    small = pygame.transform.gaussian_blur(small, max(1, round(blur / SMALL)))
    small.fill(level, special_flags=pygame.BLEND_RGB_MULT)
    yield
    return pygame.transform.smoothscale(small, (width, height))
