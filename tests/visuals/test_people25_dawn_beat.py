"""Running against the dawn, Harry and Julie are on the picture together long enough that a
visitor who looks away for a moment does not miss them (about 16 real s was short: review
24 #2), he still stopping and turning back to her with his hand out."""

from __future__ import annotations

from installation.core.timeutil import parse_clock

from .helpers import shipped_crowd

SIZE = (480, 270)  # (small: only where they are is read)
SCENE = "Across Wilshire at first light"
START = "05:05:00"
STEPS = 4  # looked at this many times a story second
STORY_SECONDS = 80
TOGETHER = 19.0  # real seconds both on the picture, at least


def test_harry_and_julie_are_on_the_picture_for_19_real_seconds() -> None:
    crowd = shipped_crowd(SCENE, SIZE)
    together, reached, before = 0.0, False, None
    for k in range(STORY_SECONDS * STEPS):
        frame = crowd.frame(parse_clock(START) + k / STEPS)
        people = {one.params["body"]: member for one in crowd.layers
                  if one.params["body"] in ("harry", "julie") for member in one.members(frame)}
        both = all(who in people and 0 <= people[who].feet[0] <= SIZE[0]
                   for who in ("harry", "julie"))
        if before is not None and before[1]:
            together += frame.seconds - before[0]
        reached |= both and people["harry"].pose == "reach" and not people["harry"].left
        before = (frame.seconds, both)
    assert together >= TOGETHER, f"on the picture together {together:.1f} real s"
    assert reached, "he never turns back to her, his hand out"
