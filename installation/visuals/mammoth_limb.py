"""The dream mother's heaving leg drawn as a limb: thigh swung forward from her hip, bent at the
knee, the shin hanging back and tapering to a rounded foot, her own leg's light laid along it
(a strip of her picture moved up showed a flat-bottomed block over a square hole in her fur)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

Point = tuple[float, float]

KNEE_AT = 0.5  # the knee this share of the way down from her hip to her foot
THIGH = 1.2  # radians the thigh swings forward from upright, heaving hardest (knee up, out)
SHIN = 0.55  # radians the shin hangs back from upright below the knee, heaving hardest
TAPER = 0.3  # the leg narrows by this share of its width from hip to foot ...
CAP = 0.45  # ... its foot rounded over this share of its width there
TOP_SOFT = 0.06  # units: its top fades in over this much, under her belly's hair (and her leg
# standing there fades out over the same rows: no ruled edge, no hole)


@dataclass(frozen=True)
class Limb:
    """A lifted leg's line in her picture (pixels): hip, knee and foot, its length standing
    (`long`: rows hip to foot) and its width at the hip."""

    hip: Point
    knee: Point
    foot: Point
    long: float
    wide: float


def limb_of(hip: Point, long: float, wide: float, share: float, forward: int) -> Limb:
    """The leg from `hip`, `long` rows standing, pulled up `share` of its hardest (0: standing),
    its knee swung toward `forward` (+1: right)."""
    thigh, shin = THIGH * share, -SHIN * share
    upper, lower = KNEE_AT * long, (1 - KNEE_AT) * long
    knee = (hip[0] + forward * upper * math.sin(thigh), hip[1] + upper * math.cos(thigh))
    foot = (knee[0] + forward * lower * math.sin(shin), knee[1] + lower * math.cos(shin))
    return Limb(hip, knee, foot, long, wide)


@dataclass(frozen=True)
class Laid:
    """A limb drawn in a box of her picture: its colours and alpha [x, y, 4], and for each
    pixel how far down the leg (rows from the hip, standing) and across it (-1 to 1) it lies
    (-1 and 0 off it)."""

    rgba: np.ndarray
    along: np.ndarray
    across: np.ndarray


def laid(strip: np.ndarray, limb: Limb, box: tuple[int, int, int, int], soft: float) -> Laid:
    """Lay the standing leg's pixels (`strip` [x, y, 4], from its hip down, its middle in
    the middle) along `limb`, in `box` (left, top, width, height) of her picture, its top
    fading in over `soft` rows."""
    left, top, width, height = box
    x = np.arange(width, dtype=np.float32)[:, None] + left + 0.5
    y = np.arange(height, dtype=np.float32)[None, :] + top + 0.5
    along, across = _limb_space(x, y, limb)
    narrow = 1.0 - TAPER * np.clip(along / limb.long, 0.0, 1.0)
    half = limb.wide / 2
    across_share = across / (half * narrow)
    column = strip.shape[0] / 2 + across / narrow
    rgba = _sample(strip, column, along)
    fade = np.clip(along / max(1.0, soft), 0.0, 1.0)
    cap = CAP * limb.wide * (1 - TAPER)
    into_cap = np.clip((along - (limb.long - cap)) / cap, 0.0, None)
    rounded = np.clip((1.0 - into_cap ** 2 - across_share ** 2) * 4.0, 0.0, 1.0)
    inside = (along >= 0) & (along <= limb.long) & (np.abs(across_share) <= 1.0)
    rgba[..., 3] *= fade * np.where(into_cap > 0, rounded, 1.0) * inside
    on = rgba[..., 3] > 0
    return Laid(rgba, np.where(on, along, -1.0), np.where(on, across_share, 0.0))


def _limb_space(x: np.ndarray, y: np.ndarray, limb: Limb) -> tuple[np.ndarray, np.ndarray]:
    """Each pixel's distance down the limb (rows from the hip, as the leg stands) and across
    it (pixels, + to the right of the line going down): on the thigh, or on the shin."""
    upper = math.dist(limb.hip, limb.knee)
    s1, u1 = _segment(x, y, limb.hip, limb.knee)
    s2, u2 = _segment(x, y, limb.knee, limb.foot)
    on_thigh = (s1 <= upper) & ((s2 < 0) | (np.abs(u1) < np.abs(u2)))
    bend = (s1 > upper) & (s2 < 0)  # round the outside of the knee
    knee_u = np.hypot(x - limb.knee[0], y - limb.knee[1]) * np.sign(u1 + u2)
    along = np.where(on_thigh, s1, upper + s2)
    across = np.where(on_thigh, u1, u2)
    return np.where(bend, upper, along), np.where(bend, knee_u, across)


def _segment(x: np.ndarray, y: np.ndarray, start: Point, end: Point
             ) -> tuple[np.ndarray, np.ndarray]:
    """Each pixel's distance along the line from `start` to `end`, and across it."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy) or 1.0
    dx, dy = dx / length, dy / length
    px, py = x - start[0], y - start[1]
    return px * dx + py * dy, px * dy - py * dx


def _sample(strip: np.ndarray, column: np.ndarray, row: np.ndarray) -> np.ndarray:
    """`strip`'s colours and alpha at fractional (`column`, `row`), blended between the four
    pixels round each (colours weighted by their alpha: no dark fringe)."""
    w, h = strip.shape[:2]
    c = np.clip(column - 0.5, 0, w - 1.001)
    r = np.clip(row - 0.5, 0, h - 1.001)
    c0, r0 = c.astype(np.int32), r.astype(np.int32)
    fc, fr = (c - c0)[..., None], (r - r0)[..., None]
    source = strip.astype(np.float32)
    source[..., :3] *= source[..., 3:] / 255.0
    mixed = ((source[c0, r0] * (1 - fc) + source[c0 + 1, r0] * fc) * (1 - fr)
             + (source[c0, r0 + 1] * (1 - fc) + source[c0 + 1, r0 + 1] * fc) * fr)
    alpha = mixed[..., 3:]
    mixed[..., :3] = np.where(alpha > 0, mixed[..., :3] * 255.0 / np.maximum(alpha, 1e-3), 0)
    return mixed
