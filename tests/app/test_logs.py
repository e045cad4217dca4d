"""Logs: one line per event, rotation, and a full disk that does not stop the show."""

from __future__ import annotations

import errno
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from installation.app.logs import (
    FILE_ONLY,
    LOG_FILE,
    LogSetup,
    SafeRotatingFileHandler,
    setup_logging,
)


class FullDisk(io.StringIO):
    """A stream that fails like a full disk does: on flush."""

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[tuple[LogSetup, io.StringIO, list[str]]]:
    console = io.StringIO()
    reports: list[str] = []
    setup = setup_logging(tmp_path / "logs", "info", console=console, report=reports.append)
    yield setup, console, reports
    setup.close()


def log_lines(setup: LogSetup) -> list[str]:
    assert setup.path is not None
    return setup.path.read_text(encoding="utf-8").splitlines()


def test_one_line_per_event_in_file_and_console(
        logs: tuple[LogSetup, io.StringIO, list[str]]) -> None:
    setup, console, _ = logs
    log = logging.getLogger("installation.reload")
    log.warning("timeline kept: 2 problems\n  a.toml:3: bad\n  a.toml:9: worse")
    log.debug("not shown at info")
    [line] = log_lines(setup)
    assert line.endswith("WARNING installation.reload: timeline kept: 2 problems | "
                         "a.toml:3: bad | a.toml:9: worse")
    assert console.getvalue().strip() == line


def test_traceback_follows_indented(logs: tuple[LogSetup, io.StringIO, list[str]]) -> None:
    setup, _, _ = logs
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("installation.visuals").exception("layer 'neon' disabled")
    lines = log_lines(setup)
    assert lines[0].endswith("ERROR   installation.visuals: layer 'neon' disabled")
    assert all(line.startswith("    ") for line in lines[1:])
    assert lines[-1].strip() == "ValueError: boom"


def test_rotation_keeps_a_bounded_number_of_files(tmp_path: Path) -> None:
    handler = SafeRotatingFileHandler(tmp_path / LOG_FILE, print, max_bytes=500, backups=2)
    logger = logging.getLogger("installation.test_rotation")
    logger.addHandler(handler)
    try:
        for n in range(100):
            logger.warning("event %d %s", n, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2"]
    assert "event 99" in (tmp_path / LOG_FILE).read_text()


def test_full_disk_is_reported_once_and_recovers(
        logs: tuple[LogSetup, io.StringIO, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    setup, console, reports = logs
    assert setup.file is not None
    log = logging.getLogger("installation.show")
    log.warning("before")
    setup.file.close()
    monkeypatch.setattr(setup.file, "_open", lambda: FullDisk())
    for n in range(5):
        log.warning("during %d", n)  # must not raise
    assert len(reports) == 1
    assert "cannot write the log file" in reports[0] and "No space left" in reports[0]
    assert "during 4" in console.getvalue()  # the console still has everything
    monkeypatch.undo()
    log.warning("after")
    lines = log_lines(setup)
    assert lines[0].endswith("before")
    assert "log writing works again; 5 events were lost" in lines[1]
    assert lines[2].endswith("after")


def test_unusable_folder_falls_back_to_console(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    reports: list[str] = []
    setup = setup_logging(blocker / "logs", console=io.StringIO(), report=reports.append)
    try:
        assert setup.file is None and "cannot use the log folder" in setup.problem
        logging.getLogger("installation").error("still logged")
        assert len(reports) == 1
    finally:
        setup.close()


def test_broken_console_is_ignored(tmp_path: Path) -> None:
    console = io.StringIO()
    setup = setup_logging(tmp_path, console=console)
    console.close()
    try:
        logging.getLogger("installation").warning("console gone")
        assert log_lines(setup)[-1].endswith("console gone")
    finally:
        setup.close()


def test_file_only_events_skip_the_console(logs: tuple[LogSetup, io.StringIO, list[str]]) -> None:
    setup, console, _ = logs
    logging.getLogger("installation.run").error("already printed", extra=FILE_ONLY)
    assert log_lines(setup)[-1].endswith("already printed")
    assert console.getvalue() == ""
