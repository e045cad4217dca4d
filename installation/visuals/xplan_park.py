"""Park La Brea's lawns at night round the towers: the city's glow in the haze at the park's far
edge and its lights beyond, the grass darkening towards the viewer, lamps along the paths."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, hash01, mix, scaled
from installation.visuals.glow import radial
from installation.visuals.xplan_geometry import View, _inside

GLOW = (112, 74, 80)  # the city's light in the haze at the park's far edge
GLOW_SHARE = 0.8  # how much of that glow the lawn's far edge takes
LAWN = (30, 38, 36)  # the grass at night, in the glow of the lamps and the city...
LAWN_SHARE = 0.6  # ...this much of it over the park's colour (all of it: a black band)
FADE = 0.85  # the glow fades over this share of the lawn's depth in the picture, then the grass
BANDS = 48  # steps of that fading (of the lawn's height in the picture: a few pixels each)
CITY = (255, 214, 160), (210, 220, 255)  # the far city's lights: sodium, mercury
CITY_LIGHTS = 90  # specks of it along the park's far edge
LAMP = (255, 200, 130)  # a path lamp's globe
LAMP_HIGH = 1.3  # storeys: a lamp's post
LAMP_ROWS = (135.0, 165.0, 200.0, 245.0)  # storeys away: the paths across the park
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


def paint_park(image: pygame.Surface, view: View, band: tuple[int, int], park: Color) -> None:
    """The lawn from its far edge `band[1]` (picture rows; `image` starts at `band[0]`) down:
    the city's glow in its haze far off, the grass darker near, the city's lights beyond."""
    top, edge = band
    tall = image.get_height() + top - edge
    grass = mix(park, LAWN, LAWN_SHARE)
    far = mix(grass, GLOW, GLOW_SHARE)
    step = max(1, tall // BANDS)
    for y in range(0, tall, step):
        t = min(1.0, y / max(1.0, FADE * tall))
        image.fill((*mix(far, grass, t ** 0.6), 255), (0, edge - top + y, image.get_width(), step))
    for n in range(CITY_LIGHTS):
        x = round(hash01(n, 71) * image.get_width())
        y = edge - top + round(hash01(n, 72) ** 2 * 3)
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


def paint_lamps(image: pygame.Surface, found: list[Lamp], top: int,
                before: list[tuple[float, list[Outline]]]) -> None:
    """Each lamp not behind a tower: its pool of light on the grass, its post, its globe's
    glow (`before`: each tower's core distance and its walls' outlines)."""
    for lamp in found:
        (x, y), storey = lamp.foot, lamp.storey
        post = pygame.Rect(round(x), round(y - LAMP_HIGH * storey), max(1, round(storey / 14)),
                           round(LAMP_HIGH * storey))
        if any(lamp.z > z - CLEAR and any(_inside(spot, outline) for outline in outlines
                                          for spot in ((x, y), (x, post.top)))
               for z, outlines in before):
            continue
        wide = max(4, round(POOL_WIDE * storey))
        pool = pygame.transform.smoothscale(radial(32, scaled(LAMP, POOL), 1.5),
                                            (wide, max(2, wide // 5)))
        image.blit(pool, pool.get_rect(center=(round(x), round(y) - top)),
                   special_flags=pygame.BLEND_RGB_ADD)
        image.fill((*POST, 255), post.move(0, -top))
        halo = radial(max(2, round(HALO * storey / 2)), LAMP, 2.2, core=0.18)
        image.blit(halo, halo.get_rect(center=(post.centerx, post.top - top)),
                   special_flags=pygame.BLEND_RGB_ADD)

