"""`installation contact-sheet`: the whole story day on one image, scene by scene."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError
from .common import add_inputs, load_inputs


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("contact-sheet", help="write the whole day as thumbnails on one PNG",
                       description="Draw a thumbnail for every scene and every story hour, "
                                   "labelled with the story time and the scene's name.")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.png",
                   help="where to write the sheet")
    add_inputs(p)
    p.set_defaults(handler=run)


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    import pygame

    from ..visuals.contact_sheet import contact_sheet

    inputs = load_inputs(args)
    sheet = contact_sheet(inputs.timeline, inputs.clock, warn)
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(sheet, str(args.output))
    except (OSError, pygame.error) as exc:
        raise UsageError(f"could not write {args.output}: {exc}") from exc
    print(f"{args.output}: {sheet.get_width()}x{sheet.get_height()}, "
          f"{len(inputs.timeline.scenes)} scenes")
    return 0
