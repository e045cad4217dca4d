"""The cue maker's thread is named for the system, beside the sound's worker."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from installation.adapters.cue_maker import CueMaker
from installation.core.timeline.model import Cue

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

    maker = CueMaker(lambda why: None)
    maker.start(Cue(0, 0.0, "sound", "ring", {"synth": "payphone"}), make)
    assert done.wait(5.0)
    assert seen == ["mm-cue-maker"]
