"""The countdown steps like a clock running out, never in odd leaps: where the story runs fast
(the payphone and the panic, about 4.4 story seconds a real second) its seconds go down five
at a time, 50:00, 49:55, 49:50, a change every ~1.1 real seconds at even intervals (it went
50:00, 49:56, 49:51, 49:47: a faulty readout); at the run at first light three at a time,
07:00, 06:57, 06:54, and down to 00:00 so; where a story second lasts a real second or more,
one at a time. Never back, never a reading twice."""

from __future__ import annotations

from functools import cache

from installation.core.timeline import state_at
from installation.core.timeline.model import Countdown
from installation.core.timeline.state import countdown_tick, story_after
from installation.core.timeutil import countdown_clock, forward, parse_clock

from .helpers import shipped_program

FPS = 20  # readings a real second (a visitor sees every one)
EVEN = 2.5 / FPS  # real seconds: the steps of a stretch last alike, within a frame or two
TICK = (0.9, 1.6)  # real seconds each reading is held
Reading = tuple[float, str | None]


@cache
def watched(start: str, real: float) -> tuple[Reading, ...]:
    """The shipped countdown's reading FPS times a real second for `real` s from `start`."""
    program = shipped_program()
    line, clock = program.timeline, program.clock
    out = []
    for n in range(round(real * FPS)):
        story = story_after(clock, parse_clock(start), n / FPS, 3600)
        left = state_at(line, story, clock).countdown_shown
        out.append((n / FPS, None if left is None else countdown_clock(left)))
    return tuple(out)


def seconds(text: str) -> int:
    minutes, secs = text.split(":")
    return int(minutes) * 60 + int(secs)


def changes(readings: tuple[Reading, ...]) -> list[Reading]:
    """Each new reading with the real second it first shows."""
    return [(s, text) for n, (s, text) in enumerate(readings)
            if n == 0 or text != readings[n - 1][1]]


def steps_and_holds(readings: tuple[Reading, ...]) -> tuple[list[int], list[float]]:
    """The story seconds each change takes off, and the real seconds each whole reading is
    held (the first and last, seen cut short, left out)."""
    seen = changes(readings)
    values = [seconds(text) for _, text in seen if text is not None]
    taken = [a - b for a, b in zip(values, values[1:], strict=False)]
    times = [s for s, _ in seen]
    return taken, [b - a for a, b in zip(times[1:], times[2:], strict=False)]


def test_in_the_panic_the_seconds_go_down_five_at_a_time_at_even_intervals() -> None:
    """04:25 in the diner: every change takes five seconds off, each reading on a multiple
    of five, held alike about a real second."""
    readings = watched("04:25", 12.0)
    taken, held = steps_and_holds(readings)
    shown = [text for _, text in changes(readings)]
    assert shown[:4] == ["50:00", "49:55", "49:50", "49:45"], shown
    assert set(taken) == {5}, shown
    assert all(seconds(text or "") % 5 == 0 for text in shown), shown
    assert TICK[0] <= min(held) and max(held) <= TICK[1], held
    assert max(held) - min(held) <= EVEN, held


def test_from_the_words_to_the_flash_it_never_goes_back_nor_shows_a_reading_twice() -> None:
    """From the caller's words through the panic's first minute, and over the last minute,
    each reading is lower than the one before and comes once."""
    for start, real in (("04:06:30", 10.0), ("04:34:50", 6.0), ("05:14:30", 20.0)):
        shown = [text for _, text in changes(watched(start, real)) if text is not None]
        values = [seconds(text) for text in shown]
        assert values == sorted(set(values), reverse=True), (start, shown)
        assert all(v % 5 == 0 for v in values) or all(v % 3 == 0 for v in values), shown


def test_at_first_light_three_seconds_a_step_down_to_zero() -> None:
    """The run at first light and the coyote (05:08, 05:14:40): each change takes three
    seconds off (it went 06:42, 06:38), down to 00:00, each held about a real second."""
    for start in ("05:08", "05:14:40"):
        readings = watched(start, 9.0)
        taken, held = steps_and_holds(readings)
        shown = [text for _, text in changes(readings)]
        assert set(taken) == {3}, (start, shown)
        assert TICK[0] <= min(held) and max(held) <= TICK[1], (start, held)
    assert "00:00" in [text for _, text in changes(watched("05:14:40", 20.0))]


class Slow:
    """A story second lasting 1.2 real seconds (a countdown told slower than the clock)."""

    def real_between(self, story_a: float, story_b: float) -> float:
        return forward(story_a, story_b) * 1.2


def test_told_slowly_its_seconds_tick_one_by_one() -> None:
    """Where a story second lasts a real second or more, every second shows, in order
    (a guard: the round steps are only taken where a second would flicker)."""
    clock = Countdown("the call", parse_clock("05:00"), parse_clock("05:15"))
    pace = Slow()
    start = parse_clock("05:10")
    shown = [countdown_clock(countdown_tick(clock, start + n * 0.5, pace)) for n in range(40)]
    values = sorted({seconds(text) for text in shown}, reverse=True)
    assert values == list(range(values[0], values[0] - len(values), -1)), shown
