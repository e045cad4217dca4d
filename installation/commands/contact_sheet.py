"""`installation contact-sheet`: the whole story day on one image, scene by scene."""

from __future__ import annotations

import argparse
from pathlib import Path

from installation.commands.common import add_inputs, load_inputs, save_png, warn
from installation.commands.progress import Bar


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("contact-sheet", help="write the whole day as thumbnails on one PNG",
                       description="Draw a thumbnail for every scene and every story hour, "
                                   "labelled with the story time and the scene's name.")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.png",
                   help="where to write the sheet")
    add_inputs(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from installation.visuals.contact_sheet import contact_sheet, moments

    inputs = load_inputs(args)
    shots = moments(inputs.timeline, inputs.clock)
    with Bar(len(shots), "drawing thumbnails") as bar:
        sheet = contact_sheet(inputs.timeline, inputs.clock, warn, shots=shots, drawn=bar.step)
    save_png(sheet, args.output)
    print(f"{args.output}: {sheet.get_width()}x{sheet.get_height()}, "
          f"{len(inputs.timeline.scenes)} scenes")
    return 0
