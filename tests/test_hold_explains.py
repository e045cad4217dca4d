"""What the sound tests' hold watcher takes to explain a gap in the live sound."""

from __future__ import annotations

import os
from pathlib import Path

import hold_watch
import pytest
from hold_watch import Hold, HoldWatch

SHOW = 4242  # the show's pid: its main thread's id too
BEFORE_S, SLACK_S = 3.0, 2.0  # as the sound tests ask (the server's 2 s and 1 s; the recorder)


def watch_with(*holds: Hold) -> HoldWatch:
    watch = HoldWatch(SHOW)
    watch.holds.extend(holds)
    return watch


def test_a_gap_inside_a_long_starved_stretch_is_explained_by_it() -> None:
    """At load 8 a thread on the sound's way was starved over 27 s of the run, merged into one
    stretch from 0.06 s: a 0.6 s gap 14 s in went unexplained (the stretch began too early)."""
    stretch = Hold(100.06, 127.06, "starved")
    watch = watch_with(stretch)
    assert watch.explaining(114.16, 0.6, BEFORE_S, SLACK_S) is stretch
    assert watch.explaining(126.5, 0.6, BEFORE_S, SLACK_S) is stretch  # (3 s before: ends in)


def test_a_stretch_explains_no_gap_longer_than_what_is_left_of_it_nor_after_it() -> None:
    stretch = Hold(100.0, 110.0, "starved")
    watch = watch_with(stretch)
    assert watch.explaining(108.0, 5.1, BEFORE_S, SLACK_S) is None  # 5 s left from 105
    assert watch.explaining(113.1, 0.1, BEFORE_S, SLACK_S) is None  # over 3 s before it
    assert watch.explaining(97.9, 0.1, BEFORE_S, SLACK_S) is None  # begun over 2 s after
    assert watch.explaining(97.0, 10.0, BEFORE_S, SLACK_S) is None  # longer than it


@pytest.mark.parametrize(("starved", "holds"), [(SHOW, 0), (SHOW + 1, 1)])
def test_the_show_s_picture_thread_waiting_for_a_processor_is_no_hold(
    monkeypatch: pytest.MonkeyPatch, starved: int, holds: int
) -> None:
    """The picture never idles: on a busy machine it always waits for a processor, and holds
    up no sound. Another thread of the show starved as long is a hold."""
    feed = iter(
        [{SHOW: 0.0, SHOW + 1: 0.0}]
        + [{SHOW: 0.0, SHOW + 1: 0.0, starved: t * 0.06} for t in range(1, 12)]
    )
    monkeypatch.setattr(hold_watch, "run_queue_waits", lambda pids: next(feed))
    watch, seen = HoldWatch(SHOW), list[tuple[float, dict[int, float]]]()
    for tick in range(12):
        seen = watch._look_for_starving(seen, 100.0 + tick / 10)
    assert len(watch.holds) == holds, watch.holds


def test_a_starved_stretch_names_its_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report says which thread starved (the show's sound thread, the server's...)."""
    server = os.getpid()  # this process stands in for the sound server, its main thread starved
    feed = iter([{server: 0.0}] + [{server: t * 0.06} for t in range(1, 12)])
    monkeypatch.setattr(hold_watch, "run_queue_waits", lambda pids: next(feed))
    watch, seen = HoldWatch(SHOW, (server,)), list[tuple[float, dict[int, float]]]()
    for tick in range(12):
        seen = watch._look_for_starving(seen, 100.0 + tick / 10)
    name = Path(f"/proc/{server}/comm").read_text().strip()
    assert [hold.who for hold in watch.holds] == [(f"server:{name}",)]
