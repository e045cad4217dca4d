"""Harry's room at midnight: the clock radio blinks 12:00 in red and lights the room, he
breathes in his sleep, and a passing car's light slides over the wall."""

from __future__ import annotations

import numpy as np

from installation.core.timeline import state_at
from installation.visuals.base import Frame
from installation.visuals.room import Room
from installation.visuals.room_lights import DIGIT_TALL, DISPLAY, SWEEP_AREA
from installation.visuals.segments import DIGIT_WIDTH, GAP, segment_centre
from installation.visuals.shares import box

from .helpers import NO_POST, frame_at, layer, one_scene

SIZE = (960, 540)
ROOM = layer("room", digits="12:00", blink=1.0, cars=9) + NO_POST


def room_at(seconds: float, **keys: object) -> np.ndarray:
    body = (layer("room", **keys) + NO_POST) if keys else ROOM
    return frame_at(body, "00:00", seconds, SIZE)


def top_of_the_2(frame: np.ndarray) -> tuple[int, int, int]:
    """The colour in the middle of the top segment of the '2' of 12:00."""
    display = box(DISPLAY, SIZE)
    digit = max(8, round(display.height * DIGIT_TALL))
    step = round(digit * (DIGIT_WIDTH + GAP))
    width = 4 * step + round(digit * 0.3)
    x0 = display.centerx - width // 2 + step
    cx, cy = segment_centre("a", digit)
    top = display.centery - (digit + 2) // 2
    r, g, b = frame[int(x0 + cx), int(top + cy)]
    return int(r), int(g), int(b)


def test_the_clock_radio_blinks_twelve_in_red() -> None:
    lit, dark = top_of_the_2(room_at(10.2)), top_of_the_2(room_at(10.7))
    assert lit[0] > 180 and lit[0] - lit[1] > 50, "the segment glows red in the first half"
    assert dark[0] < 60, "and is dark glass in the second half of each second"


def test_its_red_light_falls_on_the_wall_while_it_is_lit() -> None:
    display = box(DISPLAY, SIZE)
    wall = (slice(display.right + 20, display.right + 60),
            slice(display.top - 80, display.top - 40))
    lit, dark = room_at(10.2)[wall], room_at(10.7)[wall]
    assert lit[..., 0].mean() > dark[..., 0].mean() + 12
    assert lit[..., 0].mean() - dark[..., 0].mean() > 3 * (lit[..., 2].mean() - dark[..., 2].mean())


def test_he_breathes_in_his_sleep() -> None:
    chest = (slice(int(0.45 * SIZE[0]), int(0.55 * SIZE[0])),
             slice(int(0.54 * SIZE[1]), int(0.62 * SIZE[1])))
    out, held = room_at(10.0, cars=0, blink=0), room_at(12.5, cars=0, blink=0)
    assert np.abs(out[chest] - held[chest]).max() > 20, "the chest has risen half a breath on"
    assert np.array_equal(room_at(10.0, cars=0, blink=0), room_at(15.0, cars=0, blink=0)), (
        "and is back where it was one breath later")


def test_a_passing_cars_light_slides_over_the_wall() -> None:
    area = box(SWEEP_AREA, SIZE)
    wall = (slice(area.left, area.right), slice(area.top, area.bottom))
    frames = [room_at(s, blink=0)[wall].sum(axis=2).astype(float) for s in np.arange(0, 18, 0.5)]
    darkest = np.min(frames, axis=0)
    columns = np.arange(area.width)[:, None]
    where = [float((columns * (f - darkest)).sum() / (f - darkest).sum())
             for f in frames if (f - darkest).mean() > 6]
    assert where, "a car's light passes over the wall at least once in 18 real seconds"
    assert max(where) - min(where) > 0.25 * area.width, "and it slides across the wall"


def test_no_car_passes_when_none_are_asked_for() -> None:
    room = Room.__new__(Room)
    room.params, room.seed = {"cars": 0.0}, 7
    frames = [Frame(float(s), float(s), state_at(one_scene(ROOM), 0.0)) for s in range(60)]
    assert all(room.car(frame) is None for frame in frames)
