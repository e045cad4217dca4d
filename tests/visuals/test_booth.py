"""The payphone in the booth reads as a 1980s payphone, and the caller's free hand rests on it."""

from __future__ import annotations

import numpy as np

from installation.visuals import booth
from installation.visuals.poses import pose

from .helpers import NO_POST, draw, frame_at, layer, one_scene

BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
SIZE = (640, 360)
SCALE, GROUND = 0.8, 0.95


def runs(line: np.ndarray) -> int:
    """How many separate stretches of True a row or column of a mask holds."""
    return int(np.count_nonzero(np.diff(line.astype(int)) == 1) + line[0])


def phone_face() -> np.ndarray:
    """The pixels of the phone box on the booth's back wall (no caller), x by y."""
    body = BLACK_SKY + layer("booth", x=0.5, ground=GROUND, scale=SCALE, caller=False) + NO_POST
    frame = frame_at(body, "04:05", 1.0, SIZE)
    tall = round(SCALE * SIZE[1])
    left = round(0.5 * SIZE[0] - round(tall * booth.WIDE) / 2)
    top = round(GROUND * SIZE[1]) - tall
    x, y, w, h = booth.PHONE_BOX
    x0, y0 = left + round(x * tall * booth.WIDE), top + tall - round((y + h) * tall)
    return frame[x0:x0 + round(w * tall), y0:y0 + round(h * tall)]


def test_the_payphone_has_a_keypad_of_three_by_four_keys() -> None:
    """The phone's face shows 12 pale keys in 3 columns and 4 rows (it was a grey box with a
    blank screen, and read as a cash machine)."""
    keys = phone_face().min(axis=2) > 180
    columns, rows = keys.any(axis=1), keys.any(axis=0)
    assert runs(columns) == 3 and runs(rows) == 4, (runs(columns), runs(rows))


def test_the_payphone_has_a_coin_slot_and_a_coin_return() -> None:
    """Two dark openings on its steel face, above and below the keys."""
    face = phone_face()
    dark = face.max(axis=2) < 30
    keys = np.flatnonzero((face.min(axis=2) > 180).any(axis=0))
    assert dark[:, : keys.min()].any(), "a coin slot above the keys"
    assert dark[:, keys.max() + 1:].any(), "a coin return below them"


def test_the_callers_free_hand_rests_on_the_phone_as_he_shifts() -> None:
    """Through the phone pose's cycle, his free (far) hand stays in one place in front of his
    chest, where the booth puts the phone's edge (it waved in the air, 0.15 heights about)."""
    wrists = np.array([pose("phone", t / 8).joints["wrist1"] for t in range(8)])
    chest = max(pose("phone", t / 8).joints["shoulder"][0] for t in range(8))
    assert np.ptp(wrists, axis=0).max() < 0.005
    assert wrists[:, 0].min() > chest + 0.08, "held out in front of him"
    assert 0.6 < wrists[:, 1].mean() < 0.8, "at his chest"


def test_the_booth_is_drawn_the_same_twice() -> None:
    line = one_scene(BLACK_SKY + layer("booth", x=0.5, scale=SCALE) + NO_POST, at="04:05")
    first, second = draw(line, "04:05:03", size=SIZE), draw(line, "04:05:03", size=SIZE)
    assert first.get_view("2").raw == second.get_view("2").raw
