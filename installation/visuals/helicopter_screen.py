"""The helicopter's cone laid on the picture as a screen, not an add: what it falls on is
brightened by the light's share of the headroom left (a + c (255 - a) / 255, laid as the
picture dimmed by 255 - c, then c added), so the May Company's gold drum, already bright, glows
brighter gold under the cone and never clips to a flat white patch; over the dark sky and lot
it is the add it was, near enough."""

from __future__ import annotations

import pygame

WHITE = (255, 255, 255)


def headroom(bands: list[pygame.Surface]) -> list[pygame.Surface]:
    """Each band of the cone's light `c` as 255 - c: what the picture under it is multiplied
    by before the light is added."""
    out = []
    for band in bands:
        dim = pygame.Surface(band.get_size())
        dim.fill(WHITE)
        dim.blit(band, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
        out.append(dim)
    return out


def screen(surface: pygame.Surface, bands: list[pygame.Surface], dims: list[pygame.Surface],
           places: list[tuple[int, int]]) -> None:
    """Lay the cone's `bands` (their `headroom` in `dims`) on `surface` at `places`."""
    surface.fblits(list(zip(dims, places, strict=True)), pygame.BLEND_RGB_MULT)
    surface.fblits(list(zip(bands, places, strict=True)), pygame.BLEND_RGB_ADD)
