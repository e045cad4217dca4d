"""The block across Wilshire at night: its neon lights the wall round it, the cars passing
under a sign take its colour, and something always moves."""

from __future__ import annotations

import itertools
import random

import numpy as np

from installation.core.timeline.state import RealTime
from installation.core.timeutil import parse_clock
from installation.visuals.base import stable_seed
from installation.visuals.block_cars import LANES, Car, Sprites, traffic, where
from installation.visuals.block_plan import KERB, SIGNS
from installation.visuals.motion import GOAL, measure
from installation.visuals.render import headless

from .helpers import NO_POST, assert_as_fresh, frame_at, layer, one_scene

SIZE = (640, 360)
NIGHT = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
BEAM_OVER = 30  # the sum of channels: the road ahead of a car is this much lighter by its lamps
CAFE = next(sign for sign in SIGNS if sign.text == "CAFE")
LIQUOR = next(sign for sign in SIGNS if sign.text == "LIQUOR")


def test_a_sign_s_tubes_are_lit_and_its_light_falls_on_the_brick_round_it() -> None:
    frame = frame_at(NIGHT + layer("block", cars=0) + NO_POST, "21:00", 5.0, SIZE)
    x, y = round(CAFE.x * SIZE[0]), round(CAFE.y * SIZE[1])
    letters = frame[x - 25:x + 25, y - 6:y + 6]
    green = letters[..., 1]
    assert green.max() > 200 and (letters[..., 1] > 1.5 * letters[..., 0]).any(), \
        "the CAFE sign's tubes glow green"
    far = frame[round(0.6 * SIZE[0]):round(0.6 * SIZE[0]) + 6, round(0.25 * SIZE[1]):
                round(0.25 * SIZE[1]) + 6].reshape(-1, 3).mean(0)
    assert far[1] < far[0], "brick far from any sign is red"
    board = 26  # pixels from the sign's middle to its board's ends, at this size
    for beside in (frame[x + board + 3:x + board + 9, y - 3:y + 3].reshape(-1, 3).mean(0),
                   frame[x - board - 9:x - board - 3, y - 3:y + 3].reshape(-1, 3).mean(0)):
        assert beside[1] > beside[0] and beside[1] > far[1] + 15, \
            "the brick either side of the sign is lit green"


def _roof_colour(seconds: float) -> np.ndarray:
    """The mean colour of the far lane's one car along its roof and shoulder at `seconds`."""
    frame = frame_at(NIGHT + layer("block", cars=1) + NO_POST, "21:00", seconds, SIZE)
    length, high = _car()[1].body.get_size()  # (its model's length and height)
    x = _left_at(seconds)
    bottom = round(LANES[0] * SIZE[1])
    body = frame[x + length // 8:x + length * 7 // 8, bottom - high * 55 // 100:
                 bottom - high * 42 // 100]
    return body.reshape(-1, 3).mean(0)


def _car() -> tuple[Car, Sprites]:
    """The one car of the first block layer of the test's scene (its seed: see
    Compositor.setup), and its pictures."""
    headless()
    car = traffic(random.Random(stable_seed(stable_seed(7, "only", "block", 0), "cars")), 1)[0]
    return car, Sprites(car, SIZE)


def _left_at(seconds: float) -> int:
    car, sprites = _car()
    return where(car, sprites, SIZE[0], seconds)


def _under(sign_x: float) -> float:
    """A moment the far lane's car has its middle under a sign at `sign_x`."""
    car, sprites = _car()
    length = sprites.body.get_width()
    for step in range(4000):
        seconds = step * 0.01
        middle = where(car, sprites, SIZE[0], seconds) + length / 2
        if abs(middle - sign_x * SIZE[0]) < 2:
            return seconds
    raise AssertionError("the car never passes the sign")


def test_a_car_takes_the_colour_of_the_sign_it_passes_under() -> None:
    under_red, under_green = _roof_colour(_under(LIQUOR.x)), _roof_colour(_under(CAFE.x))
    assert under_red[0] - under_red[1] > under_green[0] - under_green[1] + 10, \
        "under LIQUOR the car's flank is redder than under CAFE"
    assert under_green[1] > under_red[1] + 5, "under CAFE it is greener"


def test_the_block_moves_within_any_ten_seconds() -> None:
    line = one_scene(layer("sky", stars=0, clouds=0) + layer("block") + NO_POST, at="21:00")
    [result] = measure(line, RealTime(), (480, 270), warn=print)
    assert result.share >= GOAL


def test_the_cars_part_draws_cars_on_the_road_alone() -> None:
    fronts = frame_at(NIGHT + layer("block", part="fronts") + NO_POST, "21:00", 5.0, SIZE)
    both = frame_at(NIGHT + layer("block", part="fronts") + layer("block", part="cars", cars=6)
                    + NO_POST, "21:00", 5.0, SIZE)
    kerb = round(KERB * SIZE[1])
    assert np.array_equal(fronts[:, :kerb], both[:, :kerb]), "the block above the kerb is bare"
    assert (np.abs(fronts[:, kerb:] - both[:, kerb:]).max(2) > 40).mean() > 0.05, \
        "cars cross the road"


def test_a_dead_sign_shows_dark_glass() -> None:
    vacancy = next(sign for sign in SIGNS if not sign.lit)
    frame = frame_at(NIGHT + layer("block", cars=0) + NO_POST, "21:00", 5.0, SIZE)
    x, y = round(vacancy.x * SIZE[0]), round(vacancy.y * SIZE[1])
    board = frame[x - 20:x + 20, y - 3:y + 3]
    assert board.max() < 120, "its tubes are unlit"


def test_a_frame_kept_from_the_last_is_the_frame_drawn_fresh() -> None:
    """Signs flicker, fail and go out, painted again only where they changed: frame after
    frame, the picture is the one a fresh start draws at that moment."""
    line = one_scene(NIGHT + layer("block", cars=4) + NO_POST, at="21:00")
    start = parse_clock("21:00")
    assert_as_fresh(line, [start + 2.0 + step / 7 for step in range(20)])


def test_one_sign_of_the_block_has_a_failing_letter() -> None:
    """The Miracle Mile's failing C (its roof sign, a neon layer) is the broken letter the eye
    should find: with LIQUOR's Q failing too, the C, the Q, a HOTEL letter and the OPEN were out
    at once now and then, a block of broken signs. Only HOTEL keeps one (docs/layers.md)."""
    assert [sign.text for sign in SIGNS if sign.failing] == ["HOTEL"]


def test_the_people_at_the_bar_are_each_their_own_shape() -> None:
    """Seen through the lounge's window they were one bust repeated at every other lamp, all
    of a height and evenly spaced: a shelf of busts. Now tops of heads (or hats) differ."""
    import pygame

    from installation.visuals.block_fronts import DRAWERS
    headless()
    unit = 4.0
    image = pygame.Surface((800, 120), pygame.SRCALPHA)
    image.fill((200, 70, 80, 255))
    DRAWERS["bar"](image, image.get_rect(), (255, 200, 150), random.Random(3), unit)
    dark = pygame.surfarray.pixels3d(image)[:, 30:, 0] < 60  # below the lamps
    columns = np.flatnonzero(dark.any(axis=1))
    tops = [int(np.argmax(dark[x])) for x in columns]
    starts = [x for i, x in enumerate(columns) if i == 0 or columns[i - 1] != x - 1]
    people = [min(tops[i] for i, x in enumerate(columns) if start <= x < start + 10 * unit)
              for start in starts]
    assert len(people) >= 4
    assert max(people) - min(people) > 2 * unit, people


def test_the_cafe_has_people_at_its_counter_and_a_waitress_with_a_face() -> None:
    """Through the CAFE's glass: someone on a stool at the counter, a dark back against the
    light down to the seat, and the waitress's face (its skin) under her hair. There were only
    two white boxes with round dark heads, still all night: lollipops."""
    import pygame

    from installation.visuals.block_fronts import DRAWERS
    from installation.visuals.counter_people import COUNTER_TOP, SKIN
    headless()
    unit = 3.0
    for seed in range(4):
        image = pygame.Surface((480, round(30 * unit)), pygame.SRCALPHA)
        image.fill((236, 244, 222, 255))
        DRAWERS["counter"](image, image.get_rect(), (236, 244, 222), random.Random(seed), unit)
        rgb = pygame.surfarray.array3d(image).astype(int)
        counter = image.get_height() - round(COUNTER_TOP * unit)
        backs = (rgb[:, counter + round(2 * unit)] < 60).all(axis=1)  # across the counter's front
        assert np.count_nonzero(backs) >= 5 * unit, f"seed {seed}: nobody at the counter"
        face = (np.abs(rgb - np.asarray(SKIN)) < 12).all(axis=2)
        assert np.count_nonzero(face) >= unit * unit * 4, f"seed {seed}: the waitress has no face"


def test_a_cars_headlights_light_the_road_ahead_of_it() -> None:
    """The far lane's car (going left) throws its headlights' light ahead of it: a quarter of
    its length in front of it, between its lamps' height and its tyres, the road is brighter
    than with no car there (the lamps were a dot of glow lighting nothing)."""
    car, sprites = _car()
    seconds = next(step * 0.05 for step in range(2000)
                   if abs(where(car, sprites, SIZE[0], step * 0.05) - SIZE[0] // 2) < 3)
    length, high = sprites.body.get_size()
    x = where(car, sprites, SIZE[0], seconds) - length // 4
    y = round(LANES[0] * SIZE[1]) - high // 6
    lit, bare = (frame_at(NIGHT + layer("block", cars=cars) + NO_POST, "21:00", seconds, SIZE)
                 for cars in (1, 0))
    assert int(lit[x, y].sum()) >= int(bare[x, y].sum()) + BEAM_OVER, (lit[x, y], bare[x, y])


def test_the_cars_keep_to_the_right() -> None:
    """Seen from the south pavement, as in Los Angeles the near lane's cars drive left to right
    and the far lane's right to left, headlights first (at 22:00 the near lane's drove right
    to left, on the wrong side of the road)."""
    headless()
    for lane, way in ((1, 1), (0, -1)):
        car = Car(lane, "sedan", (120, 104, 80), 0.0)
        sprites = Sprites(car, SIZE)
        steps = [where(car, sprites, SIZE[0], 0.1 * n) for n in range(40)]
        moves = [b - a for a, b in itertools.pairwise(steps) if abs(b - a) < SIZE[0] // 2]
        assert moves and all(move * way > 0 for move in moves), (lane, moves)
        body = sprites.body
        lamp_x = [x for x in range(body.get_width()) for y in range(body.get_height())
                  if body.get_at((x, y))[2] > 150 and body.get_at((x, y))[0] > 200]
        front = max(lamp_x) if way > 0 else body.get_width() - 1 - min(lamp_x)
        assert front > body.get_width() * 0.9, (lane, "the headlamp leads")


def test_records_reads_whole_while_its_chase_runs_along_it() -> None:
    """Its letters light one after another; while only R E C O R are lit, the S still shows
    as glass, its strokes plainly lighter than the board between them (in dark glass as dark
    as the board the sign read "RECOR")."""
    records = next(sign for sign in SIGNS if sign.pattern == "chase")
    size = (1280, 720)
    body = NIGHT + layer("block", cars=0) + NO_POST
    held = frame_at(body, "21:00", 5.5, size).sum(axis=2)  # the whole sign lit, held
    chased = frame_at(body, "21:00", 1.25, size).sum(axis=2)  # its first five letters lit
    x, y = round(records.x * size[0]), round(records.y * size[1])
    tall = round(records.size * size[1] / 3)
    band = held[:, y - tall:y + tall]
    lit = np.flatnonzero((band[x - 150:x + 150] > 600).any(axis=1)) + x - 150
    left, right = int(lit[0]), int(lit[-1])
    s_part = (slice(right - (right - left) // 8, right + 1), slice(y - tall, y + tall))
    strokes = held[s_part] > 600
    glass, board = chased[s_part][strokes].mean(), chased[s_part][~strokes].mean()
    assert chased[s_part].max() < 400, "the S is unlit at this moment of the chase"
    assert glass > board + 45, f"the S's glass {glass:.0f} on its board {board:.0f}"
