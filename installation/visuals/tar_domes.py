"""Bubbles of gas swelling in the tar: low matte domes of the surface's own skin.

A dome takes the tar's own colour where it rises (what the pool shows there, mirror and all),
a little darker down its front flank and in the crease at its foot, the sky caught faintly
along its top edge only; as it stretches thin before it bursts, its cap pales with a thin
film's sheen. Each is two small pictures laid over the pool: one that multiplies it (the
shading), one added to it (the sky's light), modelled once for a few stages of its stretch and
scaled to each size as it is first drawn (a black ellipse with a white spot on its top read as
a marble lying on the tar)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, s_curve
from installation.visuals.oil import film_tint

SQUASH = 0.28  # the dome's foot on the surface, flattened as seen from where we stand
RISE = (0.2, 0.7)  # how high it stands over its foot, in its half widths, as it begins and as
# it is about to burst (its top no higher than 1.1 half widths over the foot: the pool's
# moving part reaches that far)
GROWTH = 0.7  # its half width grows as the share of its swelling to this power
FLANK = 0.8  # its front flank, turned from the sky: this much of the tar's light, at its least
CREASE = 0.74  # the crease round its foot, where its skin folds into the surface
SHADED = 0.74  # the least of the tar's light any of it keeps
CREASE_WIDTH = 0.05  # across the crease, in the dome's half widths
TOP_LIGHT = 0.12  # the sky's light along its top edge, of the sky's colour (browned)
TOP_WIDTH = 0.16  # how far down from its top edge that light reaches, of the dome's height
CAP = 0.1  # stretched thin, its cap's pale sheen at its brightest, of the sky's colour
STRETCH_FROM = 0.65  # its cap pales from this share of its swelling on
WARM = (1.0, 0.86, 0.7)  # tar gives the sky back browner than it is
MODEL = 32  # a dome is modelled this many pixels across its half, then scaled to its size
STAGES = 8  # stages of its swelling modelled apart (its height, its cap's sheen)
KEPT = 512  # scaled pictures kept (each a few hundred bytes to a few kB)
Pair = tuple[pygame.Surface, pygame.Surface]  # what multiplies the pool, and what is added


class SkinDomes:
    """Bubbles' domes under a sky of colour `sky`: modelled once for each stage of their
    swelling, each size scaled from its stage's model as it is first drawn, and kept."""

    def __init__(self, sky: Color, eager: bool = True) -> None:
        self.light = np.array([c * w for c, w in zip(sky, WARM, strict=True)], np.float64)
        self.models = models(self.light) if eager else []  # (else made in `pieces`)
        self.scaled: dict[tuple[int, int, int], Pair] = {}

    def pieces(self) -> Pieces:
        """Its models not yet made (not `eager`), a stage a piece (all at once, ~10 ms)."""
        for stage in range(len(self.models), STAGES + 1):
            yield
            self.models += models(self.light, stage)

    def draw(self, surface: pygame.Surface, foot: tuple[int, int], radius: float,
             swell: float) -> None:
        """The dome of a bubble that swells to `radius` pixels across its half, `swell` (0..1)
        through its swelling, rising from the surface at `foot` (the middle of its base)."""
        stage = min(STAGES, max(0, round(swell * STAGES)))
        half = radius * max(0.0, min(1.0, swell)) ** GROWTH
        width = max(2, round(2 * half))
        height = max(1, round(half * (SQUASH + rise(swell)) + half * SQUASH))
        self.lay(surface, foot, (width, height), stage, below(swell))

    def lay(self, surface: pygame.Surface, foot: tuple[int, int], size: tuple[int, int],
            stage: int, low: float) -> None:
        """A dome's picture at `stage` of its swelling scaled to `size` (kept), `low` of it
        below its foot's middle at `foot` (a broad low heave of the tar is one squashed)."""
        key = (*size, stage)
        pair = self.scaled.get(key)
        if pair is None:
            if len(self.scaled) >= KEPT:
                self.scaled.clear()
            shading, light = self.models[stage]
            pair = self.scaled[key] = (pygame.transform.smoothscale(shading, size),
                                       pygame.transform.smoothscale(light, size))
        top = (foot[0] - size[0] // 2, foot[1] - round(size[1] * (1 - low)))
        surface.blit(pair[0], top, special_flags=pygame.BLEND_RGB_MULT)
        surface.blit(pair[1], top, special_flags=pygame.BLEND_RGB_ADD)


def rise(swell: float) -> float:
    """How high a dome `swell` through its swelling stands over its foot, in half widths."""
    return RISE[0] + (RISE[1] - RISE[0]) * max(0.0, min(1.0, swell))


def below(swell: float) -> float:
    """The share of a dome's picture below its foot's middle (the near half of its foot)."""
    return SQUASH / (rise(swell) + 2 * SQUASH)


def models(light: np.ndarray, only: int | None = None) -> list[Pair]:
    """A dome at each of STAGES + 1 stages of its swelling (or at the `only` one), MODEL pixels
    across its half: its shading (to multiply the pool by) and the sky's light on it (to add),
    under `light` (the sky, browned); worked out for all the stages at once (stage, column,
    row)."""
    stages = np.arange(STAGES + 1) if only is None else np.array([only])
    swell = (stages.astype(np.float64) / STAGES)[:, None, None]
    high = RISE[0] + (RISE[1] - RISE[0]) * swell + SQUASH  # its top over its foot's middle
    rows = [round(MODEL * (float(h) + SQUASH)) for h in high.ravel()]
    u = np.linspace(-1, 1, 2 * MODEL + 1)[None, :, None]
    v = (np.arange(max(rows), dtype=np.float64)[None, None, :] + 0.5) / MODEL - high  # down
    # from the foot, in half widths
    side = np.sqrt(np.clip(1 - u * u, 0, 1))
    top, bottom = -high * side, SQUASH * side  # its outline above, its foot's near edge below
    inside = (np.clip((v - top) * MODEL + 0.5, 0, 1) * np.clip((bottom - v) * MODEL + 0.5, 0, 1))
    down = np.clip((v - top) / np.maximum(bottom - top, 1e-6), 0, 1)  # 0 at its top edge
    shade = 1 - (1 - FLANK) * s_curve(down) - (1 - CREASE) * np.exp(
        -((bottom - v) / CREASE_WIDTH) ** 2) * side
    multiply = 1 - (1 - np.clip(shade, SHADED, 1)) * inside
    lit = TOP_LIGHT * np.exp(-down / TOP_WIDTH) * side
    stretch = s_curve(np.clip((swell - STRETCH_FROM) / (1 - STRETCH_FROM), 0, 1))
    capped = stretch.ravel() > 0  # the stages stretched thin: a film's pale colours on top
    cap = np.zeros((*down.shape, 3))
    cap[capped] = np.stack(film_tint(2.0 + 3.0 * down[capped] + 1.5 * u), axis=-1) * (
        CAP * stretch[capped] * np.exp(-(u * u / 0.2 + (down[capped] / 0.35) ** 2)))[..., None]
    added = (lit[..., None] + cap) * light * inside[..., None]
    shading = np.repeat((255 * multiply)[..., None], 3, axis=-1)
    return [(picture(shading[n, :, :height]), picture(added[n, :, :height]))
            for n, height in enumerate(rows)]


def picture(levels: np.ndarray) -> pygame.Surface:
    """A surface from levels (columns x rows x RGB, 0..255)."""
    return pygame.surfarray.make_surface(np.clip(np.rint(levels), 0, 255).astype(np.uint8))
