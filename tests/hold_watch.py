"""Holds the show cannot help, seen from outside it: the machine not running (a process of
the harness wakes late) or the show's process not running at all (its processor time stops
while it should be drawing 60 frames a second)."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TICK_S = 0.05  # how often the watcher looks
LATE_S = 0.3  # the watcher woke this much late: the machine did not run it
STILL_S = 0.5  # the show used no processor for this long: its process was held
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
VMSTAT_KEYS = ("compact_stall", "thp_fault_alloc", "thp_fault_fallback", "pgmajfault",
               "allocstall_normal", "allocstall_movable")


@dataclass(frozen=True)
class Hold:
    """A stretch of real time (time.time()) in which the show could not run."""

    start: float
    end: float
    what: str  # "machine" or "show"

    @property
    def length(self) -> float:
        return self.end - self.start


def cpu_seconds(pid: int) -> float | None:
    """Processor seconds the process has used (user and system), None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def steal_seconds() -> float:
    """Processor seconds the hypervisor gave to others, all processors (0 off a VM)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()
        return int(fields[8]) / CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return 0.0


def vmstat() -> dict[str, int]:
    """The kernel's memory counters that tell of stalls (compaction, reclaim)."""
    counts: dict[str, int] = {}
    try:
        for line in Path("/proc/vmstat").read_text().splitlines():
            key, _, value = line.partition(" ")
            if key in VMSTAT_KEYS:
                counts[key] = int(value)
    except OSError:
        pass
    return counts


@dataclass
class HoldWatch:
    """Watches, on a thread of the harness, for holds of the machine and of the show."""

    pid: int
    holds: list[Hold] = field(default_factory=list)
    steal: float = 0.0  # seconds stolen by the hypervisor while watched
    memory: dict[str, int] = field(default_factory=dict)  # vmstat counters' growth
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name="hold-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5.0)

    def _watch(self) -> None:
        steal, memory = steal_seconds(), vmstat()
        last, used = time.time(), cpu_seconds(self.pid)
        used_at = last  # when the show's processor time last moved
        while not self._stop.wait(TICK_S):
            now, cpu = time.time(), cpu_seconds(self.pid)
            if now - last > TICK_S + LATE_S:
                self.holds.append(Hold(last, now, "machine"))
            if cpu is None:
                break
            if used is None or cpu > used:
                if now - used_at > STILL_S + TICK_S:
                    self.holds.append(Hold(used_at, now, "show"))
                used, used_at = cpu, now
            last = now
        self.steal = steal_seconds() - steal
        after = vmstat()
        self.memory = {key: after[key] - memory.get(key, 0) for key in after}

    def explaining(self, start: float, length: float, before: float, slack: float) -> Hold | None:
        """A hold at least `length` long (it silences at most its own length) begun within
        `before` seconds ahead of real time `start` (what the sound server holds plays on
        first) or `slack` after it (the recording's times are known to that)."""
        for hold in self.holds:
            if hold.length >= length and start - before <= hold.start <= start + slack:
                return hold
        return None
