"""The near counter of a coffee shop, seen from behind it: a boomerang formica top with a chrome
nose, a cup at each place, a pie case and a coffee urn (drawn over the people sitting at it),
the shelf under it in its shadow."""

from __future__ import annotations

import math
from collections.abc import Generator
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.counter_shelf import shelf
from installation.visuals.shares import Box, box, vertical

Cutout = tuple[pygame.Surface, tuple[int, int]]  # a picture and where it goes

CHROME = (196, 200, 206)
FORMICA = (224, 214, 192)
COUNTER_EDGE, COUNTER_NOSE, COUNTER_FOOT = 0.8, 0.885, 0.91  # far edge, chrome nose, its foot
BOOMERANGS: tuple[Color, ...] = ((62, 170, 160), (224, 96, 110), (52, 48, 50), (232, 178, 60))
BOOMERANG_COUNT = 150
BOOMERANG_FADE = 0.55  # the pattern's inks half lost in the formica's cream: as thin bright lines
#                        in full colour they read as party streamers strewn on the counter
FLECK = (196, 164, 92)  # the gold flecks between them
FLECK_COUNT = 500
UNDER = (26, 20, 20)  # the counter's dark underside on the near side
# The coffee urn on the counter, near the right: as tall as five cups (a drum twice its width
# read as a tower), its lid well below the heads of the people running along the aisle behind
# it (at 0.5, a runner's head passing over it sat on its lid: a head-urn).
URN: Box = (0.89, 0.6, 0.97, 0.86)
PIE_CASE: Box = (0.655, 0.796, 0.8, 0.884)  # low: its glass stands below the far edge
CUPS = (0.19, 0.31, 0.37, 0.52, 0.63)  # a cup before each customer (they face left), where each
#                                       put it down: evenly spaced, they read as a display
CUP = (244, 240, 230)
CUP_AT = COUNTER_EDGE + 0.03  # the cups' feet, of the picture's height
TIPS = 4  # the cup of CUPS knocked over in the rush (see diner_after): the counter bare under it
GLASS_TINT = 70  # the pie dome's glass over what is behind it (alpha)
OPAQUE = 255


def counter(size: tuple[int, int], light: Color, rng: Any
            ) -> Generator[None, None, tuple[list[Cutout], Cutout]]:
    """The counter in steps; returns one opaque band below its far edge and the few things
    standing above it as small cut-outs, so drawing it every frame costs little; and the
    counter bare where the cup TIPS stands (to take it away when it is knocked over)."""
    width, height = size
    front = pygame.Surface(size, pygame.SRCALPHA)
    edge, nose, foot = (round(y * height) for y in (COUNTER_EDGE, COUNTER_NOSE, COUNTER_FOOT))
    front.blit(vertical(pygame.Rect(0, 0, width, nose - edge), scaled(FORMICA, 0.78),
                        mix(FORMICA, light, 0.2)), (0, edge))
    for _ in range(FLECK_COUNT):
        x, y = rng.uniform(0, width), rng.uniform(edge + 1, nose - 1)
        front.fill((*mix(FLECK, FORMICA, 0.4), 255), (round(x), round(y), 2, 1))
    for _ in range(BOOMERANG_COUNT):
        _boomerang(front, rng, edge, nose)
    yield
    front.blit(vertical(pygame.Rect(0, 0, width, foot - nose), (236, 236, 240), (92, 94, 100)),
               (0, nose))
    front.blit(vertical(pygame.Rect(0, 0, width, height - foot), scaled(UNDER, 1.4), UNDER),
               (0, foot))
    front.fill((*scaled(CHROME, 0.9), 255), (0, edge - 1, width, max(2, height // 360)))
    unit = cup_unit(height)
    under = cup_box(round(CUPS[TIPS] * width), round(CUP_AT * height), unit)
    bare = (front.subsurface(under).copy(), under.topleft)
    for x in CUPS:
        cup(front, round(x * width), round(CUP_AT * height), unit)
    _pie_case(front)
    yield
    _urn(front)
    yield
    shelf(front, foot, light, rng)
    yield
    return (yield from _cut(front, edge)), bare


def cup_unit(height: int) -> int:
    """A cup's unit on the near counter of a picture `height` tall (a cup is 6 wide)."""
    return max(2, height // 110)


def cup_box(x: int, y: int, unit: int) -> pygame.Rect:
    """All that `cup` draws for a cup at x, y (its saucer, its handle)."""
    return pygame.Rect(x - 4 * unit, y - 4 * unit, 9 * unit, 5 * unit + 2)


def _boomerang(front: pygame.Surface, rng: Any, edge: int, nose: int) -> None:
    """One boomerang of the formica's pattern, a small filled crescent in a faded ink, squashed
    by the low view (nearer, larger)."""
    width = front.get_width()
    x, y = rng.uniform(0, width), rng.uniform(edge + 2, nose - 2)
    size = (0.5 + 0.7 * (y - edge) / max(1, nose - edge)) * width / 130
    angle = rng.uniform(0, 2 * math.pi)
    color = mix(BOOMERANGS[rng.randrange(len(BOOMERANGS))], FORMICA, BOOMERANG_FADE)
    outer, inner = [], []
    for t in np.linspace(-1.0, 1.0, 9):
        bend = angle + t * 1.1
        thick = 1.0 - 0.45 * (1.0 - t * t)  # widest in the elbow, pointed at the tips
        outer.append((x + math.cos(bend) * size, y + math.sin(bend) * size * 0.35))
        inner.append((x + math.cos(bend) * size * thick, y + math.sin(bend) * size * 0.35 * thick))
    pygame.draw.polygon(front, (*color, 255), outer + inner[::-1])


def cup(front: pygame.Surface, x: int, y: int, unit: int) -> None:
    """A thick white coffee cup on its saucer (its foot at x, y; 6 units wide), coffee in it."""
    pygame.draw.ellipse(front, (238, 234, 224, 255), (x - 3 * unit, y - unit // 2, 6 * unit,
                                                      unit + 1))
    pygame.draw.rect(front, (*CUP, 255), (x - 2 * unit, y - 3 * unit, 4 * unit, 3 * unit),
                     border_bottom_left_radius=unit, border_bottom_right_radius=unit)
    pygame.draw.ellipse(front, (60, 38, 28, 255), (x - 2 * unit, y - 3 * unit - unit // 3,
                                                   4 * unit, unit))
    pygame.draw.circle(front, (*CUP, 255), (x + 2 * unit + unit // 2, y - 2 * unit), unit,
                       max(1, unit // 3))


def _pie_case(front: pygame.Surface) -> None:
    """A glass dome on a stand, a pie under it with a slice gone."""
    rect = box(PIE_CASE, front.get_size())
    stand = max(2, rect.height // 12)
    base = rect.bottom - stand
    pygame.draw.rect(front, (*CHROME, 255), (rect.centerx - rect.width // 10, base,
                                             rect.width // 5, stand))
    pygame.draw.ellipse(front, (*CHROME, 255), (rect.left, base - stand, rect.width, stand))
    pie = pygame.Rect(rect.left + rect.width // 8, base - 4 * stand, rect.width * 3 // 4,
                      2 * stand)
    pygame.draw.ellipse(front, (150, 92, 44, 255), pie.move(0, stand))  # the crust's side
    front.fill((150, 92, 44, 255), (pie.left, pie.centery, pie.width, stand))
    pygame.draw.ellipse(front, (196, 130, 62, 255), pie)
    pygame.draw.ellipse(front, (226, 170, 90, 255), pie.inflate(-stand, -stand // 2))
    pygame.draw.polygon(front, (150, 52, 60, 255), [pie.center, (pie.right - stand, pie.top),
                                                    (pie.right, pie.centery),
                                                    (pie.right, pie.centery + stand),
                                                    (pie.centerx, pie.centery + stand)])
    dome = pygame.Rect(rect.left, rect.top, rect.width, 2 * (base - stand - rect.top))
    glass = pygame.Surface(dome.size, pygame.SRCALPHA)
    pygame.draw.ellipse(glass, (220, 230, 236, GLASS_TINT), glass.get_rect())
    pygame.draw.ellipse(glass, (236, 240, 244, 170), glass.get_rect(), max(2, stand // 2))
    pygame.draw.arc(glass, (255, 255, 255, 220), glass.get_rect().inflate(-stand, -stand),
                    1.9, 2.6, max(2, stand // 2))
    front.blit(glass, dome.topleft, (0, 0, dome.width, dome.height // 2))
    pygame.draw.circle(front, (*CHROME, 255), (dome.centerx, dome.top), max(2, stand // 2))


def _urn(front: pygame.Surface) -> None:
    """A tall chrome coffee urn: a shining drum, a domed lid, a gauge glass and a tap."""
    rect = box(URN, front.get_size())
    lid = rect.height // 8
    across = np.linspace(-1.0, 1.0, rect.width)
    shine = np.clip(np.cos(across * 1.3) ** 0.6 + 0.6 * np.exp(-((across + 0.45) / 0.1) ** 2),
                    0, 1.4)
    column = np.array(CHROME, float)[None, None, :] * (0.35 + 0.55 * shine)[:, None, None]
    rgb = np.clip(column * np.ones((1, rect.height - lid - lid // 2, 1)), 0, 255)
    front.blit(pygame.surfarray.make_surface(rgb.astype(np.uint8)), (rect.left, rect.top + lid))
    pygame.draw.ellipse(front, (*scaled(CHROME, 0.9), 255), (rect.left, rect.top + lid // 3,
                                                             rect.width, lid * 4 // 3))
    pygame.draw.circle(front, (40, 36, 34, 255), (rect.centerx, rect.top + lid // 3),
                       max(2, lid // 3))
    foot = pygame.Rect(rect.left - rect.width // 10, rect.bottom - lid // 2, rect.width * 6 // 5,
                       lid // 2)
    pygame.draw.rect(front, (*scaled(CHROME, 0.7), 255), foot, border_radius=lid // 6)
    gauge = pygame.Rect(rect.left + rect.width // 5, rect.top + lid * 2,
                        max(2, rect.width // 14), rect.height // 2)
    front.fill((70, 40, 24, 255), gauge)
    front.fill((36, 20, 14, 255), gauge.inflate(0, -gauge.height // 2).move(0, gauge.height // 4))
    tap = (rect.centerx, rect.bottom - lid * 2)
    pygame.draw.rect(front, (24, 22, 22, 255), (tap[0] - lid // 3, tap[1], 2 * lid // 3, lid // 3))
    pygame.draw.rect(front, (*scaled(CHROME, 0.8), 255), (tap[0] - lid // 8, tap[1] + lid // 3,
                                                          lid // 4, lid // 2))


def _cut(front: pygame.Surface, edge: int) -> Generator[None, None, list[Cutout]]:
    """The band below the far edge as an opaque picture (with any opaque rows over the edge,
    its chrome: a cut-out spanning them would join everything above into one wide box of
    mostly nothing), the things above it as cut-outs (in two pieces)."""
    width, height = front.get_size()
    alpha = pygame.surfarray.pixels_alpha(front)
    while edge > 0 and alpha[:, edge - 1].min() == OPAQUE:
        edge -= 1
    del alpha  # unlocks the surface
    band = pygame.Surface((width, height - edge))
    band.blit(front, (0, 0), (0, edge, width, height - edge))
    cutouts: list[Cutout] = [(band, (0, edge))]
    yield
    shown = _standing(front, edge)  # all that stands above the edge: the rest is clear
    yield
    above = front.subsurface(shown)
    for rect in pygame.mask.from_surface(above, 0).get_bounding_rects():
        cutouts.append((above.subsurface(rect).copy(), rect.move(shown.topleft).topleft))
    return cutouts


def _standing(front: pygame.Surface, edge: int) -> pygame.Rect:
    """The box round everything not clear above row `edge` (its things are found in it
    alone: a third of the time of looking over the whole width)."""
    alpha = pygame.surfarray.pixels_alpha(front)[:, :edge]
    columns, rows = np.flatnonzero(alpha.any(axis=1)), np.flatnonzero(alpha.any(axis=0))
    del alpha  # unlocks the surface
    if not len(columns):
        return pygame.Rect(0, 0, 0, 0)
    return pygame.Rect(int(columns[0]), int(rows[0]), int(columns[-1] - columns[0]) + 1,
                       int(rows[-1] - rows[0]) + 1)
