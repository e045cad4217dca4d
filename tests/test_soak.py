"""Soak: the default day three times at high speed, headless, through the real command line."""

from __future__ import annotations

import re
import statistics
import warnings
from collections.abc import Sequence

import background_mypy
import background_soak
import pytest
from background_soak import (
    DAY_REAL_SECONDS,
    SCENE_LINE,
    compared_span,
    days_of,
    real_offset,
)

from installation.core.timeline import Timeline
from installation.core.timeutil import forward

MAX_GROWTH = 0.05
COMPARED = ("memory allocated (KiB)", "Python objects")  # (see assert_held_alike)
FLOOR = 0.1  # the quantile of a day's memory samples taken as what the show holds at its lightest
LOAD_WARNINGS = ("the audio device stopped taking sound: the show goes on silent; retrying",
                 "audio device is back: sound resumes")
# A starved cue maker (its thread got no core in time: seen at load 8.5 on 2 cores) leaves a
# cue's sound out and says so, which is right (tests/audio/test_late_cue.py: how it is left out)
LATE_CUE = re.compile(r"cue '.+' at \d\d:\d\d:\d\d: its sound was not made in time "
                      r"\(\d+\.\d s after the cue, \d+\.\d s at most\); it is left out")
CUE_LINE = re.compile(r"installation\.show: cue '(.+)' \(")


def held_at(samples: Sequence[tuple[float, int]], start: float, span: tuple[float, float]
            ) -> tuple[float, float]:
    """What the show holds over the `span` of the day from wall time `start` (real seconds
    from it), by one measure sampled through it: at its lightest (the FLOOR quantile) and its
    median.

    Within a day memory swings between two levels, a scene alone and a scene with the next
    built ahead: how much of the day lies in the upper one depends on how loaded the machine
    is (the medians of two days differed by up to 6% with nothing kept). A leak raises what
    the show holds at every moment, its lightest too."""
    first, last = start + span[0], start + span[1]
    window = sorted(value for wall, value in samples if first <= wall <= last)
    assert len(window) >= last - first, f"only {len(window)} memory samples from {first}"
    return window[int(FLOOR * len(window))], statistics.median(window)


def in_day_order(timeline: Timeline) -> list[str]:
    """The cues' names in the order they fire, from the day start."""
    return [c.name for c in sorted(timeline.cues, key=lambda c: (
        forward(timeline.day_start, c.at), c.index))]


def assert_each_day_once_in_order(found: list[str], day: list[str], days: int,
                                  opening: int) -> None:
    """`found` is `day` `days` times, then the start of `day` again (at least `opening` of
    it)."""
    whole, after = found[:len(day) * days], found[len(day) * days:]
    assert sorted(whole) == sorted(day * days), found
    assert after == day[:len(after)] and len(after) >= opening, found


def assert_days_in_story_order(found: list[str], day: list[str], whole: int
                               ) -> list[list[int]]:
    """The scenes shown follow the day's order, `whole` times and into the next day,
    none twice in a day, none out of order. A scene may go unshown: at this speed one lasts 2
    to 15 real seconds, and on a loaded machine (the picture tests run beside the show) a
    frame that takes longer than one passes it by, as the story clock goes on. The cues, which
    fire for every story time passed, hold each day whole. Each day's scenes (their places in
    the day), the next day's part last."""
    days = days_of(found, day)
    assert len(days) == whole + 1, f"{len(days)} days begun, not {whole + 1}: {found}"
    assert all(day_found[0] < len(day) // 2 for day_found in days), (
        f"a day begun in the middle of the day: {found}")  # its opening may pass by, as any
    # scene's (a 21 s frame building Ash once passed by Ash, the morning and the next noon)
    return days


@pytest.mark.slow
def test_days_at_high_speed() -> None:
    """Played in the background while the picture tests run (conftest starts it with the
    first of them and orders this test last; under pytest-xdist, with the sound server's
    recordings, which run before this test in its worker: suite_schedule), or here if they
    are not run."""
    background_soak.start()
    background_mypy.start_if_wanted()  # beside the show, which leaves a core mostly idle
    soak = background_soak.result()
    assert soak.process.returncode == 0, soak.stderr
    timeline, clock, speed = soak.timeline, soak.clock, soak.speed

    log = soak.log
    print(log)  # shown when the test fails
    assert "Traceback" not in log and " ERROR " not in log
    # Each scene and cue once a day, in story order; the last day as far as it was played
    # (its opening, or to MEMORY_DAY if the show was stopped early: background_soak).
    whole, last_day = soak.whole_days, soak.last_day

    def opening(times: list[float]) -> int:
        return sum(real_offset(clock, timeline, t, speed) < last_day for t in times)

    days = assert_days_in_story_order(SCENE_LINE.findall(log),
                                      [s.name for s in timeline.scenes], whole)
    fired, day_cues = CUE_LINE.findall(log), in_day_order(timeline)
    assert_each_day_once_in_order(fired, day_cues, whole,
                                  opening([c.at for c in timeline.cues]))
    assert fired[:len(day_cues)] == day_cues or len({c.at for c in timeline.cues}) < len(
        day_cues)  # cues at the same story time may fire in either order

    # A day later, at the same story times (the same scenes drawn, the same sounds cached),
    # the show must hold the same: what a day leaves behind shows, the cache's content not.
    # Compared where neither day builds a scene for the first time: on a loaded machine a
    # scene may go unshown on day one (see above), and building it on day two is no leak.
    assert soak.day_one is not None, "no status file while the show ran"
    compared = compared_span(days, timeline, clock, speed, whole, last_day)
    if compared is None:
        warnings.warn(f"no part of two days showing nothing for the first time: "
                      f"memory not compared: {days}", stacklevel=1)
    else:
        assert_held_alike(soak, soak.day_one, *compared)

    status = soak.status()
    # A starved machine (CI is shared) may stall SDL's audio thread past the loss limit: the
    # show then says so and takes the device back, which is right; a starved cue maker
    # leaves a cue out (LATE_CUE). Nothing else may warn.
    warned = [w for w in status["warnings"]
              if w not in LOAD_WARNINGS and not LATE_CUE.fullmatch(w)]
    assert status["frames"] > 0 and status["mode"] == "play" and warned == []


def assert_held_alike(soak: background_soak.Soak, day_one: float, day: int,
                      span: tuple[float, float]) -> None:
    """What the show holds over the `span` of `day` (from 0) and the same of the day after
    (real seconds from their starts; `day_one` the wall time the first began), by what it has
    allocated and not let go (see soak_probe: resident memory also counts the heap's holes,
    which a loaded machine leaves more or fewer of; it is printed, not compared): within
    MAX_GROWTH."""
    held = soak.held
    assert held, "no samples of what the show held (tests/soak_probe did not run in it)"
    measures = {"resident memory (KiB)": soak.samples,
                "memory allocated (KiB)": [(wall, kib) for wall, kib, _ in held],
                "Python objects": [(wall, objects) for wall, _, objects in held]}
    grown = {}
    for name, samples in measures.items():
        (before, middle), (after, later) = (
            held_at(samples, day_one + d * DAY_REAL_SECONDS, span) for d in (day, day + 1))
        growth = after / before - 1.0
        print(f"{name} at its lightest over {span[0]:.0f}-{span[1]:.0f} s of day {day + 1} "
              f"{before:.0f}, of day {day + 2} {after:.0f} ({growth:+.1%}); medians "
              f"{middle:.0f} and {later:.0f}")
        if name in COMPARED and growth >= MAX_GROWTH:
            grown[name] = f"{growth:.1%}"
    assert not grown, f"the show holds more a day later: {grown}"
