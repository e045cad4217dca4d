"""The tar pits' mammoths are one family across the day: the calf a visitor sees calling on the
shore at noon is the calf Julie's hand is on at 14:30, the same dark brown coat (on main a
grey shaggy stone statue then: another species), and the mother in the tar at deep time wears
noon's brown, unlit under the ash (on main a blue-black)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
from test_bad_files import expectations
from test_bad_files import test_broken_timeline_message as check_message

from .helpers import shipped_picture

SIZE = (960, 540)
CALF_NOON = (slice(660, 710), slice(448, 485))  # its flank and shoulder at 12:05 ...
CALF_1433 = (slice(540, 602), slice(408, 457))  # ... and beside Julie at 14:33
SAME = 0.08  # their median colours' shares of r, g, b differ by at most this much in all (the
# same brown coat; noon's lit lighter in the high sun, calf22: a hole in the tar at the family's
# #16110d)
MOTHER_DEEP = (slice(410, 500), slice(360, 400))  # her back above the tar at 08:30
BROWN = 5  # a brown coat: its median red at least this much over its blue


def _median(at: str, box: tuple[slice, slice]) -> np.ndarray:
    rgb = pygame.surfarray.array3d(shipped_picture(at, SIZE))[box]
    return np.median(rgb.reshape(-1, 3), axis=0)


def test_the_calf_at_noon_and_beside_julie_is_one_animal() -> None:
    noon, afternoon = _median("12:05", CALF_NOON), _median("14:33", CALF_1433)
    assert np.abs(noon / noon.sum() - afternoon / afternoon.sum()).sum() <= SAME, (noon,
                                                                                 afternoon)
    assert afternoon[0] - afternoon[2] >= BROWN, afternoon  # a brown coat, not grey stone


def test_the_mother_in_the_tar_at_deep_time_is_noons_brown() -> None:
    mother = _median("08:30", MOTHER_DEEP)
    assert mother[0] - mother[2] >= BROWN, mother


def test_a_bad_still_is_refused_with_file_line_key_expected_and_found() -> None:
    path = Path(__file__).parents[1] / "fixtures" / "timelines" / "bad-silhouette-still.toml"
    check_message(path)  # (as every broken file: file, line, key, expected and found)
    assert expectations(path), path
