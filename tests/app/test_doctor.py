"""`installation doctor`: each check says what it found and what to fix."""

from __future__ import annotations

import argparse
import io
import json
import shutil
from pathlib import Path

import pytest

from installation.adapters.timesync import ClockSync
from installation.commands import doctor
from installation.commands.doctor import (
    FAIL,
    OK,
    WARN,
    check_audio,
    check_display,
    check_ffmpeg,
    check_fonts,
    check_log_folder,
    check_running_sound,
)
from installation.core.errors import EXIT_AUDIO, EXIT_CONFIG, EXIT_DISPLAY
from installation.core.timeline import parse_timeline

ROOT = Path(__file__).parents[2]


@pytest.fixture(autouse=True)
def synchronised_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether this machine's clock is synchronised is not these tests' business."""
    monkeypatch.setattr(doctor, "clock_sync", lambda: ClockSync(True, 0.4, "chronyc"))


def write_show(folder: Path, config_extra: str = "", timeline_extra: str = "") -> Path:
    (folder / "day.toml").write_text('[[scene]]\nat = "12:00"\nname = "Tar Pits"\n'
                                     + timeline_extra)
    config = folder / "config.toml"
    config.write_text(f'[show]\ntimeline = "day.toml"\n[logging]\nfolder = "logs"\n'
                      f'{config_extra}')
    return config


def run_doctor(config: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = doctor.run(argparse.Namespace(config=config, timeline=None), out)
    return code, out.getvalue()


def doctor_on_timeline(folder: Path, monkeypatch: pytest.MonkeyPatch,
                       timeline_extra: str) -> tuple[int, str]:
    """Doctor on a headless machine, for a show whose timeline has these extra lines."""
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    return run_doctor(write_show(folder, timeline_extra=timeline_extra))


def test_a_healthy_headless_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    code, text = run_doctor(write_show(tmp_path))
    assert code == 0
    assert "  ok    config    " in text and "day.toml: 'Untitled day', 1 scenes, 0 cues" in text
    assert f"  ok    logs      {tmp_path / 'logs'} is writable" in text
    assert "  warn  display   only the 'dummy' video driver: nothing will be seen" in text
    assert text.rstrip().endswith("0 problems, 1 warning.")


def test_broken_config_is_reported_with_its_lines(tmp_path: Path) -> None:
    code, text = run_doctor(write_show(tmp_path, "[audio]\nvolume = 2\n"))
    assert code == EXIT_CONFIG
    assert "  FAIL  config    " in text
    assert ":6: [audio], key 'volume': expected a number from 0 to 1; found 2" in text


def test_each_missing_picture_font_or_sound_is_a_warning_with_a_fix(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "here.png").write_bytes(b"")
    code, text = doctor_on_timeline(tmp_path, monkeypatch, (
        '[[scene.layers]]\ntype = "image"\nfile = "pits.png"\n'
        '[[scene.layers]]\ntype = "image"\nfile = "here.png"\n'
        '[[cue]]\nat = "13:00"\nname = "ring"\ntype = "sound"\nfile = "ring.wav"\n'))
    assert code == 0
    assert (f"  warn  media     scene 'Tar Pits', layers.file: {tmp_path / 'pits.png'} not "
            "found; the show draws a placeholder in its place\n"
            f"                  fix: put the file at {tmp_path / 'pits.png'}, or correct "
            "layers.file of scene 'Tar Pits' in day.toml") in text
    assert (f"  warn  media     cue 'ring', file: {tmp_path / 'ring.wav'} not found; the cue "
            "plays silence\n") in text
    assert "here.png" not in text
    assert text.rstrip().endswith("0 problems, 3 warnings.")  # two files and the display
    (tmp_path / "pits.png").write_bytes(b"")
    (tmp_path / "ring.wav").write_bytes(b"")
    _, text = run_doctor(tmp_path / "config.toml")
    assert "  ok    media     all 3 files the timeline names are there" in text


def test_unknown_standby_scene_is_named(tmp_path: Path) -> None:
    config = write_show(tmp_path, '[hours]\nenabled = true\noutside = "standby"\n'
                                  'standby_scene = "Tar pits"\n')
    _, text = run_doctor(config)
    assert ("  warn  hours     [hours] standby_scene 'Tar pits' is not a scene of day.toml; "
            "standby shows 'Tar Pits'\n                  fix: use one of: 'Tar Pits'") in text


def test_unwritable_log_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the folder should be")
    [finding] = check_log_folder(blocker)
    assert finding.level == FAIL and finding.exit_code == EXIT_CONFIG
    assert finding.text.startswith(f"cannot write in {blocker}")
    assert "chown" in finding.fix


def test_no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        monkeypatch.delenv(name, raising=False)
    finding = check_display()
    assert (finding.level, finding.exit_code) == (FAIL, EXIT_DISPLAY)
    assert finding.text == "no X11 or Wayland display in the environment"
    monkeypatch.setenv("DISPLAY", ":0")
    assert check_display(lambda: "'x11', screens 1920x1080").level == OK


def test_audio_device_missing_or_unopenable() -> None:
    def busy() -> list[str]:
        raise RuntimeError("Device or resource busy")

    finding = check_audio("default", busy)
    assert (finding.level, finding.exit_code) == (FAIL, EXIT_AUDIO)
    assert "could not be opened (Device or resource busy)" in finding.text
    finding = check_audio("USB Speakers", lambda: ["HDMI 1"])
    assert finding.text == "[audio] device 'USB Speakers' not found; devices: 'HDMI 1'"
    assert check_audio("HDMI 1", lambda: ["HDMI 1"]).level == OK


def test_ffmpeg_is_needed_only_for_compressed_sounds(tmp_path: Path) -> None:
    text = ('[[scene]]\nat = "12:00"\n[[cue]]\nat = "13:00"\ntype = "sound"\n'
            'file = "ring.mp3"\n')
    timeline = parse_timeline(text, "day.toml", tmp_path / "day.toml")
    levels = [f.level for f in check_ffmpeg(timeline, lambda _: None)]
    assert levels == [FAIL, FAIL]
    wav = parse_timeline(text.replace(".mp3", ".wav"), "day.toml", tmp_path / "day.toml")
    assert [f.level for f in check_ffmpeg(wav, lambda _: None)] == [WARN, WARN]
    assert [f.level for f in check_ffmpeg(wav, shutil.which)] in ([OK, OK], [WARN, WARN],
                                                                  [OK, WARN], [WARN, OK])


def test_fonts(tmp_path: Path) -> None:
    assert check_fonts(ROOT / "assets" / "fonts").level == OK
    assert check_fonts(tmp_path).level == WARN


def test_fonts_are_checked_where_the_show_opens_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Next to the timeline, whatever the name: every font that is not shipped is a file."""
    (tmp_path / "custom.ttf").write_bytes(b"")
    _, text = doctor_on_timeline(tmp_path, monkeypatch, (
        '[[scene.layers]]\ntype = "neon"\ntext = "OPEN"\nfont = "custom.ttf"\n'
        '[[scene.layers]]\ntype = "neon"\ntext = "EAT"\nfont = "googie"\n'
        '[[scene.layers]]\ntype = "neon"\ntext = "BAR"\nfont = "sign"\n'))
    assert (f"  warn  media     scene 'Tar Pits', layers.font: {tmp_path / 'googie'} not "
            "found; the show uses a shipped font instead\n") in text
    assert "custom.ttf" not in text and "'sign'" not in text


@pytest.mark.parametrize(("audio", "level", "fix"), [
    ("playing", "ok  ", ""),
    ("lost, retrying", "warn", "the sound server or card went away"),
])
def test_doctor_tells_what_the_running_show_says_of_its_sound(
        tmp_path: Path, audio: str, level: str, fix: str) -> None:
    status = tmp_path / "status.json"
    status.write_text(json.dumps({"written_at": 1000.0, "audio": audio,
                                  "audio_last_block_at": 997.0}))
    [finding] = check_running_sound(status, now=lambda: 1002.0)
    assert finding.line().startswith(f"  {level}  sound     the running show says: audio "
                                     f"{audio}; the card last took sound 5 s ago")
    assert fix in finding.line()
    assert list(check_running_sound(status, now=lambda: 1100.0)) == []  # not running now
    assert list(check_running_sound(tmp_path / "none.json")) == []
