"""Across Wilshire at first light (05:07): Harry and Julie, running against the dawn, are easy
to find. As they cross the middle of the picture each stands about a seventh of its height (on
a2f51b4f, a lane further off, 0.11 and 0.12: smaller than the strangers running near them)."""

from __future__ import annotations

from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock

from .helpers import shipped_crowd

SIZE = (1920, 1080)
DAWN = "Across Wilshire at first light"
STEP = 0.25  # real seconds between the moments looked at
RUN = 40.0  # real seconds looked at from when they set off (they cross in about 30)
TALL = 0.135  # of the picture's height: each of them at least this tall in its middle


def test_harry_and_julie_are_about_a_seventh_of_the_picture_tall_in_its_middle() -> None:
    crowd = shipped_crowd(DAWN, SIZE)
    pair = [runner for runner in crowd.layers if runner.params["body"] in ("harry", "julie")]
    assert len(pair) == 2, "Harry and Julie run in the scene"
    start = pair[0].params["from"]
    assert start == parse_clock("05:07")
    heights: dict[str, float] = {}
    for n in range(int(RUN / STEP)):
        frame = crowd.frame(story_after(crowd.program.clock, start, n * STEP))
        for runner in pair:
            (member,) = runner.members(frame)
            name = runner.params["body"]
            if name not in heights and member.feet[0] <= SIZE[0] / 2:
                heights[name] = member.look.height * member.share / SIZE[1]
    assert set(heights) == {"harry", "julie"}, "both cross the middle of the picture"
    assert all(tall >= TALL for tall in heights.values()), heights
