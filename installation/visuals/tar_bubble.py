"""One bubble of gas in the tar through its life: a dome of the tar's skin swelling, then the
soft rings spreading where it burst (the pool's bubbles, and the last of the mother's air)."""

from __future__ import annotations

import pygame

from installation.visuals.tar_domes import SkinDomes
from installation.visuals.tar_rings import Rings

GROW = 0.55  # share of a bubble's life spent swelling
BURST = 0.6  # from here on, rings spread where it burst
RING_LAGS = (0.0, 0.35)  # when each ring sets out, as a share of the rings' time
RING_SPREAD = 4.0  # how far a ring spreads past the bubble's radius, in its radii
RING_RISE = 0.06  # a ring comes up over this share of the rings' time ...
RING_FADE = 1.5  # ... then fades as it spreads: its strength left to this power
FAINTEST = 0.04  # a ring fainter than this (of its strength at the burst) no longer shows


def bubble(surface: pygame.Surface, domes: SkinDomes, rings: Rings, centre: tuple[int, int],
           radius: float, life: float) -> None:
    """A bubble `life` (0..1) through its life at `centre`, swelling to `radius` pixels across
    its half: its dome swelling, the sky caught on its top, or the rings where it burst."""
    if life < GROW:
        domes.draw(surface, centre, radius, life / GROW)
    elif life >= BURST:
        t = (life - BURST) / (1 - BURST)
        for k, lag in enumerate(RING_LAGS):
            strength = ring_strength(t, lag) / (1 + k)
            if strength >= FAINTEST:
                rings.draw(surface, centre, radius * (1 + RING_SPREAD * (t - lag)), strength)


def ring_strength(t: float, lag: float) -> float:
    """How strongly a ring that set out at `lag` shows `t` through the rings' time (0..1): it
    comes up quickly, then fades as it spreads, gone as the next bubble begins to swell."""
    return max(0.0, min(1.0, (t - lag) / RING_RISE)) * (1.0 - t) ** RING_FADE


def ring_end() -> float:
    """How far through the rings' time the first ring is last seen (it fades below FAINTEST)."""
    return 1.0 - FAINTEST ** (1.0 / RING_FADE)
