"""Run by the soak's show at start-up (its PYTHONPATH leads here): samples what the show holds.

Resident memory counts the heap's free holes too: how many a day leaves depends on the order
things were made and let go in, which a loaded machine shuffles (its days two and three held
the same, 203 and 212 MiB, while the heap grew 334 to 438 MiB round its holes: resident +16%).
What malloc has handed out and not had back, and Python's objects, are what a leak raises."""

from __future__ import annotations

import ctypes
import os
import sys
import threading
import time
from collections.abc import Callable

SAMPLES = os.environ.get("MM_SOAK_HELD")  # the file the samples are written to
LEAK = os.environ.get("MM_SOAK_LEAK_KIB")  # a deliberate leak, KiB a second kept for good: the
# soak must fail with it (MM_SOAK_LEAK_KIB=256 pytest -n 0 tests/test_soak.py: ~16 MB a day)
LEAK_PIECE = 1024  # bytes a piece of the leak
EVERY_S = 0.5  # as often as the harness reads resident memory
FIELDS = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
          "fordblks", "keepcost")


class MallInfo2(ctypes.Structure):
    """glibc's struct mallinfo2 (2.33 on): over every arena, in bytes."""

    _fields_ = [(name, ctypes.c_size_t) for name in FIELDS]


def held(mallinfo2: Callable[[], MallInfo2]) -> tuple[int, int]:
    """Bytes malloc has handed out (its heaps' and its own mappings') and Python's objects."""
    info = mallinfo2()
    return info.uordblks + info.hblkhd, sys.getallocatedblocks()


def sample(path: str) -> None:
    """Append `wall time, bytes held, Python objects` every EVERY_S, until the show ends."""
    mallinfo2 = ctypes.CDLL(None).mallinfo2  # (glibc's: the show runs on Linux)
    mallinfo2.restype = MallInfo2
    with open(path, "a") as out:
        while True:
            in_use, objects = held(mallinfo2)
            out.write(f"{time.time():.3f} {in_use} {objects}\n")
            out.flush()
            time.sleep(EVERY_S)


def leak(kib_a_second: int) -> None:
    """Keep `kib_a_second` KiB more every second, until the show ends (LEAK)."""
    kept: list[bytearray] = []
    while True:
        kept.extend(bytearray(LEAK_PIECE) for _ in range(kib_a_second * 1024 // LEAK_PIECE))
        time.sleep(1.0)


if SAMPLES:
    threading.Thread(target=sample, args=(SAMPLES,), name="soak-held", daemon=True).start()
if LEAK:
    threading.Thread(target=leak, args=(int(LEAK),), name="soak-leak", daemon=True).start()
