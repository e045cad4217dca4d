"""The sound tests' hold watcher: what it calls a starved thread, and what it does not."""

from __future__ import annotations

import os

import hold_watch
import pytest
from hold_watch import STARVED_S, HoldWatch, run_queue_waits


def readings(monkeypatch: pytest.MonkeyPatch, waits: list[dict[int, float]]) -> HoldWatch:
    """A watcher fed these run-queue readings, one per tick 0.1 s apart from t=100."""
    feed = iter(waits)
    monkeypatch.setattr(hold_watch, "run_queue_waits", lambda pids: next(feed))
    watch, seen = HoldWatch(1), list[tuple[float, dict[int, float]]]()
    for tick in range(len(waits)):
        seen = watch._look_for_starving(seen, 100.0 + tick / 10)
    return watch


def test_a_thread_kept_waiting_half_a_second_in_a_second_is_a_starved_hold(
        monkeypatch: pytest.MonkeyPatch) -> None:
    waits = [{7: 0.0, 8: 0.0}] + [{7: tick * 0.06, 8: 0.01} for tick in range(1, 12)]
    holds = readings(monkeypatch, waits).holds
    assert [hold.what for hold in holds] == ["starved"]  # merged into one
    assert holds[0].start == pytest.approx(100.0) and holds[0].end == pytest.approx(101.1)


def test_waits_shared_out_among_threads_or_short_are_no_hold(
        monkeypatch: pytest.MonkeyPatch) -> None:
    spread = [{7: tick * 0.03, 8: tick * 0.03} for tick in range(12)]  # 0.3 s each a second
    assert readings(monkeypatch, spread).holds == []
    short = [{7: 0.0}] * 5 + [{7: STARVED_S * 0.9}] * 10  # one jump under STARVED_S
    assert readings(monkeypatch, short).holds == []


def test_a_thread_that_comes_and_goes_is_not_counted_from_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    waits = [{7: 0.0}] + [{7: 0.0, 9: 5.0}] * 11  # thread 9 was born with a long wait
    assert readings(monkeypatch, waits).holds == []


def test_this_machine_tells_each_thread_s_run_queue_wait() -> None:
    waits = run_queue_waits((os.getpid(),))
    assert os.getpid() in waits and all(wait >= 0.0 for wait in waits.values())
