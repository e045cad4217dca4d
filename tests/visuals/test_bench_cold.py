"""`bench --cold`: the show started at a story time with nothing built ahead, its frames timed
up to the next moment whose look changes most (the panic's pane) and 10 s after it."""

from __future__ import annotations

from itertools import count

from installation.commands.common import RENDER_REFERENCE
from installation.core.config import DEFAULT_CONFIG, load_config
from installation.core.program import Program
from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock
from installation.visuals.bench_cold import cold_start, cold_table

from .helpers import SHIPPED


def test_a_cold_start_is_timed_to_the_pane_and_ten_seconds_on() -> None:
    program = Program(load_config(DEFAULT_CONFIG), load_timeline(SHIPPED))
    ticks = count()
    result = cold_start(program, (160, 90), parse_clock("04:22:58"), RENDER_REFERENCE,
                        lambda: next(ticks) / 1000.0)  # each frame takes 1 ms by this clock
    assert result.moment == parse_clock("04:23") and result.keys == ("broken",)
    lead = program.real_between(parse_clock("04:22:58"), parse_clock("04:23"))
    assert len(result.before) == int(lead * 60) - 1  # (the first frame apart)
    assert len(result.after) == 601  # 10 real seconds at 60 fps, the moment's frame first
    assert "10 s from 04:23:00 (broken)" in cold_table(result, "test")
