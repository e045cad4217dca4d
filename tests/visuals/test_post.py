"""Film grain and vignette: one premultiplied blend of a cover, every shade and grain level
within one level of the blend it stands for, the grain changing like film and the same on
every run."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.post import (
    BLEED_ROWS,
    GRAIN_FPS,
    GRAIN_RANGE,
    Post,
    cover_pixels,
    lay_cover,
)
from installation.visuals.render import headless

from .helpers import NO_POST, one_scene

FRAME_LEVELS = range(256)
SIZE = (96, 54)


def table_cover() -> pygame.Surface:
    """The whole cover table as a picture: a row per shade level, a column per grain level."""
    words = np.ascontiguousarray(cover_pixels())
    height, width = words.shape
    return pygame.image.frombuffer(words.tobytes(), (width, height), "BGRA")


@cache
def blend() -> tuple[np.ndarray, np.ndarray]:
    """What the cover stands for, [grain, shade]: the share of the frame kept, 1 - alpha, and
    the light added; alpha that of a multiply by shade x (1 - dark) (or the light, where the
    shade leaves no room for it)."""
    shade = np.arange(256)[None, :] / 255.0
    grain = np.arange(-GRAIN_RANGE, GRAIN_RANGE + 1)[:, None]
    light = np.clip(grain, 0, None)
    alpha = np.maximum(1.0 - shade * (1.0 - np.clip(-grain, 0, None) / 255.0), light / 255.0)
    return 1.0 - alpha, light


TABLE = table_cover()


def wanted(level: int) -> np.ndarray:
    """The blend of every cover pixel over one frame level, rounded."""
    kept, light = blend()
    return np.round(level * kept + light)


def covered(levels: tuple[int, int, int]) -> np.ndarray:
    """Each channel of a picture of one colour after the whole table is laid over it."""
    cover = TABLE
    surface = pygame.Surface(cover.get_size())
    surface.fill(levels)
    lay_cover(surface, cover)
    return pygame.surfarray.array3d(surface).astype(int)


@pytest.mark.parametrize("start", range(0, 256, 64))
def test_every_cover_pixel_over_every_level_is_within_one_of_its_blend(start: int) -> None:
    for level in range(start, start + 64):
        levels = (level, 255 - level, (level * 7) % 256)
        after = covered(levels)
        for channel, under in enumerate(levels):
            assert np.abs(after[:, :, channel] - wanted(under)).max() <= 1, (level, channel)


def test_most_cover_pixels_come_out_exactly() -> None:
    exact = [(covered((level, level, level))[:, :, 0] == wanted(level)).mean()
             for level in range(0, 256, 5)]
    assert np.mean(exact) > 0.6


def test_no_grain_over_full_shade_leaves_the_picture() -> None:
    cover = table_cover().subsurface((GRAIN_RANGE, 255, 1, 1))  # grain 0, shade 255
    for level in FRAME_LEVELS:
        surface = pygame.Surface((1, 1))
        surface.fill((level, level, level))
        lay_cover(surface, cover)
        assert surface.get_at((0, 0))[:3] == (level, level, level)


LINE = one_scene(NO_POST)


def post(index: int = -2, size: tuple[int, int] = SIZE, **params: Any) -> Post:
    """A post layer at a small size, seeded as the compositor seeds it (`index` -2)."""
    headless()
    values = {"grain": 0.2, "vignette": 0.5, "scanlines": 0.0, "bleed": 0.0, **params}
    setup = Compositor(LINE, size, print).setup(LINE.scenes[0], index, "post", on_screen=True)
    return Post(values, setup)


def frame(seconds: float) -> Frame:
    return Frame(seconds, seconds, state_at(LINE, seconds))


def drawn(layer: Post, seconds: float, level: int = 128) -> bytes:
    """A grey picture with the layer drawn over it at `seconds`."""
    surface = pygame.Surface(SIZE)
    surface.fill((level, level, level))
    layer.draw(surface, frame(seconds))
    return pygame.image.tobytes(surface, "RGB")


def test_the_grain_changes_like_film_and_is_the_same_on_every_run() -> None:
    layer = post()
    tick = 1.0 / GRAIN_FPS
    start = 10 * tick + tick / 4
    assert drawn(layer, start) == drawn(layer, start + tick / 2)  # within one film frame
    assert drawn(layer, start) != drawn(layer, start + tick)
    assert drawn(post(), start) == drawn(layer, start)
    assert drawn(post(index=-3), start) != drawn(layer, start)  # another seed


def test_the_vignette_darkens_the_corners_not_the_middle() -> None:
    layer = post(grain=0.0)
    surface = pygame.Surface(SIZE)
    surface.fill((200, 200, 200))
    layer.draw(surface, frame(0.0))
    width, height = SIZE
    assert surface.get_at((width // 2, height // 2))[0] == 200
    assert surface.get_at((0, 0))[0] < 160


def test_the_bleed_reaches_every_row_of_a_tall_picture() -> None:
    tall = (40, 2 * BLEED_ROWS + 22)  # made a band of rows at a time: the last band shorter
    layer = post(size=tall, grain=0.0, vignette=0.0, bleed=0.5)
    surface = pygame.Surface(tall)
    surface.fill((0, 0, 0))
    surface.fill((255, 255, 255), (10, 0, 1, tall[1]))
    layer.draw(surface, frame(0.0))
    pixels = pygame.surfarray.array3d(surface).astype(int)
    bled = pixels[11:, :, 0].max(axis=0)  # the red to the right of the white line, each row
    assert (bled > 40).all() and (pixels[11:, :, 2] == 0).all()
    assert (pixels[:10] == 0).all()  # nothing bleeds to the left
