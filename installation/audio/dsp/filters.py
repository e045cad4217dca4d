"""Filters: a 24 dB/oct resonant low-pass with moving cutoff, one-pole smoothing, resampling."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

import numpy as np
from scipy import signal

try:  # scipy's own C loop without its Python-side checks: a third of the cost per call
    from scipy.signal._sosfilt import _sosfilt as _fast_sosfilt
except ImportError:  # pragma: no cover - other scipy layouts
    _fast_sosfilt = None

CONTROL_FRAMES = 64  # default grid (absolute samples) on which the cutoff is updated
MAX_CUTOFF_RATIO = 0.45  # of the sample rate
MIN_CUTOFF_HZ = 20.0
BASE_Q = 0.541  # Butterworth 4-pole: the first section
RES_Q_RANGE = 9.0  # resonance 1 -> Q about 10 on the second section

CutoffAt = Callable[[np.ndarray], np.ndarray]


def sosfilt_inplace(sos: np.ndarray, x: np.ndarray, zi: np.ndarray) -> None:
    """Filter rows of x (signals, frames) in place; zi is (signals, sections, 2), updated."""
    if _fast_sosfilt is not None:
        _fast_sosfilt(sos, x, zi)
        return
    x[:], state = signal.sosfilt(sos, x, axis=-1, zi=zi.transpose(1, 0, 2))
    zi[:] = state.transpose(1, 0, 2)


def lowpass24_sos(cutoff_hz: np.ndarray | float, resonance: float,
                  sample_rate: int) -> np.ndarray:
    """Second-order sections (..., 2, 6) of two RBJ low-pass biquads: 24 dB/oct, resonant.

    Closed form and vectorised: one call designs the filters for a whole block's cutoffs.
    """
    fc = np.clip(np.asarray(cutoff_hz, dtype=np.float64), MIN_CUTOFF_HZ,
                 MAX_CUTOFF_RATIO * sample_rate)
    w0 = (2.0 * np.pi / sample_rate) * fc[..., None]
    cos_w = np.cos(w0)
    # Both sections at once: (..., 2) for the two Qs.
    inverse = 1.0 / (1.0 + np.sin(w0) * np.array([0.5 / BASE_Q,
                                                  0.5 / (0.707 + RES_Q_RANGE * resonance)]))
    sos = np.empty(fc.shape + (2, 6))
    b0 = (0.5 - 0.5 * cos_w) * inverse
    sos[..., 0] = b0
    sos[..., 1] = 2.0 * b0
    sos[..., 2] = b0
    sos[..., 3] = 1.0
    sos[..., 4] = -2.0 * cos_w * inverse
    sos[..., 5] = 2.0 * inverse - 1.0  # (1 - alpha) / (1 + alpha)
    return sos


def rms_gain(sos: np.ndarray, points: int = 8192) -> float:
    """How much a filter scales white noise's RMS (from its frequency response)."""
    _, response = signal.sosfreqz(sos, points)
    return float(np.sqrt(np.mean(np.abs(response) ** 2)))


class LowPass24:
    """A resonant 24 dB/oct low-pass; cutoff may move, updated every `control` samples.

    The update grid is counted in absolute samples, so how the signal is cut into blocks
    never changes the result; filter state runs on across blocks and cutoff changes.
    """

    def __init__(self, sample_rate: int, channels: int, resonance: float = 0.2,
                 control_frames: int = CONTROL_FRAMES) -> None:
        self.sample_rate = sample_rate
        self.resonance = resonance
        self.control = control_frames
        self.clock = 0
        self.zi = np.zeros((channels, 2, 2))
        self._sos_for: float | None = None
        self._sos = np.zeros((2, 6))

    def reset(self) -> None:
        self.zi[:] = 0.0

    def process(self, x: np.ndarray, cutoff: CutoffAt | float) -> np.ndarray:
        """Filter x (channels, frames); cutoff is a value or a function of sample offsets."""
        frames = x.shape[-1]
        first = (-self.clock) % self.control
        grid = np.arange(first, frames, self.control)
        out = np.array(x, dtype=np.float64, order="C", copy=True)
        if self._sos_for is None and first > 0:  # first call off the grid: start somewhere
            start = cutoff(np.zeros(1, dtype=np.int64))[0] if callable(cutoff) else cutoff
            self._sos, self._sos_for = lowpass24_sos(float(start), self.resonance,
                                                     self.sample_rate), float(start)
        if first > 0:
            self._run(out, 0, min(first, frames), self._sos)
        if grid.size:
            values = cutoff(grid) if callable(cutoff) else np.full(grid.size, float(cutoff))
            designs = lowpass24_sos(values, self.resonance, self.sample_rate)
            whole = (frames - first) // self.control  # pieces a full control step long
            if whole > 1:  # laid out piece by piece: each one contiguous for every row
                end = first + whole * self.control
                steps = out[:, first:end].reshape(len(out), whole, self.control)
                laid = np.ascontiguousarray(steps.transpose(1, 0, 2))
                for k in range(whole):
                    sosfilt_inplace(designs[k], laid[k], self.zi)
                steps[:] = laid.transpose(1, 0, 2)
            else:
                whole = 0
            bounds = grid.tolist() + [frames]
            for k in range(whole, grid.size):
                self._run(out, bounds[k], bounds[k + 1], designs[k])
            self._sos, self._sos_for = designs[-1], float(values[-1])
        self.clock += frames
        return out

    def _run(self, out: np.ndarray, a: int, b: int, sos: np.ndarray) -> None:
        if a == 0 and b == out.shape[-1]:
            sosfilt_inplace(sos, out, self.zi)
            return
        piece = np.ascontiguousarray(out[:, a:b])  # one call for every row beats one per row
        sosfilt_inplace(sos, piece, self.zi)
        out[:, a:b] = piece


class OnePole:
    """A one-pole low-pass over the last axis with carried state (tone and damping)."""

    def __init__(self, cutoff_hz: float, sample_rate: int, shape: tuple[int, ...]) -> None:
        pole = float(np.exp(-2.0 * np.pi * cutoff_hz / sample_rate))
        self.sos = np.array([[1.0 - pole, 0.0, 0.0, 1.0, -pole, 0.0]])
        self.zi = np.zeros((int(np.prod(shape)), 1, 2))

    def reset(self) -> None:
        self.zi[:] = 0.0

    def process(self, x: np.ndarray) -> np.ndarray:
        """x filtered (a new array, float64; x's shape)."""
        out = np.array(x, dtype=np.float64, order="C", copy=True)
        sosfilt_inplace(self.sos, out.reshape(-1, out.shape[-1]), self.zi)
        return out


def sweep_cutoff(start_hz: float, end_hz: float | None, seconds: np.ndarray,
                 length: float) -> np.ndarray:
    """Cutoff along an exponential sweep from start to end over `length` seconds."""
    if end_hz is None or length <= 0:
        return np.full(np.shape(seconds), start_hz)
    frac = np.clip(seconds / length, 0.0, 1.0)
    return np.asarray(start_hz * (end_hz / start_hz) ** frac)


class Formants:
    """Vowel resonances: parallel band-passes over a little of the dry sound, designed once
    as one filter (dry plus the bands over a common denominator: one pass, no copies)."""

    def __init__(self, sample_rate: int, channels: int,
                 peaks: tuple[tuple[float, float, float], ...], dry: float = 0.35) -> None:
        bands = [signal.butter(1, (hz - width / 2, hz + width / 2), "bandpass",
                               fs=sample_rate) for hz, width, _ in peaks]
        denominator = np.ones(1)
        for _, a in bands:
            denominator = np.polymul(denominator, a)
        numerator = dry * denominator
        for k, ((b, _), (_, _, gain)) in enumerate(zip(bands, peaks, strict=True)):
            others = np.ones(1)
            for j, (_, a) in enumerate(bands):
                if j != k:
                    others = np.polymul(others, a)
            numerator = np.polyadd(numerator, gain * np.polymul(b, others))
        self.sos = signal.tf2sos(numerator, denominator)
        self.zi = np.zeros((channels, len(self.sos), 2))

    def process(self, x: np.ndarray) -> np.ndarray:
        out = np.array(x, dtype=np.float64, order="C", copy=True)
        sosfilt_inplace(self.sos, out, self.zi)
        return out


ENV_STEPS_PER_OCTAVE = 6  # a note's filter is redesigned each time it closes this much
CLOSING_CACHE_SIZE = 256  # closing filters' designs kept (a few kB each)


@functools.lru_cache(maxsize=CLOSING_CACHE_SIZE)
def closing_steps(frames: int, cutoff: float, octaves: float, decay: float, resonance: float,
                  sample_rate: int) -> tuple[tuple[int, ...], np.ndarray]:
    """Where a closing filter's steps begin (and the end), and each step's design (cached:
    a sequence's notes share a few cutoffs and one length)."""
    count = int(np.ceil(octaves * ENV_STEPS_PER_OCTAVE))
    left = octaves - np.arange(1, count) / ENV_STEPS_PER_OCTAVE
    times = -decay * np.log(left / octaves) if octaves > 0 else np.zeros(0)
    bounds = np.unique(np.clip(np.round(times * sample_rate).astype(np.int64), 1, frames))
    edges = np.concatenate(([0], bounds[bounds < frames], [frames]))
    middle = (edges[:-1] + edges[1:]) / 2 / sample_rate
    designs = lowpass24_sos(cutoff * 2.0 ** (octaves * np.exp(-middle / decay)), resonance,
                            sample_rate)
    return tuple(edges.tolist()), designs  # shared by every call: read, never written


def closing_lowpass(x: np.ndarray, cutoff: float, octaves: float, decay: float,
                    resonance: float, sample_rate: int) -> np.ndarray:
    """A plucked filter: from `octaves` above `cutoff`, closing exponentially (time `decay`).

    The cutoff moves in small steps of equal size in octaves, so the fast start is followed
    closely and the slow tail costs a few designs: about ENV_STEPS_PER_OCTAVE per octave.
    """
    ends, designs = closing_steps(x.shape[-1], cutoff, octaves, decay, resonance, sample_rate)
    out = np.array(x, dtype=np.float64, order="C", copy=True)
    zi = np.zeros((out.shape[0], 2, 2))
    for k, (a, b) in enumerate(zip(ends, ends[1:], strict=False)):
        piece = out[:, a:b]
        if piece.flags.c_contiguous:  # one signal: filtered where it lies
            sosfilt_inplace(designs[k], piece, zi)
            continue
        piece = np.ascontiguousarray(piece)
        sosfilt_inplace(designs[k], piece, zi)
        out[:, a:b] = piece
    return out


def resampled_frames(frames: int, source_rate: int, target_rate: int) -> int:
    """How many frames resample() makes of `frames` (as resample_poly counts them)."""
    common = math.gcd(source_rate, target_rate)
    return -(-frames * (target_rate // common) // (source_rate // common))


def resample(x: np.ndarray, source_rate: int, target_rate: int) -> np.ndarray:
    """Sound (..., frames) made at `source_rate`, resampled to `target_rate` (polyphase)."""
    common = math.gcd(source_rate, target_rate)
    return signal.resample_poly(x, target_rate // common, source_rate // common, axis=-1)
