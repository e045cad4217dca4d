"""Going under, the last of the mother: her raised trunk, the tar heaped round it and closing
over its tip, and small rings of its own spreading from it."""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import pygame

from installation.visuals.mire_rings import Ripples
from installation.visuals.mire_sides import RING
from installation.visuals.mire_wading import Wading

TIP_ROWS = 0.04  # its rings are as wide as her trunk this share of her height below its top


@dataclass(frozen=True)
class Tip:
    """Her meeting with the tar in her last pose (`wading`: her picture in it, her head bowed
    and her trunk raised, which she holds from `rows` rows above the tar down), and the rings
    it sends out (`ripples`)."""

    wading: Wading
    ripples: Ripples
    rows: int

    def takes(self, visible: int) -> bool:
        """Whether, `visible` rows of her above the tar, this is her meeting with it."""
        return visible <= self.rows


def tip_of(lifted: pygame.Surface, size: float, rows: int,
           wading: Wading) -> Generator[None, None, Tip]:
    """The tip of her `lifted` picture (her last pose, `size` high) going under from `rows` rows
    above the tar, met by the tar as `wading` meets her at rest; its rings as wide as her
    trunk's top."""
    tip = Wading(lifted, size, wading.seed, lifted, wading.drips, None, swells=False,
                 coat=wading.coat, ring=RING)  # the tar closing round it (nothing of her kept
    # standing apart from the rest of her: her head up, a tusk's sweep left apart on the tar as
    # her crown went under read as a floating bone beside her trunk)
    top = pygame.mask.from_surface(lifted).get_bounding_rects()
    highest = min(rect.top for rect in top) if top else 0
    ripples = yield from tip.ripples(min(rows, highest + math.ceil(TIP_ROWS * size)))
    return Tip(tip, ripples, rows)
