"""The payphone's receiver as he picks it up: out of the cradle in his hand, turning from
upright to his ear as his hand brings it up, and at his ear; drawn as a handset (two cups, a
handle). And the caller once he has let it fall: his shoulders heaving."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pygame

from installation.visuals.base import Color, scaled
from installation.visuals.skeleton import Point

HEAVE = 0.011  # how far his shoulders rise with each heave, of his height
HEAVE_FROM = 0.6  # all of him above this height (of his height, from his feet) rises with them
HEAVE_SECONDS = 1.9  # one heave: a breath dragged in, let go
HEAVE_SWELL = (5.3, 0.45)  # some heaves deeper than others: over this many seconds, this much
HEAVE_START = 1.5  # seconds after he lets go before the first
CUPS_FROM = 5  # pixels: a receiver this wide or wider shows its two cups and slim handle
HANDLE = 0.62  # the handle's width, of the receiver's
# A payphone handset (~22 cm) against the caller: as long as his head is tall and a little
# more, its cups a third of that across (0.09 by 0.035 of his height, the earpiece short of
# his ear and the mouthpiece short of his mouth, it read as a stick held to his cheek). In his
# heights (the length between its ends' middles; its cups round them):
HANDSET_LONG, HANDSET_WIDE = 0.12, 0.03
# His hand round the handle, seen from behind: the back of his fingers across it, as wide
# across as this share of the receiver's width and as long along it as this share of its
# length (a hand's breadth, 8-9 cm of a 22 cm handset: at 0.42 of its width it read as a thin
# dark band), their knuckles rounded over its far edge in FINGERS bumps, the light (his rim)
# catching them; his thumb along the handle's near side towards the earpiece.
GRIP = (1.3, 0.3)
FINGERS, KNUCKLE = 4, 0.6  # the knuckles' radius, of a finger's breadth
THUMB = (0.4, 0.3)  # its length (of the hand's), its thickness (of the hand's width across)
SHINE = 0.45  # the tube's light caught along the handset's top edge: this share towards it
EDGE = 0.45  # its dark edge, of its shade
CUP_OUT = 0.3  # how far the cups stand out to one side of the handle, of their width
CUP_WIDE = 1.45  # the cups' width, of the receiver's (as wide as its handle, at 1920x1080 the
# dropped receiver read as "a 5 px grey rod with a knob")
CUP_FACE = 0.55  # the cup's open face, darker than the steel (its holes, in shadow)


@dataclass(frozen=True)
class Handset:
    """The receiver on the picture: its foot (where the cord goes in), its earpiece, its
    thickness, and how far it has come from the cradle to his ear (0 to 1)."""

    foot: Point
    ear: Point
    width: float
    far: float = 0.0
    out: float = CUP_OUT  # how far its cups stand out to one side (seen edge on), 0: face on


def lifting(hand: Point, closed: Point, cradle: Handset, held: Handset, far: float) -> Handset:
    """The receiver `far` of the way from the cradle to his ear, in his hand at `hand`: as it
    lay round his hand as it closed on it (at `closed`), turning and sliding into the way it
    is held (`held`: its foot in his hand), so that it never leaves his hand."""
    def offset(cradled: Point, kept: Point) -> Point:
        start = (cradled[0] - closed[0], cradled[1] - closed[1])
        end = (kept[0] - held.foot[0], kept[1] - held.foot[1])
        return (hand[0] + start[0] + (end[0] - start[0]) * far,
                hand[1] + start[1] + (end[1] - start[1]) * far)

    return Handset(offset(cradle.foot, held.foot), offset(cradle.ear, held.ear),
                   cradle.width + (held.width - cradle.width) * far, far,
                   cradle.out + (held.out - cradle.out) * far)


def at_ear(ear: Point, mouth: Point, tall: float) -> Handset:
    """The receiver held to his ear, seen from behind (its cups face on, towards his head):
    its earpiece on his ear, its length down past his mouth (`tall`: his height in pixels)."""
    reach = max(1e-6, math.dist(ear, mouth))
    long = HANDSET_LONG * tall / reach
    foot = (ear[0] + (mouth[0] - ear[0]) * long, ear[1] + (mouth[1] - ear[1]) * long)
    return Handset(foot, ear, HANDSET_WIDE * tall, 1.0, 0.0)


def on_handle(handset: Handset, point: Point) -> Point:
    """The point of the receiver's length nearest `point` (where a hand there holds it)."""
    (fx, fy), (ex, ey) = handset.foot, handset.ear
    long2 = max(1e-6, (ex - fx) ** 2 + (ey - fy) ** 2)
    k = max(0.2, min(0.8, ((point[0] - fx) * (ex - fx) + (point[1] - fy) * (ey - fy)) / long2))
    return fx + (ex - fx) * k, fy + (ey - fy) * k


def draw_handset(surface: pygame.Surface, handset: Handset, shade: Color,
                 shine: Color | None = None) -> None:
    """The receiver as people remember a payphone's: a handle between two round cups (the
    earpiece and the mouthpiece) that stand out to one side seen edge on; too small for
    that, a bar with round ends (drawn as a plain bar it read as a stick, or a rod hung in
    front). With `shine`, its top edge catches that light."""
    wide = max(1, round(handset.width))
    (fx, fy), (ex, ey) = handset.foot, handset.ear
    long = math.hypot(ex - fx, ey - fy)
    if wide < CUPS_FROM or long < 2 * wide:
        pygame.draw.line(surface, shade, handset.foot, handset.ear, wide)
        for point in (handset.foot, handset.ear):
            pygame.draw.circle(surface, shade, point, wide / 2)
        return
    along = ((ex - fx) / long, (ey - fy) / long)
    if shine is not None:  # a dark edge round it (over the phone's steel box, or his face),
        lift = max(1.0, wide * 0.12)  # then lit along the top, then its shade a little lower
        up = (-along[1], along[0]) if along[0] < 0 else (along[1], -along[0])
        edge = replace(handset, width=handset.width + 2 * lift)
        _handset_shape(surface, edge, along, round(edge.width), scaled(shade, EDGE), (0, 0))
        _handset_shape(surface, handset, along, wide, shine, (up[0] * lift, up[1] * lift))
    _handset_shape(surface, handset, along, wide, shade, (0.0, 0.0))


def _handset_shape(surface: pygame.Surface, handset: Handset, along: Point, wide: int,
                   shade: Color, shift: Point) -> None:
    """The handle and the two cups in one shade, moved by `shift` (pixels)."""
    (fx, fy), (ex, ey) = handset.foot, handset.ear
    fx, fy, ex, ey = fx + shift[0], fy + shift[1], ex + shift[0], ey + shift[1]
    side = (-along[1] * handset.out * wide, along[0] * handset.out * wide)
    inset = (along[0] * wide * 0.5, along[1] * wide * 0.5)
    pygame.draw.line(surface, shade, (fx + inset[0], fy + inset[1]),
                     (ex - inset[0], ey - inset[1]), max(1, round(wide * HANDLE)))
    cup = wide * CUP_WIDE / 2
    for (x, y), way in (((fx, fy), 1.0), ((ex, ey), -1.0)):
        centre = (x + way * inset[0], y + way * inset[1])
        pygame.draw.circle(surface, shade, centre, cup)
        if abs(side[0]) + abs(side[1]) < 1.0:
            continue  # (face on: the cup's back, round)
        pygame.draw.circle(surface, shade, (centre[0] + side[0], centre[1] + side[1]), cup)
        rim = (centre[0] + side[0] * 1.6, centre[1] + side[1] * 1.6)  # the cup's open face
        pygame.draw.circle(surface, scaled(shade, CUP_FACE), rim, max(1.0, cup * 0.6))


def upright(rect: pygame.Rect) -> Handset:
    """The receiver upright in `rect` (its round ends inside it)."""
    half = rect.width / 2
    return Handset((rect.centerx, rect.bottom - half), (rect.centerx, rect.top + half),
                   rect.width)


def handset_in(surface: pygame.Surface, rect: pygame.Rect, shade: Color,
               shine: Color | None = None) -> None:
    """The receiver upright in `rect` (hung in its cradle, or hanging off the hook)."""
    draw_handset(surface, upright(rect), shade, shine)


def heave(let_go: float) -> float:
    """How far his shoulders are raised (of his height) `let_go` seconds after he let the
    receiver fall: nothing at first, then heave after heave, some deeper."""
    t = let_go - HEAVE_START
    if t <= 0:
        return 0.0
    breath = 0.5 - 0.5 * math.cos(2 * math.pi * t / HEAVE_SECONDS)
    period, depth = HEAVE_SWELL
    swell = 1.0 - depth * (0.5 + 0.5 * math.sin(2 * math.pi * t / period))
    return HEAVE * min(1.0, t / HEAVE_SECONDS) * breath * swell


def heaving(surface: pygame.Surface, sprite: pygame.Surface, spot: tuple[int, int], cut: int,
            rise: int) -> None:
    """A figure's sprite at `spot` with all of it above its row `cut` raised `rise` pixels
    (the rows just under the cut drawn twice into the gap: his back stretches a little)."""
    width, height = sprite.get_size()
    cut = max(0, min(height, cut))
    if rise <= 0 or cut == 0:
        surface.blit(sprite, spot)
        return
    x, y = spot
    surface.blit(sprite, (x, y + cut), pygame.Rect(0, cut, width, height - cut))
    surface.blit(sprite, (x, y + cut - rise), pygame.Rect(0, cut, width, rise))
    surface.blit(sprite, (x, y - rise), pygame.Rect(0, 0, width, cut))


def gripping(surface: pygame.Surface, handset: Handset, hand: Point, shade: Color,
             edge: Color) -> None:
    """His hand round the receiver's handle at `hand` (a point on it), in `shade`: the back
    of the hand and fingers across it, the knuckles rounded over its edge away from his head
    (the left, towards the phone) with `edge` light on them, the thumb along its other side."""
    (fx, fy), (ex, ey) = handset.foot, handset.ear
    long = max(1e-6, math.hypot(ex - fx, ey - fy))
    along = ((ex - fx) / long, (ey - fy) / long)
    out = (along[1], -along[0])  # across the handle, towards the left
    if out[0] > 0:
        out = (-out[0], -out[1])
    span, half = GRIP[1] * long, GRIP[0] * handset.width / 2

    def at(a: float, o: float) -> Point:
        return (hand[0] + along[0] * a + out[0] * o, hand[1] + along[1] * a + out[1] * o)

    breadth = span / FINGERS
    knuckle = max(1.0, breadth * KNUCKLE)
    middles = [-span / 2 + (i + 0.5) * breadth for i in range(FINGERS)]
    for a in middles:  # the light on each knuckle's outer curve, then the knuckle over it
        pygame.draw.circle(surface, edge, at(a, half + knuckle * 0.35), knuckle)
    for a in middles:
        pygame.draw.circle(surface, shade, at(a, half), knuckle)
    pygame.draw.polygon(surface, shade, [at(-span / 2, half), at(span / 2, half),
                                         at(span / 2, -half), at(-span / 2, -half)])
    thumb = max(1, round(THUMB[1] * 2 * half))
    root, tip = at(span / 2, -half * 0.7), at(span / 2 + THUMB[0] * span, -half * 0.7)
    pygame.draw.line(surface, shade, root, tip, thumb)
    pygame.draw.circle(surface, shade, tip, thumb / 2)
