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
