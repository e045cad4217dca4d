"""The ash deepening over what lies on the ruins' boulevard through a scene (the fallen sign,
the burnt car): each thing's picture under a few depths of ash, made at build, the next laid
over the last more and more as the scene goes on, so the ash builds without a visible step."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from installation.visuals.figure_sun import span_share

BLEND = 24  # between two depths, the deeper one fades in over this many steps (each a
# repaint of what it covers: a step every few real seconds, too small to see)

Sprite = tuple[pygame.Surface, tuple[int, int]]  # a picture and where it goes


@dataclass(frozen=True)
class Buried:
    """Things under the ash: each its pictures, shallowest first (all with as many depths),
    and the story span the ash takes to reach the last (see figure_sun.scene_span)."""

    things: tuple[tuple[Sprite, ...], ...]
    span: tuple[float, float]

    def step(self, story_time: float) -> int:
        """How deep the ash lies now, in BLEND steps per depth: 0 at the span's start, the
        last depth at its end."""
        depths = min((len(pictures) for pictures in self.things), default=0)
        if depths < 2:
            return 0
        return int(span_share(self.span, story_time) * (depths - 1) * BLEND)

    def blits(self, step: int) -> list[tuple[Sprite, int]]:
        """What to blit at `step`, each with its opacity: each thing at the depth below, and
        the depth above laid over it as far as the ash has come towards it."""
        depth, part = divmod(step, BLEND)
        out = []
        for pictures in self.things:
            out.append((pictures[min(depth, len(pictures) - 1)], 255))
            if part and depth + 1 < len(pictures):
                out.append((pictures[depth + 1], round(255 * part / BLEND)))
        return out

    def draw(self, surface: pygame.Surface, step: int) -> None:
        """Everything under the ash at `step` (a picture's own opacity put back after)."""
        for (picture, place), opacity in self.blits(step):
            if opacity >= 255:
                surface.blit(picture, place)
                continue
            picture.set_alpha(opacity)
            surface.blit(picture, place)
            picture.set_alpha(255)

    def areas(self, old: int, new: int) -> list[pygame.Rect]:
        """Where the ash changed between two steps (nothing if they are the same)."""
        if old == new:
            return []
        return [pygame.Rect(place, picture.get_size()) for step in (old, new)
                for (picture, place), _ in self.blits(step)]
