"""How long a piece of building ahead will take, guessed from where it starts.

A scene is built in pieces between frames; each piece runs from one pause of the building
to the next. Pieces that start at the same pause (the same line of the same step: the next
band of a plane, the next sprites of a walker) take alike, and the same pauses come back in
every scene, so the guess for the next piece is what the last ones from its place took; a
place not seen yet gets the longer of the last two pieces.
"""

from __future__ import annotations

from collections.abc import Generator, Hashable
from typing import Any

Place = Hashable  # where a piece starts (see `place_of`)


def place_of(pieces: Generator[Any, Any, Any] | None) -> Place:
    """Where a paused building goes on from: the innermost step it waits in, as its code and
    line (None if it has not started or is done)."""
    place: Place = None
    step: Any = pieces  # a generator, or what it yields from
    while step is not None and getattr(step, "gi_frame", None) is not None:
        frame = step.gi_frame
        place = (frame.f_code, frame.f_lineno)
        step = getattr(step, "gi_yieldfrom", None)
    return place


class PieceTimes:
    """The seconds the last two pieces took from each place, and the last two overall."""

    def __init__(self) -> None:
        self._last = (0.0, 0.0)
        self._at: dict[Place, tuple[float, float]] = {}

    def guess(self, place: Place) -> float:
        """How long a piece starting at `place` will take: the longer of the last two from
        there, or of the last two of all if none started there yet."""
        return max(self._at.get(place, self._last))

    def took(self, place: Place, seconds: float) -> None:
        """A piece that started at `place` took `seconds`."""
        self._last = (self._last[1], seconds)
        before = self._at.get(place)
        self._at[place] = (seconds, seconds) if before is None else (before[1], seconds)
