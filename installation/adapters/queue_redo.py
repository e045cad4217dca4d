"""The device's queue made again: from 'now' (back in step), at a new volume, or after a
reload or a new speed; joined to what was queued without a click."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol

import numpy as np

from installation.adapters.device_watch import Device
from installation.adapters.requeue import Sent, joined

if TYPE_CHECKING:  # the synthesis (scipy) is loaded by the worker, never by the show's thread
    from installation.audio.engine import ScoreEngine

VOLUME_RAMP_S = 0.05  # a volume change ramps over this long (also when the queue is redone)
REQUEUE_EVERY_S = 0.25  # a volume fading (the hours) requeues at most this often: each time
# it copies the seconds queued (about 1 ms of processor, up to 85 ms on a busy machine)
JOIN_FADE_S = 2.0  # a reload or a new speed crossfades from the queued sound over this long,
# as the engine's own reload does (RELOAD_FADE_S): what is queued is made again from the frame
# the device takes next, so they are heard after the server's latency, not the queue's seconds
LOUDNESS_S = 1.0  # the loudness shown to operators is the mean power over about a second


class Queueing(Protocol):
    """What of the audio output (DeviceOutput) making its queue again reads and sets."""

    sample_rate: int
    monotonic: Callable[[], float]
    _stop: threading.Event
    _doing: str
    _sent: Sent
    _seen: int
    _queued: int
    _retake: threading.Event
    _volume: float
    _queue_volume: float
    _requeued_at: float
    _gain: float
    _power: float
    _loudness: float | None

    @property
    def score(self) -> ScoreEngine: ...

    def heard_now(self) -> float: ...

    def _render(self) -> np.ndarray: ...

    def _watch(self, queued: int) -> int: ...

    def _gained(self, block: np.ndarray) -> np.ndarray: ...

    def _measure(self, block: np.ndarray) -> None: ...

    def _joint(self, start: int, raw: np.ndarray, new: np.ndarray, old: np.ndarray, fade: int,
               left: int) -> np.ndarray | None: ...


class QueueRedo:
    """The part of the audio output that replaces what its device's queue holds."""

    _loudness: float | None  # the level of what was queued, in dBFS (None: nothing yet)

    def _resync(self: Queueing, device: Device) -> int:
        """Replace what is queued with the score from 'now', once its first block is made
        (after the seek a scene's voices are built: a second or more on a busy machine, while
        the card plays what was queued, not silence); the frames then queued. A device that
        took nothing is still timed from when it last took (`stalled_s`): put back in step
        every few seconds, a stream that never takes again would never be reopened."""
        self._doing = "making the sound from 'now' (back in step with the clock)"
        self.score.seek(self.heard_now())
        raw = self._render()
        self._watch(device.queued())  # (what was queued may have run out meanwhile)
        new, old = self._gained(raw), self._sent.tail(device.queued())[1]
        sent: list[np.ndarray] = []

        def instead(left: int) -> np.ndarray:
            """The new block, crossfaded from what the card would have played there."""
            sent.append(joined(old[max(0, len(old) - left):], new,
                               round(VOLUME_RAMP_S * self.sample_rate)))
            return sent[-1]

        device.replace(instead)
        self._seen = device.queued()  # (a shorter queue now: not a burst taken)
        self._sent.clear()
        self._sent.add(raw, sent[-1], self.score.pace)
        self._measure(sent[-1])
        self._queued = len(raw)
        return self._queued

    def _redo(self: Queueing, device: Device, queued: int) -> None:
        """After a volume change, a reload or a new speed, what is queued (`queued` frames, as
        last seen) is replaced from the frame the device takes next: the same frames at the
        new volume, or the score made again from there; joined to what was queued without a
        click. With nothing queued the next block carries the change anyway."""
        retake, volume = self._retake.is_set(), self._volume
        soon = self.monotonic() - self._requeued_at < REQUEUE_EVERY_S
        if not (retake or (volume != self._queue_volume and not soon)):
            return
        self._retake.clear()
        self._queue_volume = volume
        if queued == 0:
            return
        self._requeued_at = self.monotonic()
        raw, old = self._sent.tail(queued)
        start, fade = self._sent.total - len(raw), VOLUME_RAMP_S
        if retake:
            self._doing = "making the queued sound again (a reload or a new speed)"
            # (the speed the blocks were made at: a new one may have come in the last of them)
            self.score.seek(self.score.wall - self._sent.story_frames(len(raw)) / self.sample_rate)
            raw, fade = raw[:0], JOIN_FADE_S
        self._gain = volume
        while not self._stop.is_set():
            if retake:
                raw = np.concatenate([raw, self._render()])
            new = np.asarray(raw * volume, dtype=np.float32)
            if device.replace(partial(self._joint, start, raw, new, old,
                                      round(fade * self.sample_rate))):
                self._seen = device.queued()  # (its length changed: not frames taken)
                return
            if not retake:  # every frame still queued was replaced: nothing to wait for
                return

    def _joint(self: Queueing, start: int, raw: np.ndarray, new: np.ndarray, old: np.ndarray,
               fade: int, left: int) -> np.ndarray | None:
        """What to queue instead of the `left` frames still queued (the end of `old`): `new`
        (`raw`, the score from frame `start` on, at the volume) from the frame the device
        takes next, crossfaded from what was queued there over `fade` frames; None while
        `new` does not reach that far. (Called with SDL's audio thread held off: slices.)"""
        head = self._sent.total - left
        skip = max(0, head - start)
        if len(new) - skip < min(fade, left) + 1:
            return None
        block = joined(old[max(0, len(old) - left):], new[skip:], fade)
        self._sent.restart(head, raw[skip:], block, self.score.pace)
        return block

    def _measure(self: Queueing, block: np.ndarray) -> None:
        keep = math.exp(-len(block) / (self.sample_rate * LOUDNESS_S))
        power = float(np.mean(np.square(block, dtype=np.float64)))
        self._power = keep * self._power + (1.0 - keep) * power
        from installation.audio.analysis import db  # loaded by now: the engine needs it

        self._loudness = db(self._power)

    def _gained(self: Queueing, block: np.ndarray) -> np.ndarray:
        """The block at the master volume, ramped over VOLUME_RAMP_S when it changes."""
        target, frames = self._volume, len(block)
        if target == self._gain:
            return np.asarray(block * self._gain, dtype=np.float32)
        step = frames / (VOLUME_RAMP_S * self.sample_rate)
        end = self._gain + float(np.clip(target - self._gain, -step, step))
        ramp = np.linspace(self._gain, end, frames, dtype=np.float32)[:, None]
        self._gain = end
        return np.asarray(block * ramp, dtype=np.float32)
