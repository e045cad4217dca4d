"""Holds the show cannot help, seen from outside it: the machine not running (a process of
the harness wakes late), the show's process not running at all (its processor time stops
while it should be drawing 60 frames a second), or a thread on the sound's way (the show's,
the sound server's, the recorder's) kept waiting for a processor while it was ready to run
(its run-queue wait in /proc/<pid>/task/<tid>/schedstat: on a shared 2-core machine at load
15 a thread may get a tenth of a processor for seconds, which no show can play through)."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TICK_S = 0.05  # how often the watcher looks
LATE_S = 0.3  # the watcher woke this much late: the machine did not run it
STILL_S = 0.5  # the show used no processor for this long: its process was held
STARVED_WINDOW_S = 1.0  # a thread ready to run that waited for a processor
STARVED_S = 0.5  # this long within that window was starved by the machine (idle: ~0 s)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
VMSTAT_KEYS = ("compact_stall", "thp_fault_alloc", "thp_fault_fallback", "pgmajfault",
               "allocstall_normal", "allocstall_movable")


@dataclass(frozen=True)
class Hold:
    """A stretch of real time (time.time()) in which the show could not run."""

    start: float
    end: float
    what: str  # "machine", "show" or "starved" (a thread on the sound's way)
    who: tuple[str, ...] = ()  # the starved threads ('show:SDLAudioP2', 'server:...')

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


def run_queue_waits(pids: tuple[int, ...]) -> dict[int, float]:
    """Seconds each thread of these processes has waited, ready to run, for a processor."""
    waits: dict[int, float] = {}
    for pid in pids:
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in threads:
            try:
                waits[int(tid)] = int(Path(f"/proc/{pid}/task/{tid}/schedstat")
                                      .read_text().split()[1]) / 1e9
            except (OSError, IndexError, ValueError):
                continue
    return waits


def starved(earlier: dict[int, float], now: dict[int, float]) -> list[int]:
    """The threads that waited at least STARVED_S for a processor between two readings."""
    return [tid for tid, wait in now.items() if tid in earlier and wait - earlier[tid] >= STARVED_S]


def thread_name(pids: dict[int, str], tid: int) -> str:
    """'process:thread' for a thread of one of `pids` (their names by pid), e.g.
    'show:SDLAudioP2'; '?' once it is gone."""
    for pid, owner in pids.items():
        try:
            return f"{owner}:{Path(f'/proc/{pid}/task/{tid}/comm').read_text().strip()}"
        except OSError:
            continue
    return "?"


@dataclass
class HoldWatch:
    """Watches, on a thread of the harness, for holds of the machine and of the show."""

    pid: int
    also: tuple[int, ...] = ()  # other processes on the sound's way: the server, the recorder
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
        waits: list[tuple[float, dict[int, float]]] = []  # the last window's readings
        while not self._stop.wait(TICK_S):
            now, cpu = time.time(), cpu_seconds(self.pid)
            waits = self._look_for_starving(waits, now)
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

    def _look_for_starving(self, waits: list[tuple[float, dict[int, float]]],
                           now: float) -> list[tuple[float, dict[int, float]]]:
        """Add this tick's run-queue waits; a thread starved over the window is a hold of the
        window (merged with one it overlaps). The readings still inside the window."""
        waits = [(at, seen) for at, seen in waits if at >= now - STARVED_WINDOW_S]
        reading = run_queue_waits((self.pid, *self.also))
        # The show's main thread draws the picture: never idle, on a busy machine it always
        # waits for a processor, and its wait holds up no sound (SDL's audio thread needs no
        # interpreter lock; the worker keeps 3 s queued): seen at load 8, a 'starved' stretch
        # over the whole run.
        reading.pop(self.pid, None)
        threads = starved(waits[0][1], reading) if waits else []
        if threads:
            start = waits[0][0]
            owners = dict(zip((self.pid, *self.also), ("show", "server", "recorder"), strict=False))
            who = tuple(thread_name(owners, tid) for tid in threads)
            last = self.holds[-1] if self.holds else None
            if last is not None and last.what == "starved" and last.end >= start:
                merged = last.who + tuple(name for name in who if name not in last.who)
                self.holds[-1] = Hold(last.start, now, "starved", merged)
            else:
                self.holds.append(Hold(start, now, "starved", who))
        return [*waits, (now, reading)]

    def explaining(self, start: float, length: float, before: float, slack: float) -> Hold | None:
        """A hold under way within `before` seconds ahead of real time `start` (what the
        sound server holds plays on first) or `slack` after it (the recording's times are
        known to that), at least `length` long from then on (it silences at most its own
        length). A starved stretch is merged from the one-second windows it is seen in: a
        gap in its middle is explained as by the window there."""
        for hold in self.holds:
            begun = max(hold.start, start - before)
            if begun <= start + slack and hold.end - begun >= length:
                return hold
        return None
