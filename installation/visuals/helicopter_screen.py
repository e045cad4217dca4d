"""The helicopter's cone laid on the picture as a screen, not an add: its bands made a picture
of light (`searchlight.light_pieces`: its alpha its brightest channel) laid premultiplied, in one
pass, so what it falls on keeps (255 - that) / 255 of itself and the sum stays under white:
the May Company's gold drum, already bright, glows brighter gold under the cone and never
clips to a flat white patch; over the dark sky and lot it is the add it was, near enough."""

from __future__ import annotations

from collections.abc import Generator

import pygame

from installation.visuals.searchlight import light_pieces

LIGHT_PIXELS = 150_000  # of the cone made a light in one piece of its building (~3 ms loaded)


def lights(cone: pygame.Surface, bands: list[pygame.Surface]
           ) -> Generator[None, None, list[pygame.Surface]]:
    """The cone's `bands` (pieces of the opaque `cone`) as pieces of one picture of its light,
    made in pieces of about LIGHT_PIXELS."""
    light = yield from light_pieces(cone, LIGHT_PIXELS)
    return [light.subsurface((band.get_offset(), band.get_size())) for band in bands]


def screen(surface: pygame.Surface, lights: list[pygame.Surface],
           places: list[tuple[int, int]]) -> None:
    """Lay the cone's bands of light (see `lights`) on `surface` at `places`."""
    surface.fblits(list(zip(lights, places, strict=True)), pygame.BLEND_PREMULTIPLIED)
