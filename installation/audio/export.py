"""Offline rendering of a story interval through the live engine, exported with pydub."""

from __future__ import annotations

import warnings
import wave
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np

from installation.audio.engine import ScoreEngine
from installation.audio.errors import AudioError
from installation.core.program import Program

FORMATS = {".wav": "wav", ".ogg": "ogg", ".mp3": "mp3", ".flac": "flac"}
RENDER_FRAMES = 48_000
INT16_MAX = 32767


def render_blocks(program: Program, start: float, end: float, sample_rate: int,
                  warn: Callable[[str], None], reference: float) -> Iterator[np.ndarray]:
    """The story from `start` to `end` as the show plays it, in stereo float32 blocks of up
    to RENDER_FRAMES (the whole day from `start` when `end` is the same time).

    The show would play `start` at the first wall time at or after `reference` showing it.
    """
    seconds = program.clock.real_length(start, end)
    # Seeking exactly to `start`: a cue right at the start plays, as in the show.
    engine = ScoreEngine(program, sample_rate, warn, program.wall_at(start, reference))
    total = round(seconds * sample_rate)
    for done in range(0, total, RENDER_FRAMES):
        yield engine.render(min(RENDER_FRAMES, total - done))


def render_interval(program: Program, start: float, end: float, sample_rate: int,
                    warn: Callable[[str], None], reference: float,
                    progress: Callable[[float], None] | None = None) -> np.ndarray:
    """Stereo float32 (frames, 2) of the story from `start` to `end`, as the show plays it."""
    blocks, done = [], 0
    for block in render_blocks(program, start, end, sample_rate, warn, reference):
        blocks.append(block)
        done += len(block)
        if progress:
            progress(done / sample_rate)
    return np.concatenate(blocks) if blocks else np.zeros((0, 2), dtype=np.float32)


def pcm16(samples: np.ndarray) -> bytes:
    """Float samples as 16-bit little-endian PCM (clipped, rounded)."""
    return np.round(np.clip(samples, -1.0, 1.0) * INT16_MAX).astype("<i2").tobytes()


def write_wav(blocks: Iterable[np.ndarray], sample_rate: int, path: Path,
              progress: Callable[[float], None] | None = None) -> None:
    """Stream stereo blocks into a 16-bit WAV file (an hour of sound never sits in memory)."""
    done = 0
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        for block in blocks:
            out.writeframes(pcm16(block))
            done += len(block)
            if progress:
                progress(done / sample_rate)


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

    segment = AudioSegment(data=pcm16(samples), sample_width=2, frame_rate=sample_rate,
                           channels=2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        segment.export(str(path), format=fmt)
    except (OSError, RuntimeError) as exc:
        raise AudioError(f"{path}: could not write the {fmt} file ({exc}). "
                         "For ogg and mp3, install ffmpeg (Debian: apt install ffmpeg).") from exc
