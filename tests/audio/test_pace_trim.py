"""A card whose clock runs slow or fast stays with the picture: its pace is trimmed, no jump."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import numpy as np
import pytest

from installation.adapters.audio_output import DeviceOutput
from installation.adapters.pace_trim import TRIM_MAX, PaceTrim, cents
from installation.audio.engine import ScoreEngine
from installation.core.timeline import Timeline, parse_timeline

from .conftest import FIXED_WALL, RATE, make_program
from .test_live import Clocks, FakeDevice

QUIET = """
[timeline]
day_start = "12:00"
seed = 7

[[scene]]
at = "12:00"
name = "Quiet"
[scene.score]
silence = true
"""  # silence is quick to make: minutes of it are a test's fraction of a second
LOOK_S = 0.25  # between two looks of the worker (and two takes of the card)
CONVERGED_S = 60.0  # the sound is within IN_STEP_S of the picture from this long after opening
IN_STEP_S = 0.05
IN_STEP = re.compile(r"audio: the sound was .* in step again")


class Card(FakeDevice):
    """A device whose clock runs `rate` times the monotonic clock: it takes what it played."""

    def __init__(self, rate: float) -> None:
        super().__init__()
        self.rate = rate
        self.owed = 0.0  # frames played, not yet taken whole
        self.taken = 0

    def play_for(self, seconds: float) -> None:
        self.owed += self.rate * RATE * seconds
        frames = min(int(self.owed), self.waiting)
        self.owed -= frames
        self.taken += frames
        self.take(frames)


class Show:
    """An output on a Card, its picture's clock going on with the fake monotonic clock; the
    wall time of each frame queued is noted as the score makes it (to hear where it plays)."""

    def __init__(self, card: Card, monkeypatch: pytest.MonkeyPatch) -> None:
        self.card, self.clocks = card, Clocks()
        timeline = parse_timeline(QUIET, "quiet.toml", Path("quiet.toml"))
        engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
        self.starts: list[float] = []  # the wall time of each block queued, start and end
        self.ends: list[float] = []
        self.frames: list[int] = [0]  # frames queued before each block
        made = (0.0, 0.0)  # the wall times of the block the score made last
        render, queue = engine.render, card.queue

        def noted(frames: int) -> np.ndarray:
            nonlocal made
            start = engine.wall
            block = render(frames)
            made = (start, engine.wall)
            return block

        def queued(block: np.ndarray) -> None:
            queue(block)
            self.starts.append(made[0])
            self.ends.append(made[1])
            self.frames.append(self.frames[-1] + len(block))

        monkeypatch.setattr(engine, "render", noted)
        monkeypatch.setattr(card, "queue", queued)
        opened = self.clocks.now
        self.output = DeviceOutput(
            lambda _c: engine,
            RATE,
            256,
            0.8,
            None,
            lambda: FIXED_WALL + self.clocks.now - opened,
            print,
            opener=lambda name, rate, buffer: card,
            monotonic=self.clocks.monotonic,
            wall=self.clocks.wall,
            load=self.clocks.load_now,
        )
        self.output._build()
        assert self.output._open()

    def offset(self) -> float:
        """How far the sound the card plays next is from the picture's 'now' (real seconds;
        negative: behind), from the wall times the frames were made for."""
        block = int(np.searchsorted(self.frames, self.card.taken, side="right")) - 1
        into = (self.card.taken - self.frames[block]) / (
            self.frames[block + 1] - self.frames[block]
        )
        wall = self.starts[block] + into * (self.ends[block] - self.starts[block])
        return wall - self.output.heard_now()

    def run(self, seconds: float) -> list[float]:
        """Play on for `seconds`; the offset at each look."""
        offsets = []
        for _ in range(round(seconds / LOOK_S)):
            self.clocks.now += LOOK_S
            self.card.play_for(LOOK_S)
            self.output._feed()
            offsets.append(self.offset())
        return offsets


@pytest.mark.parametrize("rate", [0.97, 1.0003])
def test_a_card_slow_or_fast_stays_within_50_ms_of_the_picture_without_a_jump(
    rate: float, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """SDL's dummy driver on a busy machine took 97% of real time's sound; a sound card's
    crystal runs 300 ppm fast: the sound followed the card, and a visitor heard the flash's
    boom seconds after the flash (until a jump). Now, within a minute, it is with the
    picture and stays there, and nothing jumps."""
    caplog.set_level(logging.INFO, logger="installation.audio")
    show = Show(Card(rate), monkeypatch)
    offsets = show.run(300.0)
    settled = np.abs(offsets[round(CONVERGED_S / LOOK_S) :])
    assert settled.max() < IN_STEP_S
    assert not [r for r in caplog.records if IN_STEP.search(r.getMessage())]
    assert show.card.replaced == 0
    trim = show.output.score.trim
    assert trim == pytest.approx(1.0 / rate, abs=1e-4)  # (a real card's: 0.5 cents)
    said = [r.getMessage() for r in caplog.records if "of real time's sound over" in r.getMessage()]
    assert said and f"{rate:.3%}" in said[0]


def test_a_seek_still_jumps_and_the_trim_is_kept(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="installation.audio")
    show = Show(Card(0.97), monkeypatch)
    assert abs(show.run(CONVERGED_S)[-1]) < IN_STEP_S
    trim = show.output.score.trim
    picture = show.output.story_wall
    show.output.story_wall = lambda: picture() + 3600.0  # a rehearsal's jump: an hour on
    show.run(LOOK_S)
    jumps = [r.getMessage() for r in caplog.records if IN_STEP.search(r.getMessage())]
    assert len(jumps) == 1 and "the clock jumped" in jumps[0]
    assert show.card.replaced == 1
    assert show.output.score.trim == pytest.approx(trim, abs=1e-3)  # the card is the same


def test_a_trim_changes_no_pitch_only_the_time_each_sample_covers(timeline: Timeline) -> None:
    """The trimmed score is the same sound sample for sample (no resampling: not a cent of
    pitch moves), while the story (its cues, its scene changes) passes the trim faster."""
    plain = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL + 20.0)
    trimmed = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL + 20.0)
    trimmed.set_trim(1.0 + TRIM_MAX)
    frames = plain.chunk
    assert np.array_equal(plain.render(frames), trimmed.render(frames))
    assert trimmed.wall - FIXED_WALL - 20.0 == pytest.approx((1.0 + TRIM_MAX) * frames / RATE)
    assert cents(1.001) == pytest.approx(1.73, abs=0.01)  # what a resampler would have made


def test_a_card_whose_pace_wanders_with_the_load_does_not_swing_or_jump(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """SDL's dummy driver took 95% of real time's sound on a busy machine, 104% on an idle
    one: after such a change the sound comes back within a minute without swinging past
    the picture by seconds (a trim that followed too slowly did: 2 s either side)."""
    caplog.set_level(logging.INFO, logger="installation.audio")
    show = Show(Card(0.95), monkeypatch)
    before = show.run(90.0)
    show.card.rate = 1.04
    after = show.run(90.0)
    assert max(np.abs(before[round(CONVERGED_S / LOOK_S) :])) < IN_STEP_S
    assert max(np.abs(after)) < 0.5  # the change: a few tenths of a second at worst
    assert max(np.abs(after[round(CONVERGED_S / LOOK_S) :])) < IN_STEP_S
    assert not [r for r in caplog.records if IN_STEP.search(r.getMessage())]


def test_one_measurement_of_the_card_serves_the_trim_and_the_word_on_a_drift() -> None:
    """The card's pace was measured twice (the drift's mark and the trim's window) and the
    trim's is unknown for its first RATE_FIRST_S: now the trim's looks are the one measure,
    and what a drift's line says of the card is read from it, from the first look on and
    from the last time the sound was put in step (fake time: a card taking 96%)."""
    trim, taken, now = PaceTrim(RATE, 10.0), 0, 10.0
    for _ in range(8):  # two seconds of looks: too soon for the trim's rate
        now += LOOK_S
        taken += round(0.96 * LOOK_S * RATE)
        trim.look(now, taken, 0.0)
    assert trim.rate() is None
    seen = trim.watched(now, taken)
    assert (seen.seconds, seen.card_s) == (2.0, pytest.approx(1.92))
    trim.put_in_step(now, taken)  # a jump: the drift is measured again from here
    for _ in range(24):
        now += LOOK_S
        taken += round(0.96 * LOOK_S * RATE)
        trim.look(now, taken, 0.0)
    seen = trim.watched(now, taken)
    assert (seen.seconds, seen.card_s) == (6.0, pytest.approx(5.76))
    assert trim.rate() == pytest.approx(0.96)  # the window runs on through the jump
