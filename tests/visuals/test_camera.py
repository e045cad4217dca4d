"""The camera: a screen shows a viewport of a wider picture, exactly the crop of the whole."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.camera import Camera, SpanError, parse_span
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, one_scene

WIDE = one_scene(layer("sky", clouds=0.6) + layer("skyline")
                 + layer("silhouette", shape="palm", x=0.45, scale=0.8)
                 + layer("street", traffic=1) + NO_POST, at="21:00")


def frame(size: tuple[int, int], camera: Camera | None = None) -> pygame.Surface:
    headless()
    surface = pygame.Surface(size)
    Compositor(WIDE, size, print, camera=camera).draw(surface, state_at(WIDE, parse_clock(
        "21:00:30")))
    return surface


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def test_the_second_of_three_screens_shows_the_middle_third_of_the_whole() -> None:
    width, height = SIZE
    whole = frame((3 * width, height))
    middle = frame(SIZE, Camera.span(SIZE, 2, 3))
    assert pixels(middle) == pixels(whole.subsurface((width, 0, width, height)))
    assert pixels(middle) != pixels(whole.subsurface((0, 0, width, height)))


def test_a_drifted_camera_shows_the_crop_moved_by_its_offset() -> None:
    world = (SIZE[0] + 80, SIZE[1] + 40)
    camera = Camera(world, (40, 20, *SIZE)).moved(15.4, -7.6)
    assert camera.rect() == pygame.Rect(55, 12, *SIZE)
    assert pixels(frame(SIZE, camera)) == pixels(frame(world).subsurface(camera.rect()))


def test_the_camera_keeps_its_view_inside_the_picture() -> None:
    camera = Camera((400, 200), (40, 10, 320, 180)).moved(500, -500)
    assert camera.rect() == pygame.Rect(80, 0, 320, 180)
    assert camera.to_screen(100, 50) == (20, 50)
    assert Camera.whole(SIZE).is_whole and not camera.is_whole


def test_a_span_names_one_screen_of_several() -> None:
    assert parse_span("2/3") == (2, 3)
    assert parse_span(" 1 / 1 ") == (1, 1)
    assert Camera.span((1920, 1080), 3, 3).view == (3840, 0, 1920, 1080)


@pytest.mark.parametrize(("text", "message"), [
    ("4/3", "expected a screen from 1 to the count, like \"2/3\"; found '4/3'"),
    ("0/2", "expected a screen from 1 to the count, like \"2/3\"; found '0/2'"),
    ("left", "expected a screen and a count like \"2/3\"; found 'left'"),
])
def test_a_bad_span_says_what_was_expected(text: str, message: str) -> None:
    with pytest.raises(SpanError) as caught:
        parse_span(text)
    assert str(caught.value) == message


def test_a_camera_must_show_the_size_of_the_picture() -> None:
    headless()
    with pytest.raises(ValueError, match="the camera shows"):
        Compositor(WIDE, SIZE, print, camera=Camera.whole((100, 100)))
