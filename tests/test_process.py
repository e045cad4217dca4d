"""The process's age, which the show logs when its first frame is up (issue 8: start-up)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from installation.adapters.process import START_FIELD, process_age


def fake_stat(tmp_path: Path, started: int, name: str = "python3") -> Path:
    """A /proc/self/stat whose start time (in clock ticks since boot) is `started`."""
    after_name = ["S"] + ["0"] * (START_FIELD - 1) + [str(started), "0", "0"]
    stat = tmp_path / "stat"
    stat.write_text(f"4242 ({name}) " + " ".join(after_name) + "\n")
    return stat


def test_the_age_counts_from_the_start_the_kernel_recorded(tmp_path: Path) -> None:
    ticks = os.sysconf("SC_CLK_TCK")
    ten_ago = int((time.clock_gettime(time.CLOCK_BOOTTIME) - 10.0) * ticks)
    age = process_age(fake_stat(tmp_path, ten_ago, name="odd) name ("))  # a name with ')'
    assert age is not None and 10.0 <= age < 10.0 + 600.0  # however slow the machine


def test_no_proc_no_age(tmp_path: Path) -> None:
    assert process_age(tmp_path / "missing") is None
    (tmp_path / "garbled").write_text("4242 (python3) S 1 2")
    assert process_age(tmp_path / "garbled") is None


def test_this_process_has_an_age() -> None:
    age = process_age()
    assert age is not None and age > 0.0
