"""Pitch for curators: note names, chord symbols, scales and step patterns (pure, no pygame)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from installation.core.params import Invalid, Parser

A4_HZ = 440.0
A4_MIDI = 69
DEFAULT_CHORD_OCTAVE = 3
MAX_STEPS = 64
MAX_RATCHET = 4

_PITCH = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_NOTE = re.compile(r"^([A-Ga-g])([#b]?)(-?\d)$")
_ROOT = re.compile(r"^([A-G])([#b]?)(.*)$")

# Chord qualities: intervals in semitones above the root.
CHORDS: dict[str, tuple[int, ...]] = {
    "": (0, 4, 7), "maj": (0, 4, 7), "m": (0, 3, 7), "min": (0, 3, 7),
    "5": (0, 7, 12), "sus2": (0, 2, 7), "sus4": (0, 5, 7), "dim": (0, 3, 6), "aug": (0, 4, 8),
    "6": (0, 4, 7, 9), "m6": (0, 3, 7, 9), "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11),
    "m7": (0, 3, 7, 10), "m7b5": (0, 3, 6, 10), "dim7": (0, 3, 6, 9),
    "9": (0, 4, 7, 10, 14), "maj9": (0, 4, 7, 11, 14), "m9": (0, 3, 7, 10, 14),
    "add9": (0, 4, 7, 14), "madd9": (0, 3, 7, 14), "m11": (0, 3, 7, 10, 14, 17),
    "7sus4": (0, 5, 7, 10),
}

SCALES: dict[str, tuple[int, ...]] = {
    "major": (0, 2, 4, 5, 7, 9, 11), "minor": (0, 2, 3, 5, 7, 8, 10),
    "dorian": (0, 2, 3, 5, 7, 9, 10), "phrygian": (0, 1, 3, 5, 7, 8, 10),
    "lydian": (0, 2, 4, 6, 7, 9, 11), "mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "harmonic-minor": (0, 2, 3, 5, 7, 8, 11),
    "pentatonic": (0, 3, 5, 7, 10), "major-pentatonic": (0, 2, 4, 7, 9),
}

CHORD_EXPECTED = "a chord like \"Dm9\" or notes like \"D3 A3 F4\""
NOTES_EXPECTED = "notes like \"D3 F3 A3 C4\""
NOTE_EXPECTED = "a note like \"D2\" or \"F#3\""
SCALE_EXPECTED = "a scale like \"D dorian\" or \"A minor\""
PATTERN_EXPECTED = ("steps like \"1 5 8^ . 3! 5*2\" (numbers pick notes; . rests, ^ octave up, "
                    "_ octave down, ! accent, *2 ratchet)")


def midi_to_hz(midi: float) -> float:
    """Frequency of a MIDI note number (A4 = 69 = 440 Hz)."""
    return A4_HZ * 2.0 ** ((midi - A4_MIDI) / 12.0)


def parse_note_name(word: str) -> int | None:
    """MIDI number of a note like 'D3', 'F#2', 'Bb4'; None if it is not one."""
    match = _NOTE.match(word.strip())
    if not match:
        return None
    letter, accidental, octave = match.groups()
    semis = _PITCH[letter.upper()] + {"#": 1, "b": -1, "": 0}[accidental]
    midi = (int(octave) + 1) * 12 + semis
    return midi if 0 <= midi <= 127 else None


def parse_chord_symbol(word: str, octave: int = DEFAULT_CHORD_OCTAVE) -> tuple[int, ...] | None:
    """MIDI notes of a chord symbol like 'Dm9', 'F#sus4', 'Bbmaj7'; None if unknown."""
    match = _ROOT.match(word.strip())
    if not match:
        return None
    letter, accidental, quality = match.groups()
    intervals = CHORDS.get(quality)
    if intervals is None:
        return None
    root = (octave + 1) * 12 + _PITCH[letter] + {"#": 1, "b": -1, "": 0}[accidental]
    return tuple(root + i for i in intervals)


def _note_list(value: Any) -> tuple[int, ...] | None:
    words = value.split() if isinstance(value, str) else value if isinstance(value, list) else None
    if not words or not all(isinstance(w, str) for w in words):
        return None
    notes = [parse_note_name(w) for w in words]
    return None if any(n is None for n in notes) else tuple(n for n in notes if n is not None)


def chord() -> Parser:
    """A chord symbol ("Dm9") or notes ("D3 A3 F4", or a list) -> MIDI note numbers."""

    def parse(value: Any) -> tuple[int, ...]:
        if isinstance(value, str) and len(value.split()) == 1:
            symbol = parse_chord_symbol(value)
            if symbol is not None:
                return symbol
        notes = _note_list(value)
        if notes is None:
            raise Invalid(CHORD_EXPECTED, _chord_hint(value))
        return notes

    return parse


def _chord_hint(value: Any) -> str:
    if isinstance(value, str) and len(value.split()) == 1 and not _ROOT.match(value.strip()):
        return "A chord starts with a note letter A to G, then # or b, then a quality."
    return "Chord qualities: " + ", ".join(q or "(major)" for q in CHORDS) + "."


def notes() -> Parser:
    """Notes ("D3 F3 A3", or a list of names) -> MIDI note numbers."""

    def parse(value: Any) -> tuple[int, ...]:
        parsed = _note_list(value)
        if parsed is None:
            raise Invalid(NOTES_EXPECTED, "Write a letter, an optional # or b, and an octave.")
        return parsed

    return parse


def note() -> Parser:
    """One note ("D2") -> its MIDI note number."""

    def parse(value: Any) -> int:
        midi = parse_note_name(value) if isinstance(value, str) else None
        if midi is None:
            raise Invalid(NOTE_EXPECTED)
        return midi

    return parse


def scale() -> Parser:
    """A scale "D dorian" (root with optional octave, then a mode) -> MIDI notes of one octave."""

    def parse(value: Any) -> tuple[int, ...]:
        words = value.split() if isinstance(value, str) else []
        if len(words) != 2 or words[1].lower() not in SCALES:
            hint = "Scales: " + ", ".join(SCALES) + "."
            raise Invalid(SCALE_EXPECTED, hint)
        root_word = words[0] if words[0][-1].isdigit() else words[0] + str(DEFAULT_CHORD_OCTAVE)
        root = parse_note_name(root_word)
        if root is None:
            raise Invalid(SCALE_EXPECTED)
        return tuple(root + i for i in SCALES[words[1].lower()])

    return parse


@dataclass(frozen=True)
class Step:
    """One step of a sequence: which note (None = rest), octave shift, accent, repeats."""

    degree: int | None
    octave: int = 0
    accent: bool = False
    ratchet: int = 1


_STEP = re.compile(r"^(\d{1,2})([\^_!]*)(?:\*([1-4]))?([\^_!]*)$")


def pattern() -> Parser:
    """Steps "1 5 8^ . 3! 5*2" -> Step tuples (degrees count from 1)."""

    def parse(value: Any) -> tuple[Step, ...]:
        words = value.split() if isinstance(value, str) else []
        if not words or len(words) > MAX_STEPS:
            raise Invalid(PATTERN_EXPECTED, f"Write 1 to {MAX_STEPS} steps.")
        steps = []
        for word in words:
            if word in (".", "-"):
                steps.append(Step(None))
                continue
            match = _STEP.match(word)
            if not match or int(match.group(1)) < 1:
                raise Invalid(PATTERN_EXPECTED, f"'{word}' is not a step.")
            marks = match.group(2) + match.group(4)
            octave = marks.count("^") - marks.count("_")
            steps.append(Step(int(match.group(1)) - 1, octave, "!" in marks,
                              int(match.group(3) or 1)))
        return tuple(steps)

    return parse


def division() -> Parser:
    """Step length "1/8" or "1/16" -> steps per beat."""

    def parse(value: Any) -> int:
        table = {"1/4": 1, "1/8": 2, "1/16": 4}
        if value not in table:
            raise Invalid("\"1/8\" or \"1/16\" (or \"1/4\")")
        return table[value]

    return parse


def degree_to_midi(pool: tuple[int, ...], degree: int, octave: int) -> int:
    """The note a step degree picks from a pool, climbing octaves past its end."""
    up, index = divmod(degree, len(pool))
    return pool[index] + 12 * (up + octave)
