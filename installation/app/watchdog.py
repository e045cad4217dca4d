"""systemd notifications (READY, WATCHDOG, STATUS) over $NOTIFY_SOCKET, without a dependency."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Mapping

from installation.core.types import TimeFn

NOTIFY_SOCKET = "NOTIFY_SOCKET"
WATCHDOG_USEC = "WATCHDOG_USEC"
WATCHDOG_PID = "WATCHDOG_PID"
PING_FRACTION = 0.25  # ping four times per watchdog period: one slow frame is not a kill
DEFAULT_PING_SECONDS = 5.0
MAX_STATUS_CHARS = 200


def socket_address(value: str) -> str:
    """The address in $NOTIFY_SOCKET; '@' starts a Linux abstract socket name."""
    return "\0" + value[1:] if value.startswith("@") else value


class Notifier:
    """Tells systemd the show is ready and alive; does nothing when not run by systemd."""

    def __init__(self, env: Mapping[str, str] | None = None,
                 monotonic: TimeFn = time.monotonic) -> None:
        env = os.environ if env is None else env
        self.address = socket_address(env[NOTIFY_SOCKET]) if env.get(NOTIFY_SOCKET) else None
        self.monotonic = monotonic
        self.ping_every = self._ping_interval(env)
        self._last_ping = -float("inf")
        self._socket: socket.socket | None = None
        self.errors = 0
        self.sent = 0

    @staticmethod
    def _ping_interval(env: Mapping[str, str]) -> float:
        pid = env.get(WATCHDOG_PID)
        if pid and pid != str(os.getpid()):
            return DEFAULT_PING_SECONDS  # the watchdog is meant for another process
        try:
            usec = int(env.get(WATCHDOG_USEC, ""))
        except ValueError:
            return DEFAULT_PING_SECONDS
        return usec / 1e6 * PING_FRACTION if usec > 0 else DEFAULT_PING_SECONDS

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def send(self, message: str) -> bool:
        """Send one notification; False if it could not be sent (never raises)."""
        if self.address is None:
            return False
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            self._socket.sendto(message.encode("utf-8"), self.address)
        except OSError:
            self.errors += 1
            self.close()
            return False
        self.sent += 1
        return True

    def ready(self, status: str = "") -> bool:
        """The show is up: systemd's start job completes (Type=notify)."""
        return self.send("READY=1" + (f"\nSTATUS={_one_line(status)}" if status else ""))

    def ping(self, status: str = "") -> bool:
        """Call every frame; sends WATCHDOG=1 (and STATUS) at most every `ping_every` seconds."""
        now = self.monotonic()
        if not self.enabled or now - self._last_ping < self.ping_every:
            return False
        self._last_ping = now
        return self.send("WATCHDOG=1" + (f"\nSTATUS={_one_line(status)}" if status else ""))

    def status(self, text: str) -> bool:
        return self.send(f"STATUS={_one_line(text)}")

    def stopping(self) -> bool:
        return self.send("STOPPING=1")

    def close(self) -> None:
        if self._socket is not None:
            try:
                self._socket.close()
            finally:
                self._socket = None


def _one_line(text: str) -> str:
    return " ".join(text.split())[:MAX_STATUS_CHARS]
