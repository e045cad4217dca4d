"""On a light ground a caption's shade follows its letters: the pale sky darkens right round
them, and a short way off (between the stamp and the words, past a short line's end, round the
block) it is as it was: no grey slab over the picture (on main the band reached a letter height
and more round the words, a dirty smudge over the pale morning at 10:44 and the counter at
04:22:40, a palm's reflection running through it)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.halo import squared_distance_to_ink

from .helpers import NO_POST, draw, layer, one_scene

PALE = layer("sky", top="#c8c8c8", bottom="#c8c8c8", stars=0, sun=False, clouds=0)
WIDE = (960, 540)
LETTER = 0.06  # letter height, as a share of the picture
CLOSE = 0.25  # letter heights: the sky this near the letters is darkened...
DARKER = 40  # ...by this many levels at least, somewhere (the letters read)
AWAY = 1.0  # letter heights: the sky this far from every letter...
LEFT = 3  # ...is darkened by this many levels at most


def test_the_shade_darkens_next_to_the_letters_and_leaves_the_sky_a_little_way_off() -> None:
    words = layer("caption", text="The sun comes back. The calf is alone on the shore, still "
                  "calling.", place="La Brea Tar Pits — morning", x=0.07, y=0.8, delay=0,
                  speed=200, size=LETTER)
    frame = draw(one_scene(PALE + words + NO_POST), "12:00:05", size=WIDE)
    level = pygame.surfarray.array3d(frame)[..., 0].astype(int)
    sky = level[-1, 0]
    letter = LETTER * WIDE[1]
    ink = level > sky + 2  # the letters are lighter than the pale sky
    apart = np.sqrt(squared_distance_to_ink(ink, round(2 * letter))) / letter
    darkening = sky - level
    assert darkening[(apart > 0.05) & (apart < CLOSE)].max() >= DARKER, "dark by the letters"
    away = darkening[apart >= AWAY]
    assert away.max() <= LEFT, f"{away.max()} levels darker {AWAY} letter heights off"
