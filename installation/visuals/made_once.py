"""Pictures the layers of more than one scene make alike (the flash's and the ash's smoke), made
once while any scene holds them, and the last few made kept on after (the same scenes come back
the next day): the rest are kept by weak reference, so they go with the last scene that used
them (the show runs for weeks: nothing piles up). Pictures made from what names them by value
(the mammoths' drawings in all their poses, the oil on the tar) are kept on a shelf of their own,
the last few dozen used."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Generator, Hashable
from typing import Any, TypeVar

import pygame

from installation.core.cache import Bounded

Made = TypeVar("Made")
KEPT = 8  # the pictures made last kept when no scene holds them: a day's smoke textures (the
# flash's and the ash's three kinds of column, the tar pits' far columns) and their flames,
# 37 MB at 1920x1080 (7 of them); each took up to 1 s of building, again every day when let go
PICTURES = 64  # pictures kept on a shelf of their own (see `picture`): a day's mammoths in all
# their poses, the calves, the bull, the palms and the oil on the tar (51, 55 MB at 1920x1080),
# each 10-400 ms of building (a tar-pit scene's ~1 s of its ~1.7), made again on its next visit


class MadeOnce:
    """A compositor's shared pictures, by what shapes them (the key: everything they depend on,
    so a timeline loaded with another seed or size never finds another's)."""

    def __init__(self, kept: int = KEPT, pictures: int = PICTURES) -> None:
        self._made: weakref.WeakValueDictionary[Hashable, Any] = weakref.WeakValueDictionary()
        self._kept: Bounded[Hashable, Any] = Bounded(kept)  # the last used, held on
        self._pictures: Bounded[Hashable, pygame.Surface] = Bounded(pictures)
        self.makes = 0  # how many were made, not found (the tests count them)

    def get(self, key: Hashable, make: Callable[[], Generator[None, None, Made]],
            keep: bool = True) -> Generator[None, None, Made]:
        """What `key` names, found if a living scene holds it or it was used lately, else made
        (in `make`'s pieces); the caller must keep it as long as it uses it. Unless `keep`,
        it is not kept on when no scene holds it (a picture cheap to make again beside the
        smoke's: not to push those out)."""
        found: Made | None = self._made.get(key)
        if found is None:
            made = yield from make()
            self.makes += 1
            found = self._made.setdefault(key, made)  # another made it meanwhile: share theirs
        if keep:
            self._kept.put(key, found)
        return found

    def picture(self, key: Hashable, make: Callable[[], Generator[None, None, pygame.Surface]]
                ) -> Generator[None, None, pygame.Surface]:
        """The picture `key` names (all it is made from: see pen.drawing_key), found on the
        pictures' shelf, else made (in `make`'s pieces) and kept there, the PICTURES used last:
        a copy of its own to each caller (a figure's finishing paints on it: its rim, its
        stone)."""
        found = self._pictures.get(key)
        if found is None:
            found = yield from make()
            self.makes += 1
            self._pictures.put(key, found)
        return found.copy()

    def __len__(self) -> int:
        return len(self._made)
