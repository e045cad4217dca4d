"""A burning city's fires and their smoke: flames licking up over each fire, the light they
throw pulsing round them, embers rising, and a continuous plume of smoke climbing from each,
spreading and leaning over with the wind."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pygame

from installation.visuals.base import Color, Frame, Pieces, Setup, at_once, hash01, stable_seed
from installation.visuals.flames import Fire, fire_blits, make_fire
from installation.visuals.lot_smoke import puff_shape
from installation.visuals.plume import WIDTH, Shape, bands_of, plume_blits, strips
from installation.visuals.ruins import fire_sites

__all__ = ["Smoke", "puff_shape"]

LIFE = 24.0  # real seconds the smoke takes from a fire to the top of its column
LEAN = 0.9  # how far the top of a column is blown, in column heights at full wind
FIRE: Color = (255, 110, 36)  # the firelight the flames throw
FLAME = (0.04, 1.45)  # the flames' width (of the picture height, size 1) and height (of it)
FOOT = 0.1  # the smoke leaves the flames this far up them


class Smoke:
    """Each column a function of time: its flames at their flipbook frame, its light at its
    brightness, its embers where their paths are, its plume's texture as far up as the time
    has carried it (every sprite made once, at build)."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the fire's sprites, then the plume's strips one at a time."""
        height = setup.size[1]
        self.seed = stable_seed(setup.timeline.seed, "smoke")
        self.wind: float = params["wind"]
        ground = int(height * params["ground"])
        rise = height * params["height"]
        flame_w = max(6, round(height * FLAME[0] * params["size"]))
        flame_h = round(flame_w * FLAME[1])
        self.feet = fire_sites(setup.timeline.seed, setup.size, ground, params["columns"])
        self.fire: Fire = make_fire(flame_w, flame_h, FIRE, self.seed, len(self.feet))
        yield
        self.shape = Shape(0, 0, rise, self.wind * LEAN * rise,
                           WIDTH[0] * height * params["size"],
                           WIDTH[1] * height * params["size"], rise / LIFE)
        lift = round(flame_h * FOOT)
        self.columns = [replace(self.shape, x=x, y=y - lift) for x, y in self.feet]
        # every column shares one set of strips (fewer to make, and to pull from memory)
        made = yield from strips(self.shape, params["color"], params["amount"], self.seed)
        self.bands = [bands_of(column, made, self.wind) for column in self.columns]

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The light each fire throws on the ruins round it, every column's plume over it,
        then the flames and embers over the plumes' feet (light added)."""
        seconds = frame.seconds
        fires = [fire_blits(self.fire, foot, seconds, n, self.seed, self.wind)
                 for n, foot in enumerate(self.feet)]
        surface.fblits([blits[0] for blits in fires], pygame.BLEND_RGB_ADD)
        surface.blits([band for n, (column, bands) in enumerate(zip(self.columns, self.bands,
                                                                    strict=True))
                       for band in plume_blits(column, bands, seconds, hash01(self.seed, n))],
                      doreturn=False)
        surface.fblits([blit for blits in fires for blit in blits[1:]], pygame.BLEND_RGB_ADD)
