"""An analog oscillator's jitter: its timing wanders a fraction of a millisecond off a
steady clock, so no two notes' bright first cycles are one waveform shifted."""

from __future__ import annotations

import numpy as np
from scipy import signal

JITTER_S = 0.4e-3  # how far (rms) an oscillator's cycles wander off a steady clock
JITTER_TAU_S = 0.04  # how soon the wander moves on: it strays no further, so a note's
# pitch holds (a free random walk put 5 cents rms on a half-second note, this 2)
JITTER_CONTROL = 32  # samples between drawn points of the wander (straight lines between)
STEP_RAMP = np.arange(JITTER_CONTROL) / JITTER_CONTROL


def timing_wander(
    rng: np.random.Generator,
    freqs: np.ndarray,
    frames: int,
    sample_rate: int,
    spread: float = JITTER_S,
    tau: float = JITTER_TAU_S,
) -> np.ndarray:
    """Each oscillator's phase wander in cycles (len(freqs), frames), from 0 at the first
    sample: its timing walks (Ornstein-Uhlenbeck: rms `spread` seconds once settled,
    `tau` seconds to forget) and the same time off is more cycles at a higher pitch, so
    every note's top harmonics scatter alike, where a fixed share of a cycle left a high
    note's takes 0.79 alike."""
    freqs = np.asarray(freqs, dtype=np.float64)
    points = frames // JITTER_CONTROL + 2
    keep = np.exp(-JITTER_CONTROL / (tau * sample_rate))
    kicks = rng.standard_normal((len(freqs), points)) * (spread * np.sqrt(1.0 - keep * keep))
    cycles = np.zeros((len(freqs), points + 1))
    cycles[:, 1:] = signal.lfilter([1.0], [1.0, -keep], kicks, axis=1)
    cycles *= freqs[:, None]  # seconds off -> cycles off
    # Straight lines between the drawn points, one control step at a time (no gather).
    lines = np.diff(cycles, axis=1)[:, :, None] * STEP_RAMP
    lines += cycles[:, :-1, None]
    return lines.reshape(len(freqs), -1)[:, :frames]
