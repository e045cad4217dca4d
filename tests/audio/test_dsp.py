"""DSP parts on their own: block-size invariance, band-limits, filters, chords, sweeps."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from installation.audio.dsp.effects import Chorus, Reverb, TapeEcho
from installation.audio.dsp.filters import LowPass24
from installation.audio.dsp.halfrate import HalfRateStream
from installation.audio.dsp.limiter import Limiter
from installation.audio.dsp.oscillators import Bank
from installation.audio.pads import Pad
from installation.core.notes import parse_note_name
from installation.core.timeline.score_catalog import VOICES

from .conftest import RATE, centroid, spectrum

BLOCKS = (256, 333, 1024)


def in_blocks(process: Callable[[np.ndarray], np.ndarray], x: np.ndarray,
              block: int) -> np.ndarray:
    return np.concatenate([process(x[:, a:a + block]) for a in range(0, x.shape[-1], block)],
                          axis=-1)


def noise(frames: int = RATE // 2) -> np.ndarray:
    return np.random.default_rng(3).standard_normal((2, frames)) * 0.3


@pytest.mark.parametrize("make", [
    lambda: Chorus(RATE).process,
    lambda: TapeEcho(RATE, seconds=0.12).process,
    lambda: Reverb(RATE).process,
    lambda: HalfRateStream(2, Reverb(RATE // 2).process, 2, start=7),
])
def test_effects_do_not_care_how_the_signal_is_cut(make: Callable) -> None:
    x = noise()
    outputs = [in_blocks(make(), x, block) for block in BLOCKS]
    for other in outputs[1:]:
        assert np.abs(other - outputs[0]).max() <= 1e-6



@pytest.mark.parametrize("start", [0, 7])
def test_the_half_rate_stream_gives_the_same_samples_however_its_input_is_cut(
        start: int) -> None:
    x = noise(4096)
    outputs = [in_blocks(HalfRateStream(2, lambda h: h, 2, start=start), x, block)
               for block in (4096, 1, 2, 3, 5, 1000)]
    for other in outputs[1:]:
        assert np.array_equal(other, outputs[0])

def sweep_from(start: int) -> Callable[[np.ndarray], np.ndarray]:
    """A cutoff rising three octaves a second, as a function of the sample in the block."""
    return lambda g: 200.0 * 2 ** ((start + g) / RATE * 8)


def test_a_moving_filter_does_not_care_how_the_signal_is_cut() -> None:
    x = noise()
    outputs = []
    for block in BLOCKS:
        lowpass = LowPass24(RATE, 2, 0.5)
        pieces = []
        for a in range(0, x.shape[-1], block):
            pieces.append(lowpass.process(x[:, a:a + block], sweep_from(a)))
        outputs.append(np.concatenate(pieces, axis=-1))
    for other in outputs[1:]:
        assert np.abs(other - outputs[0]).max() <= 1e-6


def test_oscillators_stay_band_limited() -> None:
    bank = Bank(np.array([3520.0]), RATE, seed=1, drift_cents=0.0)
    frames = RATE // 4
    seg = bank.segments(0, frames)
    width = np.full((1, seg.base.shape[1] + 1), 0.3)  # a width at every grid point
    freqs, mags = spectrum(bank.pulse(seg, width, np.ones((1, 1)))[0])
    phase = (bank.start[0] + np.arange(frames) * 3520.0 / RATE) % 1.0
    _, naive = spectrum(np.where(phase < 0.7, 0.3, -0.7))
    # Aliases fold back between the harmonics of 3520 Hz; polyBLEP cuts their power
    # to well under a twentieth of a naive pulse's (about 16 dB at this high pitch).
    harmonic = np.abs(((freqs + 1760.0) % 3520.0) - 1760.0) < 60.0

    def aliased(m: np.ndarray) -> float:
        return float((m[~harmonic] ** 2).sum() / (m ** 2).sum())

    assert aliased(mags) < aliased(naive) / 20


PAD = {param.name: param.default for param in VOICES["pad"]}


def pad(seconds: float, **params: object) -> np.ndarray:
    """A pad part alone (2, frames), a minute into its music, at the catalog's defaults."""
    voice = Pad({**PAD, **params}, RATE, 5, 600.0)
    return voice.render(RATE * 60, round(seconds * RATE))


def test_the_chord_fundamentals_are_in_the_spectrum() -> None:
    chord = tuple(parse_note_name(n) or 0 for n in ("C3", "E3", "G3"))
    freqs, mags = spectrum(pad(2.0, preset="glass", chord=chord, detune=8.0)[0])
    for hz in (130.81, 164.81, 196.00):
        near = (freqs > hz * 0.99) & (freqs < hz * 1.01)
        away = (freqs > hz * 1.04) & (freqs < hz * 1.08)
        assert mags[near].max() > 10 * mags[away].max()


def test_opening_the_filter_raises_the_spectral_centroid() -> None:
    dark = pad(1.0, cutoff=300.0, lfo_depth=0.0)[0]
    bright = pad(1.0, cutoff=3000.0, lfo_depth=0.0)[0]
    assert centroid(bright) > 2 * centroid(dark)


def polyblep_saw(phase: np.ndarray, inc: float) -> np.ndarray:
    """The textbook polyBLEP saw, sample by sample, to check the bank against."""
    out = 2.0 * phase - 1.0
    for i, p in enumerate(phase):
        if p < inc:
            t = p / inc
            out[i] -= t + t - t * t - 1.0
        elif p > 1.0 - inc:
            t = (p - 1.0) / inc
            out[i] -= t * t + t + t + 1.0
    return out


def test_a_bank_plays_the_textbook_saw_and_pulse_however_it_is_cut() -> None:
    steady = Bank(np.array([440.0]), RATE, seed=1, drift_cents=0.0)
    frames, inc = RATE // 8, 440.0 / RATE
    phase = (steady.start[0] + np.arange(frames) * inc) % 1.0
    one = np.ones((1, 1))
    saw = steady.saw(steady.segments(0, frames), one)[0]
    assert np.abs(saw - polyblep_saw(phase, inc)).max() < 1e-4
    seg = steady.segments(0, frames)
    pulse = steady.pulse(seg, np.full((1, seg.base.shape[1] + 1), 0.3), one)[0]
    textbook = 0.5 * (polyblep_saw(phase, inc) - polyblep_saw((phase + 0.3) % 1.0, inc))
    assert np.abs(pulse - textbook).max() < 1e-4
    bank = Bank(np.array([110.0, 220.5, 331.0, 3520.0]), RATE, seed=2)
    gains = np.random.default_rng(1).random((2, 4))
    whole = bank.saw(bank.segments(1000, 20000), gains)
    cut = np.concatenate([bank.saw(bank.segments(1000 + a, min(333, 20000 - a)), gains)
                          for a in range(0, 20000, 333)], axis=1)
    assert np.abs(whole - cut).max() <= 1e-9


def test_bank_oscillators_drift_in_pitch_and_start_anywhere() -> None:
    drifting = Bank(np.full(2, 440.0), RATE, seed=3, drift_cents=8.0, drift_hz=0.2)
    assert abs(drifting.start[0] - drifting.start[1]) > 1e-3  # random start phases
    seconds = np.arange(0, 30 * RATE, RATE // 10, dtype=np.float64)
    rate = np.diff(drifting.cycles(seconds), axis=1) * 10  # Hz over each tenth of a second
    cents = 1200 * np.log2(rate / 440.0)
    assert 3.0 < np.abs(cents).max() < 12.0  # it wanders, a few cents, not a semitone
    assert np.abs(cents[0] - cents[1]).max() > 1.0  # each on its own path


def test_the_limiter_never_passes_minus_one_dbfs() -> None:
    loud = noise(RATE) * 10
    out = in_blocks(Limiter(RATE).process, loud, 1024)
    assert np.abs(out).max() <= 10 ** (-1 / 20)
    quiet = noise(RATE) * 0.1
    assert np.allclose(Limiter(RATE).process(quiet), quiet)


def test_the_reverb_runs_on_unchanged_past_the_end_of_its_buffer() -> None:
    """Its buffer is a straight run that moves back when full: wherever that falls (blocks
    cut differently move back at different samples), the tail is the same, and as loud."""
    reverb = Reverb(RATE // 2)
    burst = noise(len(reverb.buffer[0]) * 3)  # past the buffer's end, more than once
    burst[:, RATE // 2:] = 0.0  # then the tail alone
    outputs = [in_blocks(Reverb(RATE // 2).process, burst, block) for block in (333, 8192)]
    assert np.abs(outputs[1] - outputs[0]).max() <= 1e-6
    tail = outputs[0][:, len(reverb.buffer[0]):]
    assert np.abs(tail).max() > 1e-3  # still ringing, not cut when the buffer moved


def test_the_reverb_tail_lasts_three_to_five_seconds() -> None:
    impulse = np.zeros((2, RATE * 6))
    impulse[:, 0] = 1.0
    tail = in_blocks(Reverb(RATE).process, impulse, 2048)[0]
    energy = np.convolve(tail ** 2, np.ones(2400) / 2400, mode="same")
    start = energy[: RATE // 5].max()
    below = np.nonzero(energy < start * 1e-6)[0]  # 60 dB down
    t60 = below[below > RATE // 5][0] / RATE
    assert 3.0 <= t60 <= 5.0
