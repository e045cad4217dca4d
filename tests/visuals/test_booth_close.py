"""The payphone at 04:05 is a close shot: the lit booth most of the frame's height, Harry in it
moving as he listens, the cord swinging, the ring lighting the glass, Johnie's soft behind."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.program import Program
from installation.core.timeline import state_at
from installation.core.timeline.state import story_after as paced_after
from installation.core.timeutil import parse_clock
from installation.visuals import booth
from installation.visuals.render import headless

from .helpers import one_frame, shared_made
from .test_booth_cut import BEFORE, CUT, SMALL, booth_bars, drawn, harry
from .test_cuts import DAY_LENGTHS, at_day_length

LISTENING = "04:12"  # the curator's moment: Harry at the phone, the receiver at his ear
STILL = "04:10"  # his hand at his brow, between two beats: no move is playing
LIT_GLASS = 0.4  # of the frame's height, at least, the booth's lit glass covers
APART = 2.0  # real seconds between the two frames that must differ
MOVED = 0.03  # of his box's pixels, at least, changed between them (he shifts, he bows)
CORD_MOVED = 0.3  # of the cord's pixels, at least, not on the cord 2 s later
RINGING, BETWEEN = 1.0, 4.0  # real seconds into the scene: the first ring, the pause after it
FOURTH = 19.0  # real seconds into the scene: where a fourth ring would be
RING_BRIGHTER = 1.1  # the glass during a ring, at least this much brighter than between
LIGHTS_UP = 40  # levels the booth's box is brighter, lit at the cut, than the dark one before
TUBE = (214, 240, 226)  # the shipped booth's light (the catalog's default)


def story_after(program: Program, at: str, real: float) -> float:
    """The story time `real` real seconds after story time `at`, at the program's pace."""
    return paced_after(program.clock, parse_clock(at), real)


def frame_at(program: Program, story: float) -> np.ndarray:
    """The shipped frame at this story time, at the show's pace, x by y by rgb."""
    headless()
    surface = one_frame(program.timeline, SMALL, state_at(program.timeline, story, program.clock),
                        shared_made(), pace=program.clock)
    return pygame.surfarray.array3d(surface).astype(int)


def marked_at(program: Program, story: float) -> np.ndarray:
    """The booth and Harry alone (see test_booth_cut.harry_and_booth), lit, at this time."""
    hours, rest = divmod(story, 3600)
    minutes, seconds = divmod(rest, 60)
    return drawn(program, f"{int(hours):02d}:{int(minutes):02d}:{seconds:06.3f}", lit=True)


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Program:
    return at_day_length(DAY_LENGTHS[0], tmp_path_factory.mktemp("day"))


def test_the_lit_booth_fills_most_of_the_frame(program: Program) -> None:
    """At 04:12 the booth's lit glass runs at least 40% of the frame's height (it was a small
    box at the right edge, 21%)."""
    frame = marked_at(program, parse_clock(LISTENING))
    bars = booth_bars(frame)
    xs, ys = np.nonzero(bars)
    glass = frame[xs.min():xs.max() + 1, ys.min():ys.max() + 1]
    green = (glass[..., 1] > 120) & (glass[..., 1] > glass[..., 0] + 5)
    rows = np.nonzero(green.any(axis=0))[0]
    assert rows.max() - rows.min() >= LIT_GLASS * SMALL[1], (rows.min(), rows.max())


def test_harry_moves_as_he_listens(program: Program) -> None:
    """Two frames 2 real seconds apart while he listens, between two beats, differ inside his
    box: he is not a cut-out (his weight shifts, his head bows and comes up)."""
    one, two = (marked_at(program, story_after(program, STILL, real)) for real in (0.0, APART))
    left, right, top, feet = harry(one)
    box = (slice(left, right + 1), slice(top, feet + 1))
    red = [(f[..., 0] > 2 * f[..., 1] + 60)[box] for f in (one, two)]
    changed = np.count_nonzero(red[0] != red[1])
    assert changed >= MOVED * red[0].size, (changed, red[0].size)


def cord(frame: np.ndarray) -> np.ndarray:
    """Where the coiled cord is: its own dark colour, or its coils'."""
    coils = booth.mix(booth.CORD, TUBE, booth.CORD_SHINE)
    return np.all(frame == booth.CORD, axis=2) | np.all(frame == coils, axis=2)


def test_the_cord_swings(program: Program) -> None:
    """The cord hanging from the phone to his hand is seen in other pixels 2 s later."""
    start = parse_clock(LISTENING)
    one = cord(marked_at(program, start))
    two = cord(marked_at(program, story_after(program, LISTENING, APART)))
    assert one.sum() > 30, "the cord is seen"
    gone = np.count_nonzero(one & ~two)
    assert gone >= CORD_MOVED * one.sum(), (gone, int(one.sum()))


def test_the_ring_lights_the_glass_three_times(program: Program) -> None:
    """While it rings the booth's glass is brighter than in the pause between two rings; it
    rings three times, as the cue's sound does (a fourth ring's time is as dark as a pause:
    he has picked up)."""
    bars = booth_bars(marked_at(program, story_after(program, "04:05", BETWEEN)))
    xs, ys = np.nonzero(bars)
    inside = (slice(xs.min(), xs.max() + 1), slice(ys.min(), ys.max() + 1))
    ringing, between, fourth = (
        frame_at(program, story_after(program, "04:05", real))[inside].mean()
        for real in (RINGING, BETWEEN, FOURTH))
    assert ringing > RING_BRIGHTER * between, (ringing, between)
    assert fourth < RING_BRIGHTER * between, (fourth, between)


@pytest.mark.parametrize("minutes", DAY_LENGTHS)
def test_the_cut_comes_in_on_the_booth(minutes: int, tmp_path: Path) -> None:
    """At 04:05 the camera cuts in on the booth: on the same side of the frame as it stood,
    dark, in the wide shot (it does not jump across), now lit and over twice as tall, with
    Harry inside it."""
    program = at_day_length(minutes, tmp_path)
    wide, close = (booth_bars(drawn(program, at)) for at in (BEFORE, CUT))
    (wx, wy), (cx, cy) = (np.nonzero(bars) for bars in (wide, close))
    assert wx.mean() > SMALL[0] / 2 and cx.mean() > SMALL[0] / 2, (wx.mean(), cx.mean())
    assert abs(cx.mean() - wx.mean()) < 0.2 * SMALL[0], (wx.mean(), cx.mean())
    assert cy.max() - cy.min() > 2 * (wy.max() - wy.min()), "over twice as tall"
    left, right, top, feet = harry(drawn(program, CUT))
    assert cx.min() <= left and right <= cx.max() and cy.min() <= top and feet <= cy.max()
    inside = (slice(cx.min(), cx.max() + 1), slice(cy.min(), cy.max() + 1))
    dark, lit = (drawn(program, at, lit=True)[inside].mean() for at in (BEFORE, CUT))
    assert lit > dark + LIGHTS_UP, (dark, lit)
