"""How one scene gives way to the next: cut, crossfade, dip to black or white, flash."""

from __future__ import annotations

import pygame

from installation.visuals.base import clamp01

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


def level(share: float) -> int:
    """A share of the picture (0..1) as the 0..255 level it is multiplied by."""
    return max(0, min(255, round(share * 255)))


def scale(surface: pygame.Surface, share: float) -> None:
    """Dim the picture to `share` of its brightness, in place."""
    value = level(share)
    if value < 255:
        surface.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)


def add_white(surface: pygame.Surface, white: float) -> None:
    """Add a share of white light to the picture, in place."""
    value = level(white)
    if value > 0:
        surface.fill((value, value, value), special_flags=pygame.BLEND_RGB_ADD)
