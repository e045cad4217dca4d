"""The noon calf reads on its shore: lit lighter than the tar behind it, standing on a bank of
earth wider than itself, and calling often enough that a glance of ten real seconds catches
its trunk raised (on main: dark brown on dark tar, a black 2 px line under it, and silences of
up to half a minute with its trunk hanging)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.mammoth_lift import CALF_LEAST, CALF_SEED, POSES, Lift

from .helpers import shipped_picture

SIZE = (960, 540)
AT = "12:20"  # its trunk down, between calls
CALF = (slice(650, 705), slice(445, 500))  # its flank, shoulder and legs at 12:20
TAR = (slice(750, 830), slice(450, 500))  # the tar behind it, right of it
LIGHTER = 15  # its median (r + g + b) at least this much over the tar's (main: 31 under)
GROUND_ROW = 524  # a row of the bank's face under its feet (the feet line: 515) ...
SHADOW_ROW = 518  # ... and one on its crest, in the calf's own shadow
SUNLIT = 570  # a column of the crest clear of its shadow, in the sun
SHADED = 0.7  # its shadow: the crest at most this many times as bright as in the sun
MIDDLE = 680  # a column under its belly
CALF_WIDE = 85  # its width, pixels at this size (legs, belly and trunk: about 170 at 1920)
GROUND = 1.5  # the lit ground under its feet runs at least this many times its width
SCENE = 290.0  # real seconds of noon's calf after the glare (12:00-14:30: 5 real min)
GLANCE = 10.0  # real seconds: every glance this long ...
RAISED = 4  # ... catches its trunk at least this many poses up (of POSES - 1)


def _sum(box: tuple[slice, slice], picture: pygame.Surface) -> float:
    rgb = pygame.surfarray.array3d(picture)[box].astype(int)
    return float(np.median(rgb.sum(axis=2)))


def test_the_noon_calf_is_lighter_than_the_tar_behind_it() -> None:
    picture = shipped_picture(AT, SIZE)
    calf, tar = _sum(CALF, picture), _sum(TAR, picture)
    assert calf >= tar + LIGHTER, (calf, tar)


def test_the_noon_calf_stands_on_lit_ground_wider_than_itself() -> None:
    picture = shipped_picture(AT, SIZE)
    tar = _sum(TAR, picture)
    row = pygame.surfarray.array3d(picture)[:, GROUND_ROW].astype(int).sum(axis=1)
    ground = row > tar
    left = right = MIDDLE
    while left > 0 and ground[left - 1]:
        left -= 1
    while right < len(row) - 1 and ground[right + 1]:
        right += 1
    assert ground[MIDDLE] and right - left >= GROUND * CALF_WIDE, (left, right, row[MIDDLE])
    crest = pygame.surfarray.array3d(picture)[:, SHADOW_ROW].astype(int).sum(axis=1)
    assert crest[MIDDLE] <= SHADED * crest[SUNLIT] and crest[SUNLIT] > tar, crest[[MIDDLE,
                                                                                   SUNLIT]]


def test_every_ten_seconds_of_noon_catch_the_calf_with_its_trunk_raised() -> None:
    calls = Lift(CALF_SEED, 0, CALF_LEAST, phrased=True)
    poses = [calls.pose(step / 10) for step in range(int(SCENE * 10))]
    window = int(GLANCE * 10)
    quiet = [start / 10 for start in range(0, len(poses) - window, 5)
             if max(poses[start:start + window]) < RAISED]
    assert not quiet, quiet[:5]
    assert RAISED < POSES
