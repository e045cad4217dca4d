"""Park La Brea up close (04:35-04:50): Lucy and Ivan's lit window, a little over a quarter of
the picture's height, and they stand in it tall enough to be seen across a gallery; past their
tower's corner the towers behind wake as the sirens go on."""

from __future__ import annotations

import numpy as np

from .test_park_la_brea import SOLID, couple, frame, lit_seen, seen_windows, show

OLD_WINDOW, OLD_COUPLE = 233, 190  # pixels tall at 1080 on c0f571bf: a curator had to be told
CLOSER = 1.15  # their window and they are at least this many times as tall now (3 when the
# window filled two thirds of the picture: giants beside the towers; see test_park21_one_place)
IRON, RAILING = 0.5, 0.05  # a railing's bars are darker than this share of the wall below
# them; under the window, at most this share of its pixels are (the sill and the panel under
# it are in the glow). An absolute 40 was the wall's old light: turned square to the viewer
# (to open the night past its corner) the wall catches less glow, its sill's shadow ~35
WOKEN = 0.2  # of the far towers' windows in the picture, at least, come on from 04:36 to 04:48


def test_their_window_and_they_are_taller_than_before() -> None:
    """Their lit window is taller than the old one (a little over a quarter of the picture)
    and, held in each other's arms at 04:44, they stand taller than before; no
    balcony's railing stands under it (the sirens waking their window drew one there)."""
    _, plan = show()
    home = plan.home
    assert home is not None and home.height >= CLOSER * OLD_WINDOW
    rows = np.flatnonzero(couple("04:44").sum(axis=0) >= SOLID)
    assert rows.max() - rows.min() >= CLOSER * OLD_COUPLE, rows.max() - rows.min()
    picture = frame("04:44")[home.left:home.right].max(axis=2)
    under = picture[:, home.bottom + home.height // 20:home.bottom + home.height // 8]
    wall = np.median(picture[:, home.bottom + home.height // 8:home.bottom + home.height // 6])
    assert (under < IRON * wall).mean() < RAILING


def far_lit(at: str) -> tuple[int, int]:
    """How many windows of the towers behind theirs, whole in the picture, are lit at `at`;
    and how many there are."""
    _, plan = show()
    far = {n for n in seen_windows() if plan.windows[n].tower != 0}
    return len(far & lit_seen(at)), len(far)


def test_the_towers_past_their_corner_wake_as_the_sirens_go_on() -> None:
    """The towers behind theirs, seen past its corner, are not lit at random: a fifth of their
    windows more are lit at 04:48 than at 04:36 (on c0f571bf only their own tower woke)."""
    (early, seen), (late, _) = far_lit("04:36"), far_lit("04:48")
    assert seen and late - early >= WOKEN * seen, (early, late, seen)
