"""Deep time (08:00), three hours after the flash: the city's fires across the pits are far off
and dying into smoke. Out of the dip to black they still burn; by 08:30 their flames have sunk
to embers (on main they burnt at 08:30 as high as at 08:08, as in the Ash at 05:30)."""

from __future__ import annotations

from pathlib import Path

import pygame
from test_bad_files import expectations
from test_bad_files import test_broken_timeline_message as check_message

from .helpers import shipped_in_a_row

FIXTURES = Path(__file__).parents[1] / "fixtures" / "timelines"
SIZE = (960, 540)
FLAMES = (slice(0, SIZE[0]), slice(240, 345))  # the band the far fires burn in
DIED = 0.35  # at 08:30 their flame pixels are under this share of those at 08:08
ALIGHT = 40  # at 08:08 there are flames to die: at least this many flame pixels


def _flames(picture: pygame.Surface) -> int:
    """Pixels of flame: bright orange or yellow (the ash sky and the ruins are greys and
    browns; the fires' glow on the smoke is dimmer)."""
    rgb = pygame.surfarray.array3d(picture)[FLAMES].astype(int)
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return int(((red > 190) & (red - blue > 110) & (green > 70)).sum())


def test_the_far_fires_die_into_smoke_by_half_past_eight() -> None:
    early, late = (_flames(p) for p in shipped_in_a_row(("08:08", "08:30"), SIZE))
    assert early > ALIGHT, early
    assert late < DIED * early, (early, late)


def test_a_bad_thinned_time_is_refused_with_file_line_key_expected_and_found() -> None:
    path = FIXTURES / "bad-smoke-thinned.toml"
    check_message(path)  # (as every broken file: file, line, key, expected and found)
    assert expectations(path), path
