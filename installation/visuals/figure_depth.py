"""Perspective along a figures layer's path: how large someone is where their feet are (the
further below the horizon, the nearer and the taller), how far along the path a run over the
ground takes them, and their sprites shrunk to that size (kept while they are used)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pygame

from installation.core.cache import Bounded
from installation.visuals.base import Pieces
from installation.visuals.budget import Budget
from installation.visuals.route import Path
from installation.visuals.skeleton import Point
from installation.visuals.sprites import shown_box

SAMPLES = 512  # the path is measured at this many points for the ground covered along it
NEAREST_SHARE = 0.05  # a point at or above the horizon is drawn this share of the largest
KEPT = 512  # sprites shrunk to a size are kept, this many (the ones used last)
TRIM_COST = 4  # finding what of a sprite shows costs about this many times its area (in a
#                set-up piece's pixels: ~0.4 ms for a near runner at 1080, in each frame that
#                first shrank one, two or three a frame as the rush ran up the diner; found
#                from its opacity at once, see sprites.shown_box: ~1.6 times quicker)


class Depth:
    """A path seen in perspective under a horizon row (pixels; None: all of it at one depth).
    Sizes are shares of the largest anyone is on it (at its lowest point); the ground run is
    measured in pixels at that size, so a stride covers the same ground near and far."""

    def __init__(self, path: Path, horizon: float | None) -> None:
        self.path = path
        self.horizon = horizon
        self.total = path.total
        self.first = 1.0
        # Keyed by the sprite itself, not its id: a key holds its sprite, so no other sprite
        # made at a freed one's address is found under it.
        self._kept: Bounded[tuple[pygame.Surface, int], tuple[pygame.Surface, Point]] = \
            Bounded(KEPT)
        self._shown: dict[pygame.Surface, tuple[pygame.Surface, tuple[int, int]]] = {}
        if horizon is None:
            return
        self.lowest = max(y for _, y in path.points) - horizon
        along = np.linspace(0.0, path.total, SAMPLES)
        shares = np.array([self.share(path.at(float(s))[0][1]) for s in along])
        steps = np.diff(along) * 0.5 * (1.0 / shares[:-1] + 1.0 / shares[1:])
        self._along = along
        self._ground = np.concatenate(([0.0], np.cumsum(steps)))
        self.total = float(self._ground[-1])
        self.first = float(shares[0])

    @property
    def flat(self) -> bool:
        """Everyone on it is one size (no horizon)."""
        return self.horizon is None

    def share(self, y: float) -> float:
        """How large someone with their feet on row `y` is, of the largest on the path."""
        if self.horizon is None or self.lowest <= 0:
            return 1.0
        return max(NEAREST_SHARE, (y - self.horizon) / self.lowest)

    def along(self, ground: float) -> float:
        """How far along the path (pixels) a run of `ground` from its start takes them."""
        if self.horizon is None:
            return ground
        return float(np.interp(ground, self._ground, self._along))

    def sized(self, sprite: pygame.Surface, feet: Point, share: float,
              soft: bool = False) -> tuple[pygame.Surface, Point]:
        """The sprite shrunk to `share` of its size about its feet (the whole sprite: 1), kept
        for the next frames that need it (cut to what shows); a `soft` one (a shadow, nothing
        crisp in it) whole, by the nearest pixels, three times quicker."""
        height = max(1, round(sprite.get_height() * share))
        if share >= 1.0 or height >= sprite.get_height():
            return sprite, feet
        key = (sprite, height)
        found = self._kept.get(key)
        if found is not None:
            return found
        k = height / sprite.get_height()
        shown, (dx, dy) = (sprite, (0, 0)) if soft else self._trimmed(sprite)
        size = (max(1, round(shown.get_width() * k)), max(1, round(shown.get_height() * k)))
        shrink = pygame.transform.scale if soft else pygame.transform.smoothscale
        return self._kept.put(key, (shrink(shown, size), ((feet[0] - dx) * k, (feet[1] - dy) * k)))

    def fill(self, sprites: Iterable[pygame.Surface], budget: Budget) -> Pieces:
        """Find ahead, in `budget`'s pieces, what of each sprite shows, so the frame that
        first shrinks it does not (a path with no horizon shrinks nothing)."""
        if self.flat:
            return
        for sprite in sprites:
            if budget.over(TRIM_COST * sprite.get_width() * sprite.get_height()):
                yield
            self._trimmed(sprite)

    def _trimmed(self, sprite: pygame.Surface) -> tuple[pygame.Surface, tuple[int, int]]:
        """The part of a sprite that shows (shrinking its empty margins costs as much as its
        body), and where that part begins on it; found once per sprite."""
        found = self._shown.get(sprite)
        if found is None:
            box = shown_box(sprite)
            if not box.width or not box.height:
                box = sprite.get_rect()
            shown = sprite if box == sprite.get_rect() else sprite.subsurface(box).copy()
            found = self._shown[sprite] = (shown, box.topleft)  # (trimmed ones: no copy)
        return found
