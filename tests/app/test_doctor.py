"""`installation doctor`: each check says what it found and what to fix."""

from __future__ import annotations

import argparse
import io
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
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    (tmp_path / "here.png").write_bytes(b"")
    config = write_show(tmp_path, timeline_extra=(
        '[[scene.layers]]\ntype = "image"\nfile = "pits.png"\n'
        '[[scene.layers]]\ntype = "image"\nfile = "here.png"\n'
        '[[cue]]\nat = "13:00"\nname = "ring"\ntype = "sound"\nfile = "ring.wav"\n'))
    code, text = run_doctor(config)
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
    _, text = run_doctor(config)
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
    assert check_display(lambda: "x11', screens 1920x1080").level == OK


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
