"""Still layers over a split layer's moving part (a mammoth and a haze's veil over the tar's
ripples), kept in a cover over the scene's background and drawn again each frame only where
the moving part paints: the layer says where (`moving_area`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import takewhile

import pygame

from installation.visuals.background import Background, Spares, is_split, is_still
from installation.visuals.base import Layer


@dataclass(frozen=True)
class Cover:
    """The covered layers (`count` of them, from layer `first`), kept composited over the
    background in `kept`; `split`: the last of them if only its still part is kept there;
    `moving`: where the split layer under them paints every frame."""

    kept: Background
    first: int
    count: int
    split: int | None
    moving: pygame.Rect

    @property
    def covered(self) -> range:
        return range(self.first, self.first + self.count)


def cover_over(layers: Sequence[Layer | None], plain: Sequence[bool], split: int | None,
               background: Background | None, spares: Spares) -> Cover | None:
    """A cover for the still layers right after the background's `split` one (the last it
    keeps), if that says where its moving part paints; the last covered may be split itself
    (its moving part drawn every frame after). `plain`: which layers are drawn as they are
    (no opacity or blend). None: nothing to cover, or a background in depth planes."""
    where = getattr(layers[split], "moving_area", None) if split is not None else None
    if where is None or split is None or type(background) is not Background:
        return None
    first = split + 1
    count = sum(1 for _ in takewhile(is_still, layers[first:]))
    last = None
    if first + count < len(layers) and is_split(layers[first + count]) and plain[first + count]:
        last, count = first + count, count + 1
    if not count or not all(plain[first:first + count]):
        return None
    moving: pygame.Rect = where()
    width, height = background.surface.get_size()
    band = moving.width == width and moving.bottom == height  # (kept: the rows above it)
    kept = Background((width, height), background.opaque, background, first, spares,
                      pygame.Rect(0, 0, width, moving.top) if band else None)
    return Cover(kept, first, count, last, moving)


def lay_covered(surface: pygame.Surface, cover: pygame.Surface, under: pygame.Surface,
                area: pygame.Rect | None) -> None:
    """The cover, but in `area` the background under it (where the covered layers are drawn
    again, over the moving part: none of them twice); a band across the picture is laid
    from each apart, no pixel twice."""
    width, height = surface.get_size()
    if area is None:
        surface.blit(cover, (0, 0))
        return
    if area.left > 0 or area.right < width:
        surface.blit(cover, (0, 0))
    else:
        for rows in (pygame.Rect(0, 0, width, area.top),
                     pygame.Rect(0, area.bottom, width, height - area.bottom)):
            if rows.height > 0:
                surface.blit(cover, rows, rows)
    surface.blit(under, area, area)
