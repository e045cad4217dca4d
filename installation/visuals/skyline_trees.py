"""Hancock Park's trees in front of the skyline's feet (its `trees` key): a belt of broad
crowns massed in round clumps, shaded under and lit on top, the city's towers over them and
in its few gaps."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pygame

from installation.visuals.skyline_palms import Palm

CROWN = (0.26, 0.4)  # a crown's half width, of the belt's height: the least and the most
PITCH = (1.0, 1.5)  # crowns this many half widths apart along the belt
GAP = 0.1  # share of the places along it left open (the lawn: the city's feet show)
TOPS = (0.7, 1.0)  # a crown's top, of the belt's height
CLUMPS = (6, 9)  # round clumps a crown is massed in (its rim broken by them)...
CLUMP = (0.3, 0.5)  # ...each this much of the crown's half width across...
SPREAD = (0.8, 1.1)  # ...their middles within this much of it either side and down
UNDERSTOREY = 0.4  # of the belt's height: the crowns run together below this, in shade
DEEP, SHADE, LIT = 120, 160, 235  # the shade under the crowns, a clump's underside and its
# top (grey: tinted by the day's colour)
TONE = (0.82, 1.0)  # each tree this much of those (neighbours differ)
LIT_SIZE, LIT_UP = 0.7, 0.3  # a clump's lit top: its radius and how far up it stands, of
# the clump's radius
SUPERSAMPLE = 2  # drawn this much larger, then made small (soft edges)
PER_PIECE = 12  # crowns drawn a piece


def park_trees(rng: Any, width: int, tall: int,
               foot: int) -> Generator[None, None, list[Palm]]:
    """The belt along the whole width, `tall` pixels high, standing on the row `foot` of the
    towers' picture: one picture, white to light grey (to be tinted), a few pieces."""
    if tall < 2:
        return []
    big = pygame.Surface((width * SUPERSAMPLE, tall * SUPERSAMPLE), pygame.SRCALPHA)
    x, count = -CROWN[1] * tall * rng.random(), 0
    while x < width + CROWN[1] * tall:
        half = tall * rng.uniform(*CROWN)
        if rng.random() >= GAP:
            _crown(big, rng, (x, tall * (1 - rng.uniform(*TOPS))), half)
            count += 1
            if count % PER_PIECE == 0:
                yield
        x += half * rng.uniform(*PITCH)
    low = round(tall * (1 - UNDERSTOREY) * SUPERSAMPLE)
    under = pygame.Surface((big.get_width(), big.get_height() - low), pygame.SRCALPHA)
    under.fill((DEEP, DEEP, DEEP, 255))
    big.blit(under, (0, low), special_flags=pygame.BLEND_RGBA_MAX)
    yield
    picture = pygame.transform.smoothscale(big, (width, tall))
    rect = picture.get_rect(bottomleft=(0, foot))
    return [Palm(picture, rect)]


def _crown(big: pygame.Surface, rng: Any, top: tuple[float, float], half: float) -> None:
    """One crown whose top's middle is at `top` (the belt's pixels), `half` wide each side:
    its clumps, each shaded under with its lit top over it."""
    x, y = top
    tone = rng.uniform(*TONE)
    for _ in range(rng.randint(*CLUMPS)):
        radius = half * rng.uniform(*CLUMP)
        cx = x + half * SPREAD[0] * rng.uniform(-1, 1)
        cy = y + radius + half * SPREAD[1] * rng.random() ** 1.5
        _disc(big, (cx, cy), radius, round(SHADE * tone))
        _disc(big, (cx, cy - LIT_UP * radius), LIT_SIZE * radius, round(LIT * tone))


def _disc(big: pygame.Surface, middle: tuple[float, float], radius: float, grey: int) -> None:
    """A round clump on the large picture, `grey` over whatever is lighter under it kept
    (a lit top is never darkened by a clump drawn after it)."""
    s = SUPERSAMPLE
    size = max(2, round(2 * radius * s))
    disc = pygame.Surface((size, size), pygame.SRCALPHA)
    pygame.draw.circle(disc, (grey, grey, grey, 255), (size / 2, size / 2), size / 2)
    big.blit(disc, (round(middle[0] * s - size / 2), round(middle[1] * s - size / 2)),
             special_flags=pygame.BLEND_RGBA_MAX)
