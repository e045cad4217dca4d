"""Warn once per distinct message: a fault that repeats every frame is told once."""

from __future__ import annotations

from installation.core.types import Warn

MAX_REMEMBERED = 1000  # distinct messages remembered; past this the oldest may be told again


class WarnOnce:
    """A warning function that passes each distinct message on to `warn` only the first time."""

    def __init__(self, warn: Warn, limit: int = MAX_REMEMBERED) -> None:
        self._warn = warn
        self._limit = limit
        self._told: dict[str, None] = {}

    def __call__(self, message: str) -> None:
        if message in self._told:
            return
        if len(self._told) >= self._limit:
            del self._told[next(iter(self._told))]
        self._told[message] = None
        self._warn(message)

    def told(self, message: str) -> bool:
        """Has this message been passed on already?"""
        return message in self._told
