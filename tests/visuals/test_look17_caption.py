"""A caption sits on the picture as film subtitles do: the shade round its words follows the
lines and falls off with the distance from the letters, with no box round them (on d3fc999b
the band was a rounded box as wide as the longest line: past a short last line and the short
stamp the sky far from any letter was as dark as next to them)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.halo import squared_distance_to_ink

from .helpers import NO_POST, draw, layer, one_scene

PALE = layer("sky", top="#c8c8c8", bottom="#c8c8c8", stars=0, sun=False, clouds=0)
WIDE = (960, 540)
LETTER = 0.06  # letter height, as a share of the picture
FAR = 1.5  # letter heights from every letter beyond which the sky is as it was
LEFT = 6  # levels of darkening allowed there (the last of the fall-off)
CLOSE = 0.3  # letter heights: the sky this near the letters is darkened
DARKER = 30  # by this many levels at least, somewhere


def levels() -> np.ndarray:
    """A caption with a short stamp and a short last line, typed in full over an even pale
    sky, as levels of its red."""
    words = layer("caption", text="The sun comes back. The calf is alone on the shore, still "
                  "calling.", place="Tar pits", x=0.07, y=0.8, delay=0, speed=200,
                  size=LETTER)
    frame = draw(one_scene(PALE + words + NO_POST), "12:00:05", size=WIDE)
    return pygame.surfarray.array3d(frame)[..., 0].astype(int)


def test_the_shade_falls_off_with_the_distance_from_the_letters_with_no_box() -> None:
    level = levels()
    sky = level[-1, 0]
    letter = LETTER * WIDE[1]
    ink = level > sky + 2  # the letters are lighter than the pale sky
    reach = round(3 * letter)
    apart = np.sqrt(squared_distance_to_ink(ink, reach)) / letter
    darkening = sky - level
    assert darkening[(apart > 0.05) & (apart < CLOSE)].max() > DARKER, "dark round the words"
    far = apart > FAR
    assert darkening[far].max() <= LEFT, "nothing far from the letters: no box's corners"
    bands = [darkening[(apart > low) & (apart <= low + 0.25)].mean()
             for low in np.arange(0.25, FAR, 0.25)]
    assert all(a >= b for a, b in zip(bands, bands[1:], strict=False)), \
        ("the shade lessens with the distance from the letters", bands)
