"""Panic in the diner, 04:21:30: the five arguing on their stools are the people who then get
up. Each arguer is seen again after the news, the same person in the same clothes (one still
on her stool, one staying on his, three up and standing about the room), and nobody appears
in the room from nothing between the argument and the pane breaking: whoever is seen was
seen a moment before close by, or walks in from the picture's edge."""

from __future__ import annotations

import math
from collections.abc import Iterator

from installation.core.timeline import Timeline, state_at
from installation.core.timeline.state import Pace
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures, Member

from .test_figure_runners import shipped_rush

SEATED_AT, STANDING_AT = "04:21:20", "04:22:10"  # arguing; after they have got up
SPAN = ("04:21:20", "04:22:58")  # looked at, every STEP story seconds (~0.11 real s)
STEP = 0.5
NEAR = 0.05  # of the width: where someone seen was a moment before, at most
EDGE = 0.02  # of the width: walking in past the picture's side


def _room() -> tuple[Timeline, Pace, list[Figures]]:
    """The shipped day, its pace, and every figures layer of the diner's panic."""
    line, clock, _ = shipped_rush()  # (the shipped day at its pace, headless)
    compositor = Compositor(line, (1920, 1080), print, clock)
    scene = state_at(line, parse_clock(SEATED_AT), clock).scene
    return line, clock, [Figures(spec.params, compositor.setup(scene, i, "figures"))
                         for i, spec in enumerate(scene.layers) if spec.type == "figures"]


LINE, CLOCK, LAYERS = _room()


def _people(story: float) -> Iterator[tuple[Figures, Member]]:
    state = state_at(LINE, story, CLOCK)
    frame = Frame(state.story_time, state.scene_seconds, state)
    for layer in LAYERS:
        for member in layer.members(frame):
            yield layer, member


def _who(member: Member) -> tuple[object, object]:
    return member.look.outfit, member.look.clothes


def test_each_arguer_is_seen_again_after_the_news() -> None:
    seated = [m for layer, m in _people(parse_clock(SEATED_AT))
              if layer.params["pose"] == "argue"]
    assert len(seated) == 5, "five argue at the counter"
    later = {_who(m) for _, m in _people(parse_clock(STANDING_AT))}
    missing = [m.look.clothes for m in seated if _who(m) not in later]
    assert not missing, f"arguers in {missing} are gone at {STANDING_AT}, others in their place"


def test_three_of_them_are_standing_behind_their_stools() -> None:
    seated = {_who(m): m.feet for layer, m in _people(parse_clock(SEATED_AT))
              if layer.params["pose"] == "argue"}
    up = [m for layer, m in _people(parse_clock(STANDING_AT))
          if _who(m) in seated and layer.params["pose"] not in ("argue", "stay")]
    assert len(up) >= 3, f"{len(up)} of the arguers are up"
    for m in up:  # (behind the counter, further off than their stool)
        assert m.feet[1] < seated[_who(m)][1] - 10, m.look.clothes


def test_nobody_appears_in_the_room_from_nothing() -> None:
    story, end = parse_clock(SPAN[0]), parse_clock(SPAN[1])
    before = list(_people(story))
    while story < end:
        story += STEP
        now = list(_people(story))
        for layer, m in now:
            x = m.feet[0] / layer.width
            if x < EDGE or x > 1 - EDGE:
                continue
            near = [math.dist(m.feet, b.feet) for _, b in before if _who(b) == _who(m)]
            assert near and min(near) <= NEAR * layer.width, (
                f"{m.look.clothes} appears at x {x:.2f} from nothing at story {story:.1f}")
        before = now
