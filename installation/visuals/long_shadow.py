"""Shadows on the ground: a low sun's long ones (each sprite laid flat along the ground from its
feet, made once per sprite), and the sky's sun's (cast from where it stands at the story time,
towards us and away from its side, lengthening as it sinks)."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pygame

from installation.visuals.base import Pieces
from installation.visuals.budget import Budget
from installation.visuals.palette import sun_position
from installation.visuals.skeleton import Point

Cast = tuple[pygame.Surface, int, int]  # a shadow, its column of the sprite's left edge, and
#                                        the sprite's row its top row lies on (laid from where
#                                        the sprite itself is drawn: see lay_from_feet)

SHADOW_COST = 12  # a long shadow costs this many times the sprite's (shrunk) area
SHADOW_ALPHA = 180  # how dark a shadow is (at 120, Harry's and Julie's long shadows at first
#                     light, 05:07, were all but lost on the dark wet road)
# The sky's sun's shadow (SunShadows). The sun in the picture stands before us, behind the people:
# their shadows come towards us on the ground, away from its side.
VIEW = math.radians(60)  # the picture's width, as an angle: how far round the sun is from them
FORESHORTEN = 0.4  # a shadow lying towards us is seen at this share of its length (the ground
#                    seen from a standing eye's height)
LONGEST = 4.0  # no shadow longer than this many heights (the sun on the horizon)
LEAN_STEP = 0.01  # the shadow's lean and length change in steps of this (of a height): each
LENGTH_STEP = 0.01  # step made once, some seconds of the show apart
SOLE_ROWS = 0.03  # the soles: the sprite's lowest rows, this share of its height above the feet
SOLE_DEEP = 0.04  # the shadow is dark under them this share of a height towards us
SOLE_SPREAD = 2  # and this many pixels wider either side
SOLE_FADE = 0.5  # paling to this share of the soles' darkness at the far end
HALF = 128  # a sprite's pixel at least this opaque is part of what it shows
SOFT = 3  # the shadow's edge blurred over about this many pixels (the sun is a disc, not a point)
# Where a sole or a hoof meets the ground the light is shut out from every side: a dark patch
# under it, darker than the sun's shadow and sharp (the sky's light is all that is blocked
# there). Without it the sun's soft shadow, pale where thin legs cast it and blurred at its
# edge, began some pixels under their feet like a drop shadow: they hovered (review 23 #7).
CONTACT_DARK = 0.8  # how dark the patch is right under a sole on the ground (0 to 1)
CONTACT_DEEP = 0.02  # how far it reaches towards us, a share of their height (~5 px at 1080)
CONTACT_LIFT = 0.02  # a foot lifted this share of a height off the ground casts no patch (a heel
#                      raised in a step: the patch pales as it rises)


class Shadows:
    """The long shadows of a layer's sprites, `reach` figure heights long (negative: towards the
    left), each made the first time it is needed."""

    def __init__(self, reach: float) -> None:
        self.reach = reach
        self.made: dict[pygame.Surface, pygame.Surface] = {}  # by the sprite itself (see
        # figure_depth: an id may be another sprite's once its own is freed)

    def of(self, sprite: pygame.Surface) -> pygame.Surface:
        """The sprite's long shadow, made the first time it is needed."""
        if sprite not in self.made:
            self.made[sprite] = _laid_down(sprite, self.reach)
        return self.made[sprite]

    def fill(self, sprites: Iterable[pygame.Surface], budget: Budget) -> Pieces:
        """The long shadows of `sprites`, made ahead in `budget`'s pieces."""
        for sprite in sprites:
            if budget.over(SHADOW_COST * sprite.get_width() * sprite.get_height()):
                yield
            self.of(sprite)

    def draw(self, surface: pygame.Surface, sprite: pygame.Surface, spot: tuple[int, int],
             feet: Point, shadow: pygame.Surface | None = None) -> None:
        """A long shadow laid along the ground from the feet, away from a low sun (`shadow`:
        the one to lay, if not the sprite's own)."""
        reach = self.reach
        shadow = self.of(sprite) if shadow is None else shadow
        w, h = sprite.get_size()
        fx, fy = feet
        # Where the feet land once the sprite is turned flat and stretched.
        if reach > 0:
            at = ((h - fy) * shadow.get_width() / h, fx * shadow.get_height() / w)
        else:
            at = (fy * shadow.get_width() / h, (w - fx) * shadow.get_height() / w)
        surface.blit(shadow, (round(spot[0] + fx - at[0]), round(spot[1] + fy - at[1])))


def _laid_down(sprite: pygame.Surface, reach: float) -> pygame.Surface:
    """The sprite turned flat along the ground, stretched to `reach` heights, dark and soft."""
    turned = pygame.transform.rotate(sprite, -90 if reach > 0 else 90)
    length = max(2, round(abs(reach) * sprite.get_height()))
    thick = max(2, sprite.get_width() // 4)
    flat = pygame.transform.smoothscale(turned, (length, thick))
    flat.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MIN)
    flat.fill((255, 255, 255, SHADOW_ALPHA), special_flags=pygame.BLEND_RGBA_MULT)
    return flat


class SunShadows:
    """The shadows a layer's people cast from the sky's sun (`dark`: how dark, 0 to 1): their
    direction and length from where the sun stands at the story time (`at`), each made the
    first time it is needed for a step of the sun's move."""

    def __init__(self, dark: float) -> None:
        self.alpha = round(255 * dark)
        self.sun: tuple[float, float] | None = None  # (x across, elevation) this frame
        self.made: dict[tuple[pygame.Surface, int, int], Cast] = {}

    def at(self, hour: float) -> None:
        """Where the sun is for this frame's shadows (none when it is down)."""
        self.sun = sun_position(hour)

    def draw(self, surface: pygame.Surface, sprite: pygame.Surface, feet: Point,
             on_sprite: Point, share: float) -> None:
        """The shadow of `sprite` (its feet at `on_sprite` on it, drawn `share` of its size)
        standing with its feet at `feet` in the picture."""
        lean = self.lean(feet[0] / surface.get_width())
        if lean is None:
            return
        key = (sprite, *lean)
        if key not in self.made:
            if len(self.made) > 4 * len({k[0] for k in self.made}) + 8:
                self.made.clear()  # (the sun has moved on: earlier steps are not seen again)
            self.made[key] = cast(sprite, on_sprite, lean, self.alpha, CONTACT_DARK)
        lay_from_feet(surface, self.made[key], (feet, on_sprite), share)

    def lean(self, x: float) -> tuple[int, int] | None:
        """The shadow's tip from the feet, in steps of a height (across, towards us), for
        someone at `x` (a share of the width)."""
        if self.sun is None or self.sun[1] <= 0.0:
            return None
        across, elevation = self.sun
        # (the sky's elevation, 0 to 1, as an angle up to overhead: a height's shadow is as
        # long as the angle's cotangent)
        reach = min(LONGEST, 1.0 / math.tan(elevation * math.pi / 2))
        turn = (across - x) * VIEW
        return (round(-reach * math.sin(turn) / LEAN_STEP),
                round(reach * math.cos(turn) * FORESHORTEN / LENGTH_STEP))

    @staticmethod
    def area(sprite: pygame.Surface, on_sprite: Point, feet: Point,
             lean: tuple[int, int]) -> pygame.Rect:
        """Where the shadow `draw` lays at `lean` lies in the picture (drawn at full size)."""
        lift = max(0, round(on_sprite[1]) - _lowest(sprite, on_sprite))
        dx, dy, left = _spread(sprite, on_sprite, lean)
        return pygame.Rect(round(feet[0]) - left, round(feet[1]) - SOFT - lift,
                           sprite.get_width() + math.ceil(abs(dx)) + 2 * SOFT + 1,
                           math.ceil(dy) + 1 + 2 * SOFT + lift)

    def reach(self, sprite: pygame.Surface, on_sprite: Point, feet: Point) -> pygame.Rect:
        """Where any of its shadows can lie, whatever the sun (the longest, leaning either
        way)."""
        most = (round(LONGEST / LEAN_STEP), round(LONGEST * FORESHORTEN / LENGTH_STEP))
        return self.area(sprite, on_sprite, feet, most).union(
            self.area(sprite, on_sprite, feet, (-most[0], most[1])))


def _spread(sprite: pygame.Surface, feet: Point,
            lean: tuple[int, int]) -> tuple[float, float, int]:
    """How far the shadow's head lies across and towards us from its feet (`feet` on the
    sprite), and the column of the feet on the shadow."""
    tall = max(1, min(sprite.get_height(), round(feet[1])))
    dx, dy = lean[0] * LEAN_STEP * tall, max(1.0, lean[1] * LENGTH_STEP * tall)
    return dx, dy, math.ceil(max(0.0, -dx)) + SOFT + round(feet[0])


def lay_from_feet(surface: pygame.Surface, made: Cast, feet: tuple[Point, Point], share: float,
                  shrunk: pygame.Surface | None = None) -> None:
    """Lay a shadow `cast` made, drawn `share` of its size (`shrunk` to it already, if given),
    from the soles of someone standing with their feet at feet[0] in the picture (feet[1] on
    their sprite): counted from where their sprite's top is drawn, rounded as it is (from the
    feet, a half-pixel feet point rounded the other way once left a row of ground between
    Harry's soles and the dark under them)."""
    shadow, column, row = made
    if shrunk is not None:
        shadow = shrunk
    elif share != 1.0:
        shadow = pygame.transform.smoothscale_by(shadow, share)
    (x, y), on_sprite = feet
    surface.blit(shadow, (round(x - on_sprite[0] * share) - round(column * share),
                          round(y - on_sprite[1] * share) + round(row * share)))


def cast(sprite: pygame.Surface, feet: Point, lean: tuple[int, int], alpha: int,
         contact: float = 0.0) -> Cast:
    """The sprite's shadow on the ground, its head at `lean` (steps of its height) from its
    soles (at or just above its `feet` on it), soft, and dark from the soles on (see _soles),
    with a sharp patch `contact` dark (0 to 1) under the soles on the ground (see _contact);
    its column of the sprite's left edge, and the sprite's row its top row lies on."""
    coverage = pygame.surfarray.array_alpha(sprite)  # (read once: the soles and their shadow)
    soles = _lowest_of(coverage, feet)
    feet = (feet[0], float(soles))
    tall = max(1, min(sprite.get_height(), round(feet[1])))
    dx, dy, at = _spread(sprite, feet, lean)
    width, rows = sprite.get_width(), math.ceil(dy) + 1
    # The body squeezed down to the shadow's rows, upside down (its head nearest us)...
    squeezed = pygame.transform.smoothscale(sprite.subsurface((0, 0, width, tall)),
                                            (width, rows))
    body = pygame.surfarray.array_alpha(squeezed)[:, ::-1]
    # ... each row of it pushed across as far as the shadow leans there.
    left = at - round(feet[0])
    shift = left + np.round(np.arange(rows) * (dx / max(1, rows - 1))).astype(int)
    flat = np.zeros((width + math.ceil(abs(dx)) + 2 * SOFT + 1, rows + 2 * SOFT), np.uint8)
    flat[np.arange(width)[:, None] + shift[None, :], SOFT + np.arange(rows)[None, :]] = body
    _soles(flat, coverage, tall, left)
    shadow = _softened(flat, alpha)
    if contact > 0.0:
        _contact(shadow, coverage, tall, left, contact)
    return shadow, left, soles - SOFT


def _lowest(sprite: pygame.Surface, feet: Point) -> int:
    """The row just under the sprite's soles (see _lowest_of)."""
    return _lowest_of(pygame.surfarray.array_alpha(sprite), feet)


def _lowest_of(coverage: np.ndarray, feet: Point) -> int:
    """The row just under the soles of a sprite of `coverage` (its alpha, columns x rows), at
    or above its feet line: a pose's feet point may lie some rows under the soles it shows (at
    15:30 Julie's lay 8 rows under hers, and her shadow, laid from it, left her hovering)."""
    rows = min(coverage.shape[1], round(feet[1]))
    shown = np.flatnonzero(coverage[:, :rows].max(axis=0) >= HALF)
    return int(shown[-1]) + 1 if shown.size else rows


def _soles(flat: np.ndarray, coverage: np.ndarray, tall: int, left: int) -> None:
    """Darken the shadow's first rows under the soles (the feet's own columns, a little wider):
    squeezed and softened, thin legs alone left it pale there, so it seemed to begin some
    pixels below the feet and they hovered."""
    rows = max(1, round(tall * SOLE_ROWS))
    alpha = coverage[:, max(0, tall - rows):tall]
    sole = alpha.max(axis=1).astype(np.int32)
    for spread in range(1, SOLE_SPREAD + 1):  # (a foot's shadow is a little wider than it)
        sole[spread:] = np.maximum(sole[spread:], sole[:-spread])
        sole[:-spread] = np.maximum(sole[:-spread], sole[spread:])
    deep = min(flat.shape[1] - SOFT, max(2, round(tall * SOLE_DEEP)))
    cols = slice(left, left + sole.size)
    fade = np.linspace(1.0, SOLE_FADE, deep + 1)  # (paling towards us: no slab under them)
    under = flat[cols, SOFT - 1:SOFT + deep]
    under[:] = np.maximum(under, (sole[:, None] * fade[None, :]).astype(np.uint8))


def _contact(shadow: pygame.Surface, coverage: np.ndarray, tall: int, left: int,
             dark: float) -> None:
    """Lay a sharp patch `dark` (0 to 1) under the soles on the ground: in each column of the
    sprite from just under its lowest pixel, as dark as that pixel is near the ground (the
    soles' row, `tall`), a pixel wider than the soles either side, paling towards us (over
    the soft shadow: the darker of the two)."""
    shown = coverage[:, :tall] >= HALF
    gap = np.where(shown.any(axis=1), np.argmax(shown[:, ::-1], axis=1), tall)  # (rows up)
    lift = max(1.0, tall * CONTACT_LIFT)
    near = np.clip(1.0 - (gap - 1) / lift, 0.0, 1.0)  # (1: on the ground, or a row off it:
    #                                                   a sole's edge drawn soft)
    near = np.maximum(near, 0.5 * np.maximum(np.roll(near, 1), np.roll(near, -1)))
    deep = max(2, round(tall * CONTACT_DEEP))
    above = min(SOFT, math.ceil(lift))  # (a foot a row or two up: its patch from under it)
    down = np.arange(-above, deep)[None, :] + np.minimum(gap, above)[:, None]
    fade = np.where(down >= 0, np.clip(1.0 - down / deep, 0.0, 1.0), 0.0)
    patch = (255 * dark * near[:, None] * fade).astype(np.uint8)
    under = pygame.surfarray.pixels_alpha(shadow)[left:left + near.size,
                                                  SOFT - above:SOFT + deep]
    np.maximum(under, patch[:under.shape[0], :under.shape[1]], out=under)


def _softened(flat: np.ndarray, alpha: int) -> pygame.Surface:
    """A black shadow of coverage `flat` (0-255, columns x rows) at most `alpha` dark, its
    edge blurred over about SOFT pixels."""
    shadow = pygame.Surface(flat.shape, pygame.SRCALPHA)
    shadow.fill((0, 0, 0, 255))
    pygame.surfarray.pixels_alpha(shadow)[:] = (flat.astype(np.uint16) * alpha // 255).astype(
        np.uint8)
    size = shadow.get_size()
    small = pygame.transform.smoothscale(shadow, (max(1, size[0] // SOFT),
                                                  max(1, size[1] // SOFT)))
    return pygame.transform.smoothscale(small, size)
