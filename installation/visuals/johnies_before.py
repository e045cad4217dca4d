"""Johnie's as it stood the moment before the flash, seen from the ruins' boulevard where
wilshire.py stands it broken, for the flash to burn in: its stone wall and glass front under
the roof's rising wing, its pylon, the blade with the script on it and the COFFEE SHOP board
under it, as a negative (white, its panes, the signs' rims, bulbs and letters dark) and as a
silhouette (solid, light through its glass)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from installation.visuals.burnt_sign import board_top, lettered_blade, lettered_board, sign_height
from installation.visuals.diner_signs import SPIKE, Enamel
from installation.visuals.palette import WHITE
from installation.visuals.wilshire import (
    BOARD_WIDE,
    FASCIA,
    GLASS_TOP,
    JOHNNIES_X,
    JOHNNIES_Z,
    MULLIONS,
    PYLON_AT,
    PYLON_TALL,
    ROOF_HIGH,
    ROOF_LOW,
    SIGN,
    SIGN_FONT,
    STONE_SHARE,
)
from installation.visuals.wreckage import Projection

BLACK = (0, 0, 0)
LINE = (70, 70, 70)  # the blade's rim, bulbs and letters in the negative: dark, not holes
BLADE_OFF = 0.06  # the blade hangs right of its post by this share of its width (as at 03:50)
OVERHANG = 0.03  # the roof reaches past the front at either end, of the front's length
Fonts = Callable[[str, int], pygame.font.Font]  # a shipped font by name, at a size
Burnt = tuple[pygame.Surface, pygame.Surface, tuple[int, int]]  # negative, silhouette, where


def johnnies_whole(place: Projection, font: Fonts, edge: int) -> Burnt:
    """The coffee shop whole at its corner (`place`: where a point of the boulevard lies in
    the picture; its parts parted by dark edges `edge` wide in the negative): its negative,
    its silhouette, and where both go in the picture."""
    left, right = JOHNNIES_X
    unit = place(1.0, JOHNNIES_Z)[0] - place(0.0, JOHNNIES_Z)[0]  # pixels a road half width
    width = round(BOARD_WIDE * unit)
    post = place(left + (right - left) * PYLON_AT, JOHNNIES_Z, PYLON_TALL)
    corner = (place(left - OVERHANG, JOHNNIES_Z)[0] - edge, post[1] - edge)
    foot = place(right + OVERHANG, JOHNNIES_Z)
    size = (max(foot[0], post[0] + width) + edge - corner[0], foot[1] + edge + 1 - corner[1])
    shapes = []
    for detail in (True, False):
        image = pygame.Surface(size, pygame.SRCALPHA)
        _front(image, _along(place, corner), edge if detail else 0)
        _pylon(image, _along(place, corner), (font, width), edge if detail else 0)
        shapes.append(image)
    return shapes[0], shapes[1], corner


def _along(place: Projection, corner: tuple[int, int]) -> Callable[[float, float],
                                                                    tuple[int, int]]:
    """A point of the front (share along it, world units up) on a picture at `corner`."""
    left, right = JOHNNIES_X

    def along(share: float, up: float = 0.0) -> tuple[int, int]:
        x, y = place(left + (right - left) * share, JOHNNIES_Z, up)
        return x - corner[0], y - corner[1]

    return along


def _roof(share: float) -> float:
    """The roof's underside above a point of the front (it rises to the right)."""
    return ROOF_LOW + (ROOF_HIGH - ROOF_LOW) * share


def _front(image: pygame.Surface, along: Callable[[float, float], tuple[int, int]],
           edge: int) -> None:
    """The stone wall, the glass front (its panes dark in the negative, `edge` > 0; left
    clear in the silhouette, where the light comes through) and the roof's slab."""
    end = -OVERHANG, 1 + OVERHANG
    stone = [along(0.0, 0.0), along(STONE_SHARE, 0.0), along(STONE_SHARE, _roof(STONE_SHARE)),
             along(0.0, _roof(0.0))]
    slab = [along(end[0], _roof(end[0])), along(end[1], _roof(end[1])),
            along(end[1], _roof(end[1]) + FASCIA), along(end[0], _roof(end[0]) + FASCIA)]
    bars = [STONE_SHARE, *MULLIONS, 1.0]
    bar = max(1, along(0.01, 0.0)[0] - along(0.0, 0.0)[0])
    if edge:  # the panes, black, inside the frame
        glass = [along(STONE_SHARE, 0.0), along(1.0, 0.0), along(1.0, _roof(1.0)),
                 along(STONE_SHARE, _roof(STONE_SHARE))]
        pygame.draw.polygon(image, (*BLACK, 255), glass)
    for share in bars:
        pygame.draw.line(image, WHITE, along(share, 0.0), along(share, _roof(share)), bar)
    pygame.draw.line(image, WHITE, along(STONE_SHARE, GLASS_TOP), along(1.0, GLASS_TOP), bar)
    for shape in (stone, slab):
        pygame.draw.polygon(image, WHITE, shape)
        if edge:
            pygame.draw.polygon(image, BLACK, shape, edge)


def _pylon(image: pygame.Surface, along: Callable[[float, float], tuple[int, int]],
           sign: tuple[Fonts, int], edge: int) -> None:
    """The post from the ground, the blade `sign[1]` pixels wide on it and the COFFEE SHOP
    board under that (in the negative, `edge` > 0, their rims, bulbs and letters dark)."""
    font, width = sign
    foot, top = along(PYLON_AT, 0.0), along(PYLON_AT, PYLON_TALL)
    thick = max(2, along(PYLON_AT + 0.02, 0.0)[0] - foot[0])
    if edge:
        pygame.draw.line(image, BLACK, foot, top, thick + 2 * edge)
    pygame.draw.line(image, WHITE, foot, top, thick)
    colors = (Enamel(WHITE, LINE, LINE), LINE) if edge else (Enamel(WHITE, WHITE, WHITE), WHITE)
    blade = lettered_blade(font, SIGN, SIGN_FONT, width, colors)
    height = sign_height(font, SIGN, SIGN_FONT, width)
    board = lettered_board(font, height, width, colors)
    for picture, at in ((blade, (top[0] + round(width * BLADE_OFF) - blade.get_width() // 2,
                                 top[1] + round(blade.get_height() * SPIKE))),
                        (board, (top[0] - board.get_width() // 2, board_top(top[1], height)))):
        if edge:
            image.blit(outlined(picture, edge), (at[0] - edge, at[1] - edge))
        else:
            image.blit(picture, at)


def outlined(shape: pygame.Surface, edge: int) -> pygame.Surface:
    """A white shape with a black edge `edge` pixels wide round it (parting it, in the
    negative, from the white behind), `edge` pixels larger each side."""
    black = shape.copy()
    black.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MULT)
    out = pygame.Surface((shape.get_width() + 2 * edge, shape.get_height() + 2 * edge),
                         pygame.SRCALPHA)
    for dx, dy in ((0, 0), (2, 0), (0, 2), (2, 2), (1, 0), (0, 1), (2, 1), (1, 2)):
        out.blit(black, (dx * edge, dy * edge))
    out.blit(shape, (edge, edge))
    return out
