"""A finished build set aside from the cycle collector, as start-up is, so no full collection
walks it again in a frame."""

from __future__ import annotations

import gc


def set_aside(seen: bool = False) -> bool:
    """What is alive now (a scene just built ahead: its layers, their pictures and caches,
    which live as long as it does) set aside from the cycle collector for good (gc.freeze),
    as commands.common.start_collecting sets start-up's aside, if the process did that (the
    show, the bench; never a test that did not ask). The young generations are collected
    first, so no garbage of the moment is set aside with it.

    Python runs a full collection whenever the objects promoted since the last exceed a
    quarter of those it kept: with everything made since start-up not set aside, a scene's
    frames promoted that many every ~0.5 s and each full round walked ~20,000 objects, 7-10 ms
    in a frame, ~30 in a row while the next scene was built (collecting nothing). Set aside,
    a round walks only what was made since the last build. Safe because a day's building
    leaves nothing for the collector: a scene let go is freed by reference counting (its
    layers form no cycles, see Ahead), and a full collection after building a whole day, with
    everything unfrozen, found no garbage.

    `seen`: the caller has had its builds set aside before, so the process does this (the
    count of what is set aside is not asked again: it walks all of it, ~6 ns an object, 5-8 ms
    in a frame once a day's scenes were set aside). True if it set the build aside."""
    if gc.isenabled() and (seen or gc.get_freeze_count()):
        gc.collect(1)
        gc.freeze()
        return True
    return False
