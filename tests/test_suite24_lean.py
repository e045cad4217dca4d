"""The suite's mypy in a fresh clone checks every file and writes no cache nothing would read."""

from __future__ import annotations

import os
from pathlib import Path

import background_mypy
import pytest


def test_mypy_in_a_fresh_clone_checks_everything_and_writes_no_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background_mypy, "CACHE", tmp_path / ".mypy_cache")
    fresh = background_mypy.command()
    assert fresh[0] == "mypy" and fresh[-2:] == ("installation", "tests")
    assert fresh[fresh.index("--cache-dir") + 1] == os.devnull


def test_mypy_where_it_has_run_keeps_its_cache(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".mypy_cache").mkdir()
    monkeypatch.setattr(background_mypy, "CACHE", tmp_path / ".mypy_cache")
    assert background_mypy.command() == ("mypy", "installation", "tests")
