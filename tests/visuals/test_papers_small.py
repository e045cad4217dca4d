"""Across Wilshire's papers read as litter, not stickers: small, grey newsprint mostly, a few
near the eye, each curled and shaded (at 05:11 a flat pink sheet as big as a runner's torso
read as a clip-art card from across the room)."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pygame

from installation.visuals.papers import LENGTH, Sheet, draw_sheets, placed, sheets
from installation.visuals.racing import street_projection
from installation.visuals.render import headless

FULL = (1920, 1080)
SHEET_MOST = 56  # pixels at full size: the longest a sheet is ever drawn (a torso is ~80)
NEAR = 1.3  # depth: a sheet nearer than this is near the eye ...
NEAR_SHARE = 0.25  # ... and at most this share of them are
NEWS_SHARE = 0.7  # at least this share of them are newsprint
DULL = 50  # no sheet's colour has channels further apart than this (a pink card, a canary one)
END_SHADE = 0.9  # a curled sheet's ends are at most this share of its paper's brightness


def _many() -> list[Sheet]:
    return [one for seed in range(8) for one in sheets(30, np.random.default_rng(seed), 1.0)]


def test_no_sheet_is_drawn_as_big_as_a_runners_torso() -> None:
    found = _many()
    longest = max(2 * LENGTH * one.size * FULL[0] * 0.5 / one.z for one in found)
    assert longest <= SHEET_MOST, f"a sheet {longest:.0f} pixels long"
    near = sum(one.z < NEAR for one in found)
    assert 0 < near <= NEAR_SHARE * len(found), f"{near} of {len(found)} near the eye"


def test_the_sheets_are_grey_newsprint_mostly_and_dull() -> None:
    found = _many()
    assert sum(one.news for one in found) >= NEWS_SHARE * len(found)
    spread = max(max(one.paper) - min(one.paper) for one in found)
    assert spread <= DULL, f"a sheet's colour {spread} apart in its channels"


def test_a_sheet_s_curled_ends_are_in_shade() -> None:
    """A sheet seen flat on, level (not soft with speed): its ends, past its print, darker
    than its paper."""
    headless()
    sheet = next(one for one in sheets(40, np.random.default_rng(5), 1.0) if one.news)
    sheet = dataclasses.replace(sheet, z=1.2, tilt=0.0, offset=0.0, size=1.0, start=-0.3)
    project = street_projection(FULL, int(FULL[1] * 0.56))
    seconds = 0.2  # in the air, till it is seen flat on
    while abs(math.cos(placed(sheet, seconds).flip)) < 0.9:
        seconds += 1 / 60
    surface = pygame.Surface(FULL)
    draw_sheets(surface, [sheet], seconds, project, FULL[0])
    at = placed(sheet, seconds)
    _x, y = project(at.x, sheet.z, at.up)
    row = pygame.surfarray.array3d(surface).astype(int).sum(axis=2)[:, y]
    lit = np.flatnonzero(row > 0)
    paper = np.percentile(row[lit], 90)
    ends = max(1, len(lit) // 20)
    shade = (row[lit[:ends]].mean() + row[lit[-ends:]].mean()) / 2
    assert shade < END_SHADE * paper, f"its ends {shade / paper:.2f} of its paper"
