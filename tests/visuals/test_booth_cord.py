"""The payphone's coiled cord is seen: a dark loop hanging below the phone against the lit
glass, swinging as he listens; and the receiver he lets fall swings inside the booth, not
out through its glass."""

from __future__ import annotations

import numpy as np

from installation.visuals import booth

from .helpers import frame_at
from .test_booth_call import BOOTH, LISTENING, SIZE, SWINGING, booth_box

DARK = 60  # the cord against the lit glass: darker than this in every channel
SWING = 0.5 / booth.CORD_SWING  # seconds of half a swing


def cord_below_the_phone(seconds: float) -> np.ndarray:
    """Where the dark cord is under the phone's box, left of the caller (x by y), while he
    listens."""
    box, _ = booth_box()
    frame = frame_at(BOOTH, "04:05", seconds, SIZE)
    under = frame[box.left:box.right, box.bottom + 2:box.bottom + box.height]
    return np.asarray(under.max(axis=2) < DARK)


def test_the_cord_hangs_in_a_dark_loop_below_the_phone() -> None:
    """Its loop hangs below the phone's box, dark on the lit glass (a thin pale line over the
    phone's face was not seen)."""
    box, _ = booth_box()
    cord = cord_below_the_phone(LISTENING)
    assert np.count_nonzero(cord.any(axis=1)) > 0.4 * box.width, "across under the phone"
    assert np.count_nonzero(cord.any(axis=0)) > 0.3 * box.height, "hanging well below it"


def test_the_cord_swings_as_he_listens() -> None:
    """Half a swing later the loop hangs elsewhere."""
    now, later = cord_below_the_phone(LISTENING), cord_below_the_phone(LISTENING + SWING)
    assert np.count_nonzero(now != later) > 30


def test_the_dropped_receiver_stays_inside_the_booth() -> None:
    """Swinging on its cord after he lets it go, the receiver meets the booth's glass and
    stops there: outside the booth's left side nothing changes (it swung out through it)."""
    tall = round(booth_box()[0].height / booth.PHONE_BOX[3])
    left = round(0.5 * SIZE[0] - round(tall * booth.WIDE) / 2)
    outside = (slice(left - tall // 3, left - 1), slice(0, SIZE[1]))
    frames = [frame_at(BOOTH, "04:05", SWINGING + k * 0.1, SIZE)[outside] for k in range(-50, 30)]
    assert all(np.array_equal(frames[0], frame) for frame in frames[1:])
