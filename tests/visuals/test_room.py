"""Harry's room at midnight: the clock radio blinks 12:00 in red and lights the room, he
breathes in his sleep, a passing car's light slides across the blinds, and his things lie
about the room."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.visuals.base import Frame
from installation.visuals.breath import BREATH_SECONDS, INHALE, RISE_AT
from installation.visuals.room import CAR_JITTER, CHEST, MATTRESS_TOP, Room
from installation.visuals.room_ceiling import CEILING
from installation.visuals.room_lights import DIGIT_TALL, DISPLAY, GLASS
from installation.visuals.room_things import CASE, FLOOR_LINE, SLEEVE
from installation.visuals.segments import DIGIT_WIDTH, GAP, segment_centre
from installation.visuals.shares import box

from .drawn_once import in_a_row
from .helpers import NO_POST, frame_at, layer, one_scene

SIZE = (960, 540)
ROOM = layer("room", digits="12:00", blink=1.0, cars=9) + NO_POST


def room_at(seconds: float, **keys: object) -> np.ndarray:
    body = (layer("room", **keys) + NO_POST) if keys else ROOM
    return frame_at(body, "00:00", seconds, SIZE)


BLINDS = np.arange(0, 18, 0.5)  # real seconds: a car's light passing the blinds, looked at


@cache
def passing_light() -> list[np.ndarray]:
    """room_at(seconds, blink=0) at each of BLINDS, drawn once for the file, one after another
    by one compositor (the room built once: the same bytes as each drawn fresh); not to be
    drawn on."""
    line = one_scene(layer("room", blink=0) + NO_POST, at="00:00")
    moments = [f"00:00:{seconds:04.1f}" for seconds in BLINDS]
    return [pygame.surfarray.array3d(picture).astype(int)
            for picture in in_a_row(line, moments, SIZE)]


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


def blanket_top(frame: np.ndarray, x: float) -> int:
    """The topmost row of the blanket (or his arm on it) in the column at x (a share)."""
    below = round(CHEST[1] * SIZE[1])  # (under the picture on the wall)
    column = frame[round(x * SIZE[0]), below:round(MATTRESS_TOP * SIZE[1])].astype(int)
    return below + int(np.flatnonzero(column.sum(axis=1) > 3 * 40)[0])


def test_he_breathes_in_his_sleep() -> None:
    """From the bottom of a breath to its top his chest rises clearly (a sleeper's chest
    under a blanket, not a pixel or two), his feet do not, and a breath later he is back."""
    still = {"cars": 0, "blink": 0}
    start = 3 * BREATH_SECONDS + 0.01  # the bottom of a breath
    out, held = room_at(start, **still), room_at(start + INHALE * BREATH_SECONDS, **still)
    rise = blanket_top(out, 0.51) - blanket_top(held, 0.51)
    assert rise >= 0.008 * SIZE[1], f"the chest rose {rise} px"
    assert blanket_top(out, 0.33) == blanket_top(held, 0.33), "his feet lie still"
    chest = box((RISE_AT[0][0], *CHEST[1:]), SIZE)  # (the curtains stir on their own)
    again = room_at(start + BREATH_SECONDS, **still)
    assert np.array_equal(out[chest.left:chest.right, chest.top:chest.bottom],
                          again[chest.left:chest.right, chest.top:chest.bottom]), (
        "and he is back where he was one breath later")


def test_two_looks_five_seconds_apart_do_not_find_him_frozen() -> None:
    """A breath is not a whole part of five seconds: two looks five real seconds apart (the
    curator's pairs) find his chest at a different height, one look or another."""
    still = {"cars": 0, "blink": 0}
    moved = [blanket_top(room_at(s, **still), 0.51) != blanket_top(room_at(s + 5.0, **still),
                                                                    0.51)
             for s in (10.0, 11.0, 12.0)]
    assert all(moved)


def test_a_passing_cars_light_slides_across_the_blinds() -> None:
    area = box(GLASS, SIZE)
    wall = (slice(area.left, area.right), slice(area.top, area.bottom))
    frames = [frame[wall].sum(axis=2).astype(float) for frame in passing_light()]
    darkest = np.min(frames, axis=0)
    columns = np.arange(area.width)[:, None]
    where = [float((columns * (f - darkest)).sum() / (f - darkest).sum())
             for f in frames if (f - darkest).mean() > 6]
    assert where, "a car's light passes behind the blinds at least once in 18 real seconds"
    assert max(where) - min(where) > 0.25 * area.width, "and it slides across the window"


def test_the_cars_light_is_in_the_window_it_comes_through_not_on_the_wall() -> None:
    """The window is in the wall we look at, so a car's light comes in through it and goes
    up into the room (onto the ceiling): lit stripes on the bare wall beside it had no
    source. Over a car's passing, the wall right of the window never changes, and the glass
    brightens."""
    glass = box(GLASS, SIZE)
    wall = (slice(glass.right + 100, SIZE[0]), slice(round(CEILING * SIZE[1]) + 2, glass.bottom))
    frames = passing_light()
    lit = [f[glass.left:glass.right, glass.top:glass.bottom].mean() for f in frames]
    assert max(lit) > min(lit) + 8, "the blinds light up as a car passes below"
    still = frames[int(np.argmin(lit))][wall].astype(int)
    assert all(np.abs(f[wall].astype(int) - still).max() <= 3 for f in frames)


def dark_run(frame: np.ndarray, x: float, limit: int = 55) -> int:
    """How many rows up from the wall's foot, in the column at x (a share), are dark things."""
    foot = round(FLOOR_LINE * SIZE[1]) - 1
    column = frame[round(x * SIZE[0]), :foot + 1].astype(int).sum(axis=1)[::-1]
    light = np.flatnonzero(column >= limit)
    return int(light[0]) if light.size else foot


def test_his_trombone_case_lies_at_the_wall_foot_round_at_the_bell() -> None:
    """Harry plays the trombone: its case lies on the floor under the window, tall at the
    bell's round end and long and low along the slide."""
    frame = room_at(5.0, cars=0, blink=0)
    bell = dark_run(frame, CASE[0] + 0.02)
    slide = dark_run(frame, CASE[1] - 0.02)
    bare = dark_run(frame, CASE[0] - 0.01)  # the wall beside it, but for its skirting
    assert bell >= 0.04 * SIZE[1] and slide >= 0.015 * SIZE[1], (bell, slide)
    assert bell > 1.7 * slide and slide > bare, (bell, slide, bare)


def test_his_jackets_sleeve_hangs_down_past_the_chairs_seat() -> None:
    """His jacket over the chair under the window: its sleeve is dark against the wall below
    the seat."""
    frame = room_at(5.0, cars=0, blink=0).astype(int)
    x, y = SLEEVE[-2]
    sleeve = frame[round(x * SIZE[0]), round(y * SIZE[1])].sum()
    wall = frame[round((x + 0.03) * SIZE[0]), round(y * SIZE[1])].sum()
    assert sleeve < wall - 15, (sleeve, wall)


def test_no_car_passes_when_none_are_asked_for() -> None:
    room = Room.__new__(Room)
    room.params, room.seed = {"cars": 0.0}, 7
    frames = [Frame(float(s), float(s), state_at(one_scene(ROOM), 0.0)) for s in range(60)]
    assert all(room.car(frame) is None for frame in frames)


def passing(room: Room, seconds: float) -> tuple[float, float] | None:
    return room.car(Frame(seconds, seconds, state_at(one_scene(ROOM), 0.0)))


def test_a_car_passes_every_seven_to_eleven_seconds() -> None:
    """With a car about every 9 s, no wait between two is shorter than 6.75 s or longer
    than 11.25 s (cars bunched, then a quarter-minute of nothing, read as a still)."""
    room = Room.__new__(Room)
    room.params, room.seed = {"cars": 9.0}, 1988
    ticks = np.arange(0.0, 600.0, 0.05)
    lit = np.array([passing(room, float(t)) is not None for t in ticks])
    starts = ticks[1:][lit[1:] & ~lit[:-1]]
    gaps = np.diff(starts)
    assert len(gaps) > 50
    assert gaps.min() >= 9.0 * (1 - CAR_JITTER) - 0.1 and gaps.max() <= 9.0 * (1 + CAR_JITTER) + 0.1
    dark = np.diff(np.flatnonzero(lit)).max() * 0.05
    assert dark < 10.0 - 1.0, f"{dark:.1f} s without a car's light on the wall"



def test_his_sleeve_and_his_hand_read_apart_so_the_arm_reads_as_an_arm() -> None:
    """His arm on the blanket was a brown rod the colour of his hand: the sleeve is a cool
    grey shirt and the hand beyond its cuff warm skin, so sleeve and hand read apart (a hand
    darker than the sleeve read as a claw: see test_room_sleeper)."""
    from installation.visuals.room import ARM, HAND_LENGTH
    frame = room_at(1.0).astype(float)
    height, width = frame.shape[1], frame.shape[0]
    (ex, ey), (wx, wy) = ARM[1], ARM[2]
    sleeve = frame[round((ex + wx) / 2 * width), round((ey + wy) / 2 * height)]
    hand = frame[round(wx * width - 0.5 * HAND_LENGTH * height), round(wy * height)]
    assert hand[0] - hand[2] > sleeve[0] - sleeve[2] + 15, (sleeve, hand)
