"""The mother in the tar only goes down through the story day: she came back up out of it
overnight (at 14:30-17:00 only her crown, tusk and trunk showed, at 08:10 her whole head, eye
and back again)."""

from __future__ import annotations

from installation.core.timeline import Timeline

from .test_mammoth_head import shipped

DAY, HOUR = 24 * 3600, 3600.0
SLACK = 0.005  # of her height: a scene may find her this much shallower (a row or two)


def _depths(line: Timeline) -> list[tuple[str, float, float]]:
    """Each scene with her in the tar (not the dream's apparition), in story order from the
    day's start: its name, and how far she is sunk as it begins and as it ends."""
    out = []
    scenes = sorted(line.scenes, key=lambda s: (s.at - line.day_start) % DAY)
    for n, scene in enumerate(scenes):
        end = scenes[(n + 1) % len(scenes)].at
        hours = ((end - scene.at) % DAY) / HOUR
        for spec in scene.layers:
            params = spec.params
            if (
                spec.type == "silhouette"
                and params["shape"] == "mammoth"
                and params["sinking"] is not None
                and not params["ghost"]
                and params["sink"] > 0.1
            ):
                out.append((scene.name, params["sink"], params["sink"] + params["sinking"] * hours))
    return out


def test_her_depth_only_goes_one_way_through_the_day() -> None:
    depths = _depths(shipped())
    assert len(depths) >= 4, depths
    for (was, _, left), (now, found, _) in zip(depths, depths[1:], strict=False):
        assert found >= left - SLACK, f"{was} left her at {left:.3f}, {now} finds her at {found}"
