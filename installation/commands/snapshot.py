"""`installation snapshot`: write the frame at one story time to a PNG, with no display."""

from __future__ import annotations

import argparse
from pathlib import Path

from installation.commands.common import (
    add_inputs,
    load_inputs,
    save_png,
    size_arg,
    story_time_arg,
    warn,
)
from installation.core.timeutil import format_clock

DEFAULT_SIZE = (1920, 1080)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("snapshot", help="write the frame at a story time to a PNG",
                       description="Draw the picture at one story time, exactly as the show "
                                   "would, and save it as a PNG. Needs no screen.")
    p.add_argument("--at", type=story_time_arg, required=True, metavar="HH:MM[:SS]",
                   help="the story time to draw, e.g. 04:05")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.png",
                   help="where to write the picture")
    p.add_argument("--size", type=size_arg, default=None, metavar="WIDTHxHEIGHT",
                   help="picture size (default: the config's resolution, else 1920x1080)")
    add_inputs(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from installation.visuals.render import snapshot

    inputs = load_inputs(args)
    size = args.size or inputs.config["display"]["resolution"] or DEFAULT_SIZE
    frame = snapshot(inputs.timeline, args.at, size, inputs.clock, warn)
    save_png(frame, args.output)
    print(f"{args.output}: {format_clock(args.at)}, {size[0]}x{size[1]}")
    return 0
