"""The far shore behind Harry and Julie (14:30-17:00): the park's visitors go their own ways,
not one evenly spaced file at one speed (four ~480 px apart read as a conveyor belt)."""

from __future__ import annotations

from pathlib import Path

from installation.core.timeline.loader import load_timeline
from installation.core.timeutil import parse_clock

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
FAR_SHORE = (0.46, 0.48)  # the far shore's rows (share of the height) that its walkers keep to


def test_the_far_shores_visitors_walk_both_ways_at_their_own_pace_and_some_stop() -> None:
    line = load_timeline(SHIPPED)
    (scene,) = [s for s in line.scenes if s.at == parse_clock("14:30")]
    far = [spec.params for spec in scene.layers if spec.type == "figures"
           and all(FAR_SHORE[0] <= y <= FAR_SHORE[1] for _, y in spec.params["path"])]
    walking = [p for p in far if p["speed"] > 0]
    assert len({p["speed"] for p in walking}) >= 3, "they walk at paces of their own"
    ways = {p["path"][1][0] > p["path"][0][0] for p in walking}
    assert ways == {True, False}, "some go each way"
    assert any(p["speed"] == 0 for p in far), "someone has stopped"
    assert all(p["count"] <= 2 for p in far), "no file of strangers evenly spaced"
