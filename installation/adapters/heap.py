"""The C heap kept for reuse: memory a scene let go is handed to the next scene's pictures."""

from __future__ import annotations

import ctypes

# glibc's mallopt parameters (malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
KEPT_FREE_BYTES = 1 << 30  # free memory at the heap's top kept, not given back to the system
MAPPED_FROM_BYTES = 1 << 25  # blocks this large or larger (32 MB: a 3840x2160 frame, 33 MB)
# are mapped apart and given back when freed; smaller ones, a 1920x1080 frame's 8 MB among
# them, come from the heap


def keep_freed_memory() -> bool:
    """Ask the C library's malloc to keep the memory freed pictures held for the next ones.

    A new full-size surface takes ~4-5 ms of first touches (page faults) of fresh memory:
    one piece of a scene's building ahead each (the sky's, the skyline's, Park La Brea's),
    several a frame over the goal while the panic built Park La Brea. glibc gives freed
    memory back to the system (blocks of 8 MB are mapped apart at first, later the heap's
    top is trimmed), so each came from fresh pages; kept, the next scene's surfaces reuse
    what the scene let go before it freed (~0.5 ms each). The show's pictures repeat
    every day, so the heap stays at the day's peak. True if the C library took the
    settings (False without glibc: nothing changes)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt  # (the C library the interpreter runs on)
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_TRIM_THRESHOLD, KEPT_FREE_BYTES)
                and mallopt(M_MMAP_THRESHOLD, MAPPED_FROM_BYTES))
