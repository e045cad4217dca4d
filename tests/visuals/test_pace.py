"""The shipped day's pace gives each picture the wall time it can hold at the default hour-long
day: no one composition longer than about six minutes, Johnie's at night two at least, the
coyote time to trot in, sniff, look in twice and go on, the searchlights more than Park La
Brea's one window or Wilshire under ash; not minutes of two people standing still, of a
slowly sinking mammoth, or of empty tar; and the countdown telling the story's time left."""

from __future__ import annotations

from installation.core.timeline import load_timeline, state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import format_clock, parse_clock
from installation.visuals.compositor import defaults

from .test_crowd_places import SHIPPED, paced, shipped_pace
from .test_mammoth_sinks import shown

LONGEST = 6 * 60 + 5  # real seconds, at most, of any one scene (issue 9: about six minutes)
JOHNNIES_LEAST = 2 * 60  # real seconds, at least, of Johnie's at night (issue 9)
COYOTE = (65, 80)  # real seconds of the coyote in the empty diner (it had 51: short for it)
PARK_LA_BREA_MOST = 2.5 * 60  # real seconds, at most, of Park La Brea's one lit window (it
#                               held 3 min 22 s)
SEARCHLIGHTS_LEAST = 4 * 60  # real seconds, at least, of the searchlights over the mall, the
#                              countdown's strongest picture (it had 3 min 22 s)
ASH_STREET_MOST = 3 * 60  # real seconds, at most, of Wilshire under ash: one picture and the
#                           falling ash (it held 3 min 49 s)
TALK_MOST = 3 * 60  # real seconds, at most, Harry and Julie stand talking (they stood 3.7 min)
DEEP_TIME = (150, 225)  # real seconds of the tar keeping everything (it held 5 min 13 s)
EMPTY_MOST = 100  # real seconds, at most, of the empty tar once the mother has gone under
#                   (it held 2.3 min)
READ_LEAST = 15  # real seconds a caption stays on the wall, at least, once it is typed
SUN = "The sun comes back to the tar pits"
LAST_REACH_ENDS = "10:42"  # the end of her last reach's pace row: she has gone under
TICK_SLACK = 2.0  # real seconds of story the countdown's display may be off by (it leads the
#                   story by up to a tick, and holds each value a real second)


def lengths() -> dict[str, float]:
    """Each shipped scene's real length at the default day."""
    line = load_timeline(SHIPPED)
    clock = paced(line)
    scenes = line.scenes
    return {scene.name: clock.real_length(scene.at, scenes[(i + 1) % len(scenes)].at)
            for i, scene in enumerate(scenes)}


def test_no_one_composition_holds_the_wall_much_over_six_minutes() -> None:
    long = {name: round(seconds) for name, seconds in lengths().items() if seconds > LONGEST}
    assert not long, long


def test_johnnies_at_night_holds_two_minutes_and_the_coyote_over_a_minute() -> None:
    shown_for = lengths()
    assert shown_for["Johnie's at night"] >= JOHNNIES_LEAST
    coyote = shown_for["A coyote in the empty diner"]
    assert COYOTE[0] <= coyote <= COYOTE[1], f"{coyote:.0f} real s"


def test_the_time_goes_to_the_searchlights_not_one_lit_window_or_one_street() -> None:
    shown_for = lengths()
    assert shown_for["Wilshire under ash"] <= ASH_STREET_MOST, \
        f"{shown_for['Wilshire under ash']:.0f} real s"
    assert shown_for["Park La Brea"] <= PARK_LA_BREA_MOST, f"{shown_for['Park La Brea']:.0f} s"
    assert shown_for["Searchlights over the mall"] >= SEARCHLIGHTS_LEAST, \
        f"{shown_for['Searchlights over the mall']:.0f} real s"


def test_harry_and_julie_talk_for_a_minute_or_two_not_four() -> None:
    """From their handshake to their walking off together (the couple's layer), two figures
    standing face to face: a minute or two holds it."""
    line = load_timeline(SHIPPED)
    scene = next(one for one in line.scenes if one.name == "Harry meets Julie")
    couple = next(spec.params for spec in scene.layers
                  if spec.type == "figures" and spec.params["body"] == "couple")
    seconds = shipped_pace().real_between(couple["from"], couple["until"])
    assert seconds <= TALK_MOST, f"{seconds:.0f} real s"


def test_the_tar_keeps_everything_for_three_to_four_minutes() -> None:
    seconds = shipped_pace().real_between(parse_clock("08:00"), parse_clock("10:30"))
    assert DEEP_TIME[0] <= seconds <= DEEP_TIME[1], f"{seconds:.0f} real s"


def test_after_she_has_gone_under_the_empty_tar_holds_about_a_minute_and_a_half() -> None:
    minutes = (parse_clock("10:30") + minute * 60.0 for minute in range(90))
    gone = next(at for at in minutes if shown(SUN, format_clock(at)) == 0)
    seconds = shipped_pace().real_between(gone, parse_clock("12:00"))
    assert seconds <= EMPTY_MOST, f"gone at {format_clock(gone)}, then {seconds:.0f} real s"


def test_every_caption_is_typed_and_read_before_its_scene_ends() -> None:
    """Wherever the pace puts a scene's end, its words are typed (after their `delay`, at
    `speed` letters a real second) with time left to read them before the next scene."""
    line = load_timeline(SHIPPED)
    clock = shipped_pace()
    scenes = line.scenes
    for i, scene in enumerate(scenes):
        length = clock.real_length(scene.at, scenes[(i + 1) % len(scenes)].at)
        words = [spec.params for spec in scene.layers if spec.type == "caption"]
        if scene.caption is not None:
            words.append(defaults("caption", text=scene.caption.text, place=scene.caption.place))
        for params in words:
            letters = len(params["text"]) + len(params["place"])
            typed = params["delay"] + letters / params["speed"]
            assert typed + READ_LEAST <= length, f"{scene.name}: {typed:.0f} s of {length:.0f}"


def test_the_countdown_tells_the_story_time_left_in_every_scene_it_is_in() -> None:
    """However its stretches are paced, the T-MINUS halfway through each scene of the
    countdown is the story's own time left then, within its tick (so at 05:08 it says about
    seven minutes, as the bank's clock across Wilshire says 5:08)."""
    line = load_timeline(SHIPPED)
    clock = shipped_pace()
    countdown = line.countdown
    assert countdown is not None
    scenes = line.scenes
    for i, scene in enumerate(scenes):
        if countdown.remaining(scene.at) is None:
            continue
        middle = story_after(clock, scene.at, clock.real_between(scene.at, scenes[i + 1].at) / 2)
        shown_left = state_at(line, middle, clock).countdown_shown
        left = countdown.remaining(middle)
        assert shown_left is not None and left is not None
        tick = TICK_SLACK * 60.0 / clock.real_between(middle, middle + 60.0)  # story seconds
        assert abs(shown_left - left) <= tick, \
            f"{scene.name}: shows {shown_left:.0f} s left, {left:.0f} s are"


def test_the_returns_words_are_typed_only_once_she_has_gone_under() -> None:
    """The morning's caption ("The calf is alone") waits for her last reach to end (its own
    pace row, to 10:42): at `delay = 43` it was typed over her trunk going under, once the
    last reach's pace row made those 35 story seconds 9.9 real ones."""
    line = load_timeline(SHIPPED)
    scene = next(one for one in line.scenes if one.name == SUN)
    delay = next(spec.params["delay"] for spec in scene.layers if spec.type == "caption")
    gone = shipped_pace().real_between(scene.at, parse_clock(LAST_REACH_ENDS))
    assert delay >= gone, f"typed {delay} real s in, she is gone {gone:.1f} s in"
