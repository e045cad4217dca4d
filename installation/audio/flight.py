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
        self.at: int | None = None  # the rotor's own time: the full-rate frame the next
        # block begins at, counted from its scene's start (None: silent, anchor it anew)
        self.scene: int | None = None  # the scene it is anchored in
        self.last = (np.zeros(2, np.int64), np.zeros((2, 2)))  # the last two low-rate samples
        # made: their rotor frames, and their values (2 channels, 2 samples)

    def restart(self) -> None:
        """A seek: the next block with the helicopter anchors its rotor on the story anew."""
        self.at = None

    def add(self, stems: Stems, state_at: Callable[[int], StoryState], n: int,
            pace: float) -> None:
        """Add this block of `n` frames to `stems`, if a helicopter is in the picture at any
        of its points; `state_at(k)` is the story state `k` frames into the block, `pace` the
        wall seconds each second of sound covers."""
        ends = (state_at(0), state_at(n))
        if all(self.scenes.index(end.scene) not in self.passes for end in ends):
            self.at = None  # (a block is shorter than any scene: none flies in it)
            return
        at = np.linspace(0, n, POINTS + 1).round().astype(int)
        states = [state_at(int(k)) for k in at]
        level, pan, dist = np.array([self._place(state) for state in states]).T
        if not level.any():
            self.at = None
            return
        start = self._anchor(states, at, pace)
        angle = (pan + 1.0) * (math.pi / 4)
        gains = level * math.sqrt(2.0) * np.stack((np.cos(angle), np.sin(angle)))
        made = self._made(start, n)  # the rotor frames its low-rate samples lie at
        into = made - start  # ... and how far into the block (the last may lie past it)
        # heard when its sound reaches the listener: coming, its pitch rises (Doppler)
        t = made / self.sr - np.interp(into, at, dist) * (DOPPLER_S / pace)
        mono = self.noise.take(int(made[0]) // DOWN, len(made))
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
        low[0] *= np.interp(into, at, gains[0])
        low[1] *= np.interp(into, at, gains[1])
        stems.add(self._up(made, low, start, n), 1.0, SENDS)
        self.at = start + n

    def _anchor(self, states: list[StoryState], at: np.ndarray, pace: float) -> int:
        """The rotor frame this block begins at: on from the last block's, or (after silence,
        a seek or in another scene) from the real seconds since the scene began, so that a
        seek hears the rotor as playing through to it does and two machines agree."""
        k = next(i for i, state in enumerate(states)
                 if self.scenes.index(state.scene) in self.passes)
        scene = self.scenes.index(states[k].scene)
        if self.at is not None and scene == self.scene:
            return self.at
        self.scene = scene
        start = round(states[k].scene_seconds * self.sr / pace) - int(at[k])
        self.last = (np.array([start - 1 - DOWN, start - 1]), np.zeros((2, 2)))  # silent before
        self.zi[:] = 0.0
        return start

    def _made(self, start: int, n: int) -> np.ndarray:
        """The rotor frames of the low-rate samples a block from `start` (n frames) needs:
        every DOWN-th (DOWN - 1, 2 DOWN - 1, ...) after the last made, up to the first at or
        past the block's last frame (any block length: the one past it is carried)."""
        first = int(self.last[0][-1]) + 1
        first += (DOWN - 1 - first) % DOWN
        final = max(start + n - 1, first)
        final += (DOWN - 1 - final) % DOWN
        return np.arange(first, final + 1, DOWN, dtype=np.int64)

    def _up(self, made: np.ndarray, low: np.ndarray, start: int, n: int) -> np.ndarray:
        """The low-rate sound (2, len(made)) drawn straight between its samples at the full
        rate for the block's frames, on from the last block's last (all it holds above 6 kHz
        lies 33 dB under it)."""
        frames = np.arange(start, start + n)
        points = np.concatenate((self.last[0], made))
        values = np.concatenate((self.last[1], low), axis=1)
        out = np.empty((2, n))
        for channel in range(2):
            out[channel] = np.interp(frames, points, values[channel])
        self.last = (points[-2:], values[:, -2:].copy())
        return out

    def _place(self, state: StoryState) -> tuple[float, float, float]:
        """Its level (0: no helicopter in the picture), pan and distance for a story state."""
        passes = self.passes.get(self.scenes.index(state.scene))
        if passes is None:
            return 0.0, 0.0, HEIGHT
        across = passes.at(state.scene_seconds).across
        dist = math.hypot(across - 0.5, HEIGHT)
        pan = PAN_WIDTH * min(1.0, max(-1.0, 2.0 * across - 1.0))
        return (HEIGHT / dist) ** FALLOFF, pan, dist
