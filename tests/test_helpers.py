"""The shared small helpers: one seed hash, warn once, a bounded cache that forgets the oldest."""

from __future__ import annotations

import subprocess
import sys

import pytest

from installation.core.cache import Bounded
from installation.core.seed import stable_seed
from installation.core.warnings import WarnOnce
from installation.visuals import base


def test_the_seed_is_the_same_in_another_process() -> None:
    code = "from installation.core.seed import stable_seed; print(stable_seed(7, 'sky', 2))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"PYTHONHASHSEED": "123", "PYTHONPATH": sys.path[0]})
    assert int(out.stdout) == stable_seed(7, "sky", 2)


def test_the_seed_tells_its_parts_apart_and_visuals_use_the_same_function() -> None:
    assert stable_seed(1, 2) != stable_seed(12)
    assert stable_seed(1, 2) != stable_seed(2, 1)
    assert 0 <= stable_seed("a") < 2**32
    assert base.stable_seed is stable_seed


def test_a_warning_is_passed_on_once_per_distinct_message() -> None:
    told: list[str] = []
    warn = WarnOnce(told.append)
    for message in ["no font", "no font", "no sound", "no font"]:
        warn(message)
    assert told == ["no font", "no sound"]
    assert warn.told("no sound") and not warn.told("no picture")


def test_warn_once_remembers_a_bounded_number_of_messages() -> None:
    told: list[str] = []
    warn = WarnOnce(told.append, limit=2)
    for message in ["a", "b", "c", "a"]:
        warn(message)
    assert told == ["a", "b", "c", "a"]  # 'a' was forgotten to make room for 'c'


def test_the_bounded_cache_forgets_the_entry_used_longest_ago() -> None:
    dropped: list[str] = []
    cache: Bounded[str, str] = Bounded(2, on_evict=dropped.append)
    cache.put("dawn", "amber")
    cache.put("noon", "blue")
    assert cache.get("dawn") == "amber"  # now the newest
    cache.put("dusk", "orange")
    assert "noon" not in cache and list(cache) == ["dawn", "dusk"]
    assert dropped == ["blue"]
    assert cache.get_or_make("night", lambda: "black") == "black"
    assert cache.get_or_make("night", lambda: "wrong") == "black"
    assert cache.pop_oldest() == "orange" and len(cache) == 1


def test_a_bounded_cache_holds_at_least_one_entry() -> None:
    with pytest.raises(ValueError, match="at least one entry; got 0"):
        Bounded(0)
