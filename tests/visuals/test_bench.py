"""The bench's table: each scene against the goal and against one full-frame blit."""

from __future__ import annotations

from installation.visuals.bench import SceneTiming, table


def test_the_table_names_the_scenes_that_miss_the_goal_and_counts_blits() -> None:
    calm = SceneTiming("Dawn", steady=(3.0,) * 20, transition=(), first_ms=4.0, blit_ms=1.0)
    busy = SceneTiming("Neon", steady=(3.0,) * 19 + (12.0,), transition=(9.0,), first_ms=4.0,
                       blit_ms=1.5)
    text = table([calm, busy], "1920x1080")
    rows = {line.split()[0]: line.split() for line in text.splitlines()[2:4]}
    assert rows["Dawn"][2:5] == ["3.00", "0.18", "3.0"]  # p95, share of 16.7 ms, blits
    assert rows["Neon"][2:5] == ["9.00", "0.54", "6.0"]  # the first frame and fade count too
    assert ("goal: every p95 (first frame and transition included) at most 0.5 x 16.7 = "
            "8.33 ms: missed by 1: Neon") in text
    assert "one opaque full-frame blit: 1.25 ms" in text
