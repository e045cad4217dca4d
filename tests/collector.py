"""The cycle collector switched off for a test (what it frees must go by reference counting), and
given back what a command run in the test process set aside from it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_off() -> Iterator[None]:
    """Within it the cycle collector does not run (on again after, if it was on before)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def given_back() -> None:
    """What a test set aside from the collector for good (gc.freeze) collectable again, as in a
    fresh process: the command line run in the test process (installation.__main__.main, as
    test_cli and test_frames run it) sets all that is alive aside as a show's start-up does
    (commands.common.start_collecting), and from then on every build a compositor finishes
    ahead is set aside too (visuals.set_aside: "if the process did that"), the compositor
    with it. Its cycle with its building ahead kept it, and every picture it held, until the
    worker ended: one worker of the suite grew to 7.15 GB."""
    if gc.get_freeze_count():
        gc.unfreeze()
