"""The picture tests' set-up: a fresh compositor finds the pictures made before in the process."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from installation.visuals import compositor

from .helpers import FindingMade

BUILDING = re.compile(r"ahead|pieces|made|makes|MadeOnce|stutter|budget|bench|timer|"
                      r"perf_counter|process_time|prepare|memory|tracemalloc|patch|mock")
# A test file whose text names any of these may look at how a scene is built (what it makes,
# in how many pieces, how long it takes, what it holds) or patch what is drawn (a patched
# drawing made once would be found by the next test, or a test would find it unpatched):
# its compositors make their own, as the show's on its first day.


@pytest.fixture
def finding_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every compositor made in the test finds the pictures shared_made holds (the flash's
    and Ash's smoke and flames, the mammoths in their poses, the oil on the tar), made by an
    earlier test of the process, as a show running since the day before finds them: each is
    made once a process, not once a test (test_suite17_shared_made: the same bytes); what
    its layers share live (a street's drivers) is its own (helpers.FindingMade)."""
    monkeypatch.setattr(compositor, "MadeOnce", FindingMade)


@pytest.fixture(autouse=True)
def _finding_made_unless_building(request: pytest.FixtureRequest) -> None:
    """finding_made for a test whose file names nothing of building (see BUILDING)."""
    if not names_building(request.path):
        request.getfixturevalue("finding_made")


@cache
def names_building(path: Path) -> bool:
    return BUILDING.search(path.read_text()) is not None
