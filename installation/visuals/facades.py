"""The skyline's buildings in the light: each face's material, its sun or shade, its facade
(piers, fins, ribbons of glass, a curtain wall with the sky in it) and the haze in front."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pygame

from installation.visuals.base import Color, clamp01, mix, scaled
from installation.visuals.palette import light_at, sun_position
from installation.visuals.tower_shapes import Building, Detail, outline, split

# What the faces are made of by day (the night leaves only the buildings' own colour).
MATERIALS: dict[str, tuple[Color, ...]] = {
    "deco": ((214, 198, 166), (200, 206, 186), (222, 206, 180)),  # limestone, terra cotta
    "ribbed": ((226, 226, 222),),  # white fins
    "banded": ((208, 204, 196), (196, 188, 176)),  # concrete spandrels
    "glass": ((40, 58, 70), (66, 54, 44), (76, 92, 112)),  # blue-green, bronze, silver
    "low": ((206, 194, 174), (188, 184, 176), (210, 188, 172)),  # stucco
}
MATERIAL = 0.72  # how far the noon takes a face from the buildings' colour to its material
REFLECT = 0.4  # how much of the sky a glass face shows (more as the light goes)
SUNLIT = (255, 246, 226)
LOW_SUN = (255, 186, 120)  # the sun's light on the faces as it sets
SUN, SHADE, SKY_FILL = 0.5, 0.5, 0.22  # by day a sunlit face goes this far to the sun's
# colour, a shaded one this much darker and this far to the sky's blue
FRONT = 0.3  # how much sun the front face takes (the side faces: none to all, by its side)
SIDE_LIGHT = (0.05, 1.9)  # a side face's sun: with the sun square in front, and per unit of
# the sun's side towards it
FAR_HAZE, NEAR_HAZE = (0.42, 0.2), (0.02, 0.2)  # by day: haze of a row's nearest, and more
NIGHT_FAR = 0.25  # at night the far row is this much hazier (as before there were faces)
FOOT_HAZE = 0.25  # by day the haze thickens down to the buildings' feet by this much more
ROOF_EDGE = 0.22  # a tier's top row (its parapet, its cornice) this much lighter in the sun
WOOD, STEEL = (122, 98, 74), (96, 98, 104)  # a water tank, an antenna by day
SIGN_BOARD, SIGN_PAINT, SIGN_LIGHT = (226, 222, 214), (150, 40, 36), (255, 86, 70)  # a roof
# sign's board by day, its letters by day and lit at night
CROWN_LIGHT = {"deco": (255, 224, 168), "glass": (206, 224, 255)}  # floodlit at night
CROWN_FOOT, CROWN_TOP = 0.75, 0.25  # a lit crown's floodlight at its foot and at its top
CROWN_FIN = 0.35  # its dark fins, a column in three, take this share of the light
CROWN_FROM = 0.8  # a crown is floodlit from the tiers above this share of its height
NIGHT_CROWN = 0.4  # the floodlit crowns come on as the daylight falls below this
LOW_LIGHT, LOW_FROM = 0.6, 0.5  # the low sun's light on the faces turned to it, from dawn
# and as it sets, full from this daylight
AIR, BLUE_HAZE = 0.6, 0.35  # how far the day's haze over the towers goes to the sky's colour
# at the horizon, then to its blue overhead (under a pale horizon: none under a warm one)
WARM_HORIZON = 50  # a horizon this much redder than blue is warm


@dataclass(frozen=True)
class Light:
    """The light the blocks are painted in: worked out once for all of them."""

    daylight: float
    sun: float  # 0 at dusk .. 1 at noon: how much the sun shows on the faces
    side: float  # -1 the sun on the left .. 1 on the right (sky.sun_side)
    direct: float  # 0..1: the sun's own light on the faces turned to it (low and warm too)
    base: Color  # the buildings' own colour (all the night shows)
    haze: Color  # what distance does to them
    sky: Color  # the sky overhead (the shade's fill, the glass's top)
    horizon: Color  # the sky at the horizon (the glass's foot)
    night: float  # 0..1: how much the lit crowns show


def light_of(hour: float, day: tuple[float, float, float], base: Color, haze: Color,
             night: Color) -> Light:
    """The light at `hour` for the daylight, the sun on the faces and its side in `day`:
    the haze (`haze`, the distance's own colour) going to the sky's at the horizon, then
    to its blue under a pale horizon; the sky in the glass (the `night` haze's colour in the
    dark, so the night's light stays one); the low sun on the faces turned to it."""
    daylight, sun, side = day
    sky = light_at(hour)
    warm = clamp01((sky.bottom[0] - sky.bottom[2]) / WARM_HORIZON)
    air = mix(mix(haze, sky.bottom, AIR * sun), sky.top, BLUE_HAZE * sun * (1 - warm))
    up = sun_position(hour) is not None
    direct = max(sun, LOW_LIGHT * clamp01(daylight / LOW_FROM)) if up else sun
    glass = daylight > 0
    return Light(daylight, sun, side, direct, base, air, sky.top if glass else night,
                 sky.bottom if glass else night, clamp01(1 - daylight / NIGHT_CROWN))


@dataclass(frozen=True)
class Canvas:
    """Where the blocks are painted: the row their feet stand on, a storey's height and the
    tallest tower's, in pixels; the names on the roof signs (see skyline_signs)."""

    ground: int
    storey: int
    tallest: int
    signs: Mapping[tuple[int, int], pygame.Surface] = field(default_factory=dict)


Face = tuple[pygame.Rect, int, int]  # where (on the picture), which way (0 the front, -1
# or 1 a side face), the top of its tier


def paint(image: pygame.Surface, building: Building, canvas: Canvas, light: Light,
          crown: bool = False) -> None:
    """The building's tiers, each its front and side face, then what stands on its roof;
    `crown`: its top floodlit at night."""
    haze = _haze_amount(building, light)
    screen = image.get_rect()
    faces = [(face.clip(screen), facing, rect.top)
             for rect in outline(building, canvas.ground)
             for face, facing in zip(split(building, rect), (0, building.turn), strict=True)]
    faces = [face for face in faces if face[0].width and face[0].height]
    if faces and light.daylight == 0:  # (the night's faces are plain: no sun, no sky)
        plain = _colors(building, light, 0, np.zeros(1, np.float32))[0]
        plain = plain * (1 - haze) + np.array(light.haze, np.float32) * haze
        solid = (*np.clip(plain + 0.5, 0, 255).astype(int).tolist(), 255)
        for area, _, _ in faces:
            image.fill(solid, area)
    elif faces:
        _by_day(image, faces, building, canvas, light, haze)
    for detail in building.details:
        _detail(image, detail, canvas, light, haze)
    if crown and light.night > 0:
        _crown(image, building, canvas, light)


def _by_day(image: pygame.Surface, faces: list[Face], building: Building, canvas: Canvas,
            light: Light, haze: float) -> None:
    """The faces in daylight, worked out at once over the building's box: each face's colour
    row by row, its tier's top lit, the facade, the haze thickening down to the feet."""
    box = faces[0][0].unionall([face[0] for face in faces[1:]])
    rows = canvas.ground - np.arange(box.top, box.bottom, dtype=np.float32)  # above ground
    colors = {facing: _colors(building, light, facing, rows / max(1, canvas.tallest))
              for facing in (0, building.turn)}
    shown = np.zeros((box.width, box.height, 3), np.float32)
    for area, facing, top in faces:
        cols = slice(area.left - box.left, area.right - box.left)
        first = area.top - box.top
        shown[cols, first:area.bottom - box.top] = colors[facing][first:area.bottom - box.top]
        if area.top == top:
            shown[cols, first] *= 1 + ROOF_EDGE * light.sun
    shown *= _facade(building.kind, np.arange(box.left, box.right) - building.x,
                     rows.astype(int), canvas.storey, light.sun, building.tone)[..., None]
    amount = _foot(haze, rows, canvas.tallest, light.daylight)[None, :, None]
    shown = shown * (1 - amount) + np.array(light.haze, np.float32) * amount
    out = np.clip(shown + 0.5, 0, 255).astype(np.uint8)
    for area, _, _ in faces:
        image.fill((0, 0, 0, 255), area)
    pixels = pygame.surfarray.pixels3d(image)
    for area, _, _ in faces:
        pixels[area.left:area.right, area.top:area.bottom] = out[
            area.left - box.left:area.right - box.left, area.top - box.top:area.bottom - box.top]
    del pixels


def _colors(building: Building, light: Light, facing: int, height: np.ndarray) -> np.ndarray:
    """A face's colour on each of its rows (`height`: of the tallest tower): its material
    in the sun or in the shade; glass with the sky in it, paler towards the horizon."""
    palette = MATERIALS[building.kind]
    material = palette[min(len(palette) - 1, int(building.tone * len(palette)))]
    own = np.array(mix(light.base, material, MATERIAL * light.sun), np.float32)
    if building.kind == "glass":
        sky = np.array(light.sky, np.float32)[None] * np.clip(height, 0, 1)[:, None] + np.array(
            light.horizon, np.float32)[None] * (1 - np.clip(height, 0, 1)[:, None])
        reflect = REFLECT * clamp01(light.daylight * 1.6)
        own = own[None] * (1 - reflect) + sky * reflect * 0.8
    sunlight = np.array(mix(LOW_SUN, SUNLIT, light.sun), np.float32)
    lit = own + (sunlight - own) * SUN * light.direct
    shaded = own * (1 - SHADE * light.sun)
    shaded = shaded + (np.array(light.sky, np.float32) - shaded) * SKY_FILL * light.sun
    sun = FRONT if facing == 0 else clamp01(SIDE_LIGHT[0] + SIDE_LIGHT[1] * facing * light.side)
    return np.broadcast_to(shaded + (lit - shaded) * sun, (len(height), 3))


def _facade(kind: str, cols: np.ndarray, rows: np.ndarray, storey: int, strength: float,
            tone: float) -> np.ndarray:
    """How much lighter or darker each pixel of a face is for what it is built of, by day
    (`strength` 0 at night: a plain face): a deco tower's piers and its windows recessed
    between them; a slab's white fins or its ribbons of dark glass between concrete
    spandrels; a glass tower's curtain wall, its panels catching the sky a little
    differently, its mullions; a low block's punched windows or its bands of them."""
    col, row = cols[:, None] % 12, rows[None, :] % storey
    window = (row >= 1) & (row <= storey - 2)
    if kind == "deco":
        raw = np.where(col % 3 == 0, 1.08, np.where(window, 0.7, 0.8))
    elif kind == "ribbed":
        raw = np.where(col % 3 == 0, 1.08, np.where(row == 0, 0.94, 0.74))
    elif kind == "glass":
        panel = ((cols // 2 * 2654435761 + int(tone * 9973)) >> 9) % 17 / 17.0
        raw = (0.92 + 0.16 * panel[:, None]) * np.where(col % 6 == 0, 1.08, 1.0) * np.where(
            row == 0, 0.9, 1.0)
    elif kind == "banded" or tone > 0.5:
        ribbon = (row >= 1) & (row <= max(1, storey // 2))
        raw = np.where(ribbon, np.where(col % 4 == 0, 0.8, 0.7), 1.04)
    else:
        raw = np.where(window & (col % 4 > 0) & (col % 4 < 3), 0.76, 1.0)
    return (1 + (raw - 1) * strength).astype(np.float32)


def _haze_amount(building: Building, light: Light) -> float:
    """How far a building goes into the haze: the far row more, and the farther in its row."""
    first, more = FAR_HAZE if building.row == 0 else NEAR_HAZE
    amount = light.daylight * (first + more * building.depth)
    if building.row == 0:
        amount += NIGHT_FAR * (1 - light.daylight)
    return amount


def _foot(haze: float, rows: np.ndarray, tallest: int, daylight: float) -> np.ndarray:
    """The haze on each row: thicker down to the feet by day (the air over the city)."""
    low = np.clip(1 - rows / max(1, tallest), 0, 1) ** 2
    return np.clip(haze + FOOT_HAZE * daylight * low, 0, 1).astype(np.float32)


def _detail(image: pygame.Surface, detail: Detail, canvas: Canvas, light: Light,
            haze: float) -> None:
    """A water tank on its legs (a round wooden tub with a flat cone of a lid) or an
    antenna, in the building's haze."""
    what, x, width, low, top = detail
    if what == "sign":
        _sign(image, pygame.Rect(x, canvas.ground - top, width, top - low), light, haze,
              canvas.signs.get((x, top)))
        return
    made = WOOD if what == "tank" else STEEL
    color = mix(mix(light.base, made, MATERIAL * light.sun), light.haze,
                float(_foot(haze, np.array([low], np.float32), canvas.tallest,
                            light.daylight)[0]))
    solid = (*color, 255)
    bottom = canvas.ground - low
    if what == "antenna":
        image.fill(solid, (x, canvas.ground - top, 1, top - low))
        return
    legs = max(1, (top - low) // 3)
    for leg in (x + 1, x + width - 2):
        image.fill(solid, (leg, bottom - legs, 1, legs))
    tub = pygame.Rect(x, canvas.ground - top + 1, width, top - low - legs - 1)
    image.fill(solid, tub)
    lit = scaled(color, 1 + 0.25 * light.sun)
    half = tub.width // 2
    image.fill((*lit, 255), (tub.x + (half if light.side > 0 else 0), tub.y, tub.width - half,
                             tub.height))
    image.fill(solid, (x + 1, tub.y - 1, max(1, width - 2), 1))


def _crown(image: pygame.Surface, building: Building, canvas: Canvas, light: Light) -> None:
    """The top of the tower floodlit at night: bright at the foot of each lit tier (the
    lamps on the roof below), fading up it, between its dark fins."""
    glow = np.array(CROWN_LIGHT.get(building.kind, CROWN_LIGHT["deco"]), np.float32)
    for rect, (_, _, low, _) in zip(outline(building, canvas.ground), building.tiers,
                                    strict=True):
        area = rect.clip(image.get_rect())
        if low < CROWN_FROM * building.height or not area.width or not area.height:
            continue
        up = np.linspace(CROWN_FOOT, CROWN_TOP, rect.height, dtype=np.float32)
        up = up[area.top - rect.top:area.bottom - rect.top] * light.night
        fins = np.where((np.arange(area.left, area.right) - rect.x) % 3 == 1, CROWN_FIN, 1.0)
        pixels = pygame.surfarray.pixels3d(image)
        face = pixels[area.left:area.right, area.top:area.bottom].astype(np.float32)
        face += (glow[None, None] - face) * (up[None, :] * fins[:, None])[..., None]
        pixels[area.left:area.right, area.top:area.bottom] = np.clip(face + 0.5, 0, 255)
        del pixels


def _sign(image: pygame.Surface, rect: pygame.Rect, light: Light, haze: float,
          letters: pygame.Surface | None) -> None:
    """A name on a slab's roof: its letters (white on clear: see skyline_signs) on a board,
    by day dark red on pale, lit red at night on the dark, in the building's haze."""
    board = mix(mix(light.base, SIGN_BOARD, MATERIAL * light.sun), light.haze, haze)
    paint = mix(mix(SIGN_PAINT, SIGN_LIGHT, light.night), light.haze, haze * 0.5)
    image.fill((*board, 255), rect)
    if letters is None:
        return
    tinted = letters.copy()
    tinted.fill((*paint, 255), special_flags=pygame.BLEND_RGBA_MULT)
    image.blit(tinted, tinted.get_rect(center=rect.center))
