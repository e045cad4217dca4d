"""Remote commands as plain values, and the mailbox where network threads and the show meet."""

from __future__ import annotations

import logging
import math
import queue
import socketserver
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, Self

from installation.core.timeutil import format_clock, parse_clock

Action = Literal["volume", "overlay", "reload", "standby", "jump", "speed"]
REHEARSAL_ONLY = ("jump", "speed")
MAX_SPEED = 1000.0
MAX_PROBLEMS = 100
EXPECTED: Mapping[str, str] = {
    "volume": "one number from 0 to 1",
    "overlay": "1 (show) or 0 (hide)",
    "reload": "no arguments",
    "standby": "1 (show the standby scene) or 0 (back to the show)",
    "jump": "a story time like \"04:05\" or \"04:05:30\"",
    "speed": f"one number above 0 and at most {MAX_SPEED:g} (1 = normal)",
}
log = logging.getLogger("installation.remote")


@dataclass(frozen=True)
class Command:
    """One request from outside for the show to apply at its next frame."""

    action: Action
    value: float | bool | None = None
    source: str = ""  # who asked, for the log: "osc 127.0.0.1:50123" or "http 10.0.0.5"

    def __str__(self) -> str:
        """As the log says it: "volume 0.5", "overlay on", "reload", "jump 04:05:00"."""
        value = self.value
        if value is None:
            return self.action
        if isinstance(value, bool):
            return f"{self.action} {'on' if value else 'off'}"
        return f"{self.action} {format_clock(value) if self.action == 'jump' else f'{value:g}'}"


class Refused(ValueError):
    """A request the show will not take: what was expected instead."""


def read_command(action: str, args: Sequence[Any], rehearsal: bool,
                 source: str = "") -> Command:
    """Check a request's arguments and turn them into a Command (or raise Refused)."""
    if action not in EXPECTED:
        raise Refused("one of " + ", ".join(EXPECTED))
    if action in REHEARSAL_ONLY and not rehearsal:
        raise Refused(f"{action} only in rehearsal mode ([remote] rehearsal = true)")
    expected = EXPECTED[action]
    if action == "reload":
        if args:
            raise Refused(expected)
        return Command("reload", None, source)
    if len(args) != 1:
        raise Refused(expected)
    value = _value(action, args[0])
    if value is None:
        raise Refused(expected)
    return Command(action, value, source)  # type: ignore[arg-type]


def _value(action: str, arg: Any) -> float | bool | None:
    if action in ("overlay", "standby"):
        flag = {"1": True, "0": False, "true": True, "false": False, "on": True, "off": False}
        if isinstance(arg, bool):
            return arg
        if isinstance(arg, int | float) and arg in (0, 1):  # TouchOSC's buttons send 1.0
            return bool(arg)
        return flag.get(str(arg).strip().lower())
    if action == "jump":
        try:
            return parse_clock(arg)
        except ValueError:
            return None
    number = _number(arg)
    if number is None:
        return None
    if action == "volume":
        return number if 0.0 <= number <= 1.0 else None
    return number if 0.0 < number <= MAX_SPEED else None


def _number(arg: Any) -> float | None:
    if isinstance(arg, bool):
        return None
    try:
        number = float(arg)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class Mailbox:
    """Commands go in from any thread; the show drains them once per frame and publishes the
    latest status and picture, which the servers only read (a reference swap, no lock)."""

    def __init__(self) -> None:
        self._commands: queue.SimpleQueue[Command] = queue.SimpleQueue()
        self._status: Mapping[str, Any] = MappingProxyType({})
        self._picture = b""

    def send(self, command: Command) -> None:
        log.info("remote: %s (from %s)", command, command.source or "?")
        self._commands.put(command)

    def drain(self) -> list[Command]:
        """Every command sent since the last call, oldest first (for the show's thread)."""
        out = []
        while True:
            try:
                out.append(self._commands.get_nowait())
            except queue.Empty:
                return out

    def publish(self, status: Mapping[str, Any]) -> None:
        self._status = MappingProxyType(dict(status))

    @property
    def status(self) -> Mapping[str, Any]:
        return self._status

    def publish_picture(self, png: bytes) -> None:
        self._picture = png

    @property
    def picture(self) -> bytes:
        return self._picture


class OnceLog:
    """Logs each distinct problem once, however often a client repeats it (and at most
    MAX_PROBLEMS kinds, so a flood of odd messages cannot fill the log or the memory)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, text: str) -> None:
        if text in self.seen or len(self.seen) > MAX_PROBLEMS:
            return
        self.seen.add(text)
        if len(self.seen) > MAX_PROBLEMS:
            log.warning("remote: more than %d kinds of bad requests; no more are logged",
                        MAX_PROBLEMS)
            return
        log.warning(text)


class ServerThread:
    """A socket server serving in its own daemon thread until `close`."""

    def __init__(self, server: socketserver.BaseServer, name: str) -> None:
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])  # type: ignore[index]

    def start(self) -> Self:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
