"""Johnnie's neon signs' light, its tubes added up once for each way they flicker."""

from __future__ import annotations

from collections import OrderedDict

import pygame

from installation.visuals.base import Frame
from installation.visuals.neon import Levels, Neon

GLOWS_KEPT = 12  # ways of flickering kept per sign (~0.3 MB each for the name at 1080p): a
#                  sign flickers among a handful (its hum, its failing letter's few states)


class SummedGlow:
    """A lit sign's glowing tubes laid as one additive picture for each set of brightnesses,
    the last few kept. Adding saturates at white and never takes away, so the tubes added
    together and then onto the frame give the same bytes as each added onto the frame."""

    def __init__(self, sign: Neon) -> None:
        self.sign = sign
        boxes = [pygame.Rect(tube.glow_position, level.get_size())
                 for tube in sign.tubes for level in tube.levels]
        self.box = boxes[0].unionall(boxes[1:]) if boxes else pygame.Rect(0, 0, 0, 0)
        self.kept: OrderedDict[Levels, pygame.Surface] = OrderedDict()

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Add the sign's light at this frame onto `surface`, as `Neon.draw` adds its tubes'."""
        levels = self.sign.look(frame)
        if any(level is not None for level in levels):
            surface.blit(self.summed(levels), self.box.topleft,
                         special_flags=pygame.BLEND_RGB_ADD)

    def summed(self, levels: Levels) -> pygame.Surface:
        """The tubes lit at `levels`, added up on black (kept; the oldest kept one is reused)."""
        found = self.kept.get(levels)
        if found is not None:
            self.kept.move_to_end(levels)
            return found
        picture = (self.kept.popitem(last=False)[1] if len(self.kept) >= GLOWS_KEPT
                   else pygame.Surface(self.box.size))
        picture.fill((0, 0, 0))
        left, top = self.box.topleft
        picture.fblits([(tube.levels[level], (tube.glow_position[0] - left,
                                              tube.glow_position[1] - top))
                        for tube, level in zip(self.sign.tubes, levels, strict=True)
                        if level is not None], pygame.BLEND_RGB_ADD)
        self.kept[levels] = picture
        return picture


def dead_glass(image: pygame.Surface, at: tuple[int, int], signs: list[Neon]) -> None:
    """The signs' tubes as dark glass, drawn on `image` lying at `at` in the picture where
    `Neon.draw_unlit` draws them (Johnnie's signs have no mount of their own, no wash)."""
    image.fblits([(tube.dead, (tube.position[0] - at[0], tube.position[1] - at[1]))
                  for sign in signs for tube in sign.tubes])
