"""Live output: what SDL's disk driver recorded equals the offline render; no device = silent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from scipy import signal

import installation.audio.cue_sounds as cue_sounds_module
from installation.adapters.audio_output import (
    AHEAD_S,
    CLOSED,
    DISABLED,
    FAILURES_REPORTED,
    LOST,
    MAKING_AHEAD_S,
    PLAYING,
    RESYNC_S,
    SILENT,
    DeviceOutput,
    NullOutput,
    open_output,
)
from installation.adapters.device_watch import BUSY_LOST_S, LOST_S, UNDERRUN_LOG_S
from installation.adapters.queue_redo import VOLUME_RAMP_S
from installation.adapters.refill import WATCH_S
from installation.audio.engine import ScoreEngine
from installation.audio.errors import BuildCancelled
from installation.core.timeutil import parse_clock

from .conftest import AUDIO, FIXED_WALL, RATE, SCORE, make_clock, make_program


def underrun_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The underrun lines logged (an earlier test may have let the output's info lines through)."""
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("audio underrun")]


LOOK_S = 0.1  # between two looks of a worker in the tests below (it looks every 10 ms)

LIVE = """
import json, sys, time
from pathlib import Path
from installation.audio.engine import ScoreEngine
from installation.adapters.audio_output import open_output
from installation.core.clock import shifted
from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock
from tests.audio.conftest import AUDIO, make_program

program = make_program(load_timeline(Path(sys.argv[1])))
now = time.time()
wall = shifted(time.time, program.wall_at(parse_clock("13:00"), now) - now)
engine = ScoreEngine(program, 48000, print, wall())
output = open_output({**AUDIO, "volume": 1.0, "buffer": 512}, lambda _cancelled: engine, wall,
                     print)
output.start()
deadline = time.monotonic() + 30  # a loaded machine may take a while to build the first sound
while output.status != "playing" and time.monotonic() < deadline:
    time.sleep(0.05)
time.sleep(1.2)
status = output.status
output.stop()
print(json.dumps({"start": engine.start_wall, "first": output.first_wall, "status": status,
                  "closed": output.status, "underruns": output.underruns}))
"""


def test_the_device_hears_what_the_offline_render_makes(tmp_path: Path) -> None:
    score = tmp_path / "score.toml"
    score.write_text(SCORE)
    raw = tmp_path / "device.raw"
    env = {**os.environ, "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw),
           "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", LIVE, str(score)], env=env, cwd=root,
                          capture_output=True, text=True, timeout=60)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["status"] == "playing" and report["closed"] == "closed"
    heard = np.fromfile(raw, dtype=np.float32).reshape(-1, 2)
    assert len(heard) > RATE // 2

    from installation.core.timeline import load_timeline

    timeline = load_timeline(score)
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    engine.seek(report["start"])
    # (after its seek the device played on, unheard, what the clock passed meanwhile)
    engine.render(max(0, round((report["first"] - report["start"]) * RATE)))
    offline = engine.render(len(heard))
    corr = signal.correlate(heard[:, 0], offline[:, 0], mode="full", method="fft")
    # SDL may lead with silence (and a starved, busy machine jumps back in time: the
    # recording then matches from the last jump, which is where `start` points).
    lag = int(corr.argmax()) - (len(offline) - 1)
    overlap = len(heard) - lag
    assert lag >= 0 and overlap > RATE // 4, (lag, report)
    if report["underruns"]:  # a busy machine starved the device: compare up to the gap
        silent = np.convolve((heard[lag:, 0] == 0).astype(float), np.ones(64), "valid")
        gaps = np.nonzero(silent == 64)[0]
        overlap = int(gaps[0]) if gaps.size else overlap
        assert overlap > RATE // 4, report
    diff = heard[lag:lag + overlap] - offline[:overlap]
    assert np.abs(diff).max() < 1e-5
    assert np.sqrt(np.mean(offline[:overlap] ** 2)) > 0.01


def test_disabled_audio_is_a_null_output(timeline) -> None:
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    output = open_output({**AUDIO, "enabled": False}, lambda _cancelled: engine, lambda: 0.0,
                         lambda m: None)
    assert isinstance(output, NullOutput) and output.status == DISABLED
    output.start()
    output.set_volume(0.5)
    output.stop()
    assert output.underruns == 0


def test_a_missing_device_warns_once_and_the_show_goes_on(timeline) -> None:
    warnings: list[str] = []
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    output = open_output({**AUDIO, "device": "No Such Speakers"}, lambda _cancelled: engine,
                         lambda: 0.0, warnings.append)
    assert isinstance(output, DeviceOutput)
    output._build()
    assert not output._open() and not output._open()
    assert output.status == SILENT == "no device, retrying"
    assert len(warnings) == 1 and "no audio device" in warnings[0]


class FakeDevice:
    """Stands in for SDL's queue: the test says what it took; it may go away, or hang."""

    def __init__(self, hang: threading.Event | None = None, latency: int = 256) -> None:
        self.latency = latency  # as the output was opened with (the device buffer)
        self.blocks: list[np.ndarray] = []
        self.waiting = 0  # frames queued, not yet taken
        self.gone = False
        self.closed = False
        self.hang = hang  # close waits on this (a sound server that does not answer)
        self.replaced = 0  # times what was queued was replaced

    def queue(self, block: np.ndarray) -> None:
        self.blocks.append(block.copy())
        self.waiting += len(block)

    def queued(self) -> int:
        return self.waiting

    def take(self, frames: int) -> None:
        self.waiting = max(0, self.waiting - frames)

    def clear(self) -> None:
        self.waiting = 0

    def replace(self, make: Callable[[int], np.ndarray | None]) -> bool:
        """As SDL's: what is left queued (the ends of the blocks) is replaced by make's."""
        block = make(self.waiting)
        if block is None:
            return False
        self.blocks, self.waiting = self.heard(), 0
        self.queue(block)
        self.replaced += 1
        return True

    def heard(self) -> list[np.ndarray]:
        """The blocks as far as the device took them (what is queued cut off)."""
        sent = np.concatenate(self.blocks) if self.blocks else np.zeros((0, 2), np.float32)
        return [sent[:len(sent) - self.waiting]]

    def play(self) -> None:
        pass

    def stopped(self) -> bool:
        return self.gone

    def close(self) -> None:
        if self.hang is not None:
            self.hang.wait()
        self.closed = True


class Clocks:
    """Fake monotonic and wall time for an output, moved by the test."""

    def __init__(self) -> None:
        self.now = 100.0
        self.load = 0.5  # runnable tasks per processor, as the output reads it: not busy

    def load_now(self) -> float:
        return self.load

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return 1.8e9 + self.now


def playing_output(timeline, clocks: Clocks, warnings: list[str], device: FakeDevice,
                   volume: float = 0.8, close_wait: float = 1.0,
                   start: float = FIXED_WALL) -> DeviceOutput:
    """An output that opened `device` at clocks.now (no worker thread: the test steps it),
    its story at the wall time `start`."""
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, start)
    output = DeviceOutput(lambda _cancelled: engine, RATE, 256, volume, None, lambda: engine.wall,
                          warnings.append, close_wait=close_wait,
                          opener=lambda name, rate, buffer: device,
                          monotonic=clocks.monotonic, wall=clocks.wall, load=clocks.load_now)
    output._build()
    assert output._open()
    return output


def test_stopping_while_the_score_is_built_does_not_wait_for_the_build() -> None:
    """Quitting (Esc, SIGTERM) in the first seconds, while the worker builds the score: stop()
    returns while the build still runs (here: until the test lets it go), says the worker is
    left busy, and the worker opens no device once the build is done."""
    building, release = threading.Event(), threading.Event()
    opened: list[str | None] = []

    def build(cancelled: Callable[[], bool]) -> ScoreEngine:
        building.set()
        release.wait(60.0)  # a build as long as the test wants (seconds of scipy on a slow PC)
        assert cancelled()  # the engine would give up here, between two sounds
        raise BuildCancelled

    def opener(name: str | None, rate: int, buffer: int) -> FakeDevice:
        opened.append(name)
        return FakeDevice()

    output = DeviceOutput(build, RATE, 256, 0.8, None, lambda: FIXED_WALL, print, opener=opener)
    output.start()
    worker = output._thread
    assert worker is not None and building.wait(60.0)
    output.stop()
    still_building = not release.is_set()  # stop() returned with the build under way
    release.set()
    worker.join(60.0)
    assert still_building and output.busy and output.status == CLOSED
    assert not worker.is_alive() and opened == [] and not output.stuck


def held_synth(monkeypatch: pytest.MonkeyPatch, made: list[str]
               ) -> tuple[threading.Event, threading.Event]:
    """Cue sounds that take as long as the test says: (one is being made, let it finish)."""
    making, release = threading.Event(), threading.Event()

    def synth(name: str, rate: int) -> np.ndarray:
        made.append(name)
        making.set()
        release.wait(60.0)
        return np.zeros((2, 8), np.float32)

    monkeypatch.setattr(cue_sounds_module, "synth", synth)
    return making, release


def test_the_card_is_fed_while_a_coming_cues_sound_is_made(
        timeline, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sound starts before any cue's sound is made; the sound of the cue coming next is
    then made beside the worker (a thread of its own), with MAKING_AHEAD_S queued, and
    however long that takes the worker keeps the card's queue full; it is made once."""
    made: list[str] = []
    making, release = held_synth(monkeypatch, made)
    clocks, device = Clocks(), FakeDevice()
    before = make_clock(timeline).wall_at(parse_clock("13:00"), FIXED_WALL)  # 35 s to the payphone
    output = playing_output(timeline, clocks, [], device, start=before)
    assert output.status == PLAYING and device.blocks and made == []
    try:
        output._step()
        assert making.wait(60.0) and made == ["payphone"]
        assert device.waiting >= MAKING_AHEAD_S * RATE
        for _ in range(3):  # the card plays on while the sound is made (seconds when busy)
            device.take(device.waiting)
            output._step()
            assert device.waiting >= MAKING_AHEAD_S * RATE
    finally:
        release.set()
    maker = output._maker._thread
    assert maker is not None
    maker.join(60.0)
    device.take(device.waiting)
    output._step()
    assert made == ["payphone"] and not output._maker.busy


def test_stopping_while_a_cue_sound_is_made_does_not_wait_for_it(
        timeline, monkeypatch: pytest.MonkeyPatch) -> None:
    """Quitting while a cue's sound is made (a second or more): stop() returns with the
    sound under way, as during the build, and says so (`busy`: the process must not wait
    for it); the worker has stopped, the maker stops on its own."""
    making, release = held_synth(monkeypatch, [])
    before = make_clock(timeline).wall_at(parse_clock("15:00"), FIXED_WALL)
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, before)
    device = FakeDevice()
    output = DeviceOutput(lambda _cancelled: engine, RATE, 256, 0.8, None, lambda: engine.wall,
                          print, opener=lambda name, rate, buffer: device)
    output.start()
    worker = output._thread
    assert worker is not None and making.wait(60.0)
    output.stop()
    returned_while_making = not release.is_set()
    release.set()
    worker.join(60.0)
    assert returned_while_making and output.busy and not output.stuck
    assert not worker.is_alive() and output.status == CLOSED


def test_the_worker_keeps_the_queue_ahead_and_ramps_the_volume(timeline) -> None:
    clocks, device = Clocks(), FakeDevice()
    output = playing_output(timeline, clocks, [], device, volume=1.0)
    assert output.status == PLAYING and device.waiting >= AHEAD_S * RATE
    offline = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    offline.seek(output.score.start_wall)
    heard = np.concatenate(device.blocks)
    assert np.allclose(heard, offline.render(len(heard)), atol=1e-6)  # the score, as rendered
    device.blocks.clear()
    output.set_volume(0.0)
    device.take(device.waiting)
    output._feed()
    quiet = np.concatenate(device.blocks)
    ramp = int(VOLUME_RAMP_S * RATE)  # down within the ramp, to the block it ends in
    assert np.abs(quiet[0]).max() > 0 and not quiet[ramp + output.score.chunk:].any()


def test_a_volume_that_is_not_a_number_is_ignored(timeline) -> None:
    clocks, device = Clocks(), FakeDevice()
    output = playing_output(timeline, clocks, [], device, volume=1.0)
    for volume in (float("nan"), float("inf"), 0.5):
        output.set_volume(volume)
    assert output._volume == 0.5


def test_a_device_that_stops_taking_sound_is_lost_and_said_once(timeline) -> None:
    clocks, warnings, device = Clocks(), list[str](), FakeDevice()
    output = playing_output(timeline, clocks, warnings, device)
    clocks.now += 1.0
    device.take(256)
    assert output._lost() == ""
    assert output.last_block_at == 1.8e9 + 101.0
    for _ in range(round(LOST_S / LOOK_S) - 1):  # the worker looks every so often
        clocks.now += LOOK_S
        assert output._lost() == ""
    clocks.now += 2 * LOOK_S  # within 2 s of the last frames taken
    assert output._lost() == "the audio device stopped taking sound"
    output._lose(output._lost())
    output._lose("the audio device stopped taking sound")
    assert device.closed and output.status == LOST == "lost, retrying"
    assert warnings == ["the audio device stopped taking sound: the show goes on silent; "
                        "retrying"]


def test_a_sound_server_that_takes_its_share_late_is_not_a_lost_device(timeline) -> None:
    """Through a sound server holding two seconds, a busy machine may keep it from taking
    for that long: reopening would add seconds of silence. A device that takes nothing for
    LOST_S beyond what it holds is lost all the same."""
    clocks, device = Clocks(), FakeDevice(latency=2 * RATE)
    output = playing_output(timeline, clocks, [], device)
    assert_lost_only_after(output, clocks, 2.0 + LOST_S)


def test_on_a_machine_busier_than_its_processors_a_stall_is_waited_out_longer(
        timeline) -> None:
    """Beside more runnable tasks than processors a sound server waited its turn for 3.5 s
    and more, and reopening added seconds of silence: BUSY_LOST_S is waited instead."""
    clocks, device = Clocks(), FakeDevice(latency=2 * RATE)
    clocks.load = 6.0
    output = playing_output(timeline, clocks, [], device)
    assert_lost_only_after(output, clocks, BUSY_LOST_S)


def assert_lost_only_after(output: DeviceOutput, clocks: Clocks, seconds: float) -> None:
    """The worker looks every LOOK_S while the device takes nothing: not lost a look before
    `seconds`, lost a look after."""
    for _ in range(round(seconds / LOOK_S) - 1):
        clocks.now += LOOK_S
        assert output._lost() == ""
    clocks.now += 2 * LOOK_S
    assert output._lost() == "the audio device stopped taking sound"


def test_a_worker_that_did_not_look_for_seconds_does_not_call_the_device_lost(
        timeline) -> None:
    """A starved worker (the processor or the interpreter lock busy with the picture) cannot
    tell whether the device took sound meanwhile: closing it would only add a silence."""
    clocks, warnings, device = Clocks(), list[str](), FakeDevice()
    output = playing_output(timeline, clocks, warnings, device)
    clocks.now += 2 * LOST_S
    assert output._lost() == ""
    lost = []
    for _ in range(round(LOST_S / LOOK_S) + 1):  # looking again: this device takes nothing
        clocks.now += LOOK_S
        lost.append(output._lost())
    assert lost[-1] == "the audio device stopped taking sound"


def test_a_device_sdl_gave_up_on_is_lost_at_once(timeline) -> None:
    clocks, warnings, device = Clocks(), list[str](), FakeDevice()
    output = playing_output(timeline, clocks, warnings, device)
    assert output._lost() == ""
    device.gone = True  # SDL_GetAudioDeviceStatus says stopped: the sound server went away
    assert output._lost() == "the audio device went away (sound server stopped, or unplugged)"


def test_a_story_jump_is_not_a_lost_device(timeline) -> None:
    clocks, device = Clocks(), FakeDevice()
    output = playing_output(timeline, clocks, [], device)
    output.score.seek(output.score.wall + 3600.0)  # run --at, or a fast story
    output._feed()
    assert output._lost() == "" and output.status == PLAYING


def test_sound_far_from_the_clock_plays_on_until_the_sound_from_now_is_made(
        timeline, monkeypatch) -> None:
    """The card took nothing for seconds (a sound server or the machine held up) and the clock
    went on: what is queued is dropped for the score from 'now'. Its first block may take a
    second or more (a scene's voices are built after the jump): the card plays what was
    queued meanwhile, not silence (no underrun), then the score from 'now' at once."""
    clocks, device = Clocks(), FakeDevice()
    output = playing_output(timeline, clocks, [], device)
    late = output.story_wall() + AHEAD_S + RESYNC_S + 1.0
    output.story_wall = lambda: late
    render, held = output.score.render, list[int]()

    def slow(frames: int) -> np.ndarray:
        if not held:  # the first block from 'now'
            clocks.now += 1.0
            device.take(RATE // 2)  # the card plays on meanwhile: what is still queued
            held.append(device.waiting)
        return render(frames)

    monkeypatch.setattr(output.score, "render", slow)
    device.take(output.score.chunk)
    output._feed()
    assert held and min(held) > 0 and output.underruns == 0
    assert output.score.start_wall == late + device.latency / RATE  # from 'now' on
    offline = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    offline.seek(output.score.start_wall)
    queued = np.concatenate(device.blocks)[-device.waiting:]  # what the card plays next
    ramp = round(VOLUME_RAMP_S * RATE)  # (crossfaded from the sound it replaces: no click)
    assert np.allclose(queued[ramp:], 0.8 * offline.render(len(queued))[ramp:], atol=1e-6)


@pytest.mark.parametrize("load", [0.5, 6.0])
def test_a_device_that_takes_nothing_is_lost_though_its_sound_is_put_back_in_step(
        timeline, load: float) -> None:
    """Through a sound server a device that takes nothing falls behind the clock, and its
    queued sound is dropped for the sound from 'now' every few seconds: that is not the
    device taking sound. It is taken for lost in time all the same, and reopened (after a
    show held up for seconds, SDL's PulseAudio stream took nothing again and never closed)."""
    clocks, device = Clocks(), FakeDevice(latency=2 * RATE)
    clocks.load = load
    output = playing_output(timeline, clocks, [], device)
    start, now = output.story_wall(), clocks.now
    output.story_wall = lambda: start + clocks.now - now  # the picture's clock goes on
    lost, resyncs = "", 0
    while not lost and clocks.now - now < 2 * BUSY_LOST_S:
        clocks.now += LOOK_S
        before = device.replaced
        output._feed()
        resyncs += device.replaced - before
        lost = output._lost()
    assert lost == "the audio device stopped taking sound" and resyncs >= 1
    assert clocks.now - now <= output.stalled_s() + 2 * LOOK_S


def test_closing_a_device_that_hangs_gives_up_and_carries_on(timeline) -> None:
    hang = threading.Event()
    clocks, device = Clocks(), FakeDevice(hang)
    output = playing_output(timeline, clocks, [], device, close_wait=0.05)
    try:
        output._lose("the audio device went away (sound server stopped, or unplugged)")
        assert output.stuck and output.status == LOST and output._device is None
        assert not device.closed  # still waiting on the server, in a thread of its own
    finally:
        hang.set()


def test_reopening_backs_off_and_starts_short_again_after_a_loss(timeline) -> None:
    clocks, device = Clocks(), FakeDevice()
    output = playing_output(timeline, clocks, [], device)
    assert [output.retry_delay() for _ in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    output._lose("the audio device stopped taking sound")
    assert output.retry_delay() == 0.5  # a restarted sound server is back within seconds


def test_underruns_are_counted_and_logged_with_what_the_worker_was_doing(
        timeline, caplog: pytest.LogCaptureFixture) -> None:
    clocks, device = Clocks(), FakeDevice()
    output = playing_output(timeline, clocks, [], device)
    for _ in range(3):
        device.take(device.waiting)  # the device ran dry while the worker was busy
        output._feed()
    output._log_underruns()
    device.take(device.waiting)
    clocks.now += 1.25  # the worker did not get the processor (or the interpreter) for 1.25 s
    output._feed()
    output._log_underruns()  # too soon for another line
    clocks.now += UNDERRUN_LOG_S
    output._log_underruns()
    assert output.underruns == 4
    assert underrun_lines(caplog) == [
        "audio underrun: 3 since the last report (3 in all); the worker was rendering the "
        "score, 0.00 s since it last looked",
        "audio underrun: 1 since the last report (4 in all); the worker was rendering the "
        "score, 1.25 s since it last looked"]


def test_a_failing_score_warns_once_per_distinct_error(timeline, monkeypatch) -> None:
    clocks, warnings, device = Clocks(), list[str](), FakeDevice()
    output = playing_output(timeline, clocks, warnings, device)
    errors = iter([ValueError("bad chord")] * 20 + [KeyError("pad")] * 20)

    def fail(frames: int) -> np.ndarray:
        raise next(errors)

    monkeypatch.setattr(output.score, "render", fail)
    device.blocks.clear()
    for _ in range(40):  # the first 20 blocks fail one way, the rest another
        device.take(output.score.chunk)
        output._feed()
    assert warnings == ["audio engine failed (ValueError: bad chord); silence",
                        "audio engine failed (KeyError: 'pad'); silence"]
    assert device.blocks and not np.concatenate(device.blocks).any()
    errors = iter(ValueError(f"note {n}") for n in range(100))  # a new message every block
    for _ in range(20):
        device.take(device.waiting)
        output._feed()
    assert len(warnings) == FAILURES_REPORTED and "not reported" in warnings[-1]


def test_the_sound_is_queued_ahead_by_the_device_buffer_to_stay_with_the_picture(
        timeline) -> None:
    def first_sound(latency: int) -> float:
        """The wall time of the first frame queued to a device `latency` frames from heard."""
        engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
        output = DeviceOutput(lambda _cancelled: engine, RATE, 4096, 0.8, None, lambda: FIXED_WALL,
                              lambda m: None,
                              opener=lambda name, rate, buffer: FakeDevice(latency=latency))
        output._build()
        assert output._open()
        return engine.start_wall

    # what the card plays at FIXED_WALL: through SDL's buffer, or a sound server's half second
    assert first_sound(4096) == FIXED_WALL + 4096 / RATE
    assert first_sound(RATE // 2) == FIXED_WALL + 0.5


def test_opening_a_device_seeks_once_and_its_first_sound_is_now(timeline, monkeypatch) -> None:
    """A seek plays 6 s first, unheard (0.05-0.08 s of CPU): opening a device seeks once. The
    clock went on while it built the scene's voices (a second here): what the card is given
    first is the sound of 'now' all the same."""
    clocks, device, now = Clocks(), FakeDevice(), [FIXED_WALL]
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    output = DeviceOutput(lambda _cancelled: engine, RATE, 256, 0.8, None, lambda: now[0],
                          lambda m: None, opener=lambda name, rate, buffer: device,
                          monotonic=clocks.monotonic, wall=clocks.wall, load=clocks.load_now)
    output._build()
    seeks, seek = list[float](), engine.seek

    def slow_seek(wall: float) -> None:
        seeks.append(wall)
        seek(wall)
        now[0] += 1.0  # the scene's voices took a second to build

    monkeypatch.setattr(engine, "seek", slow_seek)
    assert output._open()
    assert len(seeks) == 1
    first = engine.wall - device.waiting / RATE  # the wall time of the first frame queued
    assert abs(first - (now[0] + device.latency / RATE)) <= 0.01


def test_a_long_render_is_not_a_lost_device(timeline, monkeypatch) -> None:
    clocks, device = Clocks(), FakeDevice()
    output = playing_output(timeline, clocks, [], device)
    render, slow_ones = output.score.render, list[bool]()

    def slow(frames: int) -> np.ndarray:  # a new scene's loops being built on a busy machine
        if slow_ones:
            slow_ones.pop()
            clocks.now += 2 * LOST_S
            device.take(1024)  # meanwhile the card plays what is left in the queue, if any
        return render(frames)

    monkeypatch.setattr(output.score, "render", slow)
    for part in (2, 1):  # from a half-full queue, then from an empty one (it had run dry)
        slow_ones.append(True)
        device.take(device.waiting // part)
        output._feed()
        assert output._lost() == ""


def test_a_queue_that_runs_dry_while_a_block_is_made_is_an_underrun(
        timeline, monkeypatch, caplog: pytest.LogCaptureFixture) -> None:
    """The card plays all that was queued while the worker makes the next block (a scene's
    voices, or a cue's sound it waits for, on a busy machine): the card played silence, an
    underrun, counted once and logged with how long the worker was away, though the worker
    never looked at an empty queue between two blocks."""
    clocks, device = Clocks(), FakeDevice()
    output = playing_output(timeline, clocks, [], device)
    render, slow_ones = output.score.render, list[bool]()

    def slow(frames: int) -> np.ndarray:
        if slow_ones:
            slow_ones.pop()
            clocks.now += AHEAD_S + 1.0
            device.take(device.waiting)  # meanwhile the card played the queue to its end
        return render(frames)

    monkeypatch.setattr(output.score, "render", slow)
    for _ in range(2):  # two dry spells, each while a block was made
        slow_ones.append(True)
        device.take(output.score.chunk)
        output._feed()
        assert device.waiting >= AHEAD_S * RATE and output._lost() == ""
    clocks.now += UNDERRUN_LOG_S
    output._log_underruns()
    assert output.underruns == 2
    assert underrun_lines(caplog) == [
        "audio underrun: 2 since the last report (2 in all); the worker was rendering the "
        f"score, {AHEAD_S + 1.0:.2f} s since it last looked"]


def test_the_loudness_follows_the_sound_and_the_volume(timeline, monkeypatch) -> None:
    clocks, device = Clocks(), FakeDevice()
    output = playing_output(timeline, clocks, [], device, volume=1.0)
    monkeypatch.setattr(output.score, "render",
                        lambda frames: np.full((frames, 2), 0.5, dtype=np.float32))
    for _ in range(10):  # 10 x 1 s queued: the meter has settled on the steady sound
        device.take(device.waiting)
        output._feed()
    assert abs(output.loudness_db - 20 * np.log10(0.5)) < 0.1  # -6.0 dBFS
    output.set_volume(0.5)
    for _ in range(10):
        device.take(device.waiting)
        output._feed()
    assert abs(output.loudness_db - 20 * np.log10(0.25)) < 0.1  # 6 dB quieter


def test_a_device_that_took_seconds_at_once_may_take_nothing_as_long_again(timeline) -> None:
    """CI, through PulseAudio: after a hold-up SDL's driver took its whole queue (3 s) in one
    go and then nothing for 3.5 s; taken for a stall, the reopened stream added 2 s of
    silence. What a device took beyond real time it holds: it is lost only LOST_S and its
    latency after that has played."""
    clocks, device = Clocks(), FakeDevice(latency=2 * RATE)
    output = playing_output(timeline, clocks, [], device)
    clocks.now += LOOK_S
    output._lost()
    burst = device.queued()  # all of it, at once
    device.take(burst)
    output._feed()
    assert_lost_only_after(output, clocks, burst / RATE + 2.0 + LOST_S)


def test_a_queue_made_shorter_by_a_resync_is_not_a_burst_taken(timeline) -> None:
    """Putting the sound back in step replaces seconds queued by one block: not sound the
    device took, so it earns no more time to take nothing."""
    clocks, device = Clocks(), FakeDevice(latency=2 * RATE)
    output = playing_output(timeline, clocks, [], device)
    output._resync(device)
    output._watch(device.queued())
    assert_lost_only_after(output, clocks, 2.0 + LOST_S)



def reopening(timeline, clocks: Clocks, warnings: list[str]
              ) -> tuple[DeviceOutput, FakeDevice, FakeDevice, list[bool]]:
    """A playing output through a sound server holding 2 s (`first`, its picture's clock
    going on) that opens `second` next; whether `first` was closed when it did."""
    first, second = FakeDevice(latency=2 * RATE), FakeDevice(latency=2 * RATE)
    output = playing_output(timeline, clocks, warnings, first)
    start, now = output.story_wall(), clocks.now
    output.story_wall = lambda: start + clocks.now - now
    first_closed = list[bool]()

    def opener(name: str | None, rate: int, buffer: int) -> FakeDevice:
        first_closed.append(first.closed)
        return second

    output.opener = opener
    return output, first, second, first_closed


def look_until_reopened(output: DeviceOutput, clocks: Clocks, first: FakeDevice) -> float:
    """The worker's looks while `first` takes nothing; the seconds until it was replaced."""
    since = clocks.now
    while output._device is first and clocks.now - since < BUSY_LOST_S:
        output._feed()
        assert output._check()
        clocks.now += LOOK_S
    return clocks.now - since


def test_a_device_that_takes_nothing_after_its_queue_ran_dry_is_reopened_at_once(
        timeline) -> None:
    """Through PulseAudio, after the show's process was held for 1.9 s, SDL's driver took its
    whole queue at once and wrote seconds of silence after it into the sound server, which
    then asked for nothing: the device took nothing of the refill, and 10-14 s of silence
    followed until it was taken for lost. Once it has taken nothing for WATCH_S a new device
    is opened, unsaid on the console; the old one, whose handed-over sound still plays, is
    closed once the new one is heard (it took more than a sound server's first fill)."""
    clocks, warnings = Clocks(), list[str]()
    output, first, second, first_closed = reopening(timeline, clocks, warnings)
    clocks.now += 1.9  # the show's process held
    first.take(first.waiting)  # all of it at once: the first look finds the queue dry
    assert look_until_reopened(output, clocks, first) <= WATCH_S + 3 * LOOK_S
    assert output._device is second and first_closed == [False] and not first.closed
    assert second.waiting >= AHEAD_S * RATE and output.status == PLAYING and warnings == []
    second.take(RATE)  # the sound server's first fill: not heard yet
    output._feed()
    assert output._check() and not first.closed
    for _ in range(5):  # then it plays
        clocks.now += LOOK_S
        second.take(round(LOOK_S * RATE))
        output._feed()
        assert output._check()
    assert first.closed and output._device is second and not second.closed


def test_a_queue_run_dry_by_a_starved_worker_is_refilled_not_reopened(timeline) -> None:
    """A worker kept from the processor for seconds lets the queue run dry (an underrun): the
    device takes the refill as it plays, and is kept."""
    clocks = Clocks()
    output, device, _, opened = reopening(timeline, clocks, [])
    clocks.now += AHEAD_S + 1.0
    device.take(device.waiting)  # played in real time while the worker was away
    for _ in range(round(3 * WATCH_S / LOOK_S)):
        output._feed()
        assert output._check()
        clocks.now += LOOK_S
        device.take(round(LOOK_S * RATE))
    assert output._device is device and output.underruns == 1 and opened == []
