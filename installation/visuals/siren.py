"""A police car's light bar flashing red and blue, and the pulses of its light washing what is
near it (the wet road round it, the cars' sides, the runners, the shopfronts at its depth),
falling off with the distance from it: soft shapes made once at a few strengths, added on."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces
from installation.visuals.roadmarks import HORIZON_T
from installation.visuals.street_view import RISE

RED: Color = (255, 40, 36)
BLUE: Color = (40, 90, 255)
CYCLE = 0.9  # real seconds: red flashes twice, then blue twice
FLASHES = (0.0, 0.16, 0.45, 0.61)  # when each flash starts, of the cycle (red, red, blue, blue)
FLASH_LONG = 0.11  # of the cycle: a flash is at its full strength for this long...
FLASH_FADE = 0.12  # ...and fades out over this much more
STEPS = 5  # the wash is made at this many strengths (a flash steps through them)
WASH_DETAIL = 8  # the wash's shape is computed this many times smaller, then enlarged
WASH_REACH = 1.8  # world units: the light falls to 1/e this far from the car (across the road:
# the cars' sides, the runners and the shopfronts near it, not the sky and towers behind)...
WASH_ALONG = 0.8  # ... along the road, towards us and away, a distance counts this share of one
# across (the wet road carries it a little farther; at 0.5 it lit the road at our feet)
WASH_UP = 0.6  # ... and upwards, on what stands at the car's depth (its side, a runner's
# face), falling to 1/e this high (world units): none on the sky over the horizon
WASH_HORIZON = 0.5  # ... coming in softly from none at the horizon, full this share of the way
# down to the car's foot (cut off at the horizon, a ruled line of light ran across the facades)
WASH_SHIFT = 0.3  # world units: the red lamp lights to the left of the car, the blue the right
VISIBLE = 0.06  # the wash is left out where it adds less than this of its colour


def pulse(seconds: float) -> tuple[float, float]:
    """How strongly the red and the blue lamps shine at `seconds`, each 0 to 1."""
    at = (seconds / CYCLE) % 1.0
    levels = [0.0, 0.0]
    for n, start in enumerate(FLASHES):
        since = (at - start) % 1.0
        if since < FLASH_LONG:
            level = 1.0
        elif since < FLASH_LONG + FLASH_FADE:
            level = 1.0 - (since - FLASH_LONG) / FLASH_FADE
        else:
            continue
        levels[n // 2] = max(levels[n // 2], level)
    return levels[0], levels[1]


def wash_shape(size: tuple[int, int], horizon: int, light: tuple[float, float]) -> np.ndarray:
    """The wash's strength 0..1 over a picture of `size` (the street's, its horizon at row
    `horizon`), small (WASH_DETAIL times), of a lamp at `light` (world x across, z along):
    strongest round the car, on the road as far as its world distance from the car has it,
    on what stands at its depth as far across and up (none over the horizon)."""
    width, height = size
    lx, lz = light
    ground = height - horizon
    cols = np.arange(0, width, WASH_DETAIL, dtype=np.float32) - width // 2
    rows = np.arange(0, height, WASH_DETAIL, dtype=np.float32)
    foot = horizon + ground * HORIZON_T / lz  # the car's foot's row
    road = rows > foot  # (below it, the road nearer than the car; above, what stands by it)
    k = np.where(road, (rows - horizon) / (ground * HORIZON_T), 1.0 / lz)  # (1 / its depth)
    across = cols[:, None] / (width * 0.5 * k[None, :]) - lx
    along = (lz - 1.0 / k) * WASH_ALONG
    up = np.maximum(foot - rows, 0.0) / (ground * RISE / lz)
    fall = np.exp(-(across ** 2 + along[None, :] ** 2) / WASH_REACH ** 2)
    sky = np.clip((rows - horizon) / ((foot - horizon) * WASH_HORIZON), 0.0, 1.0)
    return np.asarray(fall * (np.exp(-(up / WASH_UP) ** 2) * sky)[None, :], np.float32)


class Wash:
    """The light bar's wash in red and in blue, each at STEPS strengths, enlarged once: a frame
    adds the one its pulse asks for (none between flashes)."""

    def pieces(self, size: tuple[int, int], horizon: int, light: tuple[float, float],
               strength: float, share: tuple[pygame.Rect, np.ndarray] | None = None) -> Pieces:
        """Made a strength a piece (each an enlargement of the part of the picture it lights)
        for a light bar at `light` (world x across, z along) over a street whose horizon is at
        row `horizon`; `share`: how much of it each pixel of a box of the picture takes (columns,
        rows; the stranded cars': stranded_lit), all of it outside the box."""
        self.sprites: dict[Color, list[tuple[pygame.Surface, tuple[int, int]]]] = {}
        for color, way in ((RED, -1), (BLUE, 1)):
            shape = wash_shape(size, horizon, (light[0] + way * WASH_SHIFT, light[1]))
            box, (cols, rows) = _box(shape)
            part = np.clip((shape[cols, rows] - VISIBLE) / (1 - VISIBLE), 0, 1)  # (nothing
            # at its box's edge: cut off there at VISIBLE, a box's edge showed on the road)
            self.sprites[color] = []
            yield
            for n in range(1, STEPS + 1):
                rgb = part[:, :, None] * (strength * n / STEPS) * np.array(color, np.float32)
                small = pygame.Surface(part.shape)
                pygame.surfarray.blit_array(small, np.clip(rgb, 0, 255).astype(np.uint8))
                sprite = pygame.transform.smoothscale(small, box.size)
                if share is not None:
                    _shared(sprite, box, share)
                self.sprites[color].append((sprite, box.topleft))
                yield

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The wash of this moment's flash, added on (nothing between flashes)."""
        for color, level in zip((RED, BLUE), pulse(seconds), strict=True):
            step = round(level * STEPS)
            if step:
                sprite, at = self.sprites[color][step - 1]
                surface.blit(sprite, at, special_flags=pygame.BLEND_RGB_ADD)


def _shared(sprite: pygame.Surface, box: pygame.Rect,
            share: tuple[pygame.Rect, np.ndarray]) -> None:
    """The wash's `sprite` (laid at `box`) scaled, pixel by pixel, by the `share` of its part
    of the picture (a box and its values)."""
    where, values = share
    part = box.clip(where)
    if not part.width or not part.height:
        return
    light = pygame.surfarray.pixels3d(sprite)
    inside = light[part.x - box.x:part.right - box.x, part.y - box.y:part.bottom - box.y]
    scale = values[part.x - where.x:part.right - where.x, part.y - where.y:part.bottom - where.y]
    inside[:] = np.clip(np.rint(inside * scale[:, :, None]), 0, 255).astype(np.uint8)
    del light, inside  # (the sprite stays locked while a view of it lives)


def _box(shape: np.ndarray) -> tuple[pygame.Rect, tuple[slice, slice]]:
    """The part of the picture where the wash adds a visible amount (the rest is left out),
    and its columns and rows in `shape`."""
    cols = np.nonzero(shape.max(axis=1) > VISIBLE)[0]
    rows = np.nonzero(shape.max(axis=0) > VISIBLE)[0]
    if not len(cols) or not len(rows):
        cols = rows = np.array([0])
    span = (slice(int(cols[0]), int(cols[-1]) + 1), slice(int(rows[0]), int(rows[-1]) + 1))
    box = pygame.Rect(span[0].start * WASH_DETAIL, span[1].start * WASH_DETAIL,
                      (span[0].stop - span[0].start) * WASH_DETAIL,
                      (span[1].stop - span[1].start) * WASH_DETAIL)
    return box, span
