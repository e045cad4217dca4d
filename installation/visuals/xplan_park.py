"""Park La Brea's lawns at night round the towers: the grass darkening towards the viewer out of
the city's glow in the haze at the park's far edge (graded by how far off it lies), the trees
along that edge, the city's lights beyond, lamps along the paths."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, hash01, mix, scaled
from installation.visuals.glow import radial
from installation.visuals.xplan_geometry import EYE, View, _inside

GLOW = (42, 33, 60)  # the city's light in the haze at the park's far edge: the sky's glow low
# over the park as the scene begins (#271e3f at 04:35, warming to #523142 by 04:50: the ground
# stays under the brightening sky, never lighter than it)
GLOW_SHARE = 0.9  # how much of that glow the lawn's far edge takes (a mauve (95, 66, 71) far
# lawn, lighter than the sky over it, stood the towers on slabs)
LAWN = (30, 38, 36)  # the grass at night, in the glow of the lamps and the city...
LAWN_SHARE = 0.6  # ...this much of it over the park's colour (all of it: a black band)
HAZE_POWER = 1.5  # the glow's share grows as the power of how far off the grass is (between
# the picture's foot and the park's far edge): the haze thickens with distance, not by row
CITY = (255, 214, 160), (210, 220, 255)  # the far city's lights: sodium, mercury
CITY_LIGHTS = 90  # specks of it along the park's far edge
LAMP = (255, 200, 130)  # a path lamp's globe
LAMP_HIGH = 1.3  # storeys: a lamp's post
LAMP_ROWS = (67.5, 74.0, 100.0, 122.5)  # storeys away: the paths across the park (the
# second passes just in front of the clump of trees at the next tower's foot, 75-79 off, and
# its lamps light them; behind them, between the tower's wings, its lamps were hidden)
LAMP_PITCH = 7.0  # storeys between the lamps along a path
POOL = 0.5  # a lamp's pool of light on the grass: how bright, of the lamp
POOL_WIDE = 3.2  # storeys: the pool's width (its depth: flattened by the view)
HALO = 1.1  # storeys: a globe's glow's radius
POST = (16, 16, 22)
CLEAR = 6.0  # storeys: a lamp this much nearer than a tower's core is in front of it


Outline = list[tuple[float, float]]


@dataclass(frozen=True)
class Lamp:
    """A path lamp: where its foot stands on screen, how big a storey is there, how far off."""

    foot: tuple[float, float]
    storey: float
    z: float


def park_top(view: View, depths: list[float]) -> int:
    """Where the park's far edge falls: under the feet of the farthest towers."""
    return round(min(view.point(0.0, 0.0, z)[1] for z in depths)) - 1


@dataclass(frozen=True)
class Lawn:
    """The lawn's colour by how far off it lies: the grass (`near`) at the picture's foot
    (row `foot`), the glow (`far`) at the park's far edge (row `edge`)."""

    view: View
    edge: int
    foot: int
    near: Color
    far: Color

    def away(self, row: float) -> float:
        """How far off (storeys) the lawn at a picture row lies."""
        return self.view.focal * EYE / max(1.0, row - self.view.horizon)

    def shares(self, away: np.ndarray) -> np.ndarray:
        """The glow's share of the lawn that far off (0 at the foot, 1 at the far edge)."""
        low, high = self.away(self.foot), self.away(self.edge)
        return np.clip((away - low) / max(1e-6, high - low), 0.0, 1.0) ** HAZE_POWER

    def color(self, away: float) -> Color:
        """The lawn's colour `away` storeys off."""
        return mix(self.near, self.far, float(self.shares(np.array([away]))[0]))

    def column(self) -> pygame.Surface:
        """The lawn's colours down the picture from its far edge to its foot, one column."""
        rows = np.arange(self.edge, max(self.edge + 1, self.foot), dtype=float)
        away = self.view.focal * EYE / np.maximum(rows - self.view.horizon, 1.0)
        low, high = np.array(self.near, float), np.array(self.far, float)
        colors = np.rint(low + (high - low) * self.shares(away)[:, None]).astype(np.uint8)
        column = pygame.Surface((1, len(rows)))
        pygame.surfarray.blit_array(column, colors[None, :, :])
        return column


def lawn_of(view: View, band: tuple[int, int], foot: int, park: Color) -> Lawn:
    """The lawn from the park's far edge (`band`: the towers' picture's top row and the
    edge's) to the picture's foot (row `foot`), of the park's colour."""
    grass = mix(park, LAWN, LAWN_SHARE)
    return Lawn(view, band[1], foot, grass, mix(grass, GLOW, GLOW_SHARE))


def paint_park(image: pygame.Surface, lawn: Lawn, top: int) -> None:
    """The lawn from its far edge down (`image` starts at picture row `top`): the city's glow
    in its haze far off, the grass darker near, each row as far off as it lies; the city's
    lights beyond its far edge."""
    column = lawn.column()
    image.blit(pygame.transform.scale(column, (image.get_width(), column.get_height())),
               (0, lawn.edge - top))
    for n in range(CITY_LIGHTS):
        x = round(hash01(n, 71) * image.get_width())
        y = lawn.edge - top + round(hash01(n, 72) ** 2 * 3)
        light = mix(*CITY, hash01(n, 73))
        image.fill((*scaled(light, 0.5 + 0.5 * hash01(n, 74)), 255), (x, y, 1 + n % 2, 1))


def lamps(view: View, width: int, seed: int) -> list[Lamp]:
    """The path lamps in the picture, farthest first."""
    out = []
    for row, z in enumerate(sorted(LAMP_ROWS, reverse=True)):
        shift = hash01(seed, row) * LAMP_PITCH
        half = (view.centre + 40) * z / view.focal
        x = -half + shift
        while x < half:
            foot = view.point(x, 0.0, z)
            if 0 <= foot[0] < width:
                out.append(Lamp(foot, view.focal / z, z))
            x += LAMP_PITCH * (0.8 + 0.4 * hash01(seed, row, round(x)))
    return out


def seen_lamps(found: list[Lamp], before: list[tuple[float, list[Outline]]]) -> list[Lamp]:
    """The lamps `found` not behind a tower (`before`: each tower's core distance and its
    walls' outlines): only these are painted, and only these light the trees (a hidden lamp's
    light on a tree in front of the wall read as a glow with no lamp to make it)."""
    def behind(lamp: Lamp) -> bool:
        (x, y), high = lamp.foot, round(lamp.foot[1] - LAMP_HIGH * lamp.storey)
        return any(lamp.z > z - CLEAR and any(_inside(spot, outline) for outline in outlines
                                              for spot in ((x, y), (x, high)))
                   for z, outlines in before)
    return [lamp for lamp in found if not behind(lamp)]


def paint_lamps(image: pygame.Surface, found: list[Lamp], top: int) -> None:
    """Each lamp `found` (see seen_lamps): its pool of light on the grass, its post, its
    globe's glow."""
    for lamp in found:
        (x, y), storey = lamp.foot, lamp.storey
        post = pygame.Rect(round(x), round(y - LAMP_HIGH * storey), max(1, round(storey / 14)),
                           round(LAMP_HIGH * storey))
        wide = max(4, round(POOL_WIDE * storey))
        pool = pygame.transform.smoothscale(radial(32, scaled(LAMP, POOL), 1.5),
                                            (wide, max(2, wide // 5)))
        image.blit(pool, pool.get_rect(center=(round(x), round(y) - top)),
                   special_flags=pygame.BLEND_RGB_ADD)
        image.fill((*POST, 255), post.move(0, -top))
        halo = radial(max(2, round(HALO * storey / 2)), LAMP, 2.2, core=0.18)
        image.blit(halo, halo.get_rect(center=(post.centerx, post.top - top)),
                   special_flags=pygame.BLEND_RGB_ADD)

