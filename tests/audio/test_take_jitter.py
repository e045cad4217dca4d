"""Two takes of one sequencer note are not one waveform shifted: an analog oscillator's
jitter parts their bright first cycles, so Panic in the diner's accented root, played bar
after bar, no longer matches itself at 48 kHz (issue 10's strict figure)."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from installation.audio.analysis import strict_repetition
from installation.audio.dsp.filters import resample
from installation.audio.engine import ScoreEngine
from installation.audio.sequencer import NoteEvent, Sequence
from installation.core.timeline.loader import load_timeline
from installation.core.timeline.model import Score

from .conftest import FIXED_WALL, make_program

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
PANIC = "Panic in the diner"
RATE = 48_000  # the show's rate: the accent's filter opens past the measured 4 kHz
HEARD = 8_000  # the strict figure's band, 0-4 kHz
BARS = 32  # the accented steps of half a minute and more
BAR_STEPS = 16  # Panic's pattern: its first step is the accented root
ATTACK_S = 0.05  # the bright part: the filter closes below 3 kHz within about 30 ms
SHIFT_S = 0.004  # any shift up to this lines up where two takes are in their cycles
SEED = 7
LIKE_MEAN = 0.3  # before the jitter: 0.41-0.44 for six seeds (now 0.22-0.25)
LIKE_MOST = 0.65  # before: 0.81-0.89 (now 0.41-0.56)
SECONDS = 30.0  # of Panic's sequence, 80 s into the scene: 0.23 before, 0.15 now
INTO_S = 80.0
BOUND = 0.2  # issue 10


@cache
def panic_sequence() -> Sequence:
    scene = next(s for s in load_timeline(SHIPPED).scenes if s.name == PANIC)
    voice = next(v for v in scene.score.voices if v.kind == "sequence")
    return Sequence(voice.params, RATE, SEED, 200.0)


def accents(octaves: int) -> list[NoteEvent]:
    """The accented first step of each bar, moved by `octaves` (its takes as played)."""
    seq = panic_sequence()
    played = [e for bar in range(BARS) for e in seq.step(bar * BAR_STEPS) if e.accent]
    root = max({e.midi for e in played}, key=lambda m: sum(e.midi == m for e in played))
    return [dataclasses.replace(e, midi=root + 12 * octaves) for e in played if e.midi == root]


def likeness(notes: list[NoteEvent]) -> np.ndarray:
    """For every pair of notes: how alike their attacks are, heard as the strict figure
    hears them (0-4 kHz, whitened: a saw's falling spectrum made flat by a first
    difference), at the shift that lines them up best."""
    seq = panic_sequence()
    heard = []
    for event in notes:
        attack = seq.note(event).astype(np.float64)[: round(ATTACK_S * RATE)]
        flat = np.diff(resample(attack, RATE, HEARD))
        heard.append(flat / np.linalg.norm(flat))
    x = np.array(heard)
    size, shift = 2 * x.shape[1], round(SHIFT_S * HEARD)
    spectra = np.fft.rfft(x, size)
    out = []
    for i in range(len(x) - 1):
        corr = np.fft.irfft(spectra[i] * np.conj(spectra[i + 1 :]), size)
        near = np.concatenate((corr[:, -shift:], corr[:, : shift + 1]), axis=1)
        out.extend(np.abs(near).max(axis=1))
    return np.array(out)


@pytest.mark.parametrize("octaves", [0, 2])
def test_two_takes_of_the_accented_note_are_not_one_waveform(octaves: int) -> None:
    """Bar after bar, the accented root's bright attack is its own each time (and two
    octaves up too: a fixed share of a cycle of jitter left a high note's takes alike)."""
    like = likeness(accents(octaves))
    assert len(like) >= 100
    assert like.mean() < LIKE_MEAN
    assert like.max() < LIKE_MOST


def test_panic_in_the_diner_does_not_repeat_at_the_shows_rate() -> None:
    """Half a minute of Panic's sequence at 48 kHz: 0.23 before (over issue 10's 0.2),
    its accented notes' bright attacks matching one another."""
    timeline = load_timeline(SHIPPED)
    scenes = tuple(
        dataclasses.replace(
            s, score=Score(tuple(v for v in s.score.voices if v.kind == "sequence"))
        )
        for s in timeline.scenes
    )
    timeline = dataclasses.replace(timeline, scenes=scenes, cues=())
    program = make_program(timeline, 24 * 3600.0)
    scene = next(s for s in timeline.scenes if s.name == PANIC)
    start = program.clock.wall_at(scene.at, FIXED_WALL) + INTO_S
    sound = ScoreEngine(program, RATE, lambda m: None, start).render(round(SECONDS * RATE))
    assert strict_repetition(sound, RATE) < BOUND
