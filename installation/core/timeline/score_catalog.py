"""Every part of a scene's score a curator can write, with its keys. Shared with the audio."""

from __future__ import annotations

from installation.core.notes import Step, chord, division, note, notes, pattern, scale
from installation.core.params import Param, choice, integer, list_of, number

PAD_PRESETS = ("strings", "choir", "glass", "drone", "pwm")
WAVES = ("saw", "pulse")

LEVEL = Param("level", number(0, 1), 0.5, "loudness of this part, 0 to 1")
REVERB = Param("reverb", number(0, 1), 0.5, "how much of it goes into the reverb, 0 to 1")
CUTOFF_DOC = "filter cutoff in Hz: lower is darker"
SWEEP_TO = Param("sweep_to", number(40, 16000), None,
                 "cutoff in Hz the filter moves to over the scene (leave out for no sweep)")
SWEEP_SECONDS = Param("sweep_seconds", number(0, 86400), 0.0,
                      "real seconds the sweep takes; 0 = the whole scene")
RESONANCE_DOC = "filter resonance 0 to 1 (0.25 is a gentle peak, 0.8 whistles)"

D_MINOR = (50, 53, 57)  # D3 F3 A3
D_MINOR_SEVENTH = (50, 53, 57, 60)  # D3 F3 A3 C4
D2 = 38
MAX_CHORDS = 16

VOICES: dict[str, tuple[Param, ...]] = {
    "pad": (
        Param("preset", choice(*PAD_PRESETS), "strings", "the sound"),
        Param("chord", chord(), D_MINOR, "a chord symbol like \"Dm9\" or notes like \"D3 A3 F4\""),
        Param("octave", number(-3, 3), 0, "shift the whole chord by octaves"),
        Param("cutoff", number(40, 16000), 1400.0, CUTOFF_DOC),
        SWEEP_TO,
        SWEEP_SECONDS,
        Param("resonance", number(0, 0.95), 0.2, RESONANCE_DOC),
        Param("lfo_rate", number(0, 2), 0.05, "speed of the slow filter movement in Hz"),
        Param("lfo_depth", number(0, 3), 0.4, "size of the slow filter movement in octaves"),
        Param("progression", list_of(chord(), "chords", 1, MAX_CHORDS), None,
              "chords that follow `chord` in turn, like [\"Bbmaj7\", \"Gm9\"], then back"),
        Param("chord_seconds", number(2, 3600), 24.0,
              "real seconds each chord of a progression is held"),
        Param("attack", number(0, 60), 2.5, "seconds the pad takes to swell in"),
        Param("detune", number(0, 50), 10.0, "spread of the stacked oscillators in cents"),
        REVERB,
        LEVEL,
    ),
    "sequence": (
        Param("notes", notes(), D_MINOR_SEVENTH, "the notes the sequence picks from"),
        Param("scale", scale(), None, "or a scale to pick from, like \"D dorian\""),
        Param("pattern", pattern(), None,
              "steps like \"1 5 8^ . 3! 5*2\" (leave out to walk up the notes)"),
        Param("division", division(), 4, "step length: \"1/8\" or \"1/16\""),
        Param("bpm", number(40, 240), 120, "tempo in beats per minute"),
        Param("bpm_to", number(40, 240), None,
              "tempo it speeds up (or slows) to over the sweep (leave out to keep time)"),
        Param("octave", number(-3, 3), 0, "shift every note by octaves"),
        Param("wave", choice(*WAVES), "saw", "oscillator shape"),
        Param("pulse_width", number(0.05, 0.95), 0.3, "pulse width for wave = \"pulse\""),
        Param("pwm", number(0, 0.45), 0.0,
              "how much wider each pulse note starts, narrowing as it decays (PWM)"),
        Param("cutoff", number(40, 16000), 500.0, CUTOFF_DOC + " (where each note ends up)"),
        SWEEP_TO,
        SWEEP_SECONDS,
        Param("env", number(0, 6), 2.5, "how far each note opens the filter, in octaves"),
        Param("decay", number(0.01, 2), 0.14, "seconds the filter takes to close on each note"),
        Param("resonance", number(0, 0.95), 0.25, RESONANCE_DOC),
        Param("gate", number(0.05, 1), 0.55, "how much of each step the note holds"),
        Param("accent", number(0, 1), 0.5, "how much louder and brighter accented steps are"),
        Param("drop", number(0, 1), 0.0, "chance that a step drops out in a bar, 0 to 1"),
        Param("ratchet", number(0, 1), 0.0, "chance that a step repeats quickly, 0 to 1"),
        Param("mutate", number(0, 1), 0.0,
              "chance that a step plays a neighbouring note instead, every two bars"),
        Param("jump", number(0, 1), 0.0,
              "chance that a step jumps an octave (mostly up), every two bars"),
        Param("transpose", list_of(number(-24, 24), "semitones", 1, MAX_CHORDS), None,
              "semitones the pattern moves by in turn, like [0, 0, 5, 3]"),
        Param("transpose_bars", integer(1, 64), 4, "bars between two moves of `transpose`"),
        Param("echo", number(0, 1), 0.35, "how much tape echo, 0 to 1"),
        Param("reverb", number(0, 1), 0.25, "how much of it goes into the reverb, 0 to 1"),
        LEVEL,
    ),
    "drone": (
        Param("note", note(), D2, "the held note"),
        Param("fifth", number(0, 1), 0.5, "how much of the fifth above, 0 to 1"),
        Param("cutoff", number(40, 8000), 260.0, CUTOFF_DOC),
        Param("movement", number(0, 1), 0.5, "how much the drone breathes, 0 to 1"),
        Param("drift", number(0, 60), 28.0, "how far its oscillators wander off pitch, in cents"),
        Param("attack", number(0, 60), 6.0, "seconds it takes to swell in"),
        REVERB,
        LEVEL,
    ),
    "noise": (
        Param("color", choice("white", "pink", "brown"), "pink", "the colour of the noise"),
        Param("cutoff", number(40, 16000), 3000.0, CUTOFF_DOC),
        Param("wind", number(0, 1), 0.3, "how much the noise gusts, 0 to 1"),
        Param("reverb", number(0, 1), 0.2, "how much of it goes into the reverb, 0 to 1"),
        LEVEL,
    ),
}

__all__ = ["VOICES", "PAD_PRESETS", "WAVES", "Step"]
