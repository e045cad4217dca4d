"""The small types every layer shares: a time source and a warning sink."""

from __future__ import annotations

from collections.abc import Callable

TimeFn = Callable[[], float]  # a time source: wall (time.time) or monotonic, named by its user
Warn = Callable[[str], None]  # where a problem the show survives is reported, one line each
