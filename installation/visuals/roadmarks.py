"""The paint on Wilshire's asphalt, drawn with the road into the street's cached picture (it
costs nothing a frame): lane dashes and the double yellow line running to the vanishing point,
a crosswalk and a stop line near the viewer, the kerbs, a manhole cover. Wet paint and iron
pick up the streetlights' colour after dark."""

from __future__ import annotations

from typing import NamedTuple

import pygame

from installation.visuals.base import Color, Pieces, mix, scaled
from installation.visuals.storefronts import Point, Project

# Across the road and along it, in the street's world units (the road is 2 wide).
LANES = (-0.58, 0.58)  # the dashed lines between the lanes
LINE_WIDE = 0.014  # a painted line's width
DASH_LONG, DASH_EVERY = 0.7, 2.0  # a lane dash's length, and from one to the next
DASH_GAP = 0.15  # the first dash starts this far past the stop line
CENTRE = 0.016  # the double yellow line's two lines lie this far either side of the middle
CROSSING = (0.72, 0.98)  # the crosswalk's near and far edges
STRIPE_WIDE, STRIPE_EVERY = 0.09, 0.17  # a crosswalk bar's width, and from one to the next
STOP = (1.1, 1.15)  # the stop line before the crosswalk, across the lanes coming towards us
KERB_HIGH = 0.04  # the kerb's face, from the gutter to the sidewalk
KERB_FROM = 0.95  # the kerbs start this near (just outside the picture's sides)
MANHOLE = (0.3, 0.64, 0.045)  # a manhole cover: across, along, radius
MANHOLE_RIM = 0.25  # the share of the cover that is its rim, out from the middle
DRAINS = ((1, 1.45), (-1, 2.6))  # storm drains in the kerb: their side, where along the road
DRAIN_LONG, DRAIN_MOUTH = 0.24, 0.6  # a drain's length, its mouth's height of the kerb's
GRATE_WIDE, GRATE_BARS = 0.05, 5  # its grate in the gutter before it: how wide, how many bars
GRATE_PALE = 0.2  # the grate's iron, worn by the tyres: this much of the paint's pale
SEGMENT = 1.3  # long lines are drawn in pieces, each this many times farther than the last

PAINT = (206, 200, 186)  # worn white road paint
YELLOW = (200, 150, 56)
IRON = (58, 54, 50)
ASPHALT = (18, 17, 20)
PAINT_DAY, PAINT_NIGHT = 0.6, 0.2  # how bright paint is by day, and under the lamps at night
LAMP_TINT = 0.35  # how much of the lamps' colour wet paint takes on at night
NEAR_DIM = 0.45  # paint at the foot of the picture, dimmed like the asphalt around it
PAINT_HAZE = 0.45  # how much of the paint the air hides far off
SHEEN = 0.3  # the far end of a crosswalk bar catches the lamps' colour, this much of it
SHEEN_STEPS = 5  # a crosswalk bar is painted in this many steps, brighter to its far end
KERB_PAINT = 0.5  # the kerb's concrete, between the sidewalk and paint
HORIZON_T = 0.55  # the share of the ground below the horizon at depth 1 (Street.project)


class RoadLight(NamedTuple):
    """How the road is lit: the daylight 0..1, the far air's tint, the lamps' colour, the
    night 0..1 and the sidewalk's colour."""

    daylight: float
    tint: Color
    lamps: Color
    night: float
    pavement: Color


def road_tone(t: float, daylight: float, tint: Color) -> Color:
    """The asphalt `t` of the way from the horizon (0) to the foot of the picture (1): the far
    air's tint near the horizon, darker towards the viewer."""
    return mix(mix(ASPHALT, tint, 0.35 * (1 - t) ** 3 + 0.15 * daylight), scaled(ASPHALT, 0.6), t)


def paint_at(base: Color, z: float, light: RoadLight) -> Color:
    """Road paint of colour `base` at depth `z`, on the asphalt there, in this light."""
    t = min(1.0, HORIZON_T / z)
    lit = mix(base, light.lamps, LAMP_TINT * light.night)
    level = PAINT_NIGHT + (PAINT_DAY - PAINT_NIGHT) * light.daylight
    ground = road_tone(t, light.daylight, light.tint)
    return mix(ground, scaled(lit, level * (1 - (1 - NEAR_DIM) * t)),
               1 - PAINT_HAZE * (1 - t) ** 3)


def road_painting(image: pygame.Surface, project: Project, light: RoadLight,
                  far: float) -> Pieces:
    """All the road's paint, the kerbs and the manhole on `image`, out to depth `far`, in pieces:
    the kerbs, the lane dashes, the yellow lines, the rest."""
    _kerbs(image, project, light, far)
    for side, z in DRAINS:
        _drain(image, project, light, side, z)
    yield
    for lane in LANES:
        _dashes(image, project, lane, light, far)
    yield
    for middle in (-CENTRE, CENTRE):
        _line(image, project, (middle, CROSSING[1], far), YELLOW, light)
    yield
    _crosswalk(image, project, light)
    stop = ground_quad(project, (-1.0, -CENTRE - LINE_WIDE), STOP)
    pygame.draw.polygon(image, (*paint_at(PAINT, STOP[0], light), 255), stop)
    _manhole(image, project, light)
    yield


def ground_quad(project: Project, across: tuple[float, float],
                along: tuple[float, float]) -> list[Point]:
    """The corners of a rectangle lying on the road: from across[0] to across[1], along[0] to
    along[1] (near left, near right, far right, far left)."""
    return [project(across[0], along[0], 0.0), project(across[1], along[0], 0.0),
            project(across[1], along[1], 0.0), project(across[0], along[1], 0.0)]


def _line(image: pygame.Surface, project: Project, span: tuple[float, float, float],
          base: Color, light: RoadLight) -> None:
    """A painted line at `span[0]` across, from depth span[1] to span[2], in pieces that fade
    into the distance."""
    x, z, end = span
    while z < end:
        step = min(end, z * SEGMENT)
        quad = ground_quad(project, (x - LINE_WIDE / 2, x + LINE_WIDE / 2), (z, step))
        pygame.draw.polygon(image, (*paint_at(base, z, light), 255), quad)
        z = step


def _dashes(image: pygame.Surface, project: Project, lane: float, light: RoadLight,
            far: float) -> None:
    """The dashes between two lanes, from just past the stop line to depth `far`."""
    z = STOP[1] + DASH_GAP
    while z < far:
        quad = ground_quad(project, (lane - LINE_WIDE / 2, lane + LINE_WIDE / 2),
                           (z, z + DASH_LONG))
        pygame.draw.polygon(image, (*paint_at(PAINT, z, light), 255), quad)
        z += DASH_EVERY


def _crosswalk(image: pygame.Surface, project: Project, light: RoadLight) -> None:
    """A zebra crossing from kerb to kerb: bars along the road, wet paint that catches more of
    the lamps down the street towards its far end."""
    near, far = CROSSING
    color = paint_at(PAINT, near, light)
    sheen = mix(color, scaled(light.lamps, 1 - NEAR_DIM), SHEEN * light.night)
    long = (far - near) / SHEEN_STEPS
    x = -1.0 + (STRIPE_EVERY - STRIPE_WIDE)
    while x + STRIPE_WIDE < 1.0:
        for step in range(SHEEN_STEPS):
            shine = (*mix(color, sheen, (step / (SHEEN_STEPS - 1)) ** 2), 255)
            along = (near + step * long, near + (step + 1) * long)
            pygame.draw.polygon(image, shine, ground_quad(project, (x, x + STRIPE_WIDE), along))
        x += STRIPE_EVERY


def _kerbs(image: pygame.Surface, project: Project, light: RoadLight, far: float) -> None:
    """The kerbs' faces along both edges of the road, pale concrete above the gutter."""
    for side in (-1, 1):
        z = KERB_FROM
        while z < far:
            step = min(far, z * SEGMENT)
            face = [project(side, z, 0.0), project(side, step, 0.0),
                    project(side, step, KERB_HIGH), project(side, z, KERB_HIGH)]
            concrete = mix(light.pavement, paint_at(PAINT, z, light), KERB_PAINT)
            pygame.draw.polygon(image, (*concrete, 255), face)
            z = step


def _drain(image: pygame.Surface, project: Project, light: RoadLight, side: int,
           z: float) -> None:
    """A storm drain: a dark mouth in the kerb's face, an iron grate in the gutter before it."""
    far = z + DRAIN_LONG
    high = KERB_HIGH * DRAIN_MOUTH
    mouth = [project(side, z, 0.0), project(side, far, 0.0), project(side, far, high),
             project(side, z, high)]
    pygame.draw.polygon(image, (*scaled(ASPHALT, 0.3), 255), mouth)
    inner = side * (1.0 - GRATE_WIDE)
    grate = ground_quad(project, (min(inner, side), max(inner, side)), (z, far))
    pygame.draw.polygon(image, (*paint_at(mix(IRON, PAINT, GRATE_PALE), z, light), 255), grate)
    for bar in range(1, GRATE_BARS + 1):
        along = z + DRAIN_LONG * bar / (GRATE_BARS + 1)
        pygame.draw.line(image, (*scaled(ASPHALT, 0.4), 255), project(inner, along, 0.0),
                         project(side, along, 0.0), max(1, round(2 / along)))


def _manhole(image: pygame.Surface, project: Project, light: RoadLight) -> None:
    """An iron manhole cover in the near lane going away: a dark disc in a paler rim."""
    x, z, radius = MANHOLE
    left, _y = project(x - radius, z, 0.0)
    right, _y = project(x + radius, z, 0.0)
    _x, top = project(x, z + radius, 0.0)
    _x, bottom = project(x, z - radius, 0.0)
    rim = pygame.Rect(left, top, right - left, bottom - top)
    iron = paint_at(IRON, z, light)
    pygame.draw.ellipse(image, (*mix(iron, paint_at(PAINT, z, light), SHEEN), 255), rim)
    inner = rim.inflate(-round(rim.width * MANHOLE_RIM), -round(rim.height * MANHOLE_RIM))
    pygame.draw.ellipse(image, (*iron, 255), inner)
