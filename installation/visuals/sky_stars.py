"""The sky's stars: where each lies (the same every scene: seeded from the timeline alone), how
many show and how big each twinkling one is now, where that changes between two plans, and
their painting (none behind the moon: its dark part hides them too)."""

from __future__ import annotations

import math
import random

import numpy as np
import pygame

from installation.visuals.base import hash01
from installation.visuals.glow import radial

STAR_COUNT_PER_MEGAPIXEL = 260
TWINKLE_EVERY = 7  # one star in this many twinkles
TWINKLE_RATE = 0.7  # steps of a star's twinkle noise a second
StarPlan = tuple[int, tuple[int, ...]]  # stars shown, sprite of each twinkling one


class Stars:
    """The stars of a sky of `size` above `horizon` (a share of the height), scattered by
    `rng`, each twinkling one's noise from `seed`."""

    def __init__(self, rng: random.Random, size: tuple[int, int], horizon: float,
                 seed: int) -> None:
        width, height = size
        count = int(STAR_COUNT_PER_MEGAPIXEL * width * height / 1e6)
        top = int(height * horizon * 0.95)
        self.stars = [(rng.randrange(width), int(top * rng.random() ** 1.3), rng.random())
                      for _ in range(count)]
        self.stars.sort(key=lambda s: s[2])
        self.steady = [min(2, int(level * 2.2 + 0.5 * 0.6)) for _x, _y, level in self.stars]
        self._ends: tuple[int, np.ndarray] | None = None  # see `_twinkle_ends`
        self.star_xy = np.array([(x, y) for x, y, _level in self.stars], dtype=np.int32
                                ).reshape(-1, 2)
        self.sprites = [radial(r, (v, v, v + 10), 1.5, core=0.35)
                        for r, v in ((1, 140), (2, 170), (2, 235))]
        self.seed = seed

    def shown(self, density: float, seconds: float) -> StarPlan:
        """How many stars show, and the size each twinkling one has now: `smooth_noise` of
        each, worked out for all at once (the same arithmetic, so the same sizes)."""
        count = int(len(self.stars) * density)
        x = seconds * TWINKLE_RATE
        step = math.floor(x)
        ends = self._twinkle_ends(step)[:, :-(-count // TWINKLE_EVERY)]
        f = x - step
        f = f * f * (3 - 2 * f)
        noise = ends[1] + (ends[2] - ends[1]) * f
        sizes = np.minimum(2, (ends[0] * 2.2 + noise * 0.6).astype(np.int64))
        return count, tuple(sizes.tolist())

    def _twinkle_ends(self, step: int) -> np.ndarray:
        """Each twinkling star's brightness and its noise at `step` and the step after (kept
        for the last step asked: it changes every 1 / TWINKLE_RATE seconds)."""
        if self._ends is None or self._ends[0] != step:
            twinkling = range(0, len(self.stars), TWINKLE_EVERY)
            self._ends = (step, np.array([
                [self.stars[n][2] for n in twinkling],
                [hash01(self.seed + n, step) for n in twinkling],
                [hash01(self.seed + n, step + 1) for n in twinkling]]))
        return self._ends[1]

    def changed(self, old: StarPlan, new: StarPlan) -> list[pygame.Rect]:
        """Where stars came out or faded (more or fewer shown) or twinkled."""
        largest = self.sprites[-1].get_size()
        fewer, more = sorted((old[0], new[0]))
        areas = [pygame.Rect(self.stars[n][:2], largest) for n in range(fewer, more)]
        for n, (was, now) in enumerate(zip(old[1], new[1], strict=False)):  # both shown
            if was != now:
                x, y, _level = self.stars[n * TWINKLE_EVERY]
                areas.append(pygame.Rect(x, y, *self.sprites[max(was, now)].get_size()))
        return areas

    def draw(self, surface: pygame.Surface, shown: StarPlan,
             moon: tuple[int, int] | None = None, moon_radius: int = 0) -> None:
        """The stars shown, but those behind the moon at `moon` (its disk `moon_radius`)."""
        count, twinkling = shown
        blits = []
        hidden = set(self._behind(moon, moon_radius, count)) if moon is not None else set()
        for n in self._stars_in(surface.get_clip(), count):
            if n in hidden:
                continue
            index = twinkling[n // TWINKLE_EVERY] if n % TWINKLE_EVERY == 0 else self.steady[n]
            blits.append((self.sprites[index], (int(self.star_xy[n, 0]),
                                                int(self.star_xy[n, 1]))))
        surface.fblits(blits, pygame.BLEND_RGB_ADD)

    def _behind(self, moon: tuple[int, int], radius: int, count: int) -> list[int]:
        """The first `count` stars whose sprites lie within the moon's disk."""
        reach = radius + max(max(sprite.get_size()) for sprite in self.sprites)
        x, y = self.star_xy[:count, 0] - moon[0], self.star_xy[:count, 1] - moon[1]
        return [int(n) for n in np.flatnonzero(x * x + y * y < reach * reach)]

    def _stars_in(self, clip: pygame.Rect, count: int) -> list[int]:
        """The first `count` stars whose sprites can touch `clip` (painting a strip of
        cloud again need not go through every star of the sky)."""
        reach = max(max(sprite.get_size()) for sprite in self.sprites)
        x, y = self.star_xy[:count, 0], self.star_xy[:count, 1]
        inside = ((x < clip.right) & (x + reach > clip.left)
                  & (y < clip.bottom) & (y + reach > clip.top))
        return [int(n) for n in np.flatnonzero(inside)]
