"""The cue maker's thread: named for the system; at the show's priority for a cue due soon."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

import installation.audio.cue_sounds as cue_sounds_module
from installation.adapters.cue_maker import MAKER_NICE, CueMaker
from installation.core.timeline import Timeline
from installation.core.timeline.model import Cue
from installation.core.timeutil import parse_clock

from .conftest import FIXED_WALL, make_clock
from .test_live import Clocks, FakeDevice, playing_output

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux names")


def test_the_cue_maker_is_seen_by_its_name_while_it_makes_a_sound() -> None:
    """A busy machine's tools (top -H, the sound tests' hold report) tell the thread that
    makes a ring ahead from the worker and the picture: it was 'python' among them."""
    seen: list[str] = []
    done = threading.Event()

    def make(_cue: Cue) -> None:
        tid = threading.get_native_id()
        seen.append(Path(f"/proc/self/task/{tid}/comm").read_text().strip())
        done.set()

    maker = CueMaker(lambda cue, why: None)
    maker.start(Cue(0, 0.0, "sound", "ring", {"synth": "payphone"}), make)
    assert done.wait(5.0)
    assert seen == ["mm-cue-maker"]


@pytest.mark.parametrize(("at", "nicer"), [("15:45", 0), ("13:00", MAKER_NICE)])
def test_a_cue_due_so_soon_that_the_worker_will_wait_is_made_at_the_shows_priority(
    timeline: Timeline, monkeypatch: pytest.MonkeyPatch, at: str, nicer: int
) -> None:
    """On a loaded machine the payphone's ring, made at +5 beside the show, kept the worker
    waiting 8.25 s (the card ran dry). A cue due within what the worker keeps queued while
    one is made (7.5 s to the ring at 15:45, 3 s of it queued) is made at the show's
    priority; one further off (35 s at 13:00) at a lower one, as before."""
    niceness: list[int] = []
    show = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    def synth(name: str, rate: int) -> np.ndarray:
        assert threading.current_thread().name == "audio-cue-maker"  # (not the worker)
        niceness.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) - show)
        return np.zeros((2, 8), np.float32)

    monkeypatch.setattr(cue_sounds_module, "synth", synth)
    start = make_clock(timeline).wall_at(parse_clock(at), FIXED_WALL)
    output = playing_output(timeline, Clocks(), [], FakeDevice(), start=start)
    output._prepare()
    maker = output._maker._thread
    assert maker is not None
    maker.join(10.0)
    assert niceness == [nicer]
