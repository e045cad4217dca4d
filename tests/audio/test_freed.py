"""What the sound leaves behind once it is let go: nothing, at once (not when the cycle
collector next runs, which in a long show may be half a day later, the buffers kept till then)."""

from __future__ import annotations

import weakref
from collections.abc import Callable

import pytest
from collector import collector_off

from installation.audio.mix import MasterBus
from installation.audio.part import Stems

from .test_music import PARTS, make

FULL_RATE = 48_000  # dark parts and the returns run at half or a quarter of it (halfrate.py)


def assert_freed_when_let_go(made: Callable[[], object], what: str) -> None:
    """The thing `made` returns, played and then let go, is freed with the collector off."""
    with collector_off():
        gone = weakref.ref(made())
        assert gone() is None, f"the {what} is kept alive by a loop of references"


@pytest.mark.parametrize("name", sorted(PARTS))
def test_a_part_let_go_is_freed_without_the_collector(name: str) -> None:
    def played() -> object:
        voice = make(name, FULL_RATE)
        voice.render(0, 4096)
        voice.render(FULL_RATE * 30, 4096)  # a jump: its source starts again from there
        return voice

    assert_freed_when_let_go(played, f"{name} part")


def test_the_master_bus_let_go_is_freed_without_the_collector() -> None:
    def played() -> object:
        bus = MasterBus(FULL_RATE)
        bus.process(Stems.silent(4096), 0.0)
        return bus

    assert_freed_when_let_go(played, "master bus")
