"""Killed with SIGKILL and restarted, the show is where an uninterrupted run would be."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from day_config import write_config

from installation.core.clock import StoryClock
from installation.core.config import load_config
from installation.core.timeline import load_timeline
from installation.core.timeutil import DAY_SECONDS

ROOT = Path(__file__).parent.parent
STARTUP_TIMEOUT = 40.0  # real seconds for a cold start on a busy CI machine
TOLERANCE = 1.0  # real seconds between the shown story time and the clock's
STEADY_FRAMES = 30  # a status from after this many frames comes from a warm, steady show


def start(config: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "installation", "run", "--headless",
                             "--config", str(config)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def status_from(process: subprocess.Popen[bytes], path: Path, after: float,
                frames: int = 0) -> dict[str, Any]:
    """The first status snapshot this process writes after wall time `after`, from a frame
    later than `frames`."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            assert process.stderr is not None
            pytest.fail(f"the show exited ({process.returncode}): {process.stderr.read()!r}")
        try:
            status = json.loads(path.read_text())
        except (OSError, ValueError):
            status = {}
        if (status.get("pid") == process.pid and status.get("written_at", 0) > after
                and status.get("frames", 0) > frames):
            return status
        time.sleep(0.1)
    pytest.fail("no status file from the show")


def real_error(clock: StoryClock, status: dict[str, Any]) -> float:
    """How far (in real seconds) the shown story time is from the clock's for the wall time
    the frame was drawn for (not when the status was written: a loaded machine may be slow)."""
    expected = clock.position(status["frame_at"])
    story_gap = (status["story_seconds"] - expected.story_time + DAY_SECONDS / 2) % \
        DAY_SECONDS - DAY_SECONDS / 2
    return abs(story_gap) / expected.rate


@pytest.mark.slow
def test_sigkill_and_restart_resumes_at_the_right_story_time(tmp_path: Path) -> None:
    config_path = write_config(tmp_path, "320x180", audio=False)
    config = load_config(config_path)
    timeline = load_timeline(config.timeline_path)
    clock = StoryClock(config.clock, timeline.day_start, timeline.pace)
    status_path = tmp_path / "logs" / "status.json"

    first = start(config_path)
    try:
        before = status_from(first, status_path, time.time(), STEADY_FRAMES)
        assert real_error(clock, before) < TOLERANCE
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()
    json.loads(status_path.read_text())  # a kill never leaves a half-written status file
    # A curator's broken save while the show was down: the last good copy plays on.
    day = tmp_path / "day.toml"
    day.write_text(day.read_text().replace('at = "14:30"', 'at = "14:70"'))

    second = start(config_path)
    try:
        after = status_from(second, status_path, time.time())  # its first frame
        assert real_error(clock, after) < TOLERANCE
        assert after["written_at"] > before["written_at"]
        assert after["last_reload"]["ok"] is False
        assert "found '14:70'" in after["last_reload"]["error"]
        steady = status_from(second, status_path, after["written_at"], STEADY_FRAMES)
        assert real_error(clock, steady) < TOLERANCE
        wall = steady["frame_at"]
        assert steady["scene"] in {clock_scene(timeline, clock, wall - TOLERANCE),
                                   clock_scene(timeline, clock, wall + TOLERANCE)}
    finally:
        second.send_signal(signal.SIGTERM)  # what systemd sends on stop: a clean exit
        try:
            assert second.wait(10) == 0
        finally:
            second.kill()


def clock_scene(timeline: Any, clock: StoryClock, wall: float) -> str:
    from installation.core.timeline import state_at

    return state_at(timeline, clock.story_time(wall), clock).scene.name


def reload_seen(process: subprocess.Popen[bytes], path: Path, after: float) -> dict[str, Any]:
    """The first status whose last reload was decided after wall time `after`."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        status = status_from(process, path, time.time() - 0.5)
        reload = status.get("last_reload") or {}
        if reload.get("at", 0) > after:
            return reload
    pytest.fail("the edit was never taken up")


@pytest.mark.slow
def test_edits_are_taken_up_within_a_second_by_a_running_show(tmp_path: Path) -> None:
    config_path = write_config(tmp_path, "320x180", audio=False)
    status_path = tmp_path / "logs" / "status.json"
    day = tmp_path / "day.toml"
    text = day.read_text()
    show = start(config_path)
    try:
        # A steady show: the first frames after a cold start are slow, and a poll waits on them.
        status_from(show, status_path, time.time(), STEADY_FRAMES)
        edited = tmp_path / "day.toml.swp"  # an editor that saves by rename
        edited.write_text(text.replace("La Brea Tar Pits", "The Tar Pits"))
        os.replace(edited, day)
        saved = day.stat().st_mtime
        reload = reload_seen(show, status_path, saved)
        assert reload["ok"] is True and reload["at"] - saved < 1.0

        with open(day, "w") as handle:  # an editor that truncates, then writes: broken
            handle.write(text.replace('at = "14:30"', 'at = "14:70"'))
        saved = day.stat().st_mtime
        reload = reload_seen(show, status_path, saved)
        assert reload["ok"] is False and "found '14:70'" in reload["error"]
        assert reload["at"] - saved < 2.0  # a broken file gets a second look first
    finally:
        show.send_signal(signal.SIGTERM)
        try:
            assert show.wait(10) == 0
        finally:
            show.kill()
