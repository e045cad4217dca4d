"""The helicopter heard where the picture flies it: its rotor's thump and its turbine, louder as
it nears the middle of the picture, panned with its place across it (the core's one path)."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from scipy import signal

from installation.audio.dsp.effects import NoiseTiles
from installation.audio.dsp.filters import rms_gain, sosfilt_inplace
from installation.audio.part import Stems
from installation.audio.sounds import ROTOR_HZ, ROTOR_THUMP, TURBINE_HZ
from installation.core.helicopter_path import Passes, flight
from installation.core.program import Program, StoryState
from installation.core.seed import stable_seed

DOWN = 4  # it is made at a quarter of the rate (12 kHz): its whine, the highest, is 1450 Hz
WORD_RMS = 32768 / math.sqrt(3)  # the RMS of the noise's 16-bit words (uniform)
UP_RAMP = np.arange(1, DOWN + 1) / DOWN  # the full rate's samples between two made ones
POINTS = 4  # its place is worked out this many times a block (0.09 s apart), drawn between
CHOP_BAND_HZ = (60.0, 700.0)  # the blades' thump: a burst of this band each blade pass
ROTOR_LEVEL = 0.2  # the thump's noise (unit RMS) at its nearest: -29 dB RMS, as the one-shot
WHINE_LEVEL = 0.025  # the turbine's whine, against the thump's noise
HEIGHT = 0.3  # how far it flies from the listener at its nearest, in picture widths
FALLOFF = 1.5  # its level falls as (nearest / distance) ** FALLOFF: -10 dB at the edges
PAN_WIDTH = 0.9  # the picture's edges, on the speakers (-1 left, 1 right)
DOPPLER_S = 0.7  # seconds per picture width of coming nearer: its pitch rises 4% at speed
SENDS = (1.0, 0.0, 0.4)  # dry, echo, reverb: as the helicopter cue was heard


class Flights:
    """The helicopter of every scene whose picture has one, heard block by block (made at a
    DOWN-th of the rate, all it holds lying under 1.5 kHz, then drawn up to it)."""

    def __init__(self, program: Program, sample_rate: int, seed: int) -> None:
        self.sr = sample_rate
        scenes = program.timeline.scenes
        self.passes: dict[int, Passes] = {}
        for index, scene in enumerate(scenes):
            passes = flight(program.timeline, scene, program.clock)
            if passes is not None:
                self.passes[index] = passes
        self.scenes = scenes
        self.low = sample_rate / DOWN
        self.sos = signal.butter(2, CHOP_BAND_HZ, "bandpass", fs=self.low, output="sos")
        self.norm = ROTOR_LEVEL / rms_gain(self.sos) / WORD_RMS
        self.zi = np.zeros((1, len(self.sos), 2))
        self.noise = NoiseTiles(stable_seed(seed, "helicopter"), channels=1, words=True)
        self.frames = 0  # the rotor's own time: frames heard since the engine began
        self.last = np.zeros((2, 1))  # the last low-rate sample made, one frame before a block

    def add(self, stems: Stems, state_at: Callable[[int], StoryState], n: int,
            pace: float) -> None:
        """Add this block of `n` frames to `stems`, if a helicopter is in the picture at any
        of its points; `state_at(k)` is the story state `k` frames into the block, `pace` the
        wall seconds each second of sound covers."""
        ends = (state_at(0), state_at(n))
        if all(self.scenes.index(end.scene) not in self.passes for end in ends):
            self._skip(n)  # (a block is shorter than any scene: none flies in it)
            return
        at = np.linspace(0, n, POINTS + 1).round().astype(int)
        level, pan, dist = np.array([self._place(state_at(int(k))) for k in at]).T
        if not level.any() or n % DOWN:
            self._skip(n)
            return
        angle = (pan + 1.0) * (math.pi / 4)
        gains = level * math.sqrt(2.0) * np.stack((np.cos(angle), np.sin(angle)))
        made = np.arange(DOWN - 1, n, DOWN, dtype=np.float64)  # where its samples lie
        # heard when its sound reaches the listener: coming, its pitch rises (Doppler)
        t = np.interp(made, at, (self.frames + at) / self.sr - DOPPLER_S * dist / pace)
        mono = self.noise.take(self.frames // DOWN, len(made))
        sosfilt_inplace(self.sos, mono, self.zi)
        thump = t * ROTOR_HZ
        thump -= np.floor(thump)
        thump *= -2.0 / ROTOR_THUMP
        np.exp(thump, out=thump)  # a short burst each blade pass
        mono[0] *= thump
        mono *= self.norm
        whine = t * (2 * math.pi * TURBINE_HZ)
        np.sin(whine, out=whine)
        whine *= WHINE_LEVEL
        mono[0] += whine
        low = np.concatenate((mono, mono))
        low[0] *= np.interp(made, at, gains[0])
        low[1] *= np.interp(made, at, gains[1])
        stems.add(self._up(low), 1.0, SENDS)
        self.frames += n

    def _up(self, low: np.ndarray) -> np.ndarray:
        """The low-rate sound (2, n / DOWN), its samples at DOWN - 1, 2 DOWN - 1, ..., drawn
        straight between them at the full rate, on from the last block's last (all it holds
        above 6 kHz lies 33 dB under it)."""
        points = np.concatenate((self.last, low), axis=1)
        self.last = low[:, -1:]
        rise = np.diff(points, axis=1)[:, :, None] * UP_RAMP
        rise += points[:, :-1, None]
        return rise.reshape(2, -1)

    def _skip(self, n: int) -> None:
        """A block without the helicopter: its time goes on, its last sample silent."""
        self.frames += n
        self.last = np.zeros((2, 1))

    def _place(self, state: StoryState) -> tuple[float, float, float]:
        """Its level (0: no helicopter in the picture), pan and distance for a story state."""
        passes = self.passes.get(self.scenes.index(state.scene))
        if passes is None:
            return 0.0, 0.0, HEIGHT
        across = passes.at(state.scene_seconds).across
        dist = math.hypot(across - 0.5, HEIGHT)
        pan = PAN_WIDTH * min(1.0, max(-1.0, 2.0 * across - 1.0))
        return (HEIGHT / dist) ** FALLOFF, pan, dist
