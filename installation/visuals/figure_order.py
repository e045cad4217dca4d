"""People of several figures layers of one scene drawn together in depth: whoever's feet are
lower in the picture (nearer) is drawn over whoever's are higher, whichever layer they are in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from installation.visuals.base import Frame, Layer

if TYPE_CHECKING:
    from installation.visuals.figures import Cars, Figures, Member

Entry = tuple[str, Mapping[str, Any], Layer | None]  # a layer's type, keys, and the layer


@dataclass(frozen=True)
class Unit:
    """Who is drawn at one depth: one person, or a layer's people drawn in parts (arms round
    each other: its pairs drawn as one)."""

    row: float  # the nearest one's feet, pixels down the picture
    layer: Figures
    members: tuple[Member, ...]
    cars: Cars


def draw_together(surface: pygame.Surface, layers: Sequence[Figures], frame: Frame) -> None:
    """The people of `layers` at this frame: what lies under them all first (each layer's
    window and reflections), then each one nearest last (a tie in layer order)."""
    units: list[Unit] = []
    for layer in layers:
        members, cars = layer.under(surface, frame)
        if len(layer.parts) > 1 and members:  # drawn in parts: all at once
            units.append(Unit(max(m.feet[1] for m in members), layer, tuple(members), cars))
            continue
        units.extend(Unit(m.feet[1], layer, (m,), cars) for m in members)
    for unit in sorted(units, key=lambda unit: unit.row):
        for part in unit.layer.parts:
            for member in unit.members:
                unit.layer.draw_member(surface, member, part, unit.cars)


def joined(entries: Sequence[Entry]) -> dict[int, list[int]]:
    """Which entries draw together (the first of each run of them: the run's entries): runs
    of figures layers one after the other, each drawn plainly at the same depth and none in a
    lit window (whose room lies under its people, behind everyone outside)."""
    runs: dict[int, list[int]] = {}
    run: list[int] = []
    for n, entry in enumerate([*entries, ("", {}, None)]):
        if run and _joins(entries[run[0]], entry):
            run.append(n)
            continue
        if len(run) > 1:
            runs[run[0]] = run
        run = [n] if _joins(entry, entry) else []
    return runs


def _joins(first: Entry, entry: Entry) -> bool:
    """Can `entry` be drawn together with a run that begins with `first`?"""
    kind, params, layer = entry
    return (kind == "figures" and layer is not None and params.get("window") is None
            and params.get("opacity", 1.0) >= 1.0 and params.get("blend", "normal") == "normal"
            and params.get("depth", 0.0) == first[1].get("depth", 0.0))
