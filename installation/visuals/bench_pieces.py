"""`bench --pieces SCENE`: what building a scene ahead costs, piece by piece, by where each starts
(the largest first): which layer's pieces are too big for a frame's room, and how big."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from installation.core.timeline import Timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace
from installation.core.types import TimeFn, Warn
from installation.visuals.compositor import Compositor
from installation.visuals.layers import load_all
from installation.visuals.piece_times import Place
from installation.visuals.render import headless

ROWS = 15  # places listed, the largest pieces first


@dataclass(frozen=True)
class PlaceCost:
    """The pieces that started at one place of a scene's building: where, how many, their
    largest and their sum (seconds)."""

    where: str
    count: int
    largest: float
    total: float


def where(place: Place) -> str:
    """A place as a reader finds it: file:line (function), or 'start' for the first piece."""
    if not isinstance(place, tuple) or len(place) != 2 or not hasattr(place[0], "co_name"):
        return "start" if place is None else str(place)
    code, line = place
    return f"{code.co_filename.rsplit('/', 1)[-1]}:{line} ({code.co_name})"


def scene_pieces(timeline: Timeline, scene: Scene, pace: Pace | None, size: tuple[int, int],
                 clock: TimeFn, warn: Warn = print) -> list[PlaceCost]:
    """Build `scene` ahead, a piece at a time as frames would, each timed by `clock`; the
    places its pieces started at, the one with the largest piece first. Every layer's module
    is loaded first, as the show loads them once its first frame is up: no piece waits on an
    import (the Ash's first list had a 41 ms piece at scene_layers.py, imports alone)."""
    headless()
    load_all()
    compositor = Compositor(timeline, size, warn, pace, timer=clock)
    built = compositor._layers(scene)  # noqa: SLF001 - the building ahead's own handle
    took: dict[str, list[float]] = defaultdict(list)
    while not built.ready:
        place, started = where(built.place), clock()
        built.step()
        took[place].append(clock() - started)
    rows = [PlaceCost(place, len(times), max(times), sum(times)) for place, times in took.items()]
    return sorted(rows, key=lambda row: -row.largest)


def pieces_table(name: str, rows: list[PlaceCost], limit: int = ROWS) -> str:
    """The scene's building in lines: its total, then the places with the largest pieces."""
    total = sum(row.total for row in rows)
    count = sum(row.count for row in rows)
    lines = [f"{name}: {count} pieces, {total * 1000:.0f} ms of building in all",
             f"{'largest':>9}{'sum':>10}{'pieces':>8}   where (ms)"]
    lines += [f"{row.largest * 1000:>9.1f}{row.total * 1000:>10.1f}{row.count:>8}   {row.where}"
              for row in rows[:limit]]
    return "\n".join(lines)


def day_pieces(timeline: Timeline, pace: Pace | None, size: tuple[int, int], clock: TimeFn,
               warn: Warn = print) -> list[list[tuple[str, float]]]:
    """Each scene's building ahead as the show does it, in day order with one compositor (the
    pictures scenes make alike made once, the scene two back let go first, the dissolve or
    wipe a scene arrives by and its first frame drawn ahead after a cut): for each scene, in
    order, where each piece started and the seconds it took (timed by `clock`); every layer's
    module loaded first (see `scene_pieces`)."""
    headless()
    load_all()
    compositor = Compositor(timeline, size, warn, pace, timer=clock)
    ahead = compositor.ahead
    day: list[list[tuple[str, float]]] = []
    for number, scene in enumerate(timeline.scenes):
        shown = timeline.scenes[number - 1]
        ahead._going += compositor.gone_by(state_at(timeline, shown.at, pace))  # noqa: SLF001
        upcoming, kind = compositor._layers(scene), scene.transition.type  # noqa: SLF001
        pieces: list[tuple[str, float]] = []
        while not ahead._built_ahead(upcoming, kind):  # noqa: SLF001
            place = where(ahead._place(upcoming, kind))  # noqa: SLF001
            pieces.append((place, ahead._build_piece(upcoming, kind)))  # noqa: SLF001
        day.append(pieces)
    return day
