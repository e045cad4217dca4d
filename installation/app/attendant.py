"""The attendant: opening hours, hot reload, status file and systemd pings, once per frame."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from installation import __version__
from installation.adapters.notice import NoticePainter
from installation.app.directive import Directive, ShowLike, audio_status
from installation.app.lastgood import save_last_good
from installation.app.logs import set_level
from installation.app.reload import Reloader, ReloadResult
from installation.app.standby import standby_scene, standby_time, unknown_standby
from installation.app.status import STATUS_FILE, StatusWriter
from installation.app.watchdog import Notifier
from installation.core.config import Config, with_overrides
from installation.core.errors import InstallationError
from installation.core.hours import OUTSIDE_STANDBY, HoursState, OpeningHours, opening_hours
from installation.core.program import Program
from installation.core.timeutil import format_clock, format_duration
from installation.core.types import TimeFn
from installation.core.warnings import WarnOnce

if TYPE_CHECKING:  # the remote (its servers' modules) loads once the first frame is up
    from installation.adapters.remote import Command
    from installation.app.remote_control import RemoteControl

CLOSING_FADE_SECONDS = 20.0  # picture and sound fade out over the last seconds before closing
HOURS_CHECK_SECONDS = 1.0  # the week's hours are looked at afresh this often
log = logging.getLogger("installation.hours")


class Attendant:
    """Opening hours, hot reload, the status file and the systemd watchdog around a show."""

    def __init__(self, show: ShowLike, reloader: Reloader | None, status: StatusWriter | None,
                 notifier: Notifier, wall: TimeFn = time.time,
                 monotonic: TimeFn = time.monotonic) -> None:
        self.show = show
        self.reloader = reloader
        self.status = status
        self.notifier = notifier
        self.wall = wall
        self.monotonic = monotonic
        self.started = monotonic()
        self.hours = hours_of(show.program.config)
        self.hours_state: HoursState | None = None
        self.directive = Directive()
        self._program: Program | None = None  # decided since the last frame, not yet applied
        # The config may ask for the overlay from the start; F1 still toggles it.
        self._overlay: bool | None = True if self.config["display"]["overlay"] else None
        self._outbox: list[str] = []  # warnings for the show to show
        self._once = WarnOnce(self._outbox.append)
        self.last_reload: ReloadResult | None = None
        self._ready_sent = False
        self._volume_sent: float | None = None
        self._hours_checked = 0.0
        self.frame_wall: float | None = None  # the wall time this frame's story time is for
        self.painter = NoticePainter()
        self.remote: RemoteControl | None = None  # OSC, the status page, screen power
        self.standby_asked = False  # an operator asked for the standby scene (remote)
        self._rehearsal: dict[str, float] = {}  # a jump or speed asked (remote)
        self._picture: pygame.Surface | None = None  # the frame, for the status page
        self._cover: pygame.Surface | None = None  # the cover the GPU lays over it

    def started_with(self, error: InstallationError | None) -> None:
        """The timeline was broken at start-up and its last good copy plays: say so."""
        if error is None:
            return
        result = ReloadResult("timeline", False, "timeline broken at start-up; playing the "
                              "last good copy until it is fixed", error.report(), self.wall())
        self._apply(result)

    # --- before each frame -------------------------------------------------------------------

    @property
    def program(self) -> Program:
        """The program as decided: the show's, or the one it is about to be given."""
        return self._program or self.show.program

    @property
    def config(self) -> Config:
        return self.program.config

    def before_frame(self) -> Directive:
        """Take up any edit, then decide how this frame is played (never raises)."""
        hours = self.directive
        try:
            if self.remote is not None:
                for command in self.remote.commands():
                    self._obey(command)
            if self.reloader is not None:
                for result in self.reloader.poll():
                    self._apply(result)
            # The show reads its clock right after this: the story time it draws is for now.
            self.frame_wall = self.wall()
            hours = self._directive(self.frame_wall)
        except Exception as exc:  # noqa: BLE001 - the show plays on; the error is logged once
            self._failed("before a frame", exc)
        self.directive = self._with_changes(hours)
        return self.directive

    def _with_changes(self, hours: Directive) -> Directive:
        """This frame's hours decision, with what changed since the last frame."""
        volume = float(self.config["audio"]["volume"]) * hours.gain
        changed = replace(hours, program=self._program, overlay=self._overlay,
                          volume=None if volume == self._volume_sent else volume,
                          warnings=tuple(self._outbox),
                          jump_to=self._rehearsal.get("jump"), speed=self._rehearsal.get("speed"))
        self._volume_sent = volume
        self._program, self._overlay = None, None
        self._outbox.clear()
        self._rehearsal.clear()
        return changed

    def _failed(self, where: str, exc: Exception) -> None:
        self._warn_once(f"attendant error {where}: {type(exc).__name__}: {exc}", exc)

    def _warn_once(self, text: str, exc: Exception | None = None) -> None:
        """Log and show a problem the show survives, once however often it happens."""
        if not self._once.told(text):
            log.warning(text, exc_info=exc)
        self._once(text)

    def _apply(self, result: ReloadResult) -> None:
        """Decide what an edit changes; the show applies it with the next directive."""
        self.last_reload = result
        if not result.ok:
            first = result.report.splitlines()
            self._outbox.append(f"{result.summary}: {' '.join(first[1:2] or first[:1])}")
            return
        if result.timeline is not None:
            self._program = Program(self.config, result.timeline)
        if result.config is not None:
            # Only the live keys change; the rest waits for a restart, as the log says.
            config = with_overrides(self.config, **result.live)
            self._program = Program(config, self.program.timeline)
            if "hours" in result.live:
                self.hours = hours_of(config)
                self.hours_state = None  # announce the new state
                if self.remote is not None:
                    self.remote.set_power(config["hours"]["screen_power"], self._warn_once)
            if "overlay" in result.live.get("display", {}):
                self._overlay = bool(config["display"]["overlay"])
            if "level" in result.live.get("logging", {}):
                set_level(config["logging"]["level"])
            if result.needs_restart:
                self._outbox.append(result.summary)

    def _hours_now(self, wall: float) -> HoursState:
        """The hours' state, worked out afresh at most once a second or at a change."""
        state, since = self.hours_state, self._hours_checked
        fresh = (state is None or not 0 <= wall - since < HOURS_CHECK_SECONDS
                 or (state.next_change is not None and wall >= state.next_change))
        if fresh:
            self._hours_checked = wall
            return self.hours.state(wall)
        assert state is not None
        soon = (state.open and state.next_change is not None
                and state.next_change - wall <= self.hours.closing_cue_seconds)
        return replace(state, closing_soon=soon)

    def _directive(self, wall: float) -> Directive:
        state = self._hours_now(wall)
        self._announce(state, wall)
        self.hours_state = state
        if self.remote is not None:
            self.remote.screen(state.open, state.next_change, wall)
        if self.standby_asked:
            return self._standby(wall)
        if not state.open:
            if self.hours.outside == OUTSIDE_STANDBY:
                return self._standby(wall)
            return Directive("black", gain=0.0)
        if state.next_change is None:
            return Directive()
        # The fade comes before every closing; only the notice waits for closing_cue_minutes.
        left = state.next_change - wall
        fade = max(0.0, 1.0 - left / CLOSING_FADE_SECONDS)
        notice = closing_notice(left) if state.closing_soon else ""
        return Directive(notice=notice, fade=fade, gain=1.0 - fade)

    def _standby(self, wall: float) -> Directive:
        """The standby scene, silent: outside hours, or when an operator asks for it."""
        program = self.program
        scene = standby_scene(program.timeline, self.hours.standby_scene)
        problem = unknown_standby(program.timeline, self.hours.standby_scene)
        if problem is not None:
            self._warn_once(problem)
        story = standby_time(program.timeline, scene, wall, program.clock)
        return Directive("standby", story, gain=0.0)

    def _obey(self, command: Command) -> None:
        """A remote request (OSC or the status page), decided as a key or an edit would be."""
        if command.action == "volume":
            config = with_overrides(self.config, audio={"volume": command.value})
            self._program = Program(config, self.program.timeline)
        elif command.action == "overlay":
            self._overlay = bool(command.value)
        elif command.action == "reload" and self.reloader is not None:
            self.reloader.again()
        elif command.action == "standby":
            self.standby_asked = bool(command.value)
        elif command.action in ("jump", "speed") and isinstance(command.value, float):
            self._rehearsal[command.action] = command.value

    def volume(self) -> float:
        """The master volume for this frame: the config's, times the hours' gain."""
        return float(self.config["audio"]["volume"]) * self.directive.gain

    def paint(self, surface: pygame.Surface, cover: pygame.Surface | None = None) -> None:
        """Black outside hours; the fade and the notice before closing (after the picture;
        `cover`: the post's, which the window's GPU lays over it)."""
        self._picture = surface  # what visitors see, for the status page's thumbnail
        self._cover = cover
        if self.directive.mode == "black":
            self.painter.black(surface)
            return
        self.painter.fade(surface, self.directive.fade)
        self.painter.notice(surface, self.directive.notice)

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
        try:
            self._after_frame()
        except Exception as exc:  # noqa: BLE001 - the show plays on; the error is logged once
            self._failed("after a frame", exc)

    def _after_frame(self) -> None:
        line = self.status_line()
        if not self._ready_sent:
            self._ready_sent = True
            self.notifier.ready(line)
        self.notifier.ping(line)
        if self.status is not None:
            self.status.maybe_write(self.snapshot)
        if self.remote is not None:
            from installation.app.remote_control import remote_status  # loaded with the remote

            show = self.show
            self.remote.publish(lambda: remote_status(
                self.snapshot(), show.state, self.program, show.overlay.visible, show.audio),
                self._picture, self._cover)

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
        hours = self.hours_state
        audio = self.show.audio
        return {
            "version": __version__,
            "pid": os.getpid(),
            "written_at": round(self.wall(), 3),
            # The story time below is for this wall time (a slow frame is written later).
            "frame_at": round(self.frame_wall, 3) if self.frame_wall is not None else None,
            "uptime_seconds": round(self.monotonic() - self.started, 1),
            "story_time": format_clock(state.story_time) if state else None,
            "story_seconds": round(state.story_time, 3) if state else None,
            "scene": state.scene.name if state else None,
            "mode": self.directive.mode,
            "fps": round(self.show.stats.fps, 2),
            "frame_time_p95_ms": round(self.show.stats.p95_ms, 2),
            "audio": audio_status(audio, self.directive),
            "audio_last_block_at": _rounded(getattr(audio, "last_block_at", None)),
            "audio_underruns": getattr(audio, "underruns", 0) if audio is not None else 0,
            "volume": round(self.volume(), 3),
            "hours": {"enabled": self.hours.enabled,
                      "state": hours.label if hours else None,
                      "next_change": hours.next_change if hours else None},
            "timeline": str(self.program.timeline.path),
            "frames": self.show.frames,
            "last_reload": self.last_reload.as_status() if self.last_reload else None,
            "warnings": list(self.show.warnings)[-5:],
        }

    def close(self) -> None:
        if self.remote is not None:
            self.remote.close()
        self.notifier.stopping()
        if self.status is not None:
            self.status.write(self.snapshot())
        self.notifier.close()


def _rounded(wall: float | None) -> float | None:
    return round(wall, 3) if wall is not None else None


def hours_of(config: Config) -> OpeningHours:
    """The opening hours a config sets, in its clock's time zone."""
    return opening_hours(config.sections.get("hours", {}), config["clock"]["timezone"])


def closing_notice(seconds_left: float) -> str:
    """The closing-soon cue visitors read, in whole minutes (one at the least)."""
    minutes = max(1, round(seconds_left / 60.0))
    return f"The gallery closes in {minutes} minute{'s' if minutes > 1 else ''}"


def build_attendant(show: ShowLike, timeline_path: Path, *, watch: bool = True,
                    wall: TimeFn = time.time,
                    monotonic: TimeFn = time.monotonic,
                    env: Mapping[str, str] | None = None,
                    adjust: Callable[[Config], Config] = lambda config: config) -> Attendant:
    """Wire the attendant for a running show: reload watcher, status file, systemd notifier."""
    config = show.program.config
    reloader = Reloader(config, timeline_path, monotonic=monotonic, wall=wall, adjust=adjust,
                        keep=lambda text: save_last_good(config.log_folder, timeline_path, text)
                        ) if watch else None
    status = StatusWriter(config.log_folder / STATUS_FILE, monotonic=monotonic)
    return Attendant(show, reloader, status, Notifier(env, monotonic=monotonic), wall, monotonic)
