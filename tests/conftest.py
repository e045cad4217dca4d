"""Shared test set-up: no screen, no sound card, fixed time."""

from __future__ import annotations

import os
from pathlib import Path

import background_mypy
import background_soak
import collector
import pytest
import suite_schedule

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
# start its own background soak and mypy: there they run in one worker instead, first, with the
# sound server's recordings (suite_schedule), while the other worker goes on with the pictures.
BESIDE = Path(__file__).parent / "visuals"
LAST = (SOAK, MYPY)  # their results are asked for at the end, after the picture tests
IN_A_WORKER = "PYTEST_XDIST_WORKER" in os.environ
# The files that take longest, handed out first after the soak's worker's few (suite_schedule):
# xdist gives a worker the next file as it finishes one, so the day ends on short files and both
# workers end together (in collection order a 20-60 s file came last and one worker waited on
# it alone for a minute and more). Processor seconds of each file, -n 0, one file after another
# on the loaded 2-core machine (suite19, a2f51b4f; those suite19 made cheaper as measured after
# it): every file over 6 s, longest first. Only the order: a name missing here costs balance,
# never a result.
HEAVY = ("visuals/test_ahead.py", "audio/test_loudness_design.py", "visuals/test_background.py",
         "visuals/test_motion.py", "visuals/test_aftermath.py", "visuals/test_caption_contrast.py",
         "test_window.py", "visuals/test_tarpit.py", "visuals/test_fire_light.py",
         "visuals/test_mire.py", "audio/test_scene_repetition.py", "visuals/test_street.py",
         "visuals/test_frames.py", "visuals/test_street_burnt.py", "visuals/test_tar_cover.py",
         "visuals/test_late18_day_builds.py", "test_show.py", "app/test_attendant.py",
         "visuals/test_parallax.py", "test_fuzz_loaders.py", "visuals/test_crowd_places.py",
         "visuals/test_block.py", "visuals/test_diner_people.py", "visuals/test_dusk_crossing.py",
         "visuals/test_sway_ahead.py", "visuals/test_layers.py", "visuals/test_fire_body.py",
         "visuals/test_helicopter.py", "visuals/test_burning.py",
         "visuals/test_mammoth_strains.py", "audio/test_helicopter_heard.py",
         # then the files of the slowest 40 tests of the lead's fresh-clone run (over ~4 s)
         # that the list above lacked (suite23): handed out among the other pictures or in the
         # short rest (test_resume's two shows, ~12 s), one of them could come last
         "visuals/test_let_go.py", "test_resume.py", "visuals/test_fire_seam.py",
         "visuals/test_dust21_collapse_dust.py", "visuals/test_fire_edges.py",
         "visuals/test_ash_morning.py", "visuals/test_plume_stripes.py",
         "visuals/test_figure_sun.py", "visuals/test_bench_cold.py", "audio/test_device.py",
         "visuals/test_mammoth_haze.py", "visuals/test_dream_walk.py", "visuals/test_museum.py")
# After them the other picture files (a few seconds each), and the rest last: most of those
# files take well under a second, so the workers run out of work within a moment of each other
# (in collection order the pictures came last and a worker ended alone on one).

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The soak's test, then mypy's, last: by then both have run beside the picture tests
    (in a worker of pytest-xdist's, first with the sound server's, then the HEAVY files,
    longest first)."""
    if not IN_A_WORKER:
        last = [item for name in LAST for item in items if item.nodeid.endswith(name)]
        items[:] = [item for item in items if item not in last] + last
        return
    first = sorted((item for item in items if suite_schedule.beside_soak(item.nodeid)),
                   key=lambda item: suite_schedule.place_beside_soak(item.nodeid))
    items[:] = first + sorted((item for item in items if item not in first), key=_handed_out)


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Files grouped as --dist loadfile groups them, the soak's worker's few together."""
    return suite_schedule.scheduler(config, log)


def _handed_out(item: pytest.Item) -> int:
    """The item's file's place in the day: HEAVY's, then the other picture files, then the
    rest (a stable sort keeps collection order within each)."""
    name = _under_tests(item)
    if name in HEAVY:
        return HEAVY.index(name)
    return len(HEAVY) + (not item.path.is_relative_to(BESIDE))


def _under_tests(item: pytest.Item) -> str:
    """The item's file, as a path under tests/ ("visuals/test_motion.py")."""
    return item.path.relative_to(Path(__file__).parent).as_posix()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start in the background only what a test selected to run will ask for."""
    names = [item.nodeid for item in session.items]
    background_soak.wanted = any(name.endswith(SOAK) for name in names)
    background_mypy.wanted = any(name.endswith(MYPY) for name in names)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if IN_A_WORKER:  # the soak's worker: its show and mypy, with the first of its tests
        if suite_schedule.beside_soak(item.nodeid) and background_soak.wanted:
            background_soak.start()
            background_mypy.start_if_wanted(lowest=True)
        return
    if not item.path.is_relative_to(BESIDE):
        return
    background_soak.start_if_wanted()
    if not background_soak.playing():
        background_mypy.start_if_wanted()


def pytest_runtest_teardown() -> None:
    """Each test leaves the collector as a fresh process has it (see collector.given_back)."""
    collector.given_back()


def pytest_sessionfinish() -> None:
    background_soak.stop()
    background_mypy.stop()

