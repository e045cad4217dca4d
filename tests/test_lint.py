"""ruff and mypy over the package and the tests, as part of the one test command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import background_mypy

ROOT = Path(__file__).parent.parent


def tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=600)


def test_ruff_is_clean() -> None:
    result = tool("ruff", "check", "installation", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    """Started in the background beside the picture tests once the soak has played (conftest
    orders this test last); under pytest-xdist, with the soak's show, at the lowest priority
    (suite_schedule)."""
    code, output = background_mypy.result()
    assert code == 0, output
