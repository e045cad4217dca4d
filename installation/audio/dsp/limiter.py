"""The master limiter: gain riding on true peaks (4x oversampled, as ITU-R BS.1770 reads them),
a soft clip below the ceiling, and a last trim where a peak between samples still passes it."""

from __future__ import annotations

import numpy as np

OVERSAMPLE = 4  # BS.1770-4 Annex 2: four phases, 12 taps each
TAPS = 12
KAISER_BETA = 6.0
BELOW_DB = 1.5  # a peak between samples is looked for only beside samples this close to the
# level that counts (the score's stand under 0.3 dB over their samples; up to 3 dB only for a
# tone near a quarter of the rate, which the score has not)
CEILING_DB = -1.5  # the soft clip's, on the samples
TRUE_PEAK_DB = -1.4  # nothing passes this, between samples either (the day's goal: -1 dBTP)


def interpolator() -> np.ndarray:
    """The taps (OVERSAMPLE - 1, TAPS) that read a signal at a quarter, a half and three
    quarters of the way from one sample to the next: a Kaiser-windowed sinc, in closed form,
    each phase passing a constant unchanged."""
    q = np.arange(TAPS)
    phases = np.arange(1, OVERSAMPLE)[:, None] / OVERSAMPLE
    d = q[None, :] - (TAPS // 2 - 1) - phases  # from each tap to the point read
    window = np.i0(KAISER_BETA * np.sqrt(np.clip(1.0 - (d / (TAPS / 2)) ** 2, 0.0, 1.0)))
    taps = np.sinc(d) * window / np.i0(KAISER_BETA)
    return taps / taps.sum(axis=1, keepdims=True)


class Between:
    """The level between the samples of a stream fed block by block (the samples before each
    block carried, the few after it held at its last)."""

    def __init__(self) -> None:
        self.taps = interpolator()
        self.tail = np.zeros((2, TAPS // 2))

    def read(self, x: np.ndarray, at: np.ndarray) -> np.ndarray:
        """The highest level (both channels) between the sample before each of `at` (sorted
        sample indices into block `x`) and it."""
        half = TAPS // 2
        cols = at[:, None] + np.arange(-half, half)  # x[i - 6] to x[i + 5] for the one at i
        rows = x[:, np.minimum(np.maximum(cols, 0), x.shape[-1] - 1)]  # (2, points, taps)
        if at[0] < half:  # (the first few read the block before)
            early = cols < 0
            rows[:, early] = self.tail[:, cols[early] + half]
        return np.abs(rows @ self.taps.T).max(axis=(0, 2))  # (2, points, phases)

    def carry(self, x: np.ndarray) -> None:
        """Move on past block `x`."""
        keep = TAPS // 2
        if x.shape[-1] >= keep:
            self.tail = np.array(x[:, -keep:], dtype=np.float64)
        else:
            self.tail = np.concatenate((self.tail, x), axis=1)[:, -keep:]


class Limiter:
    """Master limiter: gain riding on short windows' true peaks, a soft clip below the
    ceiling, then a trim of the windows whose peak between samples still passes TRUE_PEAK_DB."""

    def __init__(self, sample_rate: int, ceiling_db: float = CEILING_DB,
                 threshold_db: float = -4.0, release_s: float = 0.25, window: int = 64,
                 true_peak_db: float = TRUE_PEAK_DB) -> None:
        self.ceiling = 10.0 ** (ceiling_db / 20.0)
        self.threshold = 10.0 ** (threshold_db / 20.0)
        self.true_peak = 10.0 ** (true_peak_db / 20.0)
        self.knee = 0.8 * self.ceiling
        self.window = window
        self.recover = window / (release_s * sample_rate)
        self.gain = 1.0
        self.heard = Between()  # what comes in
        self.sent = Between()  # what goes out
        self.trimmed = 1.0  # the last window's trim (the next block's trim starts from it)

    def process(self, x: np.ndarray) -> np.ndarray:
        frames = x.shape[-1]
        peaks = self.window_peaks(x)
        self.heard.carry(x)
        want = np.minimum(1.0, self.threshold / np.maximum(peaks, 1e-9))
        # Instant attack, linear recovery: g[k] = min(want[k], g[k-1] + recover), vectorised.
        count = len(peaks)
        steps = np.arange(count + 1) * self.recover
        floor = np.minimum.accumulate(np.concatenate(([self.gain], want)) - steps)
        gains = np.minimum(floor + steps, 1.0)
        self.gain = float(gains[-1])
        loud = peaks > self.knee  # the gains only lower: no other window reaches the knee
        if gains.min() < 1.0:
            x = x * ride(np.diff(gains), gains[:-1], self.window, frames)
        out = self.soft_clip(x, loud)
        if loud.any() or self.trimmed < 1.0:  # (under the knee no peak reaches the top)
            out = self.trim(out, np.flatnonzero(loud))
        self.sent.carry(out)
        return out

    def window_peaks(self, x: np.ndarray) -> np.ndarray:
        """Each window's peak, between its samples too where that may count."""
        frames = x.shape[-1]
        count = -(-frames // self.window)
        level = np.abs(x).max(axis=0)  # per sample, the louder side
        if frames < count * self.window:
            level = np.concatenate((level, np.zeros(count * self.window - frames)))
        peaks = level.reshape(count, self.window).max(axis=1)
        floor = self.threshold * 10.0 ** (-BELOW_DB / 20.0)
        if peaks.max() > floor:
            loud = level[:frames] > floor
            loud[1:] |= loud[:-1]  # and the sample after each: a peak stands between them
            loud[0] |= bool(np.abs(self.heard.tail[:, -1]).max() > floor)
            at = np.flatnonzero(loud)
            np.maximum.at(peaks, at // self.window, self.heard.read(x, at))
        return peaks

    def trim(self, out: np.ndarray, loud: np.ndarray) -> np.ndarray:
        """Lower the `loud` windows (indices) whose true peak passes the ceiling (the soft
        clip's corners can ring over it between samples) to it, the gain straight from window
        to window; the other windows stay under the knee."""
        frames = out.shape[-1]
        at = (loud[:, None] * self.window + np.arange(self.window)).reshape(-1)
        at = at[at < frames]
        near = at[np.abs(out[:, at]).max(axis=0) > self.true_peak * 10.0 ** (-BELOW_DB / 20.0)]
        cut = np.ones(-(-frames // self.window))
        if near.size:
            near = beside(near, frames)
            over = np.zeros_like(cut)
            np.maximum.at(over, near // self.window, self.sent.read(out, near))
            cut = np.minimum(1.0, self.true_peak / np.maximum(over, 1e-9))
        if cut.min() >= 1.0 and self.trimmed >= 1.0:
            return out
        # The gain at each window's start is the lower of its and the last window's: each
        # window stays at or under its own trim all along.
        nodes = np.minimum(np.concatenate(([self.trimmed], cut)), np.concatenate((cut, [1.0])))
        self.trimmed = float(cut[-1])
        return out * ride(np.diff(nodes), nodes[:-1], self.window, frames)

    def soft_clip(self, x: np.ndarray, loud: np.ndarray) -> np.ndarray:
        """Identity below the knee, then a tanh shoulder that never passes the ceiling.

        Only the few samples over the knee are shaped (tanh is dear; most samples are
        below), and none are looked for when no window (`loud`) reaches it.
        """
        if not loud.any():
            return x
        room = self.ceiling - self.knee
        over = np.flatnonzero((x > self.knee) | (x < -self.knee))
        out = np.array(x, dtype=np.float64, copy=True)
        flat = out.reshape(-1)
        loudest = flat[over]
        size = np.abs(loudest)
        flat[over] = np.copysign(self.knee + np.tanh((size - self.knee) * (1.0 / room)) * room,
                                 loudest)
        return out


def beside(loud: np.ndarray, frames: int) -> np.ndarray:
    """The samples after which a peak between samples may stand, given the `loud` ones
    (sorted, a few): each, and the one after it."""
    return np.unique(np.concatenate((loud, loud[loud < frames - 1] + 1)))


def ride(steps: np.ndarray, starts: np.ndarray, window: int, frames: int) -> np.ndarray:
    """A gain per sample going straight from `starts[k]` to `starts[k] + steps[k]` across
    window k (the last window, if short, reaching its end early)."""
    full = frames // window
    ramp = np.arange(1, window + 1) * (1.0 / window)
    curve = np.empty(frames)
    lines = curve[:full * window].reshape(full, window)
    np.multiply(steps[:full, None], ramp, out=lines)
    lines += starts[:full, None]
    if full * window < frames:
        tail = np.linspace(0.0, 1.0, frames - full * window + 1)[1:]
        curve[full * window:] = starts[full] + steps[full] * tail
    return curve
