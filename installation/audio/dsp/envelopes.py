"""Envelopes and LFOs as pure functions of time, so a jump lands on the same value."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

SILENCE_DB = -80.0


def pluck(frames: int, sample_rate: int, gate: float, release: float) -> np.ndarray:
    """A sequencer note's loudness: 3 ms up, down towards 60% (time 0.25 s), and after
    `gate` seconds gone within `release` (to -40 dB)."""
    t = np.arange(frames) / sample_rate
    level = 0.6 + 0.4 * np.exp(-t / 0.25)
    rise = min(frames, round(0.003 * sample_rate))
    level[:rise] *= t[:rise] / 0.003
    off = min(frames, max(1, round(gate * sample_rate)))
    level[off:] = level[off - 1] * np.exp(-(t[off:] - gate) / release * 4.6)
    return level


def swell(t: np.ndarray, attack: float) -> np.ndarray:
    """A smooth (raised-cosine) fade-in over `attack` seconds: how a pad breathes in."""
    if attack <= 0:
        return np.ones_like(t)
    x = np.clip(np.asarray(t) / attack, 0.0, 1.0)
    return np.asarray(0.5 - 0.5 * np.cos(np.pi * x))


def lfo(t: np.ndarray, rate_hz: float, phase: float = 0.0) -> np.ndarray:
    """A sine LFO in -1..1 at absolute time t (seconds)."""
    return np.sin(2.0 * np.pi * (rate_hz * np.asarray(t) + phase))


def drift(t: np.ndarray, rate_hz: float, seed: int) -> np.ndarray:
    """A slow wandering value in about -1..1: three incommensurate sines, seeded."""
    ratios = (1.0, 1.618, 2.414)
    phases = ((seed % 9973) / 9973.0, (seed % 7919) / 7919.0, (seed % 6007) / 6007.0)
    total = sum(lfo(t, rate_hz * r, p) for r, p in zip(ratios, phases, strict=True))
    return np.asarray(total) / 2.2


def db_to_gain(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def equal_power(progress: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Gains (outgoing, incoming) of an equal-power crossfade at progress 0..1."""
    angle = np.clip(progress, 0.0, 1.0) * (np.pi / 2)
    return np.cos(angle), np.sin(angle)


CONTROL_STEP = 256  # samples between control points (about 5 ms)


def control_curve(fn: Callable[[np.ndarray], np.ndarray], start: int, frames: int,
                  step: int = CONTROL_STEP) -> np.ndarray:
    """fn (of absolute sample indices) on a fixed grid, joined by straight lines per sample.

    Slow controls (LFOs, swells, sweeps) cost a few points per block instead of one
    transcendental call per sample; the grid is absolute, so blocks cut anywhere agree.
    """
    first = (start // step) * step
    last = -(-(start + frames) // step) * step
    values = fn(np.arange(first, last + 1, step))  # (..., points): time is the last axis
    # np.interp's sums, on the grid's pieces at once (it searches the grid per sample)
    lines = (np.diff(values) / float(step))[..., None] * np.arange(step, dtype=np.float64)
    lines += values[..., :-1, None]
    flat = lines.reshape(values.shape[:-1] + (-1,))
    return flat[..., start - first:start - first + frames]
