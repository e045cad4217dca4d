"""Offline rendering of a story interval through the live engine, exported with pydub."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import numpy as np

from installation.audio.engine import ScoreEngine
from installation.audio.errors import AudioError
from installation.core.program import Program
from installation.core.timeutil import format_clock

FORMATS = {".wav": "wav", ".ogg": "ogg", ".mp3": "mp3", ".flac": "flac"}
RENDER_FRAMES = 48_000
BAR_WIDTH = 30
INT16_MAX = 32767


class Progress:
    """A one-line progress bar on stderr."""

    def __init__(self, total: float, label: str, stream: TextIO | None = None) -> None:
        self.total = max(total, 1e-9)
        self.label = label
        self.stream = stream or sys.stderr
        self.shown = -1

    def update(self, done: float) -> None:
        percent = int(100 * min(done / self.total, 1.0))
        if percent != self.shown:
            self.shown = percent
            filled = BAR_WIDTH * percent // 100
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            self.stream.write(f"\r{self.label} [{bar}] {percent:3d}%")
            self.stream.flush()

    def close(self) -> None:
        self.update(self.total)
        self.stream.write("\n")
        self.stream.flush()


def render_interval(program: Program, start: float, end: float, sample_rate: int,
                    warn: Callable[[str], None], reference: float,
                    progress: Callable[[float], None] | None = None) -> np.ndarray:
    """Stereo float32 (frames, 2) of the story from `start` to `end`, as the show plays it.

    The show would play `start` at the first wall time at or after `reference` showing it.
    """
    seconds = program.real_between(start, end)
    if seconds <= 0:
        raise AudioError(f"the story interval {format_clock(start)} to {format_clock(end)} "
                         "is empty")
    # Seeking exactly to `start`: a cue right at the start plays, as in the show.
    engine = ScoreEngine(program, sample_rate, warn, program.wall_at(start, reference))
    total = round(seconds * sample_rate)
    out = np.empty((total, 2), dtype=np.float32)
    done = 0
    while done < total:
        frames = min(RENDER_FRAMES, total - done)
        out[done:done + frames] = engine.render(frames)
        done += frames
        if progress:
            progress(done / sample_rate)
    return out


def format_problem(path: Path) -> str | None:
    """Why `export` cannot write to `path` (its extension), or None if it can."""
    if path.suffix.lower() in FORMATS:
        return None
    return (f"expected a file name ending in {', '.join(FORMATS)}; "
            f"found '{path.suffix or 'no extension'}'")


def export(samples: np.ndarray, sample_rate: int, path: Path) -> None:
    """Write 16-bit stereo to wav, ogg, mp3 or flac (by the file's extension) with pydub."""
    problem = format_problem(path)
    if problem is not None:
        raise AudioError(f"{path}: {problem}")
    fmt = FORMATS[path.suffix.lower()]
    with warnings.catch_warnings():  # pydub imports the deprecated audioop
        warnings.simplefilter("ignore", DeprecationWarning)
        from pydub import AudioSegment  # only when exporting

    pcm = np.round(np.clip(samples, -1.0, 1.0) * INT16_MAX).astype("<i2")
    segment = AudioSegment(data=pcm.tobytes(), sample_width=2, frame_rate=sample_rate,
                           channels=2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        segment.export(str(path), format=fmt)
    except (OSError, RuntimeError) as exc:
        raise AudioError(f"{path}: could not write the {fmt} file ({exc}). "
                         "For ogg and mp3, install ffmpeg (Debian: apt install ffmpeg).") from exc
