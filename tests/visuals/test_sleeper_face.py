"""The sleeper's ear and brow lie in his face's dark (00:30): lit by the clock, his ear read as
a salmon oval stuck on, and the lit edge of his forehead over his brow's dark line as a pink
sliver; both now shaded into his skin; the window's light along his brow is cool, as the
night in the window is, not a pink band."""

from __future__ import annotations

import numpy as np

from installation.visuals.room import HEAD_CENTRE, HEAD_LENGTH
from installation.visuals.sleeper import BROW, EAR, SKIN

from .helpers import NO_POST, frame_at, layer

SIZE = (1920, 1080)
ROOM = layer("room", digits="12:00", blink=1.0, cars=0) + NO_POST
LIT, DARK = 0.25, 0.75  # seconds into a blink: the clock's figures on, and off
EDGE = 12  # pixels up from his brow's line: his forehead's edge, lit by the window
LIGHTER = 12  # levels (summed) a pixel of it is lighter than his skin in the dark: lit
PINK = 2  # levels its red may be over its green, at the most (5 on main: a pink band)
CHEEK = (-0.03, 0.13)  # his skin beside his ear (head lengths from his head's middle; his
#                        ear further back since his face is turned three quarters to the room)
EAR_MOST = 20  # levels his ear may stand out of his cheek, at the most (28 on 3e76d8b)
BROW_STEP = 100  # levels (summed) from one pixel to the next down his forehead's lit edge into
#                  his brow's line, at the most (179 on 3e76d8b: a hard-edged pink sliver)


def _at(point: tuple[float, float]) -> tuple[int, int]:
    length = HEAD_LENGTH * SIZE[1]
    return (round(HEAD_CENTRE[0] * SIZE[0] + point[0] * length),
            round(HEAD_CENTRE[1] * SIZE[1] + point[1] * length))


def test_his_ear_and_brow_lie_in_his_face_s_dark() -> None:
    frame = frame_at(ROOM, "00:00", LIT, SIZE)
    ear = _at((sum(x for x, _ in EAR) / len(EAR), sum(y for _, y in EAR) / len(EAR)))
    cheek = _at(CHEEK)
    stands = np.abs(frame[ear] - frame[cheek]).sum()
    assert stands <= EAR_MOST, (frame[ear], frame[cheek])
    brow = _at(BROW[1])
    column = frame[brow[0], brow[1] - 8:brow[1] + 1].sum(axis=1)
    assert np.abs(np.diff(column)).max() <= BROW_STEP, (column, brow)


def test_the_windows_light_on_his_brow_is_cool_not_a_pink_band() -> None:
    """With the clock's figures off, the window's light along his forehead's edge stayed a
    faint pink band (its red over its green, as his skin's); now it is the night's cool."""
    frame = frame_at(ROOM, "00:00", DARK, SIZE).astype(int)
    brow = _at(BROW[1])
    column = frame[brow[0], brow[1] - EDGE:brow[1]]
    lit = column[column.sum(axis=1) >= sum(SKIN) + LIGHTER]
    assert len(lit), column
    assert (lit[:, 0] - lit[:, 1]).max() <= PINK, lit
