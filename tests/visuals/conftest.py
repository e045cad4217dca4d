"""The picture tests' set-up: a fresh compositor finds the pictures made before in the process."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from installation.visuals import compositor

from .helpers import FindingMade

BUILDING = re.compile(r"ahead|pieces|(?<!shared_)(?<!finding_)made|makes|MadeOnce|stutter|"
                      r"budget|bench|timer|perf_counter|process_time|prepare|memory|"
                      r"tracemalloc|patch|mock")
# A test file whose text names any of these may look at how a scene is built (what it makes,
# in how many pieces, how long it takes, what it holds) or patch what is drawn (a patched
# drawing made once would be found by the next test, or a test would find it unpatched):
# its compositors make their own, as the show's on its first day. (Naming shared_made or
# finding_made is asking to share, not looking at building.)
PATCHING_NOTHING_DRAWN = frozenset({
    "test_neon.py",  # counts the street's draws, each drawing what it drew
    "test_pass16_copy.py",  # the kept background copied whole, and a layer seen as it draws
    "test_dusk_crossing.py",  # one street's cars placed (its own, drawn then, none kept)
    "test_calf_alone.py",  # the size a test of the booth draws at (sizes key every picture)
    "test_background.py",  # counts a still and an animated layer's draws, each as it drew
})  # files that patch (naming "patch") but nothing that changes a picture kept: they share


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
    """Whether the test file at `path` looks at building or patches what is drawn (BUILDING),
    unless it is known to patch nothing that changes a picture (PATCHING_NOTHING_DRAWN)."""
    return path.name not in PATCHING_NOTHING_DRAWN and BUILDING.search(path.read_text()) is not None
