"""What is left along Wilshire after the flash, on the ruins' boulevard: Johnnie's on its
corner, broken (its roof's swooping wing snapped and hanging, its pylon bent, the sign's
scorched blade hanging off it askew), and burnt palms receding along the kerb to where the
road runs."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Generator
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, Pieces, finished, scaled, stable_seed
from installation.visuals.burnt_sign import board_top, burning_sign, burnt_board, sign_height
from installation.visuals.glow import radial
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
CHAR = 0.5  # the glass front's steel frame, burnt black, of the ruins' colour
SILL_UP = 0.22  # the low stone wall under the glass, world units up
SOOT = 0.35  # the soot licked up the stone over the openings, of the stone's colour...
SOOT_TONGUES = 3  # ...in this many broad tongues
BROKEN_TOP = (5, 0.3)  # the stone wall's head knocked down in this many pieces, each up to
# this much of its height
JOINTS = (6, 0.6)  # its courses, and their joints' shade (of the stone's)
SHARDS = (3, 0.06, 0.16)  # glass left in each bay, at its head and its sill: at most this many
# shards, each this narrow and this tall at most (of the bay's width; world units)
GLASS_LEFT: Color = (96, 92, 92)  # the shards' dull, sooted glass
SAG = (0.42, 0.2)  # one mullion buckled in the heat: which, and how far its head leans over
# (world units); the counter inside at this height, burnt to its frame
COUNTER = 0.38
NOTCHES = 9  # the roof slab's upper edge broken into this many pieces along it
NOTCH = 0.7  # ... each dipping at most this much of the fascia's depth
GAP = (0.28, 0.36)  # a piece of the slab gone, along the roof (the sky shows through)
SIGN, SIGN_FONT = "Johnie's", "script"  # the sign's name on its blade, as the diner's
ASH_LINE = 0.25  # ash along the roof's upper edge: world units thick (of the fascia)
ASH_DIM = 0.55  # ... in patches, greyed by the soot: a pale rule along it read as drawn
FIRE_AT = (0.42, SILL_UP)  # the fire still burning inside: along the front, and its flames' foot
# seen over the low wall under the glass (it burns behind it)
ROOM_FIRE: Color = (170, 62, 18)  # its light filling the gutted room, at its brightest
ROOM_GLOW = 1.6  # ... reaching this far round it, of the glass's height

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
                blits.append((yield from johnnies_pieces(place, color, font, seed)))
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
    return finished(johnnies_pieces(place, color, font, seed))


def johnnies_pieces(place: Projection, color: Color, font: Fonts,
                    seed: int) -> Generator[None, None, Sprite]:
    """What `johnnies` draws, in pieces: the front, the roof, the pylon, the picture cut out
    (all in one piece of the flash's building took 11-13 ms)."""
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

    rng = random.Random(stable_seed(seed, "Johnie's ruin"))
    wall = (*scaled(color, WALL_TONE), 255)
    yield
    _gutted(image, along, color, rng)
    yield
    roof = (*scaled(color, ROOF_TONE), 255)
    slab = _broken_slab(along, roof_at, rng)
    pygame.draw.polygon(image, roof, slab)
    wing = _hanging(along, roof_at(SNAP))
    pygame.draw.polygon(image, roof, wing)
    _roof_ash(image, slab, wing, rng)
    yield
    yield from _pylon(image, along, unit, wall, (font, color, seed))
    yield
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


def _gutted(image: pygame.Surface, along: Along, color: Color, rng: random.Random) -> None:
    """The front burnt out: the stone wall sooted over the openings, the room behind the
    glass gutted dark (its counter's frame left), the low wall under the glass, the steel
    frame charred black with one mullion buckled, and a few shards of glass left."""
    dark = (*scaled(color, INSIDE), 255)
    pygame.draw.polygon(image, dark, [along(STONE_SHARE, 0.0), along(1.0, 0.0),
                                      along(1.0, GLASS_TOP), along(STONE_SHARE, GLASS_TOP)])
    _firelit(image, along, [along(STONE_SHARE, 0.0), along(1.0, 0.0), along(1.0, GLASS_TOP),
                            along(STONE_SHARE, GLASS_TOP)])
    char = (*scaled(color, CHAR), 255)
    bar = max(1, along(0.01, 0.0)[0] - along(0.0, 0.0)[0])
    pygame.draw.line(image, char, along(STONE_SHARE, COUNTER), along(0.96, COUNTER), bar)
    stone = scaled(color, STONE_TONE)
    _stone_wall(image, along, stone, rng)
    pygame.draw.polygon(image, (*scaled(stone, 0.8), 255), [
        along(STONE_SHARE, 0.0), along(1.0, 0.0), along(1.0, SILL_UP), along(STONE_SHARE, SILL_UP)])
    bars = (STONE_SHARE, *MULLIONS, 1.0)
    for left, right in zip(bars, bars[1:], strict=False):
        _shards(image, along, (left, right), rng)
    for share in bars:
        head = (share + SAG[1] / (JOHNNIES_X[1] - JOHNNIES_X[0]), GLASS_TOP * 0.8) \
            if share == MULLIONS[1] else (share, GLASS_TOP)
        pygame.draw.line(image, char, along(share, SILL_UP), along(*head), bar)
    pygame.draw.line(image, char, along(STONE_SHARE, GLASS_TOP), along(1.0, GLASS_TOP), bar)
    pygame.draw.line(image, char, along(STONE_SHARE, SILL_UP), along(1.0, SILL_UP), bar)


def _stone_wall(image: pygame.Surface, along: Along, stone: Color, rng: random.Random) -> None:
    """The stone wall at the front's left end, solid masonry broken at its top: its head
    knocked down in uneven steps, its courses' joints dark, soot streaked up it in tongues
    (a smooth wall with one soft arc of soot read as a pane of glass in the fire)."""
    steps = [STONE_SHARE * n / BROKEN_TOP[0] for n in range(BROKEN_TOP[0] + 1)]
    heads = [GLASS_TOP * (1 - BROKEN_TOP[1] * rng.random()) for _ in steps]
    outline = [along(0.0, 0.0), along(STONE_SHARE, 0.0)]
    for n in range(len(steps) - 1, 0, -1):  # each piece's head flat, a step down to the next
        outline += [along(steps[n], heads[n]), along(steps[n - 1], heads[n])]
    wall = pygame.Surface(image.get_size(), pygame.SRCALPHA)
    wall.fill((*stone, 255))
    joint = (*scaled(stone, JOINTS[1]), 255)
    course = GLASS_TOP / JOINTS[0]
    for row in range(1, JOINTS[0]):
        pygame.draw.line(wall, joint, along(0.0, row * course), along(STONE_SHARE, row * course))
        for n in range(3):  # the blocks' upright joints, staggered course to course
            share = STONE_SHARE * (n + (0.5 if row % 2 else 0.0)) / 3
            pygame.draw.line(wall, joint, along(share, (row - 1) * course),
                             along(share, row * course))
    soot = (*scaled(stone, SOOT), 255)
    for _ in range(SOOT_TONGUES):  # licked up from the glass's openings and the floor's fire
        at, wide = STONE_SHARE * rng.uniform(0.3, 1.0), STONE_SHARE * rng.uniform(0.15, 0.3)
        pygame.draw.polygon(wall, soot, [along(at - wide, 0.0), along(at + wide, 0.0),
                                         along(at, GLASS_TOP * rng.uniform(0.5, 0.9))])
    shape = pygame.Surface(image.get_size(), pygame.SRCALPHA)
    pygame.draw.polygon(shape, (255, 255, 255, 255), outline)
    wall.blit(shape, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)  # only within its outline
    image.blit(wall, (0, 0))


def _firelit(image: pygame.Surface, along: Along, room: list[tuple[int, int]]) -> None:
    """The gutted `room` lit from inside by the fire still burning on its floor (see
    `fire_inside`): its glow, brightest low round the fire, only inside the room (its frame
    and shards, drawn after, stand black against it)."""
    foot = along(FIRE_AT[0], FIRE_AT[1])
    radius = max(2, round(ROOM_GLOW * (along(0.0, 0.0)[1] - along(0.0, GLASS_TOP)[1])))
    lit = pygame.Surface(image.get_size())
    lit.blit(radial(radius, ROOM_FIRE, 1.3), (foot[0] - radius, foot[1] - radius))
    shape = pygame.Surface(image.get_size())
    pygame.draw.polygon(shape, (255, 255, 255), room)
    lit.blit(shape, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    image.blit(lit, (0, 0), special_flags=pygame.BLEND_RGB_ADD)


def _shards(image: pygame.Surface, along: Along, bay: tuple[float, float],
            rng: random.Random) -> None:
    """The glass blown out of a bay (`bay`: its sides along the front), a few jagged shards
    left hanging from its head and standing in its sill."""
    left, right = bay
    wide = right - left
    for _ in range(rng.randint(0, SHARDS[0])):
        at, narrow = rng.uniform(left, right - wide * SHARDS[1]), wide * rng.uniform(0.3, 1.0)
        tip = rng.uniform(0.3, 1.0) * SHARDS[2]
        narrow *= SHARDS[1]
        if rng.random() < 0.5:  # hanging from the head
            points = [along(at, GLASS_TOP), along(at + narrow, GLASS_TOP),
                      along(at + narrow * rng.random(), GLASS_TOP - tip)]
        else:  # standing in the sill
            points = [along(at, SILL_UP), along(at + narrow, SILL_UP),
                      along(at + narrow * rng.random(), SILL_UP + tip)]
        pygame.draw.polygon(image, (*GLASS_LEFT, 255), points)


def _broken_slab(along: Along, roof_at: Callable[[float], float],
                 rng: random.Random) -> list[tuple[int, int]]:
    """The roof slab up to the snap, its upper edge broken into uneven pieces, one gone
    (the outline, along its underside and back over its broken top)."""
    shares = [-0.03 + (SNAP + 0.03) * n / NOTCHES for n in range(NOTCHES + 1)]
    top = []
    for share in shares:
        dip = 0.0 if share in (shares[0], shares[-1]) else rng.uniform(0, NOTCH) * FASCIA
        if GAP[0] < share < GAP[1]:
            dip = FASCIA * 0.95
        top.append(along(share, roof_at(share) + FASCIA - dip))
    under = [along(share, roof_at(share)) for share in shares]
    return under + top[::-1]


def _roof_ash(image: pygame.Surface, slab: list[tuple[int, int]],
              wing: list[tuple[int, int]], rng: random.Random) -> None:
    """Ash lying in patches along the broken slab's top and the hanging wing's (greyed with
    soot: a pale rule along them read as drawn)."""
    ash = (*scaled(ASH, ASH_DIM), 255)
    top = slab[len(slab) // 2:]
    thick = max(1, round((slab[0][1] - top[-1][1]) * ASH_LINE))
    for start, end in zip(top, top[1:], strict=False):
        if rng.random() < 0.6:
            pygame.draw.line(image, ash, start, end, thick)
    pygame.draw.line(image, ash, wing[3], wing[2], thick)


def fire_inside(place: Projection) -> tuple[int, int]:
    """Where the fire still burning inside Johnie's stands in the picture (`place`: see
    `boulevard_place`): its flames' foot, on its floor behind the glass."""
    left, right = JOHNNIES_X
    return place(left + (right - left) * FIRE_AT[0], JOHNNIES_Z, FIRE_AT[1])


def _pylon(image: pygame.Surface, along: Along, unit: int, color: tuple[int, int, int, int],
           sign: tuple[Fonts, Color, int]) -> Pieces:
    """The sign's pylon, bent over above its kink, its blade (`unit`: pixels a road half
    width; `sign`: the font, the ruins' colour and the seed it is burnt with) hanging off the
    top askew: the blade and the board burnt a piece each (~8 ms as one)."""
    foot, kink = along(PYLON_AT, 0.0), along(PYLON_AT, PYLON_TALL * PYLON_KINK)
    rest = kink[1] - along(PYLON_AT, PYLON_TALL)[1]
    lean = math.radians(PYLON_BEND)
    top = (round(kink[0] + rest * math.sin(lean)), round(kink[1] - rest * math.cos(lean)))
    thick = max(2, along(PYLON_AT + 0.02, 0.0)[0] - foot[0])
    pygame.draw.line(image, color, foot, kink, thick)
    pygame.draw.line(image, color, kink, top, thick)
    font, ruin, seed = sign
    width = round(BOARD_WIDE * unit)
    board = yield from burning_sign(font, SIGN, SIGN_FONT, width, ruin,
                                    stable_seed(seed, "Johnie's sign"))
    hung = pygame.transform.rotate(board, -BOARD_TILT)
    yield
    at = (top[0] - hung.get_width() // 2, top[1] - hung.get_height() // 6)
    tall = sign_height(font, SIGN, SIGN_FONT, width)  # the lit sign's building height
    coffee = burnt_board(font, tall, width, ruin, stable_seed(seed, "Johnie's board"))
    below = max(board_top(along(PYLON_AT, PYLON_TALL)[1], tall), at[1] + hung.get_height())
    image.blit(coffee, (foot[0] + thick - coffee.get_width(), below))  # slid down, hung left
    image.blit(hung, at)
