"""Live sound: a worker renders the score ahead into SDL's queue; the sound card only copies."""

from __future__ import annotations

import logging
import math
import sys
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from installation.adapters.audio_status import (  # noqa: F401 - also named from here
    CLOSED,
    DISABLED,
    LOST,
    OPENING,
    PLAYING,
    SILENT,
    NullOutput,
    Output,
)
from installation.adapters.cue_maker import MAKER_NICE, CueMaker
from installation.adapters.device_life import DeviceLife
from installation.adapters.device_watch import (
    BURST_MAX_S,
    Device,
    DeviceWatch,
    Opener,
    load_per_processor,
)
from installation.adapters.drift import drift_said
from installation.adapters.pace_trim import PaceTrim
from installation.adapters.queue_redo import QueueRedo
from installation.adapters.refill import RefillWatch
from installation.adapters.requeue import Sent
from installation.adapters.sdl_audio import open_device
from installation.adapters.thread_name import name_thread
from installation.audio.errors import BuildCancelled

if TYPE_CHECKING:  # the synthesis (scipy) is loaded by the worker, never by the show's thread
    from installation.audio.engine import ScoreEngine

AHEAD_S = 3.0  # how much sound the worker keeps queued ahead of the device (a starved worker)
PREPARE_S = 120.0  # a cue's sound is made ahead once its cue is this many real seconds away
MAKING_AHEAD_S = BURST_MAX_S  # kept queued while one is made (up to a second of CPU; more
# when busy): the most a device may take at once
SWITCH_INTERVAL_S = 0.001  # how soon the drawing thread hands the interpreter to the worker
CLOSE_WAIT_S = 2.0  # closing a device waits this long, then the show carries on without it
STOP_WAIT_S = 0.25  # stopping while the score is built (no device open) waits this long
RESYNC_S = 0.5  # audio further than this from the clock jumps back into place
IDLE_WAIT_S = 0.01
HELD_S = 0.1  # a device holding more beyond real time (a burst) says nothing of the offset
IN_STEP_S = 0.01  # an opened device's first sound is this near the clock's 'now', or caught up
CATCH_UP_TRIES = 3  # ... this many times at most (the first may build the scene's voices)
FAILURES_REPORTED = 10  # distinct engine errors worth a warning; after that, the log is spared
CHANNELS = 2

log = logging.getLogger("installation.audio")

# Builds the score engine (seconds: scipy, the cue sounds); raises BuildCancelled once the
# function it is given says the output is stopping.
EngineMaker = Callable[[Callable[[], bool]], "ScoreEngine"]


class DeviceOutput(DeviceWatch, QueueRedo, DeviceLife):
    """The score on the sound card through SDL's queue (no mixer, no callback): a device SDL
    gives up on is noticed at once, one that takes nothing for LOST_S beyond what it holds
    (`stalled_s`) is taken for lost too; either is said once, closed without waiting on it
    for long, and reopened with backoff; the sound comes back at the clock's 'now', in step
    with the picture.

    The worker builds the engine (`make_engine`) itself: importing the synthesis and making
    its first sounds takes seconds, and the thread that draws the picture must not wait."""

    def __init__(self, make_engine: EngineMaker, sample_rate: int, buffer: int, volume: float,
                 device: str | None, story_wall: Callable[[], float],
                 warn: Callable[[str], None], *, close_wait: float = CLOSE_WAIT_S,
                 opener: Opener = open_device, monotonic: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time,
                 load: Callable[[], float] = load_per_processor) -> None:
        self.make_engine = make_engine
        self.engine: ScoreEngine | None = None  # built by the worker
        self.sample_rate = sample_rate
        self.buffer = buffer
        self.device_name = device
        self.story_wall = story_wall  # the show's wall clock (--at, --speed): what plays
        self.warn = warn
        self.close_wait = close_wait
        self.opener = opener
        self.monotonic = monotonic  # how long the device has been quiet (the story may jump)
        self.wall = wall  # real time of day: when the card last took sound, for the status
        self.load = load  # runnable tasks per processor (above 1: a stall may be only that)
        self.underruns = 0
        self.status = OPENING
        self.stuck = False  # a device did not close in time: leave SDL's audio alone at exit
        self.busy = False  # stopped while still building the score: the worker was left to it
        self._volume = volume
        self._gain = volume
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._device: Device | None = None
        self._closed: list[Device] = []
        self._queued = 0  # frames in the device's queue after the last feed
        self._dry = False  # the queue ran empty (one underrun per dry spell)
        self._opened_at = 0.0  # monotonic
        self._taken_at: float | None = None  # monotonic time the device last took frames
        self._seen = 0  # frames queued as last seen (and queued since), to tell what was taken
        self._held_until = -math.inf  # monotonic: a burst taken beyond real time lasts till then
        self._warned = False
        self._failures: set[str] = set()  # the engine's errors already reported
        self._retries = 0  # failed attempts since the device last played
        self._doing = "starting"  # what the worker is doing, for the underrun log
        self._underrun_doing = ""
        self._looked_at = 0.0  # monotonic: the worker's last look at the queue (a starved
        # worker, the processor or the interpreter lock busy elsewhere, looks late)
        self._underruns_logged = 0
        self._underrun_logged_at = -math.inf
        self._power = 0.0  # mean power of what was queued, over about LOUDNESS_S
        self._loudness: float | None = None  # its level in dBFS, once a block was queued
        self._maker = CueMaker(lambda cue, why: self.score.cue_failed(cue, why))  # makes
        # cue sounds ahead, beside the worker; a cue that failed is the engine's to report
        self._sent = Sent()  # what the device's queue holds (it is made again on a change)
        self._retake = threading.Event()  # the program or the speed changed: make it again
        self._queue_volume = volume  # the volume of what is queued, as last requeued
        self._requeued_at = -math.inf  # monotonic
        self._refill = RefillWatch(sample_rate)  # a device holding a silence after a dry spell
        self._old: Device | None = None  # reopened from: closed once the new one is heard
        self._taken_frames = 0  # taken by the open device since it opened
        self._trim = PaceTrim(sample_rate, 0.0)  # the card's pace measured, the score's trimmed
        self.first_wall: float | None = None  # the story's wall time of the first frame
        # queued to the device last opened (the seek's, and what the clock passed since)

    @property
    def loudness_db(self) -> float | None:
        """How loud the score plays now, in dBFS (power over about a second, after volume);
        None until the first sound is queued."""
        return self._loudness

    @property
    def score(self) -> ScoreEngine:
        """The engine, which only the worker uses, once it has built it."""
        if self.engine is None:
            raise RuntimeError("the score engine is not built yet")
        return self.engine

    def start(self) -> None:
        # The worker renders in many short steps, each waiting for the interpreter lock while
        # the picture is drawn: at Python's default 5 ms a second of sound took 0.27 s beside
        # a thread drawing at 1920x1080 (0.07 s of processor), at 1 ms 0.20 s.
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="audio", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop the worker and close the device: waits about CLOSE_WAIT_S for an open device
        to close. With none open yet the worker is building the score, or with one open a
        cue's sound may be being made (by the maker, its block perhaps waiting for it): it
        gives up between two sounds, waited for STOP_WAIT_S only; a worker or maker still busy
        then (one sound takes up to seconds, importing scipy too) is left to finish on its own
        and `busy` says so.
        The process must then leave with os._exit: a worker inside numpy or scipy while the
        interpreter exits aborts it (SIGABRT, 'terminate called without an active exception')."""
        self._stop.set()
        if self._thread is not None:
            opened = self._device is not None and not self._making()
            self._thread.join(timeout=self.close_wait + 1.0 if opened else STOP_WAIT_S)
            if self._thread.is_alive() and opened and not self._making():  # (begun meanwhile)
                self.stuck = True
                log.error("the audio worker did not stop; the show stops without it")
            elif self._thread.is_alive():
                self.busy = True
                log.debug("stopped while a score or cue sound was made; not waiting for it")
            self._thread = None
        if self._maker.busy:  # inside numpy: the process must not wait for it, nor exit under it
            self.busy = True
            log.debug("stopped while a cue sound was made ahead; not waiting for it")
        self.status = CLOSED

    def _making(self) -> bool:
        """Is a cue's sound being made (seconds, as the build: not waited for)? The worker
        may be waiting for it, its block due."""
        return self.engine is not None and self.engine.making

    def set_volume(self, volume: float) -> None:
        if math.isfinite(volume):  # NaN would stay in the gain ramp, and in the sound, forever
            self._volume = float(np.clip(volume, 0.0, 1.0))

    def requeue(self) -> None:
        """The score changed (a reload, a new speed: any thread): the sound already queued is
        made again from the frame the device takes next, crossfading into it."""
        self._retake.set()

    # --- the worker -----------------------------------------------------------------------

    def _work(self) -> None:
        name_thread("mm-audio")  # (the sound tests name the threads a busy machine starves)
        while not self._stop.is_set():
            try:
                if self.engine is None:
                    self._build()
                else:
                    self._step()
            except BuildCancelled:
                break  # stopping while a cue sound was to be made: the loop ends
            except Exception as exc:  # noqa: BLE001 - the sound may fail; the show may not
                self._lose(f"the sound stopped ({type(exc).__name__}: {exc})")
        self._close()

    def _build(self) -> None:
        """Build the engine here, on the worker: the show goes on drawing meanwhile."""
        self._doing = "building the score"
        try:
            engine = self.make_engine(self._stop.is_set)
        except BuildCancelled:
            return  # stopping: the worker's loop ends
        except Exception as exc:  # noqa: BLE001 - a bug in the score must not stop the show
            self._complain(f"the score could not be built ({type(exc).__name__}: {exc})")
            self._stop.wait(self.retry_delay())
            return
        engine.wait_for_cues = False  # a cue whose sound is not made yet joins late: the
        self.engine = engine  # score goes on (the maker makes it first, see _prepare)

    def _step(self) -> None:
        if self._device is None and not self._open():
            self._stop.wait(self.retry_delay())
            return
        self._feed(MAKING_AHEAD_S if self._maker.busy else AHEAD_S)
        self._log_underruns()
        if not self._check():
            return
        self._prepare()
        self._doing = "waiting"
        self._stop.wait(IDLE_WAIT_S)

    def _check(self) -> bool:
        """Close a device that is gone (False), and reopen one that holds a silence."""
        why = self._lost()
        if why:
            self._lose(why)
            return False
        silent = self._refill.finish(self.monotonic())
        if silent:
            self._reopen(f"the audio device took nothing for {silent:.2f} s after its queue ran "
                         "dry (the sound server was handed silence ahead)")
        elif self._old is not None and self._heard_new():
            old, self._old = self._old, None
            self._shut(old)
        return True

    def _prepare(self) -> None:
        """Have the sound of the next cue due within PREPARE_S made, if it is not yet: with
        MAKING_AHEAD_S queued, by the maker (a thread of its own, at a lower priority unless
        the cue is due within that, or already due and waiting for it) while this worker goes
        on feeding the card; a cue that comes before its sound is made joins late, where it
        would be by then (the score does not wait for it)."""
        if self._maker.busy:
            return
        cue = self.score.upcoming(PREPARE_S)
        if cue is None or cue is self._maker.gave_up:
            return
        self._feed(MAKING_AHEAD_S)
        soon = self.score.upcoming(MAKING_AHEAD_S) is cue  # it would join late
        self._maker.start(cue, self.score.prepare, 0 if soon else MAKER_NICE)

    def heard_now(self) -> float:
        """The wall time of the sound that the card plays when a block queued now reaches it:
        SDL holds one device buffer beyond its queue (a sound server may hold more), so the
        sound is that much ahead."""
        latency = self._device.latency if self._device is not None else self.buffer
        return self.story_wall() + self._wall_seconds(latency)

    def _wall_seconds(self, frames: float) -> float:
        """The story's wall seconds `frames` of sound cover (more than real ones in a preview),
        at the pace the score is made at now (trimmed to the card's)."""
        return frames * self.score.pace / self.sample_rate

    def _open(self) -> bool:
        self._doing = "opening the device"
        try:
            device = self.opener(self.device_name, self.sample_rate, self.buffer)
        except Exception as exc:  # noqa: BLE001 - any SDL failure means: no device, retry
            self._complain(f"no audio device ({exc})")
            return False
        self._device, self._queued, self._dry, self._seen = device, 0, False, 0
        self._held_until = -math.inf
        self._refill, self._taken_frames = RefillWatch(self.sample_rate), 0
        self._sent, self._retake = Sent(), threading.Event()  # the change is in the seek
        self.score.seek(self.heard_now())
        self._catch_up()
        self.first_wall = self.score.wall
        log.info("audio: device opened; its first sound is %.3f s from the seek",
                 self.first_wall - self.score.start_wall)
        self._trim = PaceTrim(self.sample_rate, self.monotonic(), self.score.trim)
        self._feed()
        self._opened_at, self._taken_at = self.monotonic(), None
        self._trim.put_in_step(self._opened_at, 0)  # (the card plays from here)
        self.status = PLAYING
        device.play()
        self._retries = 0
        if self._warned:
            self.warn("audio device is back: sound resumes")
            self._warned = False
        return True

    def _catch_up(self) -> None:
        """After a seek, play unheard what the clock passed while it was made (its pre-roll,
        the scene's voices built: seconds on a busy machine), so the first block queued is
        'now' again; a few tries, each shorter than the last (one seek, not two)."""
        for _ in range(CATCH_UP_TRIES):
            late = self.heard_now() - self.score.wall
            if late <= IN_STEP_S:
                return
            self.score.render(round(late * self.sample_rate / self.score.pace))

    def _feed(self, ahead: float = AHEAD_S) -> None:
        """Keep `ahead` seconds of sound queued, starting from 'now' if the queue has drifted."""
        device = self._device
        if device is None:
            return
        queued = self._watch(device.queued())
        # The frame the device plays next should be about 'now': the score's pace is trimmed
        # to bring it there gradually; one that is far off (a seek, a jump) jumps back.
        offset = self._sent.story_frames(queued, self.score.pace)
        offset = self.score.wall - offset / self.sample_rate - self.heard_now()
        if abs(offset) > (RESYNC_S + AHEAD_S) * self.score.speed:  # (real seconds: untrimmed)
            now = self.monotonic()
            log.info(drift_said(offset, self.score.speed,
                                self._trim.watched(now, self._taken_frames)))
            queued = self._resync(device)
            self._trim.put_in_step(now, self._taken_frames)
        else:
            self._keep_pace(offset / self.score.speed)
        self._redo(device, queued)
        queued = self._watch(device.queued())
        self._doing = "rendering the score" + (", a cue's sound being made beside it"
                                               if self._maker.busy else "")
        while queued < ahead * self.sample_rate and not self._stop.is_set() \
                and not self._refill.due(self.monotonic()):  # (heard out by _check first)
            raw = self._render()  # a scene's first block may take a while
            block = self._gained(raw)
            # A queue that ran dry while the block was made is an underrun (the card played
            # silence); it had nothing to take until now: that silence is not the device's.
            if self._watch(device.queued()) == 0:
                self._taken_at = self.monotonic()
            device.queue(block)
            self._seen += len(block)
            self._sent.add(raw, block, self.score.pace)
            self._measure(block)
            # What was queued before the render, plus the block: if the device took frames
            # meanwhile, the next look at the queue finds less, and knows it is alive.
            self._queued = queued + len(block)
            queued = self._watch(device.queued())
            self._sent.keep(queued)
        self._dry = queued == 0

    def _keep_pace(self, offset_s: float) -> None:
        """Trim the score's pace to the card's, the sound `offset_s` real seconds from the
        picture (negative: behind); the log says the card's pace every so often."""
        now = self.monotonic()
        held = self._held_until - now > HELD_S  # (a card a little fast is 'held' a little)
        self.score.set_trim(self._trim.look(now, self._taken_frames, offset_s, held))
        said = self._trim.said(now)
        if said:
            log.info(said)

    def _render(self) -> np.ndarray:
        try:
            return self.score.render(self.score.chunk)
        except BuildCancelled:
            raise  # stopping, while a cue's sound was to be made for this block
        except Exception as exc:  # noqa: BLE001 - a bug in the score must not stop the show
            self._failed(f"{type(exc).__name__}: {exc}")
            return np.zeros((self.score.chunk, CHANNELS), dtype=np.float32)

    def _failed(self, why: str) -> None:
        """Report each engine failure once: it would fail again on every block."""
        if why in self._failures or len(self._failures) >= FAILURES_REPORTED:
            return
        self._failures.add(why)
        more = ("; further engine errors are not reported"
                if len(self._failures) == FAILURES_REPORTED else "")
        self.warn(f"audio engine failed ({why}); silence{more}")



def open_output(config_audio: Mapping[str, Any], make_engine: EngineMaker,
                story_wall: Callable[[], float], warn: Callable[[str], None]) -> Output:
    """The sound output the config's checked [audio] section asks for (every key present);
    its worker builds the engine with `make_engine` (for the config's sample rate)."""
    if not config_audio["enabled"]:
        return NullOutput(DISABLED)
    device = config_audio["device"]
    return DeviceOutput(make_engine, config_audio["sample_rate"], config_audio["buffer"],
                        config_audio["volume"],
                        None if device == "default" else device, story_wall, warn,
                        opener=open_device)  # looked up now: a test may stand in for SDL
