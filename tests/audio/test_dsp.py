"""DSP parts on their own: block-size invariance, band-limits, filters, chords, sweeps."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from installation.audio.dsp.effects import Chorus, Limiter, Reverb, TapeEcho
from installation.audio.dsp.filters import LowPass24
from installation.audio.dsp.oscillators import Oscillator, pad_loop
from installation.core.notes import parse_note_name

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
])
def test_effects_do_not_care_how_the_signal_is_cut(make: Callable) -> None:
    x = noise()
    outputs = [in_blocks(make(), x, block) for block in BLOCKS]
    for other in outputs[1:]:
        assert np.abs(other - outputs[0]).max() <= 1e-6


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


def test_oscillators_run_on_across_blocks_and_stay_band_limited() -> None:
    whole = Oscillator(RATE).saw(3520.0, RATE // 4)
    osc = Oscillator(RATE)
    cut = np.concatenate([osc.saw(3520.0, n) for n in (1000, 333, RATE // 4 - 1333)])
    assert np.abs(whole - cut).max() <= 1e-6
    freqs, mags = spectrum(Oscillator(RATE).pulse(3520.0, 0.3, RATE // 4))
    phase = (np.arange(RATE // 4) * 3520.0 / RATE) % 1.0
    _, naive = spectrum(np.where(phase < 0.3, 0.7, -0.3))
    # Aliases fold back between the harmonics of 3520 Hz; polyBLEP cuts their power
    # to well under a twentieth of a naive pulse's (about 16 dB at this high pitch).
    harmonic = np.abs(((freqs + 1760.0) % 3520.0) - 1760.0) < 60.0

    def aliased(m: np.ndarray) -> float:
        return float((m[~harmonic] ** 2).sum() / (m ** 2).sum())

    assert aliased(mags) < aliased(naive) / 20


def test_the_chord_fundamentals_are_in_the_spectrum() -> None:
    chord = tuple(float(parse_note_name(n) or 0) for n in ("C3", "E3", "G3"))
    loop = pad_loop(chord, "glass", 8.0, 3, 2.0, RATE, seed=1)
    freqs, mags = spectrum(loop[:, 0].astype(np.float64))
    for hz in (130.81, 164.81, 196.00):
        near = (freqs > hz * 0.99) & (freqs < hz * 1.01)
        away = (freqs > hz * 1.04) & (freqs < hz * 1.08)
        assert mags[near].max() > 10 * mags[away].max()


def test_opening_the_filter_raises_the_spectral_centroid() -> None:
    loop = pad_loop((50.0, 57.0, 62.0), "strings", 10.0, 4, 1.0, RATE, seed=2).T
    dark = LowPass24(RATE, 2, 0.2).process(loop.astype(np.float64), 300.0)[0]
    bright = LowPass24(RATE, 2, 0.2).process(loop.astype(np.float64), 3000.0)[0]
    assert centroid(bright) > 2 * centroid(dark)


def test_the_limiter_never_passes_minus_one_dbfs() -> None:
    loud = noise(RATE) * 10
    out = in_blocks(Limiter(RATE).process, loud, 1024)
    assert np.abs(out).max() <= 10 ** (-1 / 20)
    quiet = noise(RATE) * 0.1
    assert np.allclose(Limiter(RATE).process(quiet), quiet)


def test_the_reverb_tail_lasts_three_to_five_seconds() -> None:
    impulse = np.zeros((2, RATE * 6))
    impulse[:, 0] = 1.0
    tail = in_blocks(Reverb(RATE).process, impulse, 2048)[0]
    energy = np.convolve(tail ** 2, np.ones(2400) / 2400, mode="same")
    start = energy[: RATE // 5].max()
    below = np.nonzero(energy < start * 1e-6)[0]  # 60 dB down
    t60 = below[below > RATE // 5][0] / RATE
    assert 3.0 <= t60 <= 5.0
