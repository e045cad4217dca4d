"""Draw every picture in docs/images again from the shipped day (run after changing a look)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


class Picture(NamedTuple):
    """One picture of the docs: its file name, the story time it shows, its size, and a
    scene of the shipped day made to arrive otherwise for it (its name and transition)."""

    name: str
    at: str
    size: str
    arriving: tuple[str, str] | None = None


PICTURES = (
    Picture("interior.png", "04:23:20", "960x540"),  # the pane smashed, the diner emptying
    Picture("room.png", "00:30:35", "960x540"),  # the clock radio, a car's headlights behind the blinds
    Picture("museum.png", "14:45", "960x540"),  # Harry and Julie before the Page Museum
    Picture("first-light.png", "05:11", "960x540"),  # the dawn over Wilshire, the runners
    Picture("transition-dissolve.png", "06:36:55", "640x360",  # the street through the ruins
            ("Wilshire under ash", 'transition = { type = "dissolve", seconds = 8 }')),
    Picture("transition-light-wipe.png", "10:32:40", "640x360"),  # the light coming down over the tar
    Picture("transition-glare.png", "12:02:20", "640x360"),  # the noon glare, the calf through it
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
        with tempfile.TemporaryDirectory() as folder:
            code = installation(["snapshot", "--at", picture.at, "--size", picture.size,
                                 "-o", str(IMAGES / picture.name),
                                 "--config", str(ROOT / "config.toml"),
                                 "--timeline", str(_timeline(picture, Path(folder)))])
        if code:
            return code
    return 0


def _timeline(picture: Picture, folder: Path) -> Path:
    """The shipped timeline, or a copy in `folder` with the picture's scene arriving as it
    says (the shipped day cuts into Wilshire under ash; the dissolve is shown on it all the
    same: the ruins' skyline over the street's foot)."""
    shipped = ROOT / "timelines" / "miracle-mile.toml"
    if picture.arriving is None:
        return shipped
    name, transition = picture.arriving
    text = shipped.read_text(encoding="utf-8")
    head = f'name = "{name}"\n'
    start = text.index(head) + len(head)
    end = text.index("\n", start)
    if not text[start:end].startswith("transition = "):
        raise SystemExit(f"{shipped}: scene {name!r} has no transition line after its name")
    copy = folder / shipped.name
    copy.write_text(text[:start] + transition + text[end:], encoding="utf-8")
    return copy


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
