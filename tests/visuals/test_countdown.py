"""The countdown reads as a clock: minutes and seconds that tick once a real second, never a
flicker of story seconds."""

from __future__ import annotations

import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import forward, parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor, defaults
from installation.visuals.countdown import Countdown, clock_text
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, timeline

RATE = 4.4  # story seconds per real second, about the shipped day's countdown
BLACK = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
DAY = timeline(
    "[countdown]\ncue = \"the call\"\nto = \"05:15\"\n"
    "[[cue]]\nat = \"04:05\"\nname = \"the call\"\ntype = \"mark\"\n"
    f"[[scene]]\nat = \"04:05\"\nname = \"call\"\n{BLACK}{layer('countdown', y=0.5)}{NO_POST}"
    f"[[scene]]\nat = \"04:20\"\nname = \"panic\"\n{BLACK}{layer('countdown', y=0.3)}{NO_POST}"
    f"[[scene]]\nat = \"05:15\"\nname = \"after\"\n{BLACK}{NO_POST}")


class Fast:
    """The story going RATE times faster than the wall clock."""

    def real_between(self, story_a: float, story_b: float) -> float:
        return forward(story_a, story_b) / RATE


def story_at(scene: str, real_seconds: float) -> float:
    return parse_clock(scene) + real_seconds * RATE


def shown(compositor: Compositor, story_time: float) -> tuple[str | None, bytes]:
    """The countdown's text and the frame's pixels at a story time."""
    state = state_at(DAY, story_time, Fast())
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state)
    counter = Countdown(defaults("countdown"), compositor.setup(state.scene, 1, "countdown"))
    text = counter.text(Frame(state.story_time, state.scene_seconds, state))
    return text, pygame.image.tobytes(surface, "RGB")


def test_minutes_and_seconds_with_minutes_past_the_hour() -> None:
    assert clock_text(70 * 60) == "70:00"
    assert clock_text(59.2) == "01:00"
    assert clock_text(0.0) == "00:00"


def test_frames_within_one_real_second_show_the_same_countdown() -> None:
    headless()
    compositor = Compositor(DAY, SIZE, lambda _message: None, Fast())
    frames = [shown(compositor, story_at("04:05", 30 + part)) for part in (0.02, 0.3, 0.6, 0.98)]
    assert {text for text, _ in frames} == {"67:48"}, "70 minutes less 30 real seconds at 4.4x"
    assert len({pixels for _, pixels in frames}) == 1, "not a pixel changes within the second"
    assert shown(compositor, story_at("04:05", 31.02))[0] == "67:44", "then it ticks"


def test_it_ticks_once_a_real_second_through_a_scene_change() -> None:
    headless()
    compositor = Compositor(DAY, SIZE, lambda _message: None, Fast())
    start = 15 * 60 / RATE - 5  # 5 real s before the next scene, which starts mid-second
    # 30 frames a real second (offset by half a frame: a frame exactly on a scene's first
    # instant has no pace to tick by, and shows the exact story time).
    texts = [shown(compositor, story_at("04:05", start + (n + 0.5) / 30))[0] for n in range(300)]
    changes = [n for n in range(1, len(texts)) if texts[n] != texts[n - 1]]
    assert 8 <= len(changes) <= 11, "about once a real second over ten seconds"
    assert min(b - a for a, b in zip(changes, changes[1:], strict=False)) >= 20, (
        "never two changes within two thirds of a second")


BANK = timeline(
    "[countdown]\ncue = \"the call\"\nto = \"05:15\"\n"
    "[[cue]]\nat = \"04:05\"\nname = \"the call\"\ntype = \"mark\"\n"
    f"[[scene]]\nat = \"05:05\"\nname = \"across\"\n{BLACK}"
    f"{layer('banksign', x=0.5, y=0.65, ground=0.95, scale=0.25, temperature=61, seconds=4)}"
    f"{layer('countdown', opacity=0)}{NO_POST}"
    f"[[scene]]\nat = \"05:15\"\nname = \"after\"\n{BLACK}{NO_POST}")


def test_the_bank_sign_shows_the_time_then_the_temperature_and_ticks_once_a_second() -> None:
    from installation.visuals.banksign import BankSign

    headless()
    compositor = Compositor(BANK, SIZE, lambda _message: None, Fast())

    def reading(real: float) -> tuple[str, bytes]:
        state = state_at(BANK, story_at("05:05", real), Fast())
        surface = pygame.Surface(SIZE)
        compositor.draw(surface, state)
        sign = BankSign({**defaults("banksign"), "temperature": 61},
                        compositor.setup(state.scene, 0, "banksign"))
        return (sign.reading(Frame(state.story_time, state.scene_seconds, state)),
                pygame.image.tobytes(surface, "RGB"))

    second = [reading(10 + part) for part in (0.02, 0.5, 0.97)]
    assert {text for text, _ in second} == {"5:05"}, "the time, its colon lit on even seconds"
    assert len({pixels for _, pixels in second}) == 1, "not a lamp changes within the second"
    assert reading(11.02)[0] == "5 05", "the colon goes out: a tick"
    assert reading(13.5)[0] == "61°F", "then the temperature"
    assert reading(10.5)[1] != reading(11.5)[1], "and the lamps show it"


def test_a_scene_can_hide_the_countdown_where_a_clock_in_the_picture_keeps_time() -> None:
    headless()
    compositor = Compositor(BANK, SIZE, lambda _message: None, Fast())
    state = state_at(BANK, story_at("05:05", 10.5), Fast())
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state)
    top = pygame.surfarray.array3d(surface)[:, : SIZE[1] // 4]
    assert top.max() < 40, "no T-MINUS display over the picture"
