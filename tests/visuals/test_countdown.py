"""The countdown reads as a clock: minutes and seconds that tick once a real second, never a
flicker of story seconds; through the shipped countdown it keeps one place, clear in every
scene, and reads red even over a lit ceiling."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pygame

from installation.app.remote_control import countdown_status
from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import countdown_text as clock_text
from installation.core.timeutil import format_clock, forward, parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor, defaults
from installation.visuals.countdown import DIGIT_WIDTH, Countdown
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, draw, layer, timeline

RATE = 4.4  # story seconds per real second, about the shipped day's countdown
SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
WIDE = (640, 360)
RED = 40  # how much redder a pixel the clock lights is than the picture without it
EVEN = 50  # how much brighter than its middling the picture under the clock may be anywhere
NEAR = 3  # pixels: one place
BLACK = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
DAY = timeline(
    "[countdown]\ncue = \"the call\"\nto = \"05:15\"\n"
    "[[cue]]\nat = \"04:05\"\nname = \"the call\"\ntype = \"mark\"\n"
    f"[[scene]]\nat = \"04:05\"\nname = \"call\"\n{BLACK}{layer('countdown', y=0.5)}{NO_POST}"
    f"[[scene]]\nat = \"04:20\"\nname = \"panic\"\n{BLACK}{layer('countdown', y=0.3)}{NO_POST}"
    f"[[scene]]\nat = \"05:15\"\nname = \"after\"\n{BLACK}{NO_POST}")
CUTS = dataclasses.replace(DAY, scenes=tuple(  # the shipped countdown runs on hard cuts
    dataclasses.replace(scene, transition=dataclasses.replace(scene.transition, type="cut"))
    for scene in DAY.scenes))


class Fast:
    """The story going RATE times faster than the wall clock."""

    def real_between(self, story_a: float, story_b: float) -> float:
        return forward(story_a, story_b) / RATE


def story_at(scene: str, real_seconds: float) -> float:
    return parse_clock(scene) + real_seconds * RATE


def shown(compositor: Compositor, story_time: float) -> tuple[str | None, bytes]:
    """The countdown's text and the frame's pixels at a story time."""
    state = state_at(compositor.timeline, story_time, Fast())
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
    # (its ticks share the countdown's real length evenly: a tick is a hair under a second)
    frames = [shown(compositor, story_at("04:05", 30 + part)) for part in (0.1, 0.3, 0.6, 0.9)]
    assert {text for text, _ in frames} == {"67:48"}, "70 minutes less 30 real seconds at 4.4x"
    assert len({pixels for _, pixels in frames}) == 1, "not a pixel changes within the second"
    assert shown(compositor, story_at("04:05", 31.02))[0] == "67:44", "then it ticks"


def test_it_starts_at_the_whole_length_and_holds_zero_for_its_last_real_second() -> None:
    headless()
    compositor = Compositor(DAY, SIZE, lambda _message: None, Fast())
    assert shown(compositor, story_at("04:05", 0.5))[0] == "70:00"
    end = 70 * 60 / RATE
    last = [shown(compositor, story_at("04:05", end - part))[0] for part in (0.9, 0.5, 0.02)]
    assert last == ["00:00"] * 3, "the zero, for a real second before the flash"
    assert shown(compositor, story_at("04:05", end - 1.2))[0] == "00:04", "one tick before it"


def test_a_cut_moves_the_display_by_one_tick_as_any_other_second() -> None:
    """Not even a frame drawn on the cut's own instant (as a snapshot at 04:20:00 is) shows
    the story's exact seconds out of step with the ticks either side."""
    headless()
    compositor = Compositor(CUTS, SIZE, lambda _message: None, Fast())
    cut = 15 * 60 / RATE  # the panic starts mid-second
    texts = [shown(compositor, story_at("04:05", cut + d))[0]
             for d in (-1.5, -0.5, -1e-3, 0.0, 1e-3, 0.5, 1.5)]
    values = [int(t[:2]) * 60 + int(t[3:]) for t in texts if t is not None]
    steps = [a - b for a, b in zip(values, values[1:], strict=False)]
    assert all(step in (0, 4, 5) for step in steps), f"one tick down at a time: {texts}"
    assert steps.count(0) == 3, f"three ticks in three real seconds: {texts}"


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


def test_the_shipped_countdown_keeps_one_place_clear_in_every_scene_it_shows_in() -> None:
    """From the call to the flash the clock lights the same pixels in every scene it shows in
    (no jump at a cut), and under it each picture is even: sky, or plain ceiling; no lit edge,
    tower wall, window or helicopter (a star or two aside)."""
    line = load_timeline(SHIPPED)
    hidden = without_countdown(line)
    places = []
    for at in countdown_scenes(line):
        lit = pygame.surfarray.array3d(draw(line, at, size=WIDE)).astype(int)
        under = pygame.surfarray.array3d(draw(hidden, at, size=WIDE)).astype(int)
        clock = lit[..., 0] - under[..., 0] > RED
        columns, rows = np.nonzero(clock)
        places.append((columns.min(), columns.max(), rows.min(), rows.max()))
        shown = starless(under.max(axis=2))[clock]
        assert shown.max() - np.median(shown) < EVEN, f"at {at} the clock is over something"
    spread = np.ptp(np.array(places), axis=0)  # (the glow's reach varies with the digits)
    assert spread.max() <= NEAR, places


def countdown_scenes(line: Timeline) -> list[str]:
    """The middle of each shipped scene that shows the countdown."""
    assert line.countdown is not None
    times = []
    for scene, after in zip(line.scenes, line.scenes[1:], strict=False):
        shows = [spec for spec in scene.layers if spec.type == "countdown"
                 and spec.params.get("opacity", 1.0) > 0]
        if shows and forward(line.countdown.start, scene.at) < forward(
                line.countdown.start, line.countdown.target):
            times.append(format_clock(scene.at + forward(scene.at, after.at) / 2))
    assert len(times) >= 5, times
    return times


def without_countdown(line: Timeline) -> Timeline:
    """The day with every countdown layer there but not shown."""
    scenes = tuple(dataclasses.replace(scene, layers=tuple(
        dataclasses.replace(spec, params={**spec.params, "opacity": 0.0})
        if spec.type == "countdown" else spec for spec in scene.layers))
        for scene in line.scenes)
    return dataclasses.replace(line, scenes=scenes)


def starless(brightness: np.ndarray) -> np.ndarray:
    """Each pixel's darkest 3x3 neighbourhood: stars go, lines and walls stay."""
    return np.minimum.reduce([np.roll(brightness, (dx, dy), axis=(0, 1))
                              for dx in (-1, 0, 1) for dy in (-1, 0, 1)])


PALE = timeline(
    "[countdown]\ncue = \"the call\"\nto = \"05:15\"\n"
    "[[cue]]\nat = \"04:05\"\nname = \"the call\"\ntype = \"mark\"\n"
    f"[[scene]]\nat = \"04:05\"\nname = \"diner\"\n"
    f"{layer('sky', top='#b09070', bottom='#b09070', stars=0, sun=False, clouds=0)}"
    f"{layer('countdown', y=0.5, size=0.3)}{NO_POST}"
    f"[[scene]]\nat = \"05:15\"\nname = \"after\"\n{BLACK}{NO_POST}")


def test_over_a_pale_ceiling_the_digits_show_on_a_dark_face() -> None:
    """Lit from the side of a pale ceiling, the display keeps a dark face round its digits
    (the ceiling does not wash them pink): between a digit's lit segments the picture is far
    darker than the ceiling round the display."""
    surface, counter = pale_display()
    green = pygame.surfarray.array3d(surface)[..., 1].astype(int)  # the ceiling's, not the red's
    ceiling = green[:, 2].mean()
    width = int(counter.digit * DIGIT_WIDTH)
    for ch, x, y in counter.layout("88:88"):
        if ch == ":":
            continue
        hole = green[x + 3 * width // 8: x + 5 * width // 8,  # the upper hole of an 8: never lit
                     y + counter.digit // 5: y + 3 * counter.digit // 10]
        assert hole.mean() < 0.6 * ceiling, (x, hole.mean(), ceiling)


def test_the_dark_face_is_one_panel_not_a_patch_round_each_digit() -> None:
    """Over a pale ceiling the face is one dark panel behind the label and the digits: the
    ceiling shows through it nowhere (the shadow of each character's glow left gaps of pale
    ceiling between them, and read as stray blots beside a 1)."""
    surface, counter = pale_display()
    rgb = pygame.surfarray.array3d(surface).astype(int)
    (x, y), (w, h) = counter.shade_at, counter.shade.get_size()
    face = rgb[x + w // 8: x + 7 * w // 8, y + h // 3: y + 2 * h // 3]
    ceiling = np.abs(face - rgb[2, 2]).max(axis=2) < 25
    assert ceiling.mean() < 0.01, f"{ceiling.mean():.1%} of the face shows the ceiling"


def pale_display() -> tuple[pygame.Surface, Countdown]:
    """The PALE day's frame with the display over its pale ceiling, and the display drawn."""
    headless()
    compositor = Compositor(PALE, SIZE, lambda _message: None, Fast())
    state = state_at(PALE, story_at("04:05", 10.5), Fast())
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state)
    counter = Countdown(defaults("countdown", y=0.5, size=0.3),
                        compositor.setup(state.scene, 1, "countdown", on_screen=True))
    return surface, counter


def test_the_status_page_and_osc_show_the_countdown_the_wall_shows() -> None:
    """An operator checking the status from the office reads what the visitors read: the
    display's tick ('T-MINUS 00:00' in the last real second), not the story's exact seconds."""
    headless()
    compositor = Compositor(CUTS, SIZE, lambda _message: None, Fast())
    assert CUTS.countdown is not None
    for real in (0.5, 15 * 60 / RATE - 1e-3, 15 * 60 / RATE, 70 * 60 / RATE - 0.5):
        story = story_at("04:05", real)
        text, _ = shown(compositor, story)
        status = countdown_status(CUTS.countdown, state_at(CUTS, story, Fast()))
        assert status == f"{CUTS.countdown.label} {text}".strip(), real
    assert countdown_status(CUTS.countdown, state_at(CUTS, story_at("05:15", 1.0), Fast())) is None
