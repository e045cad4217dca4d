"""The parts of a score: pad, sequence, drone and noise, each rendered from its sample position."""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from installation.audio.dsp.envelopes import adsr, control_curve, drift, lfo, swell
from installation.audio.dsp.filters import LowPass24, sweep_cutoff
from installation.audio.dsp.oscillators import Oscillator, loop_slice, pad_loop
from installation.core.notes import Step, degree_to_midi, midi_to_hz

PAD_LOOP_SECONDS = (8.0, 11.0)
LOOP_SHARE_GAIN = float(np.sqrt(0.5))  # two loops at equal loudness sum to one
PAD_CONTROL_FRAMES = 1024  # pads move slowly: a cutoff step every ~21 ms is inaudible
DRONE_LOOP_SECONDS = 16.0
NOTE_CONTROL_FRAMES = 64  # 1.3 ms steps of the filter envelope
NOTE_RELEASE_S = 0.05
NOTE_CACHE_SIZE = 256
STEP_CACHE_SIZE = 64
CUTOFF_STEPS_PER_OCTAVE = 6  # a sweep re-renders each note once per sixth of an octave
NOISE_LOOP_SECONDS = 23.0  # long enough that frozen noise is not heard to repeat
PAD_VOICES = {"strings": 6, "choir": 5, "glass": 3, "drone": 5, "pwm": 6}


def seed_of(*parts: object) -> int:
    """A stable seed from any parts (Python's hash() changes between runs)."""
    return zlib.crc32(repr(parts).encode())


Sends = tuple[float, float, float]  # dry, echo, reverb
STEM_NAMES = ("dry", "echo", "reverb")


@dataclass
class Stems:
    """One block of the score, split by where it goes: dry, echo and reverb sends."""

    dry: np.ndarray
    echo: np.ndarray
    reverb: np.ndarray

    @classmethod
    def silent(cls, frames: int) -> Stems:
        return cls(*(np.zeros((2, frames)) for _ in STEM_NAMES))

    def add(self, sound: np.ndarray, gains: np.ndarray | float, sends: Sends) -> None:
        scaled = sound * gains
        for name, amount in zip(STEM_NAMES, sends, strict=True):
            if amount:
                getattr(self, name).__iadd__(scaled * amount if amount != 1.0 else scaled)


LoopCache = Callable[[tuple[Any, ...], Callable[[], np.ndarray]], np.ndarray]


class Voice:
    """A part of a score. `span` is how many real seconds the score plays (for sweeps)."""

    def __init__(self, params: Mapping[str, Any], sample_rate: int, seed: int,
                 span: float, cache: LoopCache) -> None:
        self.p = params
        self.sr = sample_rate
        self.seed = seed
        self.span = span
        self.cache = cache
        self.sends: Sends = (1.0, 0.0, float(params.get("reverb", 0.0)))

    def sweep_length(self) -> float:
        return float(self.p.get("sweep_seconds") or self.span)

    def swell(self, position: int, frames: int, attack: float) -> np.ndarray | float:
        """The fade-in at the start of the music, or 1 once it is over (the usual case)."""
        if position >= attack * self.sr:
            return 1.0
        return control_curve(lambda g: swell(g / self.sr, attack), position, frames)

    def render(self, position: int, frames: int) -> np.ndarray:
        """Stereo (2, frames), or mono (1, frames) for the centre, from `position` samples
        after the music began."""
        raise NotImplementedError


class Pad(Voice):
    """Held chord: a looped detuned stack through a slowly moving resonant low-pass."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        midis = tuple(float(m) + 12 * self.p["octave"] for m in self.p["chord"])
        # Half the stack loops every 8 s, the other half every 11: together, every 88 s.
        self.loops = [self._loop(midis, seconds, (part, len(PAD_LOOP_SECONDS)))
                      for part, seconds in enumerate(PAD_LOOP_SECONDS)]
        self.filter = LowPass24(self.sr, 2, self.p["resonance"], PAD_CONTROL_FRAMES)

    def _loop(self, midis: tuple[float, ...], seconds: float,
              share: tuple[int, int]) -> np.ndarray:
        key = ("pad", midis, self.p["preset"], self.p["detune"], self.sr, seconds, share)
        return self.cache(key, lambda: pad_loop(
            midis, self.p["preset"], self.p["detune"], PAD_VOICES[self.p["preset"]], seconds,
            self.sr, seed_of(key), ensemble=True, share=share) * LOOP_SHARE_GAIN)

    def cutoff(self, samples: np.ndarray) -> np.ndarray:
        t = samples / self.sr
        swept = sweep_cutoff(self.p["cutoff"], self.p["sweep_to"], t, self.sweep_length())
        return swept * 2.0 ** (self.p["lfo_depth"] * lfo(t, self.p["lfo_rate"], 0.75))

    def render(self, position: int, frames: int) -> np.ndarray:
        raw = loop_slice(self.loops[0], position, frames) + loop_slice(self.loops[1], position,
                                                                        frames)
        sound = self.filter.process(raw.T, lambda g: self.cutoff(position + g))
        return sound * (self.swell(position, frames, self.p["attack"]) * self.p["level"])


@dataclass(frozen=True)
class NoteEvent:
    """One played note of a sequence: when (seconds since the score began), what, how long."""

    start: float
    midi: int
    accent: bool
    length: float


def _chance(seed: int, *parts: object) -> float:
    return (seed_of(seed, *parts) % 10_000) / 10_000.0


class Sequence(Voice):
    """Step sequencer: each note a plucked filter envelope; notes are cached and placed."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        pool = self.p["scale"] or self.p["notes"]
        self.pool = tuple(m + 12 * int(self.p["octave"]) for m in pool)
        self.steps: tuple[Step, ...] = self.p["pattern"] or tuple(
            Step(i) for i in range(len(self.pool)))
        self.step_seconds = 60.0 / self.p["bpm"] / self.p["division"]
        self.notes: OrderedDict[tuple[Any, ...], np.ndarray] = OrderedDict()
        self._steps: OrderedDict[int, tuple[NoteEvent, ...]] = OrderedDict()
        self.sends = (1.0, self.p["echo"], self.p["reverb"])

    def events(self, t0: float, t1: float) -> list[NoteEvent]:
        """Every note sounding in [t0, t1): a pure function of the score and time."""
        longest = self.step_seconds + NOTE_RELEASE_S
        first = max(0, int(np.floor((t0 - longest) / self.step_seconds)))
        last = int(np.floor(t1 / self.step_seconds))
        return [event for s in range(first, last + 1) for event in self.step(s)
                if event.start < t1 and event.start + event.length + NOTE_RELEASE_S > t0]

    def step(self, number: int) -> tuple[NoteEvent, ...]:
        """The notes of step `number` since the music began (cached: blocks share steps)."""
        if number in self._steps:
            return self._steps[number]
        bar, index = divmod(number, len(self.steps))
        step = self.steps[index]
        notes: tuple[NoteEvent, ...] = ()
        if step.degree is not None and _chance(self.seed, "drop", bar, index) >= self.p["drop"]:
            repeats = step.ratchet
            if repeats == 1 and _chance(self.seed, "ratchet", bar, index) < self.p["ratchet"]:
                repeats = 2
            midi = degree_to_midi(self.pool, step.degree, step.octave)
            sub = self.step_seconds / repeats
            notes = tuple(NoteEvent(number * self.step_seconds + r * sub, midi, step.accent,
                                    sub * self.p["gate"]) for r in range(repeats))
        self._steps[number] = notes
        if len(self._steps) > STEP_CACHE_SIZE:
            self._steps.popitem(last=False)
        return notes

    def render(self, position: int, frames: int) -> np.ndarray:
        mono = np.zeros(frames)
        for event in self.events(position / self.sr, (position + frames) / self.sr):
            wave = self.note(event)
            offset = round(event.start * self.sr) - position
            a, b = max(0, offset), min(frames, offset + wave.size)
            if b > a:
                mono[a:b] += wave[a - offset:b - offset]
        mono *= self.p["level"]
        return mono[None, :]  # one row: the mix spreads it to both sides

    def note(self, event: NoteEvent) -> np.ndarray:
        """The waveform of one note (cached: a pattern repeats the same few notes)."""
        cutoff = float(sweep_cutoff(self.p["cutoff"], self.p["sweep_to"],
                                    np.array(event.start), self.sweep_length()))
        step = round(np.log2(cutoff) * CUTOFF_STEPS_PER_OCTAVE)
        frames = round((event.length + NOTE_RELEASE_S) * self.sr)
        key = (event.midi, step, event.accent, frames)
        if key in self.notes:
            self.notes.move_to_end(key)
            return self.notes[key]
        wave = self._render_note(event, 2.0 ** (step / CUTOFF_STEPS_PER_OCTAVE), frames)
        self.notes[key] = wave
        if len(self.notes) > NOTE_CACHE_SIZE:
            self.notes.popitem(last=False)
        return wave

    def _render_note(self, event: NoteEvent, cutoff: float, frames: int) -> np.ndarray:
        freq = midi_to_hz(event.midi)
        accent = self.p["accent"] if event.accent else 0.0
        raw = np.zeros(frames)
        t = np.arange(frames) / self.sr
        # PWM: the pulse starts wider by `pwm` and narrows back as the note decays.
        width = self.p["pulse_width"] + self.p["pwm"] * np.exp(-t / (4 * self.p["decay"]))
        width = np.clip(width, 0.05, 0.95)
        for cents, phase in ((-6.0, 0.0), (6.0, 0.37)):
            osc = Oscillator(self.sr, phase)
            f = freq * 2.0 ** (cents / 1200.0)
            raw += (osc.pulse(f, width, frames) if self.p["wave"] == "pulse"
                    else osc.saw(f, frames))
        env_oct = self.p["env"] + 1.5 * accent
        decay = self.p["decay"]
        lowpass = LowPass24(self.sr, 1, self.p["resonance"], NOTE_CONTROL_FRAMES)
        shaped = lowpass.process(raw[None, :] * 0.5, lambda g: cutoff * 2.0 ** (
            env_oct * np.exp(-g / self.sr / decay)))[0]
        amp = adsr(t, 0.003, 0.25, 0.6, NOTE_RELEASE_S, event.length) * (1.0 + 0.8 * accent)
        return shaped * amp


class Drone(Voice):
    """A held low note and its fifth, breathing through a wandering low-pass."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        midis = (float(self.p["note"]), float(self.p["note"]) + 7.0)
        key = ("drone", midis, self.p["fifth"], self.sr)
        self.loop = self.cache(key, lambda: pad_loop(
            midis, "drone", 6.0, 3, DRONE_LOOP_SECONDS, self.sr, seed_of(key),
            weights=(1.0, self.p["fifth"])))
        self.filter = LowPass24(self.sr, 2, 0.3, PAD_CONTROL_FRAMES)

    def render(self, position: int, frames: int) -> np.ndarray:
        move = self.p["movement"]

        def cutoff(g: np.ndarray) -> np.ndarray:
            t = (position + g) / self.sr
            return self.p["cutoff"] * 2.0 ** (1.2 * move * drift(t, 0.03, self.seed))

        def breath(g: np.ndarray) -> np.ndarray:
            t = g / self.sr
            rise = swell(t, self.p["attack"])
            return rise * (1.0 - 0.35 * move * (0.5 + 0.5 * drift(t, 0.05, self.seed + 1)))

        sound = self.filter.process(loop_slice(self.loop, position, frames).T, cutoff)
        return sound * (control_curve(breath, position, frames) * self.p["level"])


def colored_noise(color: str, cutoff: float, frames: int, sample_rate: int,
                  seed: int) -> np.ndarray:
    """A seamless stereo noise loop (frames, 2) of a colour, low-passed, at -12 dBFS RMS."""
    rng = np.random.default_rng(seed)
    spectrum = np.fft.rfft(rng.standard_normal((2, frames)), axis=-1)
    f = np.maximum(np.fft.rfftfreq(frames, 1.0 / sample_rate), 1.0)
    tilt = {"white": np.ones_like(f), "pink": 1.0 / np.sqrt(f), "brown": 1.0 / f}[color]
    shape = tilt / np.sqrt(1.0 + (f / cutoff) ** 8)  # gentle 24 dB/oct roll-off
    noise = np.fft.irfft(spectrum * shape, n=frames, axis=-1)
    return (noise.T * (0.25 / np.sqrt(np.mean(noise ** 2)))).astype(np.float32)


class Noise(Voice):
    """Wind, air, distant traffic: a coloured noise loop that gusts."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        key = ("noise", self.p["color"], self.p["cutoff"], self.sr)
        self.loop = self.cache(key, lambda: colored_noise(
            self.p["color"], self.p["cutoff"], int(NOISE_LOOP_SECONDS * self.sr), self.sr,
            seed_of(key)))

    def render(self, position: int, frames: int) -> np.ndarray:
        wind = self.p["wind"]

        def gust(g: np.ndarray) -> np.ndarray:
            return 1.0 - wind * (0.5 + 0.5 * drift(g / self.sr, 0.08, self.seed))

        gain = control_curve(gust, position, frames) * self.p["level"]
        return loop_slice(self.loop, position, frames).T * gain


VOICE_TYPES: dict[str, type[Voice]] = {"pad": Pad, "sequence": Sequence, "drone": Drone,
                                       "noise": Noise}
