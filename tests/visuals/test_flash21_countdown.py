"""The T-MINUS display agrees with the story's clock: at the story's 04:08:00 it reads 67:00
(it read 67:03), and beside the bank's sign across Wilshire it never says more time is left
than the sign's minute allows (5:08 beside 07:01 read as two clocks a second apart)."""

from __future__ import annotations

from day_config import shipped_program

from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import format_clock, parse_clock
from installation.visuals.banksign import BankSign
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor, defaults
from installation.visuals.countdown import Countdown
from installation.visuals.render import headless

SIZE = (640, 360)
ACROSS = "Across Wilshire at first light"
FPS = 10  # frames a real second looked at beside the bank
LOOKED = 30.0  # real seconds of the bank's scene looked at
TARGET = "05:15"  # the countdown's zero


def seconds(text: str) -> int:
    """'07:01' -> 421."""
    minutes, secs = text.split(":")
    return int(minutes) * 60 + int(secs)


def test_the_display_reads_the_story_time_left_at_whole_story_times() -> None:
    """At 04:08:00 a visitor reads T-MINUS 67:00, at 04:55:00 20:00, at 05:08:00 07:00: the
    story's own time left to 05:15, to the second."""
    headless()
    program = shipped_program()
    line, pace = program.timeline, program.clock
    for at, expected in (("04:08:00", "67:00"), ("04:55:00", "20:00"), ("05:08:00", "07:00")):
        state = state_at(line, parse_clock(at), pace)
        compositor = Compositor(line, SIZE, lambda _message: None, pace)
        counter = Countdown(defaults("countdown"), compositor.setup(state.scene, 1, "countdown"))
        assert counter.text(Frame(state.story_time, state.scene_seconds, state)) == expected, at


def test_beside_the_bank_the_two_clocks_agree_in_every_frame() -> None:
    """Over half a real minute across Wilshire, whenever the bank's sign shows the time (H:MM),
    its minute plus the T-MINUS reading is 05:15 or within the minute before it: never past
    05:15 (05:08 + 07:01), whichever frame a visitor looks at."""
    headless()
    program = shipped_program()
    line, pace = program.timeline, program.clock
    scene = next(one for one in line.scenes if one.name == ACROSS)
    spec = next(one for one in scene.layers if one.type == "banksign")
    compositor = Compositor(line, SIZE, lambda _message: None, pace)
    index = scene.layers.index(spec)
    sign = BankSign(defaults("banksign", **spec.params), compositor.setup(scene, index, "banksign"))
    counter = Countdown(defaults("countdown"), compositor.setup(scene, 1, "countdown"))
    start = pace.real_between(scene.at, parse_clock("05:07:40"))
    target = parse_clock(TARGET)
    compared = 0
    for n in range(int(LOOKED * FPS)):
        state = state_at(line, story_after(pace, scene.at, start + n / FPS), pace)
        frame = Frame(state.story_time, state.scene_seconds, state)
        reading, text = sign.reading(frame), counter.text(frame)
        if ":" not in reading or text is None:
            continue
        hour, minute = (int(part) for part in reading.split(":"))
        together = (hour % 12) * 3600 + minute * 60 + seconds(text)
        assert target - 60 < together <= target, (
            f"{format_clock(state.story_time)}: the bank {reading}, T-MINUS {text}")
        compared += 1
    assert compared > LOOKED * FPS / 3
