"""Soak: the default day at high speed, headless, through the real command line."""

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

import background_mypy
import pytest

from installation.app.status import STATUS_FILE
from installation.core.clock import StoryClock
from installation.core.config import load_config
from installation.core.timeline import Timeline, load_timeline
from installation.core.timeutil import format_clock, forward

ROOT = Path(__file__).parent.parent
DAY_REAL_SECONDS = 62.0  # the 24 story hours pass in this many real seconds
DAYS = 2  # whole days played; the next day's opening is played too, to compare memory with
WINDOW = 10.0  # real seconds of memory samples compared: each day's opening (day two, day three)
MAX_GROWTH = 0.05
# glibc's thresholds fixed: a freed sound loop (3-9 MB) goes back to the system at once, so
# resident memory follows what the show holds, not when the allocator last gave memory back
# (with its sliding defaults the same story time a day later reads 10% higher or lower).
STEADY_MALLOC = {"MALLOC_MMAP_THRESHOLD_": str(1 << 20), "MALLOC_TRIM_THRESHOLD_": str(4 << 20)}
SCENE_LINE = re.compile(r"installation\.show: scene '(.+)' at story ")
LOAD_WARNINGS = ("the audio device stopped taking sound: the show goes on silent; retrying",
                 "audio device is back: sound resumes")
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


def first_frame_wall(status: dict[str, object], clock: StoryClock, timeline: Timeline,
                     speed: float) -> float:
    """The wall time the show's first day began, from a status written on that day."""
    story, wall = status["story_seconds"], status["frame_at"]
    assert isinstance(story, float | int) and isinstance(wall, float | int), status
    return wall - clock.real_between(timeline.day_start, story) / speed


def median_rss(samples: list[tuple[float, int]], start: float) -> float:
    """The median resident memory sampled from wall time `start` for WINDOW seconds."""
    window = [rss for wall, rss in samples if start <= wall <= start + WINDOW]
    assert len(window) >= WINDOW, f"only {len(window)} memory samples from {start}"
    return statistics.median(window)


def real_offset(clock: StoryClock, timeline: Timeline, story: float, speed: float) -> float:
    """Real seconds from the day start to a story time, at this speed."""
    return clock.real_between(timeline.day_start, story) / speed


def in_day_order(timeline: Timeline) -> list[str]:
    """The cues' names in the order they fire, from the day start."""
    return [c.name for c in sorted(timeline.cues, key=lambda c: (
        forward(timeline.day_start, c.at), c.index))]


def assert_each_day_once_in_order(found: list[str], day: list[str], opening: int) -> None:
    """`found` is `day` DAYS times, then the start of `day` again (at least `opening` of it)."""
    whole, after = found[:len(day) * DAYS], found[len(day) * DAYS:]
    assert sorted(whole) == sorted(day * DAYS), found
    assert after == day[:len(after)] and len(after) >= opening, found


@pytest.mark.slow
def test_two_days_at_high_speed(tmp_path: Path) -> None:
    background_mypy.start_if_wanted()  # beside the show, which leaves a core mostly idle
    config_path = write_config(tmp_path)
    config = load_config(config_path)
    timeline = load_timeline(config.timeline_path)
    clock = StoryClock(config.clock, timeline.day_start, timeline.pace)
    speed = config.clock.cycle_seconds / DAY_REAL_SECONDS
    # Play the days, then the next day's opening: the memory of day two's opening is compared
    # with day three's (the first day builds every scene and fills the sound cache).
    until = DAYS * DAY_REAL_SECONDS + WINDOW + 2.0
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYTHONPATH=str(ROOT), **STEADY_MALLOC)
    command = [sys.executable, "-m", "installation", "run", "--headless", "--config",
               str(config_path), "--at", format_clock(timeline.day_start), "--speed",
               f"{speed:.4f}", "--seconds", f"{until:.1f}"]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    status_path = tmp_path / "logs" / STATUS_FILE
    samples: list[tuple[float, int]] = []  # (wall time, resident KiB)
    day_one: float | None = None  # the wall time the first day began
    while process.poll() is None:
        rss = rss_kib(process.pid)
        if rss is not None:
            samples.append((time.time(), rss))
        if day_one is None and status_path.exists():
            day_one = first_frame_wall(json.loads(status_path.read_text()), clock, timeline,
                                       speed)
        time.sleep(0.5)
    _, stderr = process.communicate()
    assert process.returncode == 0, stderr.decode()

    log = (tmp_path / "logs" / "installation.log").read_text()
    print(log)  # shown when the test fails
    assert "Traceback" not in log and " ERROR " not in log
    # Each scene and cue once a day, in story order; the last day's opening as far as it went.
    def opening(times: list[float]) -> int:
        return sum(real_offset(clock, timeline, t, speed) < WINDOW for t in times)

    assert_each_day_once_in_order(SCENE_LINE.findall(log), [s.name for s in timeline.scenes],
                                  opening([s.at for s in timeline.scenes]))
    fired, day_cues = CUE_LINE.findall(log), in_day_order(timeline)
    assert_each_day_once_in_order(fired, day_cues, opening([c.at for c in timeline.cues]))
    assert fired[:len(day_cues)] == day_cues or len({c.at for c in timeline.cues}) < len(
        day_cues)  # cues at the same story time may fire in either order

    # A day later, at the same story times (the same scenes drawn, the same sounds cached),
    # resident memory must be the same: what a day leaves behind shows, the cache's content not.
    assert day_one is not None, "no status file while the show ran"
    second = median_rss(samples, day_one + DAY_REAL_SECONDS)
    third = median_rss(samples, day_one + 2 * DAY_REAL_SECONDS)
    growth = third / second - 1.0
    print(f"resident memory at the opening of day two {second / 1024:.0f} MiB, of day three "
          f"{third / 1024:.0f} MiB ({growth:+.1%})")
    assert growth < MAX_GROWTH, f"resident memory grew {growth:.1%} in a day"

    status = json.loads(status_path.read_text())
    # A starved machine (CI is shared) may stall SDL's audio thread past the loss limit: the
    # show then says so and takes the device back, which is right. Nothing else may warn.
    warnings = [w for w in status["warnings"] if w not in LOAD_WARNINGS]
    assert status["frames"] > 0 and status["mode"] == "play" and warnings == []
