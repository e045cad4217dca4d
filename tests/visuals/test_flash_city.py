"""The flash burns in OUR city, the boulevard the visitor watched all day: towers with their
storeys of windows and the May Company's gold drum on its banded box, where the ruins and the
burnt husk will stand."""

from __future__ import annotations

import numpy as np

from installation.visuals.base import finished
from installation.visuals.burnt_in import city
from installation.visuals.flash import HAZE
from installation.visuals.fonts import Fonts
from installation.visuals.maycompany_surfaces import BANDS, BOX_LONG, BOX_TALL, DRUM_HALF, DRUM_TALL

from .helpers import NO_POST, frame_at, layer

SIZE = (960, 540)  # big enough for a window to be a few pixels
GROUND, SCALE, AXIS = 0.8, 0.8, 0.5
DARK_SKY = layer("sky", top="#202020", bottom="#202020", stars=0, sun=False, clouds=0)
RUINS = layer("ruins", ground=GROUND, height=0.3, fires=0, color="#101010")
STORE = layer("maycompany", x=AXIS, ground=GROUND, scale=SCALE, burnt=True)
FLASH = layer("flash", seconds=4, x=0.7, y=GROUND)
NEGATIVE, BLOOM = 0.03, 0.3  # real seconds into the flash


def flash_frame(seconds: float, store: bool = True, flash: str = FLASH) -> np.ndarray:
    """The flash scene (ruins, the May Company's husk) `seconds` in, grey levels (x, y)."""
    body = DARK_SKY + RUINS + (STORE if store else "") + flash + NO_POST
    return frame_at(body, "05:15", seconds, SIZE).mean(axis=2)


def test_the_negative_shows_the_towers_windows_not_blank_blocks() -> None:
    negative = flash_frame(NEGATIVE, store=False)
    ground = int(SIZE[1] * GROUND)
    band = negative[:, ground - int(SIZE[1] * 0.12):ground - int(SIZE[1] * 0.02)] > 128
    assert band.mean() > 0.4, "the towers burn in white"
    changes = np.abs(np.diff(band.astype(int), axis=0)).sum(axis=0)
    assert np.median(changes) > 100, "each row of towers is broken by window after window"


def test_the_negative_shows_the_may_company_drum_and_its_banded_box() -> None:
    negative = flash_frame(NEGATIVE)
    unit, ground, axis = SCALE * SIZE[1], int(SIZE[1] * GROUND), int(SIZE[0] * AXIS)
    drum = slice(ground - int(DRUM_TALL * unit * 0.9), ground - int(BOX_TALL * unit * 1.2))
    inside = negative[axis - 4:axis + 4, drum]
    assert (inside > 200).mean() > 0.95, "the drum burns in white"
    half = DRUM_HALF * unit
    for side in (-1, 1):
        edge = negative[round(axis + side * half) - 3:round(axis + side * half) + 4, drum]
        assert (edge.min(axis=0) < 60).mean() > 0.95, "a dark outline parts the drum from the slab"
    column = negative[axis - int(BOX_LONG * unit * 0.2), ground - int(BOX_TALL * unit):ground]
    lines = np.abs(np.diff((column < 128).astype(int))).sum() // 2
    assert lines >= len(BANDS), "the box's ribbons run along it, dark on the white"


def test_against_the_bloom_the_city_is_black_and_its_windows_let_the_light_through() -> None:
    negative, bloom = flash_frame(NEGATIVE), flash_frame(BLOOM)
    unit, ground, axis = SCALE * SIZE[1], int(SIZE[1] * GROUND), int(SIZE[0] * AXIS)
    feet = ground - int(SIZE[1] * HAZE)  # (below, its foot fades into the glare)
    drum = bloom[axis - 4:axis + 4, ground - int(DRUM_TALL * unit * 0.9):feet]
    assert drum.max() < 30, "the May Company stands solid black"
    towers = slice(int(SIZE[0] * 0.75), SIZE[0])  # off to the right, towers only
    rows = slice(ground - int(SIZE[1] * 0.12), feet)
    white = negative[towers, rows] > 200
    assert white.mean() > 0.4 and (bloom[towers, rows][white] < 30).mean() > 0.95, (
        "the towers stand black")
    below_roof = np.cumsum(white, axis=1) > 0  # under each column's roof: inside a tower
    windows = below_roof & (negative[towers, rows] < 60)
    assert windows.mean() > 0.1, "the towers have windows"
    assert (bloom[towers, rows][windows] > 60).mean() > 0.5, "the light shows through them"


def test_burns_names_what_burns_in() -> None:
    unit, ground, axis = SCALE * SIZE[1], int(SIZE[1] * GROUND), int(SIZE[0] * AXIS)
    drum = (slice(axis - 4, axis + 4),
            slice(ground - int(DRUM_TALL * unit * 0.9), ground - int(BOX_TALL * unit * 1.2)))
    both, towers, light = (flash_frame(NEGATIVE, flash=layer("flash", seconds=4, x=0.7,
                                                                   y=GROUND, burns=burns))
                           for burns in (["ruins", "maycompany"], ["ruins"], []))
    assert (both[drum] > 200).mean() > 0.95, "the drum, white"
    assert (towers[drum] > 200).mean() < 0.8, "without the May Company: sky and windows there"
    assert (towers[:, ground - int(SIZE[1] * 0.05)] > 200).mean() > 0.3, "but the towers"
    assert light[: SIZE[0] // 2].max() < 30, "[]: nothing burns in, the light alone (at x 0.7)"


BOULEVARD = layer("ruins", ground=GROUND, height=0.3, fires=0, color="#101010", boulevard=True,
                  boulevard_x=0.5)


def boulevard_frame(seconds: float) -> np.ndarray:
    """The flash over ruins with the boulevard in front `seconds` in, grey levels (x, y)."""
    body = DARK_SKY + BOULEVARD + FLASH + NO_POST
    return frame_at(body, "05:15", seconds, SIZE).mean(axis=2)


def test_the_negative_burns_in_the_palms_along_the_boulevard_high_over_the_towers() -> None:
    """Above the tallest tower, right of the road, the palms' crowns burn in white (each
    with its trunk down to the kerb), and against the bloom they stand black."""
    negative, bloom = boulevard_frame(NEGATIVE), boulevard_frame(BLOOM)
    ground = int(SIZE[1] * GROUND)
    high = ground - int(SIZE[1] * 0.34)  # above the towers (0.3 of the picture, and a margin)
    right = slice(int(SIZE[0] * 0.55), SIZE[0])
    crowns = negative[right, :high] > 200
    assert crowns.sum() > 800, f"{crowns.sum()} white pixels of palm crowns over the towers"
    trunks = (negative[right, high:ground + 20] > 200).any(axis=0)
    assert trunks.mean() > 0.95, "their trunks run down past the towers to the kerb"
    assert (bloom[right, :high][crowns] < 40).mean() > 0.9, "against the light they stand black"


def test_the_negative_burns_in_johnies_sign_with_its_script_dark_on_the_blade() -> None:
    """Right of the road, high over the towers' feet, where the ruin's blade will hang,
    Johnie's blade burns in white, its script's strokes grey on it."""
    negative = boulevard_frame(NEGATIVE)
    blade = negative[int(SIZE[0] * 0.875):int(SIZE[0] * 0.94),
                     int(SIZE[1] * 0.61):int(SIZE[1] * 0.66)]
    white = (blade > 200).mean()
    strokes = ((blade > 40) & (blade < 130)).sum()  # the letters' grey lines (not black holes)
    assert white > 0.5 and strokes > 100, f"{white:.0%} white, {strokes} pixels of grey strokes"


def test_the_negative_burns_in_the_coffee_shop_board_under_the_blade() -> None:
    """Under Johnie's blade, on its post, the COFFEE SHOP board burns in white too, its
    letters grey on it."""
    negative = boulevard_frame(NEGATIVE)
    board = negative[int(SIZE[0] * 0.88):int(SIZE[0] * 0.925),
                     int(SIZE[1] * 0.68):int(SIZE[1] * 0.697)]
    white = (board > 200).mean()
    letters = ((board > 40) & (board < 130)).sum()
    assert white > 0.3 and letters > 30, f"{white:.0%} white, {letters} pixels of grey letters"


def test_the_burnt_in_city_keeps_only_the_strips_that_show_anything() -> None:
    """The negative, its silhouette and so its eight fading copies keep only the strips over
    the skyline, the palms, Johnie's and the car on the road (less than half of the picture's
    width times the city's height, to the car's wheels), each as big as the part of the
    picture it is laid on."""
    fonts = Fonts(lambda _message: None)
    ruins = {"ground": GROUND, "height": 0.3, "boulevard": True, "boulevard_x": 0.5}
    store = {"x": AXIS, "ground": GROUND, "scale": SCALE}
    burnt = finished(city(7, SIZE, ruins, store, fonts.get))
    for mask in (burnt.negative, burnt.silhouette):
        sizes = [picture.get_size() for picture in mask.pictures]
        assert sizes == [part.size for part in mask.parts]
        kept = sum(w * h for w, h in sizes)
        assert kept < 0.5 * SIZE[0] * (SIZE[1] - burnt.top), f"{kept} pixels kept"
