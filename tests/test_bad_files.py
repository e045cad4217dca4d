"""Every broken file in tests/fixtures gets the exact message a curator or operator must see."""

from __future__ import annotations

from pathlib import Path

import pytest

from installation.core.config import load_config
from installation.core.errors import ConfigError, InstallationError, TimelineError
from installation.core.timeline import load_timeline

FIXTURES = Path(__file__).parent / "fixtures"
TIMELINES = sorted((FIXTURES / "timelines").glob("*.toml"))
CONFIGS = sorted((FIXTURES / "configs").glob("*.toml"))


def expectations(path: Path) -> list[str]:
    """The '# expect:' lines at the top of a fixture: text the report must contain."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("# expect: ", 1)[1] for line in lines if line.startswith("# expect: ")]


def report_for(error: InstallationError, path: Path) -> str:
    # Messages name the file as given; fixtures are checked by file name.
    return error.report().replace(str(path.parent) + "/", "")


@pytest.mark.parametrize("path", TIMELINES, ids=lambda p: p.stem)
def test_broken_timeline_message(path: Path) -> None:
    with pytest.raises(TimelineError) as caught:
        load_timeline(path)
    report = report_for(caught.value, path)
    for expected in expectations(path):
        assert expected in report


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.stem)
def test_broken_config_message(path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    report = report_for(caught.value, path)
    for expected in expectations(path):
        assert expected in report


def test_every_fixture_states_what_the_user_must_see() -> None:
    assert TIMELINES and CONFIGS
    assert all(expectations(path) for path in TIMELINES + CONFIGS)


def test_missing_timeline_file_is_named() -> None:
    with pytest.raises(TimelineError) as caught:
        load_timeline(Path("no/such/day.toml"))
    assert "no/such/day.toml: expected a TOML file; found no file at this path" in (
        caught.value.report())


LIST_ITEMS = """[[scene]]
at = "04:05"
name = "The call"

[[scene.layers]]
type = "figures"
path = [[0.1, 0.8], [0.6, "low"]]

[scene.score.sequence]
scale = "D minor"
transpose = [0, 5, "up", 3]
"""


def test_a_bad_list_item_is_named_by_its_place_and_value(tmp_path: Path) -> None:
    path = tmp_path / "lists.toml"
    path.write_text(LIST_ITEMS, encoding="utf-8")
    with pytest.raises(TimelineError) as caught:
        load_timeline(path)
    report = report_for(caught.value, path)
    assert ("lists.toml:7: scene 'The call', key 'layers.path': expected a list of at least 1 "
            "[x, y] points, each a list of 2 numbers, each a number from -0.5 to 1.5; "
            "found 'low' as item 2 of item 2") in report
    assert ("lists.toml:11: scene 'The call', key 'score.sequence.transpose': expected a list "
            "of at least 1 semitones, each a number from -24 to 24; found 'up' as item 3"
            ) in report
