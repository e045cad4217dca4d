"""The May Company building in the skyline's distance: a gold cylinder on its banded box."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.maycompany_surfaces import (
    BANDS,
    BASE,
    BOX_TALL,
    DRUM_HALF,
    DRUM_TALL,
    FRAME_HALF,
    FRAME_TALL,
    GRANITE,
    STONE,
)

GOLD = (206, 160, 72)  # the cylinder's tile, seen from afar by day
FLOODLIT = (230, 150, 58)  # ...and under the warm floodlights at night
FLOOD_LOW, FLOOD_LIT = 0.3, 0.4  # how bright the floodlit gold is: the least, and more with `lit`
TOWER_TALL = 0.66  # the cylinder's height, of the skyline's tallest tower
LEFT, RIGHT = 0.55, 0.7  # the cylinder's left edge and the box's far end, of the width
LIGHT_FROM = (-0.45, 0.89)  # the light on the cylinder: from the left (x) and ahead of it (the
# sun on the right turns it round: see `drum_pixels`)
SHADED = 0.3  # how bright the cylinder is where the light does not reach (its right edge)
SHINE_AT, SHINE_WIDE = -0.3, 0.12  # its narrow highlight: where across, how wide
SHINE, SHINE_PALE = 0.5, 0.1  # how much brighter the gold is there, and how much paler
FLOOD_RISE, FLOOD_FALL = 0.35, 0.45  # at night its foot is floodlit: how much, how far up
CORNICE, CAP_SHADOW = 1.45, 0.6  # its top edge catches the light; the line under it is dark
SEAM_DARK = 0.62  # the ring where it meets the box
BAND_THIN = 40  # a band is this many times thinner than the box is tall (1 pixel at least)
COPING = 0.3  # the granite frame's top edge takes this much of the gold's light
GRANITE_HAZE = 0.35  # by day the granite goes this far towards the towers' hazed colour
BASE_DARK = 0.6  # the box's granite base, darker than its stone
NIGHT_BAND = (255, 180, 90)  # the bands' edges catch the floodlights at night
FOOT = BANDS[0]  # the cylinder stands on the box's corner: its foot this share up the box
STONE_HAZE = 0.3  # by day the cream stone goes this far towards the towers' hazed colour
SHADED_END = 0.8  # the box's far end, turned from the light, is this bright
LIT_END = 1.1  # ...and this bright when the sun stands on its side
RECESS, LIP = 0.55, 1.12  # a band's recess, and the lip over it that catches the light


@dataclass(frozen=True)
class Landmark:
    """Where the building's parts stand in the towers' picture (tops up from `floor`)."""

    drum: pygame.Rect
    frame: pygame.Rect
    box: pygame.Rect

    def hides(self, rect: pygame.Rect) -> bool:
        """Is this rectangle (a window of a tower behind) covered by the building?"""
        return rect.collidelist([self.drum, self.frame, self.box]) >= 0


def landmark(width: int, floor: int, tallest: int) -> Landmark:
    """The building standing on `floor` (a row of the towers' picture) in a picture `width`
    wide, its cylinder TOWER_TALL of the `tallest` tower: the proportions of maycompany_surfaces.py,
    but that the cylinder stands on the box's corner, the box running on under it."""
    tall = max(4, int(tallest * TOWER_TALL))
    half = max(2, round(tall * DRUM_HALF / DRUM_TALL))
    left = int(width * LEFT)
    centre = left + half
    box_tall = round(tall * BOX_TALL / DRUM_TALL)
    foot = floor - round(box_tall * FOOT)
    drum = pygame.Rect(left, foot - tall, 2 * half, tall)
    frame_half = round(half * FRAME_HALF / DRUM_HALF)
    frame_tall = round(tall * FRAME_TALL / DRUM_TALL)
    frame = pygame.Rect(centre - frame_half, foot - frame_tall, 2 * frame_half, frame_tall)
    box = pygame.Rect(frame.left, floor - box_tall, int(width * RIGHT) - frame.left, box_tall)
    return Landmark(drum, frame, box)


def paint_landmark(image: pygame.Surface, where: Landmark, color: Color,
                   light: tuple[float, float], lit: float) -> None:
    """The box with its bands (cream stone by day, in the towers' `color` at night), the
    granite frame, then the cylinder on its corner: gold by day, floodlit gold at night
    (dimmer the fewer lights are on). `light` is the daylight and the sun's side (-1 left,
    1 right: see sky.sun_side), which the cylinder is lit from and the box's end turned to."""
    daylight, side = light
    _box(image, where.box, color, light, lit)
    granite = mix(GRANITE, color, GRANITE_HAZE * daylight)
    gold = mix(scaled(FLOODLIT, FLOOD_LOW + FLOOD_LIT * lit), GOLD, daylight)
    image.fill((*granite, 255), where.frame)
    image.fill((*mix(granite, gold, COPING), 255), (*where.frame.topleft, where.frame.width, 1))
    pixels = drum_pixels(where.drum.size, gold, lit * (1 - daylight),
                         where.box.top - where.drum.top, side)
    image.blit(pygame.surfarray.make_surface(pixels), where.drum)


def _box(image: pygame.Surface, box: pygame.Rect, color: Color, light: tuple[float, float],
         lit: float) -> None:
    """The long box: its stone (its far end turned from the light, or lit by the sun on its
    side), its dark granite base, its streamline bands (a dark recess under a lip that
    catches the light)."""
    daylight, side = light
    stone = mix(color, mix(STONE, color, STONE_HAZE), daylight)
    image.fill((*stone, 255), box)
    end = max(1, box.width // 12)
    turned = SHADED_END + (LIT_END - SHADED_END) * (1 + side) / 2
    image.fill((*scaled(stone, turned), 255), (box.right - end, box.y, end, box.height))
    base = round(box.height * BASE)
    image.fill((*scaled(color, BASE_DARK), 255), (box.x, box.bottom - base, box.width, base))
    thin = max(1, box.height // BAND_THIN)
    recess = scaled(stone, RECESS) if daylight > 0.3 else mix(stone, NIGHT_BAND, lit * 0.4)
    for share in BANDS:
        y = box.bottom - round(box.height * share)
        image.fill((*recess, 255), (box.x, y, box.width, thin))
        if daylight > 0.3:
            image.fill((*scaled(stone, LIP), 255), (box.x, y - thin, box.width, thin))


def drum_pixels(size: tuple[int, int], gold: Color, flood: float, seam: int,
                side: float) -> np.ndarray:
    """The cylinder's pixels (columns, rows, rgb): each column as bright as its surface faces
    the light (from the left, turned round to the right as the sun's `side` goes from -1 to
    1), a narrow highlight, a floodlit foot (`flood` 0..1), a flat top with a lighter
    cornice, the seam `seam` rows down (where the box's roof meets it) and a dark foot
    where it stands on the box."""
    width, height = size
    across = (np.arange(width) + 0.5) / (width / 2) - 1  # -1 at the left edge, 1 at the right
    facing = np.sqrt(1 - across ** 2)  # how squarely the surface faces us
    light = np.clip(across * (LIGHT_FROM[0] * -side) + facing * LIGHT_FROM[1], 0, 1)
    shade = SHADED + (1 - SHADED) * light
    shine = np.exp(-((across - SHINE_AT * -side) / SHINE_WIDE) ** 2)[:, None]
    tile = np.array(gold, np.float64)
    columns = tile * (shade[:, None] + SHINE * shine) + (255 - tile) * SHINE_PALE * shine
    up = height - (np.arange(height) + 0.5)  # pixels above the ground
    rows = 1 + FLOOD_RISE * flood * np.exp(-up / (FLOOD_FALL * height))
    rows[0], rows[min(1, height - 1)] = CORNICE, CAP_SHADOW
    rows[min(max(seam, 2), height - 1)] *= SEAM_DARK
    pixels = columns[:, None, :] * rows[None, :, None]
    pixels[:, height - 1:] *= CAP_SHADOW
    return np.clip(pixels, 0, 255).astype(np.uint8)
