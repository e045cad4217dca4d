"""People out in the night before the flash read as people: over the mall's lot at 04:50 a
runner lit by the searchlights is not outlined all round in white like a sticker."""

from __future__ import annotations

import numpy as np
import pygame
from day_config import shipped_program

from installation.core.clock import StoryClock
from installation.core.timeline import Timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figure_sprite import sprite_for
from installation.visuals.figures import Figures, Member
from installation.visuals.poses import pose
from installation.visuals.render import headless

SIZE = (1920, 1080)
OPAQUE = 200
FOOT = 1075  # feet above this row: the whole runner in the picture, shoes and all


def _day(at: str) -> tuple[Timeline, StoryClock, Scene, list[Figures]]:
    """The shipped day at its pace, the scene at `at` and its figures layers."""
    headless()
    program = shipped_program()
    line, clock = program.timeline, program.clock
    compositor = Compositor(line, SIZE, print, clock)
    scene = state_at(line, parse_clock(at), clock).scene
    return line, clock, scene, [Figures(spec.params, compositor.setup(scene, i, "figures"))
                                for i, spec in enumerate(scene.layers)
                                if spec.type == "figures"]


def _members(line: Timeline, clock: StoryClock, layer: Figures, story: float) -> list[Member]:
    state = state_at(line, story, clock)
    return layer.members(Frame(state.story_time, state.scene_seconds, state))


def test_a_runner_under_the_searchlights_is_lit_on_top_not_outlined_all_round() -> None:
    """The runner nearer the cars (from the right) was lit from the side: at 77 px tall his
    thin legs were lit through, a white outline all round. Lit from above by the searchlights,
    his legs are dark but for their top edges."""
    line, clock, _, layers = _day("04:51")
    (one,) = [layer for layer in layers if layer.params["rim_from"] == "above"
              and layer.params["path"][0][0] > 1.0]  # (in from the right; far ones lit so too)
    member = _members(line, clock, one, parse_clock("04:51"))[0]
    outfit = member.look.outfit
    assert outfit is not None
    body = pose("run", 0.3, outfit.stoop, outfit.cane, outfit.gait)
    sprite, _ = sprite_for(body, member.look, member.left)
    rgb = pygame.surfarray.array3d(sprite).astype(int)
    solid = pygame.surfarray.array_alpha(sprite) > OPAQUE
    legs = solid.copy()
    legs[:, : round(sprite.get_height() * 0.6)] = False  # the lower 40%: the legs
    lit = (rgb.sum(axis=2) > 3 * 90) & legs
    # (a quarter at most: in flight the leg behind reaches back from the hip, its shin's top
    # edge facing up into the light; lit all round, they were most of them)
    assert lit.sum() < 0.25 * legs.sum(), f"{lit.sum()} of {legs.sum()} leg pixels lit"
    assert np.any((rgb.sum(axis=2) > 3 * 90) & solid), "but lit somewhere (on top)"


def test_the_looters_nearest_the_visitor_run_with_their_feet_in_the_picture() -> None:
    """The nearest runner over the lot ran with his feet below the picture's foot, cut off
    at the knees (at 04:51, 700-760 across, from 997 down): every runner over the lot keeps
    the whole of themselves in it, a real second apart as he runs across."""
    line, clock, _, layers = _day("04:51")
    for second in range(0, 16, 3):
        story = story_after(clock, parse_clock("04:51"), float(second))
        for layer in layers:
            for member in _members(line, clock, layer, story):
                if 0 <= member.feet[0] <= SIZE[0]:
                    assert member.feet[1] < FOOT, f"feet at {member.feet} at {story}"
