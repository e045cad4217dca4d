"""Johnnie's glass doors by the stone wall: shut, a pane like the others, or standing open on
the room inside, lit as the glass beside it and a little brighter with no glass between (dark
when the diner is: an abandoned diner a coyote could walk into)."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, scaled

DOOR_TALL = 0.78  # the doorway's height, as a share of the glass's (a patron stands 0.72 of it;
#                   the pendant lamps hang just over it)
ENTRY_LIGHT = (0.36, 0.08)  # the entry inside a dark diner: shares of the room's light at the
#                             head of the doorway, and down at its floor
NO_GLASS = 0.1  # a lit room seen through the open doorway, with no glass between: this share
#                 of its light added (drawn dark there, it read as a hole beside lit windows)
SWUNG = 0.34  # a leaf swung out towards us, nearly edge-on: its width across the picture, as
#               a share of its width shut
RISE = 0.04  # its outer edge, nearer us, reaches this share of the doorway's height further
#              up and down (onto the pavement) than its hinge
LEAF_GLASS, LEAF_ALPHA = 0.32, 215  # a leaf's glass, catching the room's light from the side:
#                                     this share of it; its opacity
PUSH_BAR = 0.45  # the chrome bar across each leaf, at this share of the doorway's height
CHROME = (150, 158, 166)


def doorway(image: pygame.Surface, pane: tuple[int, int], floor: int, glass_height: int,
            frame: Color, mullion: int, inside: Color, lit: bool) -> pygame.Rect:
    """Open the pane between columns `pane` of the building's `image` into a doorway from
    `floor` up, a head bar across the pane over it: a `lit` room shows through it as drawn
    behind the glass (its counter's end, a stool), a little brighter; a dark one's entry is
    dark, lit a little from the room at its head. Where the doorway is in the image."""
    tall = round(glass_height * DOOR_TALL)
    door = pygame.Rect(pane[0], floor - tall, pane[1] - pane[0], tall)
    image.fill((*frame, 255), (door.left, door.top - mullion, door.width, mullion))
    if lit:
        image.fill(scaled(inside, NO_GLASS), door, special_flags=pygame.BLEND_RGB_ADD)
        return door
    for row in range(door.height):
        share = ENTRY_LIGHT[0] + (ENTRY_LIGHT[1] - ENTRY_LIGHT[0]) * row / max(1, tall - 1)
        image.fill((*scaled(inside, share), 255), (door.left, door.top + row, door.width, 1))
    return door


def open_leaves(door: pygame.Rect, frame: Color, mullion: int,
                inside: Color) -> tuple[pygame.Surface, tuple[int, int]]:
    """The two glass leaves of `door` (where it is in the picture) swung out to either side,
    seen nearly edge-on in their frames, their outer edges nearer (longer, onto the pavement);
    the picture of them, and where it goes."""
    wide = max(3, round(door.width / 2 * SWUNG))
    rise = max(1, round(door.height * RISE))
    image = pygame.Surface((door.width + 2 * wide + 2, door.height + 2 * rise + 2),
                           pygame.SRCALPHA)
    at = (door.left - wide - 1, door.top - rise - 1)
    top, bottom = door.top - at[1], door.bottom - at[1]
    glass = (*scaled(inside, LEAF_GLASS), LEAF_ALPHA)
    for hinge, outer in ((door.left, door.left - wide), (door.right, door.right + wide)):
        hinge, outer = hinge - at[0], outer - at[0]
        leaf = [(hinge, top), (outer, top - rise), (outer, bottom + rise), (hinge, bottom)]
        pygame.draw.polygon(image, glass, leaf)
        pygame.draw.polygon(image, (*frame, 255), leaf, mullion)
        bar = (bottom - PUSH_BAR * door.height,
               bottom + rise - PUSH_BAR * (door.height + 2 * rise))
        pygame.draw.line(image, (*CHROME, 255), (hinge, bar[0]), (outer, bar[1]),
                         max(1, mullion // 2))
    return image, at
