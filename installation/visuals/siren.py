"""A police car's light bar flashing red and blue, and the pulses of its light washing the
facades and the wet road round it: soft shapes made once at a few strengths, added on."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces

RED: Color = (255, 40, 36)
BLUE: Color = (40, 90, 255)
CYCLE = 0.9  # real seconds: red flashes twice, then blue twice
FLASHES = (0.0, 0.16, 0.45, 0.61)  # when each flash starts, of the cycle (red, red, blue, blue)
FLASH_LONG = 0.11  # of the cycle: a flash is at its full strength for this long...
FLASH_FADE = 0.12  # ...and fades out over this much more
STEPS = 5  # the wash is made at this many strengths (a flash steps through them)
WASH_DETAIL = 8  # the wash's shape is computed this many times smaller, then enlarged
WASH_REACH = (0.36, 0.18)  # how far the wash reaches each way from the car, of the picture
WASH_SHIFT = 0.12  # red washes to the left of the car, blue to the right, of the picture
VISIBLE = 0.06  # the wash is left out where it adds less than this of its colour
WASH_ROOF = 0.28  # above the car, the wash fades out this much sooner (the sky is empty)


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


def wash_shape(size: tuple[int, int], middle: tuple[int, int]) -> np.ndarray:
    """The wash's strength 0..1 over a picture of `size`, small (WASH_DETAIL times): strongest
    at `middle` (the light bar), falling off softly, sooner upwards."""
    width, height = size
    small_w, small_h = max(2, width // WASH_DETAIL), max(2, height // WASH_DETAIL)
    x = (np.arange(small_w, dtype=np.float32) * WASH_DETAIL - middle[0]) / (WASH_REACH[0] * width)
    y = (np.arange(small_h, dtype=np.float32) * WASH_DETAIL - middle[1]) / (WASH_REACH[1] * height)
    y = np.where(y < 0, y / WASH_ROOF * WASH_REACH[1] * 2, y)
    return np.exp(-(x[:, None] ** 2 + y[None, :] ** 2) * 2.5)


class Wash:
    """The light bar's wash in red and in blue, each at STEPS strengths, enlarged once: a frame
    adds the one its pulse asks for (none between flashes)."""

    def pieces(self, size: tuple[int, int], middle: tuple[int, int], strength: float) -> Pieces:
        """Made a strength a piece (each an enlargement of the part of the picture it lights)."""
        shift = round(WASH_SHIFT * size[0])
        self.sprites: dict[Color, list[tuple[pygame.Surface, tuple[int, int]]]] = {}
        for color, way in ((RED, -1), (BLUE, 1)):
            shape = wash_shape(size, (middle[0] + way * shift, middle[1]))
            box, (cols, rows) = _box(shape, size)
            part = shape[cols, rows]
            self.sprites[color] = []
            yield
            for n in range(1, STEPS + 1):
                rgb = part[:, :, None] * (strength * n / STEPS) * np.array(color, np.float32)
                small = pygame.Surface(part.shape)
                pygame.surfarray.blit_array(small, np.clip(rgb, 0, 255).astype(np.uint8))
                self.sprites[color].append((pygame.transform.smoothscale(small, box.size),
                                            box.topleft))
                yield

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The wash of this moment's flash, added on (nothing between flashes)."""
        for color, level in zip((RED, BLUE), pulse(seconds), strict=True):
            step = round(level * STEPS)
            if step:
                sprite, at = self.sprites[color][step - 1]
                surface.blit(sprite, at, special_flags=pygame.BLEND_RGB_ADD)


def _box(shape: np.ndarray, size: tuple[int, int]) -> tuple[pygame.Rect, tuple[slice, slice]]:
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
