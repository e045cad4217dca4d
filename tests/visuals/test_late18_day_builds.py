"""The whole shipped day, at the show's pace, builds every next scene before it begins: the
building ahead's schedule replayed over the pieces a day's building took (see late18_replay)."""

from __future__ import annotations

from .late18_replay import replay_day

IDLE = 0.7  # the recorded pieces as an idle machine takes them: recorded under load (~5), the
# flash's build took 5.7 s where the idle bench's took 3.6-4 s
LATE_SHARE = 0.05  # of a scene's frames, building ahead past the goal: more, its p95 is over
FLASH_LATE_SHARE = 0.11  # the flash's (see the test)


def test_every_scene_of_two_shipped_days_is_built_before_it_begins() -> None:
    """Two days from noon (the second with every build's size known from the first): no
    scene begins with its building unfinished (its first frame would build the rest: the
    flash's took 337 ms on ahead17's rules, a freeze at the climax)."""
    played = replay_day(days=2, scale=IDLE)
    assert played.unbuilt == []
    assert len(played.ahead_ms) > 10_000  # (the schedule built in its frames, not at the cuts)


def test_no_scene_of_the_shipped_day_builds_past_the_goal_in_more_than_5_percent_of_frames(
) -> None:
    """A scene's p95 is over the goal where more than 5% of its frames are: the payphone's
    were 9.4% (it built all of the Panic, 10,000 frames, hurried, as Johnie's frames, with
    room, had stalled on a piece guessed 3 ms) and Park La Brea's 7.7%. The flash's are left
    at most as they were (its ~1 ms of room a frame for Ash's build: 11.8%)."""
    shares = replay_day(days=2, scale=IDLE).late_share()
    flash = shares.pop("The flash")
    assert {name: share for name, share in shares.items() if share > LATE_SHARE} == {}
    assert flash <= FLASH_LATE_SHARE
