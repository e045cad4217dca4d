"""A figures layer's `pick` (which of its look's people it shows): a bad value is refused with
the file, line, scene, key, what was expected and what was found."""

from __future__ import annotations

from pathlib import Path

import pytest

from installation.core.errors import TimelineError
from installation.core.timeline import load_timeline

PICKED = """[[scene]]
at = "04:20"
name = "Panic in the diner"

[[scene.layers]]
type = "figures"
look = "counter-arguing"
pick = [{pick}]
"""


def _report(tmp_path: Path, pick: str) -> str:
    path = tmp_path / "pick.toml"
    path.write_text(PICKED.format(pick=pick), encoding="utf-8")
    with pytest.raises(TimelineError) as caught:
        load_timeline(path)
    return caught.value.report().replace(str(tmp_path) + "/", "")


def test_a_pick_that_is_no_place_among_them_is_refused(tmp_path: Path) -> None:
    assert ("pick.toml:8: scene 'Panic in the diner', key 'layers.pick': expected a list of at "
            "least 1 whole numbers from 0 to 39, each a whole number from 0 to 39; found -1 as "
            "item 2") in _report(tmp_path, "1, -1")


def test_a_pick_by_name_is_refused(tmp_path: Path) -> None:
    assert ("pick.toml:8: scene 'Panic in the diner', key 'layers.pick': expected a list of at "
            "least 1 whole numbers from 0 to 39, each a whole number from 0 to 39; found "
            "'second' as item 1") in _report(tmp_path, '"second"')


def test_a_good_pick_loads(tmp_path: Path) -> None:
    path = tmp_path / "pick.toml"
    path.write_text(PICKED.format(pick="0, 3"), encoding="utf-8")
    layer = load_timeline(path).scenes[0].layers[0]
    assert layer.params["pick"] == (0, 3)
