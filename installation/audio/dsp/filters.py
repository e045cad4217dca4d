"""Filters: a 24 dB/oct resonant low-pass with moving cutoff, and simple one-pole smoothing."""

from __future__ import annotations

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


def lowpass24_sos(cutoff_hz: float, resonance: float, sample_rate: int) -> np.ndarray:
    """Second-order sections (2, 6) of two RBJ low-pass biquads: 24 dB/oct, resonant."""
    fc = min(max(cutoff_hz, MIN_CUTOFF_HZ), MAX_CUTOFF_RATIO * sample_rate)
    w0 = 2.0 * np.pi * fc / sample_rate
    cos_w, sin_w = float(np.cos(w0)), float(np.sin(w0))
    rows = []
    for q in (BASE_Q, 0.707 + RES_Q_RANGE * resonance):
        alpha = sin_w / (2.0 * q)
        a0 = 1.0 + alpha
        b0 = (1.0 - cos_w) / 2.0 / a0
        rows.append((b0, 2.0 * b0, b0, 1.0, -2.0 * cos_w / a0, (1.0 - alpha) / a0))
    return np.array(rows)


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
        if callable(cutoff):
            values = cutoff(grid) if grid.size else np.zeros(0)
        else:
            values = np.full(grid.size, float(cutoff))
        if self._sos_for is None and first > 0:  # first call off the grid: start somewhere
            self._set(float(cutoff(np.zeros(1, dtype=np.int64))[0]) if callable(cutoff)
                      else float(cutoff))
        out = np.array(x, dtype=np.float64, order="C", copy=True)
        bounds = [0] + [int(g) for g in grid if g > 0] + [frames]
        starts = dict(zip(grid.tolist(), values.tolist(), strict=True))
        for a, b in zip(bounds, bounds[1:], strict=False):
            if a in starts:
                self._set(starts[a])
            if (a, b) == (0, frames):
                sosfilt_inplace(self._sos, out, self.zi)
            elif b > a:
                self._segment(out, a, b)
        self.clock += frames
        return out

    def _segment(self, out: np.ndarray, a: int, b: int) -> None:
        piece = np.ascontiguousarray(out[:, a:b])
        sosfilt_inplace(self._sos, piece, self.zi)
        out[:, a:b] = piece

    def _set(self, cutoff: float) -> None:
        if cutoff != self._sos_for:
            self._sos = lowpass24_sos(cutoff, self.resonance, self.sample_rate)
            self._sos_for = cutoff


class OnePole:
    """A one-pole low-pass over the last axis with carried state (tone and damping)."""

    def __init__(self, cutoff_hz: float, sample_rate: int, shape: tuple[int, ...]) -> None:
        pole = float(np.exp(-2.0 * np.pi * cutoff_hz / sample_rate))
        self.b = np.array([1.0 - pole])
        self.a = np.array([1.0, -pole])
        self.zi = np.zeros(shape + (1,))

    def reset(self) -> None:
        self.zi[:] = 0.0

    def process(self, x: np.ndarray) -> np.ndarray:
        out, self.zi = signal.lfilter(self.b, self.a, x, axis=-1, zi=self.zi)
        return np.asarray(out)


def sweep_cutoff(start_hz: float, end_hz: float | None, seconds: np.ndarray,
                 length: float) -> np.ndarray:
    """Cutoff along an exponential sweep from start to end over `length` seconds."""
    if end_hz is None or length <= 0:
        return np.full(np.shape(seconds), start_hz)
    frac = np.clip(seconds / length, 0.0, 1.0)
    return np.asarray(start_hz * (end_hz / start_hz) ** frac)
