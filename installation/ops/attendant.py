"""The attendant: opening hours, hot reload, status file and systemd pings, once per frame."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from .. import __version__
from ..config import Config
from ..timeline import Scene, SceneState, Timeline
from ..timeutil import format_clock, format_duration
from .hours import OUTSIDE_STANDBY, HoursState, OpeningHours, opening_hours
from .logs import set_level
from .reload import Reloader, ReloadResult
from .status import STATUS_FILE, StatusWriter
from .watchdog import Notifier

CLOSING_FADE_SECONDS = 20.0  # picture and sound fade out over the last seconds before closing
Mode = Literal["play", "black", "standby"]
log = logging.getLogger("installation.hours")


@dataclass(frozen=True)
class Directive:
    """What the show does this frame: play, black and silent, or the standby scene."""

    mode: Mode = "play"
    standby: Scene | None = None  # the scene to hold, in standby
    fade: float = 0.0  # 0: full picture; 1: black (the last seconds before closing)
    notice: str = ""  # e.g. "Closing in 9 min" (the closing-soon cue), else empty
    gain: float = 1.0  # multiplies the master volume (0 outside hours)

    @property
    def playing(self) -> bool:
        return self.mode == "play"


class ShowLike(Protocol):
    """What the attendant needs from the show (installation.show.Show provides it)."""

    config: Config
    timeline: Timeline
    state: SceneState | None
    frames: int
    warnings: list[str]

    def replace_timeline(self, timeline: Timeline) -> None: ...

    def apply_live(self, section: str, key: str, value: Any) -> None: ...

    def health(self) -> Mapping[str, Any]: ...


class Attendant:
    """Opening hours, hot reload, the status file and the systemd watchdog around a show."""

    def __init__(self, show: ShowLike, reloader: Reloader | None, status: StatusWriter | None,
                 notifier: Notifier, wall: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.show = show
        self.reloader = reloader
        self.status = status
        self.notifier = notifier
        self.wall = wall
        self.monotonic = monotonic
        self.started = monotonic()
        self.hours = hours_of(show.config)
        self.hours_state: HoursState | None = None
        self.directive = Directive()
        self.last_reload: ReloadResult | None = None
        self._ready_sent = False

    # --- before each frame -------------------------------------------------------------------

    def before_frame(self) -> Directive:
        """Take up any edit, then decide how this frame is played."""
        if self.reloader is not None:
            for result in self.reloader.poll():
                self._apply(result)
        self.directive = self._directive(self.wall())
        return self.directive

    def _apply(self, result: ReloadResult) -> None:
        self.last_reload = result
        if not result.ok:
            first = result.report.splitlines()
            self.show.warnings.append(f"{result.summary}: {' '.join(first[1:2] or first[:1])}")
            return
        if result.timeline is not None:
            self.show.replace_timeline(result.timeline)
        if result.config is not None:
            self.show.config = result.config
            for section, keys in result.live.items():
                for key, value in keys.items():
                    self._apply_key(section, key, value)
            if "hours" in result.live:
                self.hours = hours_of(result.config)
                self.hours_state = None  # announce the new state
            if result.needs_restart:
                self.show.warnings.append(result.summary)

    def _apply_key(self, section: str, key: str, value: Any) -> None:
        if (section, key) == ("logging", "level"):
            set_level(value)
        self.show.apply_live(section, key, value)

    def _directive(self, wall: float) -> Directive:
        state = self.hours.state(wall)
        self._announce(state, wall)
        self.hours_state = state
        if not state.open:
            if self.hours.outside == OUTSIDE_STANDBY:
                return Directive("standby", standby_scene(self.show.timeline,
                                                          self.hours.standby_scene), gain=0.0)
            return Directive("black", gain=0.0)
        if not state.closing_soon or state.next_change is None:
            return Directive()
        left = state.next_change - wall
        fade = max(0.0, 1.0 - left / CLOSING_FADE_SECONDS)
        return Directive(notice=closing_notice(left), fade=fade, gain=1.0 - fade)

    def _announce(self, state: HoursState, wall: float) -> None:
        before = self.hours_state
        if before is not None and before.label == state.label:
            return
        when = ""
        if state.next_change is not None:
            when = f"; {'closes' if state.open else 'opens'} in " \
                   f"{format_duration(state.next_change - wall)}"
        log.info("gallery %s%s", state.label, when)

    # --- after each frame --------------------------------------------------------------------

    def after_frame(self, *_: object) -> None:
        """Status file every few seconds; tell systemd the show is ready and alive."""
        line = self.status_line()
        if not self._ready_sent:
            self._ready_sent = True
            self.notifier.ready(line)
        self.notifier.ping(line)
        if self.status is not None:
            self.status.maybe_write(self.snapshot)

    def status_line(self) -> str:
        state = self.show.state
        if state is None:
            return "starting"
        mode = "" if self.directive.playing else f" ({self.directive.mode}: gallery closed)"
        return f"story {format_clock(state.story_time)} scene '{state.scene.name}'{mode}"

    def overlay_lines(self) -> list[str]:
        """Lines for the operator overlay: hours and the last reload."""
        lines = []
        if self.hours_state is not None and self.hours.enabled:
            lines.append(f"hours {self.hours_state.label}"
                         + (f" (mode {self.directive.mode})" if not self.directive.playing
                            else ""))
        if self.last_reload is not None:
            lines.append(f"{'reload' if self.last_reload.ok else 'RELOAD'} "
                         f"{self.last_reload.summary}")
        return lines

    def snapshot(self) -> dict[str, Any]:
        """The status file's content."""
        state = self.show.state
        health = dict(self.show.health())
        hours = self.hours_state
        return {
            "version": __version__,
            "pid": os.getpid(),
            "written_at": self.wall(),
            "uptime_seconds": round(self.monotonic() - self.started, 1),
            "story_time": format_clock(state.story_time) if state else None,
            "story_seconds": round(state.story_time, 3) if state else None,
            "scene": state.scene.name if state else None,
            "mode": self.directive.mode,
            "hours": {"enabled": self.hours.enabled,
                      "state": hours.label if hours else None,
                      "next_change": hours.next_change if hours else None},
            "timeline": str(self.show.timeline.path),
            "frames": self.show.frames,
            "last_reload": self.last_reload.as_status() if self.last_reload else None,
            "warnings": self.show.warnings[-5:],
            **health,
        }

    def close(self) -> None:
        self.notifier.stopping()
        if self.status is not None:
            self.status.write(self.snapshot())
        self.notifier.close()


def hours_of(config: Config) -> OpeningHours:
    return opening_hours(config.sections.get("hours", {}), config["clock"]["timezone"])


def standby_scene(timeline: Timeline, name: str | None) -> Scene:
    """The named standby scene, else the day's first scene."""
    for scene in timeline.scenes:
        if scene.name == name:
            return scene
    return timeline.scenes[0]


def closing_notice(seconds_left: float) -> str:
    minutes = max(1, round(seconds_left / 60.0))
    return f"The gallery closes in {minutes} minute{'s' if minutes > 1 else ''}"


def build_attendant(show: ShowLike, timeline_path: Path, *, watch: bool = True,
                    wall: Callable[[], float] = time.time,
                    monotonic: Callable[[], float] = time.monotonic,
                    env: Mapping[str, str] | None = None) -> Attendant:
    """Wire the attendant for a running show: reload watcher, status file, systemd notifier."""
    config = show.config
    reloader = Reloader(config, timeline_path, monotonic=monotonic, wall=wall) if watch else None
    status = StatusWriter(config.log_folder / STATUS_FILE, time_fn=monotonic)
    return Attendant(show, reloader, status, Notifier(env, time_fn=monotonic), wall, monotonic)
