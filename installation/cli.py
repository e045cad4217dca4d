"""The `installation` command line: one parser, one sub-command module per verb."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from installation import __version__

# Each module in installation/commands/ with a register(subparsers) function; the command it
# registers is its name with '-' for '_' (contact_sheet: `installation contact-sheet`).
COMMANDS = ("run", "validate", "snapshot", "contact_sheet", "render_audio", "render_video",
            "bench", "doctor")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or with the command module `only` (alone loaded:
    `run` starts without loading what rendering, benchmarks and doctor need)."""
    parser = argparse.ArgumentParser(
        prog="installation",
        description="Miracle Mile: one story day as pictures and sound along a compressed clock.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--traceback", action="store_true",
                        help="on an error, show the full Python traceback")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
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
    parser = build_parser(chosen(words))
    args = parser.parse_args(words)
    args.traceback = wants_trace
    args.until_first_frame = getattr(args, "until_first_frame", False)
    if not getattr(args, "command", None):
        parser.print_help()
        raise SystemExit(2)
    return args


def chosen(words: Sequence[str]) -> str | None:
    """The command the words name, if they name one (the first word that is no option: none
    of the top-level options takes a value); None for help, a typo or no command at all,
    which the parser with every command answers."""
    first = next((word for word in words if not word.startswith("-")), "")
    module = first.replace("-", "_")
    return module if module in COMMANDS else None
