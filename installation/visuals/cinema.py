"""The cinema near the viewer on the boulevard (the El Rey, 1936): a marquee over the sidewalk
with its show in letters, lit along its edges at night, and a tall blade sign with the
theatre's name, both facing the viewer. After the late show the marquee and its bulbs go dark
until the next dusk; the name's neon on the blade stays lit."""

from __future__ import annotations

from installation.visuals.base import Color
from installation.visuals.shop_signs import Lettering, laid
from installation.visuals.storefronts import Piece, Project, Wall, ink

NAME, SHOW = "ELREY", "LATE SHOW"
# In the street's world units: how far the marquee reaches out over the sidewalk, its foot and
# top; the blade sign over it.
OUT, LOW, HIGH = 0.42, 0.28, 0.5
EDGE = 0.025  # the lit strip along the marquee's top and foot
BLADE_OUT, BLADE_WIDE, BLADE_LOW = 0.04, 0.08, 0.55  # the blade: from the wall, wide, its foot
LETTER_HIGH = 0.16  # one letter's height up the blade
LETTER_GAP = 0.015
INSET = 0.15  # the show's letters keep this share of the marquee's face clear at each end
BULBS = (255, 222, 160)
SHOW_INK, NAME_INK = (255, 214, 140), (255, 86, 60)
SHOW_OVER, NOON = 2.0, 12.0  # story hours: the marquee is dark from the late show's end to noon


def show_lit(hour: float) -> bool:
    """Is the marquee lit at this story hour (0..24), as far as the show goes? (The night
    lights it: by day it is dark anyway.)"""
    return not SHOW_OVER <= hour % 24.0 < NOON


def cinema(project: Project, wall: Wall, lettering: Lettering, z: float) -> list[Piece]:
    """The marquee and the blade sign on `wall`, at `z` along it."""
    inner, outer = wall.side * wall.x, wall.side * (wall.x - OUT)

    def face(x0: float, x1: float, low: float, high: float, at: float = z) -> list[tuple[int,
                                                                                      int]]:
        """A face towards the viewer: its top-left, top-right, bottom-right, bottom-left."""
        left, right = sorted((x0, x1))
        return [project(left, at, high), project(right, at, high), project(right, at, low),
                project(left, at, low)]

    def side_of(x: float, low: float, high: float) -> list[tuple[int, int]]:
        """The marquee's side along the street at `x`, back to the wall's end."""
        return [project(x, z, low), project(x, z + OUT, low), project(x, z + OUT, high),
                project(x, z, high)]

    pieces = [Piece("board", side_of(outer, LOW, HIGH)),
              Piece("board", face(inner, outer, LOW, HIGH)),
              Piece("bulbs", face(inner, outer, HIGH - EDGE, HIGH), BULBS, 1.0),
              Piece("bulbs", face(inner, outer, LOW, LOW + EDGE), BULBS, 1.0),
              Piece("bulbs", side_of(outer, HIGH - EDGE, HIGH), BULBS, 0.8),
              Piece("bulbs", side_of(outer, LOW, LOW + EDGE), BULBS, 0.8)]
    span = OUT * (1 - 2 * INSET)
    pieces += _letters(lettering, SHOW, face(outer + wall.side * OUT * INSET,
                                             outer + wall.side * (OUT * INSET + span),
                                             LOW + 2 * EDGE, HIGH - 2 * EDGE), SHOW_INK,
                       marquee=True)
    blade_in, blade_out = wall.side * (wall.x - BLADE_OUT), wall.side * (wall.x - BLADE_OUT
                                                                          - BLADE_WIDE)
    top = BLADE_LOW + len(NAME) * (LETTER_HIGH + LETTER_GAP) + LETTER_GAP
    pieces.append(Piece("board", face(blade_in, blade_out, BLADE_LOW, top)))
    pieces.append(Piece("bulbs", face(blade_in, blade_out, top - EDGE, top), BULBS, 1.0))
    for n, letter in enumerate(NAME):
        high = top - LETTER_GAP - n * (LETTER_HIGH + LETTER_GAP)
        pieces += _letters(lettering, letter, face(blade_in, blade_out, high - LETTER_HIGH,
                                                   high), NAME_INK)
    return pieces


def _letters(lettering: Lettering, text: str, quad: list[tuple[int, int]], color: Color,
             marquee: bool = False) -> list[Piece]:
    """`text` laid on `quad` in `color`'s ink, or the marquee's (lit with the show), nothing if
    it is too small to letter."""
    made = laid(lettering.alpha(text), quad)
    if made is None:
        return []
    if marquee:
        return [Piece("marquee", [made[1]], color, mask=made[0])]
    return [Piece(ink(color), [made[1]], mask=made[0])]
