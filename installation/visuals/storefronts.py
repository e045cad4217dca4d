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
SPILL_OUT = 0.32  # how far a lit shop's light reaches across the sidewalk
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
SHOP_EARLY, SHOP_RAMP = 0.15, 2.5  # shops light up as soon as the day begins to go
AWNING_SHARE = 0.45  # the share of shop fronts with an awning
OFFICE_LIT = 0.22  # the share of office windows lit


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
        chance = hash01(seed, ident, n)
        _shopfront(image, project, wall, tone, (za, zb), chance)
        if n and not ribbon:
            _pilaster(image, project, wall, tone, za)
        if wall.z0 < UPPER_FAR and not ribbon:
            _offices(image, project, wall, tone, (za + 0.1, zb - 0.1), hash01(seed, ident, n, 7))
    if wall.z0 < UPPER_FAR and ribbon:
        _offices(image, project, wall, tone, (wall.z0 + 0.1, wall.z1 - 0.1),
                 hash01(seed, ident, 7))


def plane(project: Project, wall: Wall, span: tuple[float, float], low: float,
          high: float) -> list[Point]:
    """The corners of a rectangle on the wall: from span[0] to span[1] along it, low to high."""
    x = wall.side * wall.x
    return [project(x, span[0], low), project(x, span[1], low), project(x, span[1], high),
            project(x, span[0], high)]


def _shopfront(image: pygame.Surface, project: Project, wall: Wall, tone: Tone,
               span: tuple[float, float], chance: float) -> None:
    """A shop window (lit at dusk, its light on the sidewalk), its sign, maybe an awning."""
    za, zb = span[0] + PIER, span[1] - PIER
    lights = min(1.0, SHOP_EARLY + SHOP_RAMP * tone.night) if tone.night > 0 else 0.0
    lit = lights * (0.55 + 0.45 * chance) if chance < SHOP_LIT else 0.0
    light = COOL_LIGHT if chance < SHOP_LIT * 0.15 else SHOP_LIGHT
    dark = mix(scaled(tone.face, 0.45), tone.tint, 0.18)
    glass = _aired(mix(dark, light, 0.85 * lit), tone)
    if lit > 0:
        _spill(image, project, wall, (za, zb), _aired(mix(tone.walk, light, 0.2 * lit), tone))
    _quad(image, plane(project, wall, (za, zb), GLASS_LOW, GLASS_HIGH), glass)
    inside = _aired(mix(dark, light, min(1.0, 1.1 * lit)), tone)  # the display, brightest
    _quad(image, plane(project, wall, (za, zb), GLASS_LOW, GLASS_LOW + 0.07), inside)
    frame = _aired(scaled(tone.face, 0.6), tone)
    _line(image, project, wall, (za + zb) / 2, GLASS_LOW, GLASS_HIGH, frame)
    _quad(image, plane(project, wall, (za, zb), GLASS_HIGH - 0.045, GLASS_HIGH - 0.035), frame)
    _sign(image, project, wall, tone, (span[0] + PIER / 2, span[1] - PIER / 2), chance)
    if (chance * 7.3) % 1 < AWNING_SHARE:
        _awning(image, project, wall, tone, (za - PIER / 3, zb + PIER / 3), chance, lit)


def _sign(image: pygame.Surface, project: Project, wall: Wall, tone: Tone,
          span: tuple[float, float], chance: float) -> None:
    """A dark sign band with a shop's name in letters, lit at night."""
    if wall.up < SIGN_HIGH + 0.05:
        return
    _quad(image, plane(project, wall, span, SIGN_LOW, SIGN_HIGH),
          _aired(scaled(tone.face, 0.35), tone))
    color = SIGN_COLORS[int(chance * 97) % len(SIGN_COLORS)]
    letters = 4 + int(chance * 31) % 5
    glow = 0.35 + 0.65 * tone.night
    ink = _aired(scaled(color, glow), tone)
    length = (span[1] - span[0]) * 0.7
    step = length / letters
    start = span[0] + (span[1] - span[0] - length) / 2
    for n in range(letters):
        a = start + n * step
        _quad(image, plane(project, wall, (a, a + step * (1 - LETTER_GAP)), SIGN_LOW + 0.02,
                           SIGN_HIGH - 0.02), ink)


def _awning(image: pygame.Surface, project: Project, wall: Wall, tone: Tone,
            span: tuple[float, float], chance: float, lit: float) -> None:
    """A canvas awning sloping out over the sidewalk, its edge lit from the window below."""
    x_in, x_out = wall.side * wall.x, wall.side * (wall.x - AWNING_OUT)
    low = AWNING_AT - AWNING_DROP
    cloth = AWNINGS[int(chance * 53) % len(AWNINGS)]
    color = _aired(scaled(cloth, 0.35 + 0.5 * (1 - tone.night) + 0.4 * lit), tone)
    top = [project(x_in, span[0], AWNING_AT), project(x_in, span[1], AWNING_AT),
           project(x_out, span[1], low), project(x_out, span[0], low)]
    _quad(image, top, color)
    valance = [project(x_out, span[0], low), project(x_out, span[1], low),
               project(x_out, span[1], low - 0.03), project(x_out, span[0], low - 0.03)]
    _quad(image, valance, scaled(color, 0.75))


def _offices(image: pygame.Surface, project: Project, wall: Wall, tone: Tone,
             span: tuple[float, float], chance: float) -> None:
    """The office floors above the shops: panes between mullions, a few lit after hours."""
    sill = _aired(mix(tone.face, (255, 255, 255), 0.08), tone)
    glass = _aired(mix(scaled(tone.face, 0.5), NIGHT_GLASS, 0.25), tone)
    mullion = _aired(scaled(tone.face, 0.8), tone)
    panes = max(1, round((span[1] - span[0]) / PANE))
    pane = (span[1] - span[0]) / panes
    floor, n = FLOOR_FIRST, 0
    while floor + FLOOR_GLASS + 0.08 < wall.up:
        n += 1
        _quad(image, plane(project, wall, span, floor, floor + FLOOR_GLASS), glass)
        for k in range(panes):
            pick = hash01(int(chance * 1e6), n, k)
            if pick < OFFICE_LIT:
                light = COOL_LIGHT if pick < OFFICE_LIT / 3 else SHOP_LIGHT
                level = tone.night * (0.2 + 1.6 * pick)
                part = (span[0] + k * pane, span[0] + (k + 1) * pane)
                _quad(image, plane(project, wall, part, floor, floor + FLOOR_GLASS),
                      _aired(mix(glass, light, level * 0.7), tone))
                _quad(image, plane(project, wall, part, floor + FLOOR_GLASS * 0.55,
                                   floor + FLOOR_GLASS), _aired(mix(glass, light, level), tone))
            if k:
                _line(image, project, wall, span[0] + k * pane, floor, floor + FLOOR_GLASS,
                      mullion)
        _quad(image, plane(project, wall, (span[0] - 0.02, span[1] + 0.02), floor - 0.02, floor),
              sill)
        floor += FLOOR_STEP


def _pilaster(image: pygame.Surface, project: Project, wall: Wall, tone: Tone,
              z: float) -> None:
    """A pilaster between two bays, from the pavement to the cornice, catching the light."""
    color = _aired(mix(tone.face, (255, 255, 255), 0.06), tone)
    _quad(image, plane(project, wall, (z - PILASTER, z + PILASTER), 0.0, wall.up), color)


def _spill(image: pygame.Surface, project: Project, wall: Wall, span: tuple[float, float],
           color: Color) -> None:
    """A lit shop's light on the sidewalk in front of it."""
    x_in, x_out = wall.side * wall.x, wall.side * (wall.x - SPILL_OUT)
    pool = [project(x_in, span[0], 0.0), project(x_in, span[1], 0.0),
            project(x_out, span[1] + 0.1, 0.0), project(x_out, span[0] - 0.1, 0.0)]
    _quad(image, pool, color)


def _line(image: pygame.Surface, project: Project, wall: Wall, z: float, low: float,
          high: float, color: Color) -> None:
    """A mullion up the wall at z."""
    x = wall.side * wall.x
    pygame.draw.line(image, (*color, 255), project(x, z, low), project(x, z, high))


def _quad(image: pygame.Surface, corners: list[Point], color: Color) -> None:
    pygame.draw.polygon(image, (*color, 255), corners)


def _aired(color: Color, tone: Tone) -> Color:
    """A colour seen through the air: far off it fades into the tint of the horizon."""
    return mix(color, tone.tint, tone.haze)
