"""The cinema's bent blade on Wilshire under ash reads as a solid sheet of burnt iron standing
in front of the charred walls: darker than the walls behind it wherever it crosses them (at
their greys the walls' roofline and window bands ran on across it: the ruins seemed to show
through it), the same across their light and dark bands, its edge lit on the light's side, and
its shadow on the wall."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.street_char import charred_over

SIZE = (400, 300)
BANDS = ((30, 30, 28), (48, 46, 44))  # the charred walls' dark and lit bands, as at 07:00
BAND = 20  # rows a band
ENAMEL = (26, 31, 30)  # the blade's face as scorched (its turquoise most of the way to the
# ruins' colour), before its char
BLADE = pygame.Rect(150, 40, 50, 220)  # where it stands on the picture
DARKER = 8  # its face: this many grey levels under the walls' darkest band at least
SAME = 1  # ... and the same over their light and dark bands as over the dark alone, within this
RIM_OVER = 30  # its lit edge: this much lighter than its face at least
SHADOW_UNDER = 10  # the wall just right of it, in its shadow: this much darker than the wall


def _grey(picture: np.ndarray) -> np.ndarray:
    return np.asarray(picture.astype(float).mean(axis=-1))


def _laid(banded: bool = True) -> np.ndarray:
    """The banded wall (or its dark band alone) with the blade laid over it, as an (x, y,
    rgb) array."""
    image = pygame.Surface(SIZE)
    for top in range(0, SIZE[1], BAND):
        image.fill(BANDS[(top // BAND) % 2 if banded else 0], (0, top, SIZE[0], BAND))
    drawn = pygame.Surface(BLADE.size, pygame.SRCALPHA)
    drawn.fill((*ENAMEL, 255))
    charred_over(image, drawn, BLADE.topleft)
    return pygame.surfarray.array3d(image)


def test_the_blade_is_solid_iron_darker_than_the_walls_with_a_lit_edge_and_a_shadow() -> None:
    picture = _laid()
    inner = BLADE.inflate(-12, -12)
    face = _grey(picture[inner.left:inner.right, inner.top:inner.bottom])
    wall = min(sum(band) / 3 for band in BANDS)
    assert np.median(face) <= wall - DARKER, f"its face {np.median(face)}, the wall {wall}"
    plain = _grey(_laid(banded=False)[inner.left:inner.right, inner.top:inner.bottom])
    through = float(np.abs(face - plain).max())
    assert through <= SAME, f"the wall's bands show through its face: {through} apart"
    rim = _grey(picture[BLADE.left, inner.top:inner.bottom])
    assert np.median(rim) >= np.median(face) + RIM_OVER, "no lit edge towards the light"
    beside = _grey(picture[BLADE.right + 1:BLADE.right + 3, inner.top:inner.bottom])
    clear = _grey(picture[BLADE.right + 40:BLADE.right + 42, inner.top:inner.bottom])
    assert beside.mean() <= clear.mean() - SHADOW_UNDER, "it casts no shadow on the wall"
