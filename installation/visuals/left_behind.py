"""What Johnnie's customers left when they ran, seen through its lit glass from the lot: the
row of stools before the counter (one knocked over on the floor), their cups on the counter
(one tipped, its coffee run down the front), a coat dropped by a stool, and the light they left
on: shining on the stools' chrome and vinyl, the coffee urns on the back counter."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import pygame

from installation.visuals.base import Color, mix, scaled, stable_seed
from installation.visuals.counter import CHROME, cup

# Sizes in shares of a standing person's height (`tall`) behind the glass.
STOOL_PITCH = 0.4  # from one stool to the next
SEAT_HIGH, SEAT_HALF, SEAT_THICK = 0.3, 0.075, 0.05  # the seat's top over the floor, its size
POST_WIDE, FOOT_HALF, FOOT_THICK = 0.022, 0.055, 0.022  # the chrome post and its round foot
VINYL = (168, 44, 40)  # the seats' red, under the room's light
VINYL_BACKLIT = 0.62  # we see their sides, against the lit counter: darker than the light
TOP_SHINE = 0.55  # their tops catch the pendants: this far from the vinyl to the room's light
SIDE_SHINE = 0.15  # a seat on its side turns its top away from them: red, not the pale pink
# that, round at the floor beside the coat, read as a bald head (05:13)
CHROME_DARK = 0.5  # the posts against the lit counter front
# A stool knocked over, on its side (its seat to the left): the seat's top, a round of vinyl
# turned a little towards us, seen as a narrow upright ellipse (this share of its width), in a
# chrome rim; the cushion's side behind it; the chrome post, lit along its top; the foot ring
# round it (its half size, and where along the post from the seat); the cast foot, flaring
# to its round base (how long its flare, of the post's length; the base this much wider than a
# standing stool's foot seen from the side); its shadow on the floor.
ON_SIDE, FOOT_RING, RING_AT, FLARE, BASE_WIDER = 0.55, 0.06, 0.55, 0.22, 1.2
LYING_TURN = -10.0  # degrees: a stool on its side lies turned from us, its seat further off
# (higher on the picture) than its foot, its seat's top and base seen as discs, not edge-on
# (drawn straight across, seat and base alike edge-on on one level axis, it read as a dumbbell)
CAST = (44, 42, 44)  # the foot's dark enamel
LYING_SHADOW = (0, 0, 0, 90)
CUP_UNIT = 0.014  # a cup is six of these wide
CUPS_LEFT = 0.6  # share of the places where a cup was left
SPILL_LONG, SPILL_WIDE = 0.08, 0.012  # the tipped cup's coffee down the counter's front
COFFEE = (58, 34, 22)
COAT = (168, 146, 104)  # a pale khaki trench coat (a darker tan read as an animal's coat)
LINING = (206, 192, 160)  # its lining, paler, at the collar
COAT_LONG, COAT_HIGH = 0.5, 0.045  # lying flat on the floor
COAT_AWAY = 3  # stools from the one knocked over: beside it, its round red seat at the coat's
# collar read as a bald head on a body lying on the floor (05:13)
FOLD = 0.62  # its folds and sleeve, darker
URNS = (0.3, 0.7)  # the coffee urns on the back counter, across the glass
URN_HALF, URN_TALL = 0.05, 0.2  # standing just above the counter's top
URN_SHINE = (0.45, 1.05)  # chrome: dark at its sides, bright down its middle


def left_behind(image: pygame.Surface, glass: pygame.Rect, counter_y: int, floor: int,
                tall: int, light: Color) -> None:
    """Into the diner's `image`: the urns behind the counter (its top at `counter_y`), the
    stools on the `floor` before it, the cups on it, a coat on the floor (sizes from `tall`,
    a standing person; the same for the same glass)."""
    rng = random.Random(stable_seed("left behind", *glass))
    urns(image, glass, counter_y, tall)
    pitch = max(4, round(STOOL_PITCH * tall))
    places = stool_places(glass, tall)
    fallen = rng.randrange(len(places) // 3, max(len(places) // 3 + 1, 2 * len(places) // 3))
    unit = max(1, round(CUP_UNIT * tall))
    tipped = None
    for n, x in enumerate(places):
        if n == fallen:
            _fallen(image, x, floor, tall, light)
        else:
            stool(image, x, floor, tall, light)
        if rng.random() < CUPS_LEFT:
            if tipped is None and n > fallen:  # its coffee runs down between two stools
                tipped = x + pitch // 2 - 5 * unit
                continue
            cup(image, x + rng.randint(-pitch // 4, pitch // 4), counter_y, unit)
    if tipped is not None:
        _tipped(image, tipped, counter_y, tall, unit)
    _coat(image, places[coat_place(fallen, len(places))], floor, tall, rng)


def coat_place(fallen: int, places: int) -> int:
    """The stool (of `places`) the coat was dropped by: COAT_AWAY from the `fallen` one."""
    return fallen - COAT_AWAY if fallen >= COAT_AWAY else min(places - 1, fallen + COAT_AWAY)


def stool_places(glass: pygame.Rect, tall: int) -> list[int]:
    """Where the stools stand along the counter behind `glass` (columns of the image): the
    same places while the customers sit at it and after they have run."""
    pitch = max(4, round(STOOL_PITCH * tall))
    return list(range(glass.left + pitch // 2, glass.right - pitch // 3, pitch))


def urns(image: pygame.Surface, glass: pygame.Rect, counter_y: int, tall: int) -> None:
    """The coffee urns on the back counter, across the glass."""
    for x in urn_places(glass):
        _urn(image, x, counter_y, tall)


def urn_places(glass: pygame.Rect) -> list[int]:
    """Where the coffee urns stand behind `glass` (columns of the image)."""
    return [glass.left + round(glass.width * share) for share in URNS]


def seats(glass: pygame.Rect, tall: int) -> list[int]:
    """The stools a customer may sit on: those not in front of an urn (one there held it in
    their hands, a can at the chest)."""
    clear = STOOL_PITCH * tall
    return [n for n, x in enumerate(stool_places(glass, tall))
            if all(abs(x - urn) >= clear for urn in urn_places(glass))]


def furnished(image: pygame.Surface, glass: pygame.Rect, counter_y: int, floor: int,
              tall: int, light: Color, taken: Sequence[int]) -> None:
    """Into the diner's `image`, the counter as it stands while they sit at it: the urns
    behind it, a stool at each place but those `taken` (a customer's own stool is drawn with
    them), a cup in front of each customer (what `left_behind` shows once they have run)."""
    urns(image, glass, counter_y, tall)
    unit = max(1, round(CUP_UNIT * tall))
    for n, x in enumerate(stool_places(glass, tall)):
        if n in taken:
            cup(image, x, counter_y, unit)
        else:
            stool(image, x, floor, tall, light)


def stool(image: pygame.Surface, x: int, floor: int, tall: int, light: Color) -> None:
    """A counter stool standing: a round foot, a chrome post, a red seat its top lit."""
    half, thick = max(2, round(SEAT_HALF * tall)), max(2, round(SEAT_THICK * tall))
    seat = floor - round(SEAT_HIGH * tall)
    post = max(1, round(POST_WIDE * tall))
    foot_half, foot = max(2, round(FOOT_HALF * tall)), max(1, round(FOOT_THICK * tall))
    chrome = (*scaled(CHROME, CHROME_DARK), 255)
    image.fill(chrome, (x - post // 2, seat, post, floor - seat))
    pygame.draw.ellipse(image, chrome, (x - foot_half, floor - foot, 2 * foot_half, foot + 1))
    side = scaled(VINYL, VINYL_BACKLIT)
    pygame.draw.rect(image, (*side, 255), (x - half, seat - thick, 2 * half, thick),
                     border_radius=max(1, thick // 2))
    top = max(1, thick // 3)
    pygame.draw.ellipse(image, (*mix(VINYL, light, TOP_SHINE), 255),
                        (x - half, seat - thick - top // 2, 2 * half, top + 1))


def _fallen(image: pygame.Surface, x: int, floor: int, tall: int, light: Color) -> None:
    """A stool knocked over: on its side on the floor, its seat towards the room's middle."""
    fallen, drop = lying(tall, light)
    image.blit(fallen, (x - fallen.get_width() // 3, floor - fallen.get_height() + 1 + drop))


def lying(tall: int, light: Color) -> tuple[pygame.Surface, int]:
    """A counter stool on its side (its seat to the left, further off, its foot to the right,
    nearer, LYING_TURN from straight across), for a standing person `tall`: the seat's top
    seen as an upright ellipse in its chrome rim, the cushion's side, the chrome post with its
    foot ring, and the flared cast foot on its round base; its shadow under it. With it, how
    far below the seat's rest its foot rests (the picture's foot): the floor's line is that
    far above the picture's foot."""
    half, thick = max(3, round(SEAT_HALF * tall)), max(2, round(SEAT_THICK * tall))
    post, base = max(2, round(POST_WIDE * tall)), max(3, round(BASE_WIDER * FOOT_HALF * tall))
    face = max(2, round(2 * half * ON_SIDE))
    length = round((SEAT_HIGH - SEAT_THICK) * tall)
    width, height = face + thick + length + face, 2 * half + 2
    image = pygame.Surface((width, height), pygame.SRCALPHA)
    floor = height - 1
    pygame.draw.ellipse(image, LYING_SHADOW, (face, floor - max(2, half // 3), width - face,
                                              max(3, half // 2)))
    chrome, lit, dark = (scaled(CHROME, share) for share in (0.72, 1.05, 0.4))
    seat_axis, foot_x = (face // 2 + thick, floor - half), width - face // 2
    foot_axis = (foot_x, floor - base)
    flare = foot_x - round(FLARE * length)
    tilt = (foot_axis[1] - seat_axis[1]) / max(1, foot_x - seat_axis[0])
    flare_y = seat_axis[1] + tilt * (flare - seat_axis[0])
    pygame.draw.line(image, chrome, seat_axis, (flare, flare_y), post)
    pygame.draw.line(image, lit, (seat_axis[0], seat_axis[1] - post // 2),
                     (flare, flare_y - post // 2), max(1, post // 3))
    ring_x = round(seat_axis[0] + RING_AT * (flare - seat_axis[0]))
    ring_half = max(2, round(FOOT_RING * tall))
    ring = pygame.Rect(0, 0, max(2, round(2 * ring_half * ON_SIDE)), 2 * ring_half)
    ring.center = (ring_x, round(seat_axis[1] + tilt * (ring_x - seat_axis[0])))
    pygame.draw.ellipse(image, chrome, ring, max(1, post // 2))
    pygame.draw.arc(image, lit, ring, 0.5 * math.pi, 1.2 * math.pi, max(1, post // 3))
    bell = [(flare + (foot_x - flare) * t, post / 2 + (base - post / 2) * t ** 2.5)
            for t in (k / 8 for k in range(9))]  # its foot flares out in a bell to the base
    drop = (foot_axis[1] - flare_y) / max(1, foot_x - flare)  # the axis, down to the foot's
    pygame.draw.polygon(image, CAST, [(x, flare_y + drop * (x - flare) - r) for x, r in bell]
                        + [(x, flare_y + drop * (x - flare) + r) for x, r in bell[::-1]])
    disc = pygame.Rect(foot_x - face // 4, floor - 2 * base, max(2, face // 2), 2 * base)
    pygame.draw.ellipse(image, scaled(CAST, 1.5), disc)
    pygame.draw.arc(image, lit, disc, 0.5 * math.pi, 1.4 * math.pi, max(1, post // 3))
    side = scaled(VINYL, VINYL_BACKLIT)
    pygame.draw.rect(image, side, (face // 2, floor - 2 * half, thick, 2 * half),
                     border_radius=max(1, thick // 3))
    pygame.draw.line(image, chrome, (face // 2 + thick - 1, floor - 2 * half + 1),
                     (face // 2 + thick - 1, floor - 1), max(1, post // 2))
    top = pygame.Rect(0, floor - 2 * half, face, 2 * half)
    pygame.draw.ellipse(image, mix(VINYL, light, SIDE_SHINE), top)
    pygame.draw.ellipse(image, dark, top, max(1, post // 2))
    pygame.draw.arc(image, lit, top, 0.6 * math.pi, 1.3 * math.pi, max(1, post // 2))
    drop = round(width * math.sin(math.radians(abs(LYING_TURN))))
    return pygame.transform.rotozoom(image, LYING_TURN, 1.0), drop


def _tipped(image: pygame.Surface, x: int, top: int, tall: int, unit: int) -> None:
    """A cup on its side on the counter, its coffee run over the edge and down the front."""
    pygame.draw.ellipse(image, (238, 234, 224, 255), (x - 2 * unit, top - 2 * unit, 5 * unit,
                                                      2 * unit + 1))
    wide = max(1, round(SPILL_WIDE * tall))
    image.fill((*COFFEE, 255), (x + 3 * unit, top, 3 * unit, max(1, unit // 2)))
    image.fill((*COFFEE, 255), (x + 5 * unit, top, wide, round(SPILL_LONG * tall)))


def _coat(image: pygame.Surface, x: int, floor: int, tall: int, rng: random.Random) -> None:
    """A trench coat dropped flat on the floor by a stool: a long low shape, its pale lining
    showing at the collar, a sleeve flung out along the floor, its belt trailing (a lumpy tan
    heap read as a body, or a dog lying there)."""
    long, high = round(COAT_LONG * tall), max(2, round(COAT_HIGH * tall))
    left = x - long // 2 + round(rng.uniform(-0.1, 0.1) * long)
    body = [(left, floor), (left + long, floor), (left + long - long // 10, floor - high),
            (left + long // 8, floor - high + max(1, high // 3))]
    pygame.draw.polygon(image, (*COAT, 255), body)
    lining = [(left, floor), (left + long // 8, floor - high + max(1, high // 3)),
              (left + long // 5, floor)]
    pygame.draw.polygon(image, (*LINING, 255), lining)
    dark = (*scaled(COAT, FOLD), 255)
    thick = max(1, high // 2)
    pygame.draw.line(image, dark, (left + long // 2, floor - high + 1),
                     (left + long + long // 3, floor - thick // 2), thick)
    pygame.draw.line(image, dark, (left + long * 3 // 4, floor - 1),
                     (left + long + long // 6, floor - 1), max(1, thick // 2))


def _urn(image: pygame.Surface, x: int, counter_y: int, tall: int) -> None:
    """A chrome coffee urn on the back counter, its top showing over the front counter."""
    half, high = max(2, round(URN_HALF * tall)), max(3, round(URN_TALL * tall))
    for dx in range(-half, half):
        facing = math.sqrt(max(0.0, 1 - ((dx + 0.5) / half) ** 2))
        shine = URN_SHINE[0] + (URN_SHINE[1] - URN_SHINE[0]) * facing
        image.fill((*scaled(CHROME, shine), 255), (x + dx, counter_y - high, 1, high))
    lid = max(2, half // 2)
    pygame.draw.ellipse(image, (*scaled(CHROME, URN_SHINE[0]), 255),
                        (x - half, counter_y - high - lid // 2, 2 * half, lid))
