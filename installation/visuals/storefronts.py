"""The walls along the street: pilasters, shop windows, signs and awnings, office windows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, hash01, mix, scaled

Project = Callable[[float, float, float], tuple[int, int]]
Point = tuple[int, int]

# Heights up the wall and lengths along it, in the street's world units.
BAY = 0.75  # one shop front, between two pilasters
PIER = 0.07  # the wall left standing between two shop windows
PILASTER = 0.035  # half the width of a pilaster
GLASS_LOW, GLASS_HIGH = 0.03, 0.25  # a shop window
SIGN_LOW, SIGN_HIGH = 0.28, 0.36  # the sign band over it
AWNING_AT, AWNING_OUT, AWNING_DROP = 0.27, 0.12, 0.06  # where an awning hangs, how far out
FLOOR_FIRST, FLOOR_STEP, FLOOR_GLASS = 0.46, 0.34, 0.17  # the office floors above
SPILL_OUT, SPILL_SPREAD = 0.32, 0.1  # how far a lit shop's light reaches, how it widens
DISPLAY = 0.07  # the brightest, lowest part of a shop window: its display
TRANSOM = 0.205  # the bar across a shop window, near its top
MULLION = 0.02  # a bar, a sill or a margin
VALANCE = 0.03  # the awning's hanging edge
INSET = 0.1  # the office windows are set in this far from the bay's ends
PARAPET = 0.08  # the wall above the top floor's windows, at least
CEILING, CEILING_FALLS = 0.55, 0.7  # a lit office is brighter above this share of its window
NAME_LONG = 0.7  # the shop's name, a share of its sign
LETTERS = (4, 8)  # how many letters a shop's name has, fewest and most
FAR_DETAIL = 16.0  # farther walls are too small for more than their shop windows
UPPER_FAR = 7.0  # office windows are drawn here on walls nearer than this
PANE = 0.22  # one pane of office glass between mullions
RIBBONS = 0.45  # the share of buildings with ribbon windows rather than pilasters
LETTER_GAP = 0.35  # the space between a sign's letters, a share of a letter

SHOP_LIGHT = (255, 190, 120)
NIGHT_GLASS = (34, 44, 70)  # what office glass mirrors: the blue of the sky overhead
COOL_LIGHT = (200, 225, 255)  # fluorescent offices and a laundromat or two
SIGN_COLORS: tuple[Color, ...] = ((255, 86, 60), (255, 214, 140), (90, 220, 255),
                                  (255, 110, 200), (150, 255, 160))
AWNINGS: tuple[Color, ...] = ((124, 30, 34), (34, 74, 54), (30, 42, 86), (150, 96, 40))
SHOP_LIT = 0.7  # the share of shops still lit at dusk
SHOP_VARY, SHOP_COOL = 0.45, 0.15  # how much their light varies; the share in cool light
SHADOW = 0.45  # unlit glass and what lies behind it, against the wall
GLASS_MIRRORS = 0.2  # how much of the sky unlit glass mirrors
GLASS_GLOW, SPILL_GLOW = 0.85, 0.2  # how much of a shop's light fills its window, the sidewalk
FRAME_SHADE = 0.7  # frames, mullions and an awning's edge, darker than what they hold
CATCHES_LIGHT = 0.07  # sills and pilasters, a little lighter than the wall
SIGN_BOARD, SIGN_DAY = 0.35, 0.35  # the sign's dark board; its letters unlit, by day
SHOP_EARLY, SHOP_RAMP = 0.15, 2.5  # shops light up as soon as the day begins to go
AWNING_SHARE = 0.45  # the share of shop fronts with an awning
OFFICE_LIT = 0.22  # the share of office windows lit
OFFICE_COOL = 0.33  # the share of lit offices in cool light
OFFICE_LEVEL = (0.2, 0.35)  # how brightly they are lit: the least, and the most more
AWNING_SALT, SIGN_SALT, LETTER_SALT = 11, 13, 17  # a shop's other random choices
AWNING_LIGHT = (0.35, 0.5, 0.4)  # an awning's cloth: in shade, + by day, + lit from below


@dataclass(frozen=True)
class Wall:
    """One building's face along the street: side (-1 left, 1 right), from z0 to z1, height."""

    side: int
    z0: float
    z1: float
    up: float
    seed: float
    x: float  # the wall's distance from the middle of the road


@dataclass(frozen=True)
class Tone:
    """How the wall is lit: its colour near to, the sidewalk's, the far air's tint and how
    much of it lies between, and the night 0..1."""

    face: Color
    walk: Color
    tint: Color
    haze: float
    night: float


def facade(image: pygame.Surface, project: Project, wall: Wall, tone: Tone, seed: int) -> None:
    """The shop fronts along the foot of the wall, the pilasters, and office windows above."""
    if wall.z0 > FAR_DETAIL:
        return
    count = max(1, round((wall.z1 - wall.z0) / BAY))
    bay = (wall.z1 - wall.z0) / count
    ident = int(wall.seed * 1e6)
    ribbon = wall.seed < RIBBONS  # long bands of glass, or windows between pilasters
    for n in range(count):
        za, zb = wall.z0 + n * bay, wall.z0 + (n + 1) * bay
        _shopfront(image, project, wall, tone, (za, zb), (seed, ident, n))
        if n and not ribbon:
            _pilaster(image, project, wall, tone, za)
        if wall.z0 < UPPER_FAR and not ribbon:
            _offices(image, project, wall, tone, (za + INSET, zb - INSET), (seed, ident, n, 1))
    if wall.z0 < UPPER_FAR and ribbon:
        _offices(image, project, wall, tone, (wall.z0 + INSET, wall.z1 - INSET),
                 (seed, ident, -1))


def plane(project: Project, wall: Wall, span: tuple[float, float], low: float,
          high: float) -> list[Point]:
    """The corners of a rectangle on the wall: from span[0] to span[1] along it, low to high."""
    x = wall.side * wall.x
    return [project(x, span[0], low), project(x, span[1], low), project(x, span[1], high),
            project(x, span[0], high)]


def _shopfront(image: pygame.Surface, project: Project, wall: Wall, tone: Tone,
               span: tuple[float, float], key: tuple[int, ...]) -> None:
    """A shop window (lit at dusk, its light on the sidewalk), its sign, maybe an awning."""
    za, zb = span[0] + PIER, span[1] - PIER
    chance = hash01(*key)
    lights = min(1.0, SHOP_EARLY + SHOP_RAMP * tone.night) if tone.night > 0 else 0.0
    lit = lights * (1 - SHOP_VARY * chance) if chance < SHOP_LIT else 0.0
    light = COOL_LIGHT if chance < SHOP_LIT * SHOP_COOL else SHOP_LIGHT
    dark = mix(scaled(tone.face, SHADOW), tone.tint, GLASS_MIRRORS)
    glass = _aired(mix(dark, light, GLASS_GLOW * lit), tone)
    if lit > 0:
        _spill(image, project, wall, (za, zb),
               _aired(mix(tone.walk, light, SPILL_GLOW * lit), tone))
    _quad(image, plane(project, wall, (za, zb), GLASS_LOW, GLASS_HIGH), glass)
    inside = _aired(mix(dark, light, lit), tone)  # the display, brightest
    _quad(image, plane(project, wall, (za, zb), GLASS_LOW, GLASS_LOW + DISPLAY), inside)
    frame = _aired(scaled(tone.face, FRAME_SHADE), tone)
    _line(image, project, wall, (za + zb) / 2, GLASS_LOW, GLASS_HIGH, frame)
    _quad(image, plane(project, wall, (za, zb), TRANSOM, TRANSOM + MULLION), frame)
    _sign(image, project, wall, tone, (span[0] + PIER / 2, span[1] - PIER / 2), key)
    if hash01(*key, AWNING_SALT) < AWNING_SHARE:
        _awning(image, project, wall, tone, (za - PIER / 3, zb + PIER / 3), key, lit)


def _sign(image: pygame.Surface, project: Project, wall: Wall, tone: Tone,
          span: tuple[float, float], key: tuple[int, ...]) -> None:
    """A dark sign band with a shop's name in letters, lit at night."""
    if wall.up < SIGN_HIGH + MULLION:
        return
    _quad(image, plane(project, wall, span, SIGN_LOW, SIGN_HIGH),
          _aired(scaled(tone.face, SIGN_BOARD), tone))
    color = SIGN_COLORS[int(hash01(*key, SIGN_SALT) * len(SIGN_COLORS))]
    letters = LETTERS[0] + int(hash01(*key, LETTER_SALT) * (LETTERS[1] - LETTERS[0] + 1))
    ink = _aired(scaled(color, SIGN_DAY + (1 - SIGN_DAY) * tone.night), tone)
    length = (span[1] - span[0]) * NAME_LONG
    step = length / letters
    start = span[0] + (span[1] - span[0] - length) / 2
    for n in range(letters):
        a = start + n * step
        _quad(image, plane(project, wall, (a, a + step * (1 - LETTER_GAP)), SIGN_LOW + MULLION,
                           SIGN_HIGH - MULLION), ink)


def _awning(image: pygame.Surface, project: Project, wall: Wall, tone: Tone,
            span: tuple[float, float], key: tuple[int, ...], lit: float) -> None:
    """A canvas awning sloping out over the sidewalk, lit by the day and the window below."""
    x_in, x_out = wall.side * wall.x, wall.side * (wall.x - AWNING_OUT)
    low = AWNING_AT - AWNING_DROP
    cloth = AWNINGS[int(hash01(*key, AWNING_SALT + 1) * len(AWNINGS))]
    level = AWNING_LIGHT[0] + AWNING_LIGHT[1] * (1 - tone.night) + AWNING_LIGHT[2] * lit
    color = _aired(scaled(cloth, level), tone)
    top = [project(x_in, span[0], AWNING_AT), project(x_in, span[1], AWNING_AT),
           project(x_out, span[1], low), project(x_out, span[0], low)]
    _quad(image, top, color)
    valance = [project(x_out, span[0], low), project(x_out, span[1], low),
               project(x_out, span[1], low - VALANCE), project(x_out, span[0], low - VALANCE)]
    _quad(image, valance, scaled(color, FRAME_SHADE))


def _offices(image: pygame.Surface, project: Project, wall: Wall, tone: Tone,
             span: tuple[float, float], key: tuple[int, ...]) -> None:
    """The office floors above the shops: panes between mullions, a few lit after hours."""
    sill = _aired(mix(tone.face, (255, 255, 255), CATCHES_LIGHT), tone)
    glass = _aired(mix(scaled(tone.face, SHADOW), NIGHT_GLASS, GLASS_MIRRORS), tone)
    mullion = _aired(scaled(tone.face, FRAME_SHADE), tone)
    panes = max(1, round((span[1] - span[0]) / PANE))
    pane = (span[1] - span[0]) / panes
    floor, n = FLOOR_FIRST, 0
    while floor + FLOOR_GLASS + PARAPET < wall.up:
        n += 1
        _quad(image, plane(project, wall, span, floor, floor + FLOOR_GLASS), glass)
        for k in range(panes):
            pick = hash01(*key, n, k)
            if pick < OFFICE_LIT:
                light = COOL_LIGHT if pick < OFFICE_LIT * OFFICE_COOL else SHOP_LIGHT
                level = tone.night * (OFFICE_LEVEL[0] + OFFICE_LEVEL[1] * pick / OFFICE_LIT)
                part = (span[0] + k * pane, span[0] + (k + 1) * pane)
                _quad(image, plane(project, wall, part, floor, floor + FLOOR_GLASS),
                      _aired(mix(glass, light, level * CEILING_FALLS), tone))
                _quad(image, plane(project, wall, part, floor + FLOOR_GLASS * CEILING,
                                   floor + FLOOR_GLASS), _aired(mix(glass, light, level), tone))
            if k:
                _line(image, project, wall, span[0] + k * pane, floor, floor + FLOOR_GLASS,
                      mullion)
        _quad(image, plane(project, wall, (span[0] - MULLION, span[1] + MULLION),
                           floor - MULLION, floor), sill)
        floor += FLOOR_STEP


def _pilaster(image: pygame.Surface, project: Project, wall: Wall, tone: Tone,
              z: float) -> None:
    """A pilaster between two bays, from the pavement to the cornice, catching the light."""
    color = _aired(mix(tone.face, (255, 255, 255), CATCHES_LIGHT), tone)
    _quad(image, plane(project, wall, (z - PILASTER, z + PILASTER), 0.0, wall.up), color)


def _spill(image: pygame.Surface, project: Project, wall: Wall, span: tuple[float, float],
           color: Color) -> None:
    """A lit shop's light on the sidewalk in front of it."""
    x_in, x_out = wall.side * wall.x, wall.side * (wall.x - SPILL_OUT)
    pool = [project(x_in, span[0], 0.0), project(x_in, span[1], 0.0),
            project(x_out, span[1] + SPILL_SPREAD, 0.0),
            project(x_out, span[0] - SPILL_SPREAD, 0.0)]
    _quad(image, pool, color)


def _line(image: pygame.Surface, project: Project, wall: Wall, z: float, low: float,
          high: float, color: Color) -> None:
    """A mullion up the wall at z."""
    x = wall.side * wall.x
    pygame.draw.line(image, (*color, 255), project(x, z, low), project(x, z, high))


def _quad(image: pygame.Surface, corners: list[Point], color: Color) -> None:
    """A flat opaque shape."""
    pygame.draw.polygon(image, (*color, 255), corners)


def _aired(color: Color, tone: Tone) -> Color:
    """A colour seen through the air: far off it fades into the tint of the horizon."""
    return mix(color, tone.tint, tone.haze)
