"""Pads: held chords of free-running detuned oscillators that drift, breathe and change chord."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from installation.audio.dsp.effects import Chorus
from installation.audio.dsp.envelopes import control_curve, drift, lfo
from installation.audio.dsp.filters import Formants, LowPass24, sweep_cutoff
from installation.audio.dsp.halfrate import HalfRateSource, halves, lightly
from installation.audio.dsp.oscillators import GRID, Bank, Segments, detuned_ratios
from installation.audio.part import PART_RMS, Voice, spread
from installation.core.notes import midi_to_hz
from installation.core.seed import stable_seed

MAX_OSCILLATORS = 24  # per chord: a five-note chord gets fewer per note (cost, not sound)
MIN_PER_NOTE = 3
PAD_CONTROL_FRAMES = 1024  # pads move slowly: a cutoff step every ~43 ms (at half rate)
TIMBRE_OCTAVES = 0.35  # how far the filter wanders over minutes, beyond its LFO
TIMBRE_HZ = 0.004  # about once in four minutes
CHORD_GLIDE_S = 4.0  # seconds one chord of a progression takes to melt into the next
ENSEMBLE_WET = 1.0  # a string machine plays its ensemble alone: dry plus wet would comb
PWM_CENTRE, PWM_DEPTH = 0.3, 0.2  # pulse widths swing from thin (0.1) to square (0.5)
PWM_HZ = (0.08, 0.35)  # each pulse its own slow rate
CHOIR_FORMANTS = ((700.0, 260.0, 1.0), (1220.0, 180.0, 0.6), (2600.0, 320.0, 0.35))
SAW_RMS, PULSE_RMS = 1 / np.sqrt(3.0), 0.44
TABLE_SIZE = 2048  # one cycle of a few sine partials, read with linear interpolation
QUARTER_TOP = 0.35  # a table pad whose top partial lies below this much of a quarter of the
# sample rate (4.2 kHz at 48 kHz) is made at that quarter rate and upsampled twice


@dataclass(frozen=True)
class Preset:
    """How a pad preset makes its sound."""

    voices: int  # oscillators per note
    wave: str  # "saw", "pulse" or "table" (the partials below, one cycle)
    drift_cents: float  # how far each oscillator wanders off pitch
    drift_hz: float  # how fast
    chorus: bool  # the string-machine ensemble
    formants: bool  # vowel resonances (choir)
    partials: tuple[tuple[int, float], ...] = ()  # (harmonic, weight) of a "table" wave
    makeup: float = 1.0  # what the ensemble and formants take away, given back (measured)


PRESETS: dict[str, Preset] = {
    "strings": Preset(6, "saw", 10.0, 0.12, chorus=True, formants=False, makeup=1.86),
    "choir": Preset(5, "saw", 18.0, 0.33, chorus=True, formants=True, makeup=3.16),
    "glass": Preset(3, "table", 12.0, 0.22, chorus=False, formants=False,
                    partials=((1, 1.0), (2, 0.35), (3, 0.12), (4, 0.18))),
    "drone": Preset(5, "saw", 14.0, 0.075, chorus=False, formants=False),
    "pwm": Preset(4, "pulse", 10.0, 0.15, chorus=True, formants=False, makeup=2.2),
}


def wave_table(partials: tuple[tuple[int, float], ...]) -> np.ndarray:
    """One cycle of harmonic sine partials at unit RMS, one sample longer (to interpolate)."""
    x = np.arange(TABLE_SIZE + 1) / TABLE_SIZE
    cycle = sum((w * np.sin(2.0 * np.pi * k * x) for k, w in partials), np.zeros_like(x))
    rms = float(np.sqrt(np.mean(cycle[:-1] ** 2))) or 1.0
    return cycle / rms


class Pad(Voice):
    """A held chord (or a progression of chords) through a slowly moving resonant low-pass."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.preset = PRESETS[self.p["preset"]]
        shift = 12 * int(self.p["octave"])
        self.chords = [tuple(float(m) + shift for m in chord)
                       for chord in (self.p["chord"],) + tuple(self.p.get("progression") or ())]
        self.hold = float(self.p.get("chord_seconds") or 0.0)
        self.hr = self.sr // 2 if halves(self.sr) else self.sr  # dark: made at half rate
        quartered = self._fits_quarter_rate()
        self.osc_rate = self.hr // 2 if quartered else self.hr  # where the oscillators run
        self.banks = [self._bank(chord, k) for k, chord in enumerate(self.chords)]
        self.mixed = HalfRateSource(2, lightly(self._mixed), lambda _: None) if quartered else None
        self.filter = LowPass24(self.hr, 2, self.p["resonance"], PAD_CONTROL_FRAMES)
        self.chorus = Chorus(self.hr, mix=ENSEMBLE_WET) if self.preset.chorus else None
        self.formants = (Formants(self.hr, 2, CHOIR_FORMANTS) if self.preset.formants
                         else None)
        rng = np.random.default_rng(stable_seed(self.seed, "pwm"))
        count = max(len(bank[0].freqs) for bank in self.banks)
        self.pwm_rates = rng.uniform(*PWM_HZ, count)[:, None]
        self.pwm_phases = rng.random(count)[:, None]
        self.table = wave_table(self.preset.partials)
        self.slopes = np.diff(self.table)  # from each table point to the next
        self.source = HalfRateSource(2, lightly(self._render_half), lightly(self._jump),
                                     self.hr < self.sr)

    def _bank(self, chord: tuple[float, ...], index: int) -> tuple[Bank, np.ndarray]:
        preset = self.preset
        per_note = max(MIN_PER_NOTE, min(preset.voices, MAX_OSCILLATORS // len(chord)))
        ratios = detuned_ratios(per_note, self.p["detune"])
        freqs = np.array([midi_to_hz(midi) * ratio for midi in chord for ratio in ratios])
        wave_rms = {"saw": SAW_RMS, "pulse": PULSE_RMS, "table": 1.0}[preset.wave]
        seed = stable_seed(self.seed, "chord", index)
        norm = PART_RMS * preset.makeup / wave_rms / np.sqrt(len(freqs))
        gains = spread(len(freqs), 0.8, seed) * norm
        bank = Bank(freqs, self.osc_rate, seed, preset.drift_cents, preset.drift_hz)
        return bank, gains

    def _fits_quarter_rate(self) -> bool:
        """Whether every partial of a table pad (glass: up to the fourth harmonic, drifted
        and detuned) lies well below the Nyquist frequency of a quarter of the rate."""
        if self.preset.wave != "table" or self.hr == self.sr:
            return False
        top = max(midi_to_hz(max(chord)) for chord in self.chords)
        widest = 2.0 ** ((self.p["detune"] + 2 * self.preset.drift_cents) / 1200.0)
        highest = top * max(k for k, _ in self.preset.partials) * widest
        return highest < QUARTER_TOP * self.sr / 4

    def render(self, position: int, frames: int) -> np.ndarray:
        sound = self.source.render(position, frames)
        return sound * (self.swell(position, frames, self.p["attack"]) * self.p["level"])

    def _jump(self, half: int) -> None:
        """The filter and chorus run on from half-rate sample `half` (after a jump)."""
        self.filter.clock = half
        if self.chorus is not None:
            self.chorus.reset()
            self.chorus.line.written = half

    def _render_half(self, position: int, frames: int) -> np.ndarray:
        """`frames` samples at half rate from half-rate sample `position`."""
        raw = self._mixed(position, frames) if self.mixed is None else self.mixed.render(
            position, frames)
        if self.formants is not None:
            raw = self.formants.process(raw)
        if self.chorus is not None:
            raw = self.chorus.process(raw)
        return self.filter.process(raw, lambda g: self.cutoff(position + g))

    def _mixed(self, position: int, frames: int) -> np.ndarray:
        """The chords' oscillators, mixed, from sample `position` at the oscillators' rate."""
        raw = np.zeros((2, frames))
        for index, weight in self._chords(position, frames):
            raw += self._oscillators(index, position, frames) * weight
        return raw

    def _chords(self, position: int, frames: int) -> list[tuple[int, np.ndarray | float]]:
        """Which chords of the progression sound in this block, each with its gain curve."""
        if len(self.chords) == 1 or self.hold <= 0:
            return [(0, 1.0)]
        glide = min(CHORD_GLIDE_S, self.hold / 2)
        t0, t1 = position / self.osc_rate, (position + frames) / self.osc_rate
        first = max(0, int(np.floor((t0 - glide) / self.hold)))
        out: list[tuple[int, np.ndarray | float]] = []
        for number in range(first, int(np.floor(t1 / self.hold)) + 1):
            def gain(g: np.ndarray, number: int = number) -> np.ndarray:
                u = g / self.osc_rate - number * self.hold
                rise = np.clip(u / glide, 0.0, 1.0) if number else np.ones_like(u)
                fall = np.clip((u - self.hold) / glide, 0.0, 1.0)
                return np.sin(rise * np.pi / 2) * np.cos(fall * np.pi / 2)

            out.append((number % len(self.chords), control_curve(gain, position, frames)))
        return out

    def _oscillators(self, index: int, position: int, frames: int) -> np.ndarray:
        bank, gains = self.banks[index]
        seg = bank.segments(position, frames)
        if self.preset.wave == "saw":
            return bank.saw(seg, gains)
        if self.preset.wave == "table":
            return gains @ self._read_table(seg.phase())
        return bank.pulse(seg, self._widths(seg, len(bank.freqs)), gains)

    def _read_table(self, phase: np.ndarray) -> np.ndarray:
        """The preset's one-cycle wave at each phase (used up), linearly interpolated."""
        where = phase
        where *= TABLE_SIZE
        index = where.astype(np.int64)
        where -= index  # the fraction of the way to the next point
        point = self.slopes.take(index)
        where *= point
        where += self.table.take(index, out=point)  # one buffer for both reads
        return where

    def _widths(self, seg: Segments, count: int) -> np.ndarray:
        """Pulse widths on the bank's grid: each pulse swings at its own slow rate (PWM)."""
        first = seg.start
        grid = (first + GRID * np.arange(seg.base.shape[1] + 1)) / self.osc_rate
        angle = self.pwm_rates[:count] * grid + self.pwm_phases[:count]
        return PWM_CENTRE + PWM_DEPTH * np.sin(2.0 * np.pi * angle)

    def cutoff(self, samples: np.ndarray) -> np.ndarray:
        """The filter's cutoff at half-rate sample positions."""
        t = samples / self.hr
        swept = sweep_cutoff(self.p["cutoff"], self.p["sweep_to"], t, self.sweep_length())
        wander = TIMBRE_OCTAVES * drift(t, TIMBRE_HZ, self.seed)
        return swept * 2.0 ** (self.p["lfo_depth"] * lfo(t, self.p["lfo_rate"], 0.75) + wander)
