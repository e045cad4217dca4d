"""Cars on the boulevard in perspective: tyres, a body, a glasshouse, lamps, the shadow under
them and the light they throw."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from typing import NamedTuple

import numpy as np
import pygame

from installation.visuals.base import Color, chunks, finished, mix, scaled

Project = Callable[[float, float, float], tuple[int, int]]
HALF_WIDTH = 0.16  # world units (the road is 2 wide)
BODY, ROOF = 0.13, 0.24  # heights of the waist and the roof
SILL = 0.035  # the body's lower edge: the tyres show under it, down to the road
BUMPER = 0.055  # the top of the bumper, darker than the paint
WHEEL_IN, WHEEL_HALF = 0.115, 0.03  # a tyre's middle from the car's, and its half width
LAMP_GAP = 0.11  # from the middle of the car to each lamp
LAMP_HALF, LAMP_LOW, LAMP_HIGH = 0.03, 0.065, 0.095  # a lamp: its half width, its bottom, top
PAINTS: tuple[Color, ...] = ((58, 60, 66), (84, 30, 28), (34, 44, 70), (96, 92, 82),
                             (30, 30, 32), (66, 70, 52))
TYRE: Color = (12, 12, 14)
UNDERSIDE: Color = (22, 20, 20)  # the dark between the tyres, under the sill
BUMPER_SHADE = 0.55  # the bumper's colour, of the paint's
HOOD_LIGHT = 1.18  # the hood or the trunk lid, catching the sky, against the paint
NEAR_DETAIL = 40  # pixels: a car this wide or wider shows its grille and its bumper's chrome
GRILLE_SHADE = 0.4  # the grille between the lamps, of the paint
CHROME: Color = (196, 200, 206)  # the bumper's chrome strip, catching the light
CHROME_SHINE = 0.45  # how much of CHROME shows over the lid's colour (it mirrors the dark too)
CHROME_THIN = 90  # the chrome strip is the car's width over this (a pixel at least)
CONE_LENGTH = 2.2  # how far a car's headlights light the road, in widths of the car
CONE_COLUMNS = 160  # a headlight's light on the road is made this many columns a piece
SHADOW_DEPTH = 0.7  # how dark the road is under a car, at its darkest
SHADOW_REACH = 1.35  # the shadow's width against the car's
LAMP_GLOW_UP = 0.08  # where the glow of a car's lamps is centred, above the road
LAMP_FACE = (64, 24)  # pixels: a lamp's face is made this size once, then grown or shrunk
LAMP_SPREAD = (1.5, 1.9)  # a lit face's light reaches this far past the lamp, across and up
LAMP_FALL = 0.7  # how softly a lamp's face dims from its middle to its rim
LAMP_SHAPED = 6  # pixels: a lamp this wide or wider is drawn with its face (smaller: a dot)
UNLIT_RIM = 0.55  # an unlit lamp's glass at its rim, of its colour (its middle catches the sky)
LAMP_SIZES_KEPT = 512  # grown faces kept (a near car's lamps take a few dozen sizes a lap)
# The levels a car is drawn by, from the road up (see `Seen`), and their places in HEIGHTS.
HEIGHTS = (0.0, SILL, SILL + 0.02, BUMPER, BODY, ROOF, LAMP_LOW, LAMP_HIGH, LAMP_GLOW_UP)
ROAD, SILL_AT, TYRE_TOP, BUMPER_AT, WAIST, TOP, LAMP_FOOT, LAMP_TOP, GLOW_AT = range(9)
SHADOW_HALF = HALF_WIDTH * SHADOW_REACH  # half the shadow's width
# The car's edges across the road, each its lane + a step + a nudge (the very floats of lane -
# HALF_WIDTH, lane - WHEEL_IN - WHEEL_HALF, ...): the body's sides, the tyres' (left tyre, right),
# the lamps' (left lamp, right), the lamps' middles, the shadow's sides, the car's middle.
STEPS = np.array((-HALF_WIDTH, HALF_WIDTH, -WHEEL_IN, -WHEEL_IN, WHEEL_IN, WHEEL_IN,
                  -LAMP_GAP, -LAMP_GAP, LAMP_GAP, LAMP_GAP, -LAMP_GAP, LAMP_GAP,
                  -SHADOW_HALF, SHADOW_HALF, 0.0))
NUDGES = np.array((0.0, 0.0, -WHEEL_HALF, WHEEL_HALF, -WHEEL_HALF, WHEEL_HALF,
                   -LAMP_HALF, LAMP_HALF, -LAMP_HALF, LAMP_HALF, 0.0, 0.0, 0.0, 0.0, 0.0))
SIDES, TYRES, LAMPS, LAMP_MIDDLES, SHADOW_SIDES, MIDDLE = (0, 2, 6, 10, 12, 14)  # their places


class Seen(NamedTuple):
    """Where one car is on the screen: the columns of its edges (see `edges`) and the rows of
    its levels (see HEIGHTS)."""

    xs: Sequence[int]
    ys: Sequence[int]


class Finish(NamedTuple):
    """A car's colours: its paint, its glass, its lid catching the sky, its bumper."""

    paint: Color
    glass: Color
    lid: Color
    bumper: Color


def finish(paint: Color, glass: Color) -> Finish:
    """A car's colours from its paint and its glass."""
    return Finish(paint, glass, scaled(paint, HOOD_LIGHT), scaled(paint, BUMPER_SHADE))


def edges(lanes: np.ndarray) -> np.ndarray:
    """Every car's edges across the road (see STEPS), a row a car, from their lanes."""
    return (lanes[:, None] + STEPS) + NUDGES


def seen(project: Project, lane: float, z: float) -> Seen:
    """Where a car in `lane` at depth z is seen (its columns and rows, one point at a time)."""
    return Seen([project(x, z, 0.0)[0] for x in edges(np.array([lane]))[0].tolist()],
                [project(lane, z, up)[1] for up in HEIGHTS])


def body(surface: pygame.Surface, project: Project, lane: float, z: float,
         paint: Color, glass: Color) -> None:
    """The car in `lane` at depth z, where `project` sees it (see `draw_body`)."""
    draw_body(surface, seen(project, lane, z), finish(paint, glass))


def draw_body(surface: pygame.Surface, car: Seen, colours: Finish) -> None:
    """The car seen from straight ahead or behind: tyres on the road, a wide low body with a
    bumper and a lid, a narrower glasshouse with its pillars."""
    xs, ys = car
    x0, x1 = xs[SIDES], xs[SIDES + 1]
    ground, sill = ys[ROAD], ys[SILL_AT]
    wide = max(2, x1 - x0)
    pygame.draw.rect(surface, UNDERSIDE, (x0 + wide // 8, sill, wide - wide // 4,
                                          max(1, ground - sill)))
    tyre_top = ys[TYRE_TOP]
    tall = max(1, ground - tyre_top + 1)
    for tyre in (TYRES, TYRES + 2):
        t0, t1 = xs[tyre], xs[tyre + 1]
        pygame.draw.rect(surface, TYRE, (t0, tyre_top, max(1, t1 - t0), tall))
    bumper, waist, top = ys[BUMPER_AT], ys[WAIST], ys[TOP]
    inset = max(1, wide // 7)
    round_by = max(1, wide // 14)
    paint, glass = colours.paint, colours.glass
    pygame.draw.rect(surface, colours.lid, (x0, waist, wide, max(2, sill - waist)),
                     border_radius=round_by)
    pygame.draw.rect(surface, paint, (x0, waist + max(1, (sill - waist) // 4), wide,
                                      max(1, sill - waist - (sill - waist) // 4)))
    pygame.draw.rect(surface, colours.bumper, (x0, bumper, wide, max(1, sill - bumper + 1)))
    cabin = [(x0 + inset, waist), (x0 + 2 * inset, top), (x1 - 2 * inset, top),
             (x1 - inset, waist)]
    pygame.draw.polygon(surface, paint, cabin)
    rim = max(1, inset // 2)
    pane = [(x + (rim if x < (x0 + x1) / 2 else -rim), y + (rim // 2 if y == top else 0))
            for x, y in cabin]
    pygame.draw.polygon(surface, glass, pane)
    if wide >= NEAR_DETAIL:
        _front(surface, car, colours)


def _front(surface: pygame.Surface, car: Seen, colours: Finish) -> None:
    """What a near car shows of its front or back between its lamps: a dark grille (or the
    panel round the plate), and a bright chrome line along its bumper."""
    xs, ys = car
    left, right = xs[LAMPS + 1], xs[LAMPS + 2]
    low, high = ys[LAMP_FOOT], ys[LAMP_TOP]
    if right > left and low > high:
        pygame.draw.rect(surface, scaled(colours.paint, GRILLE_SHADE),
                         (left, high, right - left, low - high))
    x0, x1, bumper = xs[SIDES], xs[SIDES + 1], ys[BUMPER_AT]
    chrome = max(1, (x1 - x0) // CHROME_THIN)
    pygame.draw.rect(surface, mix(colours.lid, CHROME, CHROME_SHINE),
                     (x0, bumper, x1 - x0, chrome))


def lamp_boxes(car: Seen) -> list[pygame.Rect]:
    """Where a car's two lamps are on the screen (head or tail: the same places)."""
    xs, ys = car
    low, high = ys[LAMP_FOOT], ys[LAMP_TOP]
    return [pygame.Rect(xs[lamp], high, max(1, xs[lamp + 1] - xs[lamp]), max(1, low - high))
            for lamp in (LAMPS, LAMPS + 2)]


def shadow(width: int, height: int) -> pygame.Surface:
    """The dark under a car on the road, to multiply it by: deepest under the middle."""
    w, h = max(4, width), max(2, height)
    x = np.linspace(-1.0, 1.0, w, dtype=np.float32)[:, None]
    y = np.linspace(-1.0, 1.0, h, dtype=np.float32)[None, :]
    dark = np.clip(1.4 - np.sqrt(x * x + y * y) * 1.4, 0, 1) * SHADOW_DEPTH
    level = (255 * (1 - dark)).astype(np.uint8)
    out = pygame.Surface((w, h))
    pygame.surfarray.blit_array(out, np.repeat(level[:, :, None], 3, axis=2))
    return out


def paint_of(index: int, daylight: float) -> tuple[Color, Color]:
    """A car's paint and window colour for the light of the hour (dark at night)."""
    paint = PAINTS[paint_index(index)]
    return scaled(paint, 0.35 + 0.65 * daylight), mix((6, 8, 12), (120, 136, 150), daylight * 0.6)


def paint_index(index: int) -> int:
    """Which of the PAINTS car `index` wears."""
    return index % len(PAINTS)


def finishes(count: int, daylight: float) -> list[Finish]:
    """The colours of cars 0..count-1 in this light (each of the PAINTS worked out once)."""
    each = [finish(*paint_of(n, daylight)) for n in range(min(count, len(PAINTS)))]
    return [each[paint_index(n)] for n in range(count)]


def cone(width: int, height: int, color: Color, toward_us: bool) -> pygame.Surface:
    """Headlight on the road: a soft wedge, brightest at the car, fading as it widens."""
    return finished(coning(width, height, color, toward_us))


CONE_FOOT = 0.45  # a headlights' pool's width at the car, of its widest (at 0.25 it left the
#                   car as a narrow bright column: two cars coming drew vertical smears)


def coning(width: int, height: int, color: Color,
           toward_us: bool) -> Generator[None, None, pygame.Surface]:
    """`cone`, made CONE_COLUMNS columns a piece."""
    w, h = max(4, width), max(4, height)
    y = np.linspace(0.0, 1.0, h, dtype=np.float32)[None, :]
    x = np.linspace(-1.0, 1.0, w, dtype=np.float32)[:, None]
    spread = CONE_FOOT + (1 - CONE_FOOT) * y  # as wide as the car where it leaves it
    out = pygame.Surface((w, h))
    for cols in chunks(w, CONE_COLUMNS):
        falloff = np.clip(1 - np.abs(x[cols]) / spread, 0, 1) ** 1.5 * (1 - y) ** 1.6
        if not toward_us:
            falloff = falloff[:, ::-1]
        rgb = (falloff[:, :, None] * np.array(color, dtype=np.float32)[None, None, :])
        pygame.surfarray.blit_array(out.subsurface((cols.start, 0, cols.stop - cols.start, h)),
                                    rgb.astype(np.uint8))
        yield
    return out


def lamp_face(color: Color) -> pygame.Surface:
    """A lamp's face, to add onto the car at a lamp's size: brightest in its middle, soft to
    its rim and a little past it (LAMP_FACE wide and high, the lamp LAMP_SPREAD of it)."""
    w, h = LAMP_FACE
    x = np.linspace(-1.0, 1.0, w, dtype=np.float32)[:, None] * LAMP_SPREAD[0]
    y = np.linspace(-1.0, 1.0, h, dtype=np.float32)[None, :] * LAMP_SPREAD[1]
    level = np.clip(1.0 - np.sqrt(x * x + y * y) ** 2, 0.0, 1.0) ** LAMP_FALL
    rgb = level[:, :, None] * np.array(color, dtype=np.float32)[None, None, :]
    out = pygame.Surface((w, h))
    pygame.surfarray.blit_array(out, np.rint(rgb).astype(np.uint8))
    return out


class LampFaces:
    """Lamps drawn with their faces, grown to light the lamp and about it: lit, added on;
    unlit, the lamp's glass darker at its rim, its middle catching the sky (the face within the
    lamp alone). Each face grown to a size once and kept (a few hundred sizes at most)."""

    def __init__(self, colors: dict[bool, Color], unlit: dict[bool, Color]) -> None:
        self.faces = {(key, True): lamp_face(color) for key, color in colors.items()}
        self.faces.update({(key, False): lamp_face(color) for key, color in unlit.items()})
        self.unlit = unlit
        self._grown: dict[tuple[bool, bool, int, int], pygame.Surface] = {}

    def draw(self, surface: pygame.Surface, which: bool, lit: bool, box: pygame.Rect) -> None:
        """The lamp `which` (a key of the colours) at `box`, lit or not."""
        size = (max(2, round(box.width * LAMP_SPREAD[0])),
                max(2, round(box.height * LAMP_SPREAD[1])))
        face = self._grow(which, lit, size)
        at = (box.centerx - size[0] // 2, box.centery - size[1] // 2)
        if lit:
            surface.blit(face, at, special_flags=pygame.BLEND_RGB_ADD)
            return
        surface.fill(scaled(self.unlit[which], UNLIT_RIM), box)
        surface.blit(face, box, box.move(-at[0], -at[1]), special_flags=pygame.BLEND_RGB_MAX)

    def _grow(self, which: bool, lit: bool, size: tuple[int, int]) -> pygame.Surface:
        """The face grown (or shrunk) to `size`, made once."""
        key = (which, lit, *size)
        grown = self._grown.get(key)
        if grown is None:
            if len(self._grown) >= LAMP_SIZES_KEPT:
                self._grown.clear()
            grown = pygame.transform.smoothscale(self.faces[which, lit], size)
            self._grown[key] = grown
        return grown
