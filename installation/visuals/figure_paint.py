"""How a sprite's limbs and outlines are painted (see figure_sprite): capsules under the clothes,
far limbs in shade, the near arm's fold or lit edge over the chest, grey hair, laid over the body
drawn so far."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.figure_light import Light, brightness
from installation.visuals.headwear import span
from installation.visuals.skeleton import Body, Capsule, Point

RIM_SHIFT = 0.012  # how far towards a light the near arm's fold (and grey hair's crown) lies
FAR_SHADE = 0.75  # far limbs are this much darker (or lighter on a pale figure's rim)
SILVER = (206, 206, 210)  # grey hair, before the light it catches
SILVER_LIGHT = 0.35  # how much of the light (the rim, else the window) it takes on
SILVER_CROWN = 1.18  # its lit top edge, this much brighter
# A near arm this dark (luminance) over a body as dark is edged towards each light by that
# light instead of a fold of shadow (a shadow on a dark figure is lost: its arms unseen).
DARK_ARM, ARM_EDGE = 0.12, 0.3  # (ARM_EDGE: the share of the light's colour on the edge)
# That edge is all there as the near hand comes this far (figure heights) forward of the
# shoulder towards the light, none with the hand level with it or back from it: an arm swung
# away from the light lies in the body's shade (at 03:51 a line of light down a walker's arm
# swung back read as a seam down his dark jacket, the arm itself unseen).
ARM_TOWARDS = 0.06
# Clothes in the sun (see folds): creases down the top (one, where it falls from under the
# arm on the side towards the sun: in its middle it doubled the near arm's fold) and down a
# skirt or tails, each this share across from the side away from the sun; from FOLD_INSET of
# the way down it, FOLD_WIDTH thick (figure heights), CREASE of the cloth's brightness, their
# edge towards the sun FOLD_LIGHT of the way to its light.
FOLDS: tuple[tuple[float, ...], ...] = ((0.8,), (0.33, 0.67))
FOLD_INSET, FOLD_WIDTH, CREASE, FOLD_LIGHT = 0.25, 0.007, 0.82, 0.16
FOLD_SOFT = 2  # softened: a fold turns, it is not a seam
CUFF, CUFF_SHADE = 0.024, 0.72  # a sleeve's cuff at the wrist: this long (figure heights),
#                                 this share of the sleeve's brightness (a band, buttoned)


@dataclass(frozen=True)
class Dress:
    """The colours of a figure's outlines: its clothes for the first `worn`, its face in
    `skin` (the outline after the clothes: the hair drawn over it, darker), what it carries
    in `tone` for the last `held`; with `sleeves`, its arms in the clothes' colour too, down
    to a cuff at each wrist (its hands bare)."""

    clothes: Color
    worn: int
    tone: Color
    held: int
    sleeves: bool = False
    skin: Color | None = None
    face: int = -1  # which outline is the face (-1: none)
    hair: Color | None = None  # the hair and hat after it (None: the body's colour)
    hands: frozenset[Capsule] = frozenset()  # the bare hands, in `skin` (see wardrobe)


def near_arm(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], h: float,
             arm: Sequence[Capsule], color: Color, lights: Sequence[Light],
             dress: Dress | None = None, hand: float = 0.0) -> None:
    """The near arm over the body drawn so far: where it lies over the figure's own body its
    edge towards each light is a fold of shadow (a bright stripe across the chest read as the
    room showing through), or on a dark arm a line of the light, as the hand reaches (`hand`)
    towards it (see ARM_TOWARDS); where it stands out, `figure_light.lit` lights it later."""
    points = [at(p) for c in arm for p in (c.a, c.b)]
    if not points:
        return
    thick = max(max(c.width, c.end_width) for c in arm)
    spread = 2 * round((thick + 2 * RIM_SHIFT) * h) + 4  # the widest limb and its fold

    def fold(layer: pygame.Surface, near: Callable[[Point], tuple[float, float]]) -> None:
        if len(lights) > 1:  # lit from behind: the arm's edges over the body face away from
            return  # the light (a seam of it ran down the walker's arm to his hip: a puppet)
        for light in lights:
            shift = RIM_SHIFT if light.from_right else -RIM_SHIFT
            towards = min(1.0, max(0.0, hand * math.copysign(1.0, shift) / ARM_TOWARDS))
            edge = _edged(color, light, towards)
            paint(layer, near, h, arm, (), edge, shift, None if dress is None else
                   replace(dress, clothes=_edged(dress.clothes, light, towards)))

    _on_body(big, at, points, spread, fold)
    paint(big, at, h, arm, (), color, 0.0, dress)


def _edged(color: Color, light: Light, towards: float = 1.0) -> Color:
    """The edge of a near arm of `color` towards `light`: a fold of shadow, or on a dark arm
    the light itself (ARM_EDGE of it, as much as the light's share, `towards` of that)."""
    if brightness(color) >= DARK_ARM:
        return shade(color)
    return mix(color, light.color, ARM_EDGE * light.share * towards)


def reach(body: Body) -> float:
    """How far forward of the shoulder the near hand is (figure heights; back is negative)."""
    shoulder, wrist = body.joints.get("shoulder"), body.joints.get("wrist0")
    return 0.0 if shoulder is None or wrist is None else wrist[0] - shoulder[0]


def grey_hair(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], h: float,
              locks: Sequence[Sequence[Point]], color: Color) -> None:
    """Grey hair over the dark head: a brighter copy, moved a little up and forward, for the
    edge the light catches (on the head, never past it), then the hair itself over most of it."""
    crown = tuple(min(255, round(c * SILVER_CROWN)) for c in color)
    points = [at(p) for lock in locks for p in lock]
    if points:
        _on_body(big, at, points, 2 * round(RIM_SHIFT * h) + 4, lambda layer, near: paint(
            layer, near, h, (), locks, (crown[0], crown[1], crown[2]), RIM_SHIFT * 0.5))
    paint(big, at, h, (), locks, color, 0.0)


def folds(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], h: float,
          clothes: Sequence[Sequence[Point]], tone: Color, light: Light) -> None:
    """The folds of clothes in the sun (their outlines: the top, then any skirt or tails), as
    a painter gives them at a distance: creases of shade falling from the top of each to its
    foot, spreading as it flares (see FOLDS), each with an edge of the light on its side
    towards the sun, kept inside the garment."""
    crease, edge = scaled(tone, CREASE), mix(tone, light.color, FOLD_LIGHT)
    width = max(1, round(FOLD_WIDTH * h))
    towards = width if light.from_right else -width
    for outline, across in zip(clothes, FOLDS, strict=False):
        ys = [y for _, y in outline]
        top, foot = max(ys) - FOLD_INSET * (max(ys) - min(ys)), min(ys)
        (a, b), (c, d) = span(outline, top), span(outline, foot)
        if not light.from_right:  # (across from the side away from the sun)
            a, b, c, d = b, a, d, c
        lines = [((a + (b - a) * k, top), (c + (d - c) * k, foot)) for k in across]

        def draw(layer: pygame.Surface, near: Callable[[Point], tuple[float, float]],
                 lines: list[tuple[Point, Point]] = lines) -> None:
            for start, end in lines:
                (x0, y0), (x1, y1) = near(start), near(end)
                pygame.draw.line(layer, edge, (x0 + towards, y0), (x1 + towards, y1), width)
                pygame.draw.line(layer, crease, (x0, y0), (x1, y1), width)

        clipped(big, at, outline, draw, FOLD_SOFT)


def clipped(big: pygame.Surface, at: Callable[[Point], tuple[float, float]],
            outline: Sequence[Point],
            draw: Callable[[pygame.Surface, Callable[[Point], tuple[float, float]]], None],
            soft: int = 0) -> None:
    """What `draw` paints on a layer round `outline` (given where a point of the figure is on
    it), laid on the drawing only inside the outline; its edges blurred by shrinking the layer
    `soft` times and back."""
    box = _box([at(p) for p in outline], 2)

    def near(p: Point) -> tuple[float, float]:
        x, y = at(p)
        return x - box.x, y - box.y

    layer = pygame.Surface(box.size, pygame.SRCALPHA)
    draw(layer, near)
    if soft:
        small = (max(1, box.width // soft), max(1, box.height // soft))
        layer = pygame.transform.smoothscale(pygame.transform.smoothscale(layer, small), box.size)
    mask = pygame.Surface(box.size, pygame.SRCALPHA)
    pygame.draw.polygon(mask, (255, 255, 255, 255), [near(p) for p in outline])
    layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    big.blit(layer, box)


def _box(points: Sequence[tuple[float, float]], pad: int) -> pygame.Rect:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return pygame.Rect(math.floor(min(xs)) - pad, math.floor(min(ys)) - pad,
                       math.ceil(max(xs) - min(xs)) + 2 * pad, math.ceil(max(ys) - min(ys))
                       + 2 * pad)


def _on_body(big: pygame.Surface, at: Callable[[Point], tuple[float, float]],
             points: Sequence[tuple[float, float]], spread: int,
             draw: Callable[[pygame.Surface, Callable[[Point], tuple[float, float]]], None]
             ) -> None:
    """What `draw` draws on a layer (given where a point of the figure is on it), laid over
    the figure drawn so far only where the figure is: never past its outline. The layer is
    the box round `points` (pixels on `big`) grown by `spread`."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    area = pygame.Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).inflate(
        spread, spread).clip(big.get_rect())

    def near(p: Point) -> tuple[float, float]:
        x, y = at(p)
        return x - area.x, y - area.y

    body = big.subsurface(area).copy()  # what the layer lies over: white, as opaque as it
    body.fill((255, 255, 255, 0), special_flags=pygame.BLEND_RGBA_MAX)
    layer = pygame.Surface(area.size, pygame.SRCALPHA)
    draw(layer, near)
    layer.blit(body, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    big.blit(layer, area)


def silver(light: Color) -> Color:
    """The colour of grey hair in this light."""
    r, g, b = (round(s + (c - s) * SILVER_LIGHT) for s, c in zip(SILVER, light, strict=True))
    return (r, g, b)


def shade(color: Color) -> Color:
    """A far limb's colour (or a window's shadowed half): FAR_SHADE of `color`."""
    return (int(color[0] * FAR_SHADE), int(color[1] * FAR_SHADE), int(color[2] * FAR_SHADE))


def paint(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], h: float,
          capsules: Sequence[Capsule], outlines: Sequence[Sequence[Point]], color: Color,
          shift: float, dress: Dress | None = None) -> None:
    """One pass over some of a sprite: its limbs (far ones darker, unless the pass is moved),
    then outlines over them, moved `shift` figure heights sideways and half as much up (the
    near arm's fold is such a pass, in shadow);
    with `dress` the first outlines in the clothes' colour and the last in the carried tone."""
    lift = abs(shift) * 0.5
    sleeve = dress.clothes if dress is not None and dress.sleeves else None
    wrists = {c.a for c in capsules if c.limb == "hand"}
    for capsule in capsules:
        tone = sleeve if sleeve is not None and capsule.limb == "arm" else color
        tone = dress.skin if dress is not None and dress.skin is not None and \
            capsule in dress.hands else tone
        tone = tone if shift or not capsule.far else shade(tone)
        a, b = ((p[0] + shift, p[1] + lift) for p in (capsule.a, capsule.b))
        _capsule(big, at(a), at(b), capsule.width * h, tone, capsule.end_width * h)
        if sleeve is not None and capsule.limb == "arm" and capsule.b in wrists:
            _capsule(big, at(_back(a, b, CUFF)), at(b), capsule.end_width * h * 1.1,
                     scaled(tone, CUFF_SHADE))
    for n, outline in enumerate(outlines):
        fill = color if dress is None else dress.clothes if n < dress.worn else \
            dress.tone if n >= len(outlines) - dress.held else \
            dress.skin if n == dress.face and dress.skin is not None else \
            dress.hair if n > dress.face >= 0 and dress.hair is not None else color
        pygame.draw.polygon(big, fill, [at((x + shift, y + lift)) for x, y in outline])


def _back(a: Point, b: Point, length: float) -> Point:
    """The point `length` back from b towards a (a itself if they are nearer than that)."""
    dx, dy = a[0] - b[0], a[1] - b[1]
    span = math.hypot(dx, dy)
    if span <= length:
        return a
    return b[0] + dx / span * length, b[1] + dy / span * length


def _capsule(surface: pygame.Surface, a: Point, b: Point, width: float, color: Color,
             end: float | None = None) -> None:
    """A line with round ends, `width` thick at a and `end` thick at b (None: the same): the
    two discs and the band along their outer tangents."""
    ra = max(1.0, width / 2)
    rb = ra if end is None else max(1.0, end / 2)
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length > abs(ra - rb):
        ux, uy = dx / length, dy / length
        s = (ra - rb) / length  # the tangents lean in towards the thinner end
        c = math.sqrt(1.0 - s * s)
        sides = [(ux * s - uy * c, uy * s + ux * c), (ux * s + uy * c, uy * s - ux * c)]
        pygame.draw.polygon(surface, color, [(a[0] + sides[0][0] * ra, a[1] + sides[0][1] * ra),
                                             (b[0] + sides[0][0] * rb, b[1] + sides[0][1] * rb),
                                             (b[0] + sides[1][0] * rb, b[1] + sides[1][1] * rb),
                                             (a[0] + sides[1][0] * ra, a[1] + sides[1][1] * ra)])
    pygame.draw.circle(surface, color, a, ra)
    pygame.draw.circle(surface, color, b, rb)
