"""Cars passing far behind a close shot, out of focus: each a pair of soft lamps (headlights
coming one way, tail-lights going the other) sliding across the blurred place behind, kept off
the near thing in front (a booth) so they pass behind it; behind its glass, their light blooms
across it."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, hash01, scaled
from installation.visuals.glow import radial

HEADLIGHT: Color = (255, 236, 200)
TAILLIGHT: Color = (255, 48, 30)
LAMP = 0.06  # a blurred lamp's radius, as a share of the picture's height
GAP = 3.4  # the two lamps of a car this many radii apart
CROSSING = (5.0, 8.0)  # real seconds a car takes to cross the picture, the least and the most
LAMP_LIGHT = 0.7  # how bright a lamp's blur is (far off, seen through the dim air)
GLARE_WIDE = 3.2  # behind the glass, a car's light blooms over it this many lamp radii round
GLARE_LIGHT = (0.6, 0.3)  # and this bright, of a headlight's and of a tail-light's colour
JITTER = 0.3  # each car comes up to this share of the gap between cars early or late


class Passing:
    """`rate` cars a minute crossing at height `y` (a share of the picture), both ways, the
    same at the same second every run; never drawn over `near` (a box in pixels)."""

    def __init__(self, size: tuple[int, int], rate: float, y: float, seed: int,
                 near: pygame.Rect) -> None:
        width, height = size
        radius = max(2, round(LAMP * height))
        self.lamps = {True: radial(radius, scaled(HEADLIGHT, LAMP_LIGHT), 2.0),
                      False: radial(radius, scaled(TAILLIGHT, LAMP_LIGHT), 2.0)}
        self.radius, self.width, self.row = radius, width, round(y * height) - radius
        self.every, self.seed = 60.0 / rate, seed
        self.clips = [pygame.Rect(0, 0, near.left, height),
                      pygame.Rect(near.right, 0, width - near.right, height)]
        wide = round(radius * GLARE_WIDE)
        self.glares = {coming: radial(wide, scaled(color, level), 1.6) for coming, color, level
                       in ((True, HEADLIGHT, GLARE_LIGHT[0]), (False, TAILLIGHT, GLARE_LIGHT[1]))}

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The lamps of every car crossing now, added onto the picture beside the near box."""
        blits = self._blits(seconds)
        if not blits:
            return
        kept = surface.get_clip()
        for clip in self.clips:
            surface.set_clip(clip.clip(kept))
            surface.fblits(blits, pygame.BLEND_RGB_ADD)
        surface.set_clip(kept)

    def glare(self, surface: pygame.Surface, seconds: float, glass: pygame.Rect) -> None:
        """Each car passing behind the glass (a box in pixels) as a bloom of its light over it,
        added (draw the one in front after it: he stays dark against it)."""
        kept = surface.get_clip()
        surface.set_clip(glass.clip(kept))
        for x, coming in self._cars(seconds):
            sprite = self.glares[coming]
            reach = sprite.get_width() // 2
            if glass.left - reach < x < glass.right + reach:
                surface.blit(sprite, (round(x) - reach, self.row + self.radius - reach),
                             special_flags=pygame.BLEND_RGB_ADD)
        surface.set_clip(kept)

    def _cars(self, seconds: float) -> list[tuple[float, bool]]:
        """Where each car crossing now is (the middle between its lamps, in pixels), and
        whether it is coming (headlights) or going (tail-lights)."""
        longest = CROSSING[1] + JITTER * self.every
        first = max(0, int((seconds - longest) // self.every))
        out = []
        for car in range(first, int(seconds // self.every) + 2):
            start = (car + JITTER * (2 * hash01(self.seed, car, 1) - 1)) * self.every
            crossing = CROSSING[0] + (CROSSING[1] - CROSSING[0]) * hash01(self.seed, car, 2)
            along = (seconds - start) / crossing
            if not 0.0 <= along <= 1.0:
                continue
            coming = hash01(self.seed, car, 3) < 0.5
            span = self.width + 2 * GAP * self.radius
            x = -GAP * self.radius + along * span if coming else self.width + GAP * self.radius \
                - along * span
            out.append((x, coming))
        return out

    def _blits(self, seconds: float) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """Each car's two lamps where they are `seconds` into the scene."""
        return [(self.lamps[coming], (round(x + side * GAP * self.radius) - self.radius,
                                      self.row))
                for x, coming in self._cars(seconds) for side in (-0.5, 0.5)]
