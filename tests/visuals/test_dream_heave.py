"""The dream's mother fights the tar: every 20-60 real seconds a leg heaves up, its foot out of
the tar, and is sucked back; her head and trunk are thrown up with it; and she heaves more
weakly as she sinks (caught, she stood going down like a lift, still but for her breath)."""

from __future__ import annotations

from functools import cache
from itertools import pairwise

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.mammoth_heave import HEAVE_SECONDS, Heaves
from installation.visuals.shapes import UNIT

from .test_dream_breath import SCENE_SECONDS
from .test_dream_mammoth import middles, mother
from .test_mammoth_strains import HEAD, columns_of, dream
from .test_mire import BIG

DIP_SECONDS = 8  # the shipped dream comes up out of the dark over this long: her clock starts
# then (drawn alone, as here, it comes in from no other scene: her clock starts with it)
FIRST = (0, 18.9)  # her first heave: the leg (her near hind leg) and when it sets out (real
# seconds after the dream has come up out of the dark; the shipped dream's seed)
LATE = (0, 6005.5)  # one near the end of the dream drawn without its pace (03:40, deep)
PEAK = 0.36  # of a heave: the leg at its highest
LIT = 100  # a pixel of her light: its levels summed, over the black she is drawn on (the tar
# on her and round her, 30 to 70)
NOTHING = 5  # ... and of nothing of her (the night)
LOW = 0.25  # units above the tar looked at for the night under her lifted foot
CLEARS = 10  # rows (of 540) more, at least, that show the night under her foot, heaving hard
BACK = 2  # rows, at most, it differs by from before the heave once it is over
HEAD_RISES = 4  # pixels the top of her head is higher, heaving, than between heaves
WEAKER = 10  # rows fewer that show the night under her foot at her late heave than at her first


@cache
def her_alone(seconds: float) -> np.ndarray:
    """The dream's mother alone, drawn over black `seconds` into the dream (no pace: real and
    story seconds alike), her levels summed, [x, y]."""
    line, her = dream(0.0), mother()
    state = state_at(line, parse_clock("02:00") + seconds)
    surface = pygame.Surface(BIG)
    her.draw(surface, Frame(state.story_time, state.scene_seconds, state))
    return pygame.surfarray.array3d(surface).astype(int).sum(axis=2)


def cleared(seconds: float, leg: int) -> int:
    """How many rows over the tar, in the middle of where her leg stands, show nothing of her
    (her foot lifted clear of the tar: the night under it)."""
    her = mother()
    rows = slice(her.line - round(LOW * her.params["scale"] * UNIT * BIG[1]), her.line)
    shown = her_alone(seconds)[middles(her)[leg], rows].mean(axis=0)
    return int(np.count_nonzero(shown < NOTHING))


def lifted(heave: tuple[int, float]) -> int:
    """How many more rows under her leg show the night at the height of this heave than just
    before it."""
    leg, start = heave
    return cleared(start + PEAK * HEAVE_SECONDS, leg) - cleared(start - 1.0, leg)


def test_she_heaves_every_20_to_60_real_seconds() -> None:
    """In the dream as shipped (about 132 real s) she heaves three times or more, each 20 to
    60 real seconds after the last, at irregular gaps."""
    starts = Heaves().starts(SCENE_SECONDS - DIP_SECONDS)
    gaps = [later - earlier for earlier, later in pairwise(starts)]
    assert len(starts) >= 3, starts
    assert all(20 <= gap <= 60 for gap in gaps), gaps
    assert max(gaps) - min(gaps) > 5, gaps
    assert starts[0] == FIRST[1] or abs(starts[0] - FIRST[1]) < 0.1, starts


def test_a_heave_pulls_her_leg_out_of_the_tar_and_it_goes_back() -> None:
    """As her first heave is at its height, her near hind leg is pulled up clear of the tar:
    where it stood, the night shows between its foot and the tar; once the heave is over, her
    leg stands in the tar again as before."""
    leg, start = FIRST
    assert lifted(FIRST) >= CLEARS, lifted(FIRST)
    before, after = (cleared(seconds, leg) for seconds in (start - 1.0,
                                                            start + HEAVE_SECONDS + 1.0))
    assert abs(after - before) <= BACK, (before, after)


def test_her_head_is_thrown_up_as_she_heaves() -> None:
    """The top of her head is higher as she heaves than between heaves."""
    head = columns_of(HEAD, mother().feet[0])
    _leg, start = FIRST
    tops = []
    for seconds in (start + PEAK * HEAVE_SECONDS, start + HEAVE_SECONDS + 4.0):
        rows = np.flatnonzero((her_alone(seconds)[head] > LIT).any(axis=0))
        tops.append(int(rows[0]))
    heaving, between = tops
    assert between - heaving >= HEAD_RISES, tops


def test_she_heaves_more_weakly_as_she_sinks() -> None:
    """Near the dream's end, sunk deeper, she pulls her leg up less far than at first: not
    clear of the tar."""
    assert lifted(FIRST) - lifted(LATE) >= WEAKER, (lifted(FIRST), lifted(LATE))
