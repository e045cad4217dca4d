"""Is the open audio device alive? What it took from SDL's queue: bursts, stalls, underruns."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Protocol

import numpy as np

from installation.adapters.refill import RefillWatch

STARVED_S = 0.25  # a worker that looks at the queue this late cannot tell if the device took any
LOST_S = 1.5  # no block taken for this long beyond what the device holds: it is gone
BURST_MAX_S = 6.0  # a burst taken at once is at most what the worker queues (MAKING_AHEAD_S)
RETIRE_PART = 0.6  # a reopened device is heard once it took this part of its latency (its
# first fill, half of it through PulseAudio, and more): the one reopened from closes then
RETIRE_MAX_S = 3.0  # ... or once it has been open this long, heard or not
BUSY_LOST_S = 10.0  # ... or for this long on a machine busier than its processors
UNDERRUN_LOG_S = 10.0  # underruns are logged at most this often (with a count)

log = logging.getLogger("installation.audio")


class Device(Protocol):
    """An open output device fed through a queue of float32 stereo frames (sdl_audio's)."""

    latency: int  # frames between leaving the queue and being heard

    def queue(self, block: np.ndarray) -> None: ...

    def queued(self) -> int: ...

    def clear(self) -> None: ...

    def replace(self, make: Callable[[int], np.ndarray | None]) -> bool: ...

    def play(self) -> None: ...

    def stopped(self) -> bool: ...

    def close(self) -> None: ...


Opener = Callable[[str | None, int, int], Device]  # name, sample rate, buffer frames


def load_per_processor() -> float:
    """The load average (one minute) per processor; 0 where the system does not say."""
    try:
        return os.getloadavg()[0] / (os.cpu_count() or 1)
    except OSError:
        return 0.0


def closed_in_time(device: Device, wait: float) -> bool:
    """Close `device` in a thread of its own; False if SDL did not let go within `wait`
    seconds (it is left behind: a stuck sound server must not stop the show, nor its exit)."""
    done = threading.Event()

    def close() -> None:
        try:
            device.close()
        except Exception:  # noqa: BLE001, S110 - closing a dead device may fail; it is gone
            pass
        done.set()

    threading.Thread(target=close, name="audio-close", daemon=True).start()
    return done.wait(wait)


class DeviceWatch:
    """The part of the audio output (DeviceOutput) that watches its open device: what it
    took from the queue at each look, a burst taken at once, a stall, a queue run dry."""

    sample_rate: int
    buffer: int
    monotonic: Callable[[], float]
    wall: Callable[[], float]
    load: Callable[[], float]  # runnable tasks per processor
    underruns: int
    _device: Device | None
    _queued: int  # frames in the device's queue after the last feed
    _dry: bool  # the queue ran empty (one underrun per dry spell)
    _opened_at: float  # monotonic
    _taken_at: float | None  # monotonic time the device last took frames
    _seen: int  # frames queued as last seen (and queued since), to tell what was taken
    _held_until: float  # monotonic: a burst taken beyond real time lasts till then
    _looked_at: float  # monotonic: the worker's last look at the queue
    _underruns_logged: int
    _underrun_logged_at: float
    _underrun_doing: str
    _doing: str  # what the worker is doing, for the underrun log
    _refill: RefillWatch
    _taken_frames: int  # taken by the open device since it opened

    @property
    def last_block_at(self) -> float | None:
        """The wall time the device last took sound from the queue (None: not since it opened)."""
        if self._taken_at is None:
            return None
        return self.wall() - (self.monotonic() - self._taken_at)

    def _heard_new(self) -> bool:
        """Is a reopened device heard (so the old one may close)? It took more than its
        first fill (what a sound server asks for before it plays: half its latency) or it
        opened RETIRE_MAX_S ago."""
        latency = self._device.latency if self._device is not None else self.buffer
        return (self._taken_frames > RETIRE_PART * latency
                or self.monotonic() - self._opened_at > RETIRE_MAX_S)

    def _watch(self, queued: int) -> int:
        """Note whether the device took frames since the last feed, and whether it ran dry."""
        now = self.monotonic()
        away, self._looked_at = now - self._looked_at, now
        taken = self._seen - queued
        self._note_burst(taken, away, now)
        self._refill.look(now, queued, taken)
        self._taken_frames += max(0, taken)
        self._seen = queued
        if queued < self._queued or away > STARVED_S:  # (not looking, it cannot say)
            self._taken_at = now
        if queued == 0 and self._queued > 0 and not self._dry:
            self.underruns += 1
            self._underrun_doing = f"{self._doing}, {away:.2f} s since it last looked"
            self._dry = True  # one underrun for each time it runs dry, until it is refilled
            self._refill.dry(now)
        return queued

    def _note_burst(self, taken: int, away: float, now: float) -> None:
        """`taken` frames in `away` seconds: what is beyond real time the device now holds
        beyond its latency (SDL's PulseAudio driver, after a hold-up of the server, took all
        SDL's queue at once, 3 s, and then nothing for as long: taken for a stall, reopening
        added 2 s of silence in CI), so it may take nothing that much longer."""
        burst = min(taken / self.sample_rate - away, BURST_MAX_S)
        if burst > 0:
            self._held_until = max(self._held_until, now) + burst

    def _log_underruns(self) -> None:
        """Underruns since the last report, at most every UNDERRUN_LOG_S, with what the worker
        was doing when the device ran dry."""
        now, count = self.monotonic(), self.underruns
        if count == self._underruns_logged or now - self._underrun_logged_at < UNDERRUN_LOG_S:
            return
        log.warning("audio underrun: %d since the last report (%d in all); the worker was %s",
                    count - self._underruns_logged, count, self._underrun_doing)
        self._underruns_logged, self._underrun_logged_at = count, now

    def _lost(self) -> str:
        """Why the open device is gone, or empty while it plays."""
        if self._device is None:
            return ""
        self._queued = self._watch(self._device.queued())  # a long render is not a silence
        if self._device.stopped():
            return "the audio device went away (sound server stopped, or unplugged)"
        taken = self._taken_at if self._taken_at is not None else self._opened_at
        if self.monotonic() - taken > self.stalled_s() + max(0.0, self._held_until - taken):
            # for the log: a device that stalls while a sound server still plays (seen once
            # in 10 minutes under load) is told from one gone by what SDL's queue held
            log.info("audio device: %d frames queued, none taken for %.2f s",
                     self._queued, self.monotonic() - taken)
            return "the audio device stopped taking sound"
        return ""

    def stalled_s(self) -> float:
        """How long the open device may take nothing before it is taken for lost: LOST_S
        beyond the sound it holds after SDL's queue. A sound server takes its share in bursts
        (PulseAudio half of it at a time), and on a busy machine it or SDL's thread may be
        kept from taking for about as long and then carry on: reopening would only add a
        silence of seconds and drop what was queued."""
        latency = self._device.latency if self._device is not None else self.buffer
        quiet = LOST_S + latency / self.sample_rate
        # Beside 10-15 runnable tasks on 2 processors a sound server (nice -11) waited for
        # its turn for 3.5 s and more, and closing the device then hung 2 s: 8.6 s of silence.
        return max(quiet, BUSY_LOST_S) if self.load() > 1.0 else quiet
