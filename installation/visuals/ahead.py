"""Drawn ahead: a picture kept for a key that changes now and then (the light, a stretch of
story time) is made for the next key on a spare, a piece a frame, and handed over when that key
comes, so no frame makes it all at once."""

from __future__ import annotations

from collections.abc import Callable, Generator, Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Made = TypeVar("Made")


class Ahead(Generic[Key, Made]):
    """Makes the picture of an upcoming key in pieces with `make(key)` (which draws on the
    owner's spare and returns what it made); `take(key)` hands it over once made.

    It keeps no reference to its owner between pieces of work (the owner passes `make` each
    time): a layer and its Ahead form no cycle, so a scene's layers and their large surfaces
    are freed as soon as the scene is dropped, not at the next full garbage collection."""

    def __init__(self) -> None:
        self._making: tuple[Key, Generator[None, None, Made]] | None = None
        self._ready: tuple[Key, Made] | None = None
        self._stepped: object = None  # the frame that made the last piece

    def step(self, frame: object, upcoming: Key, shown: Key | None,
             make: Callable[[Key], Generator[None, None, Made]]) -> None:
        """One piece (once a frame) of the picture for `upcoming`, unless it is the one shown
        or made already; a new key starts over on the spare."""
        if frame is self._stepped or shown is None:
            return
        self._stepped = frame
        if upcoming == shown or (self._ready is not None and self._ready[0] == upcoming):
            return
        if self._making is None or self._making[0] != upcoming:
            self._ready = None  # the spare is painted over
            self._making = (upcoming, make(upcoming))
        try:
            next(self._making[1])
        except StopIteration as done:
            self._ready, self._making = (upcoming, done.value), None

    def close(self) -> None:
        """Drop the picture being made and the one made (the owner is going)."""
        if self._making is not None:
            self._making[1].close()
        self._making = self._ready = None
        self._stepped = None

    def peek(self, key: Key) -> Made | None:
        """What was made ahead for `key`, if it was (kept: `take` hands it over)."""
        if self._ready is None or self._ready[0] != key:
            return None
        return self._ready[1]

    def take(self, key: Key) -> Made | None:
        """What was made ahead for `key` (handed over: the owner swaps its spare), or None."""
        if self._ready is None or self._ready[0] != key:
            return None
        made, self._ready = self._ready[1], None
        return made
