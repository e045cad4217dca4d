"""The countdown begins at the caller's words, not at the ring: nothing is shown while the
phone rings and Harry picks up; it comes once he has the receiver at his ear and the caption
types "Seventy minutes from now" (04:06:30), reading the time left to the flash (68:30, not
70:00), and from there its reading changes once a displayed tick, each held about a real
second (its first too: a start inside a step was a flash of half a second)."""

from __future__ import annotations

from functools import cache

from installation.commands.validate import summary
from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import countdown_clock, parse_clock
from installation.visuals.base import Frame
from installation.visuals.booth_call import Call
from installation.visuals.call_poses import HOLDING

from .helpers import shipped_program

FPS = 30
WORDS = "04:06:30"  # the caption has typed "Seventy minutes from now" by then
FIRST = "68:30"  # the time left to the flash at the words
HELD = (0.8, 2.1)  # real seconds each reading is held (the first up to two ticks)
WATCHED = 20.0  # real seconds looked at from the scene's start, then from the words on


@cache
def readings() -> tuple[list[tuple[float, str | None]], list[tuple[float, str | None]]]:
    """The countdown's reading FPS times a real second from the ring on, and from the words
    on (one per module)."""
    program = shipped_program()
    line, clock = program.timeline, program.clock

    def seen(start: str) -> list[tuple[float, str | None]]:
        out = []
        for n in range(round(WATCHED * FPS)):
            story = story_after(clock, parse_clock(start), n / FPS, 3600)
            left = state_at(line, story, clock).countdown_shown
            out.append((n / FPS, None if left is None else countdown_clock(left)))
        return out

    return seen("04:05"), seen(WORDS)


def test_no_countdown_while_it_rings_and_he_picks_up() -> None:
    """From the first ring until the words, no reading: the display is not drawn."""
    ringing, _ = readings()
    shown = [(s, text) for s, text in ringing if text is not None]
    assert not shown, shown[:3]


def test_it_comes_with_the_words_once_he_listens() -> None:
    """At the words the reading is the time left to the flash, and by then the receiver is at
    Harry's ear (he listens: not ringing, not picking up)."""
    _, spoken = readings()
    assert spoken[0][1] == FIRST, spoken[0]
    program = shipped_program()
    scene = next(s for s in program.timeline.scenes if s.name == "The payphone rings")
    spec = next(spec for spec in scene.layers if spec.type == "booth")
    story = parse_clock(WORDS)
    state = state_at(program.timeline, story, program.clock)
    now = Call.of(spec.params, scene.at).at(Frame(story, state.scene_seconds, state))
    assert now.name in HOLDING, now


def test_each_reading_is_held_about_a_real_second() -> None:
    """From the words on, the reading changes once a tick and never comes back: each held
    HELD real seconds (none a flicker), always counting down."""
    _, spoken = readings()
    changes = [0.0] + [s for (s, text), (_, before) in zip(spoken[1:], spoken, strict=False)
                       if text != before]
    held = [b - a for a, b in zip(changes, changes[1:], strict=False)]
    assert len(held) >= WATCHED - 4, held
    assert HELD[0] <= min(held) and max(held) <= HELD[1], held
    texts = [text for _, text in spoken]
    assert None not in texts, "shown from the words on"
    assert texts == sorted((text or "" for text in texts), reverse=True), "it only counts down"


def test_validate_tells_the_curator_when_it_starts() -> None:
    """`installation validate` says the countdown starts at 04:06:30, not at 04:06."""
    assert f"from 'seventy minutes' at {WORDS} to 05:15" in summary(
        shipped_program().timeline, None)
