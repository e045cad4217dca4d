"""The block's fronts painted once at night: walls, windows, lit shop windows, the sidewalk and
the wet road with the block mirrored in it (its signs are neon, drawn over this picture)."""

from __future__ import annotations

import math
import random
from collections.abc import Generator

import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.block_people import bar
from installation.visuals.block_plan import FASCIA, FOOT, KERB, LANES, SHOP_TOP, Front, Plan
from installation.visuals.block_rooms import Rooms
from installation.visuals.counter_life import Counter, CounterWindow, counter
from installation.visuals.glow import radial

CAP = (120, 112, 104)  # a parapet's coping, a band's edge, catching what light there is
LIT_ROOMS = 0.4  # share of upper windows lit at nightfall
PAVEMENT = (36, 34, 38)
ASPHALT_NEAR, ASPHALT_FAR = (9, 9, 14), (22, 22, 30)
PAINT = (74, 72, 70)  # the lane dashes
SHOP_GLOW = 0.45  # how strongly a lit shop window lights the sidewalk in front of it
MIRROR_DIM = (0.36, 0.36, 0.42)  # the wet road mirrors the block darker, a little blue
MIRROR_SMEAR = (3, 14)  # ... smeared this many times across and down
# The mirror's ripple: bands of this many rows, pushed up to this far (pixels), in waves.
RIPPLE_ROWS, RIPPLE, RIPPLE_WAVE = 3, 2.0, 0.09


def fronts_painting(image: pygame.Surface, plan: Plan, seed: int
                    ) -> Generator[None, None, tuple[list[CounterWindow], Rooms]]:
    """Every front on `image` (see-through above the roofs), then sidewalk and road; the
    counter windows, bare, whose people are drawn over them as they move, and the upper
    windows, whose rooms go dark through the night."""
    image.fill((0, 0, 0, 0))
    paint_ground(image)
    yield
    windows: list[CounterWindow] = []
    rooms = Rooms()
    for front in plan.fronts:
        windows += paint_front(image, front, random.Random(seed ^ front.salt), rooms)
        yield
    for window in windows:  # (with the light of the shop windows round it)
        window.keep(image)
    return windows, rooms


def _px(image: pygame.Surface, x: float, y: float) -> tuple[int, int]:
    width, height = image.get_size()
    return round(x * width), round(y * height)


def paint_front(image: pygame.Surface, front: Front, rng: random.Random,
                rooms: Rooms) -> list[CounterWindow]:
    """One building: its wall darkening up from the lit street, its style's details, its
    shop front (and its counter windows, if it is a coffee shop)."""
    (x0, top), (x1, foot) = _px(image, front.left, front.roof), _px(image, front.right, FOOT)
    for y in range(top, foot, 4):
        t = (y - top) / max(1, foot - top)
        image.fill((*scaled(front.wall, 0.7 + 0.45 * t), 255), (x0, y, x1 - x0, 4))
    unit = max(1, image.get_height() // 360)
    image.fill((*mix(front.wall, CAP, 0.35), 255), (x0, top, x1 - x0, 2 * unit))
    if front.style == "streamline":
        _streamline(image, front, rng, unit, rooms)
    elif front.style == "deco":
        _deco(image, front, rng, unit, rooms)
    elif front.style == "hotel":
        _hotel(image, front, rng, unit, rooms)
    else:
        _stepped(image, front, unit)
    return shopfront(image, front, rng, unit)


def _streamline(image: pygame.Surface, front: Front, rng: random.Random, unit: int,
                rooms: Rooms) -> None:
    """Three speed bands under the parapet, a ribbon window, the rounded end shaded."""
    (x0, top), (x1, _) = _px(image, front.left, front.roof), _px(image, front.right, FOOT)
    band = mix(front.wall, CAP, 0.3)
    for k in range(3):
        image.fill((*band, 255), (x0, top + (6 + 5 * k) * unit, x1 - x0, unit))
    height = image.get_height()
    for floor in front.floors:
        y = round(floor * height)
        ribbon = pygame.Rect(x0 + 8 * unit, y, x1 - x0 - 16 * unit, round(0.05 * height))
        _ribbon(image, ribbon, rng, unit, rooms)
    _rounded(image, front, unit)


def _ribbon(image: pygame.Surface, ribbon: pygame.Rect, rng: random.Random, unit: int,
            rooms: Rooms) -> None:
    """A long window of panes between thin mullions, a few lit behind blinds."""
    pane = 18 * unit
    for x in range(ribbon.left, ribbon.right, pane):
        rect = pygame.Rect(x, ribbon.top, min(pane, ribbon.right - x) - unit, ribbon.height)
        rooms.window(image, rect, rng.random() < LIT_ROOMS, rng, unit)


def _rounded(image: pygame.Surface, front: Front, unit: int) -> None:
    """The rounded end: the wall turning away from us darkens towards its edge."""
    if not front.corner:
        return
    (x0, top), (x1, foot) = _px(image, front.left, front.roof), _px(image, front.right, FOOT)
    span = 26 * unit
    for k in range(span):
        t = (k + 1) / span
        x = x1 - span + k if front.corner > 0 else x0 + span - 1 - k
        shade = pygame.Surface((1, foot - top), pygame.SRCALPHA)
        shade.fill((0, 0, 0, round(200 * t * t)))
        image.blit(shade, (x, top))


def _deco(image: pygame.Surface, front: Front, rng: random.Random, unit: int,
          rooms: Rooms) -> None:
    """Piers rising over the parapet in steps, windows between them over chevron spandrels."""
    (x0, top), (x1, _) = _px(image, front.left, front.roof), _px(image, front.right, FOOT)
    fascia = round(FASCIA[0] * image.get_height())
    piers = 7
    pitch = (x1 - x0) / piers
    pier_w = max(2, round(pitch * 0.22))
    pier = mix(front.wall, CAP, 0.22)
    for k in range(piers + 1):
        x = round(x0 + k * pitch) - pier_w // 2
        rise = (16 if k % 2 == 0 else 9) * unit
        image.fill((*pier, 255), (x, top - rise, pier_w, fascia - top + rise))
        image.fill((*pier, 255), (x + pier_w // 4, top - rise - 5 * unit, pier_w // 2, 5 * unit))
        image.fill((*scaled(pier, 0.6), 255), (x + pier_w - unit, top - rise, unit,
                                               fascia - top + rise))
    height = image.get_height()
    for floor in front.floors:
        y = round(floor * height)
        for k in range(piers):
            left = round(x0 + k * pitch) + pier_w // 2 + 3 * unit
            right = round(x0 + (k + 1) * pitch) - pier_w // 2 - 3 * unit
            rect = pygame.Rect(left, y, right - left, round(0.058 * height))
            rooms.window(image, rect, rng.random() < LIT_ROOMS * 0.7, rng, unit)
            _chevrons(image, pygame.Rect(left, rect.bottom + 4 * unit, rect.width, 10 * unit),
                      pier)


def _chevrons(image: pygame.Surface, rect: pygame.Rect, color: Color) -> None:
    """A spandrel's zigzag under a window."""
    points = [(rect.left + rect.width * k // 6, rect.bottom if k % 2 else rect.top)
              for k in range(7)]
    pygame.draw.lines(image, (*color, 255), False, points, 1)


def _hotel(image: pygame.Surface, front: Front, rng: random.Random, unit: int,
           rooms: Rooms) -> None:
    """A cornice over rows of sash windows, many lit, each room its own light."""
    (x0, top), (x1, _) = _px(image, front.left, front.roof), _px(image, front.right, FOOT)
    image.fill((*mix(front.wall, CAP, 0.4), 255), (x0 - 3 * unit, top, x1 - x0 + 6 * unit,
                                                   5 * unit))
    image.fill((*scaled(front.wall, 0.45), 255), (x0, top + 5 * unit, x1 - x0, 3 * unit))
    height, width = image.get_height(), image.get_width()
    pitch = round(0.024 * width)
    sign_x = round(0.765 * width)  # the vertical sign's column stays wall
    for floor in front.floors:
        y = round(floor * height)
        for x in range(x0 + pitch // 2, x1 - pitch, pitch):
            if abs(x + pitch // 4 - sign_x) < pitch:
                continue
            rect = pygame.Rect(x, y, pitch // 2, round(0.042 * height))
            image.fill((*mix(front.wall, CAP, 0.3), 255), rect.inflate(2 * unit, 2 * unit))
            rooms.window(image, rect, rng.random() < LIT_ROOMS * 1.3, rng, unit)


def _stepped(image: pygame.Surface, front: Front, unit: int) -> None:
    """A low shop's parapet stepped up in its middle."""
    (x0, top), (x1, _) = _px(image, front.left, front.roof), _px(image, front.right, FOOT)
    middle = (x1 - x0) // 3
    for k, rise in enumerate((8, 16)):
        inset = middle // 2 * k
        rect = (x0 + middle - inset // 2 + k, top - rise * unit, middle + inset - 2 * k,
                rise * unit)
        image.fill((*front.wall, 255), rect)
        image.fill((*mix(front.wall, CAP, 0.35), 255), (rect[0], rect[1], rect[2], 2 * unit))


def shopfront(image: pygame.Surface, front: Front, rng: random.Random,
              unit: int) -> list[CounterWindow]:
    """The ground floor: lit display windows with the shop's goods, a dark door, the light
    falling out on the sidewalk; a coffee shop's windows kept bare for their people."""
    (x0, y0), (x1, foot) = _px(image, front.left, SHOP_TOP), _px(image, front.right, FOOT)
    x0, x1 = max(x0, 0) + 6 * unit, min(x1, image.get_width()) - 6 * unit
    bottom = foot - 6 * unit
    door = x0 + round((x1 - x0) * rng.uniform(0.35, 0.6))
    wide = max(3, round(DOOR * image.get_width()))
    light = GOODS_LIGHT[front.goods]
    windows = []
    for left, right, to_door in ((x0, door - unit, 1), (door + wide + unit, x1, -1)):
        if right - left > 3:
            rect = pygame.Rect(left, y0, right - left, bottom - y0)
            if front.goods == "counter":
                doorway = pygame.Rect(door, y0, wide, bottom - y0)
                windows.append(_counter_window(image, rect, light, rng, unit, to_door, doorway))
            else:
                _display(image, rect, light, front.goods, rng, unit)
            _pool(image, rect, light, foot)
    image.fill((8, 8, 10, 255), (door, y0 + unit, wide, foot - y0 - unit))
    image.fill((*scaled(light, 0.25), 255), (door + wide // 6, y0 + 3 * unit, wide * 2 // 3,
                                             (foot - y0) // 2))
    return windows


MULLION = (14, 12, 14)  # a display window's frame
DOOR = 0.016  # a shop's door, of the picture's width
GOODS_UNITS = 30  # a display window's height in the units its goods are drawn in
GOODS_LIGHT: dict[str, Color] = {
    "bar": (200, 70, 80), "jewels": (255, 226, 170), "bottles": (255, 214, 150),
    "counter": (236, 244, 222), "records": (255, 200, 140),
}


def _display(image: pygame.Surface, rect: pygame.Rect, light: Color, goods: str,
             rng: random.Random, unit: int) -> None:
    """A display window lit from inside, brighter to its top, with what it shows."""
    _lit_glass(image, rect, light)
    image.set_clip(rect)  # (what stands in the window is cut by its frame)
    DRAWERS[goods](image, rect, light, rng, rect.height / GOODS_UNITS)
    image.set_clip(None)
    for frame in _mullions(rect, unit):
        image.fill((*MULLION, 255), frame)


def _lit_glass(image: pygame.Surface, rect: pygame.Rect, light: Color) -> None:
    """A display window's glass lit from inside, brighter to its top."""
    for y in range(rect.top, rect.bottom, 3):
        t = (y - rect.top) / max(1, rect.height)
        image.fill((*scaled(light, 0.85 - 0.35 * t), 255), (rect.left, y, rect.width, 3))


def _mullions(rect: pygame.Rect, unit: int) -> list[pygame.Rect]:
    """A display window's frame: its upright bars and its head."""
    return [*(pygame.Rect(x, rect.top, 2 * unit, rect.height)
              for x in range(rect.left, rect.right, 60 * unit)),
            pygame.Rect(rect.left, rect.top, rect.width, 2 * unit)]


def _counter_window(image: pygame.Surface, rect: pygame.Rect, light: Color,
                    rng: random.Random, unit: int, door: int,
                    doorway: pygame.Rect | None = None) -> CounterWindow:
    """A coffee shop's window, the door on its `door` side (`doorway`: where): lit, its
    counter and lamps and frame painted, its people left to be drawn as they move."""
    _lit_glass(image, rect, light)
    window = CounterWindow(image, Counter(rect, rect.height / GOODS_UNITS, rng.getrandbits(32),
                                          door), _mullions(rect, unit), doorway)
    for frame in window.mullions:
        image.fill((*MULLION, 255), frame)
    return window


def _jewels(image: pygame.Surface, rect: pygame.Rect, light: Color, rng: random.Random,
            unit: float) -> None:
    """Dark velvet stands, a glint on each."""
    for k in range(int(rect.width / (10 * unit))):
        x = rect.left + round((4 + 10 * k) * unit)
        high = round(rng.uniform(5, 12) * unit)
        image.fill((40, 20, 36, 255), (x, rect.bottom - high, round(5 * unit), high))
        pygame.draw.circle(image, (255, 255, 236, 255), (x + round(2.5 * unit),
                                                         rect.bottom - high), max(1, round(unit)))


def _bottles(image: pygame.Surface, rect: pygame.Rect, light: Color, rng: random.Random,
             unit: float) -> None:
    """Shelves of bottles, green, amber and clear."""
    glass = ((40, 90, 50), (140, 80, 24), (200, 200, 190), (90, 30, 24))
    step = round(9 * unit)
    for shelf in range(rect.top + round(3 * unit), rect.bottom - step, step):
        image.fill((50, 36, 24, 255), (rect.left, shelf + step - round(unit), rect.width,
                                       max(1, round(unit))))
        for x in range(rect.left + round(2 * unit), rect.right - round(3 * unit),
                       round(3.5 * unit)):
            color = rng.choice(glass)
            image.fill((*color, 255), (x, shelf + round(3.5 * unit), round(2.3 * unit),
                                       round(4.5 * unit)))
            image.fill((*color, 255), (x + round(0.8 * unit), shelf + round(1.5 * unit),
                                       max(1, round(0.8 * unit)), round(2 * unit)))


def _records(image: pygame.Surface, rect: pygame.Rect, light: Color, rng: random.Random,
             unit: float) -> None:
    """Record sleeves racked in rows."""
    sleeves = ((200, 40, 60), (30, 60, 140), (230, 200, 60), (20, 20, 24), (220, 220, 210),
               (60, 150, 90))
    side = round(6 * unit)
    for y in range(rect.top + round(3 * unit), rect.bottom - side, side + round(2 * unit)):
        for x in range(rect.left + round(2 * unit), rect.right - side, side + round(1.5 * unit)):
            if rng.random() < 0.8:
                image.fill((*rng.choice(sleeves), 255), (x, y, side, side))


DRAWERS = {"bar": bar, "jewels": _jewels, "bottles": _bottles, "counter": counter,
           "records": _records}


def _pool(image: pygame.Surface, window: pygame.Rect, light: Color, foot: int) -> None:
    """The window's light out on the sidewalk, fading towards the kerb."""
    kerb = round(KERB * image.get_height())
    glow = radial(64, scaled(light, SHOP_GLOW), 1.6)
    glow = pygame.transform.smoothscale(glow, (round(window.width * 1.5),
                                               max(2, (kerb - foot) * 2)))
    image.blit(glow, (window.centerx - glow.get_width() // 2, foot - glow.get_height() // 2),
               special_flags=pygame.BLEND_RGB_ADD)


def paint_ground(image: pygame.Surface) -> None:
    """The sidewalk, the kerb, and the road with its lane dashes (the shop windows' light is
    laid on them after)."""
    width, height = image.get_size()
    unit = max(1, height // 360)
    foot, kerb = round(FOOT * height), round(KERB * height)
    pavement = pygame.Surface((width, kerb - foot))
    pavement.fill(PAVEMENT)
    for x in range(0, width, round(0.07 * width)):
        pavement.fill(scaled(PAVEMENT, 0.75), (x, 0, unit, kerb - foot))
    image.blit(pavement, (0, foot))
    for y in range(kerb, height, 2):
        t = (y - kerb) / max(1, height - kerb)
        image.fill((*mix(ASPHALT_FAR, ASPHALT_NEAR, t), 255), (0, y, width, 2))
    image.fill((*scaled(CAP, 0.7), 255), (0, kerb - 2 * unit, width, 2 * unit))
    image.fill((6, 6, 8, 255), (0, kerb, width, 3 * unit))
    dash_y = round((LANES[0] + LANES[1]) / 2 * height)
    for x in range(-round(0.03 * width), width, round(0.12 * width)):
        image.fill((*PAINT, 255), (x, dash_y, round(0.06 * width), 2 * unit))


def mirroring(image: pygame.Surface, seed: int) -> Generator[None, None, pygame.Surface]:
    """The block as the wet road shows it under the kerb: upside down about the walls' foot,
    darker, smeared down and rippled (made once, in three pieces)."""
    width, height = image.get_size()
    foot, kerb = round(FOOT * height), round(KERB * height)
    rows = height - kerb
    top = max(0, 2 * foot - height)
    source = pygame.Surface((width, 2 * foot - kerb - top))
    source.blit(image, (0, 0), (0, top, width, source.get_height()))
    flipped = pygame.transform.flip(source, False, True)
    across, down = MIRROR_SMEAR
    small = pygame.transform.smoothscale(flipped, (width // across,
                                                   max(1, flipped.get_height() // down)))
    yield
    smeared = pygame.transform.smoothscale(small, flipped.get_size())
    smeared.fill(tuple(round(255 * k) for k in MIRROR_DIM), special_flags=pygame.BLEND_RGB_MULT)
    yield
    out = pygame.Surface((width, rows))
    out.fill((0, 0, 0))
    phase = random.Random(seed).uniform(0, math.tau)
    for y in range(0, rows, RIPPLE_ROWS):
        push = round(math.sin(y * RIPPLE_WAVE + phase) * RIPPLE * (0.5 + y / rows))
        out.blit(smeared, (push, y), (0, y, width, RIPPLE_ROWS))
    return out
