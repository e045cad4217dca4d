"""Across Wilshire at first light (05:05-05:12): Harry and Julie, running against the dawn, are
easy to find. The scene opens on them: they cross the middle of the picture within its first 10
real seconds (on a2f51b4f they set off 38 s in, after half a minute of far-off figures), each
about a seventh of its height there (on a2f51b4f, a lane further off, 0.11 and 0.12: smaller
than the strangers running near them)."""

from __future__ import annotations

from installation.core.timeline.state import story_after

from .helpers import shipped_crowd

SIZE = (1920, 1080)
DAWN = "Across Wilshire at first light"
STEP = 0.25  # real seconds between the moments looked at
OPENING = 10.0  # real seconds from the cut: both come this far into the picture within them
INTO = 0.7  # of its width from the left: where he stops, right of its middle, turns back to
#             her and she comes up behind him (they run on across its middle together)
TALL = 0.135  # of the picture's height: each of them at least this tall in its middle


def test_the_run_opens_on_harry_and_julie_a_seventh_of_the_picture_tall() -> None:
    crowd = shipped_crowd(DAWN, SIZE)
    pair = [runner for runner in crowd.layers if runner.params["body"] in ("harry", "julie")]
    assert {runner.params["body"] for runner in pair} == {"harry", "julie"}, "they run in it"
    heights: dict[str, float] = {}
    for n in range(int(OPENING / STEP) + 1):
        frame = crowd.frame(story_after(crowd.program.clock, crowd.scene.at, n * STEP))
        for runner in pair:
            name = runner.params["body"]
            for member in runner.members(frame):  # (none before they set off)
                if name not in heights and member.feet[0] <= SIZE[0] * INTO:
                    heights[name] = member.look.height * member.share / SIZE[1]
    assert set(heights) == {"harry", "julie"}, "both well into it in its first 10 s"
    assert all(tall >= TALL for tall in heights.values()), heights
