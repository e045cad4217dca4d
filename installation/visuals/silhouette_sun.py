"""The sun on the tar pits' mammoths (the mother, her calf, the bull: mammoth_family): beside the
rim its edge catches (figure_light), the tops of her back lit all along and a broad soft lift
of the side towards the sun, so that her coat reads as a lit coat, not a black hole cut out of
the day."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.base import Color
from installation.visuals.budget import Budget
from installation.visuals.figure_light import Light, Shape, brightness, lit_steps
from installation.visuals.silhouette_shade import BAND

TOP_SHARE = 0.7  # the tops of her back and crown (the sun high): a rim this share of the side's
BROAD = 0.2  # the side towards the sun: at most this share of the way to the light's colour
# (for a light as bright as white; less for a dimmer one) ...
REACH = 0.65  # ... fading out this share of the way across her towards her far side ...
RISE = 0.45  # ... and up her: this share of it comes from her height (the sun is high)
DEEP = 0.5  # a pixel this share as bright as her coat, or darker, takes none of it (her eye, in
# the shade of her brow: lifted with her face, it was lost in it), one as bright all of it
PAUSE = (1.0, 4.0)  # a budget's piece and a cost that pause `lit_steps` at each of its steps


def sunlit(image: pygame.Surface, height: float, light: Light,
           coat: Color) -> Generator[None, None, None]:
    """Light `image` (her picture of `coat`'s colour, per-pixel alpha, `height` pixels a unit
    of her) in place, in pieces: her edge's rim on the sun's side (as the calf's), the tops of
    her back, and the broad lift of her side towards the sun. Only colours change, never her
    outline."""
    yield from lit_steps(image, height, [light], Budget(PAUSE[0]), PAUSE[1], Shape())
    yield
    top = Light(light.color, light.from_right, TOP_SHARE, light.soft)
    yield from lit_steps(image, height, [top], Budget(PAUSE[0]), PAUSE[1], Shape(above=True))
    box = image.get_bounding_rect()  # (what of her shows)
    for left in range(box.left, box.right, BAND):
        yield
        broad(image, light, coat, box, (left, min(box.right, left + BAND)))


def broad(image: pygame.Surface, light: Light, coat: Color, box: pygame.Rect,
          columns: tuple[int, int]) -> None:
    """Lift her side towards `light` in place, in `columns` (from, to) of her (`box`: what of
    her shows): most at her top corner on its side, evenly less across and down her, none past
    REACH of her (a soft light, not a band), nor on what is much darker than her `coat` (see
    DEEP)."""
    across = (np.arange(*columns, dtype=np.float32) - box.left) / max(1, box.width - 1)
    if not light.from_right:
        across = 1.0 - across
    up = (box.bottom - 1 - np.arange(box.top, box.bottom, dtype=np.float32)) / max(
        1, box.height - 1)
    towards = (1.0 - RISE) * across[:, None] + RISE * up[None, :]  # 1: her sun-side top
    share = np.clip((towards - np.float32(1.0 - REACH)) / np.float32(REACH), 0.0, 1.0)
    if not share.any():
        return
    colours = pygame.surfarray.pixels3d(image)
    view = colours[columns[0]:columns[1], box.top:box.bottom]
    own = view.sum(axis=2, dtype=np.float32) / np.float32(max(1, sum(coat)))  # her coat: 1
    amount = np.float32(BROAD * brightness(light.color)) * share * share * (3 - 2 * share)
    amount *= np.clip((own - np.float32(DEEP)) / np.float32(1.0 - DEEP), 0.0, 1.0)
    lifted = view + (np.asarray(light.color, np.float32) - view) * amount[..., None]
    view[...] = np.rint(lifted).astype(np.uint8)
    del view, colours
