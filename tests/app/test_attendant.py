"""The attendant inside a headless show, with fake time: hours, hot reload, status, systemd."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
from collections import deque
from pathlib import Path

import pygame
import pytest
from fakes import FakeTime

from installation.adapters.audio_output import NullOutput
from installation.app.attendant import CLOSING_FADE_SECONDS, build_attendant
from installation.app.directive import Directive, audio_status
from installation.app.show import Show, ShowOptions, build_show
from installation.app.status import read_status
from installation.core.config import load_config
from installation.core.timeline import load_timeline

ROOT = Path(__file__).parents[2]
# 2026-03-02 is a Monday. The clock's anchor (10:00) starts the story day at 12:00.
MONDAY = dt.datetime(2026, 3, 2, tzinfo=dt.UTC).timestamp()
H = 3600.0
SMALL = 'resolution = "160x90"'  # what these tests ask of the picture (black or not, at
# three points) a small one shows; the scenes' layers built at 480x270 took ~40% of their
# processor time (and of test_remote_hook's)
QUIET = "enabled = false\nvolume = 0.8"  # no sound device: the volume is still computed
BLACK = pygame.Color(0, 0, 0)
HOURS = """[hours]
enabled = true
default = "10:00-18:00"
tuesday = "18:00-02:00"
closing_cue_minutes = 10
"""


def make_config(folder: Path, extra: str = HOURS) -> Path:
    shutil.copy(ROOT / "timelines" / "miracle-mile.toml", folder / "day.toml")
    path = folder / "config.toml"
    path.write_text('[clock]\ntimezone = "UTC"\n[show]\ntimeline = "day.toml"\n'
                    f'[display]\n{SMALL}\n[audio]\n{QUIET}\n[logging]\nfolder = "logs"\n'
                    f'{extra}')
    return path


def make_show(folder: Path, fake: FakeTime, extra: str = HOURS,
              env: dict[str, str] | None = None) -> Show:
    config = load_config(make_config(folder, extra))
    timeline = load_timeline(config.timeline_path)
    show = build_show(config, timeline, ShowOptions(headless=True), fake.time, fake.monotonic,
                      fake.sleep)
    show.attendant = build_attendant(show, config.timeline_path, wall=fake.time,
                                     monotonic=fake.monotonic, env=env or {})
    return show


def frame(show: Show, fake: FakeTime, seconds: float = 1 / 60) -> None:
    fake.advance(seconds)
    show.step()
    assert show.attendant is not None
    show.attendant.after_frame()


def is_black(show: Show) -> bool:
    surface = show.display.surface
    width, height = surface.get_size()
    return all(surface.get_at((x, y)) == BLACK for x in (5, width // 2, width - 5)
               for y in (5, height // 2, height - 5))


def test_start_outside_hours_is_black_and_silent_then_opens(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 9 * H + 59 * 60)
    show = make_show(tmp_path, fake)
    frame(show, fake)
    assert show.attendant is not None
    assert show.attendant.directive.mode == "black" and show.attendant.volume() == 0.0
    assert is_black(show)
    assert show.state is not None  # the story clock runs on while closed
    for _ in range(60):
        frame(show, fake, 1.0)  # through the opening at 10:00
    assert show.attendant.directive.mode == "play" and show.attendant.volume() == 0.8
    assert not is_black(show)
    assert show.state.scene.name == "La Brea Tar Pits"  # 10:00 anchors the 12:00 story start
    assert show.fired == []


def test_closing_notice_fade_and_close(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 17 * H + 49 * 60)
    show = make_show(tmp_path, fake)
    frame(show, fake)
    assert show.attendant is not None
    assert show.attendant.directive.notice == ""
    frame(show, fake, 60.0)
    assert show.attendant.directive.notice == "The gallery closes in 10 minutes"
    assert show.attendant.directive.fade == 0.0
    frame(show, fake, 10 * 60 - CLOSING_FADE_SECONDS / 2 - 1 / 60)
    assert show.attendant.directive.notice == "The gallery closes in 1 minute"
    assert show.attendant.directive.fade == pytest.approx(0.5)
    assert show.attendant.volume() == pytest.approx(0.4)
    frame(show, fake, CLOSING_FADE_SECONDS)
    assert show.attendant.directive.mode == "black" and is_black(show)


def test_closing_fades_out_with_no_closing_notice(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 17 * H + 59 * 60)  # the shipped closing_cue_minutes = 0
    show = make_show(tmp_path, fake, HOURS.replace("closing_cue_minutes = 10",
                                                   "closing_cue_minutes = 0"))
    frame(show, fake)
    assert show.attendant is not None
    assert show.attendant.directive.fade == 0.0 and show.attendant.volume() == 0.8
    frame(show, fake, 60 - CLOSING_FADE_SECONDS / 2 - 1 / 60)
    assert show.attendant.directive.notice == ""
    assert show.attendant.directive.fade == pytest.approx(0.5)
    assert show.attendant.volume() == pytest.approx(0.4)
    frame(show, fake, CLOSING_FADE_SECONDS / 2 - 1.0)
    assert show.attendant.directive.fade == pytest.approx(0.95)
    frame(show, fake, 1.0)
    assert show.attendant.directive.mode == "black" and is_black(show)


def test_open_across_midnight(tmp_path: Path) -> None:
    tuesday_night = MONDAY + 24 * H + 23 * H + 59 * 60
    fake = FakeTime(tuesday_night)
    show = make_show(tmp_path, fake)
    frame(show, fake)
    assert show.attendant is not None and show.attendant.directive.playing
    frame(show, fake, 120.0)  # 00:01 on Wednesday: still Tuesday's evening opening
    assert show.attendant.directive.playing
    frame(show, fake, 2 * H)  # 02:01
    assert show.attendant.directive.mode == "black"


def test_a_restart_inside_hours_plays_at_once(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 14 * H)
    first = make_show(tmp_path, fake)
    frame(first, fake)
    again = make_show(tmp_path, fake)
    frame(again, fake, 0.0)
    assert again.attendant is not None and again.attendant.directive.playing
    assert first.state is not None and again.state is not None
    assert again.state.story_time == pytest.approx(first.state.story_time, abs=1.0)


def test_standby_holds_the_named_scene_silently(tmp_path: Path) -> None:
    extra = HOURS + 'outside = "standby"\nstandby_scene = "Harry meets Julie"\n'
    fake = FakeTime(MONDAY + 3 * H)
    show = make_show(tmp_path, fake, extra)
    for _ in range(5):
        frame(show, fake, 30.0)
        assert show.state is not None and show.state.scene.name == "Harry meets Julie"
    assert show.attendant is not None and show.attendant.volume() == 0.0
    assert not is_black(show)
    assert show.fired == []


def test_hot_reload_through_the_show(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show = make_show(tmp_path, fake, "")
    frame(show, fake)
    day = tmp_path / "day.toml"
    text = day.read_text()
    temp = tmp_path / "day.toml.new"
    temp.write_text(text.replace('name = "La Brea Tar Pits"', 'name = "The Tar Pits"'))
    os.replace(temp, day)
    for _ in range(60):  # one second
        frame(show, fake)
    assert show.state is not None and show.state.scene.name == "The Tar Pits"

    with open(day, "w") as handle:  # truncate-then-write, broken
        handle.write(text.replace('at = "14:30"', 'at = "14:70"'))
    for _ in range(120):
        frame(show, fake)
    assert show.state.scene.name == "The Tar Pits"  # the last good one plays on
    assert show.attendant is not None and show.attendant.last_reload is not None
    assert not show.attendant.last_reload.ok
    assert "key 'at': expected a time like" in show.warnings[-1]
    status = read_status(tmp_path / "logs" / "status.json")
    assert status["last_reload"]["ok"] is False
    assert "found '14:70'" in status["last_reload"]["error"]


def test_the_attendant_decides_and_only_the_show_applies(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show = make_show(tmp_path, fake, "")
    frame(show, fake)
    before = show.program
    day = tmp_path / "day.toml"
    day.write_text(day.read_text().replace('name = "La Brea Tar Pits"', 'name = "Tar"'))
    config = tmp_path / "config.toml"
    config.write_text(config.read_text().replace("volume = 0.8", "volume = 0.5"))
    assert show.attendant is not None
    decided = None
    for _ in range(120):  # the watcher looks every half second; both edits are taken up
        fake.advance(1 / 60)
        directive = show.attendant.before_frame()
        decided = directive.program or decided
        if directive.program is not None:
            assert show.program is before  # decided, not yet applied
            show.apply(directive)
    assert decided is not None and show.program is decided
    assert decided.timeline.scenes[0].name == "Tar" and decided.config["audio"]["volume"] == 0.5
    assert show.program is not before


def test_live_volume_and_overlay(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show = make_show(tmp_path, fake, "")
    frame(show, fake)
    assert not show.overlay.visible
    config = tmp_path / "config.toml"
    edited = config.read_text().replace(SMALL, SMALL + "\noverlay = true")
    config.write_text(edited.replace("volume = 0.8", "volume = 0.25"))
    for _ in range(60):
        frame(show, fake)
    assert show.overlay.visible
    assert show.attendant is not None and show.attendant.volume() == 0.25
    assert show.overlay_lines()[-1].startswith("reload config reloaded: display.overlay = True")


def test_status_file_fields(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show = make_show(tmp_path, fake)
    for _ in range(200):
        frame(show, fake)
    assert show.attendant is not None
    show.attendant.close()  # a last snapshot on the way out
    status = read_status(tmp_path / "logs" / "status.json")
    assert {"story_time", "scene", "fps", "frame_time_p95_ms", "audio_underruns", "audio",
            "audio_last_block_at",
            "last_reload", "uptime_seconds", "version", "hours", "mode"} <= set(status)
    assert status["scene"] == "La Brea Tar Pits" and status["hours"]["state"] == "open"
    assert status["uptime_seconds"] == pytest.approx(200 / 60, abs=0.1)


def test_the_status_says_which_wall_time_its_story_time_is_for(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show = make_show(tmp_path, fake)
    frame(show, fake)
    drawn_for = fake.wall
    fake.advance(5.0)  # a slow frame: the status is written well after the story time was read
    assert show.attendant is not None and show.state is not None
    show.attendant.close()
    status = read_status(tmp_path / "logs" / "status.json")
    assert status["frame_at"] == pytest.approx(drawn_for, abs=1e-3)
    assert status["written_at"] == pytest.approx(drawn_for + 5.0, abs=1e-3)
    assert status["story_seconds"] == pytest.approx(show.clock.story_time(drawn_for), abs=1e-3)


def test_ready_and_watchdog_pings_reach_systemd(tmp_path: Path) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(str(tmp_path / "notify"))
    listener.settimeout(2.0)
    try:
        fake = FakeTime(MONDAY + 12 * H)
        env = {"NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": "4000000"}
        show = make_show(tmp_path, fake, env=env)
        frame(show, fake)
        assert listener.recv(512).startswith(b"READY=1\nSTATUS=story 12:0")
        assert listener.recv(512).startswith(b"WATCHDOG=1\nSTATUS=story 12:0")
        for _ in range(61):
            frame(show, fake)  # one second: WATCHDOG_USEC / 4
        assert listener.recv(512).startswith(b"WATCHDOG=1")
    finally:
        listener.close()


def test_keys_that_need_a_restart_wait_for_it(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show = make_show(tmp_path, fake, "")
    frame(show, fake)
    config = tmp_path / "config.toml"
    config.write_text(config.read_text().replace('timezone = "UTC"',
                                                 'timezone = "UTC"\ncycle_minutes = 5'))
    for _ in range(60):
        frame(show, fake)
    assert show.config["clock"]["cycle_minutes"] == 60.0  # still the running value
    assert show.warnings[-1].endswith("restart the show for clock.cycle_minutes")


def test_an_attendant_error_is_logged_once_and_the_show_plays_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show = make_show(tmp_path, fake, "")
    assert show.attendant is not None

    def broken() -> dict[str, object]:
        raise KeyError("fps")

    monkeypatch.setattr(show.attendant, "snapshot", broken)
    for _ in range(300):
        frame(show, fake)
    mine = [w for w in show.warnings if w.startswith("attendant")]
    assert mine == ["attendant error after a frame: KeyError: 'fps'"]
    assert show.frames == 300


def test_an_unknown_standby_scene_falls_back_to_the_first_and_says_so(tmp_path: Path) -> None:
    extra = HOURS + 'outside = "standby"\nstandby_scene = "Tar pits"\n'
    fake = FakeTime(MONDAY + 3 * H)
    show = make_show(tmp_path, fake, extra)
    for _ in range(3):
        frame(show, fake, 1.0)
    assert show.state is not None and show.state.scene.name == "La Brea Tar Pits"
    assert list(show.warnings) == ["[hours] standby_scene 'Tar pits' is not a scene of "
                                   f"{show.timeline.path.name}; standby shows 'La Brea Tar Pits'"]


def test_warnings_kept_in_a_bounded_deque_reach_the_status_file(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show = make_show(tmp_path, fake, "")
    show.warnings = deque([f"warning {n}" for n in range(10)], maxlen=8)
    frame(show, fake)
    assert show.attendant is not None
    assert not [w for w in show.warnings if w.startswith("attendant")]
    show.attendant.close()
    status = read_status(tmp_path / "logs" / "status.json")
    assert status["warnings"] == [f"warning {n}" for n in range(5, 10)]


@pytest.mark.parametrize(("status", "directive", "said"), [
    ("playing", Directive(), "playing"),
    ("playing", Directive("black", gain=0.0), "silent: gallery closed"),
    ("playing", Directive("standby", gain=0.0), "silent: gallery closed"),
    ("lost, retrying", Directive("black", gain=0.0), "lost, retrying"),
    ("silent by config", Directive(), "silent by config"),
])
def test_the_audio_status_says_when_the_gallery_is_closed(status: str, directive: Directive,
                                                          said: str) -> None:
    assert audio_status(NullOutput(status), directive) == said
    assert audio_status(None, directive) == "off"


class PlayingDevice:
    """A sound output that says it is playing (the card keeps playing silence when closed)."""

    status = "playing"
    underruns = 0

    def set_volume(self, volume: float) -> None:
        self.volume = volume


def test_the_overlay_says_the_sound_is_silent_because_the_gallery_is_closed(
        tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 9 * H)
    show = make_show(tmp_path, fake)
    show.audio = PlayingDevice()  # type: ignore[assignment]
    show.overlay.toggle()
    frame(show, fake)
    assert "audio silent: gallery closed   underruns 0" in show.overlay_lines()
    fake.advance(1.5 * H)  # open
    frame(show, fake)
    assert "audio playing   underruns 0" in show.overlay_lines()
