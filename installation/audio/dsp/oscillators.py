"""Band-limited oscillators: polyBLEP saw and pulse with carried phase, and looped pad stacks."""

from __future__ import annotations

import numpy as np

from installation.audio.dsp.effects import Chorus
from installation.core.notes import midi_to_hz

ENSEMBLE_HZ = 0.6  # chorus LFO, rounded to a whole number of cycles per loop
CHORUS_LEAD = 1024  # samples of history the chorus needs (its delays are under 5 ms)


def _blep(phase: np.ndarray, inc: np.ndarray | float) -> np.ndarray:
    """The polyBLEP residual that rounds off a saw's jump at phase 0."""
    out = np.zeros_like(phase)
    lo = phase < inc
    t = np.where(lo, phase / inc, 0.0)
    out = np.where(lo, t + t - t * t - 1.0, out)
    hi = phase > 1.0 - inc
    t = np.where(hi, (phase - 1.0) / inc, 0.0)
    return np.where(hi, t * t + t + t + 1.0, out)


class Oscillator:
    """A saw or pulse oscillator whose phase runs on across blocks."""

    def __init__(self, sample_rate: int, phase: float = 0.0) -> None:
        self.sample_rate = sample_rate
        self.phase = phase % 1.0

    def _phases(self, freq: np.ndarray | float, frames: int) -> tuple[np.ndarray, np.ndarray]:
        inc = np.broadcast_to(np.asarray(freq, dtype=np.float64) / self.sample_rate, (frames,))
        run = self.phase + np.cumsum(inc) - inc  # phase at each sample, before advancing
        self.phase = float((self.phase + inc.sum()) % 1.0)
        return np.mod(run, 1.0), inc

    def saw(self, freq: np.ndarray | float, frames: int) -> np.ndarray:
        """A rising band-limited saw from -1 to 1."""
        phase, inc = self._phases(freq, frames)
        return 2.0 * phase - 1.0 - _blep(phase, inc)

    def pulse(self, freq: np.ndarray | float, width: np.ndarray | float,
              frames: int) -> np.ndarray:
        """A band-limited pulse with a (possibly moving) width in 0..1: PWM."""
        phase, inc = self._phases(freq, frames)
        shifted = np.mod(phase + width, 1.0)
        saw_a = 2.0 * phase - 1.0 - _blep(phase, inc)
        saw_b = 2.0 * shifted - 1.0 - _blep(shifted, inc)
        return 0.5 * (saw_a - saw_b)  # DC-free: the mean of each saw is zero


def detuned_ratios(count: int, cents: float) -> np.ndarray:
    """Frequency ratios of a stack of `count` oscillators spread over +-cents."""
    spread = np.linspace(-1.0, 1.0, count) if count > 1 else np.zeros(1)
    return np.asarray(2.0 ** (spread * cents / 1200.0))


def harmonic_amps(preset: str, freq: float, harmonics: np.ndarray) -> np.ndarray:
    """Static spectrum of one pad oscillator: the preset's timbre as harmonic amplitudes."""
    h = harmonics.astype(np.float64)
    hz = h * freq
    if preset == "glass":
        # Few, bell-like partials: mostly the fundamental and the octaves.
        return np.where(h == 1, 1.0, 0.0) + np.where(h == 2, 0.35, 0.0) + np.where(
            h == 4, 0.2, 0.0) + np.where(h == 6, 0.08, 0.0) + np.where(h == 3, 0.06, 0.0)
    if preset == "pwm":
        width = 0.32 + 0.1 * ((freq * 7.31) % 1.0)  # each oscillator its own width
        return np.abs(np.sin(np.pi * h * width)) / h
    amps = 1.0 / h
    if preset == "choir":
        formants = ((700.0, 130.0, 1.0), (1220.0, 90.0, 0.6), (2600.0, 160.0, 0.35))
        shape = sum(g * np.exp(-0.5 * ((hz - f) / bw) ** 2) for f, bw, g in formants)
        return amps * (0.08 + 2.5 * np.asarray(shape))
    if preset == "drone":
        return amps * np.exp(-hz / 900.0)
    return amps


def pad_loop(midis: tuple[float, ...], preset: str, detune_cents: float, voices: int,
             seconds: float, sample_rate: int, seed: int, width: float = 0.8,
             weights: tuple[float, ...] | None = None, ensemble: bool = False,
             share: tuple[int, int] = (0, 1)) -> np.ndarray:
    """A seamless stereo loop (frames, 2) of a detuned oscillator stack per note.

    Each oscillator is tuned to a whole number of cycles in the loop, so the loop repeats
    without a seam and every harmonic sits exactly below Nyquist: band-limited by design.
    With `ensemble`, the string-machine chorus is played over it here, once: its LFO
    fits the loop a whole number of times, so the chorused loop is seamless too.
    `share` (i, n) keeps only every n-th oscillator of each stack, from the i-th: a pad
    can spread its stack over loops of different lengths, so the sum never repeats soon.
    """
    rng = np.random.default_rng(seed)
    frames = int(seconds * sample_rate)
    bins = frames // 2 + 1
    spectrum = np.zeros((2, bins), dtype=np.complex128)
    ratios = detuned_ratios(voices, detune_cents)[share[0]::share[1]]
    nyquist_bin = int(0.45 * frames)  # keep the highest partials well under Nyquist
    taken: set[int] = set()
    for midi, weight in zip(midis, weights or (1.0,) * len(midis), strict=True):
        for k, ratio in enumerate(ratios):
            freq = midi_to_hz(midi) * ratio
            fundamental = max(1, round(freq * seconds))
            while fundamental in taken:  # two oscillators on one bin would just add up
                fundamental += 1
            taken.add(fundamental)
            harmonics = np.arange(1, nyquist_bin // fundamental + 1)
            amps = harmonic_amps(preset, fundamental / seconds, harmonics)
            phases = np.exp(2j * np.pi * rng.random(harmonics.size))
            side = 1.0 if (k + share[0] + midis.index(midi)) % 2 else -1.0
            pan = 0.5 + 0.5 * width * side * (0.4 + 0.6 * rng.random())
            gains = np.array([np.cos(pan * np.pi / 2), np.sin(pan * np.pi / 2)])
            spectrum[:, harmonics * fundamental] += gains[:, None] * amps * phases * weight
    loop = np.fft.irfft(spectrum, n=frames, axis=1)
    if ensemble:
        # The chorus only looks a few ms back: run it over the loop's own tail, then the loop.
        chorus = Chorus(sample_rate, rate_hz=max(1, round(ENSEMBLE_HZ * seconds)) / seconds)
        loop = chorus.process(np.concatenate((loop[:, -CHORUS_LEAD:], loop), axis=1))
        loop = loop[:, CHORUS_LEAD:]
    rms = float(np.sqrt(np.mean(loop ** 2))) or 1.0
    return (loop.T * (0.25 / rms)).astype(np.float32)  # -12 dBFS RMS before level, filter


def loop_slice(loop: np.ndarray, start: int, frames: int) -> np.ndarray:
    """`frames` samples of a loop from absolute sample `start`, wrapping around."""
    length = loop.shape[0]
    begin = start % length
    if begin + frames <= length:
        return loop[begin:begin + frames]
    return np.take(loop, np.arange(begin, begin + frames) % length, axis=0)
