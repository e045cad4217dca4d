"""OSC remote control under /miraclemile/...: requests become Commands in the show's mailbox."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Any

from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_server import BlockingOSCUDPServer

from installation.adapters.remote import (
    EXPECTED,
    Command,
    Mailbox,
    OnceLog,
    Refused,
    ServerThread,
    read_command,
)

PREFIX = "/miraclemile"
STATUS_KEYS = ("story_time", "scene", "next_scene", "mode", "fps", "frame_time_p95_ms",
               "audio", "audio_underruns", "loudness_db", "volume", "uptime_seconds",
               "version")
Address = tuple[str, int]
Reply = tuple[Any, ...]


def status_reply(status: Mapping[str, Any]) -> Reply:
    """/miraclemile/status with key, value pairs (values as OSC can carry them)."""
    args: list[Any] = []
    for key in STATUS_KEYS:
        value = status.get(key)
        args += [key, "" if value is None else value if isinstance(value, int | float | str)
                 else str(value)]
    return (f"{PREFIX}/status", *args)


class _Server(BlockingOSCUDPServer):
    """Never prints a traceback for a bad packet: one log line per kind, and it serves on."""

    warn: Callable[[str], None] = OnceLog()

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        self.warn(f"OSC: a message from {client_address[0]} failed: "
                  f"{type(error).__name__}: {error}")


class OscRemote(ServerThread):
    """A UDP server in its own thread; it only moves requests into the mailbox."""

    def __init__(self, mailbox: Mailbox, address: str, port: int, rehearsal: bool,
                 warn: Callable[[str], None] | None = None) -> None:
        self.mailbox = mailbox
        self.rehearsal = rehearsal
        self.warn = warn if warn is not None else OnceLog()
        dispatcher = Dispatcher(strict_timing=False)  # a bundle stamped later never blocks
        for action in EXPECTED:
            dispatcher.map(f"{PREFIX}/{action}", self._command, action,
                           needs_reply_address=True)
        dispatcher.map(f"{PREFIX}/status", self._status, needs_reply_address=True)
        dispatcher.set_default_handler(self._unknown, needs_reply_address=True)
        server = _Server((address, port), dispatcher)
        server.warn = self.warn
        super().__init__(server, "osc")

    def _command(self, client: Address, address: str, fixed: list[Any], *args: Any) -> None:
        action = fixed[0]
        source = f"osc {client[0]}:{client[1]}"
        try:
            command: Command = read_command(action, args, self.rehearsal, source)
        except Refused as refused:
            found = ", ".join(repr(a) for a in args) or "no arguments"
            self.warn(f"OSC {address}: expected {refused}; found {found} (from {client[0]})")
            return
        self.mailbox.send(command)

    def _status(self, client: Address, address: str, *args: Any) -> Reply:
        return status_reply(self.mailbox.status)

    def _unknown(self, client: Address, address: str, *args: Any) -> None:
        known = ", ".join(f"{PREFIX}/{a}" for a in (*EXPECTED, "status"))
        self.warn(f"OSC {address}: unknown address; expected one of {known} "
                  f"(from {client[0]})")
