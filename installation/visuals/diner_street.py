"""Wilshire seen through Johnnie's glass from inside: the far pavement, the road, the kerb and
the pavement lit by the diner; painted on the room, or kept apart as a plane of its own."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, Setup, mix, scaled
from installation.visuals.diner_booths import WALL_FOOT

STREET = (0.5, 0.508, 0.522, 0.526)  # the far pavement's edge, the road, the near kerb, its foot
ROAD = (30, 30, 36)
PAVEMENT = (92, 84, 80)
KERB = (150, 140, 128)
LANE = (170, 160, 120)  # the dashes down Wilshire
DASH = 0.03  # a lane dash's length, of the width (and as long again between)
SPILL = 0.7  # how much of the room's light falls on the pavement at the sill


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


def street_rows(size: tuple[int, int]) -> pygame.Rect:
    """The rows the street is seen in through the glass, across a picture of `size`."""
    width, height = size
    top = round(STREET[0] * height)
    return pygame.Rect(0, top, width, round(WALL_FOOT * height) - top)


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
