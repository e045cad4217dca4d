"""The countdown belongs to the film, not a game: 'T-MINUS 07:12', the label and the minutes
and seconds left typed in one line of the captions' bold face, changing once a real second (it
follows the state's tick, never a flicker of story seconds); through the shipped countdown it
keeps one place, clear in every scene, and reads over a lit ceiling with a soft shade, no
panel."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pygame
from scipy.ndimage import distance_transform_edt

from installation.app.remote_control import countdown_status
from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import countdown_clock, format_clock, forward, parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor, defaults
from installation.visuals.countdown import CHARACTERS, FACE, Countdown
from installation.visuals.fonts import Fonts
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, draw, layer, timeline
from .test_caption_backing import NEAR, READS, contrast

RATE = 4.4  # story seconds per real second, about the shipped day's countdown
SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
WIDE = (640, 360)
LIT = 40  # how much brighter a pixel the clock letters is than the picture without it
EVEN = 50  # how much brighter than its middling the picture under the clock may be anywhere
NEAR_PLACE = 3  # pixels: one place
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


def tick(line: Timeline, story_time: float) -> int | None:
    """The story seconds left as the state's tick gives them (what the display follows)."""
    left = state_at(line, story_time, Fast()).countdown_shown
    return None if left is None else math.ceil(round(left, 6))


def test_the_time_left_in_minutes_and_seconds() -> None:
    assert countdown_clock(70 * 60) == "70:00"
    assert countdown_clock(7 * 60 + 12) == "07:12"
    assert countdown_clock(61.0) == "01:01"
    assert countdown_clock(59.2) == "01:00", "seconds rounded up"
    assert countdown_clock(0.0) == "00:00"


def test_it_ticks_once_a_displayed_second_and_never_between() -> None:
    """Over ten real seconds at thirty frames a second (the story's seconds run 4.4 times as
    fast): every frame within one of the display's seconds (the state's tick) shows the same
    text and the same pixels, and the next second shows another: about ten changes, never
    two within two thirds of a second."""
    headless()
    compositor = Compositor(DAY, SIZE, lambda _message: None, Fast())
    times = [story_at("04:05", 20 + (n + 0.5) / 30) for n in range(300)]
    frames = [shown(compositor, story) for story in times]
    ticks = [tick(DAY, story) for story in times]
    for n in range(1, len(frames)):
        same_tick = ticks[n] == ticks[n - 1]
        assert (frames[n][0] == frames[n - 1][0]) == same_tick, (n, frames[n][0], ticks[n])
        assert (frames[n][1] == frames[n - 1][1]) == same_tick, f"pixels at frame {n}"
    changed = [n for n in range(1, len(frames)) if frames[n][0] != frames[n - 1][0]]
    assert 9 <= len(changed) <= 11, [text for text, _ in frames[::30]]
    assert min(b - a for a, b in zip(changed, changed[1:], strict=False)) >= 20
    assert frames[0][0] == "68:35", "68:32 left (20 real s in), in its minute's step from 68:35"


def test_it_starts_at_the_whole_length_and_holds_zero_for_its_last_real_second() -> None:
    headless()
    compositor = Compositor(DAY, SIZE, lambda _message: None, Fast())
    assert shown(compositor, story_at("04:05", 0.5))[0] == "70:00"
    end = 70 * 60 / RATE
    last = [shown(compositor, story_at("04:05", end - part))[0] for part in (0.9, 0.5, 0.02)]
    assert last == ["00:00"] * 3, "the zero, for a real second before the flash"
    assert shown(compositor, story_at("04:05", end - 1.2))[0] == "00:05", "a tick before it"


def test_a_cut_moves_the_display_by_one_tick_as_any_other_second() -> None:
    """Not even a frame drawn on the cut's own instant (as a snapshot at 04:20:00 is) shows
    the story's exact seconds out of step with the ticks either side."""
    cut = 15 * 60 / RATE  # the panic starts mid-second
    texts = [tick(CUTS, story_at("04:05", cut + d))
             for d in (-1.5, -0.5, -1e-3, 0.0, 1e-3, 0.5, 1.5)]
    values = [value for value in texts if value is not None]
    steps = [a - b for a, b in zip(values, values[1:], strict=False)]
    assert all(step in (0, 4, 5) for step in steps), f"one tick down at a time: {texts}"
    assert steps.count(0) == 3, f"three ticks in three real seconds: {texts}"


def test_it_ticks_once_a_real_second_through_a_scene_change() -> None:
    start = 15 * 60 / RATE - 5  # 5 real s before the next scene, which starts mid-second
    # 30 frames a real second (offset by half a frame: a frame exactly on a scene's first
    # instant has no pace to tick by, and shows the exact story time).
    texts = [tick(DAY, story_at("04:05", start + (n + 0.5) / 30)) for n in range(300)]
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


def test_the_bank_sign_shows_the_time_then_the_temperature_its_colon_pulsing() -> None:
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

    second = [reading(10 + part) for part in (0.02, 0.25, 0.48)]
    assert {text for text, _ in second} == {"5:05"}, "the time, its colon lit half a second"
    assert len({pixels for _, pixels in second}) == 1, "not a lamp changes while it is lit"
    assert reading(10.52)[0] == reading(10.97)[0] == "5:05", "the colon dims, never out"
    assert reading(11.02)[0] == "5:05", "and is lit full with the next second"
    assert reading(13.5)[0] == "61°F", "then the temperature"
    assert reading(10.25)[1] != reading(10.75)[1], "and the lamps show it"


def test_a_scene_can_hide_the_countdown_where_a_clock_in_the_picture_keeps_time() -> None:
    headless()
    compositor = Compositor(BANK, SIZE, lambda _message: None, Fast())
    state = state_at(BANK, story_at("05:05", 10.5), Fast())
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state)
    top = pygame.surfarray.array3d(surface)[:, : SIZE[1] // 4]
    assert top.max() < 40, "no T-MINUS display over the picture"


def test_the_shipped_countdown_keeps_one_place_clear_in_every_scene_it_shows_in() -> None:
    """From the call to the flash the clock's lettering starts at the same pixels in every
    scene it shows in (no jump at a cut: its left, its top and its foot), and under it each
    picture is even: sky, or plain ceiling; no lit edge, tower wall, window or helicopter (a
    star or two aside)."""
    line = load_timeline(SHIPPED)
    hidden = without_countdown(line)
    places = []
    for at in countdown_scenes(line):
        lit = pygame.surfarray.array3d(draw(line, at, size=WIDE)).astype(int)
        under = pygame.surfarray.array3d(draw(hidden, at, size=WIDE)).astype(int)
        clock = lit.max(axis=2) - under.max(axis=2) > LIT
        columns, rows = np.nonzero(clock)
        places.append((columns.min(), rows.min(), rows.max()))
        shown = starless(under.max(axis=2))[clock]
        assert shown.max() - np.median(shown) < EVEN, f"at {at} the clock is over something"
    spread = np.ptp(np.array(places), axis=0)
    assert spread.max() <= NEAR_PLACE, places


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


PALE_TEXT = (
    "[countdown]\ncue = \"the call\"\nto = \"05:15\"\n"
    "[[cue]]\nat = \"04:05\"\nname = \"the call\"\ntype = \"mark\"\n"
    f"[[scene]]\nat = \"04:05\"\nname = \"diner\"\n"
    f"{layer('sky', top='#c8b8a0', bottom='#c8b8a0', stars=0, sun=False, clouds=0)}"
    f"{layer('countdown', x=0.5, y=0.5, size=0.1)}{NO_POST}"
    f"[[scene]]\nat = \"05:15\"\nname = \"after\"\n{BLACK}{NO_POST}")
PALE = timeline(PALE_TEXT)
BIG = (960, 540)


def display(line: Timeline, hide: bool = False) -> tuple[np.ndarray, Countdown]:
    """The frame 10.5 real seconds after the call at BIG (without the display if `hide`),
    and the display as the scene sets it up."""
    headless()
    drawn = without_countdown(line) if hide else line
    compositor = Compositor(drawn, BIG, lambda _message: None, Fast())
    state = state_at(drawn, story_at("04:05", 10.5), Fast())
    surface = pygame.Surface(BIG)
    compositor.draw(surface, state)
    spec = state.scene.layers[1]
    counter = Countdown(defaults("countdown", **spec.params),
                        compositor.setup(state.scene, 1, "countdown"))
    return pygame.surfarray.array3d(surface).astype(float), counter


def test_the_time_left_is_typed_in_the_captions_face_where_the_layer_puts_it() -> None:
    """Over black: the minutes and seconds are Courier Prime Bold's letters, in the words'
    colour, after the label (in the same face and size) in a room centred on the layer's x
    and y; nothing is lit outside it."""
    frame, counter = display(timeline(PALE_TEXT.replace("#c8b8a0", "#000000")))
    left = state_at(PALE, story_at("04:05", 10.5), Fast()).countdown_shown
    assert left is not None
    text = countdown_clock(left)
    assert text == "69:15", "69:14 left 10.5 real s in, in its minute's 5 s step from 69:15"
    face = Fonts(lambda _message: None).get(FACE, counter.size)
    for words, (x, y) in ((text, counter.minutes_at), ("T-MINUS", counter.room.topleft)):
        letters = pygame.surfarray.array_alpha(face.render(words, True, (255, 255, 255)))
        cell = frame[x:x + letters.shape[0], y:y + letters.shape[1]]
        assert np.abs(cell[letters == 255] - counter.color).max() <= 2, f"{words}: its letters"
        assert cell[letters == 0].max() < 10, f"{words}: nothing between them"
    x, y = counter.minutes_at
    assert counter.room.center == (BIG[0] // 2, BIG[1] // 2)
    lit = frame.max(axis=2) > 40
    columns, rows = np.nonzero(lit)
    assert columns.min() < x - counter.size, "the label before the minutes"
    lettered = pygame.Rect(int(columns.min()), int(rows.min()), int(np.ptp(columns)),
                           int(np.ptp(rows)))
    assert counter.room.inflate(2, 2).contains(lettered), "all in the room"


def test_over_a_pale_ceiling_the_minutes_read_on_a_soft_shade_not_a_panel() -> None:
    """Over a pale ceiling the letters keep a contrast ratio of at least READS to the picture
    right round them, and the shade that gives it stays within NEAR letter heights of them:
    no panel."""
    lit, counter = display(PALE)
    bare, _ = display(PALE, hide=True)
    assert contrast(lit, bare) >= READS
    shaded = (lit < bare - 2).any(axis=2)
    lettered = (lit > bare + 2).any(axis=2)
    apart = distance_transform_edt(~lettered)
    assert shaded.any() and apart[shaded].max() <= NEAR * counter.size


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


def test_a_timeline_written_for_the_old_segment_display_still_loads_and_draws_alike() -> None:
    """`ghost` (the seven-segment display's unlit segments) is retired: a curator's older
    timeline that sets it loads as before, and the key changes nothing in the picture."""
    old = DAY.scenes[0]
    kept = timeline(
        "[countdown]\ncue = \"the call\"\nto = \"05:15\"\n"
        "[[cue]]\nat = \"04:05\"\nname = \"the call\"\ntype = \"mark\"\n"
        f"[[scene]]\nat = \"04:05\"\nname = \"call\"\n{BLACK}"
        f"{layer('countdown', y=0.5, ghost=False)}{NO_POST}"
        f"[[scene]]\nat = \"05:15\"\nname = \"after\"\n{BLACK}{NO_POST}")
    assert [spec.params for spec in kept.scenes[0].layers] == [
        spec.params for spec in old.layers]
    frames = [pygame.surfarray.array3d(draw(line, "04:10")) for line in (kept, DAY)]
    assert frames[0].max() > LIT, "the countdown is drawn"
    assert np.array_equal(frames[0], frames[1])


def test_the_countdown_makes_each_characters_shade_in_a_piece_of_its_own() -> None:
    """Built ahead, the countdown pauses after each character's shade (made at once they held
    up a frame building the payphone's scene by ~30 ms at 1920x1080) and draws what one
    made at once draws."""
    headless()
    compositor = Compositor(DAY, SIZE, lambda _message: None, Fast())
    state = state_at(DAY, story_at("04:05", 30.0), Fast())
    setup = compositor.setup(state.scene, 1, "countdown")
    whole = Countdown(defaults("countdown"), setup)
    stepped = object.__new__(Countdown)
    assert sum(1 for _ in stepped.pieces(defaults("countdown"), setup)) >= len(set(CHARACTERS))
    frames = []
    for counter in (whole, stepped):
        surface = pygame.Surface(SIZE)
        surface.fill((90, 90, 90))
        counter.draw(surface, Frame(state.story_time, state.scene_seconds, state))
        frames.append(pygame.surfarray.array3d(surface))
    assert np.array_equal(frames[0], frames[1]) and (frames[0] != 90).any()


def test_the_countdowns_label_shade_is_made_in_pieces_at_full_hd() -> None:
    """At 1920x1080 the label's shade (T-MINUS, its halo reaching ~70 pixels round its
    strokes: 6-10 ms made at once) pauses on its way, besides after each character's."""
    headless()
    full_hd = (1920, 1080)
    compositor = Compositor(DAY, full_hd, lambda _message: None, Fast())
    state = state_at(DAY, story_at("04:05", 30.0), Fast())
    setup = compositor.setup(state.scene, 1, "countdown")
    stepped = object.__new__(Countdown)
    pauses = sum(1 for _ in stepped.pieces(defaults("countdown"), setup))
    assert pauses >= len(set(CHARACTERS)) + 2
    assert stepped.label_halo is not None and stepped.label_halo[0] is not None
