"""The curators' guide to the pictures covers every layer key, and its examples load."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from installation.core.timeline.layer_catalog import LAYERS
from installation.core.timeline.model import TRANSITIONS

from .helpers import timeline

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "layers.md"
SCRIPT = GUIDE.parent / "make_images.py"


def sections() -> dict[str, str]:
    text = GUIDE.read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.MULTILINE)
    return {part.split("\n", 1)[0].strip(): part for part in parts[1:]}


@pytest.mark.parametrize("kind", sorted(LAYERS))
def test_every_layer_key_is_documented(kind: str) -> None:
    section = sections()[kind]
    for param in LAYERS[kind]:
        assert f"| `{param.name}` |" in section, f"{kind}.{param.name} is in the guide"


@pytest.mark.parametrize("kind", sorted(LAYERS) + ["Transitions"])
def test_every_example_loads(kind: str) -> None:
    blocks = re.findall(r"```toml\n(.*?)```", sections()[kind], flags=re.DOTALL)
    assert blocks, f"the {kind} section has an example"
    for block in blocks:
        timeline(f"[[scene]]\nat = \"12:00\"\nname = \"example\"\n{block}")


def test_every_transition_is_documented() -> None:
    section = sections()["Transitions"]
    for kind in TRANSITIONS:
        assert f"| `{kind}` |" in section


def test_every_picture_of_the_guide_is_drawn_again_by_the_script_at_the_time_it_names() -> None:
    """docs/make_images.py draws every picture the guide shows (and nothing else in
    docs/images), each at the story time its caption gives: none goes stale unseen."""
    spec = importlib.util.spec_from_file_location("make_images", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    drawn = {picture.name: picture.at for picture in script.PICTURES}
    shown = re.findall(r"!\[([^\]]*)\]\(images/([^)]+)\)", GUIDE.read_text(encoding="utf-8"))
    assert {name for _caption, name in shown} == set(drawn)
    assert {path.name for path in (GUIDE.parent / "images").glob("*.png")} == set(drawn)
    for caption, name in shown:
        assert re.search(rf"{drawn[name]}(?![:\d])", caption), f"{name} is of {drawn[name]}"
