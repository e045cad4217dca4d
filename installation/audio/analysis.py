"""What a rendered day sounds like, in numbers: level, brightness, notes and pulse per scene."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from installation.audio.dsp.filters import resample
from installation.audio.engine import ScoreEngine
from installation.audio.loudness import BLOCK_HOPS, HOP_S, LoudnessMeter, true_peak
from installation.core.program import Program
from installation.core.timeline.state import scene_index_at
from installation.core.timeutil import format_clock

FRAME_S = 1.0  # analysis frames
ENVELOPE_HOP = 240  # 5 ms at 48 kHz: the loudness curve the pulse is read from
PARTIAL_RANGE = (30.0, 1200.0)
PULSE_RANGE = (0.8, 16.0)
NOTE_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
SILENT_DB = -120.0
MIN_SPECTRUM_S = 0.25  # shorter pieces count for loudness only
PULSE_DEPTH = 0.15  # a pulse moves the loudness by at least this much (of its mean)
SILENT_TAIL_S = 1.0  # a scene that ends in digital silence this long says when it fell silent
GATE_BLOCK_S = HOP_S * BLOCK_HOPS  # sound shorter than one gating block has no loudness


def note_name(hz: float) -> str:
    midi = int(round(69 + 12 * np.log2(hz / 440.0)))
    return f"{NOTE_NAMES[midi % 12]}{midi // 12 - 1}"


def db(power: float) -> float:
    return 10.0 * float(np.log10(power)) if power > 0 else SILENT_DB


@dataclass
class SceneSound:
    """Running sums for one scene while the day streams past."""

    name: str
    at: float
    samples: int = 0
    energy: float = 0.0
    peak: float = 0.0
    silent_samples: int = 0
    centroids: list[float] = field(default_factory=list)
    spectrum: np.ndarray | None = None
    envelope: list[np.ndarray] = field(default_factory=list)
    meter: LoudnessMeter | None = None
    true_peak: float = SILENT_DB
    sounding: int = 0  # samples up to the last one that is not digital silence

    def add(self, block: np.ndarray, rate: int) -> None:
        """A stretch of this scene's sound (at most a frame; the last may be shorter)."""
        if not len(block):
            return
        if self.meter is None:
            self.meter = LoudnessMeter(rate)
        self.meter.add(block)
        self.true_peak = max(self.true_peak, true_peak(block))
        wide = block.astype(np.float64)
        mono = wide.mean(axis=1)
        heard = np.flatnonzero(np.any(block != 0, axis=1))
        if heard.size:
            self.sounding = self.samples + int(heard[-1]) + 1
        self.samples += len(block)
        self.energy += float(np.sum(wide ** 2)) / 2
        self.peak = max(self.peak, float(np.abs(block).max()))
        self.envelope.append(np.sqrt(np.mean(
            mono[:len(mono) // ENVELOPE_HOP * ENVELOPE_HOP].reshape(-1, ENVELOPE_HOP) ** 2,
            axis=1)))
        if not np.any(block):
            self.silent_samples += len(block)
            return
        if len(mono) < MIN_SPECTRUM_S * rate:
            return
        frame = round(FRAME_S * rate)
        mags = np.abs(np.fft.rfft(mono * np.hanning(len(mono)), n=frame))
        freqs = np.fft.rfftfreq(frame, 1.0 / rate)
        self.centroids.append(float((freqs * mags ** 2).sum() / (mags ** 2).sum()))
        self.spectrum = mags if self.spectrum is None else self.spectrum + mags

    def summary(self, rate: int) -> dict[str, Any]:
        partials: list[str] = []
        if self.spectrum is not None:
            freqs = np.fft.rfftfreq(2 * (len(self.spectrum) - 1), 1.0 / rate)
            band = (freqs >= PARTIAL_RANGE[0]) & (freqs <= PARTIAL_RANGE[1])
            mags, hz = self.spectrum[band], freqs[band]
            peaks = [i for i in range(1, len(mags) - 1)
                     if mags[i] >= mags[i - 1] and mags[i] >= mags[i + 1]]
            for i in sorted(peaks, key=lambda i: -mags[i]):
                name = note_name(float(hz[i]))
                if name not in partials:
                    partials.append(name)
                if len(partials) == 5:
                    break
        envelope = np.concatenate(self.envelope) if self.envelope else np.zeros(1)
        return {
            "at": format_clock(self.at, False), "scene": self.name,
            "seconds": self.samples / rate,
            "rms_db": db(self.energy / max(self.samples, 1)),
            "peak_db": 20.0 * np.log10(self.peak) if self.peak > 0 else SILENT_DB,
            "lufs": self._lufs(rate),
            "silent_after": self._silent_after(rate),
            "true_peak_db": self.true_peak,
            "silent": self.silent_samples / max(self.samples, 1),
            "centroid_hz": float(np.median(self.centroids)) if self.centroids else 0.0,
            "centroid_first_last": (self.centroids[0], self.centroids[-1])
            if self.centroids else (0.0, 0.0),
            "partials": partials,
            "pulse_hz": _pulse(envelope, rate / ENVELOPE_HOP),
        }


    def _silent_after(self, rate: int) -> float | None:
        """Seconds into the scene after which every sample is 0, if it ends in silence
        SILENT_TAIL_S long or more (the flash: a boom, then nothing); else None."""
        if self.samples - self.sounding < SILENT_TAIL_S * rate:
            return None
        return self.sounding / rate

    def _lufs(self, rate: int) -> float:
        """Integrated loudness (BS.1770: gated, digital silence left out) of what sounds;
        SILENT_DB if that is shorter than one gating block (a scene's first 5 ms)."""
        if self.meter is None or self.sounding < GATE_BLOCK_S * rate:
            return SILENT_DB
        return self.meter.integrated()


def _pulse(envelope: np.ndarray, rate: float) -> float:
    """The steady rhythm a loudness curve beats at, in Hz; 0 if it hardly moves.

    A pulse must be strong (it modulates the loudness by PULSE_DEPTH or more): the slow
    beating of a pad's detuned oscillators is not a pulse.
    """
    mean = float(envelope.mean())
    if mean <= 0:
        return 0.0
    window = np.hanning(len(envelope))
    mags = np.abs(np.fft.rfft((envelope - mean) * window))
    freqs = np.fft.rfftfreq(len(envelope), 1.0 / rate)
    band = (freqs >= PULSE_RANGE[0]) & (freqs <= PULSE_RANGE[1])
    best = int(np.argmax(mags[band]))
    depth = 2.0 * float(mags[band][best]) / float(window.sum()) / mean
    return float(freqs[band][best]) if depth >= PULSE_DEPTH else 0.0


@dataclass(frozen=True)
class DayReport:
    """A rendered day: per-scene summaries, seconds of sound, CPU seconds spent rendering,
    and the whole day's integrated loudness (LUFS; when described)."""

    scenes: list[dict[str, Any]]
    seconds: float
    cpu: float
    lufs: float = SILENT_DB


def describe_day(program: Program, rate: int, warn: Callable[[str], None], reference: float,
                 describe: bool = True,
                 progress: Callable[[float], None] | None = None) -> DayReport:
    """Render one whole story day (timing the engine alone) and summarise each scene."""
    timeline, clock = program.timeline, program.clock
    start = program.wall_at(timeline.day_start, reference)
    engine = ScoreEngine(program, rate, warn, start)
    total = clock.real_length(timeline.day_start, timeline.day_start)
    scenes = [SceneSound(s.name, s.at) for s in timeline.scenes]
    day = LoudnessMeter(rate)
    frame = round(FRAME_S * rate)
    done = cpu = 0.0
    while done + FRAME_S <= total:
        story = clock.position(start + done).story_time
        begin = time.process_time()
        block = engine.render(frame)
        cpu += time.process_time() - begin
        if describe:
            # Split a frame where a scene begins, so each scene is measured on its own.
            here = scene_index_at(timeline, story)
            after = scene_index_at(timeline, clock.position(start + done + FRAME_S).story_time)
            cut = frame
            if after != here:
                cut = round(clock.real_between(story, timeline.scenes[after].at) * rate)
                cut = min(max(cut, 0), frame)
            scenes[here].add(block[:cut], rate)
            scenes[after].add(block[cut:], rate)
            day.add(block)
        done += FRAME_S
        if progress:
            progress(done)
    if not describe:
        return DayReport([], done, cpu)
    return DayReport([s.summary(rate) for s in scenes], done, cpu, day.integrated())


REPEAT_WINDOW_S = 2.0
REPEAT_MIN_LAG_S = 0.5
REPEAT_HOP_S = 1.0
STRICT_HOP_S = 0.5  # a copied 2 s stretch is always 1.75 s or more inside one window
WHITEN_SMOOTH_HZ = 10.0  # the long-term spectrum the render is divided by, smoothed this wide
WHITEN_FLOOR = 1e-6  # of the mean magnitude: exact silence in a band is not divided by 0
SILENT_SHARE = 1e-4  # a window under this share of the loudest one's rms (-80 dB) is silence
STRICT_RATE = 8000  # the strict figure hears 0-4 kHz, the score's band: above it, at 48 kHz,
# there is only the tape hiss and the top harmonics, which whitened would fill 5/6 of the band


def _window_correlations(x: np.ndarray, size: int, hop: int) -> list[tuple[int, np.ndarray]]:
    """For windows of `size` every `hop` samples: (start, normalized cross-correlation of the
    window with the sound at every offset)."""
    n = len(x) - size + 1
    power = np.concatenate(([0.0], np.cumsum(x * x)))
    norms = np.sqrt(np.maximum(power[size:] - power[:-size], 1e-30))
    # A window this far under the loudest is silence: a running sum's rounding (of a loud
    # cue's energy) is larger than its power, and its "correlations" ran past 1 (15.5 after
    # the flash's boom, cut to exact silence).
    floor = SILENT_SHARE * float(norms.max(initial=0.0))
    length = 1 << int(np.ceil(np.log2(len(x) + size)))
    spectrum = np.fft.rfft(x, length)
    out = []
    for start in range(0, n, hop):
        piece = x[start:start + size]
        energy = float(np.sqrt(np.sum(piece * piece)))
        if energy <= max(floor, 1e-9):
            continue
        # The window against every offset at once, in the frequency domain.
        corr = np.fft.irfft(spectrum * np.conj(np.fft.rfft(piece, length)), length)[:n]
        ncc = corr / (norms * energy)
        ncc[norms < max(1e-3 * energy, floor)] = 0.0  # silence correlates with nothing
        out.append((start, ncc))
    return out


def _mono(sound: np.ndarray) -> np.ndarray:
    """The sound as one channel of float64 (stereo averaged)."""
    x = np.asarray(sound, dtype=np.float64)
    return x.mean(axis=1) if x.ndim == 2 else x


def repetition(sound: np.ndarray, rate: int, window_s: float = REPEAT_WINDOW_S,
               min_lag_s: float = REPEAT_MIN_LAG_S, hop_s: float = REPEAT_HOP_S
               ) -> tuple[float, float]:
    """How much a sound repeats itself, from windows of `window_s` (one every `hop_s`)
    compared with the whole sound at lags of `min_lag_s` or more. Two figures:

    - loop: at the lag where the sound is most like itself on average over the windows
      (lags up to half the sound's length), that average correlation. A replayed loop
      scores near 1 at its length; sound synthesized afresh near 0 (a steady pitch
      scores high: it is a loop of one cycle).
    - match: the highest correlation of any window anywhere (a chance alignment of many
      drifting oscillators reaches 0.3-0.6 in a minute, loop or not).
    """
    x = _mono(sound)
    size, lag = round(window_s * rate), round(min_lag_s * rate)
    n = len(x) - size + 1
    if n <= 2 * lag:
        return 0.0, 0.0
    total, count = np.zeros(n), np.zeros(n)
    match = 0.0
    for start, ncc in _window_correlations(x, size, round(hop_s * rate)):
        ahead = ncc[start:]  # lags 0.. forward; by symmetry that is every pair once
        total[:len(ahead)] += ahead
        count[:len(ahead)] += 1
        far = np.abs(np.arange(n) - start) >= lag
        match = max(match, float(np.abs(ncc[far]).max(initial=0.0)))
    # A lag counts once half the windows or more have a partner that far on (an average of
    # a few chance alignments would read as a loop).
    usable = (np.arange(n) >= lag) & (count >= max(3.0, count.max() / 2))
    loop = float((total[usable] / count[usable]).max(initial=0.0))
    return loop, match


def whiten(x: np.ndarray, rate: int, smooth_hz: float = WHITEN_SMOOTH_HZ) -> np.ndarray:
    """A mono sound divided, in the frequency domain, by its own long-term magnitude spectrum
    smoothed `smooth_hz` wide: one fixed linear filter for the whole sound (a short one: its
    response lasts about 1 / smooth_hz), so a replay stays a replay, but every band weighs
    the same (a dark sound's few loud low lines no longer decide its correlations)."""
    spectrum = np.fft.rfft(x)
    mags = np.abs(spectrum)
    width = max(1, round(smooth_hz * len(x) / rate))
    sums = np.concatenate(([0.0], np.cumsum(mags)))
    bins = np.arange(len(mags))
    low = np.clip(bins - width // 2, 0, len(mags))
    high = np.clip(bins + width // 2 + 1, 0, len(mags))
    smooth = (sums[high] - sums[low]) / (high - low)
    smooth = np.maximum(smooth, WHITEN_FLOOR * max(float(smooth.mean()), 1e-30))
    return np.fft.irfft(spectrum / smooth, len(x))


def strict_repetition(sound: np.ndarray, rate: int, window_s: float = REPEAT_WINDOW_S,
                      min_lag_s: float = REPEAT_MIN_LAG_S, hop_s: float = STRICT_HOP_S
                      ) -> float:
    """Issue 10's figure: the highest normalized cross-correlation of any `window_s` window
    (one every `hop_s`) with any other part of the sound at lags of `min_lag_s` or more,
    measured on the sound's 0-4 kHz (at STRICT_RATE) whitened by its own long-term spectrum
    (`whiten`).

    Whitened, it tells repetition from spectral colour: an exact replay scores ~1 (a tiled
    piece of a scene's score 1.00, one 2 s stretch copied in once with 0.1 s crossfades
    0.88-0.97), noise with a dark scene's exact spectrum about 0.05 (raw: 0.55-0.63).
    """
    x = _mono(sound)
    if rate != STRICT_RATE:
        x, rate = resample(x, rate, STRICT_RATE), STRICT_RATE
    size, lag = round(window_s * rate), round(min_lag_s * rate)
    n = len(x) - size + 1
    if n <= 2 * lag:
        return 0.0
    best = 0.0
    for start, ncc in _window_correlations(whiten(x, rate), size, round(hop_s * rate)):
        near = slice(max(start - lag + 1, 0), start + lag)
        ncc[near] = 0.0  # itself, and lags under min_lag_s
        best = max(best, float(np.abs(ncc).max(initial=0.0)))
    return best
