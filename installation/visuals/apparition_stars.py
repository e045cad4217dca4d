"""The stars inside an apparition: many faint, a few bright with a small cross of light, the
same at every pose (placed by where they lie, so a change of pose changes none of them)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from installation.visuals.base import Color

STAR_LIGHT: Color = (215, 225, 255)  # a star's colour at its brightest
STAR_SPACING = 19.0  # pixels: about one star to a square this wide of her picture (the night
# round her has about one to 55: she is denser with them, made of them)
STAR_SEED = 71  # the same stars in her every time
FAINTEST = 0.3  # a star's light, from this ...
BRIGHT = 0.85  # ... to 1, a few of them (as many as this share is of them) ...
CROSS = 0.35  # ... with a small cross of light round them, this bright


@dataclass(frozen=True)
class Stars:
    """Stars scattered over a picture (columns first): where each lies, and its light."""

    xs: np.ndarray
    ys: np.ndarray
    light: np.ndarray

    @classmethod
    def of(cls, shape: tuple[int, ...]) -> Stars:
        """The stars over a picture of `shape` (its columns and rows)."""
        columns, rows = shape[0], shape[1]
        count = round(columns * rows / STAR_SPACING ** 2)
        rng = np.random.default_rng(STAR_SEED)
        xs = rng.integers(0, columns, count)
        ys = rng.integers(0, rows, count)
        light = FAINTEST + (1 - FAINTEST) * rng.random(count) ** 3  # most faint
        return cls(xs, ys, light.astype(np.float32))

    def within(self, start: int, shape: tuple[int, ...]) -> np.ndarray:
        """Their light over a band of the picture `shape` big (columns, rows), from column
        `start`: each star a pixel, a bright one's cross a pixel round it."""
        rows = shape[1]
        light = np.zeros(shape[:2], np.float32)
        for (dx, dy), share in (((0, 0), 1.0), ((1, 0), CROSS), ((-1, 0), CROSS),
                                ((0, 1), CROSS), ((0, -1), CROSS)):
            xs, ys = self.xs + dx - start, self.ys + dy
            kept = (xs >= 0) & (xs < light.shape[0]) & (ys >= 0) & (ys < rows)
            if share < 1.0:
                kept &= self.light > BRIGHT
            np.add.at(light, (xs[kept], ys[kept]), self.light[kept] * share)
        return light
