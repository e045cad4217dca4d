"""Issue 10's strict figure at the show's rate, 48 kHz: the scene nearest the bound, the
siren's wails, and a loud cue cut to exact silence measured as silence."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from installation.audio.analysis import strict_repetition
from installation.audio.engine import ScoreEngine
from installation.audio.sounds import boom, siren
from installation.core.timeline.loader import load_timeline

from .conftest import FIXED_WALL, make_program, pitch_track

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
RATE = 48_000  # the show's rate
PANIC = "Panic in the diner"  # the day's sequence nearest to the bound at 48 kHz (0.13-0.15)
SECONDS = 30.0
INTO_S = 80.0  # 0.23 here before the sequencer's jitter (c0f571bf), 0.15 at 1f5c6535, 0.13 now
DAY_S = 24 * 3600.0  # the story at its own pace, as docs/sound.md's table
BOUND = 0.2  # issue 10: no 2 s window like any other part at lags of 0.5 s or more
WAIL_LOW_HZ, WAIL_HIGH_HZ = 480.0, 1050.0  # the wail reaches under and over these
DUST_RATE = 8000  # the strict figure's own rate: the cheapest render that showed it
DUST_S = 60.0


def test_panic_in_the_diner_does_not_repeat_at_the_shows_rate() -> None:
    """Half a minute of the whole score (pad, drone, sequence, noise) of the scene closest
    to the bound, as the show plays it."""
    timeline = dataclasses.replace(load_timeline(SHIPPED), cues=())
    program = make_program(timeline, DAY_S)
    scene = next(s for s in timeline.scenes if s.name == PANIC)
    start = program.clock.wall_at(scene.at, FIXED_WALL) + INTO_S
    sound = ScoreEngine(program, RATE, lambda m: None, start).render(round(SECONDS * RATE))
    assert strict_repetition(sound, RATE) < BOUND


def test_the_sirens_wails_are_not_one_wail_replayed() -> None:
    """The siren still wails from under 480 Hz to over 1 kHz and back every 4.5 s, but each
    wail is its own: on a steady clock each was the last one shifted (0.48 alike)."""
    sound = siren(RATE).T
    track = pitch_track(sound.mean(axis=1))
    assert track.min() < WAIL_LOW_HZ and track.max() > WAIL_HIGH_HZ
    assert strict_repetition(sound, RATE) < BOUND


def test_exact_silence_after_a_loud_cue_correlates_with_nothing() -> None:
    """The flash's boom, then exact silence: the silence's whitened rounding dust read as
    correlations of 27 (the render from the boom on: 15.5)."""
    sound = np.zeros((round(DUST_S * DUST_RATE), 2))
    made = boom(DUST_RATE).T
    sound[: len(made)] = made
    assert strict_repetition(sound, DUST_RATE) <= 1.0
