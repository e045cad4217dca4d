"""Cue sounds made ahead on a thread of their own, at a lower priority than the show's."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

from installation.adapters.thread_name import name_thread
from installation.audio.errors import BuildCancelled
from installation.core.timeline.model import Cue

# How much nicer (Linux) the maker is than the show: on a busy processor the threads that
# draw the picture and carry the sound to the card (SDL's, the sound server's) come first.
MAKER_NICE = 5
THREAD_NAME = "mm-cue-maker"  # as the system shows it (top -H, ps -L): beside 'mm-audio'

log = logging.getLogger("installation.audio")


def lower_priority(by: int) -> None:
    """Make the calling thread `by` nicer (Linux gives each thread its own); where that is
    not possible (another system, or refused) it carries on as it is."""
    try:
        thread = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, thread, os.getpriority(os.PRIO_PROCESS, thread) + by)
    except (AttributeError, OSError):
        pass


class CueMaker:
    """Makes one cue's sound at a time (up to seconds of synthesis) on a daemon thread, so
    the audio worker goes on feeding the card meanwhile. The making reports a cue that
    failed itself (CueSounds.failed); whatever escapes it here is told to `failed` too, the
    same one way to the operator, and the cue is not tried again here."""

    def __init__(self, failed: Callable[[Cue, str], None]) -> None:
        self.failed = failed  # told of a cue whose sound could not be made: (cue, why)
        self.gave_up: Cue | None = None
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        """Is a cue's sound being made (or about to be)?"""
        return self._thread is not None and self._thread.is_alive()

    def start(self, cue: Cue, make: Callable[[Cue], None], nice: int = MAKER_NICE) -> None:
        """Begin `make(cue)` on the maker's thread (not while it is busy), `nice` nicer than
        the show (0 for a cue due so soon that the worker will wait for it: on a loaded
        machine a ring made at +5 kept the worker waiting 8.25 s, its card silent)."""
        if self.busy:
            raise RuntimeError("the cue maker is still making a sound")
        self._thread = threading.Thread(target=self._run, args=(cue, make, nice),
                                        name="audio-cue-maker", daemon=True)
        self._thread.start()

    def _run(self, cue: Cue, make: Callable[[Cue], None], nice: int) -> None:
        """The thread: named, `nice` nicer, make the sound; a stop asked meanwhile ends it."""
        name_thread(THREAD_NAME)
        if nice:
            lower_priority(nice)
        try:
            make(cue)
        except BuildCancelled:
            log.debug("stopping: the sound of cue '%s' is not made", cue.name)
        except Exception as exc:  # noqa: BLE001 - a bug in a synth must not stop the show
            self.gave_up = cue
            self.failed(cue, f"its sound could not be made ({type(exc).__name__}: {exc})")
