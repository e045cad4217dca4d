"""Whether a walking or running layer's people can show standing: they stand only at their
path's ends (waiting to set off, or arrived), so where both ends lie out of the picture their
standing sprites are never drawn (see Sprites.wanted), nor drawn ahead."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from installation.visuals.figure_sprite import Look
from installation.visuals.poses import MOVING

if TYPE_CHECKING:
    from installation.visuals.figures import Figures

Shows = Callable[[str, float, bool, Look], bool]  # pose, phase, facing, look: can it show?


def standing_shows(layer: Figures, jostle_span: float, start: bool = True) -> Shows | None:
    """A test of whether a sprite of someone standing in `layer` can show, at either end of
    its path (or only its last, without `start`), wandering as far as they jostle
    (`jostle_span` heights at jostle 1) either way; None where they may stand anywhere else
    too (or cast a shadow or a reflection, or turn their heads: kept whole)."""
    p = layer.params
    if (p["pose"] not in MOVING or p["speed"] <= 0 or layer.depth.total <= 0 or p["led"]
            or p["shadow"] or layer.wobble is not None or p["body"] == "coyote"):
        return None
    ends = []
    for distance in (0.0, layer.depth.total)[0 if start else 1:]:
        (x, y), _ = layer.path.at(layer.depth.along(distance))
        share = layer.depth.share(y)
        wander = p["jostle"] * layer.height * share * jostle_span / 2
        ends += [((x - wander, y), share), ((x + wander, y), share)]

    def shows(name: str, phase: float, left: bool, look: Look) -> bool:
        return any(layer.sprites.wanted(name, phase, left, look, 0.0, feet, share, layer.area)
                   for feet, share in ends)
    return shows
