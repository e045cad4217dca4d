"""Every part of a scene's score a curator can write, with its keys. Shared with the audio."""

from __future__ import annotations

from ..params import Param, choice, number, text

LEVEL = Param("level", number(0, 1), 0.5, "loudness of this part, 0 to 1")

VOICES: dict[str, tuple[Param, ...]] = {
    "pad": (
        Param("preset", choice("strings", "choir", "glass", "drone"), "strings", "the sound"),
        Param("chord", text(), "Dm", "a chord symbol like \"Dm9\" or notes like \"D3 A3 F4\""),
        LEVEL,
    ),
    "sequence": (
        Param("notes", text(), "D3 F3 A3 C4", "the notes the sequence walks through"),
        Param("bpm", number(40, 240), 120, "tempo in beats per minute"),
        LEVEL,
    ),
    "drone": (
        Param("note", text(), "D2", "the held note"),
        LEVEL,
    ),
    "noise": (
        Param("color", choice("white", "pink", "brown"), "pink", "the colour of the noise"),
        LEVEL,
    ),
}
