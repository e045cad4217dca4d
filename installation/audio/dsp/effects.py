"""Effects with carried state: ensemble chorus, tape echo, FDN reverb, tape hiss."""

from __future__ import annotations

import numpy as np

from installation.audio.dsp.envelopes import control_curve
from installation.audio.dsp.filters import OnePole

TWO_PI = 2.0 * np.pi
CHORUS_PIECE = 16384  # the chorus's history holds this much more than its longest delay
WOW_FLUTTER_S = (1.2e-3, 0.15e-3)  # how far the tape echo's time swings, slow and fast


class DelayLine:
    """A multichannel ring buffer written block by block and read at fractional delays.

    One guard column past the end repeats the first, so the sample after any index is the
    next column, never wrapped.
    """

    def __init__(self, channels: int, max_frames: int) -> None:
        self.size = 1 << int(np.ceil(np.log2(max_frames + 1)))
        self.buf = np.zeros((channels, self.size + 1), dtype=np.float32)  # -150 dB: plenty
        self.mask = self.size - 1
        self.rows = np.arange(channels) * (self.size + 1)  # where each channel starts, flat
        self.written = 0  # absolute samples written so far

    def reset(self) -> None:
        self.buf[:] = 0.0

    def write(self, x: np.ndarray) -> None:
        frames = x.shape[-1]
        at = self.written & self.mask
        first = min(frames, self.size - at)
        self.buf[:, at:at + first] = x[:, :first]
        self.buf[:, :frames - first] = x[:, first:]
        self.buf[:, self.size] = self.buf[:, 0]
        self.written += frames

    def read(self, where: np.ndarray) -> np.ndarray:
        """Samples at absolute (fractional) times `where`, linearly interpolated: (frames,)
        for every channel alike, or (channels, ..., frames) per channel. The times must lie
        in the history (no further back than the line holds); `where` is used up."""
        i0 = where.astype(np.int64)  # times are not negative: truncation is the floor
        frac = where
        frac -= i0
        i0 &= self.mask
        if where.ndim == 1:
            low = np.take(self.buf, i0, axis=1)
            i0 += 1
            high = np.take(self.buf, i0, axis=1)
        else:
            i0 += self.rows.reshape((-1,) + (1,) * (where.ndim - 1))
            flat = self.buf.reshape(-1)
            low = np.take(flat, i0)
            i0 += 1
            high = np.take(flat, i0)
        high -= low
        high *= frac
        high += low
        return high


def pieces(frames: int, longest: int) -> list[tuple[int, int]]:
    """Cut a block into pieces no longer than `longest` (for feedback shorter than a block)."""
    return [(a, min(a + longest, frames)) for a in range(0, frames, longest)]


class Chorus:
    """Ensemble chorus: three modulated taps per side, 120 degrees apart (string machine)."""

    def __init__(self, sample_rate: int, base_ms: float = 3.2, depth_ms: float = 1.5,
                 rate_hz: float = 0.6, mix: float = 0.6) -> None:
        self.sr = sample_rate
        self.base = base_ms * 1e-3 * sample_rate
        self.depth = depth_ms * 1e-3 * sample_rate
        self.rate = rate_hz
        self.mix = mix
        self.line = DelayLine(2, int(self.base + self.depth) + CHORUS_PIECE + 8)
        # Left taps at 0, 120, 240 degrees; the right ones halfway between. A tap's delay
        # less its base is depth * sin(lfo + angle): these times the LFO's sine and cosine.
        angles = 2.0 * np.pi * (np.array([0.0, 1.0, 2.0])[None, :] / 3 + np.array([[0.0],
                                                                                   [1 / 6]]))
        self.by_sin = (self.depth * np.cos(angles))[..., None]
        self.by_cos = (self.depth * np.sin(angles))[..., None]

    def reset(self) -> None:
        self.line.reset()

    def process(self, x: np.ndarray) -> np.ndarray:
        out = np.empty_like(x)
        for a, b in pieces(x.shape[-1], CHORUS_PIECE):
            out[:, a:b] = self._piece(x[:, a:b])
        return out

    def _piece(self, x: np.ndarray) -> np.ndarray:
        start = self.line.written
        self.line.write(x)
        frames = x.shape[-1]
        # Every tap reads at start + i - base - depth * sin(lfo + angle): worked out on the
        # control grid, from one sine and one cosine of the LFO, and joined by straight
        # lines per sample (as the LFO always was; the sample count is a line already).
        where = control_curve(self._taps, start, frames)
        wet = self.line.read(where)  # (2, 3, n)
        out = np.add(wet[:, 0], wet[:, 1])
        out += wet[:, 2]
        out *= self.mix / 3.0
        if self.mix != 1.0:
            out += (1.0 - self.mix) * x
        return out

    def _taps(self, grid: np.ndarray) -> np.ndarray:
        """Where each tap (2, 3, points) reads at absolute samples `grid`."""
        angle = TWO_PI * self.rate * grid / self.sr
        where = np.sin(angle) * -self.by_sin
        where -= np.cos(angle) * self.by_cos
        where += grid - self.base
        return where


class TapeEcho:
    """Ping-pong tape echo: feedback through tape tone and saturation, time with wow/flutter."""

    def __init__(self, sample_rate: int, seconds: float = 0.375, feedback: float = 0.45,
                 max_seconds: float = 1.5, start: int = 0) -> None:
        self.sr = sample_rate
        self.time = seconds
        self.target = seconds
        self.feedback = feedback
        self.line = DelayLine(2, int(max_seconds * sample_rate) + 4096)
        self.line.written = start  # the wow and flutter run on absolute time
        self.tone = OnePole(2800.0, sample_rate, (2,))
        self.glide = 0.6  # seconds for the tape speed to settle on a new time
        self.min_delay = int(0.1 * sample_rate)

    def reset(self) -> None:
        self.line.reset()
        self.tone.reset()

    def set_time(self, seconds: float) -> None:
        self.target = float(np.clip(seconds, 0.12, 1.2))

    def process(self, x: np.ndarray) -> np.ndarray:
        out = np.empty_like(x)
        a = 0
        while a < x.shape[-1]:
            b = min(x.shape[-1], a + self._longest())
            out[:, a:b] = self._piece(x[:, a:b])
            a = b
        return out

    def _longest(self) -> int:
        """The longest piece whose echoes all come from before it: the shortest delay it
        can have (the tape only glides between its time and its target) less the wow."""
        shortest = (min(self.time, self.target) - sum(WOW_FLUTTER_S)) * self.sr
        return max(self.min_delay, int(shortest) - 2)

    def _piece(self, x: np.ndarray) -> np.ndarray:
        frames = x.shape[-1]
        start = self.line.written
        if abs(self.time - self.target) > 1e-6:  # the tape is still changing speed
            settle = np.exp(-np.arange(1, frames + 1) / (self.glide * self.sr))
            seconds: np.ndarray | float = self.target + (self.time - self.target) * settle
            self.time = float(settle[-1] * (self.time - self.target) + self.target)
        else:
            seconds = self.target
        delay = control_curve(self._wobble, start, frames)
        delay += seconds
        delay *= self.sr
        np.maximum(delay, self.min_delay, out=delay)
        where = np.arange(start, start + frames, dtype=np.float64)
        where -= delay
        tape = soft_saturate(self.tone.process(self.line.read(where)))  # tames the feedback
        fed = tape[::-1] * self.feedback  # cross-feed: ping-pong
        fed += x
        self.line.write(fed)
        return tape

    def _wobble(self, grid: np.ndarray) -> np.ndarray:
        t = grid / self.sr
        wow, flutter = WOW_FLUTTER_S
        return np.asarray(wow * np.sin(TWO_PI * 0.55 * t) + flutter * np.sin(TWO_PI * 6.3 * t))


def soft_saturate(x: np.ndarray) -> np.ndarray:
    """A cheap cubic soft clip: linear when quiet, flat at +-2/3 beyond 1 (x in place)."""
    clipped = np.clip(x, -1.0, 1.0, out=x)
    cube = clipped * clipped
    cube *= clipped
    cube *= 1.0 / 3.0
    clipped -= cube
    return clipped


REVERB_ROOM = 16  # the reverb's buffer holds this many longest delays before it moves back


class Reverb:
    """An 8-line feedback delay network with damping; a 3-5 s tail for the pads.

    Every line is longer than a block piece, so a whole piece is computed at once. Each
    line's input is stored its delay ahead of where it is written, so what every line
    gives out now lies in one column range of the buffer (with the input in the last row):
    a piece reads one view, no copies. The buffer is a straight run, not a ring: when its
    end is near, what is still to be read moves back to its start (once in many pieces), so
    no write or read ever wraps.
    """

    LINES_MS = (45.3, 51.7, 58.9, 64.1, 71.3, 79.7, 86.9, 97.3)
    DAMPING = 0.35  # share of the previous sample in each pass: highs die first

    def __init__(self, sample_rate: int, seconds: float = 4.0) -> None:
        self.sr = sample_rate
        self.delays = [round(ms * 1e-3 * sample_rate) for ms in self.LINES_MS]
        lengths = np.array(self.delays, dtype=np.float64)
        self.gains = (10.0 ** (-3.0 * lengths / (sample_rate * seconds)))[:, None]
        h = np.array([[1.0]])
        while h.shape[0] < len(self.delays):
            h = np.block([[h, h], [h, -h]])
        self.matrix = h / np.sqrt(h.shape[0])
        lines = len(self.delays)
        # float32: the tail's rounding lies 140 dB down, and the product costs half as much
        self.buffer = np.zeros((lines + 1, REVERB_ROOM * max(self.delays)), dtype=np.float32)
        self.at = 0  # the column the next piece reads from
        self.carry = np.zeros(lines, dtype=np.float32)  # the last sample's damped share
        inject = np.array([1, -1, 1, -1, -1, 1, 1, -1], dtype=np.float64)[:, None] * 0.5
        odd = np.arange(lines) % 2
        mixdown = np.stack((1 - odd, odd)).astype(np.float64) * 0.4  # even lines left
        # Each pass: the matrix over (1 - DAMPING) of a line's sample and DAMPING of the one
        # before, times its gain, plus the input; and the output. One product of the taps
        # and the input (the last row) gives all three.
        now = self.matrix * ((1.0 - self.DAMPING) * self.gains.T)
        before = self.matrix * (self.DAMPING * self.gains.T)
        self.weights = np.zeros((2 * lines + 2, lines + 1), dtype=np.float32)
        self.weights[:, :lines] = np.concatenate((now, before, mixdown))
        self.weights[:lines, lines:] = inject

    def reset(self) -> None:
        self.buffer[:] = 0.0
        self.carry[:] = 0.0

    def process(self, x: np.ndarray) -> np.ndarray:
        out = np.empty_like(x)
        for a, b in pieces(x.shape[-1], min(self.delays)):
            out[:, a:b] = self._piece(x[:, a:b])
        return out

    def _piece(self, x: np.ndarray) -> np.ndarray:
        frames = x.shape[-1]
        lines = len(self.delays)
        if self.at + max(self.delays) + frames > self.buffer.shape[-1]:
            self._move_back()
        at, end = self.at, self.at + frames
        taps = self.buffer[:, at:end]
        np.add(x[0], x[1], out=taps[lines])
        mixed = self.weights @ taps
        fed = mixed[:lines]
        fed[:, 1:] += mixed[lines:2 * lines, :-1]
        fed[:, 0] += self.carry
        self.carry = mixed[lines:2 * lines, -1].copy()
        for row, delay in enumerate(self.delays):
            self.buffer[row, at + delay:end + delay] = fed[row]
        self.at = end
        return mixed[2 * lines:]

    def _move_back(self) -> None:
        """What is still to be read (each line's next delay) to the buffer's start."""
        keep = max(self.delays)
        self.buffer[:, :keep] = self.buffer[:, self.at:self.at + keep]  # the rest is
        # written again before it is read: each line writes its delay ahead of reading
        self.at = 0


def pink_noise(frames: int, channels: int, seed: int) -> np.ndarray:
    """Pink (1/f) noise (channels, frames) of unit RMS, made in the frequency domain."""
    rng = np.random.default_rng(seed)
    spectrum = np.fft.rfft(rng.standard_normal((channels, frames)), axis=-1)
    f = np.maximum(np.fft.rfftfreq(frames), 1.0 / frames)
    noise = np.fft.irfft(spectrum / np.sqrt(f), n=frames, axis=-1)
    return noise / np.sqrt(np.mean(noise ** 2))


NOISE_TILE = 16384  # white noise is drawn in tiles of this many samples, each from its seed
WORDS_PER_DRAW = 4  # 16-bit words in each 64-bit number the generator gives


class NoiseTiles:
    """Seeded white noise (channels, frames) at any sample position: the same samples at the
    same position, always, and never a repeat (each tile has its own seed).

    Gaussian of unit RMS, or (`words`) uniform: the generator's raw bits as 16-bit integers
    (as float64: sums of them are exact), about a twentieth of the cost of drawing normals.
    """

    def __init__(self, seed: int, channels: int = 2, words: bool = False) -> None:
        self.seed = seed
        self.channels = channels
        self.words = words
        self.tile: tuple[int, np.ndarray] = (-1, np.zeros((channels, NOISE_TILE)))

    def take(self, position: int, frames: int) -> np.ndarray:
        first, last = position // NOISE_TILE, (position + frames - 1) // NOISE_TILE
        tiles = [self._tile(k) for k in range(first, last + 1)]
        joined = np.concatenate(tiles, axis=1) if len(tiles) > 1 else tiles[0]
        skip = position - first * NOISE_TILE
        return np.ascontiguousarray(joined[:, skip:skip + frames])

    def _tile(self, number: int) -> np.ndarray:
        if self.tile[0] != number:
            rng = np.random.default_rng([self.seed % (1 << 32), number % (1 << 62)])
            self.tile = (number, self._draw(rng))
        return self.tile[1]

    def _draw(self, rng: np.random.Generator) -> np.ndarray:
        shape = (self.channels, NOISE_TILE)
        if self.words:
            raw = rng.bit_generator.random_raw(self.channels * NOISE_TILE // WORDS_PER_DRAW)
            return np.asarray(raw).view(np.int16).reshape(shape).astype(np.float64)
        return rng.standard_normal(shape, dtype=np.float32).astype(np.float64)


WORD_RMS = 32768.0 / np.sqrt(3.0)  # of 16-bit words drawn uniformly
HISS_AVERAGE_S = 1 / 3000  # the hiss is white noise less its average over about this long
# (a power of two samples: 16 at 48 kHz): a gentle high-pass, 6 dB/oct below about 1.5 kHz


class Hiss:
    """Tape hiss: seeded white noise, high-tilted, at a fixed, very low level, from sample
    `start`, drawn afresh for every sample: the same hiss at the same position (a pure
    function of the sample's number, so a seek hears what playing through does), never a
    replay. (It was read in 43 ms tiles from seeded places in a pool of 2.7 s of hiss made
    once: alone, whitened, a minute of it matched itself at 0.17-0.19 at 48 kHz and 0.46
    at 8 kHz, where a dark scene's 0-4 kHz is mostly hiss.)
    """

    def __init__(self, sample_rate: int, level_db: float = -60.0, seed: int = 7,
                 start: int = 0) -> None:
        self.white = NoiseTiles(seed, words=True)
        self.doublings = max(1, round(np.log2(HISS_AVERAGE_S * sample_rate)))
        span = 1 << self.doublings
        # White noise less its average over `span` samples keeps 1 - 1/span of its power.
        self.gain = 10.0 ** (level_db / 20.0) / WORD_RMS / np.sqrt(1.0 - 1.0 / span) / span
        self.position = start

    def process(self, frames: int) -> np.ndarray:
        span = 1 << self.doublings
        noise = self.white.take(self.position - span + 1, frames + span - 1)
        sums = noise  # the sums of `span` samples from each, by pairs of pairs (whole
        for level in range(self.doublings):  # numbers: exact, however the blocks fall)
            sums = sums[:, :-(1 << level)] + sums[:, 1 << level:]
        out = np.multiply(noise[:, span - 1:], span)
        out -= sums  # less the sum of the `span` samples up to each
        out *= self.gain
        self.position += frames
        return out
