"""The show's collector over days: a cycle let go after it was set aside is freed by the next
day's sweep, in the flash's white; start-up is set aside once the sound has loaded."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from collector import collector_off, given_back
from day_config import shipped_program
from fakes import FakeTime
from visuals.helpers import layer, one_scene

from installation.app.collecting import HELD_S, START_WAIT_S, Collecting
from installation.commands.common import start_collecting
from installation.core.program import Program
from installation.core.timeutil import parse_clock
from installation.visuals.flash import BLOOM_SECONDS, HOLD_SECONDS, REVEAL, flash_level
from installation.visuals.set_aside import each_round_set_aside

FPS = 60
PICTURE = 8 << 20  # bytes a cycle let go holds (a 1920x1080 picture)
FLASH = parse_clock("05:15")
FLASH_SECONDS = 40.0  # the shipped flash's length (its layer's `seconds`)


class LeftBehind:
    """Something the show let go that forms a cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self
        self.picture = bytearray(PICTURE)


class Sweeps:
    """A stand-in sweep: notes the fake time of each."""

    def __init__(self, time: FakeTime) -> None:
        self.time = time
        self.at: list[float] = []

    def __call__(self) -> int:
        self.at.append(self.time.time())  # (the wall time of the frame it came after)
        return 0


@pytest.fixture
def show_collector() -> Iterator[None]:
    """The collector off, as the show's start-up has it; given back as it was after."""
    try:
        with collector_off():
            yield
    finally:
        each_round_set_aside(False)
        given_back()


def frames(collecting: Collecting, program: Program, time: FakeTime, start: float,
           seconds: float, closed: bool = False) -> Iterator[float]:
    """Frames a 60th of a real second apart from wall time `start` on, each told to
    `collecting` after it is up (the sound loaded); yields each frame's story time. (The
    monotonic clock goes on a 60th a frame: the story skipped ahead between two calls, no
    frame held the picture.)"""
    for n in range(round(seconds * FPS)):
        wall = start + n / FPS
        time.wall = wall
        time.mono += 1 / FPS
        state = program.state_at(wall)
        collecting.after_frame(state, True, closed)
        yield state.story_time


def set_aside_then_let_go() -> weakref.ref[LeftBehind]:
    """A cycle the show keeps past a full round (which sets it aside), then lets go."""
    kept = LeftBehind()
    gc.collect()
    gone = weakref.ref(kept)
    del kept
    gc.collect()
    return gone


def test_a_cycle_let_go_after_it_was_set_aside_is_freed_in_the_next_days_white(
        show_collector: None) -> None:
    program, time = shipped_program(), FakeTime(0.0)
    collecting = Collecting(start_collecting, time.monotonic)
    start = program.wall_at(parse_clock("17:00"), 0.0)
    list(frames(collecting, program, time, start, 1.0))
    assert gc.isenabled() and gc.get_freeze_count() > 0  # started: all of it set aside
    gone = set_aside_then_let_go()
    assert gone() is not None  # no full round frees it: it was set aside
    first = program.wall_at(FLASH, start)  # the flash of the day the show started
    list(frames(collecting, program, time, first - 1.0, 3.0))
    assert gone() is not None  # that day's start-up counts as its sweep
    second = program.wall_at(FLASH, first + 60.0)
    assert program.state_at(second).position.cycle == program.state_at(first).position.cycle + 1
    freed_at = next((story for story in frames(collecting, program, time, second - 1.0, 3.0)
                     if gone() is None), None)
    assert freed_at is not None, "the next day's flash went by and the cycle was kept"
    since = program.clock.real_between(FLASH, freed_at)
    assert flash_level(since - BLOOM_SECONDS, FLASH_SECONDS) == 1.0  # the picture all white


def started_at_dusk() -> tuple[Program, FakeTime, Sweeps, Collecting, float]:
    """The shipped day's show started at 17:00 (wall 0) with a sweeper that notes its sweeps,
    and its first real second of frames drawn: the program, fake time, sweeps, the collecting,
    the start's wall time."""
    program, time = shipped_program(), FakeTime(0.0)
    swept = Sweeps(time)
    collecting = Collecting(start_collecting, time.monotonic, sweeper=swept)
    start = program.wall_at(parse_clock("17:00"), 0.0)
    list(frames(collecting, program, time, start, 1.0))
    return program, time, swept, collecting, start


def test_the_sweep_runs_once_a_day(show_collector: None) -> None:
    program, time, swept, collecting, start = started_at_dusk()
    flash = program.wall_at(FLASH, start)
    for _ in range(3):  # the next three days' flashes, each 2 real s of frames through its white
        flash = program.wall_at(FLASH, flash + 60.0)
        list(frames(collecting, program, time, flash - 0.5, 2.0))
    assert len(swept.at) == 3


def test_start_up_is_set_aside_once_the_sound_has_loaded(show_collector: None) -> None:
    program, time = shipped_program(), FakeTime(0.0)
    collecting = Collecting(start_collecting, time.monotonic)
    state = program.state_at(program.wall_at(parse_clock("17:00"), 0.0))
    collecting.after_frame(state, False, False)  # the first frame is up, the sound loading
    time.mono += START_WAIT_S / 2
    collecting.after_frame(state, False, False)
    assert not gc.isenabled()  # no round walks scipy's import as it comes
    collecting.after_frame(state, True, False)
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_start_up_ends_without_the_sound_in_time(show_collector: None) -> None:
    program, time = shipped_program(), FakeTime(0.0)
    collecting = Collecting(start_collecting, time.monotonic)
    state = program.state_at(program.wall_at(parse_clock("17:00"), 0.0))
    collecting.after_frame(state, False, False)
    time.mono += START_WAIT_S
    collecting.after_frame(state, False, False)
    assert gc.isenabled()


def test_a_day_without_a_flash_is_swept_while_closed_or_a_day_late(show_collector: None) -> None:
    program = Program(shipped_program().config, one_scene(layer("sky")))
    time = FakeTime(0.0)
    swept = Sweeps(time)
    collecting = Collecting(start_collecting, time.monotonic, sweeper=swept)
    start = program.wall_at(parse_clock("17:00"), 0.0)
    list(frames(collecting, program, time, start, 1.0))
    day = program.wall_at(parse_clock("17:00"), start + 60.0)
    list(frames(collecting, program, time, day, 1.0))
    assert swept.at == []  # open, nothing white: it waits
    list(frames(collecting, program, time, day + 1.0, 1.0, closed=True))
    assert swept.at == [day + 1.0]  # the gallery closed: at once
    next_day = program.wall_at(parse_clock("17:00"), day + 60.0)
    list(frames(collecting, program, time, next_day, 1.0))
    assert swept.at == [day + 1.0]  # a day on, open: it waits
    late = program.wall_at(parse_clock("17:00"), next_day + 60.0)
    list(frames(collecting, program, time, late, 1.0))
    assert swept.at == [day + 1.0, late]  # two days on, open all the while: at once


def test_a_flash_slow_to_come_is_swept_while_only_its_white_shows(show_collector: None) -> None:
    """Its first frame slow (built then, not ahead), the next comes after the hold: still
    swept, before anything under the white comes up (the ruins, the smoke)."""
    program, time, swept, collecting, start = started_at_dusk()
    flash = program.wall_at(FLASH, program.wall_at(FLASH, start) + 60.0)
    list(frames(collecting, program, time, flash - 0.5, 0.6))  # its first frame: 1.5 s long
    time.mono += 1.5
    list(frames(collecting, program, time, flash + 1.5, 2.0))
    assert len(swept.at) == 1
    since = swept.at[0] - flash - BLOOM_SECONDS  # (the fake clock's real seconds)
    assert HOLD_SECONDS < since < REVEAL[0]  # after the hold, the picture still white alone


def test_a_frame_that_held_the_picture_half_a_second_sweeps(show_collector: None) -> None:
    program, time, swept, collecting, start = started_at_dusk()
    day = program.wall_at(parse_clock("17:00"), start + 60.0)
    list(frames(collecting, program, time, day, 1.0))
    assert swept.at == []  # dusk the next day, every frame on time: it waits
    time.mono += HELD_S
    list(frames(collecting, program, time, day + 1.5, 1.0))
    assert swept.at == [day + 1.5]  # the picture held already: at once
