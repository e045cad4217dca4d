"""Hot reload by polling: a changed timeline or config is taken up, a broken one never is."""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from installation.core.config import Config, build_config
from installation.core.errors import ConfigError, InstallationError, Problem
from installation.core.timeline import Timeline, parse_timeline
from installation.core.tomlsource import parse_toml
from installation.core.types import TimeFn

POLL_SECONDS = 0.25  # how often the files are looked at
SETTLE_SECONDS = 0.6  # a file that does not parse is re-read for this long before it is bad
LIVE_KEYS = {
    "audio": ("volume",),
    "display": ("overlay",),
    "logging": ("level",),
    "hours": "*",
    "controls": "*",  # the show reads its keys at each key press
}

T = TypeVar("T")
Reader = Callable[[Path], str]
StatFn = Callable[[Path], os.stat_result]
log = logging.getLogger("installation.reload")


@dataclass(frozen=True)
class Stamp:
    """What tells a changed file apart without reading it: inode, size and modification time."""

    inode: int
    size: int
    mtime_ns: int


UNSEEN = Stamp(-1, -1, -1)  # no file has this stamp: the next poll reads it afresh


def stamp_of(path: Path, stat: StatFn = os.stat) -> Stamp | None:
    """The file's stamp, or None while it is missing (an editor renaming over it)."""
    try:
        info = stat(path)
    except OSError:
        return None
    return Stamp(info.st_ino, info.st_size, info.st_mtime_ns)


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A change that was taken up (`value`) or refused (`report`, the full error text)."""

    value: T | None = None
    report: str = ""

    @property
    def ok(self) -> bool:
        return self.value is not None


class FileWatch(Generic[T]):
    """Polls one file; a new version is handed over once it has kept still for one poll and
    parses, or reported once it has stayed broken for `settle` seconds (so a half-written save
    is neither taken up nor called bad)."""

    def __init__(self, path: Path, parse: Callable[[str], T], *, read: Reader = read_text,
                 stat: StatFn = os.stat, monotonic: TimeFn = time.monotonic,
                 interval: float = POLL_SECONDS, settle: float = SETTLE_SECONDS) -> None:
        self.path = path
        self.parse = parse
        self.read = read
        self.stat = stat
        self.monotonic = monotonic
        self.interval = interval
        self.settle = settle
        self.seen = stamp_of(path, stat)  # the version already taken up or reported
        self._pending: Stamp | None = None
        self._waiting = False  # a change is seen but not yet decided
        self._pending_since = 0.0
        self._next_check = monotonic() + interval

    def poll(self) -> Outcome[T] | None:
        """Look at the file if it is time; an Outcome when something is decided, else None."""
        now = self.monotonic()
        if now < self._next_check:
            return None
        self._next_check = now + self.interval
        stamp = stamp_of(self.path, self.stat)
        if stamp == self.seen:
            self._waiting = False
            return None
        if not self._waiting or stamp != self._pending:
            # Still being written, perhaps: look again once it has kept still for a poll.
            self._pending, self._pending_since, self._waiting = stamp, now, True
            return None
        settled = now - self._pending_since >= self.settle
        if stamp is None:
            if not settled:
                return None
            return self._decide(stamp, Outcome(report=f"{self.path}: the file is missing "
                                                      "(deleted or renamed?)"))
        try:
            value = self.parse(self.read(self.path))
        except InstallationError as exc:
            report = exc.report()
        except (OSError, UnicodeDecodeError) as exc:
            report = f"{self.path}: cannot be read ({type(exc).__name__}: {exc})"
        except Exception as exc:  # noqa: BLE001 - a loader bug must not stop the show either
            log.exception("internal error while reading %s", self.path)
            report = (f"{self.path}: internal error while reading it ({type(exc).__name__}: "
                      f"{exc}); please report it with the log")
        else:
            if stamp_of(self.path, self.stat) != stamp:
                return None  # it changed while being read: the next poll sees the new one
            return self._decide(stamp, Outcome(value=value))
        return self._decide(stamp, Outcome(report=report)) if settled else None

    def again(self) -> None:
        """Read the file afresh at the next polls, changed or not (an operator asked)."""
        self.seen, self._next_check = UNSEEN, -math.inf

    def _decide(self, stamp: Stamp | None, outcome: Outcome[T]) -> Outcome[T]:
        self.seen, self._waiting = stamp, False
        return outcome


@dataclass(frozen=True)
class ReloadResult:
    """What a reload did, for the log, the overlay and the status file."""

    what: str  # "timeline" or "config"
    ok: bool
    summary: str  # one line
    report: str = ""  # the full error text when refused
    wall: float = 0.0
    timeline: Timeline | None = None
    config: Config | None = None
    live: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    needs_restart: tuple[str, ...] = ()

    def as_status(self) -> dict[str, Any]:
        return {"what": self.what, "ok": self.ok, "summary": self.summary,
                "error": self.report, "at": self.wall}


def config_from_text(text: str, path: Path) -> Config:
    """Check config text exactly as `load_config` checks the file."""
    source = parse_toml(text, str(path))
    if isinstance(source, Problem):
        raise ConfigError(f"{source.file}: the config could not be read", (source,))
    return build_config(source, path)


def config_changes(old: Config, new: Config) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Changed keys: those that take effect live (section -> key -> value), and the rest."""
    live: dict[str, dict[str, Any]] = {}
    restart: list[str] = []
    for section, values in new.sections.items():
        before = old.sections.get(section, {})
        for key, value in values.items():
            if before.get(key) == value:
                continue
            allowed = LIVE_KEYS.get(section, ())
            if allowed == "*" or key in allowed:
                live.setdefault(section, {})[key] = value
            else:
                restart.append(f"{section}.{key}")
    return live, restart


class Reloader:
    """Watches the timeline and the config; `poll()` returns what changed, each frame."""

    def __init__(self, config: Config, timeline_path: Path, *, read: Reader = read_text,
                 stat: StatFn = os.stat, monotonic: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time,
                 interval: float = POLL_SECONDS, settle: float = SETTLE_SECONDS,
                 adjust: Callable[[Config], Config] = lambda config: config,
                 keep: Callable[[str], object] = lambda text: None) -> None:
        self.config = config
        self.wall = wall
        self.adjust = adjust  # re-applies command-line options to an edited config
        self.keep = keep  # is given the text of each timeline taken up (the last good copy)
        self._timeline_text = ""
        self.timeline_path = timeline_path
        options: dict[str, Any] = {"read": read, "stat": stat, "monotonic": monotonic,
                                   "interval": interval, "settle": settle}
        self.timeline_watch: FileWatch[Timeline] = FileWatch(
            timeline_path, self._parse_timeline, **options)
        self.config_watch: FileWatch[Config] = FileWatch(
            config.path, lambda text: adjust(config_from_text(text, config.path)), **options)
        self.last: ReloadResult | None = None

    def _parse_timeline(self, text: str) -> Timeline:
        timeline = parse_timeline(text, str(self.timeline_path), self.timeline_path)
        self._timeline_text = text
        return timeline

    def again(self) -> None:
        """Read the timeline and config.toml afresh within a second (e.g. asked over OSC)."""
        self.timeline_watch.again()
        self.config_watch.again()

    def poll(self) -> list[ReloadResult]:
        """Results of any reload decided since the last call (usually none)."""
        results = []
        timeline = self.timeline_watch.poll()
        if timeline is not None:
            results.append(self._timeline_result(timeline))
        config = self.config_watch.poll()
        if config is not None:
            results.append(self._config_result(config))
        for result in results:
            self.last = result
            _log(result)
        return results

    def _timeline_result(self, outcome: Outcome[Timeline]) -> ReloadResult:
        now = self.wall()
        if outcome.value is None:
            return ReloadResult("timeline", False, "timeline edit refused; the last good "
                                "timeline keeps playing", outcome.report, now)
        timeline = outcome.value
        self.keep(self._timeline_text)
        return ReloadResult("timeline", True, f"timeline reloaded: '{timeline.title}', "
                            f"{len(timeline.scenes)} scenes, {len(timeline.cues)} cues", "",
                            now, timeline=timeline)

    def _config_result(self, outcome: Outcome[Config]) -> ReloadResult:
        now = self.wall()
        if outcome.value is None:
            return ReloadResult("config", False, "config edit refused; the show keeps its "
                                "settings", outcome.report, now)
        live, restart = config_changes(self.config, outcome.value)
        self.config = outcome.value
        parts = [f"{section}.{key} = {value!r}" for section, keys in live.items()
                 for key, value in keys.items()]
        summary = "config reloaded: " + (", ".join(parts) if parts else "no live changes")
        if restart:
            summary += f"; restart the show for {', '.join(restart)}"
        return ReloadResult("config", True, summary, "", now, config=outcome.value,
                            live=live, needs_restart=tuple(restart))


def _log(result: ReloadResult) -> None:
    if result.ok:
        # The show logs a new timeline itself when it takes it up.
        log.log(logging.DEBUG if result.timeline else logging.INFO, result.summary)
    else:
        log.error("%s: %s", result.summary, result.report)
