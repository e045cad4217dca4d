"""Each layer draws the right thing in the right place (checked on offscreen surfaces)."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline.layer_catalog import LAYERS
from installation.visuals.countdown import SEGMENTS, segment_centre

from .helpers import NO_POST, SIZE, draw, layer, lit_pixels, mean_brightness, one_scene

BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False)


def test_noon_sky_is_brighter_than_three_in_the_morning() -> None:
    line = one_scene(layer("sky") + NO_POST)
    noon, night = draw(line, "12:00:30"), draw(line, "03:00")
    assert mean_brightness(noon) > 3 * mean_brightness(night) + 20


def test_scene_colours_override_the_hour() -> None:
    line = one_scene(layer("sky", top="#ff0000", bottom="#ff0000", stars=0, sun=False) + NO_POST)
    r, g, b, _ = draw(line, "03:00").get_at((SIZE[0] // 2, SIZE[1] // 3))
    assert r > 240 and g < 15 and b < 15


def test_neon_lights_its_colour_where_the_sign_is() -> None:
    sign = layer("neon", text="MILE", color="#00ff00", x=0.5, y=0.5, size=0.3, flicker=0)
    frame = draw(one_scene(BLACK_SKY + sign + NO_POST), "21:00:05")
    x0, x1 = int(SIZE[0] * 0.3), int(SIZE[0] * 0.7)
    y0, y1 = int(SIZE[1] * 0.38), int(SIZE[1] * 0.62)
    greens = [frame.get_at((x, y)) for x in range(x0, x1, 2) for y in range(y0, y1, 2)]
    tube = [c for c in greens if c.g > 150 and c.g > 1.5 * c.r]
    assert len(tube) > 40, "the sign's tubes are lit green"
    corner = frame.get_at((5, 5))
    assert corner.g < 10, "nothing lights far from the sign"


def test_failing_letters_go_dark_some_of_the_time() -> None:
    sign = layer("neon", text="MILE", color="#ff3399", size=0.3, y=0.5, failing=1.0, flicker=0)
    line = one_scene(BLACK_SKY + sign + NO_POST)
    levels = {round(mean_brightness(draw(line, f"21:00:{s:02d}"))) for s in range(0, 60, 3)}
    assert len(levels) > 2


@pytest.mark.parametrize("digit", sorted(SEGMENTS))
def test_countdown_lights_the_segments_of_each_digit(digit: str) -> None:
    from installation.visuals.compositor import Compositor
    from installation.visuals.countdown import Countdown
    from installation.visuals.scene_layers import defaults

    line = one_scene(BLACK_SKY + NO_POST)
    compositor = Compositor(line, SIZE, print)
    params = defaults("countdown", color=(255, 0, 0), ghost=True, label=False, size=0.3, y=0.5)
    counter = Countdown(params, compositor.setup(line.scenes[0], 0, "countdown"))
    seconds = int(digit) * 60 + int(digit)
    surface = pygame.Surface(SIZE)
    counter.draw(surface, _frame_with_countdown(line, seconds))
    cells = counter.layout(f"0{digit}:0{digit}")
    _, x, y = cells[1]
    for name in "abcdefg":
        cx, cy = segment_centre(name, counter.digit)
        red = surface.get_at((int(x + cx), int(y + cy))).r
        if name in SEGMENTS[digit]:
            assert red > 200, f"segment {name} of {digit} is lit"
        else:
            assert red < 90, f"segment {name} of {digit} is dark"


def _frame_with_countdown(line, seconds: float):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from installation.core.timeline import state_at
    from installation.visuals.base import Frame

    state = replace(state_at(line, 12 * 3600.0), countdown=seconds)
    return Frame(state.story_time, 10.0, state)


EXAMPLES: dict[str, dict[str, object]] = {
    "skyline": {"lit": 1.0}, "neon": {}, "diner": {}, "street": {"traffic": 1.0},
    "tarpit": {"reflect": 0}, "silhouette": {"color": "#ffffff"}, "searchlight": {},
    "caption": {"text": "Hello there", "delay": 0, "speed": 200},
    "particles": {"kind": "embers", "amount": 1.0}, "flash": {"seconds": 10},
    "sky": {}, "ruins": {"color": "#404040", "fires": 2},
    "smoke": {"color": "#a0a0a0", "amount": 1}, "bones": {"y": 0.5, "amount": 1},
    "haze": {"amount": 0.5},
}


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_every_layer_draws_something(kind: str) -> None:
    warnings: list[str] = []
    line = one_scene(BLACK_SKY + layer(kind, **EXAMPLES[kind]) + NO_POST, at="22:00")
    frame = draw(line, "22:00:03", warnings)
    assert warnings == []
    assert lit_pixels(frame) > 40, f"the {kind} layer drew nothing"


def test_every_layer_type_has_an_example() -> None:
    assert set(EXAMPLES) | {"countdown", "image", "post"} == set(LAYERS)
