"""`installation render-audio`: render a story interval's sound to a file, offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from installation.commands.common import RENDER_REFERENCE, add_inputs, add_interval, load_inputs
from installation.commands.progress import Bar
from installation.core.errors import UsageError
from installation.core.timeutil import format_clock, format_duration


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("render-audio", help="render the sound of a story interval to a file",
                       description="Render the score from one story time to another, exactly "
                                   "as the show plays it, to wav, ogg, mp3 or flac (the same "
                                   "interval renders to the same bytes every time).")
    add_interval(p)
    p.add_argument("-o", "--output", type=Path, required=True,
                   help="the file to write: out.wav, out.ogg, out.mp3 or out.flac")
    add_inputs(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Loaded here, not at the top: the command line starts without the synthesis.
    from installation.audio.export import (
        export,
        format_problem,
        render_interval,
    )
    problem = format_problem(args.output)
    if problem is not None:  # before rendering what could not be written
        raise UsageError(f"-o {args.output}: {problem}")
    inputs = load_inputs(args)
    rate = int(inputs.config["audio"]["sample_rate"])
    seconds = inputs.clock.real_between(args.start, args.end)
    if round(seconds * rate) < 1:
        raise UsageError(f"--from {format_clock(args.start)} --to {format_clock(args.end)}: "
                         "expected --to at another story time than --from (the interval may "
                         "run past midnight); found an empty interval")
    label = f"{format_clock(args.start, False)}-{format_clock(args.end, False)}"

    def warn(message: str) -> None:
        print(f"\ninstallation: warning: {message}", file=sys.stderr)

    with Bar(seconds, f"rendering {label} ({format_duration(seconds)})") as bar:
        samples = render_interval(inputs, args.start, args.end, rate, warn, RENDER_REFERENCE,
                                  bar.to)
    export(samples, rate, args.output)
    print(f"wrote {args.output} ({format_duration(len(samples) / rate)} of sound)",
          file=sys.stderr)
    return 0
