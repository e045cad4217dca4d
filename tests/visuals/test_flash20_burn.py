"""The flash burns in the picture the visitor was watching (the empty diner a moment before, its
roof, pylon sign, palm and lamp), not a street nobody saw: white on black in the negative, black
against the swelling light, nothing in it that was not in that picture."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.errors import TimelineError
from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.render import headless

from .helpers import NO_POST, layer, one_frame, timeline
from .test_booth_cut import grown

SIZE = (640, 360)
HORIZON = 0.72
PALE_SKY = layer("sky", top="#8a94b0", bottom="#b0a8a0", stars=0, sun=False, clouds=0)
DINER = (PALE_SKY + layer("skyline", ground=HORIZON, height=0.16, lit=0.5)
         + layer("silhouette", shape="palm", x=0.2, y=0.85, scale=0.42, color="#050508")
         + layer("diner", x=0.56, ground=0.8, scale=1.15, empty=True) + NO_POST)
FLASH = (layer("sky", top="#2a120c", bottom="#e0682a", stars=0, sun=False, clouds=0)
         + layer("ruins", ground=0.8, height=0.3, fires=3, color="#140c0a", boulevard=True)
         + layer("flash", seconds=20, x=0.27, y=HORIZON) + NO_POST)
CUT = 'transition = { type = "cut", seconds = 0 }'
ABOVE_TOWERS = 0.55  # rows above this (of the height): over the diner scene's skyline
CLEAR_OF_GLARE = 0.62  # above this row (of the height) the horizon's glare leaves things be
NEGATIVE, BLOOM = 0.03, 0.3  # real seconds into the flash
FIXTURE = Path(__file__).parent.parent / "fixtures" / "timelines" / "bad-flash-burns.toml"


def scenes(flash: str = FLASH) -> str:
    """The empty diner at 05:12, then the flash at 05:15."""
    return (f"[[scene]]\nat = \"05:12\"\nname = \"diner\"\n{DINER}\n"
            f"[[scene]]\nat = \"05:15\"\nname = \"flash\"\n{CUT}\n{flash}")


def grey(at: float, body: str | None = None) -> np.ndarray:
    """The day's picture at story time `at` (seconds), grey levels (x, y)."""
    headless()
    line = timeline(body or scenes())
    surface = one_frame(line, SIZE, state_at(line, at), None, lambda _message: None)
    return pygame.surfarray.array3d(surface).astype(float).mean(axis=2)


@pytest.fixture(scope="module")
def pictures() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The diner a second before the flash, the negative, and the city against the light."""
    flash = parse_clock("05:15")
    return grey(flash - 1.0), grey(flash + NEGATIVE), grey(flash + BLOOM)


def standing(before: np.ndarray) -> np.ndarray:
    """Where something stood dark against the pale sky above the horizon (the palm, the
    roof, the pylon and its sign, the towers), as a mask (x, y)."""
    mask = before < 60
    mask[:, int(SIZE[1] * HORIZON):] = False
    return mask


def test_what_stood_dark_in_the_last_picture_burns_in_white(
        pictures: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    before, negative, _bloom = pictures
    shapes = standing(before)
    assert shapes.sum() > 2000, "the diner scene has its palm, roof and sign against the sky"
    assert (negative[shapes] > 200).mean() > 0.8, "they burn in white"


def test_nothing_burns_in_that_the_visitor_did_not_see(
        pictures: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    """Above the skyline's towers, no white where the sky was: no other street's towers,
    palms or people walking."""
    before, negative, _bloom = pictures
    rows = before[:, : int(SIZE[1] * ABOVE_TOWERS)]
    common = np.array([np.bincount(row.astype(int)).argmax() for row in rows.T])
    sky = (np.abs(rows - common[None, :]) < 3) & ~grown(standing(before), 3)[:, :rows.shape[1]]
    assert sky.mean() > 0.6, "most of the picture above the towers is sky"
    assert (negative[:, :rows.shape[1]][sky] > 100).mean() < 0.01, (
        "the sky the diner stood against is black")


def test_the_lit_glass_burns_in_dark(pictures: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    before, negative, _bloom = pictures
    lit = before > 170  # the lit room through the plate glass, the sign's tubes
    lit[:, : int(SIZE[0] * 0.3)] = False
    assert lit.sum() > 300, "the diner's glass is lit"
    assert (negative[lit] < 110).mean() > 0.7, "in the negative it is dark"


def test_the_last_picture_stands_black_against_the_light(
        pictures: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    before, _negative, bloom = pictures
    shapes = standing(before)
    shapes[:, int(SIZE[1] * CLEAR_OF_GLARE):] = False  # (their feet fade into the glare)
    assert (bloom[shapes] < 30).mean() > 0.9, "the palm, the roof and the sign stand black"
    assert bloom[~grown(shapes, 2)][: SIZE[0] * 100].mean() > 40, "in the light round them"


def test_burns_nothing_is_the_light_alone() -> None:
    flash = FLASH.replace('type = "flash"', 'type = "flash"\nburns = "nothing"')
    negative = grey(parse_clock("05:15") + NEGATIVE, scenes(flash))
    assert negative[:, : int(SIZE[1] * 0.6)].max() < 30, "nothing burns in"


def test_the_old_list_of_layer_types_is_refused_with_what_to_write() -> None:
    with pytest.raises(TimelineError) as caught:
        timeline(scenes(FLASH.replace('type = "flash"',
                                      'type = "flash"\nburns = ["ruins", "maycompany"]')))
    report = caught.value.report()
    assert ("key 'layers.burns': expected one of before, nothing; found a list of 2. Valid "
            "choices: before, nothing.") in report, report
