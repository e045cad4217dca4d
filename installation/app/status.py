"""The status file: a JSON snapshot of the running show, replaced atomically every few seconds."""

from __future__ import annotations

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
    """Writes the snapshot every `interval` seconds; a failing disk is reported once, not fatal."""

    def __init__(self, path: Path, interval: float = STATUS_INTERVAL,
                 monotonic: TimeFn = time.monotonic) -> None:
        self.path = path
        self.interval = interval
        self.monotonic = monotonic
        self._next = -math.inf
        self.failing = ""  # the error while writes fail, else empty
        self.writes = 0

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
            write_atomically(self.path, json.dumps(data, indent=2, sort_keys=True,
                                                   default=str) + "\n")
        except OSError as exc:
            if not self.failing:
                log.error("cannot write the status file %s (%s: %s); the show goes on",
                          self.path, type(exc).__name__, exc)
            self.failing = f"{type(exc).__name__}: {exc}"
            return False
        if self.failing:
            log.warning("the status file %s is written again", self.path)
            self.failing = ""
        self.writes += 1
        return True

    def _remove_stale_temps(self) -> None:
        """Temp files left by a run killed in the middle of a write."""
        for stale in _stale_temps(self.path):
            stale.unlink(missing_ok=True)


def _stale_temps(path: Path) -> list[Path]:
    own = f".{path.name}.{os.getpid()}.tmp"
    return [p for p in path.parent.glob(f".{path.name}.*.tmp") if p.name != own]


def read_status(path: Path) -> dict[str, Any]:
    """The last status snapshot (for doctor, tests and operators' scripts)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a status snapshot")
    return data
