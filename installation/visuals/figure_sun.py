"""A rim light from the sun's side: which edge of a figure it catches, as the sun crosses the
sky (from the left, from the right, or from behind them, both edges), for the looks of a layer
lit by the sun (rim_from "sun")."""

from __future__ import annotations

from bisect import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.base import HOUR, Setup
from installation.visuals.figure_sprite import Look
from installation.visuals.palette import sun_position

# The sides, in order of where the sun is from them, left to right: (the rim comes from the
# left, from behind them too: both edges lit, the far one dimmer). Within BEHIND of a figure
# (picture widths across) the sun is behind them: both edges catch it, the nearer one more.
SIDES: tuple[tuple[bool, bool], ...] = ((True, False), (True, True), (False, True),
                                        (False, False))
BEHIND = 0.03
EDGES = (-BEHIND, 0.0, BEHIND)  # where one side gives way to the next (the sun's x less theirs)
DOWN = SIDES[2]  # the sun down: lit from behind, both edges (the left dimmer)
SAMPLE = 60.0  # story seconds between the looks at the sun, working out where it goes


def side_at(hour: float, x: float) -> tuple[bool, bool]:
    """The side a figure at `x` (share of the picture's width) is lit from at `hour`."""
    sun = sun_position(hour)
    if sun is None:
        return DOWN
    return SIDES[bisect(EDGES, sun[0] - x)]


def sides_over(start: float, span: float, xs: tuple[float, float]) -> list[tuple[bool, bool]]:
    """Every side a figure between xs[0] and xs[1] (shares of the width) can be lit from over
    `span` story seconds from `start`, in SIDES' order."""
    low, high = xs
    seen: set[tuple[bool, bool]] = set()
    for n in range(int(span // SAMPLE) + 2):
        hour = ((start + min(span, n * SAMPLE)) / HOUR) % 24.0
        found = {side_at(hour, low), side_at(hour, high)}
        seen |= set(SIDES[min(map(SIDES.index, found)):max(map(SIDES.index, found)) + 1])
    return [side for side in SIDES if side in seen]


def lit_looks(look: Look, sides: Iterable[tuple[bool, bool]]) -> dict[tuple[bool, bool], Look]:
    """The look lit from each of `sides`."""
    return {side: replace(look, rim_left=side[0], rim_both=side[1]) for side in sides}


@dataclass(frozen=True)
class SunLooks:
    """One person's looks lit from each side the sun can be on while they are seen (`lit`)."""

    lit: Mapping[tuple[bool, bool], Look]

    @classmethod
    def over(cls, look: Look, seen: tuple[float, float],
             xs: tuple[float, float]) -> SunLooks:
        """For someone seen over `seen` (a story time, and story seconds from it) between
        xs[0] and xs[1] (shares of the picture's width)."""
        return cls(lit_looks(look, sides_over(seen[0], seen[1], xs)))


def scene_span(setup: Setup, start: float | None = None,
               until: float | None = None) -> tuple[float, float]:
    """When something in the scene is seen (story time it appears, and for how many story
    seconds): from `start` to `until`, else from the scene's start to the next scene's (a
    scene alone is seen all day)."""
    scene = setup.scene
    begins = scene.at if start is None else start
    if until is None:
        until = setup.timeline.after(scene).at
    return begins, forward(begins, until) or DAY_SECONDS


def span_share(span: tuple[float, float], story_time: float) -> float:
    """How far through a span (see scene_span) story time is, 0 to 1 (1 after it)."""
    return min(1.0, forward(span[0], story_time) / span[1])


def layer_span(setup: Setup, params: Mapping[str, Any]) -> tuple[float, float]:
    """When a layer is seen: its `from` and `until` (see scene_span)."""
    return scene_span(setup, params["from"], params["until"])
