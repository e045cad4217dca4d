"""The dream's mother breathes: between her spells of straining her head and trunk heave a
little and settle, every few real seconds (she stood stock still for half a minute at a time:
03:20-03:48 read as a still picture)."""

from __future__ import annotations

from .test_mammoth_head import mother

STILL_MOST = 3.0  # real seconds: she holds one pose no longer (main: 32 s)
SCENE_SECONDS = 132  # the dream's length at the shipped pace, real seconds
CHANGED_LEAST = 40  # rows of her picture a breath changes, at least


def test_the_dream_mother_is_never_still_for_long() -> None:
    her = mother("Dream")
    assert her.lift is not None
    poses = [her.lift.pose(step / 10) for step in range(SCENE_SECONDS * 10)]
    longest = run = 1
    for before, now in zip(poses, poses[1:], strict=False):
        run = run + 1 if now == before else 1
        longest = max(longest, run)
    assert longest / 10 < STILL_MOST, f"still for {longest / 10:.1f} s"
    assert her.lift.front.height >= CHANGED_LEAST, her.lift.front
