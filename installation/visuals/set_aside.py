"""A finished build, and what outlived a full collection, set aside from the cycle collector, as
start-up is, so no full collection walks it again in a frame; and the sweep that walks it all."""

from __future__ import annotations

import gc
from typing import Any

FULL_ROUND = 2  # the generation of a full collection (gc.callbacks' info["generation"])
FULL_EVERY = 0  # gc.set_threshold's third: a full round may run once more middle rounds than
# this have run since the last; after each one, not each eleventh (FULL_EVERY_DEFAULT, Python's),
# a full round walks at most what one middle round kept (~7,000 objects), not ten's (the
# panic's one full round in 200 real s walked 20,581 objects, 30 blits, while Park La Brea was
# built ahead)
FULL_EVERY_DEFAULT = 10


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
    everything unfrozen, found no garbage; what it ever leaves the show's daily `sweep` frees.

    `seen`: the caller has had its builds set aside before, so the process does this (the
    count of what is set aside is not asked again: it walks all of it, ~6 ns an object, 5-8 ms
    in a frame once a day's scenes were set aside). True if it set the build aside."""
    if gc.isenabled() and (seen or gc.get_freeze_count()):
        gc.collect(1)
        gc.freeze()
        return True
    return False


def set_aside_survivors(phase: str, info: dict[str, Any]) -> None:
    """A gc.callbacks hook: what a full collection found alive is set aside (gc.freeze), so
    the next full round walks only what was kept since, not all of it again.

    Between two scenes built ahead (dusk is one scene for 90 story minutes) what the show
    kept after the last build was set aside (a scene's memos, its pixel views' capsules,
    modules imported late: 12,000-22,000 objects) stayed in the oldest generation, and every
    full round, one each ~40 real s, walked it all again: 15-35 blits of a frame's CPU (one
    full-frame blit ~0.3 ms), found nothing to free. Set aside as a round ends, the next one
    walks only what was kept since (Python runs one when that exceeds a quarter of what the
    last kept). What the show keeps forms no cycles, so whatever of it is let go later is
    freed by reference counting, set aside or not; a cycle it let go after all is kept until
    the show's daily `sweep`, not for the weeks it runs."""
    if phase == "stop" and info["generation"] == FULL_ROUND:
        gc.freeze()


def each_round_set_aside(on: bool) -> None:
    """Set aside what each full round finds alive from now on (`set_aside_survivors`: the
    show, the bench, whose frames are timed), a full round as often as FULL_EVERY allows; or
    no more (`on` False: the command is over, and a test that ran it in its process must not
    have its own objects set aside)."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_EVERY if on else FULL_EVERY_DEFAULT)
    hooked = set_aside_survivors in gc.callbacks
    if on and not hooked:
        gc.callbacks.append(set_aside_survivors)
    elif hooked and not on:
        gc.callbacks.remove(set_aside_survivors)


def set_aside_all() -> None:
    """Everything alive set aside (gc.freeze), then a full round over what is left (nothing,
    microseconds): Python runs a full round only once a quarter of what its last one found
    alive has been kept since, so after one over all the show holds (a sweep's, start-up's)
    the next waited for 20,000-50,000 kept objects and walked them all at once (the first
    full round after start-up walked 21,000: 15-35 blits)."""
    gc.freeze()
    gc.collect()


def sweep() -> int:
    """Everything set aside given back to the collector, collected in one full round, and what
    it found alive set aside again: a cycle the show let go after it was set aside (which no
    round walks) is freed. Walks all the show holds: tens of milliseconds, for a moment no
    visitor sees (see app.collecting). The objects it freed."""
    gc.unfreeze()
    freed = gc.collect()
    set_aside_all()
    return freed
