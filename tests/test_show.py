"""The render loop, built once and stepped with fake time; frame pacing that never drifts."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pygame
import pytest
from fakes import FakeTime

from installation.app.directive import Directive
from installation.app.pacing import FramePacer
from installation.app.show import ShowOptions, build_show, run
from installation.audio.engine import ScoreEngine
from installation.core.config import load_config, with_overrides
from installation.core.program import Program
from installation.core.timeline import PaceSection, load_timeline
from installation.core.timeutil import format_clock, parse_clock

ROOT = Path(__file__).parent.parent
OPENING = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC).timestamp()
SIZE = (320, 180)  # the shows' picture: what these tests ask of it (the scene, the cues, the
# overlay, the pacing) a small one shows as well as the headless 1920x1080 (a scene's layers
# built at full size took most of each test's time)


def make_show(fake: FakeTime, audio: bool = False,  # type: ignore[no-untyped-def]
              **options: object):
    config = with_overrides(load_config(ROOT / "config.toml"), audio={"enabled": audio},
                            display={"resolution": SIZE})
    config = replace(config, clock=replace(config.clock, timezone=dt.UTC))
    timeline = load_timeline(config.timeline_path)
    opts = ShowOptions(headless=True, **options)  # type: ignore[arg-type]
    return build_show(config, timeline, opts, fake.time, fake.monotonic, fake.sleep)


def key(name: str, *mods: int) -> pygame.event.Event:
    pygame.display.init()  # key names need the video subsystem (dummy driver in tests)
    mask = 0
    for mod in mods:
        mask |= mod
    return pygame.event.Event(pygame.KEYDOWN, key=pygame.key.key_code(name), mod=mask)


def test_step_draws_the_scene_of_the_story_time() -> None:
    fake = FakeTime(OPENING)
    show = make_show(fake)
    assert show.step().scene.name == "La Brea Tar Pits"
    assert show.display.surface.get_at((5, 5)) != pygame.Color(0, 0, 0)


def test_at_option_starts_at_that_story_time_and_story_moves_on() -> None:
    fake = FakeTime(OPENING + 1234.0)
    show = make_show(fake, at=parse_clock("04:05"))
    assert format_clock(show.step().story_time) == "04:05:00"
    assert show.fired == ["the call"]  # landing on a cue plays it
    fake.advance(60)
    assert show.step().scene.name == "The payphone rings"
    assert show.fired == ["the call", "seventy minutes"]  # (the countdown's mark, passed)


def test_a_slow_frame_still_fires_the_cues_it_passed() -> None:
    fake = FakeTime(OPENING)
    show = make_show(fake, at=parse_clock("04:04:40"))
    show.step()
    stall = show.program.real_between(parse_clock("04:04:40"), parse_clock("04:05:20"))
    assert stall > 3.0  # longer than the jump limit, but the monotonic clock saw it pass
    fake.advance(stall)
    show.step()
    assert show.fired == ["the call"]


def test_a_step_of_the_system_clock_skips_the_cues_it_passed() -> None:
    fake = FakeTime(OPENING)
    show = make_show(fake, at=parse_clock("04:04:40"))
    show.step()
    fake.wall += show.program.real_between(parse_clock("04:04:40"), parse_clock("04:05:20"))
    fake.advance(1 / 30)
    assert format_clock(show.step().story_time) == "04:05:20"
    assert show.fired == []


class Hours:
    """An attendant that only opens and closes the gallery when the test says."""

    def __init__(self) -> None:
        self.directive = Directive()

    def before_frame(self) -> Directive:
        return self.directive

    def paint(self, surface: pygame.Surface, cover: pygame.Surface | None = None) -> None:
        pass

    def overlay_lines(self) -> list[str]:
        return []


def test_cues_passed_while_the_gallery_was_closed_do_not_fire_on_opening() -> None:
    fake = FakeTime(OPENING)
    show = make_show(fake, at=parse_clock("04:04:40"))
    hours = Hours()
    show.attendant = hours  # type: ignore[assignment]
    show.step()
    hours.directive = Directive("black", gain=0.0)
    fake.advance(show.program.real_between(parse_clock("04:04:40"), parse_clock("04:20:30")))
    show.step()
    hours.directive = Directive()
    fake.advance(1 / 30)
    show.step()
    assert show.fired == []  # 'the call' and 'the diner' passed while it was dark


def test_speed_option_runs_the_story_faster() -> None:
    fake = FakeTime(OPENING)
    fast, normal = make_show(fake, speed=60.0), make_show(fake)
    fast_start, normal_start = fast.step().story_time, normal.step().story_time
    fake.advance(1.0)
    fast_moved = fast.step().story_time - fast_start
    fake.advance(59.0)
    assert fast_moved == pytest.approx(normal.step().story_time - normal_start)
    assert fast_moved > 1000  # a minute of the one-hour cycle: about 24 story minutes


def test_overlay_key_shows_the_operator_panel() -> None:
    fake = FakeTime(OPENING)
    show = make_show(fake)
    show.step()
    corner_before = show.display.surface.get_at((20, 20))
    show.handle_events([key("f1")])
    show.step()
    assert show.overlay.visible
    lines = show.overlay_lines()
    assert lines[0].startswith("story 12:00") and "scene 'La Brea Tar Pits'" in lines[0]
    assert "cue   'the call' at 04:05:00" in lines[2]
    assert "fps" in lines[3]
    assert show.display.surface.get_at((20, 20)) != corner_before


def test_quitting_needs_the_whole_key_combination() -> None:
    fake = FakeTime(OPENING)
    show = make_show(fake)
    show.handle_events([key("q"), key("escape"), key("q", pygame.KMOD_LCTRL)])
    assert not show.finished  # fullscreen: a stray key never ends the show
    show.handle_events([key("q", pygame.KMOD_LCTRL, pygame.KMOD_LSHIFT)])
    assert show.finished


def test_run_stops_after_the_frames_asked_for() -> None:
    fake = FakeTime(OPENING)
    show = make_show(fake, frames=30)
    assert run(show) == 0
    assert show.frames == 30
    assert sum(fake.slept) == pytest.approx(30 / 60, abs=1 / 60)


def test_pacer_deadlines_do_not_drift() -> None:
    fake = FakeTime(0.0)
    pacer = FramePacer(60, fake.monotonic, fake.sleep)
    start = fake.mono
    for frame in range(600):
        fake.advance(0.004 + (frame % 3) * 0.003)  # uneven drawing time
        pacer.wait()
    assert fake.mono - start == pytest.approx(10.0, abs=1e-9)


def test_pacer_skips_ahead_when_it_falls_behind() -> None:
    fake = FakeTime(0.0)
    pacer = FramePacer(60, fake.monotonic, fake.sleep)
    fake.advance(0.5)  # a half-second stall
    pacer.wait()
    assert pacer.skipped == 29
    fake.advance(0.001)
    pacer.wait()
    assert (fake.mono - 1000.0) == pytest.approx(31 / 60)


def test_an_edited_timeline_plays_from_the_same_moment() -> None:
    fake = FakeTime(OPENING)
    show = make_show(fake)
    show.step()
    edited = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    edited = replace(edited, scenes=tuple(
        replace(s, name=s.name.upper()) for s in edited.scenes))
    show.load(Program(show.config, edited))
    fake.advance(1.0)
    state = show.step()
    assert state.scene.name == "LA BREA TAR PITS"
    assert 0 <= state.story_time - parse_clock("12:00") < 60


def test_audio_plays_through_the_device_and_shows_in_the_overlay() -> None:
    fake = FakeTime(OPENING)
    show = make_show(fake, audio=True)
    try:
        show.overlay.toggle()
        show.step()
        assert show.audio is not None
        deadline = time.monotonic() + 20  # the audio thread opens the (dummy) device
        while show.audio.status != "playing" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert show.audio.status == "playing"
        assert any(line.startswith("audio playing   underruns") for line in show.overlay_lines())
    finally:
        show.close()


def test_the_first_frame_says_how_long_start_up_took(caplog: pytest.LogCaptureFixture) -> None:
    """Issue 8: the operator reads in the log how long the show took to put up its picture."""
    show = make_show(FakeTime(OPENING))
    with caplog.at_level("INFO", logger="installation.show"):
        show.step()
        show.step()
    said = [r.message for r in caplog.records if r.message.startswith("first frame on screen")]
    assert len(said) == 1 and said[0].endswith(" s after the process started")


def test_audio_disabled_in_the_config_is_silent() -> None:
    show = make_show(FakeTime(OPENING))
    assert show.audio is not None and show.engine is None
    assert show.audio.status == "silent by config"


def test_a_reload_does_not_log_the_same_scene_again(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeTime(OPENING)
    show = make_show(fake)
    with caplog.at_level("INFO", logger="installation.show"):
        show.step()
        show.load(Program(show.config, load_timeline(ROOT / "timelines" / "miracle-mile.toml")))
        fake.advance(1.0)
        show.step()
    entered = [r.message for r in caplog.records if r.message.startswith("scene ")]
    assert entered == ["scene 'La Brea Tar Pits' at story 12:00:00"]


def test_after_a_reload_that_changes_pace_picture_and_sound_agree() -> None:
    """The frame and the audio block for one wall time name the same scene and progress."""
    fake = FakeTime(OPENING)
    show = make_show(fake)
    shipped = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    engine = ScoreEngine(show.program, 48000, lambda m: None, fake.time(), chunk=256)
    show.engine = engine
    show.step()
    slower = replace(shipped, pace=(PaceSection(parse_clock("12:00"), parse_clock("15:00"), 8.0),))
    show.load(Program(show.config, slower))
    fake.advance(37.0)  # into the first scene's transition window on the new clock
    frame = show.step()
    engine.seek(frame.wall)
    engine.render(1)  # the block for the frame's wall time reads the new program
    block = engine.last_state
    assert block is not None and block.wall == frame.wall
    assert (block.scene.name, block.progress) == (frame.scene.name, frame.progress)
    assert block.story_time == frame.story_time
    # ... and the new pace is the one both read: the old program puts it elsewhere
    assert Program(show.config, shipped).state_at(frame.wall).story_time != frame.story_time


FIRST_FRAME = """
import sys, time
from pathlib import Path
from installation.app.show import ShowOptions, build_show
from installation.core.config import load_config, with_overrides
from installation.core.timeline import load_timeline
config = load_config(Path("config.toml"))
config = with_overrides(config, display={"resolution": (320, 180)}, audio={"enabled": True})
show = build_show(config, load_timeline(config.timeline_path), ShowOptions(headless=True))
before = "scipy.signal" in sys.modules or show.audio is not None
show.step()
print(before, "scipy.signal" in sys.modules, show.audio is not None)
show.close()
"""


def test_the_first_frame_does_not_wait_for_the_synthesis() -> None:
    """Loading numpy/scipy's synthesis takes seconds on a small PC: it comes after frame one."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    before, _, started = done.stdout.split()[-3:]  # scipy: loaded by the worker, meanwhile
    assert (before, started) == ("False", "True"), done.stderr


def test_the_engine_is_built_off_the_thread_that_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    """Frames keep coming while the score engine is built (issue 8: 2-3 s of a still picture):
    the audio worker builds it, and a reload meanwhile reaches the engine once it is built."""
    import threading
    from typing import Any

    release, built_on = threading.Event(), list[str]()
    real_init = ScoreEngine.__init__

    def slow_init(self: ScoreEngine, *args: Any, **kwargs: Any) -> None:
        built_on.append(threading.current_thread().name)
        release.wait(10.0)  # as long as the test needs: scipy and the first loops, on a slow PC
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(ScoreEngine, "__init__", slow_init)
    told: list[Program] = []
    monkeypatch.setattr(ScoreEngine, "set_program", lambda self, program: told.append(program))
    fake = FakeTime(OPENING)
    show = make_show(fake, audio=True)
    try:
        for _ in range(5):  # the engine is not built, yet every frame is drawn
            show.step()
            fake.advance(1 / 60)
        assert show.frames == 5 and show.engine is None
        edited = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
        show.load(Program(show.config, edited))  # a reload while it is built
        release.set()
        deadline = time.monotonic() + 20
        while show.engine is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert built_on == ["audio"]
        assert [program.timeline for program in told] == [edited]
    finally:
        release.set()
        show.close()


def test_closing_while_the_score_is_built_does_not_wait_for_the_build(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Quitting in the first seconds (`run --frames 1`, Esc, SIGTERM) while the worker builds
    the score: close() returns with the build under way (issue 8: the show waited 5 s for
    it), and the worker, told to stop, makes no cue sound."""
    import threading
    from typing import Any

    import installation.audio.cue_sounds as cue_sounds_module
    from installation.adapters.audio_output import DeviceOutput

    started, release = threading.Event(), threading.Event()
    real_init = ScoreEngine.__init__
    made: list[str] = []

    def slow_init(self: ScoreEngine, *args: Any, **kwargs: Any) -> None:
        started.set()
        release.wait(60.0)  # as long as the test wants: scipy, the cue sounds, on a slow PC
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(ScoreEngine, "__init__", slow_init)
    monkeypatch.setattr(cue_sounds_module, "synth", lambda name, rate: made.append(name))
    show = make_show(FakeTime(OPENING), audio=True)
    show.step()
    assert isinstance(show.audio, DeviceOutput) and started.wait(60.0)
    worker = show.audio._thread
    show.close()
    returned_while_building = not release.is_set()
    release.set()
    assert worker is not None
    worker.join(60.0)
    assert returned_while_building and show.audio.busy and show.audio.status == "closed"
    assert not worker.is_alive() and made == []
    assert list(show.warnings) == []  # giving up is no failure of the score


def test_frames_woken_late_by_varying_amounts_land_on_consecutive_ticks() -> None:
    """In a transition each scene is drawn on alternate 60ths of a second: a frame timed at
    its deadline, not when it woke, never skips a tick (and so never draws both scenes)."""
    fake = FakeTime(OPENING)
    show = make_show(fake, at=parse_clock("20:00") + 0.4)  # dusk dipping to the neon
    wakes = [0.0, 0.0149, 0.001, 0.012, 0.0, 0.016, 0.002] * 6
    show.pacer.sleep_fn = lambda seconds: fake.advance(seconds + wakes.pop())
    seconds = []
    for _ in range(40):
        state = show.step()
        seconds.append(state.scene_seconds)
        fake.advance(0.003)  # drawing
        show.pacer.wait()
    assert show.state is not None and show.state.in_transition
    steps = [b - a for a, b in zip(seconds[1:], seconds[2:], strict=False)]
    assert steps == pytest.approx([1 / 60] * len(steps), abs=1e-6)


def test_a_frame_held_over_a_period_never_puts_the_story_back() -> None:
    """A frame kept from drawing for over a period after it woke (a loaded machine) is drawn
    for when it is drawn; the next, on time, for its deadline, which is earlier: the story
    holds for that frame instead of stepping back (at a cut: the scene before, for a frame;
    at speed, a soak's day that went Dream, the alarm, Dream)."""
    fake = FakeTime(OPENING)
    show = make_show(fake, at=parse_clock("20:00") + 0.4)
    times = []
    for held in (0.0, 0.0, 0.02, 0.0, 0.0, 0.0):
        show.pacer.wait()
        fake.advance(held)  # woken, then kept from drawing
        times.append(show.step().story_time)
        fake.advance(0.003)  # drawing
    steps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(steps) >= 0.0, f"the story stepped back: {steps}"
    assert steps[-1] > 0.0 and steps[-1] == pytest.approx(steps[0], rel=1e-3), (
        "then on a tick a frame")
