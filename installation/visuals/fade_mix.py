"""A fade's frame: each scene dimmed to its share and the two added, or the new one premultiplied
and laid over the old in one pass, and white light added (dips and the flash)."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color
from installation.visuals.transitions import UNSHADED, WHITE, Draw, level, light_color, shares

WHITE_ROWS = 30  # a dip through white is laid in bands of this many rows, all alike


def scale(surface: pygame.Surface, share: float) -> None:
    """Dim the picture to `share` of its brightness, in place."""
    value = level(share)
    if value < 255:
        surface.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)


def add_white(surface: pygame.Surface, white: float, area: pygame.Rect | None = None,
              color: Color = WHITE) -> None:
    """Add a share of white light (or light of `color`) to the picture (or to `area` of it),
    in place."""
    if level(white) > 0:
        surface.fill(tinted(color, white), area, special_flags=pygame.BLEND_RGB_ADD)


def tinted(color: Color, white: float) -> Color:
    """A share of a light's colour, as the levels added."""
    r, g, b = (level(white * channel / 255) for channel in color)
    return r, g, b


def blend(surface: pygame.Surface, spare: pygame.Surface, kind: str, progress: float,
          draw_old: Draw, draw_new: Draw) -> None:
    """The transition's frame in `surface` (`spare`, of the same size, is scribbled on): each
    scene drawn at its share and the two added; a scene whose share rounds to nothing is not
    drawn. (Two multiplies and an add cost ~3 opaque blits; one alpha blend of the new over
    the old ~4.)"""
    old, new, white = shares(kind, progress)
    white = 0.0 if kind in UNSHADED else white  # (the compositor lays it over the post)
    color = light_color(kind)
    if level(new) == 0:  # only the scene being left shows (or nothing, mid-dip)
        if level(old) == 0:
            surface.fill((0, 0, 0))
            add_white(surface, white, color=color)
        else:
            draw_old(surface)
            light(surface, old, white, color)
    elif level(old) == 0:
        draw_new(surface)
        light(surface, new, white, color)
    else:
        draw_new(surface)
        scale(surface, new)
        draw_old(spare)
        scale(spare, old)
        surface.blit(spare, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        add_white(surface, white)


def light(surface: pygame.Surface, share: float, white: float, color: Color = WHITE) -> None:
    """Dim the picture to `share` of its brightness and add a share of white light (or light
    of `color`), in place: with both, one premultiplied blend of a band of the light laid down
    the picture (each pixel within a level of the multiply and the add; one pass over the
    picture, not two)."""
    value = level(share)
    if level(white) == 0 or value == 255:
        scale(surface, share)
        add_white(surface, white, color=color)
        return
    width, height = surface.get_size()
    band = pygame.Surface((width, min(WHITE_ROWS, height)), pygame.SRCALPHA)
    band.fill((*tinted(color, white), 255 - value))  # white over the rest: `value` of it shows
    surface.fblits([(band, (0, top)) for top in range(0, height, band.get_height())],
                   pygame.BLEND_PREMULTIPLIED)


def premultiply(surface: pygame.Surface, old_share: float, new_share: float) -> None:
    """Make the new scene's picture (drawn opaque on a surface with alpha) ready to be laid
    over the old one's by `lay_over`: its colour dimmed to its share and its alpha what it
    takes of the old scene (one pass, in place)."""
    new_value, old_value = level(new_share), level(old_share)
    surface.fill((new_value, new_value, new_value, 255 - old_value),
                 special_flags=pygame.BLEND_RGBA_MULT)


def lay_over(old: pygame.Surface, new: pygame.Surface, white: float) -> None:
    """A fade's frame, made over the old scene's picture: the new one (`premultiply`d)
    blended over it, each at its share in one pass (where both show the same pixel, within a
    level of it), then the white."""
    old.blit(new, (0, 0), special_flags=pygame.BLEND_PREMULTIPLIED)
    add_white(old, white)
