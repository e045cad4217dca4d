"""The coyote on Johnie's lot at 05:12 stands clear of the car parked under the sign: wherever
it stops to look in or round, no part of it (its nose lifted to the glass) lies on the car."""

from __future__ import annotations

from pathlib import Path

import pygame

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import format_clock, parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.diner import Diner
from installation.visuals.figures import Figures
from installation.visuals.poses import MOVING
from installation.visuals.render import headless

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (960, 540)
STAYS = ("05:12:46", "05:14:27")  # from its first look in at the glass to its trotting off
DARK = 100  # the coyote drawn over white: darker than this is the coyote (or its rim's edge)


def test_where_the_coyote_stops_no_part_of_it_lies_on_the_parked_car() -> None:
    """Each story second it stands (its looks in at the glass and its stop in the light), the
    coyote drawn alone has no pixel inside the parked car's box: at 05:13:30, stopped under
    the car's front, its lifted nose lay on the front tyre."""
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, SIZE, print)
    scene = state_at(line, parse_clock(STAYS[0])).scene
    coyote, car = [], None
    for n, spec in enumerate(scene.layers):
        if spec.type == "figures":
            coyote.append(Figures(spec.params, compositor.setup(scene, n, "figures")))
        elif spec.type == "diner":
            car = Diner(spec.params, compositor.setup(scene, n, "diner")).car.box
    assert car is not None and coyote
    standing = 0
    for story in range(round(parse_clock(STAYS[0])), round(parse_clock(STAYS[1]))):
        state = state_at(line, story)
        frame = Frame(state.story_time, state.scene_seconds, state)
        members = [m for layer in coyote for m in layer.members(frame)]
        if not members or any(m.pose in MOVING for m in members):
            continue
        standing += 1
        picture = pygame.Surface(compositor.world)
        picture.fill((255, 255, 255))
        for layer in coyote:
            layer.draw(picture, frame)
        on_car = pygame.surfarray.array3d(picture)[car.left:car.right, car.top:car.bottom]
        touching = int((on_car.mean(axis=2) < DARK).sum())
        assert touching == 0, f"{format_clock(story)}: {touching} pixels of it on the car"
    assert standing > 40, f"it stands {standing} story seconds"
