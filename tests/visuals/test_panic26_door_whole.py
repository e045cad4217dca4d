"""Panic in the diner, the rush (04:23:15-04:24:30): whoever runs out of the door is seen whole
as they go behind its far jamb, never a foot alone in the doorway. At 04:23:22.5 on main a
runner's legs were behind the low wall under the pane beside the door (she ran on along the
pavement behind it) while her trailing foot still showed in the doorway, its shin behind the
jamb: a foot without its body. Out of the door they are out on the pavement beyond that low
wall, seen through the pane down to their feet."""

from __future__ import annotations

import pygame

from installation.visuals.interior_room import DOOR, SILL
from installation.visuals.poses import MOVING

from .helpers import placed, shipped_crowd
from .test_diner_aftermath import RAN, SCENE, SIZE, frame_at, part

START, SECONDS, STEP = "04:23:15", 17.0, 0.1  # the rush, looked at every STEP real seconds
DUST = 12  # pixels: less than this of someone is not a part of them anyone sees
BAR = max(2, SIZE[0] // 300)  # the glass front's frame bar (the room's), pixels
NEAR_DOOR = (0.7, 0.95)  # of the width: runners whose feet are here are looked at


def _masks() -> tuple[pygame.mask.Mask, pygame.mask.Mask]:
    """What the wall part hides, and what of that is the low wall under the pane beside the
    door (right of the door's far jamb, below the pane's sill)."""
    surface = pygame.Surface(SIZE, pygame.SRCALPHA)
    surface.fill((0, 0, 0, 0))
    part("wall").draw(surface, frame_at(RAN))
    hidden = pygame.mask.from_surface(surface, 254)
    jamb = round(DOOR[1] * SIZE[0])
    below = pygame.mask.Mask(SIZE)
    sill = round(SILL * SIZE[1])
    below.draw(pygame.mask.Mask((SIZE[0] - jamb, SIZE[1] - sill), fill=True), (jamb, sill))
    return hidden, hidden.overlap_mask(below, (0, 0))


def test_no_foot_alone_in_the_doorway_its_runner_behind_the_low_wall() -> None:
    hidden, low_wall = _masks()
    doorway = pygame.mask.Mask(SIZE)
    jamb = round(DOOR[1] * SIZE[0]) - 2 * BAR
    doorway.draw(pygame.mask.Mask((jamb, SIZE[1]), fill=True), (0, 0))
    crowd = shipped_crowd(SCENE)
    alone, looked = [], 0
    for n in range(round(SECONDS / STEP)):
        frame = frame_at(START, n * STEP)
        for layer in crowd.layers:
            for member in layer.members(frame):
                if member.pose not in MOVING or not (
                        NEAR_DOOR[0] < member.feet[0] / SIZE[0] < NEAR_DOOR[1]):
                    continue
                sprite, at = placed(layer, member)
                body = pygame.mask.Mask(SIZE)
                body.draw(pygame.mask.from_surface(sprite), at)
                shown = body.overlap_mask(doorway, (0, 0))
                shown.erase(hidden, (0, 0))
                behind = body.overlap_area(low_wall, (0, 0))
                looked += 1
                if shown.count() > DUST and behind > DUST:
                    alone.append(f"{n * STEP:.1f} s after {START}: {shown.count()} px in the "
                                 f"doorway, {behind} px behind the low wall")
    assert looked, "runners were looked at by the door"
    assert not alone, "part of a runner in the doorway, the rest behind the low wall: " + \
        "; ".join(alone[:6])
