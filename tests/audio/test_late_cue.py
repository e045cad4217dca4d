"""A cue whose sound is not made in time does not hold the score up (live): the score plays
on, and the cue joins once its sound is made, where it would be had it begun on time, if
that is within half a second of it (JOIN_LATE_S); one not made by then, or whose synthesis
fails, is left out at once, and the log says so. (The audio worker used to wait for the cue
maker, the card's queue running dry meanwhile; then a ring made 14 s late still joined, and
a synth that failed was waited for until its sound would have ended, or stopped the sound.)
The engine's time is the frames it renders: the tests hold the maker, never sleep."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import numpy as np
import pytest

import installation.audio.cue_sounds as cue_sounds_module
from installation.audio.engine import ScoreEngine
from installation.audio.engine_cues import JOIN_LATE_S
from installation.core.clock import StoryClock
from installation.core.timeline import Timeline
from installation.core.timeutil import parse_clock

from .conftest import FIXED_WALL, RATE, make_program

BEFORE_S = 0.8  # the show starts this long before the ring (16:30)
RING_S = 2.0  # the payphone's first ring, then 4 s of quiet
LATE_S = 0.2  # the ring's sound is made this long after the cue (within JOIN_LATE_S)
ALIKE = 0.95  # the late join against the cue begun on time, over what follows the join
MAKER_WAIT_S = 30.0
RING_HEARD = 0.2  # the share of power at 430-490 Hz in the two seconds from the cue: with
RING_GONE = 0.08  # the ring 0.28, the score alone 0.036


class SlowMaker:
    """A cue maker that takes as long as the test likes: its synth waits to be let go."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started, self.release = threading.Event(), threading.Event()
        real = cue_sounds_module.synth

        def synth(name: str, rate: int) -> np.ndarray:
            self.started.set()
            self.release.wait(MAKER_WAIT_S)
            return real(name, rate)

        monkeypatch.setattr(cue_sounds_module, "synth", synth)
        self.thread: threading.Thread | None = None

    def make(self, engine: ScoreEngine) -> None:
        """Begin making the ring's sound for `engine`, on a thread of its own."""
        cue = engine.timeline.cues[0]
        self.thread = threading.Thread(target=engine.prepare, args=(cue,), daemon=True)
        self.thread.start()
        assert self.started.wait(MAKER_WAIT_S)

    def finish(self) -> None:
        self.release.set()
        assert self.thread is not None
        self.thread.join(MAKER_WAIT_S)


def engine_at(timeline: Timeline, clock: StoryClock, warn: Callable[[str], None],
              live: bool) -> ScoreEngine:
    start = clock.wall_at(parse_clock("16:30"), FIXED_WALL) - BEFORE_S
    engine = ScoreEngine(make_program(timeline), RATE, warn, start)
    engine.wait_for_cues = not live
    return engine


def test_the_score_plays_on_and_the_ring_joins_where_it_would_be(
    timeline: Timeline, clock: StoryClock, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture
) -> None:
    on_time = engine_at(timeline, clock, lambda m: None, live=False)
    expected = on_time.render(round((BEFORE_S + RING_S + 1.0) * RATE))
    maker = SlowMaker(monkeypatch)
    live = engine_at(timeline, clock, lambda m: None, live=True)
    maker.make(live)
    caplog.set_level(logging.INFO, logger="installation.audio")
    before = live.render(round((BEFORE_S + LATE_S) * RATE))  # the maker still at it
    assert not maker.release.is_set()
    assert live.upcoming(0.0) is live.timeline.cues[0]  # the maker's next, at once
    cue = round(BEFORE_S * RATE)
    assert np.array_equal(before[:cue], expected[:cue])  # the score, as ever
    maker.finish()
    after = live.render(len(expected) - len(before))
    # Joined on the engine's next block, as far into the ring as the clock says.
    joined = after[live.chunk:round((BEFORE_S + RING_S + 0.9) * RATE) - len(before)]
    heard = expected[len(before) + live.chunk:len(before) + live.chunk + len(joined)]
    alike = np.sum(joined * heard) / np.sqrt(np.sum(joined ** 2) * np.sum(heard ** 2))
    assert alike > ALIKE
    assert any("joins" in r.getMessage() and "late" in r.getMessage() for r in caplog.records)


def ring_share(sound: np.ndarray) -> float:
    """The share of a stretch's power at the payphone's 440 + 480 Hz (430-490 Hz)."""
    spectrum = np.abs(np.fft.rfft(sound.mean(axis=1))) ** 2
    hz = np.fft.rfftfreq(len(sound), 1.0 / RATE)
    return float(spectrum[(hz > 430) & (hz < 490)].sum() / spectrum.sum())


def test_a_ring_not_made_within_half_a_second_is_left_out_at_once(
    timeline: Timeline, clock: StoryClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The maker still at the ring half a second after the cue: the log says at once that it
    is left out (it waited for the ring's 14.6 s to pass), and when the sound is made after
    all the ring is not heard: the seconds after hold next to nothing at 440-480 Hz."""
    warnings: list[str] = []
    on_time = engine_at(timeline, clock, lambda m: None, live=False)
    expected = on_time.render(round((BEFORE_S + RING_S) * RATE))
    maker = SlowMaker(monkeypatch)
    live = engine_at(timeline, clock, warnings.append, live=True)
    maker.make(live)
    before = live.render(round((BEFORE_S + JOIN_LATE_S) * RATE) + 2 * live.chunk)
    assert len(warnings) == 1 and "left out" in warnings[0] and "not made in time" in warnings[0]
    maker.finish()
    after = live.render(len(expected) - len(before))
    cue = round(BEFORE_S * RATE)
    assert ring_share(expected[cue:]) > RING_HEARD  # on time: the ring
    assert ring_share(np.concatenate((before, after))[cue:]) < RING_GONE  # left out
    assert len(warnings) == 1


def test_a_ring_whose_synthesis_fails_is_left_out_and_the_score_plays_on(
    timeline: Timeline, clock: StoryClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A synth that raises: the block that fires the cue goes on without it (the error used
    to end the whole sound), the log says why once, and the score is heard as ever."""

    def broken(name: str, rate: int) -> np.ndarray:
        raise ValueError("no such oscillator")

    warnings: list[str] = []
    monkeypatch.setattr(cue_sounds_module, "synth", broken)
    for live in (False, True):  # offline the block makes it; live the cue maker, ahead
        engine = engine_at(timeline, clock, warnings.append, live=live)
        if live:
            engine.prepare(engine.timeline.cues[0])
        sound = engine.render(round((BEFORE_S + RING_S) * RATE))
        assert ring_share(sound[round(BEFORE_S * RATE):]) < RING_GONE
        assert np.sqrt(np.mean(sound ** 2)) > 0.01  # the score plays on
    assert len(warnings) == 2, warnings
    assert all("could not be made (ValueError: no such oscillator)" in w for w in warnings)
