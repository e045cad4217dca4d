"""Far off behind Harry and Julie (14:30-17:00) the mother in the tar still reads as a mammoth:
her head above her eye out of the tar all afternoon (at 15:30 only a crescent of her crown
was left: a rock with a horn), its edge lit by the sun up to the right (a dark mound on the dark
mirror of the trees), her head moving every few seconds."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import numpy as np

from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame

from .test_mammoth_head import above_the_tar, mother

SCENE = "Harry meets Julie"
SUNK_MOST = 0.66  # the share of her height sunk at 16:20, as they walk off, at most (main's
# 0.78: her eye gone at 15:30)
WARM = 40  # a rim-lit pixel: red this much over blue, at least (her coat is #0b0b0d)
RIM_LEAST = 40  # pixels of her, above the tar, lit so at least (main: none)


def test_her_head_stays_out_of_the_tar_all_afternoon() -> None:
    her = mother(SCENE)
    frame = cast(Frame, SimpleNamespace(story_time=parse_clock("16:20")))
    assert her.sunk(frame) / her.span <= SUNK_MOST, round(her.sunk(frame) / her.span, 3)


def test_the_sun_catches_her_edge() -> None:
    colors, alpha = above_the_tar(mother(SCENE))
    warm = (alpha > 128) & (colors[..., 0] - colors[..., 2] >= WARM)
    assert int(np.count_nonzero(warm)) >= RIM_LEAST, int(np.count_nonzero(warm))


STILL_MOST = 3.0  # real seconds she holds one pose, at most (main: 32 s between her strains)


def test_her_head_moves_every_few_seconds() -> None:
    """Between her spells of straining she breathes, her head and trunk heaving a little."""
    her = mother(SCENE)
    assert her.lift is not None
    poses = [her.lift.pose(step / 10) for step in range(600)]
    longest = run = 1
    for before, now in zip(poses, poses[1:], strict=False):
        run = run + 1 if now == before else 1
        longest = max(longest, run)
    assert longest / 10 < STILL_MOST, f"still for {longest / 10:.1f} s"
