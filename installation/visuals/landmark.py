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
# By day the cylinder is modelled round: its shade side falls darker (DAY_SHADED, the light
# turning off it by DAY_TURN), the sky lighting its very edge a little (DAY_SKY), its highlight
# softer and wider; its gold mosaic shows in vertical seams TILE_PX of its surface apart
# (foreshortened towards its edges, none where it turns too far from us to see them) and faint
# courses across (plain gold with one bright stripe read as a battery, 14:00).
DAY_SHADED, DAY_TURN, DAY_SKY = 0.18, 1.6, 0.22
DAY_SHINE, DAY_SHINE_WIDE = 0.3, 0.22
TILE_PX, SEAM_DAY, COURSE_DAY, SEAMS_TO = 3.5, 0.8, 0.96, 0.3
# By day (daylight over DAY_ROLL) the box's far end rounds off over ROLL of its length, a
# streamline corner (a flat step read as a slab).
ROLL, DAY_ROLL = 0.12, 0.3


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
                         where.box.top - where.drum.top, side, daylight)
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
    if daylight > DAY_ROLL:  # by day its far end rounds off, turning from us into the light
        roll = max(2, round(box.width * ROLL))
        for k in range(roll):
            t = ((k + 1) / roll) ** 2
            image.fill((*scaled(stone, 1 + (turned - 1) * t), 255),
                       (box.right - roll + k, box.y, 1, box.height))
    else:
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
                side: float, day: float = 0.0) -> np.ndarray:
    """The cylinder's pixels (columns, rows, rgb): each column as bright as its surface faces
    the light (from the left, turned round to the right as the sun's `side` goes from -1 to
    1), a narrow highlight, a floodlit foot (`flood` 0..1), a flat top with a lighter
    cornice, the seam `seam` rows down (where the box's roof meets it) and a dark foot
    where it stands on the box; by `day` (0..1) modelled round, its mosaic's seams showing
    (see DAY_SHADED)."""
    width, height = size
    across = (np.arange(width) + 0.5) / (width / 2) - 1  # -1 at the left edge, 1 at the right
    facing = np.sqrt(1 - across ** 2)  # how squarely the surface faces us
    light = np.clip(across * (LIGHT_FROM[0] * -side) + facing * LIGHT_FROM[1], 0, 1)
    shade = SHADED + (1 - SHADED) * light
    round_shade = (DAY_SHADED + (1 - DAY_SHADED) * light ** DAY_TURN
                   + DAY_SKY * (1 - light) * (1 - facing))
    shade = shade + (round_shade - shade) * day
    wide = SHINE_WIDE + (DAY_SHINE_WIDE - SHINE_WIDE) * day
    shine = np.exp(-((across - SHINE_AT * -side) / wide) ** 2)[:, None]
    shine = shine * (SHINE + (DAY_SHINE - SHINE) * day) / SHINE
    tile = np.array(gold, np.float64)
    columns = tile * (shade[:, None] + SHINE * shine) + (255 - tile) * SHINE_PALE * shine
    columns = columns * (1 - (1 - _seams(across, width)) * day)[:, None]
    up = height - (np.arange(height) + 0.5)  # pixels above the ground
    rows = 1 + FLOOD_RISE * flood * np.exp(-up / (FLOOD_FALL * height))
    rows = rows * (1 - (1 - COURSE_DAY) * day * (np.arange(height) % round(TILE_PX) == 0))
    rows[0], rows[min(1, height - 1)] = CORNICE, CAP_SHADOW
    rows[min(max(seam, 2), height - 1)] *= SEAM_DARK
    pixels = columns[:, None, :] * rows[None, :, None]
    pixels[:, height - 1:] *= CAP_SHADOW
    return np.clip(pixels, 0, 255).astype(np.uint8)


def _seams(across: np.ndarray, width: int) -> np.ndarray:
    """How bright each column is for the mosaic's vertical seams (SEAM_DAY on one): a seam
    every TILE_PX of the surface round the cylinder, none where it faces us less than
    SEAMS_TO (there they would run together)."""
    round_px = np.arcsin(np.clip(across, -1, 1)) * width / 2  # round the surface, pixels
    tile = np.floor(round_px / TILE_PX)
    seam = np.concatenate(([False], np.diff(tile) != 0))
    seen = np.sqrt(1 - across ** 2) > SEAMS_TO
    return np.where(seam & seen, SEAM_DAY, 1.0)
