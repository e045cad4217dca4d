"""The calling thread's name as the system shows it (top -H, ps -L, /proc/<pid>/task/*/comm)."""

from __future__ import annotations

import ctypes
import sys

PR_SET_NAME = 15  # prctl(2)
NAME_BYTES = 15  # the kernel keeps this many (16 with the ending zero)


def name_thread(name: str) -> bool:
    """Give the calling thread `name` (cut to NAME_BYTES) for the system: Python's threads
    are all 'python' there, so a busy machine's tools could not tell the sound's worker from
    the picture. False where that is not possible (not Linux, or refused)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return False
    return prctl(PR_SET_NAME, name.encode("utf-8")[:NAME_BYTES], 0, 0, 0) == 0
