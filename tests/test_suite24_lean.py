"""The suite's two background runs do the same checks for less processor time: the soak's show
draws at 15 frames a second, and mypy in a fresh clone writes no cache nothing would read."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import background_mypy
import background_soak
import pytest

from installation.core.config import load_config

SOAK_FPS = 15


class NoShow:
    """Stands in for the soak's show process: the command line it was given, and it ends at once."""

    def __init__(self, command: list[str], **_kwargs: Any) -> None:
        self.command = command

    def poll(self) -> int:
        return 0


def test_the_soaks_show_plays_the_shipped_day_at_15_frames_a_second(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(subprocess, "Popen", NoShow)
    soak = background_soak.play(tmp_path)
    process: Any = soak.process
    config = load_config(Path(process.command[process.command.index("--config") + 1]))
    assert config["display"]["fps"] == SOAK_FPS
    assert config["display"]["resolution"] == (640, 360) and config["audio"]["enabled"]


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
