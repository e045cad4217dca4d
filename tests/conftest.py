"""Shared test set-up: no screen, no sound card, fixed time."""

from __future__ import annotations

import os
from pathlib import Path

import background_mypy
import background_soak
import pytest

SOAK = "test_soak.py::test_days_at_high_speed"
MYPY = "test_lint.py::test_mypy_is_clean"
# The soak's show, then mypy, run in the background from the first picture test on: those
# draw on a story clock they are given and time nothing, so a busy second core changes none of
# their results. One at a time: the show at high speed builds each scene as it comes (Ash in
# seconds of processor time); beside the picture tests and mypy on a 2-core machine loaded
# to 9 it fell 15-18 s behind in the flash and missed three scenes (beside mypy alone, as it
# used to run, it missed them too at that load). Beside the tests alone it has a core of its
# own, as it had beside mypy.
# Run by pytest-xdist (a worker a core, as the project's pytest options ask), each worker would
# start its own background soak and mypy: there they run as tests of their own instead, first,
# so that each waits on its show or mypy while the other worker goes on with the picture tests.
BESIDE = Path(__file__).parent / "visuals"
LAST = (SOAK, MYPY)  # their results are asked for at the end, after the picture tests
IN_A_WORKER = "PYTEST_XDIST_WORKER" in os.environ

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The soak's test, then mypy's, last: by then both have run beside the picture tests
    (in a worker of pytest-xdist's, first)."""
    last = [item for name in LAST for item in items if item.nodeid.endswith(name)]
    rest = [item for item in items if item not in last]
    items[:] = last + rest if IN_A_WORKER else rest + last


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start in the background only what a test selected to run will ask for."""
    names = [item.nodeid for item in session.items]
    background_soak.wanted = any(name.endswith(SOAK) for name in names) and not IN_A_WORKER
    background_mypy.wanted = any(name.endswith(MYPY) for name in names) and not IN_A_WORKER


def pytest_runtest_setup(item: pytest.Item) -> None:
    if not item.path.is_relative_to(BESIDE):
        return
    background_soak.start_if_wanted()
    if not background_soak.playing():
        background_mypy.start_if_wanted()


def pytest_sessionfinish() -> None:
    background_soak.stop()
    background_mypy.stop()

