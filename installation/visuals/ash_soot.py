"""Soot and grit in the ash lying on the ruins' boulevard: darker streaks blown across it over
broad uneven patches, fading into the distance, so the deep ash reads as grey ash (burnt
stuff, sooted), not clean snow."""

from __future__ import annotations

import numpy as np

from installation.visuals.burnt_char import patches, ragged

STREAKS = (10, 60)  # the streaks' knots across and up the ground: long across it (blown by
# the wind), narrow up it...
STREAK_SHARE = 0.6  # ... their share of the soot's noise (the rest broad patches)...
PATCHES = (18, 5)  # ... the patches' knots across and up it (ragged: see burnt_char)
FROM = 0.5  # the soot shows where its noise passes this (a streak's soft edge above it)...
FULL = 0.25  # ... all of it this much above that
FAR = 5.0  # the soot fades out beyond this depth along the road (further off it blurs)
DARK = 0.35  # at its thickest the soot takes this much of the ash's light
COARSE = (4, 2)  # the soot worked out at this fraction of the ground's size, across and up


def soot(size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """How much soot lies in the ash over a ground picture of `size` (its first row the
    horizon's, its last at our feet), worked out at 1/COARSE of its size (see `soot_at`)."""
    width, tall = size
    small = (max(2, width // COARSE[0]), max(2, tall // COARSE[1]))
    field = (STREAK_SHARE * patches(small, STREAKS, rng)
             + (1 - STREAK_SHARE) * ragged(small, PATCHES, rng))
    z = small[1] / (np.arange(small[1], dtype=np.float32) + 0.5)  # depth of each row
    near = np.clip(FAR / z - 1, 0, 1)[None, :]
    return np.asarray(np.clip((field - FROM) / FULL, 0, 1) * near, np.float32)


def soot_at(field: np.ndarray, cols: slice, size: tuple[int, int]) -> np.ndarray:
    """The soot (`field`: see `soot`) over these columns of the ground picture of `size`
    (columns x rows, 0..1), smoothed up between its knots."""
    width, tall = size
    xs = (np.arange(cols.start, cols.stop, dtype=np.float32) + 0.5) * field.shape[0] / width
    ys = (np.arange(tall, dtype=np.float32) + 0.5) * field.shape[1] / tall
    x0 = np.clip(np.floor(xs - 0.5).astype(int), 0, field.shape[0] - 2)
    y0 = np.clip(np.floor(ys - 0.5).astype(int), 0, field.shape[1] - 2)
    fx = np.clip(xs - 0.5 - x0, 0, 1)[:, None]
    fy = np.clip(ys - 0.5 - y0, 0, 1)[None, :]
    top = field[x0][:, y0] * (1 - fx) + field[x0 + 1][:, y0] * fx
    low = field[x0][:, y0 + 1] * (1 - fx) + field[x0 + 1][:, y0 + 1] * fx
    return np.asarray(top * (1 - fy) + low * fy, np.float32)


def sooted(rgb: np.ndarray, amount: np.ndarray, share: np.ndarray) -> np.ndarray:
    """`rgb` (columns x rows x 3) with `amount` of soot (see `soot`) in the ash lying there
    (`share`: how much of the ash's colour each pixel takes)."""
    return np.asarray(rgb * (1 - DARK * amount * np.clip(share, 0, 1))[..., None])
