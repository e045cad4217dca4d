"""The burnt cars after the flash read as burnt-out wrecks, not parked cars: dark in the
flash's light, their roofs caved in, a door gone, sunk on bare rims in the ash (05:15-08:00:
the side-on car on the boulevard; the panic's cars on Wilshire under ash)."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pygame

from installation.visuals import ash_ground, street_wrecks, wrecks
from installation.visuals.figure_light import LUMA
from installation.visuals.stranded import Stranded

FLASH_GROUND = (20, 12, 10)  # the flash scene's ruins colour (the ground the car sits on)
SIZE = (1920, 216)  # the flash scene's boulevard, below its horizon at 0.8
LENGTH, GROUND = 300, 200  # a car drawn alone: this long, its wheels on this row
ASH_GREY = (70, 66, 62)  # the ground it is drawn on


def luma(rgb: np.ndarray) -> np.ndarray:
    return np.asarray(rgb.astype(float) @ np.array(LUMA, float))


def alone(door: bool = False, ash: bool = False, seed: int = 1, drift: float = 0.0) -> np.ndarray:
    """A burnt car LENGTH long side on, facing right, on grey ground: its pixels (x, y, rgb)."""
    surface = pygame.Surface((400, 240))
    surface.fill(ASH_GREY)
    car = wrecks.Wreck((40, 60, 120), 1, True, door, (118, 110, 104))
    if ash:
        car = replace(car, ash=True, drift=drift)
    wrecks.draw_wreck(surface, 200, GROUND, LENGTH, car, np.random.default_rng(seed))
    return pygame.surfarray.array3d(surface).astype(int)


def column(along: float) -> int:
    """The picture column of a point `along` the car from its front (facing right)."""
    return round(200 - (along - 0.5) * LENGTH)


def test_in_the_flash_the_burnt_car_is_darker_than_the_ash_it_sits_in() -> None:
    """Under the flash's burning sky the side-on wreck's side is darker than the ground
    beside it (pale, its paint read as whole: a parked car)."""
    image = pygame.surfarray.array3d(ash_ground.boulevard(
        SIZE, SIZE[0] // 2, FLASH_GROUND, np.random.default_rng(3)))
    lane, z = ash_ground.WRECK_AT
    x0, x1 = (round(SIZE[0] / 2 + (lane + side * ash_ground.WRECK_LONG / 2) * SIZE[0] / 2 / z)
              for side in (-1, 1))
    length, ground = x1 - x0, round(SIZE[1] / z)
    lum = luma(image)
    side = lum[x0 + round(0.3 * length):x0 + round(0.7 * length),
               ground - round(0.19 * length):ground - round(0.08 * length)]
    beside = np.concatenate([lum[x0 - 40:x0 - 10, ground - 10:ground + 10].ravel(),
                             lum[x1 + 10:x1 + 40, ground - 10:ground + 10].ravel()])
    assert np.median(side) < np.median(beside), (
        f"its side {np.median(side):.0f}, the ash beside it {np.median(beside):.0f}")


def test_a_burnt_cars_roof_has_caved_in() -> None:
    """Seen side on, its roof sags in the middle: lower there than where it meets its front
    pillar, by a few pixels at least."""
    drawn = np.abs(alone() - ASH_GREY).max(axis=2) > 6
    front, middle = column(wrecks.CABIN[1] + 0.02), column(sum(wrecks.CABIN[1:3]) / 2)
    top_front = np.flatnonzero(drawn[front])[0]
    top_middle = np.flatnonzero(drawn[middle])[0]
    assert top_middle - top_front >= 0.012 * LENGTH, (top_front, top_middle)


def test_a_burnt_car_left_with_its_door_open_has_lost_the_door() -> None:
    """Where its front door was there is a dark gap into the burnt cabin (not the shell's
    side, and not a door hanging open in its paint)."""
    gap = alone(door=True)
    middle = column(sum(wrecks.DOOR) / 2)
    rows = slice(GROUND - round(0.17 * LENGTH), GROUND - round(0.1 * LENGTH))
    assert np.median(luma(gap[middle - 5:middle + 5, rows])) < 28, "a dark gap"
    assert np.median(luma(alone()[middle - 5:middle + 5, rows])) > 28, "shut: its side"


def test_in_the_ash_a_burnt_car_sinks_on_bare_rust_rims_banked_over() -> None:
    """In the ash its rims are rusted steel (warm, no black tyre, no pale ring), their foot
    under ash banked against the car: the rows above the ground at a wheel are the ash's."""
    car = alone(ash=True)
    for wheel in wrecks.WHEELS:
        x = column(wheel)
        rim = car[x - 8:x + 9, GROUND - round(0.1 * LENGTH):GROUND - round(0.04 * LENGTH)]
        warm = rim[..., 0] - rim[..., 2]
        assert (warm > 10).mean() > 0.5, "rusted steel"
        assert luma(rim).max() < 120, "no pale ring: a charred rim, not a hubcap"
        foot = car[x, GROUND - 3:GROUND]
        assert np.abs(foot - ASH_GREY).max() < 40 and luma(foot).min() > luma(
            np.array(ASH_GREY)) - 5, "its foot under the ash"


def test_some_of_the_panics_cars_burnt_on_wilshire_have_lost_a_door() -> None:
    """Some of the burnt cars on the boulevard have lost a door (not all), each still down on
    its rims."""
    cars = [street_wrecks.wrecked(Stranded(0.3, 1.5, 0.3, (0, 0, 0), (0, 0, 0), 0), seed)
            for seed in range(12)]
    assert any(wreck.door_gone for wreck in cars) and not all(w.door_gone for w in cars)
    assert math.isclose(cars[0].sunk(0.0, 0.0), -street_wrecks.SUNK), "its body on its rims"


CREST_STEP = 12  # luma: the ash bank's crest at most this much brighter than the ground it is
BANK_ROWS = (10, 6)  # the bank's rows across the wheel: this far above and below its foot


def test_the_ash_bank_crest_is_soft_not_a_pale_streak_through_the_wheels() -> None:
    """The bank's crest, across the wheels, is only a little lighter than the grey ash: at
    half the way to the sky's light it drew a 1 px pale line straight through far cars'
    wheels (06:40), read as a glitch."""
    lum = luma(alone(ash=True))
    x = column(wrecks.WHEELS[0])
    crest = lum[x - 2:x + 3, GROUND - BANK_ROWS[0]:GROUND + BANK_ROWS[1]].max()
    assert crest - luma(np.array(ASH_GREY)) <= CREST_STEP, crest


WELL_DARK = 30  # luma: the sooted wheel well, at most (it shows over the ash)
ROUNDED = 6  # pixels: the bank's top along the car's flank rises and falls this much at least
CAP_THIN = 0.5  # the ash on the bonnet at its ends, of its thickness in its middle, at most


def test_deep_in_the_ash_the_car_still_stands_on_its_rims_the_ash_rounded() -> None:
    """Drifted all the way (the Ash scene's end), the side-on car still stands on its bare
    rims: the ash banked along its foot rises and falls (not a ruler-straight cut), its wheel
    arches' dark wells show over it (drifted over them, the car read as a hole in the ash),
    and the ash on its bonnet is a rounded cap, thickest in its middle."""
    car = alone(ash=True, drift=1.0)
    lum = luma(car)
    banked = (car != alone()).any(axis=2)  # (what the ash covers: the bare car differs)
    below = GROUND - round(wrecks.WAIST * 0.8 * LENGTH)  # (under the lids: the bank)
    tops = [below + int(np.argmax(banked[column(along), below:GROUND]))
            for along in np.linspace(0.1, 0.9, 17)]
    assert np.ptp(tops) >= ROUNDED, f"the bank's top along the flank (rows): {tops}"
    for wheel in wrecks.WHEELS:
        x = column(wheel)
        arch = lum[x - 3:x + 4, GROUND - round(0.2 * LENGTH):GROUND]
        assert arch.min() < WELL_DARK, f"the arch over the wheel is under: {arch.min():.0f}"
    pale = lum > luma(np.array(ASH_GREY)) + 15  # (the ash lying on the lids, lit)
    front, back = wrecks.BONNET + 0.02, wrecks.CABIN[0] - 0.01
    thick = [pale[column(a), : GROUND - round(0.1 * LENGTH)].sum()
             for a in (front + 0.01, (front + back) / 2, back - 0.01)]
    assert max(thick[0], thick[2]) <= CAP_THIN * thick[1], f"the bonnet's cap: {thick}"


SEEN = 8  # luma: a pixel this far from the ground's is the car's or its drift's
LIDS = 0.15  # drifted deep, the outline over its bonnet and boot this high at least (of its
# length: the body's waist is 0.2 up, less its sinking on its rims)


def test_drifted_deep_its_bonnet_and_boot_still_stand_out_of_the_ash() -> None:
    """By 06:20 the side-on car keeps a car's shape: its bonnet and boot stand out of the
    ash at the body's waist either side of the cabin (heaped over with rounded drifts, the
    car went under them: with the dark cabin between, a pit with a bright rim)."""
    lum = luma(alone(ash=True, drift=0.77))
    seen = np.abs(lum - luma(np.array(ASH_GREY))) > SEEN
    top = np.where(seen.any(axis=1), seen.argmax(axis=1), GROUND)
    for along in (0.12, 0.88):
        assert GROUND - top[column(along)] >= LIDS * LENGTH, (
            f"its outline at {along}: {GROUND - top[column(along)]} px up")
