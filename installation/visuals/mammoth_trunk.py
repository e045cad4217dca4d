"""The mother mammoth's trunk, lifted now and then: drawn once at a few heights, one blitted."""

from __future__ import annotations

import math
from functools import partial

import pygame

from installation.visuals.base import Color, Pieces, hash01
from installation.visuals.mammoth import trunk
from installation.visuals.pen import render
from installation.visuals.sprites import visible as shown_part

POSES = 6  # heights it is drawn at, from resting to lifted highest
LIFT_EVERY = 11.0  # real seconds: she lifts it about this often ...
LIFT_SECONDS = 3.5  # ... up and down again over this long
LIFT_SEED = 53  # when in each spell it lifts (the same moment always shows the same height)


class Trunk:
    """Her raised trunk at POSES heights (each cut to where it shows), blitted over her body
    clipped to the rows of her above the tar."""

    def __init__(self) -> None:
        self.sprites: list[pygame.Surface] = []
        self.corners: list[tuple[int, int]] = []  # each sprite's corner in her picture

    def pieces(self, bounds: tuple[float, float, float, float], px: float, flip: bool,
               color: Color, tilt: float) -> Pieces:
        """Draw it at each height as her picture is drawn (same bounds, turned by `tilt`)."""
        for pose in range(POSES):
            image = yield from render(partial(trunk, lift=pose / (POSES - 1)), bounds, px, flip,
                                      color)
            if tilt:
                image = pygame.transform.rotate(image, tilt)
            part, corner = shown_part(image)
            self.sprites.append(part)
            self.corners.append(corner)

    def rest(self) -> tuple[pygame.Surface, tuple[int, int]]:
        """The resting trunk and its corner in her picture."""
        return self.sprites[0], self.corners[0]

    def pose(self, seconds: float) -> int:
        """How high it is lifted `seconds` (real) into the scene: at rest but for a lift in
        each LIFT_EVERY seconds, up and down again over LIFT_SECONDS."""
        spell = math.floor(seconds / LIFT_EVERY)
        start = hash01(LIFT_SEED, spell) * (LIFT_EVERY - LIFT_SECONDS)
        into = (seconds - spell * LIFT_EVERY - start) / LIFT_SECONDS
        if not 0.0 < into < 1.0:
            return 0
        return round((POSES - 1) * math.sin(math.pi * into) ** 2)

    def area(self, left: int, top: int) -> pygame.Rect:
        """Where it can paint, her picture's corner at (left, top)."""
        rects = [pygame.Rect((left + x, top + y), sprite.get_size())
                 for sprite, (x, y) in zip(self.sprites, self.corners, strict=True)]
        return rects[0].unionall(rects[1:])

    def draw(self, surface: pygame.Surface, left: int, top: int, visible: int,
             pose: int) -> None:
        """It at this height, but for any of it below her `visible` rows (under the tar)."""
        sprite, (x, y) = self.sprites[pose], self.corners[pose]
        rows = min(sprite.get_height(), visible - y)
        if rows > 0:
            surface.blit(sprite, (left + x, top + y), pygame.Rect(0, 0, sprite.get_width(), rows))
