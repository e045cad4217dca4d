"""Half-rate rendering: dark parts made at half the sample rate, then upsampled cheaply."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import numpy as np

HISTORY = 3  # half-rate samples the upsampler reads before the pair it makes
DECIMATE = np.array([1.0, 3.0, 3.0, 1.0]) / 8.0  # (1 + z)^3 / 8: nothing left at Nyquist
STREAM_DELAY = 2  # full-rate samples a stream comes out late (the upsampler's look-ahead)
HALVED_FROM_HZ = 32000  # below this sample rate (tests' low rates) parts run at full rate


def halves(sample_rate: int) -> bool:
    """Whether dark parts run at half of this sample rate (it keeps 8 kHz and more)."""
    return sample_rate >= HALVED_FROM_HZ


def upsample(h: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Full-rate samples from half-rate ones h (..., m + 3): for k = 1..m, h[k] itself and
    the cubic (Lagrange) halfway point between h[k] and h[k + 1]; 2m samples (into `out`,
    when given)."""
    mid = h[..., 1:-2] + h[..., 2:-1]
    mid *= 9.0
    mid -= h[..., :-3]
    mid -= h[..., 3:]
    mid *= 1.0 / 16.0
    if out is None:
        out = np.empty(h.shape[:-1] + (2 * mid.shape[-1],))
    out[..., 0::2] = h[..., 1:-2]
    out[..., 1::2] = mid
    return out


def decimate(x: np.ndarray, pairs: int, start: int = 0,
             out: np.ndarray | None = None) -> np.ndarray:
    """`pairs` half-rate samples of x (channels, start + 2 * pairs + 2) from column `start`
    through DECIMATE, in a few passes: (x[2k] + x[2k + 3] + 3 (x[2k + 1] + x[2k + 2])) / 8
    (into `out`, when given)."""
    end = start + 2 * pairs
    half = np.add(x[:, start:end:2], x[:, start + 3:end + 3:2], out=out)
    inner = x[:, start + 1:end + 1:2] + x[:, start + 2:end + 2:2]
    inner *= 3.0
    half += inner
    half *= 0.125
    return half


HalfRender = Callable[[int, int], np.ndarray]  # (first half-rate sample, count) -> (ch, count)


def lightly(method: Callable[..., Any]) -> Callable[..., Any]:
    """An object's own method, to give to a part the object holds (its HalfRateSource or
    HalfRateStream), held without keeping the object alive: held strongly it closes a loop
    (object -> part -> method -> object) that only the cycle collector frees, so a voice let
    go with its scene kept its buffers until the collector's next full round (in the soak up
    to half a day, resident memory swinging with when it last ran)."""
    held = weakref.WeakMethod(method)

    def call(*args: Any) -> Any:
        alive = held()
        assert alive is not None, "a part called after the object holding it was freed"
        return alive(*args)

    return call


class HalfRateSource:
    """Serves full-rate blocks at any sample position from a source rendered at half rate.

    Full-rate sample 2k is half-rate sample k; 2k + 1 lies between k and k + 1. The source
    renders consecutive half-rate samples (it carries state); `jump` is called with the
    half-rate sample it must continue from when the position jumps.
    """

    def __init__(self, channels: int, render: HalfRender, jump: Callable[[int], None],
                 halved: bool = True) -> None:
        self.render_half = render
        self.jump = jump
        self.halved = halved  # False: the source runs at the full rate, passed through
        self.buf = np.zeros((channels, 0))
        self.first = 0  # the half-rate sample buf[:, 0] holds
        self.cursor: int | None = None  # the next half-rate sample to render

    def render(self, position: int, frames: int) -> np.ndarray:
        if not self.halved:
            if self.cursor != position:
                self.jump(position)
            self.cursor = position + frames
            return self.render_half(position, frames)
        k0, k1 = position // 2, (position + frames - 1) // 2
        need_from, need_to = k0 - 1, k1 + 2
        if self.cursor is None or not self.first <= need_from <= self.cursor:
            self.jump(need_from)
            self.buf, self.first, self.cursor = self.buf[:, :0], need_from, need_from
        if need_to >= self.cursor:
            fresh = self.render_half(self.cursor, need_to + 1 - self.cursor)
            self.buf = np.concatenate((self.buf, fresh), axis=1)
            self.cursor = need_to + 1
        window = self.buf[:, need_from - self.first:need_to + 1 - self.first]
        skip = position - 2 * k0
        out = upsample(window)[:, skip:skip + frames]
        self.buf, self.first = self.buf[:, k1 - 1 - self.first:], k1 - 1
        return out


class HalfRateStream:
    """Runs a stream effect at half rate: decimates its input, upsamples its output, and
    gives as many samples as it takes (STREAM_DELAY late), however the stream is cut.

    Pairs are taken on even absolute samples from `start`, so a stream begun anywhere
    agrees with one played through to there.
    """

    def __init__(self, channels: int, process: Callable[[np.ndarray], np.ndarray],
                 out_channels: int, start: int = 0) -> None:
        self.process_half = process
        self.channels = channels
        self.out_channels = out_channels
        self.position = start  # the absolute sample the next input is
        self.reset()

    def reset(self) -> None:
        odd = self.position % 2  # an odd start pairs with a silent sample before it
        self.tail = np.zeros((self.channels, len(DECIMATE) - 2))  # input before the pairs
        self.pending = np.zeros((self.channels, odd))  # a sample waiting for its pair
        self.history = np.zeros((self.out_channels, HISTORY))
        self.fifo = np.zeros((self.out_channels, STREAM_DELAY - odd))

    def __call__(self, x: np.ndarray) -> np.ndarray:
        frames = x.shape[-1]
        half = self._decimate(x)
        wet = np.concatenate((self.history, self.process_half(half)), axis=1)
        self.history = wet[:, -HISTORY:]
        fifo = np.empty((self.out_channels, self.fifo.shape[-1] + 2 * half.shape[-1]))
        fifo[:, :self.fifo.shape[-1]] = self.fifo  # the few samples owed from before
        upsample(wet, fifo[:, self.fifo.shape[-1]:])
        out, self.fifo = fifo[:, :frames], fifo[:, frames:].copy()
        self.position += frames
        return out

    def _decimate(self, x: np.ndarray) -> np.ndarray:
        """The half-rate samples of the input so far (tail and pending sample, then x).

        Only the first pairs, which reach back before x, are worked out from a joined copy;
        the rest are read from x where it lies.
        """
        keep, lead = self.tail.shape[-1], self.tail.shape[-1] + self.pending.shape[-1]
        pairs = (lead - keep + x.shape[-1]) // 2
        first = -(-lead // 2)  # the pairs whose four samples begin before x
        used = 2 * pairs - self.pending.shape[-1]  # samples of x paired by now
        if pairs <= first + 1 or used < keep:  # a short block: join it all
            joined = np.concatenate((self.tail, self.pending, x), axis=1)
            half = decimate(joined, pairs)
            self.tail = joined[:, lead + used - keep:lead + used]
            self.pending = joined[:, lead + used:]
            return half
        head = np.concatenate((self.tail, self.pending, x[:, :2 * first + 2]), axis=1)
        half = np.empty((x.shape[0], pairs))
        decimate(head, first, out=half[:, :first])
        decimate(x, pairs - first, 2 * first - lead, out=half[:, first:])
        self.tail = x[:, used - keep:used].copy()  # x is the caller's: copied, not kept
        self.pending = x[:, used:].copy()
        return half
