"""Soak: the default day twice at high speed, headless, through the real command line."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from installation.clock import StoryClock
from installation.config import load_config
from installation.timeline import Timeline, load_timeline
from installation.timeutil import format_clock, forward

ROOT = Path(__file__).parent.parent
DAY_REAL_SECONDS = 62.0  # the 24 story hours pass in this many real seconds
DAYS = 2  # the first day warms up (every scene's caches are built), the second is measured
WINDOW = 10.0  # real seconds of memory samples compared at each end of the measured day
MAX_GROWTH = 0.05
SCENE_LINE = re.compile(r"installation\.show: scene '(.+)' at story ")
CUE_LINE = re.compile(r"installation\.show: cue '(.+)' \(")


def write_config(folder: Path) -> Path:
    # A copy of the timeline: an edit in the working tree must not reload into the soak.
    shutil.copy(ROOT / "timelines" / "miracle-mile.toml", folder / "day.toml")
    config = folder / "config.toml"
    config.write_text(
        '[display]\nresolution = "640x360"\nfps = 30\n'
        '[audio]\nenabled = true\n'
        '[show]\ntimeline = "day.toml"\n'
        '[logging]\nfolder = "logs"\nlevel = "info"\n')
    return config


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def last_event(timeline: Timeline) -> float:
    """The story time of the day's last scene start or cue, from the day start."""
    times = [s.at for s in timeline.scenes] + [c.at for c in timeline.cues]
    return max(times, key=lambda t: forward(timeline.day_start, t))


@pytest.mark.slow
def test_two_days_at_high_speed(tmp_path: Path) -> None:
    config_path = write_config(tmp_path)
    config = load_config(config_path)
    timeline = load_timeline(config.timeline_path)
    clock = StoryClock(config.clock, timeline.day_start, timeline.pace)
    speed = config.clock.cycle_seconds / DAY_REAL_SECONDS
    # Stop just after the second day's last event, before a third day starts.
    until = (DAYS - 1) * DAY_REAL_SECONDS + clock.real_between(
        timeline.day_start, last_event(timeline)) / speed + 1.0
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "installation", "run", "--headless", "--config",
               str(config_path), "--at", format_clock(timeline.day_start), "--speed",
               f"{speed:.4f}", "--seconds", f"{until:.1f}"]
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    samples: list[tuple[float, int]] = []
    while process.poll() is None:
        rss = rss_kib(process.pid)
        if rss is not None:
            samples.append((time.monotonic() - started, rss))
        time.sleep(0.5)
    _, stderr = process.communicate()
    assert process.returncode == 0, stderr.decode()

    log = (tmp_path / "logs" / "installation.log").read_text()
    print(log)  # shown when the test fails
    assert "Traceback" not in log and " ERROR " not in log
    day_scenes = [scene.name for scene in timeline.scenes]
    assert SCENE_LINE.findall(log) == day_scenes * DAYS  # each once a day, in story order
    day_cues = [c.name for c in sorted(timeline.cues, key=lambda c: (
        forward(timeline.day_start, c.at), c.index))]
    fired = CUE_LINE.findall(log)
    assert sorted(fired) == sorted(day_cues * DAYS)  # each once a day
    assert fired[:len(day_cues)] == day_cues or len({c.at for c in timeline.cues}) < len(
        day_cues)  # cues at the same story time may fire in either order

    # From the start of the second day to its end, resident memory must stay flat.
    second_day = samples[-1][0] - (until - DAY_REAL_SECONDS)
    early = [rss for t, rss in samples if second_day <= t <= second_day + WINDOW]
    late = [rss for t, rss in samples if t >= samples[-1][0] - WINDOW]
    growth = statistics.median(late) / statistics.median(early) - 1.0
    assert growth < MAX_GROWTH, f"resident memory grew {growth:.1%} over the second day"

    status = json.loads((tmp_path / "logs" / "status.json").read_text())
    assert status["frames"] > 0 and status["mode"] == "play" and status["warnings"] == []
