"""A picture cut again (see softcut) after only its colours changed: its alpha, so which of its
pixels are solid, clear or soft, is what it was when it was first cut, and the keyed copy is made
with the mask of its clear pixels kept from then, its soft pieces the same stretches."""

from __future__ import annotations

from collections.abc import Generator
from typing import NamedTuple

import numpy as np
import pygame

from installation.visuals.softcut import KEY, SoftCut

SOLID = 254  # alpha above this: a solid pixel (as softcut finds them)


class Shape(NamedTuple):
    """Where a cut picture is not solid (keyed out of its copy), and its soft pieces."""

    clear: pygame.mask.Mask
    soft: list[pygame.Rect]


def shape_of(image: pygame.Surface, picture: SoftCut) -> Shape | None:
    """The shape of `picture`, cut from `image` (None if it could not be cut)."""
    if picture.solid is image:
        return None
    clear = pygame.mask.from_surface(image, SOLID)
    clear.invert()
    return Shape(clear, [pygame.Rect(piece.get_offset(), piece.get_size())
                         for piece, _at in picture.soft])


def cut_again(image: pygame.Surface, keyed: pygame.Surface,
              shape: Shape) -> Generator[None, None, SoftCut]:
    """`image`, whose alpha is that of the picture `shape` was found on and none of whose solid
    pixels has the key's colour (see `key_value`), cut onto `keyed` in two steps: the copy,
    then its other pixels keyed out. The same pixels as `soft_cutting` makes."""
    keyed.set_colorkey(None)
    keyed.blit(image, (0, 0))  # the solid pixels exactly (the others are keyed out next)
    yield
    shape.clear.to_surface(keyed, setcolor=KEY, unsetcolor=None)
    keyed.set_colorkey(KEY, pygame.RLEACCEL)
    return SoftCut(keyed, [(image.subsurface(rect), rect.topleft) for rect in shape.soft])


def key_value(image: pygame.Surface) -> np.uint32:
    """A solid pixel of the key's colour as a 32-bit pixel of `image` (to look for in packed
    pixels: such a picture cannot be cut)."""
    *colour_shifts, alpha_shift = image.get_shifts()
    value = 255 << alpha_shift
    for level, shift in zip(KEY, colour_shifts, strict=True):
        value |= level << shift
    return np.uint32(value)
