"""What the log says when the live sound is put back in step: real seconds, and the cause."""

from __future__ import annotations

import dataclasses
import logging
import re

import pytest

from installation.adapters.audio_output import DeviceOutput
from installation.audio.engine import ScoreEngine
from installation.core.timeline import Timeline

from .conftest import FIXED_WALL, RATE, make_program
from .test_live import LOOK_S, Clocks, FakeDevice

SOAK_SPEED = 3600.0 / 62.0  # the soak's: a day of the shipped hour in 62 real seconds
SLOW_CARD = 0.6  # the part of real time's sound a slow card takes (SDL's dummy driver under
# load took 96-99%; slower here so that the test is short: the same drift, sooner)
JUMP_S = 3600.0  # a rehearsal's jump of the story (real seconds of the clock)
IN_STEP = re.compile(r"audio: the sound was .* in step again")


def output_at(
    timeline: Timeline, clocks: Clocks, device: FakeDevice, speed: float
) -> tuple[DeviceOutput, list[float]]:
    """An output playing at story `speed` that opened `device` at clocks.now; the picture's
    clock goes on with clocks.now, plus what the test adds to the list it returns."""
    start, opened, jumped = FIXED_WALL, clocks.now, [0.0]
    quiet = dataclasses.replace(timeline, cues=())  # (a cue's sound: a second to make)
    engine = ScoreEngine(make_program(quiet), RATE, lambda m: None, start, speed=speed, preroll=0.0)
    output = DeviceOutput(
        lambda _cancelled: engine,
        RATE,
        256,
        0.8,
        None,
        lambda: start + (clocks.now - opened) * speed + jumped[0],
        lambda m: None,
        opener=lambda name, rate, buffer: device,
        monotonic=clocks.monotonic,
        wall=clocks.wall,
        load=clocks.load_now,
    )
    output._build()
    assert output._open()
    return output, jumped


def play_until_in_step(
    output: DeviceOutput,
    clocks: Clocks,
    device: FakeDevice,
    pace: float,
    caplog: pytest.LogCaptureFixture,
    within_s: float,
) -> str:
    """Look at the queue every LOOK_S as the worker does, the card taking `pace` of real
    time's sound, until the sound is put back in step; the line the log said."""
    opened = clocks.now
    with caplog.at_level(logging.INFO, logger="installation.audio"):
        while clocks.now - opened < within_s:
            clocks.now += LOOK_S
            device.take(round(pace * LOOK_S * RATE))
            output._feed()
            said = [r.getMessage() for r in caplog.records if IN_STEP.match(r.getMessage())]
            if said:
                return said[0]
    pytest.fail(f"never put back in step within {within_s} s")


def test_a_card_slower_than_the_clock_is_said_in_real_seconds_at_a_preview_speed(
    timeline: Timeline, caplog: pytest.LogCaptureFixture
) -> None:
    """The soak (x58) logged 'the sound was -203.3 s from the clock': story seconds. The
    sound was 3.5 s behind the picture, as the card (SDL's dummy driver on a busy machine)
    took less than real time's sound: said so, in real seconds."""
    clocks, device = Clocks(), FakeDevice()
    output, _ = output_at(timeline, clocks, device, SOAK_SPEED)
    said = play_until_in_step(output, clocks, device, SLOW_CARD, caplog, 30.0)
    found = re.match(
        r"audio: the sound was (\d+\.\d\d) s behind the picture \((\d+) s of "
        r"story at x58.0645\); the card took (\d+\.\d)% of real time's sound "
        r"over the last (\d+) s; queued sound dropped, in step again$",
        said,
    )
    assert found, said
    behind, story, pace, over = (float(group) for group in found.groups())
    assert 3.5 <= behind < 3.5 + 2 * LOOK_S and story == pytest.approx(behind * SOAK_SPEED, abs=1)
    assert pace == pytest.approx(100 * SLOW_CARD, abs=1.0) and over == pytest.approx(
        behind / (1 - SLOW_CARD), abs=1
    )


def test_a_jump_of_the_clock_is_said_as_one(
    timeline: Timeline, caplog: pytest.LogCaptureFixture
) -> None:
    """A rehearsal's jump an hour on, the card keeping pace: the sound was an hour behind the
    picture because the clock jumped, not because the card drifted."""
    clocks, device = Clocks(), FakeDevice()
    output, jumped = output_at(timeline, clocks, device, 1.0)
    clocks.now += 2.0
    device.take(2 * RATE)
    output._feed()
    jumped[0] = JUMP_S
    said = play_until_in_step(output, clocks, device, 1.0, caplog, 1.0)
    assert said == (
        "audio: the sound was 3600.00 s behind the picture; the card kept pace "
        "over the last 2 s: the clock jumped; queued sound dropped, in step again"
    )
