"""The status file and the systemd notifier, with fake time and a real unix socket."""

from __future__ import annotations

import errno
import json
import logging
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from installation.app import status as status_module
from installation.app.status import StatusWriter, read_status
from installation.app.watchdog import Notifier, socket_address


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_status_written_every_interval_and_atomically(tmp_path: Path) -> None:
    clock = FakeTime()
    writer = StatusWriter(tmp_path / "status.json", interval=2.0, monotonic=clock)
    built: list[int] = []

    def snapshot() -> dict[str, int]:
        built.append(1)
        return {"n": len(built)}

    assert writer.maybe_write(snapshot)
    clock.now += 1.0
    assert not writer.maybe_write(snapshot)
    clock.now += 1.0
    assert writer.maybe_write(snapshot)
    assert len(built) == 2
    assert read_status(tmp_path / "status.json") == {"n": 2}
    assert [p.name for p in tmp_path.iterdir()] == ["status.json"]  # no temp files left


def test_status_replace_never_shows_a_half_file(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "status.json"
    writer = StatusWriter(path)
    writer.write({"scene": "Tar Pits"})
    seen: list[str] = []
    real_replace = os.replace

    def spying_replace(src: str, dst: str) -> None:
        seen.append(path.read_text())  # what a reader sees just before the swap
        real_replace(src, dst)

    monkeypatch.setattr(status_module.os, "replace", spying_replace)
    writer.write({"scene": "Johnnie's"})
    assert json.loads(seen[0]) == {"scene": "Tar Pits"}
    assert read_status(path) == {"scene": "Johnnie's"}


def test_full_disk_is_logged_once_and_recovers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeTime()
    writer = StatusWriter(tmp_path / "status.json", monotonic=clock)

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(status_module, "write_atomically", full)
    with caplog.at_level(logging.INFO, logger="installation.status"):
        for _ in range(3):
            clock.now += 5
            assert writer.maybe_write(lambda: {"a": 1}) is False
        monkeypatch.undo()
        clock.now += 5
        assert writer.maybe_write(lambda: {"a": 1})
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert "cannot write the status file" in messages[0] and "No space left" in messages[0]
    assert "is written again" in messages[1]


def test_a_status_file_that_could_not_be_written_says_so_when_it_can(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeTime()
    wall = 1_800_000_000.0
    writer = StatusWriter(tmp_path / "status.json", monotonic=clock,
                          wall=lambda: wall + clock.now)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        writer.write({"a": 1})
        monkeypatch.setattr(status_module, "write_atomically", full_disk)
        for _ in range(3):
            clock.now += 60
            assert writer.maybe_write(lambda: {"a": 2}) is False
        monkeypatch.undo()  # the disk has room again
        monkeypatch.setenv("TZ", "UTC")
        clock.now += 60
        assert writer.maybe_write(lambda: {"a": 3})
        gap = {"from": "2027-01-15T08:02:40+00:00", "until": "2027-01-15T08:05:40+00:00",
               "missed_writes": 3, "error": "OSError: [Errno 28] No space left on device"}
        assert read_status(tmp_path / "status.json") == {"a": 3, "unwritten": gap}
        clock.now += 60
        writer.write({"a": 4})  # the last gap stays in the file
        assert read_status(tmp_path / "status.json")["unwritten"] == gap
    finally:
        monkeypatch.undo()
        time.tzset()


def full_disk(*_: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


# --- sd_notify -----------------------------------------------------------------------------


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[socket.socket]:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(str(tmp_path / "notify"))
    listener.settimeout(2.0)
    yield listener
    listener.close()


def test_no_socket_means_no_op() -> None:
    notifier = Notifier(env={})
    assert not notifier.enabled
    assert notifier.ready() is False and notifier.ping() is False


def test_ready_ping_and_status_reach_systemd(tmp_path: Path, systemd: socket.socket) -> None:
    clock = FakeTime()
    env = {"NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": "20000000",
           "WATCHDOG_PID": str(os.getpid())}
    notifier = Notifier(env, monotonic=clock)
    assert notifier.ping_every == pytest.approx(5.0)
    assert notifier.ready("playing 'Tar Pits'")
    assert systemd.recv(256) == b"READY=1\nSTATUS=playing 'Tar Pits'"
    assert notifier.ping("story 12:00:01\nscene x")
    assert systemd.recv(256) == b"WATCHDOG=1\nSTATUS=story 12:00:01 scene x"
    clock.now += 4.9
    assert not notifier.ping()  # rate-limited: frames call it every time
    clock.now += 0.2
    assert notifier.ping()
    assert systemd.recv(256) == b"WATCHDOG=1"


def test_vanished_socket_is_not_fatal(tmp_path: Path) -> None:
    notifier = Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    assert notifier.ready() is False
    assert notifier.errors == 1


def test_abstract_socket_address() -> None:
    assert socket_address("@/org/freedesktop/systemd1/notify") == \
        "\0/org/freedesktop/systemd1/notify"
    assert socket_address("/run/user/1000/systemd/notify") == "/run/user/1000/systemd/notify"


def test_temp_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".status.json.99999999.tmp"
    stale.write_text("{half")
    StatusWriter(tmp_path / "status.json").write({"ok": True})
    assert [p.name for p in tmp_path.iterdir()] == ["status.json"]
