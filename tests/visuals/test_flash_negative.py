"""The flash's burnt-in boulevard reads as the street it was: the palms' fronds splayed with
the light between them (not round fuzzy balls), the car where its wreck will lie and people on
the sidewalks, and the ground fading into the glare instead of ending in a ruled line."""

from __future__ import annotations

import numpy as np

from installation.visuals.ash_ground import WRECK_AT, WRECK_LONG
from installation.visuals.burnt_along import WALKER_TALL, WALKERS
from installation.visuals.palm import PALM_CROWN
from installation.visuals.wilshire import PALM_UNITS, boulevard_place, stands

from .helpers import NO_POST, frame_at, layer

SIZE = (960, 540)
GROUND = 0.8
SKY = layer("sky", top="#202020", bottom="#202020", stars=0, sun=False, clouds=0)
BOULEVARD = layer("ruins", ground=GROUND, height=0.3, fires=0, color="#101010", boulevard=True,
                  boulevard_x=0.5)
STORE = layer("maycompany", x=0.43, ground=GROUND, scale=0.8, burnt=True)
FLASH = layer("flash", seconds=4, x=0.66, y=GROUND)
NEGATIVE, BLOOMS = 0.03, (0.2, 0.3, 0.4)  # real seconds into the flash
PLACE = boulevard_place(SIZE, int(SIZE[1] * GROUND), SIZE[0] // 2)


def frame(seconds: float) -> np.ndarray:
    """The flash over the boulevard `seconds` in, grey levels (x, y)."""
    return frame_at(SKY + BOULEVARD + STORE + FLASH + NO_POST, "05:15", seconds, SIZE).mean(axis=2)


def runs(row: np.ndarray, least: int = 3) -> int:
    """How many runs of True at least `least` long lie along a row, each after a run of False
    as long (or the row's start)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([-1], row.astype(int), [-1]))) != 0)
    count, gap = 0, least
    for start, stop in zip(edges[:-1], edges[1:], strict=True):
        if row[start]:
            count += stop - start >= least and gap >= least
        else:
            gap = stop - start
    return count


def nearest_crown() -> tuple[int, int, float]:
    """Where the nearest palm's crown is (x, y) and its drawing's pixels a unit."""
    palm = [stand for stand in stands(PLACE) if stand is not None][-1]
    px = palm.tall / PALM_UNITS
    dx = -PALM_CROWN[0] if palm.flipped else PALM_CROWN[0]
    return round(palm.foot[0] + dx * px), round(palm.foot[1] - PALM_CROWN[1] * px), px


def test_a_palms_crown_is_splayed_fronds_with_gaps_between_them() -> None:
    """A row through the nearest palm's crown crosses frond after frond: white, black, white
    in the negative, black and light against the bloom (a fuzzy ball is one run)."""
    x, y, px = nearest_crown()
    reach = round(0.8 * px)
    columns = slice(x - reach, x + reach)
    rows = range(y - round(0.4 * px), y + round(0.7 * px), 2)  # (the fronds droop)
    negative = frame(NEGATIVE)
    most = max(runs(negative[columns, row] > 128) for row in rows)
    assert most >= 5, f"at most {most} fronds along a row through the crown"
    bloom = frame(BLOOMS[1])
    most = max(runs(bloom[columns, row] < 30) for row in rows)
    assert most >= 5, f"against the light: at most {most} fronds along a row"


def test_a_palms_fronds_are_narrow_arching_blades_not_broad_serrated_leaves() -> None:
    """Across the nearest crown in the negative, a frond crossed is mostly under 0.08 of a
    palm unit wide (its broad notched blades, 0.11, made a crown read as a cannabis leaf)."""
    x, y, px = nearest_crown()
    reach = round(0.8 * px)
    negative = frame(NEGATIVE)
    widths = []
    for row in range(y - round(0.2 * px), y + round(0.6 * px), 2):
        lit = negative[x - reach:x + reach, row] > 128
        edges = np.flatnonzero(np.diff(np.concatenate(([0], lit.astype(int), [0]))))
        widths += list(edges[1::2] - edges[0::2])
    assert len(widths) > 50, "fronds crossed"
    assert np.median(widths) / px < 0.08, np.median(widths) / px


def test_the_ground_fades_into_the_glare_with_no_ruled_line() -> None:
    """Near the horizon no row steps from the next in brightness across most of the picture,
    in the negative or as the light swells (the city's feet fade into the lit ground)."""
    ground = int(SIZE[1] * GROUND)
    for seconds in (NEGATIVE, *BLOOMS):
        picture = frame(seconds)
        steps = np.abs(np.diff(picture[:, ground - 6:ground + 6], axis=1)) > 40
        share = steps.mean(axis=0).max()
        assert share < 0.3, f"{seconds} s in: a step across {share:.0%} of the picture's width"


def test_the_car_and_the_walkers_burn_in_white_then_stand_dark_against_the_glare() -> None:
    """Where the burnt car will lie, the car burns in white and stands dark against the lit
    ground (its side far darker than the ground just beyond it); on the sidewalks two people
    walking do the same."""
    negative, bloom = frame(NEGATIVE), frame(BLOOMS[2])
    lane, z = WRECK_AT
    (x0, foot), (x1, _) = (PLACE(lane + side * WRECK_LONG / 2, z) for side in (-1, 1))
    length = x1 - x0  # its doors, between the wheel arches, from the sill to the waist:
    body = (slice(x0 + round(0.32 * length), x1 - round(0.32 * length)),
            slice(foot - round(0.18 * length), foot - round(0.09 * length)))
    beyond = (body[0], slice(foot - round(0.45 * length), foot - round(0.38 * length)))
    assert (negative[body] > 200).mean() > 0.6, "the car's side burns in white"
    assert bloom[body].mean() < bloom[beyond].mean() - 80, "and stands dark against the glare"
    for across, along, _stride, _left in WALKERS:
        x, y = PLACE(across, along)
        high = y - PLACE(across, along, WALKER_TALL)[1]
        person = (slice(x - high // 4, x + high // 4), slice(y - high, y))
        assert (negative[person] > 200).sum() > high, "a person walking burns in white"
        lit = np.median(bloom[person])  # (the ground round them)
        assert (bloom[person] < lit - 60).sum() > high, "and stands dark"


def test_nothing_stands_on_the_cars_roof_against_the_glare() -> None:
    """Between the horizon and the car's roof, over the whole car, only the lit ground shows
    as the light swells: Johnie's stone wall and a palm's trunk beyond the car, cut from
    their tops by the glare along the horizon, stood there as a box on a stem on its roof."""
    lane, z = WRECK_AT
    (x0, foot), (x1, _) = (PLACE(lane + side * WRECK_LONG / 2, z) for side in (-1, 1))
    ground = int(SIZE[1] * GROUND)
    over = (slice(x0, x1), slice(ground + 2, foot - round(0.36 * (x1 - x0))))
    for seconds in BLOOMS:
        black = (frame(seconds)[over] < 25).mean()  # (the lit ground: 40 and more)
        assert black < 0.005, f"{seconds} s in: {black:.0%} of the ground over the car is black"
