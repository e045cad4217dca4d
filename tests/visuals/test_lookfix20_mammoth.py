"""The sun comes back to the tar pits (10:34-10:41): as the mother goes under, her raised trunk
meets the tar in its soft edge, never on a straight line (on 514f45fc, 10:38:30-10:39:10, the
tar climbing her side stood higher than the rows her edge fades over: the rows over them were
drawn whole, those under faded out, a ruled line 17-21 px long across her trunk), and her
reflection in the tar heaped round her mirrors nothing the tar hides (on 514f45fc, hung from
the collar's top where the tar climbed her side higher, it mirrored her tusk under the tar:
a pale ghost of it by her trunk at 10:36)."""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.mire_mirror import lay
from installation.visuals.render import headless
from installation.visuals.silhouette import Silhouette
from installation.visuals.silhouette_mirror import MIRROR_SQUASH

from .helpers import shipped_program
from .test_mammoth_head import mother

SCENE = "The sun comes back to the tar pits"
TRUNK_UP = ("10:38:30", "10:38:40", "10:38:50", "10:39:00", "10:39:10")
PINK = (200, 120, 200)  # a ground none of her is
RULED = 12  # columns: her dark edge meets the ground along one row for no longer than this
WIDE, TALL = 80, 120  # a picture of her, to lay a reflection of


@cache
def her() -> Silhouette:
    return mother(SCENE)


def _frame(at: str) -> Frame:
    program = shipped_program()
    state = state_at(program.timeline, parse_clock(at), program.clock)
    return Frame(state.story_time, state.scene_seconds, state)


def _longest_ruled(pixels: np.ndarray, line: int) -> int:
    """The longest run of columns along one row where her dark pixels end on the ground
    below (over the tar's surface row `line`)."""
    dark = pixels.max(axis=2) < 60
    ground = pixels.sum(axis=2) > 300
    edge = dark[:, :-1] & ground[:, 1:]
    edge[:, line - 3:] = False
    longest = 0
    for row in edge.T:
        bounds = np.flatnonzero(np.diff(np.r_[0, row.astype(np.int8), 0]))
        longest = max(longest, int((bounds[1::2] - bounds[::2]).max(initial=0)))
    return longest


def test_her_raised_trunk_never_ends_on_a_straight_line() -> None:
    """Drawn alone on a plain ground, from 10:38:30 to 10:39:10 no row holds more than RULED
    columns of her dark edge ending on the ground."""
    figure = her()
    for at in TRUNK_UP:
        surface = pygame.Surface((1920, 1080))
        surface.fill(PINK)
        figure.draw(surface, _frame(at))
        ruled = _longest_ruled(pygame.surfarray.array3d(surface).astype(int), figure.line)
        assert ruled <= RULED, (at, ruled)


def test_her_reflection_mirrors_nothing_the_tar_hides() -> None:
    """Her reflection laid under the tar heaped round her (a white picture of her, the collar's
    top 10 rows over the surface, the heap climbing her side to 30 in columns 20-40): under
    those columns it begins with nothing for the rows that would mirror her rows under the
    heap, then mirrors her; under the others it mirrors her from the collar's top."""
    headless()
    white = pygame.Surface((WIDE, TALL), pygame.SRCALPHA)
    white.fill((255, 255, 255, 255))
    collar = np.full(WIDE, 10.0, np.float32)
    over = collar.copy()
    over[20:40] = 30.0
    laid, (_, up) = lay((white, None), None, (TALL, TALL // 2), (collar, over))
    alpha = pygame.surfarray.pixels_alpha(laid)
    top = -up - 10  # (the row it hangs from, in the laid picture)
    hidden = math.ceil(20 * MIRROR_SQUASH)
    assert alpha[5, top] > 0 and alpha[60, top] > 0, "mirrored from the collar's top"
    assert not alpha[21:39, top:top + hidden].any(), "nothing of what the heap hides"
    assert alpha[21:39, top + hidden + 1].all(), "then her"
    del alpha


