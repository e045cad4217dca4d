"""The status file: a JSON snapshot of the running show, replaced atomically every few seconds."""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from installation.core.types import TimeFn

STATUS_FILE = "status.json"
STATUS_INTERVAL = 2.0  # real seconds between writes

log = logging.getLogger("installation.status")


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` so a reader sees the old file or the new one, never half."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
    except OSError:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
        raise


class StatusWriter:
    """Writes the snapshot every `interval` seconds; a failing disk is reported once, not fatal,
    and once the file can be written again it says when it could not, and why (`unwritten`):
    a monitoring script can tell a show that stopped from a disk that was full."""

    def __init__(self, path: Path, interval: float = STATUS_INTERVAL,
                 monotonic: TimeFn = time.monotonic, wall: TimeFn = time.time) -> None:
        self.path = path
        self.interval = interval
        self.monotonic = monotonic
        self.wall = wall
        self._next = -math.inf
        self.failing = ""  # the error while writes fail, else empty
        self.writes = 0
        self._failed_since: float | None = None  # wall time of the first write that failed
        self._missed = 0  # writes that failed in this spell
        self.unwritten: dict[str, Any] | None = None  # the last spell of failed writes

    def due(self) -> bool:
        return self.monotonic() >= self._next

    def maybe_write(self, snapshot: Callable[[], Mapping[str, Any]]) -> bool:
        """Write if the interval has passed (the snapshot is only built then)."""
        if not self.due():
            return False
        return self.write(snapshot())

    def write(self, data: Mapping[str, Any]) -> bool:
        """Write now; False (and one log line per failure spell) if the disk refuses."""
        self._next = self.monotonic() + self.interval
        try:
            if not self.writes:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._remove_stale_temps()
            gap = self.unwritten if self._failed_since is None else self._spell()
            told = {**data, "unwritten": gap} if gap else data  # only once it has happened
            write_atomically(self.path, json.dumps(told, indent=2, sort_keys=True,
                                                   default=str) + "\n")
        except OSError as exc:
            if not self.failing:
                log.error("cannot write the status file %s (%s: %s); the show goes on",
                          self.path, type(exc).__name__, exc)
                self._failed_since = self.wall()
            self.failing = f"{type(exc).__name__}: {exc}"
            self._missed += 1
            return False
        if self.failing:
            self.unwritten = self._spell()
            log.warning("the status file %s is written again (it could not be from %s to %s: "
                        "%d writes missed, %s)", self.path, *(self.unwritten[key] for key in (
                            "from", "until", "missed_writes", "error")))
            self.failing, self._failed_since, self._missed = "", None, 0
        self.writes += 1
        return True

    def _spell(self) -> dict[str, Any]:
        """The spell of failed writes that ends with this write."""
        return {"from": format_wall(self._failed_since), "until": format_wall(self.wall()),
                "missed_writes": self._missed, "error": self.failing}

    def _remove_stale_temps(self) -> None:
        """Temp files left by a run killed in the middle of a write."""
        for stale in _stale_temps(self.path):
            stale.unlink(missing_ok=True)


def _stale_temps(path: Path) -> list[Path]:
    own = f".{path.name}.{os.getpid()}.tmp"
    return [p for p in path.parent.glob(f".{path.name}.*.tmp") if p.name != own]


def format_wall(wall: float | None) -> str | None:
    """A wall time as the operator reads it in the status file: local ISO time, to the second."""
    if wall is None:
        return None
    return dt.datetime.fromtimestamp(wall).astimezone().isoformat(timespec="seconds")


def read_status(path: Path) -> dict[str, Any]:
    """The last status snapshot (for doctor, tests and operators' scripts)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a status snapshot")
    return data
