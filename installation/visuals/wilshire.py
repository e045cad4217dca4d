"""What is left along Wilshire after the flash, on the ruins' boulevard: Johnnie's on its
corner, broken (its roof's swooping wing snapped and hanging, its pylon bent, the sign's
scorched blade hanging off it askew), and burnt palms receding along the kerb to where the
road runs."""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, scaled, stable_seed
from installation.visuals.burnt_sign import board_top, burnt_board, burnt_sign, sign_height
from installation.visuals.shapes import shape_picture
from installation.visuals.wreckage import ASH, Projection, projection

# Places along the boulevard: x in road half widths from its middle, z along it (1: the
# picture's foot), heights in world units up (see wreckage.projection).
PALMS = (2.0, 3.0, 4.4, 6.6, 10.0, 15.0)  # how far off each palm stands, near to far
PALM_OUT = 1.3  # on the sidewalk, this far out from the road's middle
PALM_TALL = 4.2  # world units from its foot to its crown
PALM_UNITS = 3.4  # the burnt palm's drawing, foot to crown, in its own units
PALM_TONE = 0.7  # its char, of the ruins' colour
JOHNNIES_Z = 4.0  # how far off Johnnie's stands, right of the road
JOHNNIES_X = (1.5, 3.4)  # its front, from the stone wall at the left to the glass's end
STONE_SHARE = 0.22  # the stone wall's share of the front
ROOF_LOW, ROOF_HIGH, FASCIA = 0.95, 1.45, 0.12  # the roof slab's underside at either end, and
# how thick it is (world units up)
GLASS_TOP = 0.9  # the glass front's head at its left end
SNAP = 0.55  # the wing snapped this far along the roof
HANGS = 0.2  # its broken end hangs down to this height
MULLIONS = (0.34, 0.47, 0.71, 0.84)  # the glass's uprights still standing, along the front
PYLON_AT, PYLON_TALL, PYLON_KINK = 0.9, 3.2, 0.62  # the pylon: along the front, its height,
# where it bends (of its height)
PYLON_BEND = 16.0  # degrees its top leans over
BOARD_WIDE = 0.8  # the sign's blade: road half widths across
BOARD_TILT = 28.0  # degrees it hangs off its one bracket
WALL_TONE, STONE_TONE, ROOF_TONE = 1.3, 1.7, 0.8  # of the ruins' colour
INSIDE = 0.45  # the gutted room behind the glass that is gone
SIGN, SIGN_FONT = "Johnie's", "script"  # the sign's name on its blade, as the diner's
ASH_LINE = 0.25  # ash along the roof's upper edge: world units thick (of the fascia)

Along = Callable[[float, float], tuple[int, int]]  # a point of the front: share along it, up
Fonts = Callable[[str, int], pygame.font.Font]  # a shipped font by name, at a size
Sprite = tuple[pygame.Surface, tuple[int, int]]  # a picture and where it goes


def wilshire(size: tuple[int, int], ground: int, vanish: int, color: Color,
             font: Fonts, seed: int, standing: bool = True) -> Generator[None, None, list[Sprite]]:
    """Johnnie's and the palms over a picture of `size` whose ground (the road's horizon) is
    row `ground` and whose road runs to column `vanish` (its sign's letters in `font`, the
    damage to it from `seed`; the palms alone unless `standing`), in pieces: the blits that
    draw them, far to near, each its own picture (repainted with the still background where a
    fire flickers or the sky changes: a few blits of what they cover, not one picture of the
    right half, nor hundreds of bands)."""
    place = boulevard_place(size, ground, vanish)
    tone = scaled(color, PALM_TONE)
    blits: list[Sprite] = []
    # The far ones first, the near over them; Johnnie's among the palms as far off as it is.
    for stand in stands(place):
        if stand is None:
            if standing:
                blits.append(johnnies(place, color, font, seed))
            yield
            continue
        palm, feet = yield from shape_picture("burnt palm", stand.tall / PALM_UNITS,
                                              stand.flipped, tone)
        blits.append((palm, (stand.foot[0] - feet[0], stand.foot[1] - feet[1])))
        yield
    return blits


def boulevard_place(size: tuple[int, int], ground: int, vanish: int) -> Projection:
    """Where a point of the boulevard lies on a picture of `size` whose road's horizon is row
    `ground` and whose road runs to column `vanish` (see wreckage.projection)."""
    width, height = size
    project = projection((width, height - ground), vanish)

    def place(x: float, z: float, up: float = 0.0) -> tuple[int, int]:
        across, down = project(x, z, up)
        return across, ground + down

    return place


@dataclass(frozen=True)
class Palm:
    """Where a palm stands along the kerb: its foot in the picture, its height (pixels, foot
    to crown) and whether it is drawn mirrored."""

    foot: tuple[int, int]
    tall: int
    flipped: bool


def stands(place: Projection) -> list[Palm | None]:
    """The palms along the kerb and Johnnie's among them (None), far to near."""
    out: list[Palm | None] = []
    for z, n in sorted([(JOHNNIES_Z, -1), *((z, n) for n, z in enumerate(PALMS))], reverse=True):
        foot = place(PALM_OUT, z)
        out.append(None if n < 0 else Palm(foot, foot[1] - place(PALM_OUT, z, PALM_TALL)[1],
                                           n % 2 == 1))
    return out


def johnnies(place: Projection, color: Color, font: Fonts,
             seed: int) -> tuple[pygame.Surface, tuple[int, int]]:
    """The coffee shop's ruin seen from the boulevard (`place`: where a point of it lies in
    the picture): the stone wall and the glass front's frame gutted, the roof's wing snapped,
    the pylon bent with its board hanging; its picture and where that goes."""
    left, right = JOHNNIES_X
    unit = place(1.0, JOHNNIES_Z)[0] - place(0.0, JOHNNIES_Z)[0]  # pixels a road half width
    reach = round(BOARD_WIDE * unit)  # room round it for the hanging board
    corner = (place(left, JOHNNIES_Z)[0] - reach, place(left, JOHNNIES_Z, PYLON_TALL)[1] - reach)
    foot = place(right, JOHNNIES_Z)
    image = pygame.Surface((foot[0] + 2 * reach - corner[0], foot[1] + 2 - corner[1]),
                           pygame.SRCALPHA)

    def along(share: float, up: float = 0.0) -> tuple[int, int]:
        x, y = place(left + (right - left) * share, JOHNNIES_Z, up)
        return x - corner[0], y - corner[1]

    def roof_at(share: float) -> float:
        return ROOF_LOW + (ROOF_HIGH - ROOF_LOW) * share

    pygame.draw.polygon(image, (*scaled(color, INSIDE), 255),
                        [along(STONE_SHARE), along(1.0), along(1.0, GLASS_TOP),
                         along(STONE_SHARE, GLASS_TOP)])
    pygame.draw.polygon(image, (*scaled(color, STONE_TONE), 255),
                        [along(0.0), along(STONE_SHARE), along(STONE_SHARE, GLASS_TOP),
                         along(0.0, GLASS_TOP)])
    wall = (*scaled(color, WALL_TONE), 255)
    bar = max(1, along(0.01)[0] - along(0.0)[0])
    for share in (STONE_SHARE, *MULLIONS):
        pygame.draw.line(image, wall, along(share), along(share, GLASS_TOP * 0.95), bar)
    roof = (*scaled(color, ROOF_TONE), 255)
    slab = [along(-0.03, roof_at(-0.03)), along(SNAP, roof_at(SNAP)),
            along(SNAP, roof_at(SNAP) + FASCIA), along(-0.03, roof_at(-0.03) + FASCIA)]
    pygame.draw.polygon(image, roof, slab)
    wing = _hanging(along, roof_at(SNAP))
    pygame.draw.polygon(image, roof, wing)
    ash = max(1, round((slab[0][1] - slab[3][1]) * ASH_LINE))
    pygame.draw.line(image, (*ASH, 255), slab[3], slab[2], ash)
    pygame.draw.line(image, (*ASH, 255), wing[3], wing[2], ash)
    _pylon(image, along, unit, wall, (font, color, seed))
    shown = image.get_bounding_rect()  # (the room left round it for the board, cut off)
    return image.subsurface(shown).copy(), (corner[0] + shown.x, corner[1] + shown.y)


def _hanging(along: Along, snap: float) -> list[tuple[int, int]]:
    """The roof's wing past the snap (at height `snap`): still hinged there, its far end
    hanging down."""
    hinge = along(SNAP, snap)
    end = along(1.03, HANGS)
    length = max(1.0, math.dist(hinge, end))
    across, down = (end[0] - hinge[0]) / length, (end[1] - hinge[1]) / length
    thick = hinge[1] - along(SNAP, snap + FASCIA)[1]
    return [hinge, end, (round(end[0] + down * thick), round(end[1] - across * thick)),
            (round(hinge[0] + down * thick), round(hinge[1] - across * thick))]


def _pylon(image: pygame.Surface, along: Along, unit: int, color: tuple[int, int, int, int],
           sign: tuple[Fonts, Color, int]) -> None:
    """The sign's pylon, bent over above its kink, its blade (`unit`: pixels a road half
    width; `sign`: the font, the ruins' colour and the seed it is burnt with) hanging off the
    top askew."""
    foot, kink = along(PYLON_AT, 0.0), along(PYLON_AT, PYLON_TALL * PYLON_KINK)
    rest = kink[1] - along(PYLON_AT, PYLON_TALL)[1]
    lean = math.radians(PYLON_BEND)
    top = (round(kink[0] + rest * math.sin(lean)), round(kink[1] - rest * math.cos(lean)))
    thick = max(2, along(PYLON_AT + 0.02, 0.0)[0] - foot[0])
    pygame.draw.line(image, color, foot, kink, thick)
    pygame.draw.line(image, color, kink, top, thick)
    font, ruin, seed = sign
    width = round(BOARD_WIDE * unit)
    board = burnt_sign(font, SIGN, SIGN_FONT, width, ruin, stable_seed(seed, "Johnie's sign"))
    hung = pygame.transform.rotate(board, -BOARD_TILT)
    at = (top[0] - hung.get_width() // 2, top[1] - hung.get_height() // 6)
    tall = sign_height(font, SIGN, SIGN_FONT, width)  # the lit sign's building height
    coffee = burnt_board(font, tall, width, ruin, stable_seed(seed, "Johnie's board"))
    below = max(board_top(along(PYLON_AT, PYLON_TALL)[1], tall), at[1] + hung.get_height())
    image.blit(coffee, (foot[0] + thick - coffee.get_width(), below))  # slid down, hung left
    image.blit(hung, at)
