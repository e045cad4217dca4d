"""What the flash leaves in the air and on the ground: a drifting haze, ash settled on a shore."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import numpy as np
import pygame

from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.base import Color, Frame, Setup, scaled, stable_seed

CELLS = 12  # haze texture detail across the picture (it is soft: computed small, enlarged)
DRIFT = 0.006  # picture widths per real second
LEVELS = 48  # steps of the haze's strength as it clears (no change every frame)
DUST_HEIGHT = 0.014  # the band of settled ash, of the picture height


def haze_texture(size: tuple[int, int], color: Color, seed: int) -> pygame.Surface:
    """A soft, uneven veil twice the picture's width (it drifts and wraps), thicker low down."""
    width, height = size
    rng = np.random.default_rng(seed)
    cells = np.tile(rng.uniform(0.45, 1.0, (CELLS, max(2, CELLS // 2))), (2, 1))
    rows = np.linspace(0.6, 1.0, cells.shape[1])
    alpha = (cells * rows[None, :] * 255).astype(np.uint8)
    small = pygame.Surface(cells.shape, pygame.SRCALPHA)
    small.fill((*color, 0))
    view = pygame.surfarray.pixels_alpha(small)
    view[:] = alpha
    del view
    return pygame.transform.smoothscale(small, (width * 2, height))


class Haze:
    """A grey veil that drifts; with `clears` it thins away over the scene, as the sun wins."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.params = params
        width, height = setup.size
        color: Color = params["color"]
        self.texture = haze_texture(setup.size, color, stable_seed(setup.seed, "haze"))
        scenes = setup.timeline.scenes
        self.scene = setup.scene
        self.following = scenes[(scenes.index(setup.scene) + 1) % len(scenes)]
        self.dust = self._dust(width, height, color) if params["shore"] else None
        self.shore = int(height * params["shore"])

    @staticmethod
    def _dust(width: int, height: int, color: Color) -> pygame.Surface:
        """Ash lying along a shore: a pale, speckled band."""
        band = max(2, int(height * DUST_HEIGHT))
        image = pygame.Surface((width, band), pygame.SRCALPHA)
        rng = random.Random(width * 7 + height)
        for _ in range(width * band // 6):
            x, y = rng.randrange(width), rng.randrange(band)
            tone = scaled(color, rng.uniform(0.8, 1.25))
            image.fill((*tone, rng.randrange(90, 230)), (x, y, rng.randint(1, 3), 1))
        return image

    def strength(self, frame: Frame) -> float:
        """The veil's share, 0..amount: all scene, or thinning to nothing by the scene's end."""
        amount: float = self.params["amount"]
        if not self.params["clears"]:
            return amount
        length = forward(self.scene.at, self.following.at) or DAY_SECONDS
        done = min(1.0, forward(self.scene.at, frame.story_time) / length)
        return amount * round((1.0 - done) * LEVELS) / LEVELS

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        level = self.strength(frame)
        if level <= 0:
            return
        width = surface.get_width()
        if self.dust is not None:
            # The settled ash stays whole while the air is thick, and goes as it clears.
            self.dust.set_alpha(round(255 * min(1.0, level / self.params["amount"])))
            surface.blit(self.dust, (0, self.shore - self.dust.get_height()))
        shift = int(frame.seconds * DRIFT * width) % width
        self.texture.set_alpha(round(255 * level))
        surface.blit(self.texture, (-shift, 0))
