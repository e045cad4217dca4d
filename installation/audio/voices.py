"""The parts of a score: pad, sequence, drone and noise, each rendered from its sample position."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import signal

from installation.audio.dsp.effects import NoiseTiles
from installation.audio.dsp.envelopes import control_curve, drift, swell
from installation.audio.dsp.filters import LowPass24, rms_gain, sosfilt_inplace
from installation.audio.dsp.halfrate import HalfRateSource, halves, lightly
from installation.audio.dsp.oscillators import Bank, detuned_ratios
from installation.audio.pads import PAD_CONTROL_FRAMES, SAW_RMS, Pad
from installation.audio.part import PART_RMS, Stems, Voice, spread
from installation.audio.sequencer import Sequence
from installation.core.notes import midi_to_hz
from installation.core.seed import stable_seed

DRONE_VOICES = 4  # oscillators per note
DRONE_DRIFT_HZ = 0.25  # how fast its oscillators wander (their `drift`, in cents, is how far)
DRONE_SLOW_DRIFT = (25.0, 0.03)  # cents, Hz: a slower wander on top, whose phase strays
# cycles away, so the held note never comes round to the same waveform (a loop of one cycle)
PINK = ([0.049922035, -0.095993537, 0.050612699, -0.004408786],
        [1.0, -2.494956002, 2.017265875, -0.522189400])  # -3 dB/oct (Kellet)
DRONE_RESONANCE = 0.45  # a soft peak that picks out one harmonic, then the next, as it moves
DRONE_SWEEP = (1.6, 0.1)  # octaves (at full movement), Hz: how the drone's filter wanders
DRONE_MAKEUP = 0.92  # the brighter peak is heard 0.75 LU louder (K-weighted): taken back
BROWN_POLE = 0.995  # at the full rate: -6 dB/oct above 38 Hz (at 48 kHz)
HALF_RATE_NOISE = 1 / 16  # noise cut off below this much of the sample rate runs at half rate

__all__ = ["VOICE_TYPES", "Sequence", "Stems", "Voice", "stable_seed"]  # what the engine reads


class Drone(Voice):
    """A held low note and its fifth, breathing through a wandering low-pass."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        ratios = detuned_ratios(DRONE_VOICES, 6.0)
        root = float(self.p["note"])
        freqs = np.array([midi_to_hz(m) * r for m in (root, root + 7.0) for r in ratios])
        weights = np.repeat([1.0, self.p["fifth"]], DRONE_VOICES)
        norm = PART_RMS * DRONE_MAKEUP / SAW_RMS / np.sqrt((weights ** 2).sum())
        self.gains = spread(len(freqs), 0.6, self.seed) * weights * norm
        self.hr = self.sr // 2 if halves(self.sr) else self.sr  # low and dark: half rate
        self.bank = Bank(freqs, self.hr, stable_seed(self.seed, "drone"), self.p["drift"],
                         DRONE_DRIFT_HZ, DRONE_SLOW_DRIFT)
        self.filter = LowPass24(self.hr, 2, DRONE_RESONANCE, PAD_CONTROL_FRAMES)
        self.source = HalfRateSource(2, lightly(self._render_half), lightly(self._jump),
                                     self.hr < self.sr)

    def render(self, position: int, frames: int) -> np.ndarray:
        move = self.p["movement"]

        def breath(g: np.ndarray) -> np.ndarray:
            t = g / self.sr
            rise = swell(t, self.p["attack"])
            return rise * (1.0 - 0.35 * move * (0.5 + 0.5 * drift(t, 0.05, self.seed + 1)))

        sound = self.source.render(position, frames)
        return sound * (control_curve(breath, position, frames) * self.p["level"])

    def _jump(self, half: int) -> None:
        self.filter.clock = half  # a jump: the filter runs on from here

    def _render_half(self, position: int, frames: int) -> np.ndarray:
        move = self.p["movement"]

        def cutoff(g: np.ndarray) -> np.ndarray:
            t = (position + g) / self.hr
            octaves, rate = DRONE_SWEEP
            return self.p["cutoff"] * 2.0 ** (octaves * move * drift(t, rate, self.seed))

        raw = self.bank.saw(self.bank.segments(position, frames), self.gains)
        return self.filter.process(raw, cutoff)


class Noise(Voice):
    """Wind, air, distant traffic: coloured noise, drawn afresh, that gusts."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        halved = halves(self.sr) and self.p["cutoff"] <= HALF_RATE_NOISE * self.sr
        self.hr = self.sr // 2 if halved else self.sr  # dark noise: made at half rate
        brown = ([1.0], [1.0, -BROWN_POLE ** (self.sr // self.hr)])  # the same corner in Hz
        b, a = {"white": ([1.0], [1.0]), "pink": PINK, "brown": brown}[self.p["color"]]
        lowpass = signal.butter(4, min(self.p["cutoff"], 0.45 * self.hr), fs=self.hr,
                                output="sos")
        self.sos = np.concatenate((signal.tf2sos(b, a), lowpass))
        self.norm = PART_RMS / rms_gain(self.sos)
        self.zi = np.zeros((2, len(self.sos), 2))
        self.white = NoiseTiles(stable_seed(self.seed, "noise"))
        self.source = HalfRateSource(2, lightly(self._render_half), lambda _: None, halved)

    def render(self, position: int, frames: int) -> np.ndarray:
        wind = self.p["wind"]

        def gust(g: np.ndarray) -> np.ndarray:
            return 1.0 - wind * (0.5 + 0.5 * drift(g / self.sr, 0.08, self.seed))

        noise = self.source.render(position, frames)
        return noise * (control_curve(gust, position, frames) * self.p["level"] * self.norm)

    def _render_half(self, position: int, frames: int) -> np.ndarray:
        """The filtered noise from sample `position` (at half rate when halved); its filter
        runs on across jumps, as the noise has no place to land on."""
        noise = self.white.take(position, frames)
        sosfilt_inplace(self.sos, noise, self.zi)
        return noise


VOICE_TYPES: dict[str, type[Voice]] = {"pad": Pad, "sequence": Sequence, "drone": Drone,
                                       "noise": Noise}
