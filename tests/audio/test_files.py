"""Curators' files through pydub, and `installation render-audio` writing wav and ogg."""

from __future__ import annotations

import dataclasses
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from installation.__main__ import main
from installation.audio.engine import ScoreEngine
from installation.audio.export import export, render_interval
from installation.audio.sounds import decoder_reason, load_file
from installation.core.timeline import parse_timeline
from installation.core.timeutil import parse_clock

from .conftest import FIXED_WALL, RATE, SCORE, make_program

FFMPEG = pytest.mark.skipif(not (shutil.which("ffmpeg") and shutil.which("ffprobe")),
                            reason="needs ffmpeg and ffprobe")
FFMPEG_SAYS = """Decoding failed. ffmpeg returned error code: 1

Output from ffmpeg/avlib:

ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers
  built with gcc 12 (Debian 12.2.0-14)
  configuration: --prefix=/usr --extra-version=0+deb12u1 --toolchain=hardened
  libavutil      57. 28.100 / 57. 28.100
  libavcodec     59. 37.100 / 59. 37.100
[mp3 @ 0x560833273880] Format mp3 detected only with low score of 1, misdetection possible!
[mp3 @ 0x560833273880] Failed to read frame size: Could not seek to 1040.
/show/sounds/bell.mp3: Invalid data found when processing input
"""

CONFIG = """
[audio]
sample_rate = 48000
[clock]
cycle_minutes = 4
timezone = "UTC"
[show]
timeline = "score.toml"
"""


def tone(rate: int, seconds: float) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    wave = 0.5 * np.sin(2 * np.pi * 440.0 * t)
    return np.stack((wave, wave), axis=1).astype(np.float32)


def test_a_wav_at_another_rate_is_resampled(tmp_path: Path) -> None:
    path = tmp_path / "bell.wav"
    export(tone(44100, 0.5), 44100, path)
    sound = load_file(path, RATE)
    assert sound.shape == (2, RATE // 2)
    freqs = np.fft.rfftfreq(sound.shape[1], 1 / RATE)
    assert abs(freqs[np.abs(np.fft.rfft(sound[0])).argmax()] - 440.0) < 3.0


@FFMPEG
def test_an_ogg_decodes(tmp_path: Path) -> None:
    path = tmp_path / "bell.ogg"
    export(tone(RATE, 0.5), RATE, path)
    assert abs(load_file(path, RATE).shape[1] - RATE // 2) < RATE // 50


def test_an_unreadable_file_raises_oserror(tmp_path: Path) -> None:
    path = tmp_path / "broken.mp3"
    path.write_bytes(b"not an mp3 at all")
    with pytest.raises(OSError):
        load_file(path, RATE)


def test_ffmpegs_complaint_is_cut_to_its_last_line() -> None:
    path = Path("/show/sounds/bell.mp3")
    assert decoder_reason(FFMPEG_SAYS, path) == "Invalid data found when processing input"
    assert decoder_reason(FFMPEG_SAYS.rsplit("\n", 2)[0], path) == (
        "Failed to read frame size: Could not seek to 1040.")
    assert decoder_reason("Decoding failed. ffmpeg returned error code: 1\n\n"
                          "Output from ffmpeg/avlib:\n\n", path) == (
        "Decoding failed. ffmpeg returned error code: 1")


@FFMPEG
def test_an_undecodable_cue_sound_warns_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "bell.mp3").write_bytes(b"not an mp3 at all")
    text = SCORE.replace('synth = "payphone"', 'name = "the call"\nfile = "bell.mp3"')
    timeline = parse_timeline(text, "f.toml", tmp_path / "f.toml")
    warnings: list[str] = []
    ScoreEngine(make_program(timeline), RATE, warnings.append, FIXED_WALL)
    [warning] = warnings
    head = (f"cue 'the call' at 16:30:00: sound file {tmp_path / 'bell.mp3'} could not be "
            "played (")  # as every cue that will not be heard is told (CueSounds.failed)
    assert warning.startswith(head + "could not decode it: ")  # ffmpeg's words vary by version
    assert warning.endswith("); it is left out")
    assert "\n" not in warning and "ffmpeg version" not in warning and len(warning) < 300


def test_render_audio_starts_on_the_cue_it_is_asked_to_start_on() -> None:
    timeline = parse_timeline(SCORE, "score.toml")
    program = make_program(timeline)
    start, end = parse_clock("16:30"), parse_clock("16:31")
    sound = render_interval(program, start, end, RATE, lambda m: None, FIXED_WALL)
    engine = ScoreEngine(program, RATE, lambda m: None, FIXED_WALL)
    engine.seek(program.wall_at(start, FIXED_WALL))  # where `run --at 16:30` lands
    assert np.array_equal(sound, engine.render(len(sound)))
    quiet = render_interval(make_program(dataclasses.replace(timeline, cues=())), start, end,
                            RATE, lambda m: None, FIXED_WALL)
    assert np.abs(sound - quiet)[:RATE // 10].max() > 0.05  # the payphone, from its start


def test_render_audio_writes_the_interval_quietly_when_not_a_terminal(tmp_path: Path,
                                                                      capsys) -> None:
    (tmp_path / "score.toml").write_text(SCORE)
    (tmp_path / "config.toml").write_text(CONFIG)
    out = tmp_path / "out.wav"
    code = main(["render-audio", "--from", "16:25", "--to", "16:35", "-o", str(out),
                 "--config", str(tmp_path / "config.toml")])
    assert code == 0
    err = capsys.readouterr().err
    assert "wrote" in err and "\r" not in err and "%" not in err  # no bar in logs or CI
    from pydub import AudioSegment

    segment = AudioSegment.from_file(str(out))
    assert segment.channels == 2 and segment.frame_rate == RATE
    story_minutes, cycle_seconds = 10, 240
    assert abs(len(segment) - story_minutes / 1440 * cycle_seconds * 1000) < 50  # in ms
    assert segment.max_dBFS <= -1.0


def test_render_audio_writes_the_same_bytes_whenever_it_is_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two renders of one interval, on other days and at other times of day, are one file
    (the wall clock at the time of rendering picks nothing)."""
    (tmp_path / "score.toml").write_text(SCORE)
    (tmp_path / "config.toml").write_text(CONFIG)
    files = []
    for n, now in enumerate((1_780_000_000.0, 1_780_123_456.789)):
        monkeypatch.setattr(time, "time", lambda now=now: now)
        files.append(tmp_path / f"take{n}.wav")
        assert main(["render-audio", "--from", "16:29:50", "--to", "16:30:20", "-o",
                     str(files[-1]), "--config", str(tmp_path / "config.toml")]) == 0
    first, second = (path.read_bytes() for path in files)
    assert len(first) > 44 + 4 * RATE * 30 * 240 // 86_400 - 400  # the interval's sound
    assert first == second


def test_render_audio_names_a_bad_extension_before_rendering(tmp_path: Path, capsys) -> None:
    (tmp_path / "score.toml").write_text(SCORE)
    (tmp_path / "config.toml").write_text(CONFIG)
    out = tmp_path / "out.aiff"
    code = main(["render-audio", "--from", "16:25", "--to", "16:26", "-o", str(out),
                 "--config", str(tmp_path / "config.toml")])
    assert code == 2
    err = capsys.readouterr().err
    assert f"-o {out}: expected a file name ending in .wav, .ogg, .mp3, .flac; found '.aiff'" in err
    assert "rendering" not in err


def test_render_audio_refuses_an_empty_interval(tmp_path: Path, capsys) -> None:
    (tmp_path / "score.toml").write_text(SCORE)
    (tmp_path / "config.toml").write_text(CONFIG)
    code = main(["render-audio", "--from", "04:00", "--to", "04:00", "-o",
                 str(tmp_path / "out.wav"), "--config", str(tmp_path / "config.toml")])
    assert code == 2
    assert ("--from 04:00:00 --to 04:00:00: expected --to at another story time than --from"
            in capsys.readouterr().err)


@pytest.mark.parametrize(("option", "value"), [("--audio-seconds", "nan"),
                                               ("--audio-seconds", "-1"),
                                               ("--day-minutes", "0"),
                                               ("--day-minutes", "inf")])
def test_bench_audio_refuses_a_duration_that_is_not_one(option: str, value: str,
                                                        capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["bench", "--audio", option, value])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}: expected a number above 0" in err and f"found '{value}'" in err


def test_bench_audio_prints_the_real_time_factor(tmp_path: Path, capsys) -> None:
    (tmp_path / "score.toml").write_text(SCORE)
    (tmp_path / "config.toml").write_text(CONFIG)
    code = main(["bench", "--audio", "--audio-seconds", "0.5", "--day-minutes", "0.2",
                 "--describe", "--config", str(tmp_path / "config.toml")])
    out = capsys.readouterr().out
    assert code == 0
    assert "heaviest scene:" in out and "whole day (12 s of sound" in out
    assert "Countdown" in out and "Hz" in out
    assert "\nmachine: " in out and " core" in out  # the figures name their machine
