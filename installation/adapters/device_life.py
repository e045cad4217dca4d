"""The audio device's life: said once when the sound goes, closed without waiting on it for
long, reopened with backoff (the new one heard before the old one is let go)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from installation.adapters.audio_status import LOST, SILENT
from installation.adapters.device_watch import Device, closed_in_time

RETRY_DELAYS_S = (0.5, 1.0, 2.0, 4.0)  # between attempts to (re)open a device; the last repeats

log = logging.getLogger("installation.audio")


class Living(Protocol):
    """What of the audio output (DeviceOutput) opening and closing its device reads and sets."""

    status: str
    warn: Callable[[str], None]
    close_wait: float
    stuck: bool
    _warned: bool
    _retries: int
    _device: Device | None
    _old: Device | None
    _closed: list[Device]

    def _open(self: Living) -> bool: ...

    def _complain(self: Living, why: str) -> None: ...

    def _close(self: Living) -> None: ...

    def _shut(self: Living, device: Device | None) -> None: ...


class DeviceLife:
    """The part of the audio output that gives up on its device and opens it again."""

    _device: Device | None
    _old: Device | None  # reopened from: closed once the new one is heard

    def retry_delay(self: Living) -> float:
        """How long to wait before the next attempt to open: short at first, then longer."""
        delay = RETRY_DELAYS_S[min(self._retries, len(RETRY_DELAYS_S) - 1)]
        self._retries += 1
        return delay

    def _complain(self: Living, why: str) -> None:
        """Say once that the sound is off (not again at every retry) and keep retrying."""
        if self.status != LOST:
            self.status = SILENT
        if not self._warned:
            self.warn(f"{why}: the show goes on silent; retrying")
            self._warned = True

    def _lose(self: Living, why: str) -> None:
        self._close()
        self._retries = 0  # a sound server restarting is usually back within seconds
        self.status = LOST
        self._complain(why)

    def _reopen(self: Living, why: str) -> None:
        """Open a new device; the open one is closed once the new one is heard (what it was
        handed plays meanwhile, no silence between). Through PulseAudio SDL's thread for
        the old one waits for the sound server to ask for sound (seconds away: that is why
        it is reopened): the new stream's calls are what wake it to close."""
        log.warning("audio: %s; reopened", why)
        old, self._device = self._device, None
        self._shut(self._old)  # (one reopened from before, if not closed yet)
        self._old = old
        if not self._open():
            self.status = LOST
            self._old = None
            self._shut(old)

    def _close(self: Living) -> None:
        """Close the device in a thread of its own; if SDL does not let go within close_wait,
        leave it (a stuck sound server must not stop the show, nor its exit)."""
        device, self._device, old, self._old = self._device, None, self._old, None
        self._shut(old)
        self._shut(device)

    def _shut(self: Living, device: Device | None) -> None:
        """Close `device` as _close does."""
        if device is None:
            return
        self._closed.append(device)
        if not closed_in_time(device, self.close_wait):
            self.stuck = True
            log.error("the audio device did not close within %g s; it is left behind",
                      self.close_wait)
