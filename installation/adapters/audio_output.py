"""Live sound: a worker renders the score ahead into a buffer; SDL's callback only copies."""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import numpy as np

from installation.adapters.sdl_audio import close_device, pygame_sdl
from installation.audio.analysis import db
from installation.audio.engine import ScoreEngine

AHEAD_S = 0.3  # how much sound the worker keeps rendered ahead of the device
RETRY_S = 15.0  # between attempts to (re)open a missing or lost device
LOST_S = 3.0  # no callback for this long while open: the device is gone
RESYNC_S = 0.5  # audio further than this from the clock jumps back into place
VOLUME_RAMP_S = 0.05
IDLE_WAIT_S = 0.01
FAILURES_REPORTED = 10  # distinct engine errors worth a warning; after that, the log is spared
CHANNELS = 2
LOUDNESS_S = 1.0  # the loudness shown to operators is the mean power over about a second

PLAYING = "playing"
SILENT = "silent: no audio device (retrying)"
DISABLED = "disabled"


class Output(Protocol):
    """What the show sees of the sound: start, stop, volume, and how it is going."""

    underruns: int
    status: str

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def set_volume(self, volume: float) -> None: ...


class NullOutput:
    """No sound: audio disabled, or no device at all. Everything else goes on."""

    def __init__(self, status: str = DISABLED) -> None:
        self.underruns = 0
        self.status = status

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        pass


class Ring:
    """Blocks waiting for the device, with the frames they hold (thread-safe)."""

    def __init__(self) -> None:
        self._blocks: deque[np.ndarray] = deque()
        self._lock = threading.Lock()
        self.frames = 0

    def push(self, block: np.ndarray) -> None:
        with self._lock:
            self._blocks.append(block)
            self.frames += len(block)

    def pop(self, frames: int) -> tuple[np.ndarray, bool]:
        """Up to `frames` frames (zeros after what there is); True if it ran short."""
        out = np.zeros((frames, CHANNELS), dtype=np.float32)
        got = 0
        with self._lock:
            while got < frames and self._blocks:
                block = self._blocks[0]
                take = min(frames - got, len(block))
                out[got:got + take] = block[:take]
                got += take
                if take == len(block):
                    self._blocks.popleft()
                else:
                    self._blocks[0] = block[take:]
            self.frames -= got
        return out, got < frames

    def clear(self) -> None:
        with self._lock:
            self._blocks.clear()
            self.frames = 0


class DeviceOutput:
    """The score on the sound card through pygame's SDL AudioDevice (no mixer)."""

    def __init__(self, engine: ScoreEngine, sample_rate: int, buffer: int, volume: float,
                 device: str | None, time_fn: Callable[[], float],
                 warn: Callable[[str], None]) -> None:
        self.engine = engine
        self.sample_rate = sample_rate
        self.buffer = buffer
        self.device_name = device
        self.time_fn = time_fn
        self.warn = warn
        self.underruns = 0
        self.status = SILENT
        self.ring = Ring()
        self._volume = volume
        self._gain = volume
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._device: Any = None
        self._closed: list[Any] = []
        self._sdl = pygame_sdl()
        self._callbacks = 0
        self._warned = False
        self._failures: set[str] = set()  # the engine's errors already reported
        self._primed = False
        self._power = 0.0

    @property
    def loudness_db(self) -> float:
        """How loud the score plays now, in dBFS (power over about a second, after volume)."""
        return db(self._power)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="audio", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5.0)
            self._thread = None

    def set_volume(self, volume: float) -> None:
        if math.isfinite(volume):  # NaN would stay in the gain ramp, and in the sound, forever
            self._volume = float(np.clip(volume, 0.0, 1.0))

    # --- the device thread (SDL's) --------------------------------------------------------

    def _callback(self, device: Any, memory: memoryview) -> None:
        try:
            self._copy(memory)
        except Exception:  # noqa: BLE001 - SDL's thread must never see an error: play silence
            memory[:] = bytes(len(memory))

    def _copy(self, memory: memoryview) -> None:
        frames = len(memory) // (4 * CHANNELS)
        block, short = self.ring.pop(frames)
        if short and self._primed:
            self.underruns += 1
        target = self._volume
        if target != self._gain:
            step = frames / (VOLUME_RAMP_S * self.sample_rate)
            end = self._gain + float(np.clip(target - self._gain, -step, step))
            block *= np.linspace(self._gain, end, frames, dtype=np.float32)[:, None]
            self._gain = end
        else:
            block *= self._gain
        memory[:] = block.tobytes()
        self._callbacks += 1

    # --- the worker -----------------------------------------------------------------------

    def _work(self) -> None:
        while not self._stop.is_set():
            try:
                self._step()
            except Exception as exc:  # noqa: BLE001 - the sound may fail; the show may not
                self._close()
                self._complain(f"the sound stopped ({type(exc).__name__}: {exc})")
                self._stop.wait(RETRY_S)
        self._close()

    def _step(self) -> None:
        if self._device is None and not self._open():
            self._stop.wait(RETRY_S)
            return
        self._fill()
        if self._lost():
            self._close()
            self._complain("the audio device stopped answering")
            return
        self._stop.wait(IDLE_WAIT_S)

    def _open(self) -> bool:
        try:
            from pygame._sdl2 import audio, sdl2  # the audio subsystem only: never the mixer

            sdl2.init_subsystem(sdl2.INIT_AUDIO)
            self._device = audio.AudioDevice(
                devicename=self.device_name, iscapture=False, frequency=self.sample_rate,
                audioformat=audio.AUDIO_F32, numchannels=CHANNELS, chunksize=self.buffer,
                allowed_changes=0, callback=self._callback)
        except Exception as exc:  # noqa: BLE001 - any SDL failure means: no device, retry
            self._device = None
            self._complain(f"no audio device ({exc})")
            return False
        self.ring.clear()
        self._primed = False
        self.engine.seek(self.time_fn())
        self.engine.render(self.engine.chunk)  # builds this scene's loops: may take a while
        self.engine.seek(self.time_fn())  # so start again from the real 'now'
        self._fill()
        self._primed = True
        self._callbacks = 0
        self._last_seen = (self.time_fn(), 0)
        self._device.pause(0)
        self.status = PLAYING
        if self._warned:
            self.warn("audio device is back: sound resumes")
            self._warned = False
        return True

    def _complain(self, why: str) -> None:
        self.status = SILENT
        if not self._warned:
            self.warn(f"{why}: the show goes on silent; retrying every {RETRY_S:.0f} s")
            self._warned = True

    def _fill(self) -> None:
        ahead = int(AHEAD_S * self.sample_rate)
        # The frame the device plays next should be about 'now': jump back if it has drifted.
        due = self.engine.wall - self.ring.frames / self.sample_rate
        if abs(due - self.time_fn()) > RESYNC_S + AHEAD_S:
            self.ring.clear()
            self.engine.seek(self.time_fn())
        while self.ring.frames < ahead and not self._stop.is_set():
            try:
                block = self.engine.render(self.engine.chunk)
            except Exception as exc:  # noqa: BLE001 - a bug in the score must not stop the show
                self._failed(f"{type(exc).__name__}: {exc}")
                block = np.zeros((self.engine.chunk, CHANNELS), dtype=np.float32)
            self.ring.push(block)
            self._measure(block)

    def _measure(self, block: np.ndarray) -> None:
        keep = math.exp(-len(block) / (self.sample_rate * LOUDNESS_S))
        power = float(np.mean(np.square(block, dtype=np.float64))) * self._volume ** 2
        self._power = keep * self._power + (1.0 - keep) * power

    def _failed(self, why: str) -> None:
        """Report each engine failure once: it would fail again on every block."""
        if why in self._failures or len(self._failures) >= FAILURES_REPORTED:
            return
        self._failures.add(why)
        more = ("; further engine errors are not reported"
                if len(self._failures) == FAILURES_REPORTED else "")
        self.warn(f"audio engine failed ({why}); silence{more}")

    def _lost(self) -> bool:
        now, seen = self.time_fn(), self._callbacks
        if seen != self._last_seen[1]:
            self._last_seen = (now, seen)
            return False
        return now - self._last_seen[0] > LOST_S

    def _close(self) -> None:
        if self._device is not None:
            try:
                close_device(self._device, self._sdl)
            except Exception:  # noqa: BLE001, S110 - closing a dead device may fail; it is gone
                pass
            # Kept, not collected: pygame would close its id again, and SDL reuses ids.
            self._closed.append(self._device)
            self._device = None


def open_output(config_audio: Mapping[str, Any], engine: ScoreEngine,
                time_fn: Callable[[], float], warn: Callable[[str], None]) -> Output:
    """The sound output the config's checked [audio] section asks for (every key present)."""
    if not config_audio["enabled"]:
        return NullOutput(DISABLED)
    device = config_audio["device"]
    return DeviceOutput(engine, engine.sr, config_audio["buffer"], config_audio["volume"],
                        None if device == "default" else device, time_fn, warn)
