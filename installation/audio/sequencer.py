"""The Berlin School sequencer: steps that mutate, drop out, transpose and speed up."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np

from installation.audio.dsp.envelopes import pluck
from installation.audio.dsp.filters import closing_lowpass, sweep_cutoff
from installation.audio.dsp.jitter import timing_wander
from installation.audio.dsp.oscillators import steady_wave
from installation.audio.part import Voice, chance
from installation.core.notes import Step, degree_to_midi, midi_to_hz
from installation.core.seed import stable_seed

NOTE_RELEASE_S = 0.05
NOTE_CACHE_SIZE = 384  # takes of notes kept (float32, ~40 kB each at the longest)
WAVE_CACHE_SIZE = 256  # takes' oscillators kept, before their filter (float32, as above)
PLUCK_CACHE_SIZE = 64  # loudness curves kept, by note length
NOTE_TAKES = 8192  # takes of each note: every note played is its own (see _take)
MAX_REPEATS = 4  # a step's notes (a ratchet) that take their own takes
TAKE_STRIDE = 0x9E3779B1  # odd: steps walk every take once, in a scattered order
LENGTH_GRID = 240  # note lengths in 5 ms steps, so a tempo change reuses takes
CUTOFF_STEPS_PER_OCTAVE = 6  # a sweep makes new takes once per sixth of an octave
STEP_CACHE_SIZE = 64
CENTS_RATIOS = 2.0 ** (np.array([-6.0, 6.0]) / 1200.0)  # two oscillators per note, detuned
NOTE_DRIFT_CENTS = 6.0  # each note a little off, as an analog sequencer's
NOTE_FILTER_SWAY = (0.3, 0.3)  # octaves, share: each take's filter opens from its own
# cutoff and closes at its own pace (a resonant filter's ring was the same in every note)
VELOCITY_SWAY = 0.25  # notes played this much softer to harder (as a gain): no two alike
ACCENT_OCTAVES = 2.5  # how much further an accent opens the filter (it was 1.5: an accent
# as loud as now then made Panic's sequence more like itself, 0.205 on the strict figure over
# five seeds, 0.172 before; brighter, more of it is the top harmonics its jitter sets apart)
ACCENT_GAIN = 1.6  # how much louder an accent is, as a gain (accent 0.5: 1.8 times, +5.1 dB:
# over the hand's sway, +1 dB at most, still 3 dB over any note beside it; it was 0.8)
ACCENT_TOP_HZ = 3000.0  # an accent opens the filter no higher than this (or the note's own
# peak, if higher): opened 2.5 octaves x `accent` from Panic's 400-700 Hz it reached 6-11 kHz,
# the 8 kHz band +13.6 dB, a brittle tick on each accent; a sawtooth's top above 3 kHz is hiss
NOTE_TOP_HZ = 4000.0  # a note's filter opens no higher than this (nor over `env`): the leads
# over the mall and at first light (cutoff 1100-2600 Hz, env 2.5) opened to 6-15 kHz on every
# note, a fizz on every sixteenth: a note's first 60 ms held 4-10 kHz at -12 dB of its power
# (the panic's -53), 6.4-12.8 kHz at -26 dB of the part; now -24 and -47 (5000 Hz: -16, -39)
ACCENT_HOLD = 1.0  # an accent's filter closes this much slower per unit of `accent` (0.6:
# 1.6 times the decay): heard as a longer, rounder brightness, not a higher one
ATTACK_S = 0.03  # a note's first moments, where its loudness is heard (an accent's above all)
TAKE_LEVEL = 0.66  # every take's attack is played at this share of its note's alone, one
# oscillator's: so each scene plays within 0.4 LU of before (at 1/sqrt(2), the mean power of
# two oscillators at random phases, the searchlights read 0.5 LU louder and -0.8 dBTP)
MUTATION_BARS = 2  # a mutation holds this many bars before the dice are thrown again
SUBSTITUTES = (-2, -1, 1, 2)  # a mutated step moves this many notes of the scale


NoteKey = tuple[int, int, bool, int]  # midi, cutoff step, accent, take


@dataclass(frozen=True)
class NoteEvent:
    """One played note: when (seconds since the score began), what, how long, which one."""

    start: float
    midi: int
    accent: bool
    length: float
    key: tuple[int, int] = (0, 0)  # (step number, repeat): every note played is its own
    velocity: float = 1.0  # how hard it is played (a gain)


class Sequence(Voice):
    """Step sequencer: each note a plucked filter envelope, in one of many takes."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        pool = self.p["scale"] or self.p["notes"]
        self.pool = tuple(m + 12 * int(self.p["octave"]) for m in pool)
        self.steps: tuple[Step, ...] = self.p["pattern"] or tuple(
            Step(i) for i in range(len(self.pool)))
        self.rate = self.p["bpm"] * self.p["division"] / 60.0  # steps per second
        end_bpm = self.p.get("bpm_to") or self.p["bpm"]
        self.rate_to = end_bpm * self.p["division"] / 60.0
        self.ramp = self.sweep_length()
        self.notes: OrderedDict[NoteKey, np.ndarray] = OrderedDict()
        self.waves: OrderedDict[tuple[int, int], np.ndarray] = OrderedDict()
        self.draws: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self.plucks: OrderedDict[int, np.ndarray] = OrderedDict()
        self.levels: dict[tuple[int, int, bool], float] = {}  # a note's attack, by its filter
        slowest = 1.0 / min(self.rate, self.rate_to)  # the longest a note can be
        self.longest = round((self.held(slowest * self.p["gate"]) + NOTE_RELEASE_S)
                             * self.sr)
        self._steps: OrderedDict[int, tuple[NoteEvent, ...]] = OrderedDict()
        self.sends = (1.0, self.p["echo"], self.p["reverb"])

    # --- when ---------------------------------------------------------------------------

    def steps_by(self, t: float) -> float:
        """Steps played by time t: the tempo moves from bpm to bpm_to over the ramp."""
        if self.rate_to == self.rate or self.ramp <= 0:
            return self.rate * t
        ramp = min(t, self.ramp)
        played = self.rate * ramp + (self.rate_to - self.rate) * ramp * ramp / (2 * self.ramp)
        return played + self.rate_to * max(t - self.ramp, 0.0)

    def step_time(self, number: int) -> float:
        """When step `number` begins (the inverse of steps_by)."""
        bend = (self.rate_to - self.rate) / self.ramp if self.ramp > 0 else 0.0
        in_ramp = self.steps_by(self.ramp) if self.ramp > 0 else 0.0
        if bend == 0.0:
            return number / self.rate
        if number <= in_ramp:
            return (np.sqrt(self.rate ** 2 + 2 * bend * number) - self.rate) / bend
        return self.ramp + (number - in_ramp) / self.rate_to

    def events(self, t0: float, t1: float) -> list[NoteEvent]:
        """Every note sounding in [t0, t1): a pure function of the score and time."""
        longest = 1.0 / min(self.rate, self.rate_to) + NOTE_RELEASE_S
        first = max(0, int(np.floor(self.steps_by(max(t0 - longest, 0.0)))))
        last = int(np.floor(self.steps_by(t1)))
        return [event for s in range(first, last + 1) for event in self.step(s)
                if event.start < t1 and event.start + event.length + NOTE_RELEASE_S > t0]

    # --- what ---------------------------------------------------------------------------

    def step(self, number: int) -> tuple[NoteEvent, ...]:
        """The notes of step `number` since the music began (cached: blocks share steps)."""
        if number in self._steps:
            return self._steps[number]
        bar, index = divmod(number, len(self.steps))
        step = self.steps[index]
        notes: tuple[NoteEvent, ...] = ()
        if step.degree is not None and chance(self.seed, "drop", bar, index) >= self.p["drop"]:
            repeats = step.ratchet
            if repeats == 1 and chance(self.seed, "ratchet", bar, index) < self.p["ratchet"]:
                repeats = 2
            midi = self.pitch(step, bar, index)
            start, end = self.step_time(number), self.step_time(number + 1)
            sub = (end - start) / repeats
            notes = tuple(self._played(start + r * sub, midi, step.accent, sub, (number, r))
                          for r in range(repeats))
        self._steps[number] = notes
        if len(self._steps) > STEP_CACHE_SIZE:
            self._steps.popitem(last=False)
        return notes

    def _played(self, start: float, midi: int, accent: bool, sub: float,
                key: tuple[int, int]) -> NoteEvent:
        """One note as the hand plays it: a little softer or harder than the last (seeded by
        the note's place, so a jump hears the same)."""
        sway = chance(self.seed, "velocity", key) - 0.5
        if accent:  # struck hard: never under the notes' middle (heard over its neighbours)
            sway = 0.5 * (sway + 0.5)
        velocity = 1.0 + VELOCITY_SWAY * sway
        return NoteEvent(start, midi, accent, self.held(sub * self.p["gate"]), key, velocity)

    def held(self, seconds: float) -> float:
        """A note's length, rounded up so that with its release it fills whole LENGTH_GRIDs
        (a tempo that moves then reuses the takes of notes)."""
        frames = -(-round((seconds + NOTE_RELEASE_S) * self.sr) // LENGTH_GRID) * LENGTH_GRID
        return frames / self.sr - NOTE_RELEASE_S

    def pitch(self, step: Step, bar: int, index: int) -> int:
        """The step's note this bar: mutated, jumped an octave, and transposed."""
        degree, octave = step.degree or 0, step.octave
        era = bar // MUTATION_BARS
        if chance(self.seed, "mutate", era, index) < self.p["mutate"]:
            degree += SUBSTITUTES[stable_seed(self.seed, "to", era, index) % len(SUBSTITUTES)]
        if chance(self.seed, "jump", era, index) < self.p["jump"]:
            octave += 1 if chance(self.seed, "up", era, index) < 0.6 else -1
        shifts = self.p["transpose"]
        shift = shifts[(bar // int(self.p["transpose_bars"])) % len(shifts)] if shifts else 0
        return degree_to_midi(self.pool, max(degree, 0), octave) + int(shift)

    # --- sound --------------------------------------------------------------------------

    def render(self, position: int, frames: int) -> np.ndarray:
        mono = np.zeros(frames)
        for event in self.events(position / self.sr, (position + frames) / self.sr):
            offset = round(event.start * self.sr) - position
            a, b = max(0, offset), min(frames, offset + self.note_frames(event))
            if b > a:  # only the part of the note in this block is made
                mono[a:b] += self.note(event, a - offset, b - offset) * event.velocity
        mono *= self.p["level"]
        return mono[None, :]  # one row: the mix spreads it to both sides

    def note_frames(self, event: NoteEvent) -> int:
        """How many samples a note lasts with its release."""
        return round((event.length + NOTE_RELEASE_S) * self.sr)

    def note(self, event: NoteEvent, first: int = 0, end: int | None = None) -> np.ndarray:
        """Samples first..end of one note's waveform: one of NOTE_TAKES takes of it, each
        with its own phases and pitch (an analog sequencer's notes differ only in these),
        made once at the longest a note can last and cut to length by its loudness curve."""
        cutoff = float(sweep_cutoff(self.p["cutoff"], self.p["sweep_to"],
                                    np.array(event.start), self.sweep_length()))
        step = round(np.log2(cutoff) * CUTOFF_STEPS_PER_OCTAVE)
        frames = self.note_frames(event)
        end = frames if end is None else min(end, frames)
        take = _take(event.key)
        key = (event.midi, step, event.accent, take)
        if key in self.notes:
            self.notes.move_to_end(key)
            body = self.notes[key]
        else:
            body = self._render_note(key)
            self.notes[key] = body
            if len(self.notes) > NOTE_CACHE_SIZE:
                self.notes.popitem(last=False)
        return body[first:end] * self._pluck(frames)[first:end]

    def _pluck(self, frames: int) -> np.ndarray:
        """The loudness of a note `frames` long with its release (cached: lengths repeat)."""
        if frames not in self.plucks:
            self.plucks[frames] = pluck(frames, self.sr, frames / self.sr - NOTE_RELEASE_S,
                                        NOTE_RELEASE_S).astype(np.float32)
            if len(self.plucks) > PLUCK_CACHE_SIZE:
                self.plucks.popitem(last=False)
        return self.plucks[frames]

    def _render_note(self, key: NoteKey) -> np.ndarray:
        """A take of a note at its longest, filtered, before its loudness curve."""
        midi, step, accented, take = key
        accent = self.p["accent"] if accented else 0.0
        octaves, share = NOTE_FILTER_SWAY
        sway = self._draws(midi)[2][take]  # two draws in [-0.5, 0.5)
        cutoff = 2.0 ** (step / CUTOFF_STEPS_PER_OCTAVE + octaves * sway[0])
        opening, decay = self._opening(cutoff, accent)
        shaped = closing_lowpass(self._wave(midi, take), cutoff, opening,
                                 decay * (1.0 + share * sway[1]), self.p["resonance"],
                                 self.sr)[0]
        # Its attack as loud as the note's, whatever its phases (two oscillators half a cycle
        # apart all but cancel), its filter's sway or the step its start puts into the filter.
        shaped *= self._level(midi, step, accented) / attack_rms(shaped, self.sr)
        return (shaped * (1.0 + ACCENT_GAIN * accent)).astype(np.float32)

    def _level(self, midi: int, step: int, accented: bool) -> float:
        """The attack's loudness (rms) of every take of a note: TAKE_LEVEL of one oscillator
        alone through the note's filter, started mid-cycle (no step into the filter)."""
        key = (midi, step, accented)
        if key not in self.levels:
            accent = self.p["accent"] if accented else 0.0
            frames = round(ATTACK_S * self.sr)
            wave = steady_wave(np.array([midi_to_hz(midi)]), np.array([0.5]), frames, self.sr,
                               self._width(frames))
            cutoff = 2.0 ** (step / CUTOFF_STEPS_PER_OCTAVE)
            opening, decay = self._opening(cutoff, accent)
            shaped = closing_lowpass(wave, cutoff, opening, decay, self.p["resonance"],
                                     self.sr)[0]
            self.levels[key] = TAKE_LEVEL * attack_rms(shaped, self.sr)
        return self.levels[key]

    def _opening(self, cutoff: float, accent: float) -> tuple[float, float]:
        """How many octaves over `cutoff` a note's filter opens, and how slowly it closes
        (seconds): up to NOTE_TOP_HZ; an accent further, up to ACCENT_TOP_HZ, and for longer."""
        env = min(self.p["env"], max(0.0, float(np.log2(NOTE_TOP_HZ / cutoff))))
        top = max(env, float(np.log2(ACCENT_TOP_HZ / cutoff)))
        return min(env + ACCENT_OCTAVES * accent, top), self.p["decay"] * (
            1.0 + ACCENT_HOLD * accent)

    def _wave(self, midi: int, take: int) -> np.ndarray:
        """A take's two oscillators, mixed, before the filter (1, frames), each with its
        own jitter: the same for every cutoff step and accent of the take, so a sweeping
        filter only filters anew."""
        key = (midi, take)
        if key in self.waves:
            self.waves.move_to_end(key)
            return self.waves[key]
        cents, phases, _ = self._draws(midi)
        freq = midi_to_hz(midi) * 2.0 ** (cents[take] / 1200.0)
        frames = max(self.longest, LENGTH_GRID)
        # Two oscillators, free-running: each note starts at its own phase.
        phases = phases[take]
        width = self._width(frames)
        # Each take's own jitter: two takes' first bright cycles can start alike (their
        # edges lined up by a lag), but their cycles then part within a few milliseconds.
        rng = np.random.default_rng(stable_seed(self.seed, "jitter", midi, take))
        freqs = freq * CENTS_RATIOS
        raw = steady_wave(freqs, phases, frames, self.sr, width,
                          timing_wander(rng, freqs, frames, self.sr))
        mixed = (0.5 * (raw[:1] + raw[1:])).astype(np.float32)
        self.waves[key] = mixed
        if len(self.waves) > WAVE_CACHE_SIZE:
            self.waves.popitem(last=False)
        return mixed

    def _width(self, frames: int) -> np.ndarray | None:
        """A pulse's width over a note (None: a saw). PWM: the pulse starts wider by `pwm`
        and narrows back as the note decays."""
        if self.p["wave"] != "pulse":
            return None
        t = np.arange(frames) / self.sr
        pwm = self.p["pulse_width"] + self.p["pwm"] * np.exp(-t / (4 * self.p["decay"]))
        return np.clip(pwm, 0.05, 0.95)[None, :]

    def _draws(self, midi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every take's pitch (cents off), two start phases and its filter's two sways
        (cutoff, decay: each in [-0.5, 0.5)) for a note, drawn at once (a generator costs
        more to make than a take's wave; kept: a score has few notes)."""
        if midi not in self.draws:
            rng = np.random.default_rng(stable_seed(self.seed, "note", midi))
            self.draws[midi] = (rng.normal(0.0, NOTE_DRIFT_CENTS, NOTE_TAKES),
                                even_phases(rng, NOTE_TAKES, 2),
                                rng.random((NOTE_TAKES, 2)) - 0.5)
        return self.draws[midi]


def _take(key: tuple[int, int]) -> int:
    """Which take a played note is, from its step number and repeat: a different one for
    every note within NOTE_TAKES / MAX_REPEATS steps (4 minutes at 8 steps a second), in a
    scattered order (an odd stride). Drawn by a hash, two notes a minute apart could be one
    take (the CRC's low bits: Panic in the diner's accented root 44 s apart, 0.27 on
    `analysis.strict_repetition`; by chance, 0.24), and one loud note replayed decides it."""
    number, repeat = key
    return ((number * MAX_REPEATS + repeat) * TAKE_STRIDE) % NOTE_TAKES


def attack_rms(note: np.ndarray, sample_rate: int) -> float:
    """How loud a note's first ATTACK_S are (rms; a floor for silence)."""
    attack = note[:max(1, round(ATTACK_S * sample_rate))]
    return max(float(np.sqrt(np.mean(attack * attack))), 1e-9)


def even_phases(rng: np.random.Generator, takes: int, oscillators: int) -> np.ndarray:
    """Start phases (takes, oscillators) in cycles: each oscillator's spread evenly round the
    cycle over the takes (one in each 1/takes of it, in a random order). Drawn freely, a
    note's takes could bunch near one phase, and its notes then sound alike: one seed's
    Panic sequence measured 0.24 on `analysis.repetition`, where others read 0.08-0.12."""
    slots = np.stack([rng.permutation(takes) for _ in range(oscillators)], axis=1)
    return (slots + rng.random((takes, oscillators))) / takes
