"""The light in Harry's room, made once: the clock radio's red figures (and their unlit
ghosts), its glow on the room and the sleeper's edge, a passing car's headlights seen through
the blinds, the red beacon in the window."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pygame

from installation.visuals import sleeper
from installation.visuals.base import Color, mix, scaled
from installation.visuals.glow import dimmed, glowing, radial, unlit
from installation.visuals.segments import (
    COLON,
    DIGIT_WIDTH,
    GAP,
    SEGMENTS,
    THICKNESS,
    segment_polygons,
)
from installation.visuals.shares import Box, Point, box
from installation.visuals.smoothed import laid, soft_glow

RIM_LEVEL = 0.3  # the red the clock's light puts on his edge, of its colour (at 0.65, added
# to his skin it was a hot pink line, not a clock's light across a dark room)
DISPLAY: Box = (0.772, 0.535, 0.868, 0.602)
DIGIT_TALL = 0.72  # a digit's height, of the display window's
LED_HOT, LED_GLOW = 0.2, 1.0  # how near white a lit segment's core is; how far it glows
GHOST = 0.01  # an unlit segment, of the lit colour: next to nothing in a dark room (at 0.05
#               the dark half of each blink read "88:88", not 12:00 going out)
SPILL_RADIUS = 0.3  # the red light on the room, of the picture width
SPILL_LEVEL = 0.42
WINDOW: Box = (0.085, 0.1, 0.355, 0.55)
SLATS = 26
SLAT_OPEN = 0.34  # of each slat's pitch, the gap the city shows through
GLASS: Box = (0.115, WINDOW[1], 0.325, WINDOW[3])  # the window between the curtains' edges:
#   a car's light slides across it, shining up from the street below through the blinds (on
#   the wall beside it, it had no source: the window is in the wall we look at, so its light
#   goes into the room and up, never onto that wall)
SWEEP_SECONDS = 3.6  # one car passing
SWEEP_WIDE = 0.75  # the patch of light, of the glass's width
SWEEP_COLOR = (168, 156, 124)  # headlights: warm white, in the gaps between the slats
SWEEP_EDGE, SWEEP_FACE = 0.7, 0.22  # the slats' lit lower edges and their faces, of that
SWEEP_LOW = 0.35  # the light at the window's top, of its light at the sill (it comes from below)
SWEEP_LEVELS = 16  # steps of a car's light as it brightens and fades
BEACON: Point = (0.2, 0.26)
BEACON_COLOR, BEACON_SECONDS = (220, 30, 20), 2.2
At = tuple[int, int]  # where a picture goes, its top left in pixels


@dataclass(frozen=True)
class Lights:
    """The room's lights, each an additive picture and where it goes: the clock's lit figures,
    their unlit ghosts, its glow on the room and its red on the sleeper's edge; a car's light
    (at full, and at the brightness steps asked for, each made once) and the wall it slides
    over; the beacon."""

    face: pygame.Surface
    ghost: pygame.Surface
    face_at: At
    spill: pygame.Surface
    spill_at: At
    rim: pygame.Surface
    rim_at: At
    sweep: pygame.Surface
    sweep_area: pygame.Rect
    beacon: pygame.Surface
    beacon_at: At
    sweeps: dict[int, pygame.Surface] = field(default_factory=dict)

    def sweep_at(self, level: float) -> pygame.Surface:
        """The car's light at one of a few brightness steps (each made once)."""
        step = round(level * SWEEP_LEVELS)
        if step not in self.sweeps:
            self.sweeps[step] = dimmed(self.sweep, step / SWEEP_LEVELS)
        return self.sweeps[step]

    def clock_areas(self, size: tuple[int, int]) -> list[pygame.Rect]:
        """Where a blink changes a picture of `size`: the clock's glow on the room, its red on
        him, its figures."""
        frame = pygame.Rect((0, 0), size)
        return [pygame.Rect(at, image.get_size()).clip(frame) for image, at in
                ((self.spill, self.spill_at), (self.rim, self.rim_at), (self.face, self.face_at))]

    def added(self, surface: pygame.Surface, lit: bool,
              offset: tuple[int, int] = (0, 0)) -> pygame.Surface:
        """The clock's light added to a picture of the room (or of the part of it at `offset`):
        the unlit segments' ghosts, and when lit its glow on the room, its red on the sleeper's
        edge and the lit figures."""
        lights = [(self.ghost, self.face_at)]
        if lit:
            lights += [(self.spill, self.spill_at), (self.rim, self.rim_at),
                       (self.face, self.face_at)]
        for image, (x, y) in lights:
            surface.blit(image, (x - offset[0], y - offset[1]),
                         special_flags=pygame.BLEND_RGB_ADD)
        return surface


def lights_for(params: Mapping[str, Any], size: tuple[int, int],
               head: tuple[list[tuple[float, float]], float]) -> Generator[None, None, Lights]:
    """The lit digits, the red glow on the room, a car's light through the blinds (the clock's
    `color` and `digits` from `params`; `head`: the sleeper's outline and length), in pieces."""
    width, height = size
    color: Color = params["color"]
    display = box(DISPLAY, size)
    digit = max(8, round(display.height * DIGIT_TALL))
    spread = max(2, digit // 12)
    text: str = params["digits"]
    face = digits(text, color, digit, spread, ghost=False)
    yield
    eights = "".join("8" if ch in SEGMENTS else ch for ch in text)
    ghost = digits(eights, scaled(color, GHOST), digit, spread, ghost=True)
    face_at = (display.centerx - face.get_width() // 2, display.centery - face.get_height() // 2)
    yield
    radius = round(SPILL_RADIUS * width)
    spill = pygame.Surface((2 * radius, 2 * radius))
    yield from soft_glow(radius, scaled(color, SPILL_LEVEL), 1.6, laid(spill, (0, 0)))
    spill_at = (display.centerx - radius, display.centery - radius)
    rim, rim_at = sleeper.red_rim(*head, scaled(color, RIM_LEVEL))
    yield
    beacon = radial(max(3, width // 240), BEACON_COLOR, 1.2, core=0.3)
    beacon_at = (round(BEACON[0] * width) - beacon.get_width() // 2,
                 round(BEACON[1] * height) - beacon.get_height() // 2)
    return Lights(face, ghost, face_at, spill, spill_at, rim, rim_at, sweep_picture(size),
                  box(GLASS, size), beacon, beacon_at)


def slats(window: pygame.Rect) -> list[pygame.Rect]:
    """The blinds' slats across the window, top to bottom (the city shows between them)."""
    pitch = window.height / SLATS
    return [pygame.Rect(window.left, round(window.top + n * pitch), window.width,
                        max(1, round(pitch * (1 - SLAT_OPEN)))) for n in range(SLATS)]


def digits(text: str, color: Color, digit: int, spread: int, ghost: bool) -> pygame.Surface:
    """The display's figures, `digit` pixels tall, as one additive sprite (ghosts unblurred,
    lit ones glowing `spread` pixels)."""
    step = round(digit * (DIGIT_WIDTH + GAP))
    colon = round(digit * COLON)
    cells = [colon if ch == ":" else step for ch in text]
    shape_ = pygame.Surface((sum(cells), digit + 2), pygame.SRCALPHA)
    polygons = segment_polygons(digit)
    x = 0
    for ch, cell in zip(text, cells, strict=True):
        if ch == ":":
            t = max(2, round(digit * THICKNESS))
            for y in (0.3, 0.7):
                shape_.fill((255, 255, 255, 255), (x + (cell - t) // 2,
                                                   round(digit * y) - t // 2, t, t))
        for name in SEGMENTS.get(ch, ""):
            pygame.draw.polygon(shape_, (255, 255, 255, 255),
                                [(px + x, py) for px, py in polygons[name]])
        x += cell
    if not ghost:  # an LED's red, hot but not white
        return glowing(shape_, color, spread, core=mix(color, (255, 255, 255), LED_HOT),
                       strength=LED_GLOW)
    return unlit(shape_, color, spread)


def sweep_picture(size: tuple[int, int]) -> pygame.Surface:
    """A car's headlights in the street below, seen through the blinds: the gaps between the
    slats lit warm white, the slats' lower edges catching it and their faces a little, all
    brightest at the sill and in the middle of the patch (made once at full brightness, and
    slid across the glass)."""
    window, glass = box(WINDOW, size), box(GLASS, size)
    rows = np.ones(window.height)  # a gap, where nothing stands in the light
    for slat in slats(window):
        top, foot = slat.top - window.top, slat.bottom - window.top
        rows[max(0, top):foot] = SWEEP_FACE
        rows[max(0, foot - 1):foot] = SWEEP_EDGE
    rows *= np.linspace(SWEEP_LOW, 1.0, window.height)
    wide = max(2, round(SWEEP_WIDE * glass.width))
    across = np.exp(-(np.linspace(-2.0, 2.0, wide) ** 2))
    level = across[:, None, None] * rows[None, :, None] * np.array(SWEEP_COLOR, float)
    return pygame.surfarray.make_surface(level.astype(np.uint8))
