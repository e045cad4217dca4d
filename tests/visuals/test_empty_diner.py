"""A coyote in the empty diner (05:12), before the flash: Johnnie's as it was at night, in the
same place (the towers, the palm, the diner and the booth where they stood), abandoned: its
lights left on over nobody, the payphone's receiver left hanging."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals.left_behind import COAT, SEAT_HIGH, STOOL_PITCH, left_behind

from .helpers import NO_POST, draw, layer, one_scene

ROOT = Path(__file__).parent.parent.parent
SIZE = (640, 360)
BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
TRUNK_ROW = 0.6  # of the picture's height: the palm's trunk, below its crown


def brightness(at: str) -> np.ndarray:
    """The shipped day's picture at a story time: each pixel's summed levels (x, y)."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    return pygame.surfarray.array3d(draw(line, at, size=SIZE)).astype(int).sum(axis=2)


def palm(picture: np.ndarray) -> int:
    """The column of the darkest pixel across the left third, just above the towers' feet
    (the palm's trunk against them, under its crown), or -1 if nothing there is near black."""
    row = picture[: SIZE[0] // 3, int(SIZE[1] * TRUNK_ROW)]
    return int(np.argmin(row)) if row.min() < 60 else -1


def test_the_coyotes_diner_is_johnnies_with_its_palm_and_towers_where_they_stood() -> None:
    """The palm's trunk stands in the same columns as at 04:00 (give or take the camera's
    slow sway), and the towers behind and the diner are Johnnie's own, placed the same."""
    night = palm(brightness("04:00"))
    for at in ("05:12:30", "05:13:30"):
        trunk = palm(brightness(at))
        assert trunk >= 0 and abs(trunk - night) < 0.02 * SIZE[0], (
            f"the palm at column {trunk} at {at}, {night} at 04:00")
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    johnnies, coyote = (next(s for s in line.scenes if s.name == name)
                        for name in ("Johnie's at night", "A coyote in the empty diner"))

    def placed(scene: object, kind: str, keys: tuple[str, ...]) -> list[tuple[object, ...]]:
        return [tuple(spec.params[k] for k in keys) for spec in scene.layers  # type: ignore
                if spec.type == kind]

    for kind, keys in (("skyline", ("look", "ground", "height", "depth")),
                       ("diner", ("look", "x", "ground", "scale", "depth")),
                       ("booth", ("x", "ground", "scale", "depth"))):
        assert placed(coyote, kind, keys) == placed(johnnies, kind, keys) != [], kind


def test_the_empty_diners_lights_are_left_on() -> None:
    """Nobody is there, but the glass is lit as it was at night: not a dark box."""
    glass = brightness("05:13")[int(SIZE[0] * 0.45):int(SIZE[0] * 0.75),
                                int(SIZE[1] * 0.67):int(SIZE[1] * 0.76)]
    assert np.median(glass) > 3 * 120, f"lit glass: median level {np.median(glass) / 3:.0f}"


def test_a_receiver_left_hanging_hangs_under_the_phone() -> None:
    """With nobody at the phone, `receiver = "hanging"` leaves it off the hook on its cord,
    below the phone (its cradle empty); hung, nothing is below the phone."""
    def booth(receiver: str) -> np.ndarray:
        one = layer("booth", x=0.5, ground=0.95, scale=0.9, caller=False, receiver=receiver)
        return pygame.surfarray.array3d(draw(one_scene(BLACK_SKY + one + NO_POST), "12:00",
                                             size=SIZE)).astype(int)

    hung, hanging = booth("hung"), booth("hanging")
    moved = np.abs(hung - hanging).sum(axis=2) > 30
    rows = np.nonzero(moved.any(axis=0))[0]
    assert moved.sum() > 40, "the receiver has moved"
    low = SIZE[1] * (0.95 - 0.9 * 0.36)  # the phone box's foot (booth.PHONE_BOX)
    assert rows.max() > low + 0.02 * SIZE[1], "it hangs below the phone"


def picture(at: str) -> np.ndarray:
    """The shipped day's picture at a story time: its levels (x, y, rgb)."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    return pygame.surfarray.array3d(draw(line, at, size=SIZE)).astype(int)


def test_through_the_empty_diners_glass_its_stools_and_cups_are_left() -> None:
    """Behind the glass, below the counter's top, a row of red stool seats (more than ten,
    apart), and white cups standing on the counter: not a blank lit pane."""
    levels = picture("05:13")[int(SIZE[0] * 0.47):int(SIZE[0] * 0.8),
                              int(SIZE[1] * 0.72):int(SIZE[1] * 0.8)]
    red, green, blue = levels[..., 0], levels[..., 1], levels[..., 2]
    seats = ((red > green + 40) & (red > blue + 40)).any(axis=1)
    apart = np.count_nonzero(np.diff(seats.astype(int)) == 1)
    assert apart > 10, f"{apart} stools in a row behind the glass"
    cups = (levels.sum(axis=2) > 3 * 225) & (np.abs(red - blue) < 30)
    assert cups.sum() > 40, f"{cups.sum()} pixels of white cups"


def test_a_stool_lies_knocked_over_by_a_dropped_coat() -> None:
    """Drawn alone into a room: one stool's red seat lies down at the floor, far below the
    others' seats, and a pale coat lies flat on the floor (a lumpy tan heap of it read as a
    body, or a dog lying there)."""
    tall, floor = 120, 190
    image = pygame.Surface((900, 200), pygame.SRCALPHA)
    left_behind(image, pygame.Rect(20, 10, 860, floor - 10), 120, floor, tall, (214, 236, 214))
    levels = pygame.surfarray.array3d(image).astype(int)
    red, green, blue = levels[..., 0], levels[..., 1], levels[..., 2]
    seat_rows = np.nonzero(((red > green + 60) & (red > blue + 60)).any(axis=0))[0]
    standing = floor - round(SEAT_HIGH * tall)
    assert seat_rows.max() > standing + 0.12 * tall, "a seat lies low, near the floor"
    coat = np.abs(levels - np.array(COAT)).sum(axis=2) < 12
    assert coat[:, floor - 12:floor].sum() > 100, f"{coat.sum()} pixels of coat on the floor"
    rows = np.nonzero(coat.any(axis=0))[0]
    assert floor - rows.min() < 0.07 * tall, "the coat lies flat, not in a heap"
    # Apart: a stool's pitch and more between the coat and the seat on the floor (beside it,
    # the round seat at the coat's collar read as a bald head on a body lying there, 05:13).
    seat = (red > green + 60) & (red > blue + 60)
    seat[:, :standing + round(0.12 * tall)] = False
    seat_columns, coat_columns = np.nonzero(seat.any(axis=1))[0], np.nonzero(coat.any(axis=1))[0]
    gap = np.abs(seat_columns[:, None] - coat_columns[None, :]).min()
    assert gap > STOOL_PITCH * tall, f"the coat lies {gap} px from the fallen seat"
