"""The fires after the flash read as buildings burning: the leftmost one's flames stand tall on a
charred stump (its foot on the street at x 197, y 864 at 1080), rising from its glowing roof,
its windows lit from within under them (they were small flames hovering over the dark street)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from .helpers import shipped_picture

FIRE = slice(100, 330)  # the columns of the leftmost fire and its stump
GROUND = 864  # the row its stump stands on


def flame_rows(picture: pygame.Surface) -> np.ndarray:
    """The rows where the fire's flames burn hot (five or more flame-yellow points: embers are
    single sparks)."""
    rgb = pygame.surfarray.array3d(picture)[FIRE].astype(int)
    hot = (rgb[..., 0] > 220) & (rgb[..., 1] > 140)
    return np.nonzero(hot.sum(axis=0) >= 5)[0]


def lit_runs(row: np.ndarray) -> list[int]:
    """Where the lit openings along a row (x, rgb) start, between darker piers: firelit points
    (little blue) 30 redder than the darkest within 8 either side, 4 to 20 wide."""
    red = row[:, 0]
    darkest = np.array([red[max(0, x - 8):x + 9].min() for x in range(len(red))])
    lit = (red - darkest > 30) & (row[:, 2] * 3 < red)
    edges = np.flatnonzero(np.diff(lit.astype(int))) + 1
    starts = [int(x) for x in edges if lit[x]]
    ends = [int(x) for x in edges if not lit[x]]
    return [start for start in starts
            if 4 <= min((end for end in ends if end > start), default=len(red)) - start <= 20]


def in_a_row(starts: list[int]) -> int:
    """The most openings one after another as evenly spaced as windows (each 12 to 40 on from
    the last, within 2 of the same step)."""
    best, run = min(1, len(starts)), 1
    for k in range(2, len(starts)):
        steps = (starts[k - 1] - starts[k - 2], starts[k] - starts[k - 1])
        even = abs(steps[0] - steps[1]) <= 2 and all(12 <= step <= 40 for step in steps)
        run = run + 1 if even else 1
        best = max(best, run + 1 if even else best)
    return best


@pytest.fixture(scope="module")
def fire_at_0520() -> pygame.Surface:
    return shipped_picture("05:20")


def test_the_flames_stand_a_buildings_height_over_the_street(
        fire_at_0520: pygame.Surface) -> None:
    """Their hot tops stand over 120 px over the street (a building's fire: 43 px before, small
    flames on the street) and their feet well over it, on the stump's roof."""
    rows = flame_rows(fire_at_0520)
    assert GROUND - rows.min() > 120, rows.min()
    assert GROUND - rows.max() > 40, rows.max()


def test_under_the_flames_a_wall_with_openings_lit_from_within(
        fire_at_0520: pygame.Surface) -> None:
    """Within 50 rows under the flames' hot foot a row shows a lit opening between darker
    wall (a burning building's, the fire inside; before, the dark street under the flames,
    lit only by their ragged feet), but never four evenly spaced like an occupied block's
    lit windows (ruins20: a few torn openings, see test_ruins20_fire_inside)."""
    rgb = pygame.surfarray.array3d(fire_at_0520)[FIRE].astype(int)
    foot = int(flame_rows(fire_at_0520).max())
    best = max(in_a_row(lit_runs(rgb[:, y])) for y in range(foot, foot + 50))
    assert 1 <= best < 4, best


def test_the_stumps_roof_glows_hottest_and_its_foot_is_dark() -> None:
    """A stump alone: its roof line glows (flame-orange or hotter) all along most of it, and
    it is dark at its foot (its walls, windows out)."""
    from installation.visuals.fire_base import make_base  # (new: the other tests run before it)

    base = make_base((80, 128), 3, (30, 22, 20), 5)
    glow = pygame.surfarray.array3d(base.glows[-1]).astype(int)
    roof = glow.max(axis=1)[:, 0]  # the reddest point of each column
    assert (roof > 150).mean() > 0.8, (roof > 150).mean()
    assert glow[:, -3:].max() < 40
    wall = pygame.surfarray.array3d(base.wall)
    assert (wall[:, -1] == (30, 22, 20)).all()  # (its walls down to its foot, unlit)


def test_the_roofs_glow_is_soft_along_it_not_a_comb_of_streaks() -> None:
    """Over its roof and down to its windows, the stump's glow changes by no more than 20
    levels of red from one column to the next in all but a few points (each broken step of
    the roof hung a ruled streak of light: 240-400 such jumps a stump, a comb along its top
    read as a glitch at 05:16-05:28)."""
    from installation.visuals.fire_base import OPENING, SILL, make_base

    for tongues, seed in ((1, 5), (3, 77), (4, 1234)):
        base = make_base((105, 168), tongues, (60, 50, 46), seed)
        glow = pygame.surfarray.array3d(base.glows[-1]).astype(int)[..., 0]
        above = -base.glow_at[1] + base.place[1]  # (its rows over the wall's top)
        tall = glow.shape[1] - above
        top = glow[:, :above + round(tall * (SILL[0] - OPENING[1][1])) - 1]
        jumps = int((np.abs(np.diff(top, axis=0)) > 20).sum())
        assert jumps <= 12, (tongues, seed, jumps)
