"""Draw every picture in docs/images again from the shipped day (run after changing a look)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


class Picture(NamedTuple):
    """One picture of the docs: its file name, the story time it shows and its size."""

    name: str
    at: str
    size: str


PICTURES = (
    Picture("interior.png", "04:23:20", "960x540"),  # the pane smashed, the diner emptying
    Picture("room.png", "00:30:35", "960x540"),  # the clock radio, a car's headlights behind the blinds
    Picture("museum.png", "14:45", "960x540"),  # Harry and Julie before the Page Museum
    Picture("transition-dissolve.png", "06:36:55", "640x360"),  # the street through the ruins
    Picture("transition-light-wipe.png", "10:33:30", "640x360"),  # the morning coming up over the tar
)


def main(names: list[str]) -> int:
    """Draw the pictures named (all of them if none) with `installation snapshot`."""
    sys.path.insert(0, str(ROOT))
    from installation.__main__ import main as installation

    unknown = set(names) - {picture.name for picture in PICTURES}
    if unknown:
        print(f"no such picture: {', '.join(sorted(unknown))}; the pictures: "
              + ", ".join(picture.name for picture in PICTURES), file=sys.stderr)
        return 2
    for picture in PICTURES:
        if names and picture.name not in names:
            continue
        code = installation(["snapshot", "--at", picture.at, "--size", picture.size,
                             "-o", str(IMAGES / picture.name),
                             "--config", str(ROOT / "config.toml"),
                             "--timeline", str(ROOT / "timelines" / "miracle-mile.toml")])
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
