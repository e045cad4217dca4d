"""A cache of bounded size that forgets the entry used longest ago."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Bounded(Generic[K, V]):
    """At most `size` entries; using or adding one makes it the newest, the oldest goes first.

    `on_evict` is told of each value dropped (to reuse a large surface, say)."""

    def __init__(self, size: int, on_evict: Callable[[V], None] | None = None) -> None:
        if size < 1:
            raise ValueError(f"a bounded cache holds at least one entry; got {size}")
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._on_evict = on_evict

    def get(self, key: K) -> V | None:
        """The value for `key` (now the newest), or None."""
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> V:
        """Keep `value` as the newest entry, dropping the oldest past the bound."""
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            _key, old = self._items.popitem(last=False)
            if self._on_evict is not None:
                self._on_evict(old)
        return value

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        """The value for `key`, made (and kept) if it is not there."""
        value = self.get(key)
        return self.put(key, make()) if value is None else value

    def pop_oldest(self) -> V:
        """Take the oldest entry out and return its value."""
        return self._items.popitem(last=False)[1]

    def pop(self, key: K) -> V | None:
        return self._items.pop(key, None)

    def clear(self) -> None:
        self._items.clear()

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[K]:
        return iter(list(self._items))
