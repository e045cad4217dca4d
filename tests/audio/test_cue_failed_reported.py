"""A cue that will not be heard is told to the operator one way, whatever went wrong (issue 10,
a show left alone for weeks): its synth raised, a bug on the cue maker's thread, or its sound
not made in time. One line in the show's warnings (its log and status page) names the cue,
its time and why, once, and the score plays on. On 823e887f a bug on the maker's thread was
told as 'audio engine failed (...); silence', naming no cue, while the engine played on; the
other kinds named the cue in three wordings and no time. Fake time: the test steps the
output and plays its fake card; nothing sleeps."""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np
import pytest

import installation.audio.cue_sounds as cue_sounds_module
from installation.adapters.audio_output import DeviceOutput
from installation.audio.engine import ScoreEngine
from installation.core.timeline import Timeline
from installation.core.timeline.model import Cue
from installation.core.timeutil import format_clock, parse_clock

from .conftest import FIXED_WALL, RATE, make_clock, make_program
from .test_live import Clocks, FakeDevice

BEFORE_S = 10.0  # the show starts this long before the ring (16:30): its sound is made ahead
PLAYED_S = 8.0  # and plays on this long: past the ring and the half second it may be late
MAKER_WAIT_S = 30.0


def operator_output(timeline: Timeline, clocks: Clocks, warnings: list[str]) -> DeviceOutput:
    """An output wired as the show wires it: the engine's warnings and the output's go to the
    operator's one list (the show's warn: log, overlay, status page)."""
    start = make_clock(timeline).wall_at(parse_clock("16:30"), FIXED_WALL) - BEFORE_S
    engine = ScoreEngine(make_program(timeline), RATE, warnings.append, start)
    device = FakeDevice()
    output = DeviceOutput(lambda _cancelled: engine, RATE, 256, 0.8, None, lambda: engine.wall,
                          warnings.append, opener=lambda name, rate, buffer: device,
                          monotonic=clocks.monotonic, wall=clocks.wall, load=clocks.load_now)
    output._build()
    assert output._open()
    return output


def play(output: DeviceOutput, clocks: Clocks, seconds: float,
         between: Callable[[], None] = lambda: None) -> None:
    """Step the output as its worker does (feed, then have the next cue made), the card
    taking what was queued and the fake time passing with it, for `seconds` of sound."""
    device = output._device
    assert isinstance(device, FakeDevice)
    played = 0
    while played < seconds * RATE:
        output._feed()
        output._prepare()
        between()
        taken = device.waiting
        device.take(taken)
        played += taken
        clocks.now += taken / RATE


def the_ring(timeline: Timeline) -> Cue:
    return timeline.cues[0]


def told(warnings: list[str], cue: Cue) -> list[str]:
    """The operator's lines about `cue` being left out."""
    return [w for w in warnings
            if f"cue '{cue.name}' at {format_clock(cue.at)}" in w and "left out" in w]


def join_maker(output: DeviceOutput) -> None:
    thread = output._maker._thread
    if thread is not None:
        thread.join(MAKER_WAIT_S)


def test_a_synth_that_raises_is_told_once_with_the_cue_and_its_time(
    timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(name: str, rate: int) -> np.ndarray:
        raise ValueError("no such oscillator")

    monkeypatch.setattr(cue_sounds_module, "synth", broken)
    warnings: list[str] = []
    clocks = Clocks()
    output = operator_output(timeline, clocks, warnings)
    play(output, clocks, BEFORE_S + PLAYED_S, lambda: join_maker(output))
    lines = told(warnings, the_ring(timeline))
    assert len(lines) == 1 and "ValueError: no such oscillator" in lines[0]
    assert not [w for w in warnings if w not in lines], warnings


def test_a_bug_on_the_cue_makers_thread_is_told_as_the_cues_not_the_engines(
    timeline: Timeline
) -> None:
    """What escapes the making of a sound on the maker's thread: the cue is named, and the
    engine is not said to have failed (it plays on)."""
    warnings: list[str] = []
    clocks = Clocks()
    output = operator_output(timeline, clocks, warnings)

    def bug(cue: Cue) -> None:
        raise RuntimeError("a bug in making it")

    output.score.prepare = bug  # type: ignore[method-assign]
    play(output, clocks, BEFORE_S + PLAYED_S, lambda: join_maker(output))
    lines = told(warnings, the_ring(timeline))
    assert len(lines) == 1 and "RuntimeError: a bug in making it" in lines[0]
    assert not [w for w in warnings if "engine failed" in w], warnings


def test_a_sound_not_made_in_time_is_told_the_same_way(
    timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = cue_sounds_module.synth

    def slow(name: str, rate: int) -> np.ndarray:
        release.wait(MAKER_WAIT_S)
        return real(name, rate)

    monkeypatch.setattr(cue_sounds_module, "synth", slow)
    warnings: list[str] = []
    clocks = Clocks()
    output = operator_output(timeline, clocks, warnings)
    try:
        play(output, clocks, BEFORE_S + PLAYED_S)
    finally:
        release.set()
        join_maker(output)
    lines = told(warnings, the_ring(timeline))
    assert len(lines) == 1 and "not made in time" in lines[0]
