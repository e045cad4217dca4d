"""One posed person drawn as a sprite: limbs as capsules under their clothes, the near arm's
fold over the chest, grey hair; drawn large and shrunk, for smooth edges, then lit on the side
that faces the light (see figure_light)."""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, replace

import pygame

from installation.visuals.base import Color, finished, mix, scaled
from installation.visuals.budget import Budget
from installation.visuals.carried import TONES, carried
from installation.visuals.figure_face import model_head, modelled, sunlit_head
from installation.visuals.figure_light import Light, Shape, lit_steps
from installation.visuals.figure_paint import (
    SILVER,
    Dress,
    folds,
    grey_hair,
    near_arm,
    paint,
    reach,
    silver,
)
from installation.visuals.headwear import HEAD_SCALE, hair_of, hats_of, head_scale, locks_of
from installation.visuals.skeleton import Body, Capsule, Point
from installation.visuals.sprites import shown_box
from installation.visuals.wardrobe import Outfit, bare_hands, dressed, worn

SUPERSAMPLE = 2  # drawn at twice the size and shrunk, for smooth edges
PASS_PIXELS = 250_000  # what one pass of painting a figure costs beyond its area (its joints)
SHRINK_COST = 3  # shrinking the drawing costs this many times its area
# Lighting the shrunk sprite (see figure_light) costs about this much beyond, and this many
# times the drawing's area.
LIGHT_PIXELS = 300_000
LIGHT_COST = 7
FACE_PIXELS = 1_300_000  # what modelling a large head costs (see figure_face): about 1.3 ms
TRIM_COST = 1  # cutting the lit sprite to what it shows costs about its drawing's area
# A sprite cut to what it shows is drawn only this far (figure heights) round the body's limbs,
# outlines and head (besides the head's radius): what the near arm's fold, a cuff and grey hair
# add past them, with room to spare (its pixels the same as the whole drawing's: see _painted).
PAINTED_MARGIN = 0.05
ORIGIN_OFFSET = 0.25  # of a pixel of the sprite: where in its pixel the body's x = 0 lies
BACK_RIM = 0.5  # a figure lit from behind: its far edge catches this share of the light
SLEEVELESS = ("tank",)  # tops that leave the arms bare: any other clothes the arms to the wrist
# A face is the body's colour this share of the way to skin's: the hair drawn over it in the
# body's own colour, the head shows which way it faces (skin in front, hair behind) where a
# head of one colour was a round blob once it turned from profile. A figure with a rim light
# is a silhouette against it (the sun behind it, a lit window): its face is as dark as the
# rest of it, its edge catching the rim (a lighter face read as lit from nowhere), and its
# hair darker still, so the head still shows which way it faces.
FACE, FACE_SHARE = (214, 160, 128), 0.16
SKIN_LIT = 0.45  # a modelled face (see figure_face) is lit by the rim's light this share skin's
OVER_EARS = ("long", "curly", "big")  # hair that hangs over the ears (a modelled head's hidden)
HAIR_SHADE = 0.6  # a silhouette's hair (and hat), of its colour: the face shows by the hair
# A figure dressed in colours whose rim is wholly soft (the sun far off) stands in open
# daylight, not against a light: its face and bare hands are skin in shade (this share of the
# way from its colour to skin's), and a head of at least DAYLIT_HEAD pixels round (in the
# drawing) too small to model is painted in the sun (figure_face.sunlit_head).
DAYLIT, DAY_SKIN, DAYLIT_HEAD = 1.0, 0.22, 12.0
# A couple in each other's arms are drawn in these parts, each over both of them: the far arms,
# the bodies, the near arms (round the partner: over their back). A sprite of one "whole"
# person is all three at once.
PARTS = ("far", "body", "near")
WHOLE = "whole"
__all__ = ["SILVER", "WHOLE", "Look", "silver", "sprite_box", "sprite_for",
           "sprite_steps"]  # (SILVER, silver: the painting's, for the looks)
Group = tuple[list[Capsule], Sequence[Sequence[Point]], bool]  # limbs, outlines, the body's?


def parts_of(pose: str) -> tuple[str, ...]:
    """The parts a layer's sprites are drawn in: an embrace's arms round each other (PARTS),
    anyone else whole."""
    return PARTS if pose == "embrace" else (WHOLE,)


@dataclass(frozen=True)
class Look:
    """What decides a sprite's pixels (the cache key with pose, phase and facing)."""

    height: int
    color: Color
    rim: Color | None
    rim_left: bool = False  # the rim light comes from the left of the picture
    outfit: Outfit | None = None  # None: a bare figure with a round head (a coyote)
    hair: Color | None = None  # grey hair catching the light (None: the body's colour)
    rim_both: bool = False  # lit from behind: the rim shows on both edges (the far one dimmer)
    clothes: Color | None = None  # the colour of their top and skirt (None: the body's)
    rim_above: bool = False  # lit from behind and above: the rim along its top edges alone
    rim_soft: float = 0.0  # how soft the rim is (see figure_light.Light.soft)

    def __hash__(self) -> int:  # worked out once: a sprite is looked up by it every frame
        try:
            return self.__dict__["_hash"]  # type: ignore[no-any-return]
        except KeyError:
            found = hash((self.height, self.color, self.rim, self.rim_left, self.outfit,
                          self.hair, self.rim_both, self.clothes, self.rim_above,
                          self.rim_soft))
            self.__dict__["_hash"] = found
            return found


def sprite_for(body: Body, look: Look, left: bool, part: str = WHOLE,
               trim: bool = False) -> tuple[pygame.Surface, Point]:
    """A figure (or one of its PARTS) drawn once: the surface, and where its feet are on it
    (x, y in pixels). A part, or any with `trim`, is cropped to what it shows."""
    return finished(sprite_steps(body, look, left, part, trim, Budget()))


def sprite_steps(body: Body, look: Look, left: bool, part: str, trim: bool,
                 budget: Budget) -> Generator[None, None, tuple[pygame.Surface, Point]]:
    """`sprite_for` in steps (each pass of paint, then the shrinking), pausing where the
    budget's piece is spent."""
    h = look.height * SUPERSAMPLE
    width, height, origin = _layout(body, h)
    capsules, shapes = (body.capsules, ()) if look.outfit is None or not body.joints else \
        dressed(body, look.outfit)
    groups = _groups(capsules, shapes, part)
    if part != WHOLE or trim:  # cut to what shows anyway: drawn only round what it paints
        box = _painted(groups, body, h, (width, height), origin)
        width, height, origin = box.width, box.height, (origin[0] - box.x, origin[1] - box.y)
    area = width * height
    if budget.over(area):  # a new drawing is cleared (its memory first touched) as it is made
        yield
    big = pygame.Surface((width, height), pygame.SRCALPHA)

    def at(p: Point) -> tuple[float, float]:
        return (origin[0] + p[0] * h, origin[1] - p[1] * h)

    def shrunk(p: tuple[float, float]) -> Point:
        return (p[0] / SUPERSAMPLE, p[1] / SUPERSAMPLE)

    lights = _lights(look, left)
    dress = _dress(look, body)
    # The body and its clothes, then the near arm over them with an edge of its own: its elbow
    # and hand read against the chest instead of sinking into it.
    for group, outlines, torso in groups:
        if budget.over(PASS_PIXELS + area):
            yield
        if not torso and look.rim is not None and part == WHOLE:
            near_arm(big, at, h, group, look.color, lights, dress, reach(body))
            continue
        paint(big, at, h, group, outlines, look.color, 0.0, dress)
        if not shapes and torso:  # a bare figure's round head
            pygame.draw.circle(big, look.color, at(body.head), body.head_radius * h)
        if torso and dress is not None and look.rim is not None and (
                modelled(h, body) or _daylit(look, h, body)):
            if budget.over(FACE_PIXELS):  # (~1.3 ms, less in the sun: a piece of its own)
                yield
            _modelled(big, at, h, body, look, dress, outlines, lights[0])
        if torso and look.hair is not None and look.outfit is not None:
            grey_hair(big, at, h, locks_of(body, look.outfit), look.hair)
            paint(big, at, h, (), hats_of(body, look.outfit), look.color, 0.0)  # over it
    if budget.over(SHRINK_COST * area):
        yield
    small = pygame.transform.smoothscale(big, (width // SUPERSAMPLE, height // SUPERSAMPLE))
    if lights:  # (in steps of its own: a large figure's light took ~7 ms in one piece)
        chin = at(body.head)[1] + body.head_radius * HEAD_SCALE * h if body.joints else None
        hands = bare_hands(body) if look.outfit is not None and body.joints else ()
        yield from lit_steps(small, look.height, lights, budget, LIGHT_PIXELS + LIGHT_COST * area,
                             Shape(part != WHOLE, look.rim_above,
                                   None if chin is None else chin / SUPERSAMPLE,
                                   [(shrunk(at(c.a)), shrunk(at(c.b)),
                                     max(c.width, c.end_width) * h / 2 / SUPERSAMPLE)
                                    for c in hands], look.outfit is None))
    feet = (origin[0] / SUPERSAMPLE, origin[1] / SUPERSAMPLE)
    if left:
        small = pygame.transform.flip(small, True, False)
        feet = (small.get_width() - feet[0], feet[1])
    if part != WHOLE or trim:
        if budget.over(TRIM_COST * area):  # (after the light, a piece of its own: ~1 ms)
            yield
        shown = shown_box(small)
        # Cut from an even column and row: the feet move by an even number of pixels, so
        # the place the sprite is rounded to moves by exactly that (round() rounds a half
        # to even), and the picture is the same as from the whole sprite.
        shown.union_ip((shown.x - shown.x % 2, shown.y - shown.y % 2, 0, 0))
        small = small.subsurface(shown).copy()
        feet = (feet[0] - shown.x, feet[1] - shown.y)
    return small, feet


def _modelled(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], h: float,
              body: Body, look: Look, dress: Dress, outlines: Sequence[Sequence[Point]],
              light: Light) -> None:
    """A large head lit by the rim's light modelled, or a smaller one in the sun painted
    broadly in it (see figure_face), then what it hides again over it: the hair and hat (grey
    hair is drawn after, in its own light) and what they carry."""
    assert look.outfit is not None and look.rim is not None
    hair = () if look.hair is not None else hair_of(body, look.outfit)
    lit = mix(look.rim, FACE, SKIN_LIT)
    if modelled(h, body):
        model_head(big, at, h, body, (look.color, lit, dress.hair or look.color), hair,
                   head_scale(look.outfit), look.outfit.hair not in OVER_EARS,
                   look.outfit.stubble)
    else:
        folds(big, at, h, outlines[:dress.worn], dress.clothes, light)
        sunlit_head(big, at, h, body, (dress.skin or look.color, lit, dress.hair or look.color),
                    hair, head_scale(look.outfit), light.from_right)
    if dress.held:
        paint(big, at, h, (), outlines[-dress.held:], look.color, 0.0,
              replace(dress, worn=0, face=-1))


def _daylit(look: Look, h: float, body: Body) -> bool:
    """Does this figure stand in open daylight, near enough to paint its head in the sun (see
    DAYLIT)?"""
    return look.rim_soft >= DAYLIT and look.clothes is not None and bool(body.joints) and \
        body.head_radius * HEAD_SCALE * h >= DAYLIT_HEAD


def _layout(body: Body, h: float) -> tuple[int, int, tuple[float, float]]:
    """The size of the drawing of a body `h` pixels tall (supersampled), and where on it the
    body's feet (its origin) are."""
    pad = int(0.1 * h) + 2
    xs = [x for c in body.capsules for x in (c.a[0], c.b[0])] + [body.head[0]]
    left_x, right_x = min(xs) - 0.12, max(xs) + 0.12
    width = int((right_x - left_x) * h) + 2 * pad
    height = int(1.12 * h) + 2 * pad
    # the body's x = 0 a quarter of a pixel into a pixel of the shrunk sprite, whatever the
    # pose: placed by its feet, every phase is rounded alike (a planted toe never jitters by
    # a pixel as the rest of the pose changes), and never on a half pixel (where rounding to
    # even would place it one way here and the other a pixel on)
    origin = (SUPERSAMPLE * (round((pad - left_x * h) / SUPERSAMPLE) + ORIGIN_OFFSET),
              height - pad)
    return width, height, origin


def _painted(groups: Sequence[Group], body: Body, h: float, size: tuple[int, int],
             origin: Point) -> pygame.Rect:
    """The part of a drawing of `size` (the body's feet at `origin` on it, `h` pixels tall)
    that a sprite cut to what it shows needs drawn: round all its `groups` paint (the head
    with the body's; PAINTED_MARGIN more), along each side of the drawing of even length (see
    `_cut`); a side of odd length whole."""
    xs, ys = [], []
    for capsules, outlines, torso in groups:
        for c in capsules:
            half = max(c.width, c.end_width) / 2
            for x, y in (c.a, c.b):
                xs += [x - half, x + half]
                ys += [y - half, y + half]
        for outline in outlines:
            xs += [x for x, _ in outline]
            ys += [y for _, y in outline]
        if torso:
            xs.append(body.head[0])
            ys.append(body.head[1])
    if not xs:
        return pygame.Rect((0, 0), size)
    margin = (PAINTED_MARGIN + body.head_radius) * h
    left, right = _cut(origin[0] + min(xs) * h - margin, origin[0] + max(xs) * h + margin,
                       size[0])
    top, bottom = _cut(origin[1] - max(ys) * h - margin, origin[1] - min(ys) * h + margin,
                       size[1])
    return pygame.Rect(left, top, right - left, bottom - top)


def _cut(low: float, high: float, length: int) -> tuple[int, int]:
    """Where along a side of the drawing `length` pixels long to cut it to hold `low` to
    `high`: each end a multiple of 2 * SUPERSAMPLE from that end of the side, which is then
    shrunk by exactly SUPERSAMPLE (each pixel of the sprite the mean of the same block as in
    the whole drawing's) and cut from an even pixel from either end (flipped or not, it is cut
    to what it shows from the same pixels: see sprite_steps). A side of odd length is shrunk
    by a little more than SUPERSAMPLE, each pixel's share by where it lies: never cut."""
    unit = 2 * SUPERSAMPLE
    start = max(0, math.floor(low / unit) * unit)
    end = length - max(0, math.floor((length - high) / unit) * unit)
    if length % 2 or end - start < unit:
        return 0, length
    return start, end


def sprite_box(body: Body, look: Look, left: bool) -> pygame.Rect:
    """Where a sprite of the body lies about its feet (x, y 0), in its pixels, before it is
    drawn: any of its parts, trimmed or not, lies within it."""
    width, height, origin = _layout(body, look.height * SUPERSAMPLE)
    w, h = width // SUPERSAMPLE, height // SUPERSAMPLE
    x = origin[0] / SUPERSAMPLE
    x = w - x if left else x
    return pygame.Rect(-math.ceil(x), -math.ceil(origin[1] / SUPERSAMPLE), w + 1, h + 1)


def _dress(look: Look, body: Body) -> Dress | None:
    """The colours of a dressed figure's outlines past its own: its clothes (the first ones,
    if it has a colour for them), its face (a shade of skin, see FACE; for a silhouette lit
    from behind, a rim light's, the body's own colour, its hair darker: HAIR_SHADE) and what
    it carries (the last ones, in that thing's tone)."""
    if look.outfit is None or not body.joints:
        return None
    carry = look.outfit.carry
    held = 0 if carry not in TONES else len(carried(body, carry))
    tone = mix(look.color, *TONES[carry]) if held else look.color
    return Dress(look.clothes or look.color, worn(look.outfit) if look.clothes else 0, tone, held,
                 bool(look.clothes) and look.outfit.coat not in SLEEVELESS,
                 mix(look.color, FACE, FACE_SHARE if look.rim is None else
                     DAY_SKIN if look.rim_soft >= DAYLIT and look.clothes else 0.0),
                 worn(look.outfit), None if look.rim is None else scaled(look.color, HAIR_SHADE),
                 frozenset(bare_hands(body)))


def _lights(look: Look, left: bool) -> list[Light]:
    """The lights a sprite catches, as it is drawn (it may be flipped after): the rim's, then
    for a figure lit from behind a weaker one from the other side."""
    if look.rim is None:
        return []
    from_right = look.rim_left == left
    main = Light(look.rim, from_right, soft=look.rim_soft)
    return [main, Light(look.rim, not from_right, BACK_RIM, look.rim_soft)] if look.rim_both \
        else [main]


def _groups(capsules: Sequence[Capsule], shapes: Sequence[Sequence[Point]],
            part: str) -> list[Group]:
    """What a sprite's part paints, in order: groups of limbs with the outlines over them, and
    whether the group is the body (where a head goes): the far limbs and the body and clothes,
    then the near arm. A far arm alone is the part "far", and left out of the "body"."""
    behind = sorted((c for c in capsules if not c.in_front), key=lambda c: not c.far)
    front = [c for c in capsules if c.in_front]
    if part == WHOLE:
        return [(behind, shapes, True), (front, (), False)]
    if part == "near":
        return [(front, (), False)]
    arms = [c for c in behind if c.far and c.limb in ("arm", "hand")]
    if part == "far":
        return [(arms, (), False)]
    return [([c for c in behind if c not in arms], shapes, True)]
