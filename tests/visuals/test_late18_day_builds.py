"""The whole shipped day, at the show's pace, builds every next scene before it begins: the
building ahead's schedule replayed over the pieces a day's building took (see late18_replay)."""

from __future__ import annotations

from .late18_replay import replay_day

IDLE = 0.7  # the recorded pieces as an idle machine takes them: recorded under load (~5), the
# flash's build took 5.7 s where the idle bench's took 3.6-4 s


def test_every_scene_of_two_shipped_days_is_built_before_it_begins() -> None:
    """Two days from noon (the second with every build's size known from the first): no
    scene begins with its building unfinished (its first frame would build the rest: the
    flash's took 337 ms on ahead17's rules, a freeze at the climax)."""
    played = replay_day(days=2, scale=IDLE)
    assert played.unbuilt == []
    assert len(played.ahead_ms) > 10_000  # (the schedule built in its frames, not at the cuts)
