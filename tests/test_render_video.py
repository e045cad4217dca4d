"""`installation render-video`: a film whose frames and sound are the show's, via ffmpeg."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.__main__ import main
from installation.adapters.film import FilmWriter, VideoError
from installation.audio.export import render_interval
from installation.commands.common import with_day_minutes
from installation.commands.render_video import frame_times
from installation.core.config import load_config
from installation.core.errors import EXIT_USAGE, EXIT_VIDEO
from installation.core.program import Program
from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock
from installation.visuals.render import snapshot

ROOT = Path(__file__).parent.parent
FFMPEG = pytest.mark.skipif(not (shutil.which("ffmpeg") and shutil.which("ffprobe")),
                            reason="needs ffmpeg and ffprobe")
SIZE, FPS, RATE = (160, 90), 8, 48_000
FIXED_WALL = 1_800_000_000.0
START, END = "04:04", "04:05"  # the payphone rings at 04:05: picture and sound change


@pytest.fixture(scope="module")
def film(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Program]:
    folder = tmp_path_factory.mktemp("film")
    config = folder / "config.toml"
    config.write_text(f'[show]\ntimeline = "{ROOT / "timelines" / "miracle-mile.toml"}"\n'
                      '[clock]\ncycle_minutes = 60\ntimezone = "UTC"\n')
    out = folder / "piece.mp4"
    code = main(["render-video", "--from", START, "--to", END, "-o", str(out),
                 "--size", f"{SIZE[0]}x{SIZE[1]}", "--fps", str(FPS), "--day-minutes", "30",
                 "--config", str(config)])
    assert code == 0
    loaded = load_config(config)
    return out, with_day_minutes(Program(loaded, load_timeline(loaded.timeline_path)), 30.0)


def probe(path: Path) -> dict:  # type: ignore[type-arg]
    out = subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of",
                          "json", str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def decoded(path: Path, *options: str) -> bytes:
    return subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), *options, "-"],
                          capture_output=True, check=True).stdout


@FFMPEG
def test_the_film_has_h264_and_aac_streams_as_long_as_the_interval(film) -> None:  # type: ignore[no-untyped-def]
    path, program = film
    clock = program.clock
    seconds = clock.real_between(parse_clock(START), parse_clock(END))
    info = probe(path)
    video, audio = (next(s for s in info["streams"] if s["codec_type"] == kind)
                    for kind in ("video", "audio"))
    assert (video["codec_name"], video["pix_fmt"], video["width"], video["height"]) == (
        "h264", "yuv420p", SIZE[0], SIZE[1])
    assert (audio["codec_name"], int(audio["sample_rate"]), audio["channels"]) == ("aac", RATE, 2)
    assert int(video["nb_frames"]) == round(seconds * FPS)
    assert abs(float(info["format"]["duration"]) - seconds) < 2 / FPS


@FFMPEG
def test_a_frame_of_the_film_is_the_shows_frame_at_its_story_time(film) -> None:  # type: ignore[no-untyped-def]
    path, program = film
    clock = program.clock
    start = parse_clock(START)
    seconds = clock.real_between(start, parse_clock(END))
    times = list(frame_times(clock, start, seconds, FPS, FIXED_WALL))
    raw = np.frombuffer(decoded(path, "-f", "rawvideo", "-pix_fmt", "rgb24"), np.uint8)
    frames = raw.reshape(-1, SIZE[1], SIZE[0], 3).astype(int)
    assert len(frames) == len(times)
    timeline = load_timeline(ROOT / "timelines" / "miracle-mile.toml")

    def error(n: int, story_time: float) -> float:
        shown = snapshot(timeline, story_time, SIZE, clock, lambda m: None)
        expected = pygame.surfarray.array3d(shown).transpose(1, 0, 2).astype(int)
        return float(np.abs(frames[n] - expected).mean())

    for n in (1, len(times) - 2):
        own = error(n, times[n])
        assert own < 4.5  # H.264 in yuv420p blurs colour edges a little at 160x90
        # ...and it is this frame, not its neighbour: the film is not a frame early or late
        # (at 160x90 neighbouring frames differ mostly in film grain, which is fainter in the dark)
        assert own < 0.8 * min(error(n, times[n - 1]), error(n, times[n + 1]))


@FFMPEG
def test_the_films_sound_is_the_shows_sound_for_the_interval(film) -> None:  # type: ignore[no-untyped-def]
    path, program = film
    expected = render_interval(program, parse_clock(START), parse_clock(END), RATE,
                               lambda m: None, FIXED_WALL)
    heard = np.frombuffer(decoded(path, "-f", "f32le", "-ac", "2", "-ar", str(RATE)),
                          np.float32).reshape(-1, 2)
    n = min(len(heard), len(expected))
    assert abs(len(heard) - len(expected)) < RATE // 20
    a, b = heard[:n, 0], expected[:n, 0]
    correlation = float(np.dot(a, b) / np.sqrt(np.dot(a, a) * np.dot(b, b)))
    assert correlation > 0.95  # AAC is lossy, but it is this sound, in time


def test_render_video_without_ffmpeg_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(VideoError) as error:
        FilmWriter(tmp_path / "piece.mp4", SIZE, FPS, tmp_path / "score.wav",
                   which=lambda name: None)
    assert str(error.value) == (f"{tmp_path / 'piece.mp4'}: render-video needs ffmpeg, which "
                                "is not installed; install it (Debian/Ubuntu: sudo apt install "
                                "ffmpeg) and run again")
    assert error.value.exit_code == EXIT_VIDEO


@FFMPEG
def test_ffmpegs_refusal_is_one_clear_message(tmp_path: Path) -> None:
    writer = FilmWriter(tmp_path / "piece.mp4", SIZE, FPS, tmp_path / "no-such-score.wav")
    writer.write(bytes(SIZE[0] * SIZE[1] * 3))
    with pytest.raises(VideoError) as error:
        writer.close()
    assert str(error.value).startswith(f"{tmp_path / 'piece.mp4'}: ffmpeg could not write the "
                                       "film (exit ")
    assert "no-such-score.wav: No such file or directory" in str(error.value)


@pytest.mark.parametrize(("options", "message"), [
    (["-o", "piece.avi"], "-o piece.avi: expected a file name ending in .mp4, .mov, .mkv; "
                          "found '.avi'"),
    (["-o", "piece.mp4", "--size", "161x90"],
     "--size: expected an even width and height (H.264 in yuv420p); found 161x90"),
])
def test_render_video_names_a_bad_option_before_rendering(options: list[str], message: str,
                                                          capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["render-video", "--from", START, "--to", END, *options,
                 "--config", str(ROOT / "config.toml")])
    assert code == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_render_video_refuses_a_frame_rate_it_cannot_use(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main(["render-video", "--from", START, "--to", END, "-o", "x.mp4", "--fps", "0"])
    assert ("expected a whole number of frames per second from 1 to 120; found '0'"
            in capsys.readouterr().err)


@FFMPEG
def test_the_same_time_twice_is_the_whole_day(tmp_path: Path) -> None:
    out = tmp_path / "day.mp4"
    code = main(["render-video", "--from", "12:00", "--to", "12:00", "-o", str(out),
                 "--size", "64x36", "--fps", "4", "--day-minutes", "0.05",
                 "--config", str(ROOT / "config.toml")])
    assert code == 0
    info = probe(out)
    assert abs(float(info["format"]["duration"]) - 3.0) < 0.3  # 0.05 minutes
