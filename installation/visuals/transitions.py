"""How one scene gives way to the next: cut, crossfade, dip to black or white, flash."""

from __future__ import annotations

import pygame

from .base import clamp01

DIP_OVERLAP = 0.4  # the new scene starts rising at 40% while the old one is still sinking


def smoothstep(t: float) -> float:
    t = clamp01(t)
    return t * t * (3 - 2 * t)


def weights(kind: str, progress: float) -> tuple[float, float, float]:
    """(previous, next, white) shares of the picture at a transition's progress 0..1."""
    p = clamp01(progress)
    if kind == "cut":
        return 0.0, 1.0, 0.0
    if kind == "crossfade":
        w = smoothstep(p)
        return 1.0 - w, w, 0.0
    if kind in ("dip-to-black", "dip-to-white"):
        span = 1.0 - DIP_OVERLAP
        old = 1.0 - smoothstep(p / span)
        new = smoothstep((p - DIP_OVERLAP) / span)
        white = 1.0 - old - new if kind == "dip-to-white" else 0.0
        return old, new, white
    if kind == "flash":
        white = (1.0 - p) ** 1.5
        w = smoothstep(p)
        return (1.0 - w) * (1.0 - white), w * (1.0 - white), white
    raise ValueError(f"unknown transition {kind!r}")


def _scale(surface: pygame.Surface, share: float) -> None:
    value = max(0, min(255, round(share * 255)))
    if value < 255:
        surface.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)


def mix(current: pygame.Surface, previous: pygame.Surface, kind: str, progress: float) -> None:
    """Blend `previous` into `current` (which holds the new scene) in place."""
    old, new, white = weights(kind, progress)
    if old <= 0.0 and white <= 0.0:
        return
    if new <= 0.0 and white <= 0.0:
        current.blit(previous, (0, 0))
        return
    _scale(current, new)
    if old > 0.0:
        _scale(previous, old)
        current.blit(previous, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    if white > 0.0:
        level = round(white * 255)
        current.fill((level, level, level), special_flags=pygame.BLEND_RGB_ADD)
