"""At the diner's glass (05:13) the room's light falls on the coyote from above and behind: its
back, the top of its near flank and its head warmer and lighter than its belly and legs, under
its rim, its outline as it was (its coat was one dim tawny-grey fill: review 24 #5)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeutil import parse_clock

from .helpers import shipped_crowd

SCENE = "A coyote in the empty diner"
AT = "05:13:00"  # walking on along the glass, in profile
SIZE = (960, 540)  # (its sprite is drawn for this picture: ~50 px long)
INSIDE = 250  # its pixels at least this opaque: its coat, clear of its smoothed edge
BELOW_RIM = 4  # pixels down from its top edge in each column: clear of the rim
FLANK = (4, 8)  # rows of its coat looked at, this far down from its top edge in each column
LIGHTER = 20  # its flank's brightness over its belly's (the lowest coat under it), at least
WARMER = 10  # and its red over its blue by this much more than the belly's


def _column_parts(coat: np.ndarray) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """In each column of the coat (indexed [x, y]) the pixels of its flank (FLANK rows down
    from its top edge) and of its belly (the last pixels of the first stretch, if deep)."""
    flank, belly = [], []
    for x in range(coat.shape[0]):
        ys = np.flatnonzero(coat[x])
        if ys.size < FLANK[1] + 6:
            continue
        top = ys[0]
        stretch = ys[:np.argmax(np.diff(np.append(ys, ys[-1] + 2)) > 1) + 1]  # (first run)
        if stretch.size < FLANK[1] + 6:
            continue
        flank += [(x, y) for y in range(top + FLANK[0], top + FLANK[1])]
        belly += [(x, int(y)) for y in stretch[-3:]]
    return flank, belly


def test_the_room_light_falls_warm_on_its_back_and_flank_not_its_belly() -> None:
    crowd = shipped_crowd(SCENE, SIZE)
    frame = crowd.frame(parse_clock(AT))
    (layer, member), = [(one, m) for one in crowd.layers if one.params["body"] == "coyote"
                        for m in one.members(frame)]
    sprite, _ = layer.sprites.get(member.pose, member.phase, member.left, member.look,
                                  member.turn)
    rgb = pygame.surfarray.array3d(sprite).astype(float)
    coat = pygame.surfarray.array_alpha(sprite) >= INSIDE
    flank, belly = _column_parts(coat)
    assert len(flank) >= 40 and len(belly) >= 15, (len(flank), len(belly))
    lit = np.array([rgb[p] for p in flank])
    dark = np.array([rgb[p] for p in belly])
    over = lit.max(axis=1).mean() - dark.max(axis=1).mean()
    warmer = (lit[:, 0] - lit[:, 2]).mean() - (dark[:, 0] - dark[:, 2]).mean()
    assert over >= LIGHTER, f"its flank {over:.0f} over its belly"
    assert warmer >= WARMER, f"its flank's warmth {warmer:.0f} over its belly's"
