"""Smooth scaling, soft glows and blurs of large opaque pictures, a band of them a piece.

pygame's smoothscale scales across first (each row alone), then up or down (each column
alone), through a picture of bytes between the two. So a band of rows scaled across, and then
a strip of columns of that scaled up or down, gives the same bytes as the whole picture scaled
at once; a full frame's scaling (several milliseconds) becomes pieces of a millisecond or so.
"""

from __future__ import annotations

from collections.abc import Callable, Generator

import pygame

from installation.visuals.base import Color, Pieces, chunks
from installation.visuals.glow import BLUR_STEPS, RADIAL_DETAIL, radial

ROWS = 120  # rows scaled across in one piece
COLUMNS = 240  # columns scaled up or down in one piece
Into = Callable[[pygame.Surface, tuple[int, int]], None]  # lays a strip of a result at its place


def across(surface: pygame.Surface, width: int) -> Generator[None, None, pygame.Surface]:
    """smoothscale(surface, (width, its height)) of an opaque surface, a band of rows a piece."""
    assert not surface.get_flags() & pygame.SRCALPHA, "bands are laid by plain blits"
    old, height = surface.get_size()
    if old == width:
        return surface
    out = pygame.Surface((width, height), 0, surface)
    for rows in chunks(height, ROWS):
        band = surface.subsurface((0, rows.start, old, rows.stop - rows.start))
        out.blit(pygame.transform.smoothscale(band, (width, band.get_height())), (0, rows.start))
        yield
    return out


def upright(surface: pygame.Surface, height: int, into: Into) -> Pieces:
    """smoothscale(surface, (its width, height)), a strip of columns a piece, each strip of
    the result given to `into` with where it goes."""
    width, old = surface.get_size()
    for columns in chunks(width, COLUMNS):
        strip = surface.subsurface((columns.start, 0, columns.stop - columns.start, old))
        if old != height:
            strip = pygame.transform.smoothscale(strip, (strip.get_width(), height))
        into(strip, (columns.start, 0))
        yield


def smoothscaled(surface: pygame.Surface, size: tuple[int, int], into: Into) -> Pieces:
    """smoothscale(surface, size) of an opaque surface in pieces, given to `into` a strip of
    columns at a time (no picture of the whole size is made)."""
    wide = yield from across(surface, size[0])
    yield from upright(wide, size[1], into)


def laid(target: pygame.Surface, at: tuple[int, int], flags: int = 0) -> Into:
    """An `into` that blits each strip onto `target` (with `flags`), the whole laid at `at`."""

    def lay(strip: pygame.Surface, where: tuple[int, int]) -> None:
        target.blit(strip, (at[0] + where[0], at[1] + where[1]), special_flags=flags)

    return lay


def added(target: pygame.Surface, at: tuple[int, int]) -> Into:
    """An `into` that adds each strip onto `target` (BLEND_RGB_ADD), the whole laid at `at`."""
    return laid(target, at, pygame.BLEND_RGB_ADD)


def soft_glow(radius: int, color: Color, power: float, into: Into) -> Pieces:
    """glow.radial(radius, color, power) (no core) in pieces, given to `into` a strip of
    columns at a time: a big glow is computed small and enlarged, a piece at a time."""
    if radius <= RADIAL_DETAIL:
        into(radial(radius, color, power), (0, 0))
        return
    yield from smoothscaled(radial(RADIAL_DETAIL, color, power), (2 * radius, 2 * radius), into)


def blurred(surface: pygame.Surface, factor: int, into: Into) -> Pieces:
    """glow.blur(surface, factor) of an opaque surface in pieces, given to `into` a strip of
    columns at a time. The surface is painted over (it holds the blur between passes)."""
    width, height = surface.get_size()
    small = (max(1, width // factor), max(1, height // factor))
    keep = laid(surface, (0, 0))
    for n in range(BLUR_STEPS):
        narrow = yield from across(surface, small[0])
        shrunk = pygame.transform.smoothscale(narrow, small)  # up or down only: a few rows
        yield from smoothscaled(shrunk, (width, height), into if n == BLUR_STEPS - 1 else keep)
