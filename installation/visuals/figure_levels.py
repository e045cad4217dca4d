"""Large people seen in perspective drawn at a few heights, not only their largest: someone
shrinking up a room is shrunk each frame from the nearest height drawn above their own (a
sprite drawn a third smaller costs half as much to draw, and to shrink)."""

from __future__ import annotations

import math
from dataclasses import replace

from installation.visuals.figure_depth import Depth
from installation.visuals.figure_sprite import Look
from installation.visuals.skeleton import Point

LEVEL = 0.84  # each height drawn is this share of the one above it (shrunk from one no more
#               than ~1.19 times taller: as crisp as a shrink from the largest, and no jump in
#               size where one gives way to the next, their sizes worked out alike)
LEVELS_FROM = 400  # only for sprites this tall (pixels) or taller: the diner's rush at 04:23
LOWEST = 0.3  # no level below this share of the largest


def level_of(share: float) -> float:
    """The height (a share of the largest) someone at `share` is drawn at: the smallest
    level at or above it (1 for the largest)."""
    if share >= 1.0:
        return 1.0
    steps = math.floor(math.log(max(share, LOWEST)) / math.log(LEVEL) + 1e-9)
    return float(LEVEL**steps)


class Levelled:
    """The heights a layer's people are drawn at along its path (its largest, `height`
    pixels, alone unless that is LEVELS_FROM or more and the path goes nearer or further),
    and each look at each of them."""

    def __init__(self, depth: Depth, points: list[Point], height: int) -> None:
        self.levels: tuple[float, ...] = (1.0,)
        if not depth.flat and height >= LEVELS_FROM:
            lowest = level_of(min(depth.share(y) for _, y in points))
            self.levels = tuple(LEVEL**k for k in range(1 + round(math.log(lowest, LEVEL))))
        self._looks: dict[tuple[Look, float], Look] = {}

    def at(self, look: Look, share: float) -> tuple[Look, float]:
        """Someone of `look` at `share` of the largest: the look drawn at their level, and the
        share of that they are shown at (the same size either way)."""
        if len(self.levels) == 1:
            return look, share
        level = level_of(share)
        drawn = self._at_level(look, level)
        return drawn, share * look.height / drawn.height

    def looks(self, look: Look) -> list[Look]:
        """The look at every level someone on the path is drawn at (for drawing ahead)."""
        return [self._at_level(look, level) for level in self.levels]

    def _at_level(self, look: Look, level: float) -> Look:
        if level >= 1.0:
            return look
        found = self._looks.get((look, level))
        if found is None:
            found = self._looks[(look, level)] = replace(
                look, height=max(4, round(look.height * level))
            )
        return found
