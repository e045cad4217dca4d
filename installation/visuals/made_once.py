"""Pictures the layers of more than one scene make alike (the flash's and the ash's smoke), made
once while any scene holds them: kept by weak reference, so they go with the last scene that
used them (the show runs for weeks: nothing piles up)."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Generator, Hashable
from typing import Any, TypeVar

Made = TypeVar("Made")


class MadeOnce:
    """A compositor's shared pictures, by what shapes them (the key)."""

    def __init__(self) -> None:
        self._made: weakref.WeakValueDictionary[Hashable, Any] = weakref.WeakValueDictionary()
        self.makes = 0  # how many were made, not found (the tests count them)

    def get(self, key: Hashable,
            make: Callable[[], Generator[None, None, Made]]) -> Generator[None, None, Made]:
        """What `key` names, found if a living scene holds it, else made (in `make`'s pieces);
        the caller must keep it as long as it uses it."""
        found: Made | None = self._made.get(key)
        if found is not None:
            return found
        made = yield from make()
        self.makes += 1
        kept: Made = self._made.setdefault(key, made)  # another made it meanwhile: share theirs
        return kept

    def __len__(self) -> int:
        return len(self._made)
