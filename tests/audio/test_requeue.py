"""A volume change, a reload or a new speed is heard after the device's latency, not after the
seconds of sound queued ahead: what is queued is replaced from the frame the device takes next,
joined without a click."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from installation.adapters.audio_output import AHEAD_S, DeviceOutput
from installation.adapters.queue_redo import JOIN_FADE_S, REQUEUE_EVERY_S, VOLUME_RAMP_S
from installation.adapters.requeue import Sent, joined
from installation.audio.engine import ScoreEngine
from installation.core.program import Program
from installation.core.timeline import Timeline, parse_timeline

from .conftest import FIXED_WALL, RATE, SCORE, make_program
from .test_live import Clocks, FakeDevice

LATENCY = 4096  # frames the (fake) device holds after its queue
PLAYED_S = 1.0  # the device plays this long before the change
CHANGED = re.sub(r'chord = "Dm9"', 'chord = "C3 G3 E4"', SCORE)  # the first scene edited


def story_output(program: Program, clocks: Clocks, device: FakeDevice,
                 volume: float = 1.0) -> DeviceOutput:
    """An output whose story wall clock runs with clocks.now (no worker: the test steps it)."""
    engine = ScoreEngine(program, RATE, lambda m: None, FIXED_WALL)
    output = DeviceOutput(lambda _cancelled: engine, RATE, 256, volume, None,
                          lambda: FIXED_WALL + clocks.now - 100.0, lambda m: None,
                          opener=lambda name, rate, buffer: device,
                          monotonic=clocks.monotonic, wall=clocks.wall, load=clocks.load_now)
    output._build()
    assert output._open()
    return output


def played(output: DeviceOutput, clocks: Clocks, device: FakeDevice) -> int:
    """Let the device play PLAYED_S; the frame it takes next (its wall time is the picture's
    now plus the latency)."""
    clocks.now += PLAYED_S
    device.take(round(PLAYED_S * RATE))
    output._feed()
    return sum(map(len, device.blocks)) - device.waiting


def offline(program: Program, wall: float, frames: int, speed: float = 1.0) -> np.ndarray:
    """The score from `wall` on, rendered at one go."""
    engine = ScoreEngine(program, RATE, lambda m: None, FIXED_WALL)
    engine.set_speed(speed)  # (a preview's jump lands without the seconds before it)
    engine.seek(wall)
    return engine.render(frames)


def steepest(sound: np.ndarray) -> float:
    """The largest step from one sample to the next."""
    return float(np.abs(np.diff(sound, axis=0)).max())


def test_a_volume_change_is_heard_from_the_frame_the_device_takes_next(
        timeline: Timeline) -> None:
    clocks, device = Clocks(), FakeDevice(latency=LATENCY)
    program = make_program(timeline)
    output = story_output(program, clocks, device)
    begun = output.score.start_wall
    joint = played(output, clocks, device)
    assert device.waiting >= AHEAD_S * RATE  # seconds still queued at the old volume
    output.set_volume(0.25)
    output._feed()
    heard = np.concatenate(device.blocks)
    score = offline(program, begun, len(heard))
    ramp = round(VOLUME_RAMP_S * RATE)
    assert np.allclose(heard[:joint], score[:joint], atol=1e-6)
    assert np.allclose(heard[joint + ramp:], 0.25 * score[joint + ramp:], atol=1e-6)
    # heard at the picture's now plus the device's latency
    assert begun + joint / RATE == pytest.approx(output.story_wall() + LATENCY / RATE)
    near = slice(joint - ramp, joint + 2 * ramp)
    assert steepest(heard[near]) <= steepest(score[near]) + 1e-6  # no click at the joint


@pytest.mark.parametrize("change", ["reload", "speed", "speed, in a block made meanwhile"])
def test_a_reload_or_a_new_speed_is_heard_from_the_frame_the_device_takes_next(
        timeline: Timeline, change: str) -> None:
    clocks, device = Clocks(), FakeDevice(latency=LATENCY)
    program = make_program(timeline)
    output = story_output(program, clocks, device)
    begun = output.score.start_wall
    edited, speed = program, 1.0
    if change.endswith("meanwhile"):  # the worker makes blocks at the new speed before the
        output.score.set_speed(4.0)  # output is told (the show tells the engine first)
    joint = played(output, clocks, device)
    if change == "reload":  # as the show does: the engine told, then the output
        edited = make_program(parse_timeline(CHANGED, "score.toml", Path("score.toml")))
        output.score.set_program(edited)
    else:
        speed = 4.0
        output.score.set_speed(speed)
    output.requeue()
    output._feed()
    heard = np.concatenate(device.blocks)
    switched = begun + joint / RATE  # the wall time the new sound begins at
    assert switched == pytest.approx(output.story_wall() + LATENCY / RATE)
    fade = round(JOIN_FADE_S * RATE)
    before = offline(program, begun, joint + fade)
    after = offline(edited, switched, len(heard) - joint, speed)
    assert np.allclose(heard[:joint], before[:joint], atol=1e-6)
    assert np.allclose(heard[joint + fade:], after[fade:], atol=1e-6)
    assert not np.allclose(before[joint:], after[:fade], atol=1e-3)  # it did change
    own = max(steepest(before[joint:]), steepest(after[:fade]))  # the two sounds' own steps
    assert steepest(heard[joint - 1:joint + fade]) <= own + 1e-4  # no click at the joint
    assert device.waiting >= AHEAD_S * RATE  # and the queue is full again


def test_a_fading_volume_requeues_at_most_every_quarter_second(timeline: Timeline) -> None:
    clocks, device = Clocks(), FakeDevice(latency=LATENCY)
    output = story_output(make_program(timeline), clocks, device)
    step_s = 0.01  # the hours fade the volume a little every frame; the worker looks as often
    for step in range(100):
        clocks.now += step_s
        device.take(round(step_s * RATE))
        output.set_volume(1.0 - step / 200)
        output._feed()
    assert device.replaced == round(100 * step_s / REQUEUE_EVERY_S)
    output._requeued_at -= REQUEUE_EVERY_S  # the last change is requeued once it may be
    output._feed()
    queued = np.concatenate(device.blocks)[-device.waiting:]
    ramp = round(VOLUME_RAMP_S * RATE)
    raw = output._sent.tail(device.waiting)[0]
    assert np.allclose(queued[ramp:], raw[ramp:] * 0.505, atol=1e-6)


def test_with_nothing_queued_the_change_waits_for_the_next_block(timeline: Timeline) -> None:
    clocks, device = Clocks(), FakeDevice(latency=LATENCY)
    output = story_output(make_program(timeline), clocks, device)
    device.take(device.waiting)
    sent = len(device.blocks)
    output.requeue()
    output.set_volume(0.5)
    output._redo(device, 0)
    assert len(device.blocks) == sent  # nothing replaced: the next block is the new sound


def test_the_kept_sound_follows_the_queue_and_joins_without_a_step() -> None:
    sent = Sent()
    for value in range(4):
        block = np.full((10, 2), value, dtype=np.float32)
        sent.add(block, block * 2)
    sent.keep(15)  # the first two blocks were taken whole
    raw, gained = sent.tail(15)
    assert len(raw) == 15 and raw[0, 0] == 2 and gained[-1, 0] == 6
    assert len(sent.tail(100)[0]) == 20 and sent.total == 40
    old, new = np.ones((8, 2), np.float32), np.zeros((12, 2), np.float32)
    out = joined(old, new, 4)
    assert len(out) == 12 and np.all(np.diff(out[:, 0]) <= 0) and not out[4:].any()
    assert 0 < out[0, 0] < 1 and np.abs(np.diff(out[:, 0])).max() <= 0.2 + 1e-6
