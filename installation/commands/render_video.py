"""`installation render-video`: a story interval as a film, drawn on a virtual clock."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from installation.adapters.film import FilmWriter, film_problem, find_ffmpeg, size_problem
from installation.commands.common import (
    RENDER_REFERENCE,
    add_day_minutes,
    add_inputs,
    add_interval,
    load_inputs,
    size_arg,
    warn,
    with_day_minutes,
)
from installation.commands.progress import Bar
from installation.core.clock import StoryClock
from installation.core.errors import UsageError
from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import format_clock, format_duration

DEFAULT_SIZE = (1920, 1080)
DEFAULT_FPS = 30
MAX_FPS = 120


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("render-video", help="render a story interval as a film (mp4)",
                       description="Draw every frame of a story interval on a virtual clock "
                                   "(never dropping one, however slow the machine), render "
                                   "the score for the same interval, and mux both with "
                                   "ffmpeg into H.264 + AAC (yuv420p, for every player). "
                                   "--to at the same time as --from renders the whole day.")
    add_interval(p)
    p.add_argument("-o", "--output", type=Path, required=True,
                   help="the film to write: piece.mp4 (or .mov, .mkv)")
    p.add_argument("--size", type=size_arg, default=None, metavar="WIDTHxHEIGHT",
                   help="picture size, even numbers (default: the config's resolution, "
                        "else 1920x1080)")
    p.add_argument("--fps", type=fps_arg, default=DEFAULT_FPS,
                   help=f"frames per second (default {DEFAULT_FPS})")
    add_day_minutes(p)
    add_inputs(p)
    p.set_defaults(handler=run)


def fps_arg(value: str) -> int:
    """argparse type for --fps: a whole number from 1 to MAX_FPS."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_FPS:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of frames per second from 1 to {MAX_FPS}; "
            f"found '{value}'")
    return number


def frame_times(clock: StoryClock, start: float, seconds: float, fps: int,
                reference: float) -> Iterator[float]:
    """The story time of each frame: frame n is n/fps real seconds after `start`."""
    first = clock.wall_at(start, reference)
    for n in range(max(1, round(seconds * fps))):
        yield clock.position(first + n / fps).story_time


def run(args: argparse.Namespace) -> int:
    # Loaded here, not at the top: the command line starts without the synthesis.
    from installation.audio.export import (
        render_blocks,
        write_wav,
    )
    problem = film_problem(args.output)
    if problem is not None:
        raise UsageError(f"-o {args.output}: {problem}")
    inputs = load_inputs(args)
    size = args.size or inputs.config["display"]["resolution"] or DEFAULT_SIZE
    problem = size_problem(size)
    if problem is not None:
        raise UsageError(f"--size: {problem}")
    find_ffmpeg(args.output)  # before minutes of rendering
    program = with_day_minutes(inputs, args.day_minutes)
    seconds = program.clock.real_length(args.start, args.end)  # the same time twice: all day
    label = f"{format_clock(args.start, False)}-{format_clock(args.end, False)}"
    rate = int(inputs.config["audio"]["sample_rate"])
    reference = RENDER_REFERENCE  # the same film every time (its sound too)
    times = list(frame_times(program.clock, args.start, seconds, args.fps, reference))
    with tempfile.TemporaryDirectory(prefix="miracle-mile-") as folder:
        sound = Path(folder) / "score.wav"
        with Bar(seconds, f"sound {label} ({format_duration(seconds)})") as bar:
            write_wav(render_blocks(program, args.start, args.end, rate, warn, reference),
                      rate, sound, bar.to)
        with Bar(len(times), f"pictures {label}") as bar:
            draw_film(program.timeline, program.clock, times, size,
                      FilmWriter(args.output, size, args.fps, sound), bar.step)
    print(f"wrote {args.output}: {label}, {format_duration(seconds)}, {len(times)} frames at "
          f"{args.fps} fps, {size[0]}x{size[1]}", file=sys.stderr)
    return 0


def draw_film(timeline: Timeline, clock: StoryClock, times: list[float],
              size: tuple[int, int], writer: FilmWriter,
              drawn: Callable[[], None]) -> None:
    """Draw each frame as the show would at its story time and pipe it to ffmpeg."""
    import pygame

    from installation.visuals.compositor import Compositor
    from installation.visuals.render import headless

    headless()
    compositor = Compositor(timeline, size, warn, clock)
    surface = pygame.Surface(size)
    try:
        for story_time in times:
            compositor.draw(surface, state_at(timeline, story_time, clock))
            writer.write(pygame.image.tobytes(surface, "RGB"))
            drawn()
    except BaseException:
        writer.abort()
        raise
    writer.close()
