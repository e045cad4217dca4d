"""How long this process has been running, from the kernel's own record of its start."""

from __future__ import annotations

import os
import time
from pathlib import Path

STAT = Path("/proc/self/stat")
START_FIELD = 19  # starttime (field 22 of proc(5)), counted after the ')' closing the name


def process_age(stat: Path = STAT) -> float | None:
    """Seconds since this process was started (exec'd by the shell or by systemd), to the
    kernel's clock tick (10 ms): /proc's start time against the boot clock. None where there
    is no /proc (not Linux) or it cannot be read."""
    try:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        started = int(fields[START_FIELD]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None
    return max(0.0, time.clock_gettime(time.CLOCK_BOOTTIME) - started)
