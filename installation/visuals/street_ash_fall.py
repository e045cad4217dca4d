"""The ash still falling on Wilshire all morning (the street's `burnt`): a fresh layer over the
ground worked out once (the ash's own grey as it lies, lit and streaked, without what lies in
it; none on the walls, the poles or the burnt cars), laid over the kept picture more and more
as the scene goes on, so the rubble, the letters, the crossing's paint and the kerbs go under
it a little at a time (a step every few real seconds, too small to see)."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import chunks
from installation.visuals.street_char import CHAR_ROWS, Burn, View, ash_colour, wall_at

FALL_STEPS = 48  # the fresh ash comes in this many steps over the scene
COVER_FAR, COVER_NEAR = 0.2, 0.7  # how much of what lies on the ground it covers by the end:
# at the horizon (thick there already) and at our feet (the rubble all but gone under)
PALER = 1.05  # fresh fallen, a little paler than the ash under it
ROWS_A_PIECE = CHAR_ROWS * 16  # rows worked out in one build step


@dataclass(frozen=True)
class Fall:
    """The fresh ash over the ground at full cover (its own alpha), its top row on the
    picture, and the real seconds it takes to lie as deep."""

    picture: pygame.Surface
    top: int
    seconds: float

    def step(self, seconds: float) -> int:
        """How far it has come: 0 (none) to FALL_STEPS (all of it)."""
        return int(min(1.0, max(0.0, seconds / self.seconds)) * FALL_STEPS)

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The fresh ash as deep as it has fallen by `seconds` into the scene."""
        step = self.step(seconds)
        if step:
            self.picture.set_alpha(round(255 * step / FALL_STEPS))
            surface.blit(self.picture, (0, self.top))


def falling(standing: np.ndarray, view: View, burnt: Burn,
            seconds: float) -> Generator[None, None, Fall]:
    """The fresh ash over the ground (a Fall, returned), in pieces: none where something
    `standing` lies (columns x rows below the horizon: the poles and the cars stand above
    it) nor on the walls."""
    width, height = view.size
    rows = height - view.horizon
    picture = pygame.Surface((width, rows), pygame.SRCALPHA)
    for band in chunks(rows, ROWS_A_PIECE):
        below = np.arange(band.start, band.stop)
        y = (view.horizon + below).astype(np.float64)[None, :]
        on_wall = wall_at(view, y, burnt)[2]
        share = below / np.float32(rows)
        bare = ~(on_wall | standing[:, band])
        cover = (COVER_FAR + (COVER_NEAR - COVER_FAR) * share)[None, :] * bare
        rgb = pygame.surfarray.pixels3d(picture)
        rgb[:, band] = np.clip(ash_colour(view, burnt, below) * PALER, 0, 255).astype(np.uint8)
        del rgb
        alpha = pygame.surfarray.pixels_alpha(picture)
        alpha[:, band] = (cover * 255).astype(np.uint8)
        del alpha
        yield
    return Fall(picture, view.horizon, seconds)
