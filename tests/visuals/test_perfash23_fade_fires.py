"""Fires fading with their scene (a dip into the Ash) are laid as they were, on pictures of
their own only as large as the light they throw there: the fade's frames stay within budget."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals import flames_dying
from installation.visuals.flames_dying import Fade, lay_fires

SIZE = (480, 270)
TINT = (255, 140, 90)  # a fire half way down: redder


def glow(seed: int, size: tuple[int, int]) -> pygame.Surface:
    """A fire's light: a soft bright blob (added)."""
    w, h = size
    x, y = np.meshgrid(np.linspace(-1, 1, w), np.linspace(-1, 1, h), indexing="ij")
    level = np.clip(1 - np.hypot(x, y), 0, 1) * (200 + 40 * np.random.default_rng(seed).random())
    image = pygame.Surface(size)
    pygame.surfarray.pixels3d(image)[:] = level[..., None].astype(np.uint8)
    return image


LIGHTS = [(glow(1, (60, 40)), (20, 200)), (glow(2, (70, 50)), (60, 215)),  # two overlapping
          (glow(3, (50, 60)), (400, 30))]  # one far off, at the picture's other corner


def picture() -> pygame.Surface:
    surface = pygame.Surface(SIZE)
    rng = np.random.default_rng(7)
    pygame.surfarray.pixels3d(surface)[:] = rng.integers(0, 200, (*SIZE, 3), dtype=np.uint8)
    return surface


def one_picture_round_all(surface: pygame.Surface) -> None:
    """The lights laid as they always were: summed on one picture round all, tinted, added."""
    area = pygame.Rect(LIGHTS[0][1], LIGHTS[0][0].get_size()).unionall(
        [pygame.Rect(at, image.get_size()) for image, at in LIGHTS[1:]])
    own = pygame.Surface(area.size)
    own.fblits([(image, (x - area.x, y - area.y)) for image, (x, y) in LIGHTS],
               pygame.BLEND_RGB_ADD)
    own.fill(TINT, special_flags=pygame.BLEND_RGB_MULT)
    surface.blit(own, area.topleft, special_flags=pygame.BLEND_RGB_ADD)


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pixels of every picture made (cleared before the fires are laid)."""
    sizes: list[int] = []
    real = pygame.Surface

    def counted(size: tuple[int, int], *args: int) -> pygame.Surface:
        sizes.append(size[0] * size[1])
        return real(size, *args)
    monkeypatch.setattr(flames_dying.pygame, "Surface", counted)
    return sizes


def test_faded_fires_look_as_they_did_and_light_only_where_they_throw_light(
        made: list[int]) -> None:
    expected, surface = picture(), picture()
    one_picture_round_all(expected)
    made.clear()
    lay_fires(surface, (), LIGHTS, Fade(TINT, 1.0))
    assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(expected, "RGB")
    lit = sum(image.get_width() * image.get_height() for image, _at in LIGHTS)
    assert sum(made) <= 1.25 * lit  # (boxes round the two that overlap: a little more; one
    # round all three was 400 x 245, nearly the whole picture, each frame of a fade)


def test_a_background_painted_round_one_fire_lays_no_light_outside_it(made: list[int]) -> None:
    expected, surface = picture(), picture()
    around = pygame.Rect(390, 20, 70, 80)  # the far fire's step moved: painted again there
    expected.set_clip(around)
    one_picture_round_all(expected)
    surface.set_clip(around)
    made.clear()
    lay_fires(surface, (), LIGHTS, Fade(TINT, 1.0))
    assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(expected, "RGB")
    assert sum(made) <= around.width * around.height
