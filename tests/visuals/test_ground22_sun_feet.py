"""In the afternoon sun the couple's shadows start at their feet (at 15:30 they began some
pixels below them, so Harry and Julie seemed to hover over the path)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeutil import parse_clock

from .helpers import shipped_crowd, shipped_picture

SIZE = (960, 540)
SCENE = "Harry meets Julie"
AT = "15:30"
LUMA = np.array([0.3, 0.59, 0.11])
ROWS = (-3, 0)  # the rows just under the soles they show (pixels from their feet line)
HALF = 0.03  # the feet's columns: this many heights either side of the feet
BESIDE = 0.25  # the path beside them: this many heights either side (clear of each other)
DARKER = 25.0  # the ground just under the soles darker than the open path beside them (its
#                brighter side) by at least this much


def test_the_couples_sun_shadows_begin_under_their_soles() -> None:
    crowd = shipped_crowd(SCENE, SIZE)
    frame = crowd.frame(parse_clock(AT))
    luma = pygame.surfarray.array3d(shipped_picture(AT, SIZE)).astype(float) @ LUMA
    people = [(member, one.height * member.share) for one in crowd.layers
              if one.params["body"] in ("harry", "julie") for member in one.members(frame)]
    assert len(people) == 2
    for member, tall in people:
        x, y = round(member.feet[0]), round(member.feet[1])
        half, off = max(1, round(HALF * tall)), round(BESIDE * tall)
        rows = slice(y + ROWS[0], y + ROWS[1])
        under = float(luma[x - half:x + half + 1, rows].mean())
        beside = max(float(luma[x - off - half:x - off + half + 1, rows].mean()),
                     float(luma[x + off - half:x + off + half + 1, rows].mean()))
        assert under <= beside - DARKER, f"at {x, y}: under {under:.1f}, beside {beside:.1f}"
