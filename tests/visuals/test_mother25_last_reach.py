"""The mother's going under, the day's closing image, has time: from the tar at her eye her
head goes, her tusks, then her raised trunk, its tip last, over 5-8 real seconds at the shipped
pace (it went by in 1.4: 10:41:25-50 at 18 story s a real s), the day no longer for it, and the
tar closes over her place at its real time however unevenly her scene is paced."""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace
from typing import cast

import numpy as np
import pygame
from day_config import shipped_program

from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame

from .test_mammoth_sinks import built

SCENE = "The sun comes back to the tar pits"
EYE_DARK = 9  # levels: her eye's dark (see test_mammoth23_last)
IVORY = 100  # levels: her tusks' ivory, lighter than this ...
IVORY_GREY = 60  # ... and greyer (max less min: the rim light on her crown is as light, warmer)
REACH = (5.0, 9.0)  # real seconds from the tar at her eye to the tip of her trunk gone
TUSKS_OUTLAST = 1.0  # real seconds her tusks stand on after her eye at least ...
TRUNK_OUTLASTS = 1.5  # ... and her trunk after her tusks
DAY_BEFORE = 3469.8217325385403  # real seconds from noon to 10:30 at the shipped pace (as on main)
HER_SCENE = 130.17826746145968  # real seconds from 10:30 to noon (as on main)
AFTER = (2.0, 20.0, 60.0)  # story seconds after she has gone the closing is looked at


@cache
def _gone_at() -> dict[str, float]:
    """The story times the tar reaches her eye, her tusks' tops and her trunk's tip, in her
    last pose (her picture as drawn)."""
    her = built(SCENE)
    assert her.lift is not None
    last = her.lift.figures[her.lift.last]
    rgb = pygame.surfarray.array3d(last).astype(int)
    opaque = pygame.surfarray.array_alpha(last) > 128
    ivory = (rgb.mean(axis=2) > IVORY) & (np.ptp(rgb, axis=2) < IVORY_GREY)
    rows = {"eye": np.flatnonzero(((rgb.max(axis=2) < EYE_DARK) & opaque).any(axis=0))[0],
            "tusks": np.flatnonzero((ivory & opaque).any(axis=0))[0],
            "tip": np.flatnonzero(opaque.any(axis=0))[0]}
    tall = last.get_height()
    times = {part: her.sinking.gone_at(tall - int(row)) for part, row in rows.items()}
    assert None not in times.values(), times
    return cast(dict[str, float], times)


def _real(story_a: float, story_b: float) -> float:
    return shipped_program().real_between(story_a, story_b)


def test_her_last_reach_lasts_five_to_eight_real_seconds() -> None:
    gone = _gone_at()
    reach = _real(gone["eye"], gone["tip"])
    assert REACH[0] <= reach <= REACH[1], f"{reach:.1f} real s from her eye to her trunk's tip"


def test_her_head_goes_then_her_tusks_then_her_trunk() -> None:
    gone = _gone_at()
    tusks, trunk = _real(gone["eye"], gone["tusks"]), _real(gone["tusks"], gone["tip"])
    assert tusks >= TUSKS_OUTLAST, f"her tusks went {tusks:.1f} real s after her eye"
    assert trunk >= TRUNK_OUTLASTS, f"her trunk went {trunk:.1f} real s after her tusks"


def test_the_day_is_as_long_as_before() -> None:
    """Her time is taken from the calf alone after: every other scene keeps its real time."""
    noon, half_past = parse_clock("12:00"), parse_clock("10:30")
    assert abs(_real(noon, half_past) - DAY_BEFORE) < 0.01
    assert abs(_real(half_past, noon) - HER_SCENE) < 0.01


def test_the_tar_closes_over_her_at_its_real_time() -> None:
    """Real seconds since the last of her went, as the closing's heaves and bubbles count
    them, are the clock's, across her last reach's own pace and the quicker one after."""
    her = built(SCENE)
    start = parse_clock("10:30")
    rows = her.line - her.feet[1]  # sunk this far, the last of her is under
    gone = her.sinking.gone_at(rows)
    assert gone is not None
    for after in AFTER:  # (within her last reach's pace, and past it into the quicker one)
        story = gone + after
        frame = cast(Frame, SimpleNamespace(story_time=story, seconds=_real(start, story)))
        since = her._since(frame, rows)
        assert since is not None and abs(since - _real(gone, story)) < 0.05, (after, since)
