"""The places' long sounds (a diner's crowd, wind, far rumbles) sound like what they are."""

from __future__ import annotations

from installation.audio.engine import ScoreEngine
from installation.core.timeline import parse_timeline
from installation.core.timeutil import parse_clock

from .conftest import FIXED_WALL, RATE, SCORE, make_clock, make_program


def test_overlapping_cues_both_play_to_their_end() -> None:
    """The window breaks while the phone still rings (as the glass breaks in the murmur)."""
    glass = '\n[[cue]]\nat = "16:35"\ntype = "sound"\nsynth = "glass"\nlevel = 0.7\n'
    timeline = parse_timeline(SCORE + glass, "two.toml")
    engine = ScoreEngine(make_program(timeline), RATE, lambda m: None, FIXED_WALL)
    engine.seek(make_clock(timeline).wall_at(parse_clock("16:29:55"), FIXED_WALL))
    engine.render(RATE * 5)  # the glass (2.5 s) ends inside the ring (15 s)
    assert len(engine._shots) == 1
