"""Letters of the shipped Hershey script redrawn where the 1967 drawing misreads across a room:
its capital J (an entry stroke rising through the stem and an exit stroke crossing it at the
baseline: on Johnie's sign it read "fohnie's"), its small s (a cusp and a tail: "Johnie'r") and
its apostrophe (set in a letter's room, 6 units of it empty before the tick: "Johnie ' s")."""

from __future__ import annotations

Stroke = tuple[tuple[float, float], ...]  # one pen-down path, in Hershey units (y down)
Glyph = tuple[tuple[Stroke, ...], float, float]  # its strokes, its advance, its left edge

SCRIPT_FILE = "HersheyScript-Simplex.jhf"  # the shipped script these letters belong to

# The J: a cap arching over from the left and ending where the stem begins (a cap running on
# past the stem made a T of it), then one stem slanting down as the script's
# letters slant, through the baseline (9) and curling to the lower left into a hook that turns
# back up (within the em's foot, where the letter's picture ends); nothing crosses the stem (a
# crossing at the baseline made it an f).
J_CAP: Stroke = ((-8.0, -8.0), (-7.0, -10.3), (-5.0, -11.9), (-2.2, -12.8), (1.0, -13.1),
                 (3.6, -13.0), (5.5, -12.5))
J_STEM: Stroke = ((5.5, -12.5), (5.0, -8.0), (4.0, -2.0), (3.0, 3.0), (1.8, 9.0), (0.4, 12.6),
                  (-1.6, 15.4), (-4.0, 16.8), (-6.6, 16.8), (-8.6, 15.4), (-9.4, 13.2),
                  (-8.8, 11.0))
J: Glyph = ((J_CAP, J_STEM), 16.0, -9.0)

# The s: the script's own (a cusp rising from the left, then a tail run out to the right along
# the baseline) read as an r or a z on the fallen sign, seen foreshortened across the room. Here
# a sign painter's s in one stroke, slanting as the script's letters slant: from a hooked end at
# the upper right over a round head to the left, a spine down to the right and a full round
# belly back to the left, ending turned up at the lower left (no lead-in: it follows the
# apostrophe; a lead-in closing on the head read as a 6).
S_STROKE: Stroke = ((4.4, 1.2), (3.6, -0.3), (1.8, -1.1), (-0.2, -0.9), (-1.6, 0.2),
                    (-1.8, 1.8), (-0.6, 3.3), (1.6, 4.5), (3.3, 5.7), (3.9, 7.1),
                    (3.3, 8.5), (1.5, 9.4), (-1.0, 9.5), (-3.0, 8.8), (-4.0, 7.6))
S: Glyph = ((S_STROKE,), 11.0, -6.0)

# The apostrophe: the script's own tick, set tight between the letters it joins (the shipped one
# stands in an 11-unit room, 6 of them empty before it: a letter's gap either side of it).
# Its ink starts APOSTROPHE_IN after the pen, and the pen moves on as far past it.
APOSTROPHE_STROKE: Stroke = ((3.0, -10.0), (2.0, -11.0), (3.0, -12.0), (4.0, -11.0), (4.0, -10.0),
                             (3.0, -8.0), (1.0, -6.0))
APOSTROPHE_IN = 0.8
APOSTROPHE: Glyph = ((APOSTROPHE_STROKE,), 3.0 + 2 * APOSTROPHE_IN, 1.0 - APOSTROPHE_IN)

REDRAWN: dict[str, Glyph] = {"J": J, "s": S, "'": APOSTROPHE}


def redrawn(file_name: str, glyphs: dict[str, Glyph]) -> dict[str, Glyph]:
    """`glyphs` read from the font file `file_name`, with this module's letters in place of
    the shipped script's own (a curator's own Hershey font is left as drawn)."""
    return {**glyphs, **REDRAWN} if file_name == SCRIPT_FILE else glyphs
