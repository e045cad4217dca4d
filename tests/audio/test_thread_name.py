"""The sound's worker is named for the system, so a busy machine's tools can tell it apart."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from installation.adapters.thread_name import name_thread

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux names")


def test_a_thread_named_is_seen_by_that_name_and_the_long_name_is_cut() -> None:
    seen: list[str] = []

    def named() -> None:
        assert name_thread("mm-audio-worker-of-the-show")
        tid = threading.get_native_id()
        seen.append(Path(f"/proc/self/task/{tid}/comm").read_text().strip())

    thread = threading.Thread(target=named)
    thread.start()
    thread.join()
    assert seen == ["mm-audio-worker"]
