"""Harry's receiver at his ear reads as a payphone handset from across the room: steel, as
long as his head is tall and more, its earpiece at his ear and its mouthpiece down by his
mouth, both cups wider than the handle (held in his sprite's dark, 0.09 of his height by
0.035, it read as a stick against his cheek)."""

from __future__ import annotations

import numpy as np

from installation.visuals import booth
from installation.visuals.booth_phone import handset_steel

from .helpers import frame_at
from .test_booth_call import BOOTH, FULL, LISTENING, SCALE, TUBE

LONG = 0.11  # of his height: a ~22 cm handset on a 1.8 m man is 0.12
HEAD = 0.16  # of his height from the top of him: his head (and the ear on it)
MOUTH_BELOW = 0.05  # of his height: the mouthpiece's end this far below the earpiece's, at least
CUPS = 1.3  # the cups this many times as wide as the handle, at least


def handset_pixels() -> tuple[np.ndarray, float, int]:
    """The receiver's steel (its lit edge too) on the picture while he listens, as (x, y)
    rows; his height in pixels; the top of him."""
    frame = frame_at(BOOTH, "04:05", LISTENING, FULL)
    steel, shine = handset_steel(TUBE)
    mask = np.all(frame == steel, axis=2) | np.all(frame == shine, axis=2)
    him = np.flatnonzero(caller_full().any(axis=0))
    tall = booth.CALLER * SCALE * FULL[1]
    top = int(him.min())
    mask[:, round(top + HEAD * tall * 1.6):] = False  # (only up by his head,
    mask[:phone_right() + 2] = False  # right of the phone's box: his, not the phone's)
    return np.argwhere(mask).astype(float), tall, top


def phone_right() -> int:
    """The phone box's right edge on the full picture (the booth at x = 0.5)."""
    tall = round(SCALE * FULL[1])
    wide = round(tall * booth.WIDE)
    x, _y, w, _h = booth.PHONE_BOX
    return round(0.5 * FULL[0] - wide / 2) + round(x * wide) + round(w * tall)


def caller_full() -> np.ndarray:
    """Where the (red) caller is while he listens, at the full size."""
    frame = frame_at(BOOTH, "04:05", LISTENING, FULL)
    return (frame[..., 0] > 2 * frame[..., 1] + 60) & (frame[..., 0] > 2 * frame[..., 2] + 60)


def test_the_receiver_at_his_ear_is_a_handset_as_long_as_his_head() -> None:
    points, tall, top = handset_pixels()
    assert len(points) > 0, "steel at his head: the receiver he holds"
    middle = points.mean(axis=0)
    _, _, axes = np.linalg.svd(points - middle, full_matrices=False)
    along, across = (points - middle) @ axes[0], (points - middle) @ axes[1]
    assert along.max() - along.min() >= LONG * tall, (along.max() - along.min(), tall)
    ends = [points[along.argmin()], points[along.argmax()]]
    ear, mouth = sorted(ends, key=lambda p: p[1])
    assert ear[1] <= top + HEAD * tall, "its earpiece up at his ear"
    assert mouth[1] - ear[1] >= MOUTH_BELOW * tall, "its mouthpiece down by his mouth"
    span = along.max() - along.min()
    bins = [(along >= along.min() + span * k / 8) & (along <= along.min() + span * (k + 1) / 8)
            for k in range(8)]
    widths = [float(np.ptp(across[b])) if b.any() else 0.0 for b in bins]
    handle = min(widths[3:5])
    assert min(max(widths[:2]), max(widths[-2:])) >= CUPS * handle, widths
