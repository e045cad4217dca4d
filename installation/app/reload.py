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
STILL_SECONDS = 0.5  # a changed file is read once its size and time have kept still this long
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
    """Polls one file; a new version is read once its stamp has kept still for `still`
    seconds (so a slow save is neither taken up half-written nor called bad), then handed
    over if it parses, or reported once if it is empty, missing or broken."""

    def __init__(self, path: Path, parse: Callable[[str], T], *, read: Reader = read_text,
                 stat: StatFn = os.stat, monotonic: TimeFn = time.monotonic,
                 interval: float = POLL_SECONDS, still: float = STILL_SECONDS) -> None:
        self.path = path
        self.parse = parse
        self.read = read
        self.stat = stat
        self.monotonic = monotonic
        self.interval = interval
        self.still = still
        self.seen = stamp_of(path, stat)  # the version already taken up or reported
        self._pending: Stamp | None = self.seen
        self._pending_since = monotonic()
        self._next_check = monotonic() + interval

    def poll(self) -> Outcome[T] | None:
        """Look at the file if it is time; an Outcome when something is decided, else None."""
        now = self.monotonic()
        if now < self._next_check:
            return None
        self._next_check = now + self.interval
        stamp = stamp_of(self.path, self.stat)
        if stamp != self._pending:  # changing, perhaps still being written: wait for it
            self._pending, self._pending_since = stamp, now
            return None
        if stamp == self.seen or now - self._pending_since < self.still:
            return None
        if stamp is None:
            return self._decide(stamp, Outcome(report=f"{self.path}: the file is missing "
                                                      "(deleted or renamed?)"))
        outcome = self._read()
        if stamp_of(self.path, self.stat) != stamp:
            return None  # it changed while being read: wait for it to keep still again
        return self._decide(stamp, outcome)

    def _read(self) -> Outcome[T]:
        try:
            text = self.read(self.path)
            if is_empty(text):
                return Outcome(report=f"{self.path}: the file is empty (no settings, only "
                                      "comments or blank lines); to use the defaults, write "
                                      "them out")
            return Outcome(value=self.parse(text))
        except InstallationError as exc:
            return Outcome(report=exc.report())
        except (OSError, UnicodeDecodeError) as exc:
            return Outcome(report=f"{self.path}: cannot be read ({type(exc).__name__}: {exc})")
        except Exception as exc:  # noqa: BLE001 - a loader bug must not stop the show either
            log.exception("internal error while reading %s", self.path)
            return Outcome(report=f"{self.path}: internal error while reading it "
                                  f"({type(exc).__name__}: {exc}); please report it with the log")

    def again(self) -> None:
        """Read the file afresh at the next polls, changed or not (an operator asked)."""
        self.seen, self._next_check = UNSEEN, -math.inf

    def _decide(self, stamp: Stamp | None, outcome: Outcome[T]) -> Outcome[T]:
        self.seen = stamp
        return outcome


def is_empty(text: str) -> bool:
    """True for a file with nothing but blank lines and comments: never a real edit."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


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
                 interval: float = POLL_SECONDS, still: float = STILL_SECONDS,
                 adjust: Callable[[Config], Config] = lambda config: config,
                 keep: Callable[[str], object] = lambda text: None) -> None:
        self.config = config
        self.wall = wall
        self.adjust = adjust  # re-applies command-line options to an edited config
        self.keep = keep  # is given the text of each timeline taken up (the last good copy)
        self._timeline_text = ""
        self.timeline_path = timeline_path
        options: dict[str, Any] = {"read": read, "stat": stat, "monotonic": monotonic,
                                   "interval": interval, "still": still}
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
