"""Every cue type a curator can place on the timeline, with its keys."""

from __future__ import annotations

from installation.core.params import Param, choice, number, text

SYNTH_SOUNDS = ("payphone", "siren", "rumble", "impact", "helicopter", "calf", "glass", "murmur",
                "wind", "rumbles", "boom")

CUES: dict[str, tuple[Param, ...]] = {
    "sound": (
        Param("synth", choice(*SYNTH_SOUNDS), None, "a synthesized one-shot sound"),
        Param("file", text(), None, "a curator's sound file (wav, ogg, mp3, flac)"),
        Param("level", number(0, 1), 0.7, "loudness 0 to 1"),
        Param("pan", number(-1, 1), 0.0, "left -1 to right 1"),
        Param("reverb", number(0, 1), 0.3, "how much of it goes into the reverb, 0 to 1"),
    ),
    "flash": (
        Param("seconds", number(0.1, 120), 6.0, "how long the white takes to fade"),
    ),
    "caption": (
        Param("text", text(), None, "words to type onto the wall"),
        Param("seconds", number(1, 600), 12.0, "how long they stay, in real seconds"),
    ),
    "mark": (),
}
