"""The `installation` command line: one parser, one sub-command module per verb."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from installation import __version__

# Each module in installation/commands/ with a register(subparsers) function.
COMMANDS = ("run", "validate", "snapshot", "contact_sheet", "render_audio", "render_video",
            "bench", "doctor")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="installation",
        description="Miracle Mile: one story day as pictures and sound along a compressed clock.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--traceback", action="store_true",
                        help="on an error, show the full Python traceback")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f".commands.{name}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.commands.{name}":
                raise
            continue  # a command not built yet
        module.register(sub)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line; --traceback is accepted before or after the command."""
    words = list(sys.argv[1:] if argv is None else argv)
    wants_trace = "--traceback" in words
    words = [w for w in words if w != "--traceback"]
    parser = build_parser()
    args = parser.parse_args(words)
    args.traceback = wants_trace
    if not getattr(args, "command", None):
        parser.print_help()
        raise SystemExit(2)
    return args
