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

POINTS = 8  # its place is worked out this many times a block (0.04 s apart), drawn between
CHOP_BAND_HZ = (60.0, 700.0)  # the blades' thump: a burst of this band each blade pass
ROTOR_LEVEL = 0.2  # the thump's noise (unit RMS) at its nearest: -29 dB RMS, as the one-shot
WHINE_LEVEL = 0.025  # the turbine's whine at its nearest (it fades faster with distance)
HEIGHT = 0.3  # how far it flies from the listener at its nearest, in picture widths
FALLOFF = 1.5  # its level falls as (nearest / distance) ** FALLOFF: -10 dB at the edges
PAN_WIDTH = 0.9  # the picture's edges, on the speakers (-1 left, 1 right)
DOPPLER_S = 0.7  # seconds per picture width of coming nearer: its pitch rises 4% at speed
SENDS = (1.0, 0.0, 0.4)  # dry, echo, reverb: as the helicopter cue was heard


class Flights:
    """The helicopter of every scene whose picture has one, heard block by block."""

    def __init__(self, program: Program, sample_rate: int, seed: int) -> None:
        self.sr = sample_rate
        scenes = program.timeline.scenes
        self.passes: dict[int, Passes] = {}
        for index, scene in enumerate(scenes):
            passes = flight(program.timeline, scene, program.clock)
            if passes is not None:
                self.passes[index] = passes
        self.scenes = scenes
        self.sos = signal.butter(2, CHOP_BAND_HZ, "bandpass", fs=sample_rate, output="sos")
        self.norm = ROTOR_LEVEL / rms_gain(self.sos)
        self.zi = np.zeros((1, len(self.sos), 2))
        self.noise = NoiseTiles(stable_seed(seed, "helicopter"), channels=1)
        self.frames = 0  # the rotor's own time: frames heard since the engine began

    def add(self, stems: Stems, state_at: Callable[[int], StoryState], n: int,
            pace: float) -> None:
        """Add this block of `n` frames to `stems`, if a helicopter is in the picture at any
        of its points; `state_at(k)` is the story state `k` frames into the block, `pace` the
        wall seconds each second of sound covers."""
        ends = (state_at(0), state_at(n))
        if all(self.scenes.index(end.scene) not in self.passes for end in ends):
            self.frames += n  # (a block is shorter than any scene: none flies in it)
            return
        at = np.linspace(0, n, POINTS + 1).round().astype(int)
        places = [self._place(state_at(int(k))) for k in at]
        if not any(level for level, _pan, _dist in places):
            self.frames += n
            return
        level, pan, dist = (np.array(row) for row in zip(*places, strict=True))
        grid = np.arange(n)
        level, pan = np.interp(grid, at, level), np.interp(grid, at, pan)
        dist = np.interp(grid, at, dist)
        t = (self.frames + grid) / self.sr - DOPPLER_S * dist / pace  # heard: comes, goes
        thump = np.exp(-(ROTOR_HZ * t % 1.0) / ROTOR_THUMP) ** 2  # a burst each blade pass
        chop = self.noise.take(self.frames, n)
        sosfilt_inplace(self.sos, chop, self.zi)
        whine = np.sin(2 * math.pi * TURBINE_HZ * t) * (WHINE_LEVEL * level)
        mono = (chop[0] * thump * self.norm + whine) * level
        angle = (pan + 1.0) * math.pi / 4
        sound = np.stack((mono * np.cos(angle), mono * np.sin(angle))) * math.sqrt(2.0)
        stems.add(sound, 1.0, SENDS)
        self.frames += n

    def _place(self, state: StoryState) -> tuple[float, float, float]:
        """Its level (0: no helicopter in the picture), pan and distance for a story state."""
        passes = self.passes.get(self.scenes.index(state.scene))
        if passes is None:
            return 0.0, 0.0, HEIGHT
        across = passes.at(state.scene_seconds).across
        dist = math.hypot(across - 0.5, HEIGHT)
        pan = PAN_WIDTH * min(1.0, max(-1.0, 2.0 * across - 1.0))
        return (HEIGHT / dist) ** FALLOFF, pan, dist
