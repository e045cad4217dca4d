"""Options and loading shared by the sub-commands."""

from __future__ import annotations

import argparse
import dataclasses
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from installation.core.config import DEFAULT_CONFIG, Config, load_config
from installation.core.errors import UsageError
from installation.core.program import Program
from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock
from installation.visuals.set_aside import each_round_set_aside, set_aside_all

if TYPE_CHECKING:
    import pygame


def add_inputs(parser: argparse.ArgumentParser) -> None:
    """--config and --timeline, which every command that reads the show accepts."""
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG,
                        help="operator config file (default: config.toml)")
    parser.add_argument("--timeline", type=Path, default=None,
                        help="timeline file (default: the one named in the config)")


def add_interval(parser: argparse.ArgumentParser) -> None:
    """--from and --to: the story interval a render command renders."""
    parser.add_argument("--from", dest="start", type=story_time_arg, required=True,
                        metavar="HH:MM", help="story time to start at")
    parser.add_argument("--to", dest="end", type=story_time_arg, required=True,
                        metavar="HH:MM", help="story time to stop at")


def load_inputs(args: argparse.Namespace) -> Program:
    """Load config and timeline named on the command line (errors raise, never print)."""
    config = load_config(args.config)
    timeline = load_timeline(args.timeline or config.timeline_path)
    return Program(config, timeline)


def add_day_minutes(parser: argparse.ArgumentParser) -> None:
    """--day-minutes: the whole story day told in so many real minutes (run, render-video,
    bench)."""
    parser.add_argument("--day-minutes", type=positive_arg, default=None, metavar="M",
                        help="tell the whole story day in M real minutes (default: the "
                             "config's clock, as the show plays it)")


def day_in_minutes(config: Config, minutes: float | None) -> Config:
    """The config with the whole story day compressed into `minutes` (None: as it is)."""
    if minutes is None:
        return config
    settings = dataclasses.replace(config.clock, mode="compressed",
                                   cycle_seconds=float(minutes) * 60.0)
    return dataclasses.replace(config, clock=settings)


def with_day_minutes(program: Program, minutes: float | None) -> Program:
    """The program with the whole story day compressed into `minutes` (None: as it is)."""
    if minutes is None:
        return program
    return Program(day_in_minutes(program.config, minutes), program.timeline)


# The wall time an offline render (render-audio, render-video, bench --audio) starts looking
# from: the show plays its --from at the first wall time after it that shows that story time.
# Fixed, not the clock's now, so a render of the same interval is the same to the byte: the
# sound's phases and drift run on from the wall time (2000-01-01 00:00 UTC).
RENDER_REFERENCE = 946_684_800.0


def story_time_arg(value: str) -> float:
    """argparse type for HH:MM[:SS] story times."""
    try:
        return parse_clock(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a story time like 04:05 or 04:05:30; found '{value}'") from None


def size_arg(value: str) -> tuple[int, int]:
    """argparse type for WIDTHxHEIGHT."""
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a size like 1920x1080; found '{value}'") from None
    if not (16 <= width <= 16384 and 16 <= height <= 16384):
        raise argparse.ArgumentTypeError(f"expected a size from 16x16 to 16384x16384; "
                                         f"found '{value}'")
    return width, height


MAX_ARG = 1e6  # larger speeds or durations overflow the calendar, and no one means them


def positive_arg(value: str) -> float:
    """argparse type for a number above zero (and below a million)."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not (0 < number <= MAX_ARG):
        raise argparse.ArgumentTypeError(
            f"expected a number above 0 and at most {MAX_ARG:g}; found '{value}'")
    return number


def count_arg(value: str) -> int:
    """argparse type for a whole number of at least one (frames, repetitions)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not (1 <= number <= MAX_ARG):
        raise argparse.ArgumentTypeError(
            f"expected a whole number from 1 to {MAX_ARG:g}; found '{value}'")
    return number


def start_collecting(survivors: bool = True) -> None:
    """Start-up is over: the cycle collector, off until now, runs from here on, past what
    start-up left alive (once: nothing if it runs already).

    Start-up makes objects that live on (modules, classes, the timeline, the first scene's
    layers, for the show the sound's synthesis and scipy); the collector's rounds meanwhile
    would only find them alive again and again: a tenth of the time to the first frame (issue
    8). All of it is set aside for good (visuals.set_aside.set_aside_all): later rounds walk
    only what the show has made since. No round over it is run first: one over start-up's
    82,000-88,000 objects took 22-33 ms of a frame, to free its litter (~450 objects, 180 KB:
    argparse's help, closures), which the show's first daily sweep frees instead
    (visuals.set_aside.sweep), and put the next full round off until it walked 21,000
    objects (see set_aside_all). Nothing set aside is lost while the show runs: a scene left
    behind is freed as its last reference goes (its layers form no cycles, see Ahead), and
    whatever is not, by that sweep.

    `survivors`: from here on what each full round finds alive is set aside too
    (visuals.set_aside.set_aside_survivors): the show and the bench, whose frames are timed;
    a command that draws nothing in time (validate, the renders) leaves it."""
    if gc.isenabled():
        return
    each_round_set_aside(survivors)
    set_aside_all()
    gc.enable()


def warn(message: str) -> None:
    """A problem a command survives (a missing picture, say): one line on stderr."""
    print(f"warning: {message}", file=sys.stderr)


def save_png(surface: pygame.Surface, path: Path) -> None:
    """Write a picture, creating its folder; a failure is a clear message, not a trace."""
    import pygame

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(surface, str(path))
    except (OSError, pygame.error) as exc:
        raise UsageError(f"could not write {path}: {exc}") from exc
