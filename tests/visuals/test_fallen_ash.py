"""Johnie's fallen sign under the ash (Ash, 05:30-06:35): its script reads "Johnie's", the
apostrophe kerned close between the e and the s (on ee6075ee it stood in a letter's room:
"Johnie ' s"); the ash settles on its letters' dead tubes; and the ash drifted against its foot
stays low at its ends (on ee6075ee it rose half up each end, and with the drift along its foot
the sign read as a tray from 06:15)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.fallen import _edges, _heaped
from installation.visuals.fonts import Fonts
from installation.visuals.render import headless

SIZE = 120  # the script's size, in pixels (the fallen sign's is about this)
TIGHT = 0.06  # the widest blank run between the e, the apostrophe and the s, of the size
# (0.12 on ee6075ee, 14 pixels: the room of a letter)
BLADE = (400, 100)  # a plain blade for the heap: its size in pixels
METAL, ASH = (100, 100, 100), (200, 200, 200)
SHOWS = 12  # a heap's pixel: this many levels off the metal under it
END = 0.03  # the blade's ends: this share of its width in from each
END_HIGH = 0.3  # the heap covers at most this share of an end's height (0.42 on ee6075ee)
DUSTED = 40  # the ash along a tube's top is at least this many levels lighter than the tube


def _blank_runs(words: str) -> list[int]:
    """The blank column runs between the inked columns of `words` in the sign's script."""
    headless()
    ink = pygame.surfarray.array_alpha(Fonts(print).get("script", SIZE).render(
        words, True, (255, 255, 255))) > 60
    shown = np.flatnonzero(ink.any(axis=1))
    gaps = np.diff(shown) - 1
    return [int(gap) for gap in gaps if gap > 0]


def test_the_apostrophe_is_kerned_close_between_the_e_and_the_s() -> None:
    widest = max(_blank_runs("e's"), default=0)
    assert widest <= TIGHT * SIZE, f"a {widest}-pixel gap in e's at {SIZE} px"


def test_the_ash_drifted_against_the_blade_stays_low_at_its_ends() -> None:
    headless()
    blade = pygame.Surface(BLADE, pygame.SRCALPHA)
    blade.fill((*METAL, 255))
    edges = _edges(blade)
    pieces = _heaped(blade, edges, 10, ASH, np.random.default_rng(0), 0.05)
    try:
        while True:
            next(pieces)
    except StopIteration as done:
        heaped = done.value
    picture = pygame.surfarray.array3d(heaped)[:, : BLADE[1]].astype(int)
    heap = np.abs(picture - np.array(METAL)).max(axis=2) > SHOWS
    for x in (round(END * BLADE[0]), round((1 - END) * BLADE[0]) - 1):
        high = heap[x].mean()
        assert high <= END_HIGH, f"ash up {high:.0%} of the blade at column {x}"


def test_ash_lies_along_the_tops_of_the_dead_tubes() -> None:
    headless()
    blade = pygame.Surface((60, 40), pygame.SRCALPHA)
    blade.fill((*METAL, 255))
    blade.fill((20, 20, 20, 255), (5, 15, 50, 10))  # a tube lying across it
    from installation.visuals.fallen import _bare, _deeper_up, _drifted, _tops

    drifts = (_deeper_up(blade, (2, 2), np.random.default_rng(0)), _bare(blade), _tops(blade))
    face = pygame.surfarray.array3d(_drifted(blade, drifts, ASH, 0.5)).astype(int)
    top, middle = face[30, 15].mean(), face[30, 20].mean()
    assert top >= middle + DUSTED, f"the tube's top {top:.0f}, its middle {middle:.0f}"
