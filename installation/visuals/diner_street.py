"""Wilshire seen through Johnnie's glass from inside: the far pavement, the road, the kerb and
the pavement lit by the diner; painted on the room, or (all but the pavement just outside the
glass) kept apart as a plane of its own."""

from __future__ import annotations

import math

import pygame

from installation.visuals.base import Color, Setup, mix, scaled
from installation.visuals.diner_booths import HORIZON, WALL_FOOT

STREET = (0.5, 0.508, 0.522, 0.526)  # the far pavement's edge, the road, the near kerb, its foot
ROAD = (30, 30, 36)
PAVEMENT = (92, 84, 80)
KERB = (150, 140, 128)
LANE = (170, 160, 120)  # the dashes down Wilshire
DASH = 0.03  # a lane dash's length, of the width (and as long again between)
SPILL = 0.7  # how much of the room's light falls on the pavement at the sill
# The joints between the pavement's slabs outside the glass: lines across it, from the kerb
# to the glass, towards the room's vanishing point (seen from inside), this far apart where
# the pavement meets the glass's low wall (of the width), this much darker than the slabs.
JOINT_SPACING, JOINT_SHADE = 0.1, 0.8


def paint_street(image: pygame.Surface, light: Color, left: int, right: int) -> None:
    """Wilshire outside, under the city's feet, from column `left` to `right`: the far
    pavement, the road with its lane dashes, the near kerb, and the pavement outside the glass
    lit by the diner's spill (`light`), brighter towards the sill (the people running past
    outside run on it)."""
    width, height = image.get_size()
    far, road, kerb, foot = (round(y * height) for y in STREET)
    image.fill((*PAVEMENT, 255), (left, far, right - left, road - far))
    image.fill((*ROAD, 255), (left, road, right - left, kerb - road))
    lane = (road + kerb) // 2
    dash = round(DASH * width)
    for x in range(left, right, 2 * dash):
        image.fill((*LANE, 255), (x, lane, min(dash, right - x), max(1, height // 540)))
    image.fill((*mix(KERB, light, 0.25), 255), (left, kerb, right - left, foot - kerb))
    bottom = round(WALL_FOOT * height)
    for y in range(foot, bottom):
        near = ((y - foot) / max(1, bottom - foot)) ** 0.7
        color = mix(scaled(PAVEMENT, 0.8), light, SPILL * near)
        image.fill((*scaled(color, 0.55 + 0.45 * near), 255), (left, y, right - left, 1))
    _joints(image, pygame.Rect(left, foot, right - left, bottom - foot))


def _joints(image: pygame.Surface, pavement: pygame.Rect) -> None:
    """The joints across the pavement (`pavement`: its columns and rows on `image`), drawn
    darker over its slabs: lines from the glass towards the vanishing point, smooth-edged."""
    width, height = image.get_size()
    vanish = (width / 2, HORIZON * height)
    reach = (pavement.bottom - vanish[1]) / max(1.0, pavement.top - vanish[1])  # kerb to wall
    spacing = JOINT_SPACING * width
    lines = pygame.Surface(pavement.size)
    lines.fill((255, 255, 255))
    shade = scaled((255, 255, 255), JOINT_SHADE)
    first = math.floor((vanish[0] - (vanish[0] - pavement.left) * reach) / spacing)
    last = math.ceil((vanish[0] + (pavement.right - vanish[0]) * reach) / spacing)
    for n in range(first, last + 1):
        foot = (n * spacing, pavement.bottom)
        top = (vanish[0] + (foot[0] - vanish[0]) / reach, pavement.top)
        pygame.draw.aaline(lines, shade, (top[0] - pavement.left, 0),
                           (foot[0] - pavement.left, pavement.height - 1))
    image.blit(lines, pavement, special_flags=pygame.BLEND_RGB_MULT)


def street_rows(size: tuple[int, int]) -> pygame.Rect:
    """The rows a street part shows, across a picture of `size`: the far pavement, the road and
    the kerb. The pavement nearer than the kerb, just outside the glass, stays the room's: as
    near as the glass, it sways with the room, and the people running along it with it (their
    feet planted on it, not sliding across it)."""
    width, height = size
    top = round(STREET[0] * height)
    return pygame.Rect(0, top, width, round(STREET[3] * height) - top)


def street_alone(outside: pygame.Surface) -> tuple[pygame.Surface, tuple[int, int]]:
    """The street part: the street's rows of `outside` (the night and the street as the room
    shows them, lit by its lamps), and where they go."""
    rows = street_rows(outside.get_size())
    return outside.subsurface(rows).copy(), rows.topleft


def clear_street(room: pygame.Surface, outside: pygame.Surface) -> None:
    """The room, where a street part of the scene draws the street: clear where the street
    shows through the glass, as it is in `outside` (the street part's plane shows there, and
    sways apart)."""
    rows = street_rows(room.get_size())
    kept = room.subsurface(rows)
    seen = pygame.surfarray.array2d(kept) == pygame.surfarray.array2d(outside.subsurface(rows))
    alpha = pygame.surfarray.pixels_alpha(kept)
    alpha[seen] = 0
    del alpha  # unlocks the room
    colors = pygame.surfarray.pixels3d(kept)
    colors[seen] = 0
    del colors


def street_apart(setup: Setup) -> bool:
    """Does the scene draw the street seen through the glass as a part of its own?"""
    return any(spec.type == "interior" and spec.params["part"] == "street"
               for spec in setup.scene.layers)
