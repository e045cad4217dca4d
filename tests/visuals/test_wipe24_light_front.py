"""The 10:30 light wipe's light comes down over the tar as light: a soft front with no seam,
shaped as light on the tar (ahead under the sun, rising and falling with its swell), warm where
it passes (review 23 #3: a ruler-straight horizontal seam slid down the picture, cutting the
bird's bones and the mammoth's waterline, and read as a screen tear)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.core.timeline.model import Transition
from installation.visuals.palette import sun_position

from .drawn_once import in_a_row
from .helpers import SHIPPED
from .test_light_wipe import arriving

SMALL = (320, 180)
AT = "10:30:08"  # story seconds, with no pace: two thirds of the wipe's 12 s, its light half
# way down the tar (10:32:30 at the day's pace)
HORIZON = 0.64  # of the height: the tar's far shore
DAY = 86400.0  # seconds: a wipe that long shows the night alone at AT
DIFFERS = 40  # levels: the night and the morning differ this much where the front shows
SMOOTH = 6  # levels: a picture this smooth from row to row has no edge of its own there
STEP_MOST = 0.5  # of the two pictures' difference: the most the frame steps from a row to the
# next (main: the whole of it, at the seam)
WHOLE_EDGE = 4  # steps at most over STEP_MOST: where the mother turns whole at her waterline
# (tar26, wipe26) her night's outline meets the lit tar below it for a pixel or two; a seam is
# a step all across the picture (hundreds of columns)
SHAPED = 4  # rows: the front's deep columns lie this much below its shallow ones at least (a
# tenth of them each; main: 0, a ruler-straight line)
SUN_AHEAD = 2.0  # rows: the front runs this much further under the sun than at the sides
LIT = 12  # levels: the light makes the land brighter than both pictures by this much, in red
LIT_COLUMNS = 0.6  # of the columns: where the light shows on the land


@cache
def pictures() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The frame at AT, the night alone and the morning alone then: (x, y, rgb) levels of the
    land, below the far shore."""
    line = load_timeline(SHIPPED)
    drawn = [in_a_row(each, [AT], SMALL)[0] for each in (
        line, arriving(line, "10:30", Transition("light-wipe", DAY)),
        arriving(line, "10:30", Transition("cut", 0.0)))]
    land = round(HORIZON * SMALL[1]) + 2
    frame, night, morning = (pygame.surfarray.array3d(p).astype(int)[:, land:] for p in drawn)
    return frame, night, morning


def differ() -> np.ndarray:
    """Where the night and the morning differ enough to show the front (x, y)."""
    _frame, night, morning = pictures()
    return np.abs(night.mean(axis=2) - morning.mean(axis=2)) > DIFFERS


def front_rows() -> np.ndarray:
    """Each column's front: the deepest row of the land nearer the morning than the night,
    where they differ (-1: none)."""
    frame, night, morning = (p.mean(axis=2) for p in pictures())
    lit = (np.abs(frame - morning) < np.abs(frame - night)) & differ()
    rows = np.arange(lit.shape[1])[None, :]
    return np.where(lit.any(axis=1), np.where(lit, rows, -1).max(axis=1), -1)


def test_the_light_comes_down_the_tar_with_no_seam() -> None:
    """Going down any column of the land, where the night and the morning are each smooth,
    the picture never steps from one row to the next by half the night's difference from the
    morning: the morning comes through a soft front, not over a line. (A figure the light takes
    whole, the mother, keeps her night's outline against the lit tar a moment: a pixel or two
    of her waterline may step, never a row across the picture.)"""
    frame, night, morning = (p.mean(axis=2) for p in pictures())
    step = np.abs(np.diff(frame, axis=1))
    own = np.maximum(np.abs(np.diff(night, axis=1)), np.abs(np.diff(morning, axis=1)))
    apart = np.abs(night - morning)
    gap = np.maximum(apart[:, 1:], apart[:, :-1])
    judged = (own < SMOOTH) & (gap > DIFFERS)
    assert judged.sum() > SMALL[0]  # (the front is on the land, across the picture)
    steps = step[judged] / gap[judged]
    over = int((steps >= STEP_MOST).sum())
    assert over <= WHOLE_EDGE, (over, float(steps.max()))


def test_the_front_follows_the_tar_and_runs_ahead_under_the_sun() -> None:
    """The front is no straight line: its rows vary across the picture, and it lies further
    down under the sun (its path on the tar) than at the picture's sides."""
    front = front_rows()
    found = front >= 0
    assert found.mean() > 0.8, found.mean()
    low, high = np.percentile(front[found], (10, 90))
    assert high - low >= SHAPED, front[found].tolist()
    width = SMALL[0]
    position = sun_position(10.5)
    assert position is not None
    under = round(position[0] * width)
    middle = front[under - width // 20:under + width // 20]
    sides = np.concatenate([front[:width // 10], front[-width // 10:]])
    assert middle[middle >= 0].mean() - sides[sides >= 0].mean() >= SUN_AHEAD


def test_the_light_is_warm_where_it_passes() -> None:
    """Where the front passes, the land is lit: brighter than both the night and the morning
    there, warmer (its red raised more than its blue), in most columns of the picture."""
    frame, night, morning = pictures()
    high = np.maximum(night, morning)
    rise = frame - high
    lit = (rise[..., 0] > LIT) & (rise[..., 0] > rise[..., 2])
    assert lit.any(axis=1).mean() > LIT_COLUMNS, lit.any(axis=1).mean()
