"""Band-limited oscillators: a free-running bank of polyBLEP saws and pulses."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

GRID = 256  # samples between exact phases of a bank (about 5 ms)
RAMP = np.arange(GRID, dtype=np.float64)
PAGE = 64  # grid points computed together (16384 samples)
PAGES_KEPT = 4
DRIFT_CENTS = 4.0  # how far an oscillator wanders off pitch, about (analog drift)
DRIFT_HZ = 0.07  # how fast, about
DRIFT_RATIOS = np.array([1.0, 1.618, 2.414])  # incommensurate: the wander never repeats
NO_SLOW_DRIFT = (0.0, 0.0)  # cents, Hz
DRIFT_NORM = 2.2  # three sines of unit size sum to about +-2.2


def _wander(t: np.ndarray, rates: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The integral of each oscillator's drift (count, len): its sines' cosines over their rates."""
    rates = rates[..., None]
    angle = 2.0 * np.pi * (rates * t + offsets[..., None])
    return np.asarray(-(np.cos(angle) / (2.0 * np.pi * rates)).sum(axis=1))


def detuned_ratios(count: int, cents: float) -> np.ndarray:
    """Frequency ratios of a stack of `count` oscillators spread over +-cents."""
    spread = np.linspace(-1.0, 1.0, count) if count > 1 else np.zeros(1)
    return np.asarray(2.0 ** (spread * cents / 1200.0))


class Bank:
    """Free-running oscillators whose phase is a pure function of the sample position.

    Each oscillator starts at a seeded random phase and drifts slowly in pitch (three
    incommensurate sines, integrated in closed form), so a seek lands on the same waveform
    as playing through, and blocks cut anywhere agree. The phase is exact on a grid of
    GRID samples and linear in between: the pitch moves in 5 ms steps, far too small to hear.
    """

    def __init__(self, freqs: np.ndarray, sample_rate: int, seed: int,
                 drift_cents: float = DRIFT_CENTS, drift_hz: float = DRIFT_HZ,
                 slow: tuple[float, float] = NO_SLOW_DRIFT) -> None:
        """`slow` (cents, Hz): a second, slower wander on top (0 cents: none)."""
        rng = np.random.default_rng(seed)
        count = len(freqs)
        self.freqs = np.asarray(freqs, dtype=np.float64)
        self.sr = sample_rate
        self.start = rng.random(count)
        self.rates = drift_hz * (0.6 + 0.8 * rng.random((count, 1))) * DRIFT_RATIOS
        self.offsets = rng.random((count, len(DRIFT_RATIOS)))
        # cents * ln2 / 1200 turns the drift into a ratio of the frequency (small angles)
        self.depth = drift_cents * np.log(2.0) / 1200.0 / DRIFT_NORM
        slow_rng = np.random.default_rng([seed, 1])  # the first wander's draws stay as they were
        self.slow_rates = slow[1] * (0.6 + 0.8 * slow_rng.random((count, 1))) * DRIFT_RATIOS
        self.slow_offsets = slow_rng.random((count, len(DRIFT_RATIOS)))
        self.slow_depth = slow[0] * np.log(2.0) / 1200.0 / DRIFT_NORM
        self.pages: dict[int, np.ndarray] = {}

    def cycles(self, samples: np.ndarray) -> np.ndarray:
        """Whole cycles run by each oscillator (count, len) at absolute sample positions."""
        t = samples / self.sr
        if self.depth == 0.0 and self.slow_depth == 0.0:  # no drift: a straight line
            return self.start[:, None] + self.freqs[:, None] * t
        drift = self.depth * _wander(t, self.rates, self.offsets)
        if self.slow_depth:
            drift = drift + self.slow_depth * _wander(t, self.slow_rates, self.slow_offsets)
        return self.start[:, None] + self.freqs[:, None] * (t + drift)

    def segments(self, position: int, frames: int) -> Segments:
        """The block's phase as straight pieces between exact grid points.

        The pieces start before the block's first sample, so that a saw which wraps less
        than a sample before it is rounded off here too.
        """
        first = (position - 1) // GRID
        last = -(-(position + frames) // GRID)
        run = np.concatenate([self._page(page)[:, max(first - page * PAGE, 0):
                                               last + 1 - page * PAGE]
                              for page in range(first // PAGE, last // PAGE + 1)], axis=1)
        return Segments(run[:, :-1] - np.floor(run[:, :-1]), np.diff(run, axis=1) / GRID,
                        first * GRID, position - first * GRID, frames)

    def _page(self, page: int) -> np.ndarray:
        """Cycles at PAGE grid points from page * PAGE, always computed the same way.

        numpy's cosine may differ in the last bit with where a value sits in an array;
        a phase a bit off a whole cycle would then wrap in one block and not in the next.
        """
        if page not in self.pages:
            grid = (page * PAGE + np.arange(PAGE, dtype=np.float64)) * GRID
            self.pages[page] = self.cycles(grid)
            if len(self.pages) > PAGES_KEPT:
                del self.pages[next(iter(self.pages))]  # the oldest
        return self.pages[page]

    def saw(self, seg: Segments, gains: np.ndarray) -> np.ndarray:
        """The oscillators as band-limited saws, mixed down by gains (channels, count)."""
        out = 2.0 * seg.mixed_phase(gains) - gains.sum(axis=1)[:, None]
        return seg.blep(out, gains, 1.0)

    def pulse(self, seg: Segments, width: np.ndarray, gains: np.ndarray) -> np.ndarray:
        """Band-limited pulses of a moving width (count, grid points), mixed down: PWM.

        A pulse is the difference of two saws `width` apart: each gets its own bleps.
        """
        slope = np.diff(width, axis=1) / GRID
        moved = seg.base + width[:, :-1]
        later = Segments(moved - np.floor(moved), seg.step + slope, seg.start, seg.skip,
                         seg.frames)
        # frac(p) - frac(p + w), in {-w, 1-w}: no DC; mixed down as two saws' phases are.
        out = seg.mixed_phase(gains)
        out -= later.mixed_phase(gains)
        out = seg.blep(out, gains, 0.5)
        return later.blep(out, gains, -0.5)


@dataclass
class Segments:
    """Phases of a bank over one block: per oscillator and grid piece, a start and a slope.

    Pieces start at sample `start` (on the grid); `skip` samples of the first lie before
    the block, which is `frames` long.
    """

    base: np.ndarray  # (count, pieces) phase at each piece's start, in [0, 1)
    step: np.ndarray  # (count, pieces) phase gained per sample
    start: int
    skip: int
    frames: int

    def phase(self, wrap: bool = True) -> np.ndarray:
        """The phase of every sample (count, frames).

        In float64, from the same numbers the bleps are placed by: in float32 a phase a
        hair below a whole cycle would round up and jump a sample before its blep.
        """
        ramp = self.step[..., None] * RAMP
        ramp += self.base[..., None]
        flat = ramp.reshape(len(self.base), -1)[:, self.skip:self.skip + self.frames]
        if wrap:
            flat -= np.floor(flat)
        return flat

    def mixed_phase(self, gains: np.ndarray) -> np.ndarray:
        """gains @ phase() (channels, frames), without the phase of every oscillator: per
        piece a straight line of the mixed phases, less the mixed wraps so far."""
        rows, piece, at = self.wraps
        weights = gains[:, rows]  # (channels, wraps)
        channels, count = len(gains), self.base.shape[1]
        totals = np.bincount((piece + count * np.arange(channels)[:, None]).ravel(),
                             weights.ravel(), channels * count).reshape(channels, count)
        starts = gains @ self.base
        starts += np.cumsum(totals, axis=1) - totals  # counted below: not again
        lines = (gains @ self.step)[..., None] * RAMP
        lines += starts[..., None]
        flat = lines.reshape(channels, -1)[:, self.skip:self.skip + self.frames]
        after = np.clip(np.ceil(at), 0, self.frames).astype(np.int64)
        span = self.frames + 1
        wrapped = np.bincount((after + span * np.arange(channels)[:, None]).ravel(),
                              weights.ravel(), channels * span).reshape(channels, span)
        flat -= np.cumsum(wrapped, axis=1)[:, :self.frames]
        return flat

    @functools.cached_property
    def wraps(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """crossings(), worked out once (the mix and the bleps both read them)."""
        return self.crossings()

    def crossings(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every wrap of every oscillator in the pieces: (oscillator, piece, fractional
        sample from the block's start), before the block too."""
        most = int(np.ceil(float(self.step.max(initial=0.0)) * GRID)) + 1
        # Fractional sample (from the piece's start) where each saw wraps.
        cross = (np.arange(most)[None, None, :] + 1.0 - self.base[..., None]) / np.maximum(
            self.step[..., None], 1e-12)
        at = cross + (np.arange(self.base.shape[1]) * GRID - self.skip)[None, :, None]
        keep = cross < GRID
        rows, piece, _ = np.nonzero(keep)
        return rows, piece, at[keep]

    def blep(self, out: np.ndarray, gains: np.ndarray, size: float) -> np.ndarray:
        """Round off every jump of the saws (polyBLEP), on the two samples beside each."""
        rows, _, at = self.wraps
        inside = (at > -1.0) & (at < self.frames)
        rows, at = rows[inside], at[inside]
        after = np.ceil(at)
        t = after - at  # 0..1 sample after the jump, then -1..0 before it
        # The sample after each jump and the one before, with their residuals, in one go.
        index = np.concatenate((after, after - 1.0)).astype(np.int64)
        residual = np.concatenate((-(1.0 - t) ** 2, t * t)) * size
        inside = (index >= 0) & (index < self.frames)
        where, weight, rows = index[inside], residual[inside], np.tile(rows, 2)[inside]
        channels = out.shape[0]
        spots = (where + self.frames * np.arange(channels)[:, None]).ravel()
        out -= np.bincount(spots, (gains[:, rows] * weight).ravel(),
                           channels * self.frames).reshape(channels, self.frames)
        return out



def blep_crossings(out: np.ndarray, cycles: np.ndarray, jump: float,
                   whole: np.ndarray | None = None) -> None:
    """Round off (polyBLEP) a jump by `jump` in each row of out wherever that row's
    unwrapped phase `cycles` passes a whole number (on the two samples beside it);
    `whole`: floor(cycles), when the caller has it."""
    if whole is None:
        whole = np.floor(cycles)
    changed = np.flatnonzero(whole[:, 1:] != whole[:, :-1])  # flat: far quicker than 2-D
    rows, after = np.divmod(changed, whole.shape[1] - 1)
    after += 1  # the first sample past the crossing
    now = cycles[rows, after]
    slope = now - cycles[rows, after - 1]
    t = (now - whole[rows, after]) / slope  # samples since the crossing
    half = 0.5 * jump
    out[rows, after] -= half * (1.0 - t) ** 2
    out[rows, after - 1] += half * t * t


def steady_wave(freqs: np.ndarray, phases: np.ndarray, frames: int, sample_rate: int,
                width: np.ndarray | None = None,
                wander: np.ndarray | None = None) -> np.ndarray:
    """Band-limited saws (width None) or pulses of the given widths (count, frames), at
    steady pitches from the given start phases, each row from its own oscillator;
    `wander` (count, frames), in cycles, is added to each row's phase (jitter).

    A pulse is high (1 - w) for the first `width` of its cycle and low (-w) after: no DC.
    """
    inc = (np.asarray(freqs, dtype=np.float64) / sample_rate)[:, None]
    cycles = inc * np.arange(frames)
    cycles += phases[:, None]
    if wander is not None:
        cycles += wander
    whole = np.floor(cycles)
    phase = cycles - whole
    if width is None:
        phase *= 2.0
        phase -= 1.0
        blep_crossings(phase, cycles, -2.0, whole)  # a saw falls by 2 as it wraps
        return phase
    out = (phase < width).astype(np.float64)
    out -= width
    blep_crossings(out, cycles, 1.0, whole)  # up as the cycle begins
    cycles -= width
    blep_crossings(out, cycles, -1.0)  # down at the width
    return out
