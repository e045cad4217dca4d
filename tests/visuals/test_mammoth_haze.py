"""As the sun comes back (10:30) the mother in the tar stays solid dark until she has gone under:
the night's haze lies behind her, not over her (drawn over her, it faded her crown and tusk into
the fog as she went under at 10:41 while the calf stayed sharp: a ghost at the day's climax)."""

from __future__ import annotations

import pygame

from .helpers import draw
from .test_mammoth_head import shipped

SIZE = (960, 540)
HER = (0.4, 0.6, 0.22, 0.2)  # where she shows, in shares of the picture: left, top, wide, tall
DARK = 30  # her darkest pixel, as she goes under: no channel above this (her coat: #0b0b0d;
# main, hazed: 99 at 10:33, 92 at 10:41)


def darkest(at: str) -> int:
    left, top, wide, tall = HER
    box = pygame.Rect(round(left * SIZE[0]), round(top * SIZE[1]), round(wide * SIZE[0]),
                      round(tall * SIZE[1]))
    pixels = pygame.surfarray.array3d(draw(shipped(), at, size=SIZE).subsurface(box))
    return int(pixels.max(axis=2).min())


def test_she_stays_solid_dark_as_she_goes_under() -> None:
    seen = {at: darkest(at) for at in ("10:33", "10:38", "10:41")}
    assert all(value <= DARK for value in seen.values()), seen
    assert darkest("10:45") > DARK, "gone under by 10:45: nothing of her dark left"
