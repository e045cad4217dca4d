"""The Page Museum's frieze (Harry meets Julie): its mammoths read as mammoths, not elephants:
the domed head the highest of them, a dip at the neck behind it, and a trunk down to the
ground in front of the feet."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.museum_frieze import BEASTS, FOOT, _draw

TALL = 120  # pixels: the band drawn this tall (on the wall it is ~40: the shape is the same)
HEAD = 0.62  # of its length from the rump: the head forward of this (the hump at about 0.55)
DIP = 0.03  # of the band's height: the neck at least this far below the dome and the hump


def _mask() -> np.ndarray:
    """A lone mammoth facing right, its rump at the left (x, y: True where it is)."""
    beast = BEASTS["mammoth"]
    sheet = pygame.Surface((round(beast.long * TALL) + 4, TALL))
    _draw(sheet, beast, 0.0, TALL, 1)
    return np.asarray(pygame.surfarray.array_red(sheet) > 127)


def _tops() -> np.ndarray:
    """The top of a lone mammoth, column by column (up from its feet, of the band's height;
    -1 where it is not)."""
    mask = _mask()
    rows = np.where(mask.any(axis=1), mask.argmax(axis=1), TALL)
    return np.where(mask.any(axis=1), (FOOT * TALL - rows) / TALL, -1.0)


def test_the_mammoths_head_is_a_dome_above_the_shoulders_with_a_dip_between() -> None:
    tops = _tops()
    long = BEASTS["mammoth"].long * TALL
    crown = int(np.flatnonzero(tops == tops.max()).mean())
    assert crown > HEAD * long, f"the highest of it at {crown / long:.2f} of its length: its head"
    hump = int(tops[:round(HEAD * long)].argmax())
    neck = tops[hump:crown].min()
    assert neck < min(tops[crown], tops[hump]) - DIP, "a dip at the neck between dome and hump"
    low = _mask()[round(0.9 * long):, round((FOOT - 0.12) * TALL):round(FOOT * TALL)]
    assert low.any(), "the trunk's tip down by the ground, in front of the feet"


FRIEZE_TALL = 40  # pixels: the band's height on the wall at 1920x1080
TRUNK_AT = 0.2  # of the band's height: a row where only the legs and the trunk reach
TUSKS_LOW = 0.38  # ahead of the trunk nothing hangs lower than this (of the band's height)
CROWN_OVER_HUMP = 0.07  # the crown stands at most this much over the shoulder hump


def _lone(tall: int) -> np.ndarray:
    """A lone mammoth facing right, `tall` pixels to the band (x, y: True where it is)."""
    beast = BEASTS["mammoth"]
    sheet = pygame.Surface((round(beast.long * tall) + 4, tall))
    _draw(sheet, beast, 0.0, tall, 1)
    return np.asarray(pygame.surfarray.array_red(sheet) > 127)


@pytest.mark.parametrize("tall", [FRIEZE_TALL, TALL])
def test_only_the_trunk_hangs_before_the_mammoth_its_tusks_curl_up(tall: int) -> None:
    """Ahead of the trunk (right of it where it hangs alone), the tusks curl up in front of
    the face: nothing there hangs below TUSKS_LOW of the band (on ee6075ee a tusk dropped to
    0.3 beside the trunk: panel 7's mammoth read as two merged, with two trunks)."""
    mask = _lone(tall)
    row = round((FOOT - TRUNK_AT) * tall)
    trunk_edge = int(np.flatnonzero(mask[:, row]).max())
    ahead = mask[trunk_edge + 2:]
    assert ahead.any(), "the tusks show ahead of the trunk"
    lowest = (FOOT * tall - np.flatnonzero(ahead.any(axis=0)).max()) / tall
    assert lowest >= TUSKS_LOW, f"something hangs to {lowest:.2f} of the band ahead of the trunk"


def test_the_mammoths_head_is_one_mass_with_its_body_not_a_second_beast() -> None:
    """The crown stands at most CROWN_OVER_HUMP over the shoulder hump (on ee6075ee a narrow
    head stood 0.09 over it on a leg of its own: a second mammoth behind the first)."""
    tops = _tops()
    long = BEASTS["mammoth"].long * TALL
    hump = tops[:round(HEAD * long)].max()
    assert tops.max() - hump <= CROWN_OVER_HUMP, (tops.max(), hump)
