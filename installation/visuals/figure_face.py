"""A large head modelled in the light it catches: the face's front and side planes, a soft
shadow under the brow with the lid catching the light below it, the cheekbone lit over its
hollow, the nose's lit ridge and the shade beside and under it, the jaw's shade (a day's
stubble on a man who has not shaved), the near ear, the lit crown of the hair, each placed on a
head turned from profile towards the visitor (see headwear.on_head); and a smaller head in the
sun painted broadly: its side towards the sun lit, the rest in shade."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, mix
from installation.visuals.figure_paint import clipped
from installation.visuals.heads import HEAD, Polygon, place
from installation.visuals.headwear import HEAD_SCALE, on_head
from installation.visuals.skeleton import Body, Point

# A head this many pixels round (its radius, in the drawing before it is shrunk) is modelled;
# a smaller one stays a silhouette with a face in profile (a crowd's: a few pixels of eye
# socket and ear would be noise).
MODELLED = 60.0
# Points on the head in 3D, in head radii round its centre: forward (the nose's way), up, and
# out to the side that faces the visitor in profile (negative: the far side).
Point3 = tuple[float, float, float]
# The front of the face, the plane that catches a light from above and ahead (the booth's
# tube, the diner's lamps): brow, cheekbone, jaw and chin on each side.
FRONT: tuple[Point3, ...] = ((0.66, 0.62, 0.3), (0.6, 0.05, 0.46), (0.42, -0.5, 0.34),
                             (0.5, -0.82, 0.0), (0.42, -0.5, -0.34), (0.6, 0.05, -0.46),
                             (0.66, 0.62, -0.3))
EYES: tuple[Point3, ...] = ((0.6, 0.16, 0.3), (0.6, 0.16, -0.3))  # each eye's middle
# Under the brow the eye lies in a soft shadow, not a hole: an oval this size (head radii, half
# width and half height) a little over the eye, its lower half the lit lid and the cheek.
SOCKET = (0.22, 0.11)
BROW_SHADE = (0.02, 0.04)  # the shadow's middle, this far behind and over the eye's
SOCKET_LEAST, EAR_LEAST = 0.35, 0.5  # in profile a socket, an ear, keeps this much of its width
# The eye itself, drawn crisp over the soft planes: the lashes' line across the lid's foot and
# the lid over it catching the light (the line's ends, out from the eye's middle, head radii).
LASHES: tuple[Point3, ...] = ((0.04, -0.03, -0.12), (0.03, -0.01, 0.0), (0.0, -0.03, 0.12))
LID_RISE = 0.05  # the lit lid, this far over the lashes
IRIS = (0.07, 0.05)  # the eye's dark under the lid (half width, half height, head radii)
CHEEKS: tuple[Point3, ...] = ((0.6, -0.1, 0.38), (0.6, -0.1, -0.38))  # each cheekbone's light
CHEEK_SIZE = (0.16, 0.1)
NOSE: tuple[Point3, ...] = ((0.66, 0.28, 0.0), (0.95, -0.12, 0.0), (0.7, -0.24, 0.1),
                            (0.64, -0.18, 0.16))  # its bridge, tip and the shade beside it
RIDGE: tuple[Point3, ...] = ((0.7, 0.2, 0.04), (0.9, -0.06, 0.04), (0.86, -0.12, -0.02),
                             (0.68, 0.2, -0.02))  # the lit bridge down to the tip
UNDER_NOSE: Point3 = (0.74, -0.3, 0.03)  # the shadow under its tip, on the upper lip
UNDER_NOSE_SIZE = (0.12, 0.05)
MOUTH_LINE: tuple[Point3, ...] = ((0.68, -0.46, 0.16), (0.72, -0.45, 0.0), (0.68, -0.46, -0.16))
LOWER_LIP = 0.06  # the lower lip's lit edge, this far under the mouth's line
# The lower face from the upper lip round the chin and along the jaw, in the jaw's shade (and
# a day's stubble on a man's, darker, towards his hair's colour).
STUBBLE_AREA: tuple[Point3, ...] = ((0.7, -0.32, 0.22), (0.74, -0.34, 0.0), (0.7, -0.32, -0.22),
                                    (0.42, -0.5, -0.34), (0.5, -0.84, 0.0), (0.42, -0.5, 0.34),
                                    (0.1, -0.5, 0.5), (0.1, -0.66, 0.48))
EAR: Point3 = (-0.12, 0.02, 0.66)  # the near ear's middle
EAR_SIZE = (0.15, 0.3)  # its half width and half height, head radii
# The jaw: from under the ear round to the chin, the neck in shadow under it.
JAW: tuple[Point3, ...] = ((-0.14, -0.32, 0.58), (0.1, -0.66, 0.48), (0.48, -0.84, 0.14),
                           (0.5, -1.2, 0.0), (-0.3, -1.2, 0.5))
# Tones, as shares of the light's colour over the body's: the face's side (towards the
# visitor, out of the light), its front (in it), the shadow under the brow, a cheekbone, the
# lit lid and the nose's ridge, the lashes and the mouth's line, the shade under the nose and
# on the jaw, the ear, a lit crown of hair. (At a fifth of the light, the front of a face in
# the booth's tube or under the diner's lamps was a dark oval: the skin catches half of it,
# the brow's shadow over the eyes half that, a dark line across the face.)
SIDE, LIT, BROW, CHEEK, LID = 0.16, 0.5, 0.32, 0.6, 0.62
LASH, UNDER, JAW_SHADE, EAR_TONE, CROWN = 0.05, 0.22, 0.3, 0.3, 0.2
STUBBLE = 0.3  # a stubbled jaw's shade, this share of the way to the hair's colour
LINE = 0.05  # the lashes' and the mouth's line, this thick (head radii)
SOFT = 4  # the planes' edges softened by shrinking the face's layer this many times and back
# A head too small to model, in the sun (see sunlit_head): its face lit this far in (head
# radii) from the side towards the sun and down from its top, this share of the way to the
# sunlight; its hair a sheen along its edge towards the sun, narrower and fainter (lit as far
# in as the face, a cap of hair read as a pale helmet); the turn softened as SOFT, by this.
SUN_REACH, SUN_DROP, SUN_FACE = 0.45, 0.2, 0.5
# A face turned from the sun lit a little by the sky and the sunlit ground (this share of the
# way to the sunlight: in the skin's own tone it was a dark oval; a face towards the sun keeps
# its shade, the lit side against it), and across
# it the eyes' line in the brow's shadow: from FORWARD head radii ahead of its centre to the
# face's front, EYE_LINE[0] up, EYE_LINE[1] thick, this share darker than the shade.
SUN_FILL = 0.2
FORWARD, EYE_LINE, EYE_DARK = 0.35, (0.14, 0.11), 0.35
FACING = 0.3  # a head turned further than this from profile (cos) shows no eyes' line
HAIR_REACH, HAIR_DROP, SUN_HAIR = 0.18, 0.1, 0.22
SUN_SOFT = 2
CROWN_DROP = 0.1  # the hair's lit crown, this thick (head radii): the hair drawn again under it


@dataclass(frozen=True)
class Head:
    """Where a head is on the drawing: its centre, radius and tilt (figure heights, radians)
    and how far it is turned (radians from profile towards the visitor)."""

    centre: Point
    radius: float
    tilt: float
    turn: float

    def at(self, p: Point3) -> Point:
        """A point of the head (see Point3) where it is seen, in figure heights."""
        forward, up, out = p
        c, s = math.cos(self.turn), math.sin(self.turn)
        across = forward * c - out * s
        (point,) = place(((across * self.radius, up * self.radius),), self.centre, self.tilt)
        return point

    def faces(self, p: Point3) -> bool:
        """Is this point of the head on the side seen (not turned away)?"""
        forward, _, out = p
        return forward * math.sin(self.turn) + out * math.cos(self.turn) > -0.05


def head_of(body: Body, scale: float = 1.0) -> Head:
    """The head of a posed body as on_head places its outlines (a larger head for `scale`)."""
    radius = body.head_radius * HEAD_SCALE * scale
    tilt = body.lean + body.hunch + body.nod
    return Head(body.head, radius, tilt, math.pi * body.look)


def modelled(h: float, body: Body) -> bool:
    """Is this head drawn large enough (`h`: the drawing's pixels a figure height) to model?"""
    return bool(body.joints) and body.head_radius * HEAD_SCALE * h >= MODELLED


def model_head(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], h: float,
               body: Body, tones: tuple[Color, Color, Color], hair: Sequence[Polygon],
               scale: float = 1.0, ear: bool = True, stubble: bool = False) -> None:
    """Paint the face of the head drawn so far in its light (`tones`: the body's colour, the
    light's, the hair's), kept inside the face's outline (its jaw `stubble`d), then the hair
    over it again with its crown lit, and the near ear over it (unless the hair hangs over it:
    not `ear`)."""
    color, light, hair_tone = tones
    head = head_of(body, scale)
    face = on_head(body, HEAD, scale)
    jaw = mix(mix(color, light, JAW_SHADE), hair_tone, STUBBLE if stubble else 0.0)

    def features(layer: pygame.Surface, near: Callable[[Point], tuple[float, float]]) -> None:
        layer.fill((*mix(color, light, SIDE), 255))
        _planes(layer, near, head, (color, light, jaw), h)

    clipped(big, at, face, features, SOFT)
    clipped(big, at, face, lambda layer, near: _details(layer, near, head, color, light, h))
    drop = CROWN_DROP * head.radius
    for outline in hair:
        def crown(layer: pygame.Surface, near: Callable[[Point], tuple[float, float]],
                  outline: Polygon = outline) -> None:
            pygame.draw.polygon(layer, mix(hair_tone, light, CROWN), [near(p) for p in outline])
            pygame.draw.polygon(layer, hair_tone, [near((x, y - drop)) for x, y in outline])

        clipped(big, at, outline, crown)
    if ear and head.faces(EAR):
        _ear(big, at, head, color, light, h)


def sunlit_head(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], h: float,
                body: Body, tones: tuple[Color, Color, Color], hair: Sequence[Polygon],
                scale: float = 1.0, from_right: bool = True) -> None:
    """A head too small to model (see MODELLED) painted as a painter would at that distance in
    the sun (`tones`: the skin in shade, the sunlight on it, the hair's colour; the sun on the
    right of the drawing, or not `from_right`): the face and each lock of hair lit on the side
    and top towards the sun (SUN_REACH of the head across, SUN_DROP down), the rest in shade,
    the turn between them soft; a face turned from the sun lit a little (SUN_FILL), the eyes a
    dark line across the face (see _eye_line)."""
    skin, light, hair_tone = tones
    radius = body.head_radius * HEAD_SCALE * scale
    away = -radius if from_right else radius
    shade = skin if from_right else mix(skin, light, SUN_FILL)  # (its front in the shade)
    face = on_head(body, HEAD, scale)
    for n, (outline, dark, lit, (reach, drop)) in enumerate((
            (face, shade, mix(skin, light, SUN_FACE), (SUN_REACH, SUN_DROP)),
            *((o, hair_tone, mix(hair_tone, light, SUN_HAIR), (HAIR_REACH, HAIR_DROP))
              for o in hair))):
        def turn(layer: pygame.Surface, near: Callable[[Point], tuple[float, float]],
                 outline: Polygon = outline, dark: Color = dark, lit: Color = lit,
                 by: tuple[float, float] = (away * reach, radius * drop)) -> None:
            pygame.draw.polygon(layer, lit, [near(p) for p in outline])
            pygame.draw.polygon(layer, dark, [near((x + by[0], y - by[1])) for x, y in outline])

        clipped(big, at, outline, turn, SUN_SOFT)
        if n == 0:  # (under the hair)
            _eye_line(big, at, head_of(body, scale), face, mix(shade, (0, 0, 0), EYE_DARK))


def _eye_line(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], head: Head,
              face: Polygon, tone: Color) -> None:
    """A small head's eyes as a painter puts them at that distance: one dark stroke across
    the face at their height, in the brow's shadow, from ahead of the head's middle to the
    face's front (kept inside the face's outline); none on a head turned to look behind."""
    if math.cos(head.turn) < FACING:
        return
    up, thick = EYE_LINE

    def stroke(layer: pygame.Surface, near: Callable[[Point], tuple[float, float]]) -> None:
        ends = [near(head.at((forward, up + rise, 0.0))) for forward, rise in
                ((FORWARD, thick / 2), (1.2, thick / 2), (1.2, -thick / 2),
                 (FORWARD, -thick / 2))]
        pygame.draw.polygon(layer, tone, ends)

    clipped(big, at, face, stroke)


def _planes(layer: pygame.Surface, near: Callable[[Point], tuple[float, float]], head: Head,
            tones: tuple[Color, Color, Color], h: float) -> None:
    """The face's planes on a layer round the head, to be softened (`tones`: the body's, the
    light's, the jaw's shade; `h`: the drawing's pixels a figure height): the lit front, the
    brow's shadow over each eye, the cheekbones, the nose's shade, the jaw's."""
    color, light, jaw = tones

    def poly(points: Sequence[Point3], tone: Color) -> None:
        pygame.draw.polygon(layer, tone, [near(head.at(p)) for p in points])

    poly(JAW, color)  # the neck in shadow under the jaw
    poly([p for p in FRONT if head.faces(p)] or FRONT, mix(color, light, LIT))
    poly([p for p in STUBBLE_AREA if head.faces(p)] or STUBBLE_AREA, jaw)
    for cheek in CHEEKS:
        if head.faces(cheek):
            _oval(layer, near(head.at(cheek)), CHEEK_SIZE, SOCKET_LEAST, head, h,
                  mix(color, light, CHEEK))
    for eye in EYES:
        if head.faces(eye):
            brow = (eye[0] - BROW_SHADE[0], eye[1] + BROW_SHADE[1], eye[2])
            _oval(layer, near(head.at(brow)), SOCKET, SOCKET_LEAST, head, h,
                  mix(color, light, BROW))
    poly(NOSE, mix(color, light, SIDE))
    poly(RIDGE, mix(color, light, LID))
    _oval(layer, near(head.at(UNDER_NOSE)), UNDER_NOSE_SIZE, SOCKET_LEAST, head, h,
          mix(color, light, UNDER))


def _details(layer: pygame.Surface, near: Callable[[Point], tuple[float, float]], head: Head,
             color: Color, light: Color, h: float) -> None:
    """What stays crisp over the softened planes: each eye, its lashes and its lit lid, the
    mouth's line and the lower lip's light under it."""
    width = max(1, round(head.radius * h * LINE))

    def line(points: Sequence[Point3], tone: float, rise: float = 0.0) -> None:
        pygame.draw.lines(layer, mix(color, light, tone), False,
                          [near(head.at((f, u + rise, o))) for f, u, o in points], width)

    for eye in EYES:
        if head.faces(eye):
            lashes = [(eye[0] + f, eye[1] + u, eye[2] + o) for f, u, o in LASHES]
            _oval(layer, near(head.at(eye)), IRIS, SOCKET_LEAST, head, h,
                  mix(color, light, LASH))
            line(lashes, LID, LID_RISE)
            line(lashes, LASH)
    line(MOUTH_LINE, LIT, -LOWER_LIP)
    line(MOUTH_LINE, UNDER)


def _ear(big: pygame.Surface, at: Callable[[Point], tuple[float, float]], head: Head,
         color: Color, light: Color, h: float) -> None:
    """The near ear, over the hair round it: its rim catching the light, its bowl dark."""
    for middle, size, tone in ((EAR, EAR_SIZE, EAR_TONE),
                               ((EAR[0] + 0.03, EAR[1] - 0.02, EAR[2]),
                                (EAR_SIZE[0] * 0.5, EAR_SIZE[1] * 0.6), LASH)):
        _oval(big, at(head.at(middle)), size, EAR_LEAST, head, h, mix(color, light, tone))


def _oval(surface: pygame.Surface, middle: tuple[float, float], size: tuple[float, float],
          least: float, head: Head, h: float, tone: Color) -> None:
    """An oval round `middle` on `surface`, `size` head radii (half width, half height), its
    width narrowed as the head turns to profile, to no less than `least` of it."""
    wide = size[0] * head.radius * h * max(least, abs(math.sin(head.turn)))
    tall = size[1] * head.radius * h
    pygame.draw.ellipse(surface, tone, pygame.Rect(middle[0] - wide, middle[1] - tall,
                                                   2 * wide, 2 * tall))
