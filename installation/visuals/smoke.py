"""Smoke columns that rise from the fires, spread and lean over with the wind."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals import lot_smoke
from installation.visuals.base import Color, Frame, Pieces, Setup, at_once, hash01, stable_seed
from installation.visuals.lot_smoke import Column, column_blits, column_pieces, puff_shape
from installation.visuals.ruins import fire_sites

__all__ = ["Smoke", "puff_shape"]

BURNING = 2.0  # a city column is this many times the size of the nearest of the lot's (size 1)
LIFE = 24.0  # real seconds a puff takes from a fire to the top of its column
LEAN = 0.9  # how far the top of a column is blown, in column heights at full wind
FIRE: Color = (255, 110, 36)  # the ruins' firelight that lights the columns' feet from below


class Smoke:
    """A burning city's columns: each a function of time, its puffs born at a fire, rising,
    spreading wide, leaning over with the wind and thinning out, lit from below at the fire
    (the lot's columns, larger, slower and leaning as the wind says)."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: one size of the columns' puff sprites at a time."""
        height = setup.size[1]
        self.seed = setup.timeline.seed
        ground = int(height * params["ground"])
        shape = puff_shape(random.Random(stable_seed(self.seed, "smoke")))
        rise = height * params["height"]
        feet = fire_sites(self.seed, setup.size, ground, params["columns"])
        column = yield from column_pieces(shape, feet[0], BURNING * params["size"], height,
                                          params["color"], FIRE, params["amount"])
        column = column._replace(rise=rise, lean=params["wind"] * LEAN * rise)
        # every column shares one set of sprites (fewer to make, and to pull from memory)
        self.columns: list[Column] = [column._replace(x=x, y=y) for x, y in feet]

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Every column's puffs, in one batch of blits."""
        seconds = frame.seconds * lot_smoke.LIFE / LIFE
        surface.fblits([blit for n, column in enumerate(self.columns)
                        for blit in column_blits(column, seconds, hash01(self.seed, n))])
