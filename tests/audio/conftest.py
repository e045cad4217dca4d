"""A small score that uses every part, a fixed clock, and helpers to render it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

import installation.audio.cue_sounds as cue_sounds_module
from installation.audio.engine import ScoreEngine
from installation.core.clock import ClockSettings, StoryClock
from installation.core.config import SECTIONS, Config
from installation.core.program import Program
from installation.core.timeline import Timeline, parse_timeline
from installation.core.timeutil import parse_clock

RATE = 48_000
FIXED_WALL = 1_800_000_000.0  # a fixed 'now': tests never read the real clock
CYCLE_SECONDS = 240.0  # a story day in four real minutes: scenes are seconds long
AUDIO = {param.name: param.default for param in SECTIONS["audio"]}  # a checked [audio]

SCORE = """
[timeline]
day_start = "12:00"
seed = 7

[[scene]]
at = "12:00"
name = "Tar pits"
[scene.score.pad]
preset = "strings"
chord = "Dm9"
attack = 0.5
sweep_to = 3000
[scene.score.noise]
level = 0.1

[[scene]]
at = "16:00"
name = "Countdown"
transition = { type = "crossfade", seconds = 1.5 }
[scene.score.pad]
preset = "choir"
chord = "D3 A3 F4"
level = 0.4
[scene.score.sequence]
scale = "D dorian"
pattern = "1! 5 8^ 5 3 . 1*2 7"
bpm = 126
drop = 0.2
ratchet = 0.2
[scene.score.drone]
note = "D2"
attack = 0.5

[[scene]]
at = "20:00"
name = "Flash"
transition = { type = "flash", seconds = 1 }
[scene.score]
silence = true

[[scene]]
at = "21:00"
name = "Ash"
[scene.score.drone]
note = "D1"
attack = 1

[[cue]]
at = "16:30"
type = "sound"
synth = "payphone"
"""


def make_program(timeline: Timeline, cycle: float = CYCLE_SECONDS) -> Program:
    """The timeline on a compressed clock of `cycle` seconds that starts at midnight UTC."""
    settings = ClockSettings("compressed", 0.0, cycle, dt.UTC)
    return Program(Config(Path("config.toml"), {}, settings), timeline)


def make_clock(timeline: Timeline, cycle: float = CYCLE_SECONDS) -> StoryClock:
    return make_program(timeline, cycle).clock


@pytest.fixture
def timeline() -> Timeline:
    return parse_timeline(SCORE, "score.toml", Path("score.toml"))


@pytest.fixture
def clock(timeline: Timeline) -> StoryClock:
    return make_clock(timeline)


Render = Callable[..., np.ndarray]


@pytest.fixture
def render(timeline: Timeline, clock: StoryClock) -> Render:
    """render(at, seconds, block=1024, timeline=None) -> (frames, 2), from story time `at`."""

    def go(at: str, seconds: float, block: int = 1024, tl: Timeline | None = None,
           warn: Callable[[str], None] | None = None) -> np.ndarray:
        engine = ScoreEngine(make_program(tl or timeline), RATE, warn or (lambda m: None),
                             FIXED_WALL)
        engine.seek(clock.wall_at(parse_clock(at), FIXED_WALL))
        total = round(seconds * RATE)
        parts, done = [], 0
        while done < total:
            parts.append(engine.render(min(block, total - done)))
            done += len(parts[-1])
        return np.concatenate(parts)

    return go


def spectrum(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Frequencies and magnitudes of a mono signal (Hann window)."""
    windowed = x * np.hanning(len(x))
    return np.fft.rfftfreq(len(x), 1.0 / RATE), np.abs(np.fft.rfft(windowed))


PITCH_FRAME_S = 0.1
PITCH_BAND_HZ = (300.0, 1300.0)  # a siren's fundamental's range


def pitch_track(mono: np.ndarray, rate: int = RATE) -> np.ndarray:
    """The loudest frequency in a siren's fundamental's range, every PITCH_FRAME_S."""
    size = round(PITCH_FRAME_S * rate)
    freqs = np.fft.rfftfreq(4 * size, 1.0 / rate)
    band = (freqs > PITCH_BAND_HZ[0]) & (freqs < PITCH_BAND_HZ[1])
    frames = mono[: len(mono) // size * size].reshape(-1, size) * np.hanning(size)
    return freqs[band][np.abs(np.fft.rfft(frames, 4 * size, axis=1))[:, band].argmax(axis=1)]


def centroid(x: np.ndarray) -> float:
    freqs, mags = spectrum(x)
    power = mags ** 2  # power-weighted: the hiss floor does not pull it up
    return float((freqs * power).sum() / power.sum())


@pytest.fixture(scope="session", autouse=True)
def cue_sounds_made_once() -> Iterator[None]:
    """Each cue sound (a synth at a rate) made once a process, a fresh copy of it handed to
    every engine that asks: the synths are pure (test_sounds: each the same every time), and
    the payphone's ring alone took ~0.8 s of each engine playing it, most of test_engine's
    processor time. A test that replaces the synth (slow, failing, counted) does so over
    this, for its own run."""
    kept: dict[tuple[str, int], np.ndarray] = {}
    real = cue_sounds_module.synth

    def synth(name: str, rate: int) -> np.ndarray:
        if (name, rate) not in kept:
            kept[(name, rate)] = real(name, rate)
        return kept[(name, rate)].copy()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cue_sounds_module, "synth", synth)
        yield


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the cue sounds the engine makes, in order (each made as ever)."""
    names: list[str] = []
    real = cue_sounds_module.synth

    def synth(name: str, rate: int) -> np.ndarray:
        names.append(name)
        return real(name, rate)

    monkeypatch.setattr(cue_sounds_module, "synth", synth)
    return names
