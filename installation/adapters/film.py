"""A film file written by ffmpeg: raw frames piped in, H.264 + AAC (yuv420p) out."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from installation.core.errors import EXIT_VIDEO, InstallationError

FILM_SUFFIXES = (".mp4", ".mov", ".mkv")
CRF = 18  # x264 quality: 18 is visually lossless for these soft gradients
AUDIO_BITRATE = "192k"
INSTALL_FFMPEG = "install it (Debian/Ubuntu: sudo apt install ffmpeg) and run again"


class VideoError(InstallationError):
    """A film could not be written (no ffmpeg, or ffmpeg refused)."""

    exit_code = EXIT_VIDEO


def film_problem(path: Path) -> str | None:
    """Why a film cannot be written to `path` (its extension), or None if it can."""
    if path.suffix.lower() in FILM_SUFFIXES:
        return None
    return (f"expected a file name ending in {', '.join(FILM_SUFFIXES)}; "
            f"found '{path.suffix or 'no extension'}'")


def size_problem(size: tuple[int, int]) -> str | None:
    """yuv420p halves the colour resolution, so both sides must be even."""
    if size[0] % 2 == 0 and size[1] % 2 == 0:
        return None
    return f"expected an even width and height (H.264 in yuv420p); found {size[0]}x{size[1]}"


def ffmpeg_command(ffmpeg: str, size: tuple[int, int], fps: int, sound: Path,
                   path: Path) -> list[str]:
    """Frames as raw RGB on stdin, the sound from a WAV file, one film out."""
    return [ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", f"{size[0]}x{size[1]}",
            "-framerate", str(fps), "-i", "pipe:0", "-i", str(sound),
            "-map", "0:v", "-map", "1:a",
            "-c:v", "libx264", "-crf", str(CRF), "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", AUDIO_BITRATE, "-movflags", "+faststart", str(path)]


def find_ffmpeg(path: Path, which: Callable[[str], str | None] = shutil.which) -> str:
    """ffmpeg's path, or a VideoError that says how to install it."""
    ffmpeg = which("ffmpeg")
    if ffmpeg is None:
        raise VideoError(f"{path}: render-video needs ffmpeg, which is not installed; "
                         f"{INSTALL_FFMPEG}")
    return ffmpeg


class FilmWriter:
    """Feeds frames to one ffmpeg process; `close` waits for the finished file."""

    def __init__(self, path: Path, size: tuple[int, int], fps: int, sound: Path,
                 which: Callable[[str], str | None] = shutil.which) -> None:
        ffmpeg = find_ffmpeg(path, which)
        self.path = path
        self.frame_bytes = size[0] * size[1] * 3
        self._log: IO[bytes] = tempfile.TemporaryFile()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._process = subprocess.Popen(ffmpeg_command(ffmpeg, size, fps, sound, path),
                                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                         stderr=self._log)

    def write(self, rgb: bytes) -> None:
        """One frame: width x height x 3 bytes, top row first."""
        if len(rgb) != self.frame_bytes:
            raise ValueError(f"a frame of {len(rgb)} bytes; expected {self.frame_bytes}")
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(rgb)
        except BrokenPipeError:  # ffmpeg stopped: close() says why
            self.close()

    def close(self) -> None:
        """Finish the file; a refusal by ffmpeg is a VideoError with its last words."""
        if self._process.stdin is not None and not self._process.stdin.closed:
            try:
                self._process.stdin.close()
            except BrokenPipeError:
                pass
        code = self._process.wait()
        self._log.seek(0)
        said = _last_lines(self._log.read().decode("utf-8", "replace").splitlines())
        self._log.close()
        if code != 0:
            raise VideoError(f"{self.path}: ffmpeg could not write the film (exit {code}): "
                             f"{said or 'it gave no reason'}")

    def abort(self) -> None:
        """Stop ffmpeg without finishing (an error while drawing)."""
        self._process.kill()
        self._process.wait()
        self._log.close()


def _last_lines(lines: Sequence[str], count: int = 2) -> str:
    """ffmpeg's last words: the lines that say why, not its whole log."""
    return " ".join([line.strip() for line in lines if line.strip()][-count:])
