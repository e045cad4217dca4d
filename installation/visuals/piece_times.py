"""How long building ahead takes: a piece, guessed from where it starts; a scene, shared out.

A scene is built in pieces between frames; each piece runs from one pause of the building
to the next. Pieces that start at the same pause (the same line of the same step: the next
band of a plane, the next sprites of a walker) take alike, and the same pauses come back in
every scene, so the guess for the next piece is what the last ones from its place took; a
place not seen yet gets the longer of the last two pieces.

How much a frame builds is its share of the scene's building (`Shares`): what the whole build
took the last time, spread over the frames left, or a lean share while that is not known.
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


LEAN_SHARE_SECONDS = 0.003  # a frame's building while the scene's whole build is not known:
# 0.18 of a 60 fps frame (~2.6 ms built, pieces stopping short of it: the flash's ~3.6-4 s of
# building fits in ~25 s of the coyote's 40 s scene, idle or loaded, before any hurry)
HURRY_SECONDS = 8.0  # closer than this to its deadline, an unknown build's share grows
SPARE = 1.5  # a known build is spread as if it took this much longer (it may, under load)
FRAME_SECONDS = 1.0 / 60.0


class Shares:
    """What building each scene took the last time, so that a frame builds its share of
    what is left (keyed by whatever names the scene: its place in the day)."""

    def __init__(self) -> None:
        self._took: dict[Hashable, float] = {}

    def share(self, scene: Hashable, spent: float, seconds_left: float) -> float:
        """The seconds of building a frame takes on for `scene`, `spent` seconds built so
        far, with `seconds_left` of real time to finish in: what is left of its last build
        spread over the frames left; if that is not known (never built, or this build has
        taken longer already), LEAN_SHARE_SECONDS, growing in the last HURRY_SECONDS (as
        much again at half of them, and so on)."""
        seconds_left = max(seconds_left, FRAME_SECONDS)
        left = self._took.get(scene, 0.0) - spent
        if left > 0.0:
            return SPARE * left * FRAME_SECONDS / seconds_left
        return LEAN_SHARE_SECONDS * max(1.0, HURRY_SECONDS / seconds_left)

    def built(self, scene: Hashable, seconds: float) -> None:
        """`scene`'s building is done: it took `seconds` in all."""
        self._took[scene] = seconds
