"""Shared test set-up: no screen, no sound card, fixed time."""

from __future__ import annotations

import os

import background_mypy
import pytest

SOAK = "test_soak.py::test_two_days_at_high_speed"
MYPY = "test_lint.py::test_mypy_is_clean"

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """mypy's test after the soak, which starts mypy beside itself (the soak mostly waits on
    a show at 640x360, so the two share a 2-core machine and the suite is a minute shorter)."""
    names = [item.nodeid for item in items]
    soak = next((i for i, n in enumerate(names) if n.endswith(SOAK)), None)
    mypy = next((i for i, n in enumerate(names) if n.endswith(MYPY)), None)
    background_mypy.wanted = mypy is not None
    if soak is not None and mypy is not None and mypy < soak:
        items.insert(soak, items.pop(mypy))


def pytest_sessionfinish() -> None:
    background_mypy.stop()
