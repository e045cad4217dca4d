"""The May Company lit for a story hour: its colours as sums of the lights that reach each
pixel (the low sun, the floodlights warm then whiter, the sky, its shop windows)."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import cast

import numpy as np
import pygame

from installation.visuals.base import chunks, clamp01, mix, touched_floats
from installation.visuals.maycompany_surfaces import GOLD, PIECE_COLUMNS, Maps, spans
from installation.visuals.palette import light_at

PIECE_PIXELS = 5000  # the building is reduced to its lights, and lit, this many pixels a piece
# The lights a pixel's colour sums, by the map of how much of each reaches it: per channel,
# and for all channels alike (the first: the greyed albedo under the cool flood).
TINTED_LIGHTS, PLAIN_LIGHTS = ("ambient", "sun", "flood"), ("flood", "gloss", "sky", "shop")
PIXEL_BYTES = 4  # the building's surfaces: 32 bits a pixel
TOUCH_PIECE = 1 << 19  # bytes: new large arrays are first written this much a piece
SUN_LOW, SUN_HIGH = (255, 150, 70), (255, 236, 206)
FLOOD_WARM, FLOOD_COOL = (255, 188, 104), (236, 226, 214)  # late: a whiter light, still on gold
SHOP = (255, 196, 128)
GLOSS, GLINT = 0.9, 235  # the gloss band's strength, and its colour under the cool floods
COOL_PALE = 0.35  # how far the whiter floods take the gold towards pale (at 0.8 under blue
#                  floods the drum went steel blue and read as a gas holder)
SUN_REDDENS = 0.45  # the sun reddens as daylight falls below this
FLOOD_ON = 1.8  # the floodlights are full on once daylight is below 1 / this
SHOPS_ON = (1.2, 2.2)  # the shop windows' light: a - b * daylight
AMBIENT = (0.22, 0.04)  # light from the sky: a share of its colour, and a floor
WARM_UNTIL = 0.03  # daylight at which the floodlights have gone fully cool (whiter)
WARM_SPAN = 0.16  # ...from fully warm this much daylight before


@dataclass(frozen=True)
class Basis:
    """The building's colours as sums of its lights, for the pixels it covers: per channel,
    albedo times (ambient, sun, warm flood); and for all channels alike, the greyed albedo
    under the cool flood, the gloss, the mirrored sky and the shop windows' own light. Only
    the lights that reach some pixel are kept (a burnt husk: two of seven), and which."""

    index: np.ndarray  # (pixels,) flat positions in the image
    tinted: np.ndarray  # (3 channels, tinted lights kept, pixels)
    plain: np.ndarray  # (plain lights kept, pixels)
    alpha: np.ndarray  # (pixels,) 0..255
    kept: tuple[list[int], list[int]]  # the tinted lights kept (of 3), and the plain (of 4)


@dataclass(frozen=True)
class Lights:
    """The lights of one story hour, each an rgb 0..1 array."""

    ambient: np.ndarray
    sun: np.ndarray
    flood: np.ndarray
    sky: np.ndarray
    shop: np.ndarray
    cool: float  # 0 while the floodlights are warm, 1 once they have turned whiter



def lights_at(hour: float, lit: float | None) -> tuple[Lights, float]:
    """The lights at the story hour: the sun going down, the floodlights coming on warm and
    turning cool and whiter, the sky the tiles mirror at their sides; and the floods' strength."""
    light = light_at(hour)
    day = light.daylight
    sun = np.array(mix(SUN_LOW, SUN_HIGH, clamp01((day - SUN_REDDENS) / SUN_REDDENS)),
                   np.float32) / 255
    flood = lit if lit is not None else clamp01(1 - day * FLOOD_ON)
    warmth = clamp01((day - WARM_UNTIL) / WARM_SPAN)
    flood_rgb = np.array(mix(FLOOD_COOL, FLOOD_WARM, warmth), np.float32) / 255
    sky = np.array(mix(light.top, light.bottom, 0.45), np.float32) / 255
    shops = clamp01(SHOPS_ON[0] - day * SHOPS_ON[1])
    return Lights(ambient=sky * AMBIENT[0] + AMBIENT[1], sun=sun * clamp01(day * 1.6) ** 0.8,
                  flood=flood_rgb * flood, sky=sky * (0.5 + 0.6 * (1 - day)),
                  shop=np.array(SHOP, np.float32) / 255 * shops, cool=1 - warmth), flood


def basis_of(maps: Maps) -> Generator[None, None, Basis]:
    """The painted maps reduced to the pixels the building covers, as sums of its lights
    (a few pixels a piece)."""
    h = maps.alpha.shape[1]
    found = []
    for cols in spans(slice(0, maps.alpha.shape[0]), PIECE_COLUMNS * 8):
        found.append(np.flatnonzero(maps.alpha[cols] > 0) + cols.start * h)  # flat positions
        yield
    index = np.concatenate(found)
    # A light that reaches no pixel adds nothing: left out of the sums (the same colours).
    tinted_kept, plain_kept = (
        [k for k, name in enumerate(names) if getattr(maps, name).any()]
        for names in (TINTED_LIGHTS, PLAIN_LIGHTS))
    tinted = yield from touched_floats((3, len(tinted_kept), len(index)), TOUCH_PIECE)
    plain = yield from touched_floats((len(plain_kept), len(index)), TOUCH_PIECE)
    for part in chunks(len(index), PIECE_PIXELS):
        kept = index[part]

        def pick(weight: np.ndarray, kept: np.ndarray = kept) -> np.ndarray:
            return weight.reshape(-1)[kept]

        albedo = maps.albedo.reshape(-1, 3)[kept].T  # (3, pixels)
        lights = [pick(getattr(maps, TINTED_LIGHTS[k])) for k in tinted_kept]
        for channel, colour in enumerate(albedo):
            for row, light in enumerate(lights):
                tinted[channel, row, part] = colour * light
        plains = [albedo.mean(axis=0) * pick(maps.flood), pick(maps.gloss), pick(maps.sky),
                  pick(maps.shop)]
        for row, k in enumerate(plain_kept):
            plain[row, part] = plains[k]
        yield
    alpha = np.round(maps.alpha.reshape(-1)[index] * 255).astype(np.uint8)
    return Basis(index, tinted, plain, alpha, (tinted_kept, plain_kept))


def places_of(index: np.ndarray, height: int, pitch: int) -> np.ndarray:
    """Flat positions in an image's (columns, rows) arrays as positions in the memory of a
    32-bit surface of it whose rows are `pitch` bytes apart."""
    columns, rows = np.divmod(index, height)
    return rows * (pitch // PIXEL_BYTES) + columns


def write(image: pygame.Surface, places: np.ndarray, rgb: np.ndarray,
           alpha: np.ndarray) -> np.ndarray:
    """Set the pixels at `places` in a 32-bit surface's memory to colours `rgb` (3, pixels)
    and `alpha` (pixels,), straight into it (no full-size copy through an array); the pixels
    as written."""
    *colour_shifts, alpha_shift = image.get_shifts()
    packed = alpha.astype(np.uint32) << alpha_shift
    for channel, shift in zip(rgb, colour_shifts, strict=True):
        packed |= channel.astype(np.uint32) << shift
    # (a BufferProxy is a buffer; pygame's type stubs do not say so)
    np.frombuffer(cast(memoryview, image.get_buffer()), np.uint32)[places] = packed
    return packed


def lit_colours(basis: Basis, lights: Lights, part: slice) -> np.ndarray:
    """The colours of the building's pixels `part` under the lights, (3, pixels) 0..255
    (unclipped)."""
    cool = lights.cool * COOL_PALE
    # Blue light on gold would go olive: under the cool floods the gold is greyed, so it
    # reads blue; its gloss goes from gold to a white glint.
    gloss = (lights.sun + lights.flood) * (np.array(GOLD) * (1 - lights.cool)
                                           + GLINT * lights.cool) * GLOSS
    tinted = np.stack([lights.ambient, lights.sun, lights.flood * (1 - cool)], axis=1)
    plain = np.stack([lights.flood * cool, gloss, lights.sky * 255 * 0.5, lights.shop * 255],
                     axis=1)
    # einsum: several times faster than matmul over so few lights and so many pixels
    tinted_kept, plain_kept = basis.kept
    colours = np.einsum("ck,ckp->cp", tinted[:, tinted_kept].astype(np.float32),
                        basis.tinted[..., part])
    if not plain_kept:  # (einsum over no lights at all is slow)
        return colours
    return colours + np.einsum("ck,kp->cp", plain[:, plain_kept].astype(np.float32),
                               basis.plain[:, part])

