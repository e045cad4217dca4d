"""Where a street built for one light shows above the horizon: boxes round its buildings, lamp
posts and signs (everything else there is see-through), so a change of light paints only them
and the ground again, never the sky between."""

from __future__ import annotations

import numpy as np
import pygame

STRIPS = 30  # boxes across the picture (64 columns each at 1920): each as high as its highest


def outline(image: pygame.Surface, horizon: int) -> tuple[pygame.Rect, ...]:
    """Boxes that hold every pixel of `image` (per-pixel alpha) above `horizon` that is not
    wholly see-through: a strip of 1/STRIPS of the columns a box, from its highest such pixel
    down to the horizon (none for a strip with none)."""
    width = image.get_width()
    strip = max(1, width // STRIPS)
    alpha = pygame.surfarray.pixels_alpha(image)
    try:
        seen = alpha[:, :horizon] > 0
    finally:
        del alpha  # (the surface stays locked while its pixels are referenced)
    any_seen = seen.any(axis=1)
    first = np.where(any_seen, seen.argmax(axis=1), horizon)
    boxes = []
    for left in range(0, width, strip):
        top = int(first[left:left + strip].min())
        if top < horizon:
            boxes.append(pygame.Rect(left, top, min(strip, width - left), horizon - top))
    return tuple(boxes)
