"""Loudness as ITU-R BS.1770-4 measures it (integrated LUFS, gated), and true peak."""

from __future__ import annotations

import numpy as np
from scipy import signal

from installation.audio.dsp.filters import sosfilt_inplace

HOP_S = 0.1  # gating blocks of 400 ms overlap by 75%: four hops each
BLOCK_HOPS = 4
ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU below the loudness of the blocks over the absolute gate
OFFSET = -0.691  # BS.1770's constant
SHELF = (1500.0, 4.0, 1.0 / np.sqrt(2.0))  # Hz, dB, Q: as pyloudnorm designs it (RBJ)
HIGHPASS = (38.0, 0.5)  # Hz, Q
TRUE_PEAK_OVERSAMPLE = 4
SILENT = -120.0


def k_weighting(sample_rate: int) -> np.ndarray:
    """The K-weighting filter (a high shelf, then a high-pass) as second-order sections."""
    fc, gain_db, q = SHELF
    a = 10.0 ** (gain_db / 40.0)
    w0 = 2.0 * np.pi * fc / sample_rate
    alpha, cos_w = np.sin(w0) / (2.0 * q), np.cos(w0)
    root = 2.0 * np.sqrt(a) * alpha
    shelf = [a * ((a + 1) + (a - 1) * cos_w + root), -2 * a * ((a - 1) + (a + 1) * cos_w),
             a * ((a + 1) + (a - 1) * cos_w - root), (a + 1) - (a - 1) * cos_w + root,
             2 * ((a - 1) - (a + 1) * cos_w), (a + 1) - (a - 1) * cos_w - root]
    fc, q = HIGHPASS
    w0 = 2.0 * np.pi * fc / sample_rate
    alpha, cos_w = np.sin(w0) / (2.0 * q), np.cos(w0)
    high = [(1 + cos_w) / 2, -(1 + cos_w), (1 + cos_w) / 2, 1 + alpha, -2 * cos_w, 1 - alpha]
    sos = np.array([shelf, high], dtype=np.float64)
    return sos / sos[:, 3:4]


class LoudnessMeter:
    """Integrated loudness of a stereo stream fed in pieces of any length (BS.1770-4)."""

    def __init__(self, sample_rate: int) -> None:
        self.sos = k_weighting(sample_rate)
        self.zi = np.zeros((2, len(self.sos), 2))
        self.hop = round(HOP_S * sample_rate)
        self.carry = np.zeros((2, 0))
        self.hops: list[float] = []  # mean square (summed over channels) of each 100 ms

    def add(self, block: np.ndarray) -> None:
        """More sound, (frames, 2)."""
        weighted = np.array(block.T, dtype=np.float64, order="C", copy=True)
        sosfilt_inplace(self.sos, weighted, self.zi)
        joined = np.concatenate((self.carry, weighted), axis=1)
        whole = joined.shape[1] // self.hop * self.hop
        squares = (joined[:, :whole] ** 2).reshape(2, -1, self.hop).mean(axis=2).sum(axis=0)
        self.hops.extend(squares.tolist())
        self.carry = joined[:, whole:]

    def integrated(self) -> float:
        """Gated integrated loudness in LUFS (SILENT if nothing passes the gates)."""
        hops = np.array(self.hops)
        if len(hops) < BLOCK_HOPS:
            return SILENT
        blocks = np.convolve(hops, np.ones(BLOCK_HOPS) / BLOCK_HOPS, mode="valid")
        loud = blocks[blocks > 10.0 ** ((ABSOLUTE_GATE - OFFSET) / 10.0)]
        if not loud.size:
            return SILENT
        gate = OFFSET + 10.0 * np.log10(loud.mean()) + RELATIVE_GATE
        kept = loud[loud > 10.0 ** ((gate - OFFSET) / 10.0)]
        return float(OFFSET + 10.0 * np.log10(kept.mean()))


def true_peak(block: np.ndarray) -> float:
    """The highest level between samples as well as on them, in dBTP (4x oversampled)."""
    if not np.any(block):
        return SILENT
    over = signal.resample_poly(np.asarray(block, dtype=np.float64), TRUE_PEAK_OVERSAMPLE, 1,
                                axis=0)
    return float(20.0 * np.log10(max(np.abs(over).max(), np.abs(block).max())))
