"""The show's network side: OSC and the status page (as configured), screen power, and what
they see of the show; the show drains their commands once per frame and applies them."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

import pygame

from installation.adapters.remote import Command, Mailbox, ServerThread
from installation.adapters.screen_power import ScreenPower, screen_wanted
from installation.core.config import Config
from installation.core.program import Program, StoryState
from installation.core.timeline import SceneState
from installation.core.timeline.model import Countdown
from installation.core.timeline.state import next_cue
from installation.core.timeutil import countdown_clock

STATUS_SECONDS = 1.0  # how often the status record is published to the servers
PICTURE_SECONDS = 3.0  # how often the page's thumbnail is renewed (a few ms of PNG work)
log = logging.getLogger("installation.remote")


class RemoteControl:
    """Servers, mailbox and screen power around a show; it decides nothing about the show."""

    def __init__(self, mailbox: Mailbox, servers: list[ServerThread], power: ScreenPower,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.mailbox = mailbox
        self.servers = servers
        self.power = power
        self.monotonic = monotonic
        self._status_due = self._picture_due = -1.0
        self.wants_picture = False
        if servers:  # the page's module (http.server) is loaded only when [remote] asks
            from installation.adapters.http_status import StatusPage

            self.wants_picture = any(isinstance(s, StatusPage) for s in servers)

    def commands(self) -> list[Command]:
        """What operators asked for since the last frame, oldest first."""
        return self.mailbox.drain()

    def publish(self, status: Callable[[], Mapping[str, Any]],
                frame: pygame.Surface | None, cover: pygame.Surface | None = None) -> None:
        """Hand the servers a fresh status (and picture: the frame, `cover` laid over it as
        the window's GPU lays it) now and then, not every frame."""
        now = self.monotonic()
        if self.servers and now >= self._status_due:
            self._status_due = now + STATUS_SECONDS
            self.mailbox.publish(status())
        if self.wants_picture and frame is not None and now >= self._picture_due:
            self._picture_due = now + PICTURE_SECONDS
            from installation.adapters.http_status import thumbnail_png  # loaded: a page runs

            self.mailbox.publish_picture(thumbnail_png(frame, cover=cover))

    def screen(self, is_open: bool, next_change: float | None, wall: float) -> None:
        """Sleep the screen outside hours, wake it before opening (as [hours] asks)."""
        self.power.set(screen_wanted(is_open, next_change, wall))

    def set_power(self, method: str, warn: Callable[[str], None]) -> None:
        """[hours] screen_power changed in config.toml: use the new method from now on."""
        if method != self.power.method:
            self.power = ScreenPower(method, warn)

    def close(self) -> None:
        for server in self.servers:
            server.close()
        self.servers = []


def remote_status(snapshot: Mapping[str, Any], state: StoryState | None, program: Program,
                  overlay: bool, audio: object) -> dict[str, Any]:
    """The status file's record, and what the page and OSC also show: what comes next."""
    extra: dict[str, Any] = {"overlay": overlay,
                             "loudness_db": getattr(audio, "loudness_db", None)}
    if state is not None:
        timeline, now = program.timeline, state.story_time
        cue = next_cue(timeline, now)
        extra |= {
            "next_scene": state.next.name,
            "next_scene_in": round(program.real_between(now, state.next.at), 1),
            "next_cue": cue.name if cue else None,
            "next_cue_in": round(program.real_between(now, cue.at), 1) if cue else None,
            "countdown": countdown_status(timeline.countdown, state),
        }
    return {**snapshot, **extra}


def countdown_status(countdown: Countdown | None, state: SceneState) -> str | None:
    """The countdown as the wall shows it ('T-MINUS 07:12': the display's tick, not the
    story's exact seconds), or None outside it."""
    if countdown is None or state.countdown_shown is None:
        return None
    return f"{countdown.label} {countdown_clock(state.countdown_shown)}".strip()


def build_remote(config: Config, warn: Callable[[str], None],
                 monotonic: Callable[[], float] = time.monotonic) -> RemoteControl:
    """Start what [remote] turns on (nothing by default); a port in use is a warning. The
    servers' modules (asyncio, http.server: a tenth of a second) load only if they are on."""
    remote, mailbox = config["remote"], Mailbox()
    servers: list[ServerThread] = []
    wanted: list[tuple[str, Callable[[], ServerThread]]] = []
    if remote["osc"]:
        from installation.adapters.osc import OscRemote

        wanted.append((f"OSC on udp {remote['osc_address']}:{remote['osc_port']}",
                       lambda: OscRemote(mailbox, remote["osc_address"], remote["osc_port"],
                                         remote["rehearsal"])))
    if remote["http"]:
        from installation.adapters.http_status import StatusPage

        wanted.append((f"the status page on http://{remote['http_address']}:"
                       f"{remote['http_port']}/",
                       lambda: StatusPage(mailbox, remote["http_address"], remote["http_port"],
                                          remote["token"])))
    for what, make in wanted:
        try:
            servers.append(make().start())
            log.info("listening: %s", what)
        except OSError as exc:
            warn(f"[remote]: could not start {what} ({exc.strerror or exc}); the show plays "
                 "on without it")
    power = ScreenPower(config["hours"]["screen_power"], warn)
    return RemoteControl(mailbox, servers, power, monotonic)
