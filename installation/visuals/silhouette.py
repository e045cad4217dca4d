"""Figures cut from the dark: mammoth, calf, payphone, palm and coyote, drawn from vectors."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pygame

from installation.visuals.base import Color, Frame, Pieces, Setup, at_once, mix, scaled
from installation.visuals.glow import radial

UNIT = 0.25  # one shape unit is this share of the picture height, at scale 1
SUPERSAMPLE = 3  # drawn large and shrunk, for smooth edges
BAND_ROWS = 180 * SUPERSAMPLE  # the large drawing is made in bands of this many rows, a step each
IVORY = (206, 196, 172)
MIRROR_SQUASH = 0.7
GLOW_REACH = 0.9  # a backlight's radius, as a share of the figure's size
RING_CYCLE, RING_ON = 6.0, 2.0  # an American phone rings two seconds in every six
RING_GAIN = 0.8  # how much the light swells while it rings
Point = tuple[float, float]


class Pen:
    """Draws shapes given in units (x right, y up, feet at 0) onto a supersampled surface.

    The surface may be one band of the drawing, starting `top` rows down: positions are
    worked out on the whole drawing and then moved, so bands join without a seam.
    """

    def __init__(self, surface: pygame.Surface, px: float, origin: tuple[int, int],
                 flip: bool, top: int = 0) -> None:
        self.surface, self.px, self.origin, self.flip = surface, px, origin, flip
        self.top = top

    def at(self, p: Point) -> tuple[int, int]:
        x = -p[0] if self.flip else p[0]
        return (int(self.origin[0] + x * self.px), int(self.origin[1] - p[1] * self.px) - self.top)

    def polygon(self, points: Sequence[Point], color: Color) -> None:
        pygame.draw.polygon(self.surface, (*color, 255), [self.at(p) for p in points])

    def stroke(self, points: Sequence[Point], width0: float, width1: float,
               color: Color) -> None:
        """A tapering line through points (trunks, tusks, fronds), as overlapping discs."""
        steps = 40
        for i in range(len(points) - 1):
            (x0, y0), (x1, y1) = points[i], points[i + 1]
            for s in range(steps + 1):
                t = (i + s / steps) / (len(points) - 1)
                x, y = x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps
                r = max(1, int((width0 + (width1 - width0) * t) * self.px / 2))
                pygame.draw.circle(self.surface, (*color, 255), self.at((x, y)), r)

    def ellipse(self, centre: Point, rx: float, ry: float, color: Color) -> None:
        cx, cy = self.at(centre)
        cy += self.top
        box = pygame.Rect(cx - rx * self.px, cy - ry * self.px, 2 * rx * self.px, 2 * ry * self.px)
        pygame.draw.ellipse(self.surface, (*color, 255), box.move(0, -self.top))


def mammoth(pen: Pen, color: Color, calf: bool = False) -> None:
    """The mother, trunk raised and bellowing; the calf is rounder, trunk down, no tusks."""
    body = [(0.62, 0.5), (0.58, 0.72), (0.42, 0.84), (0.2, 0.9), (0.02, 0.98), (-0.14, 1.06),
            (-0.28, 1.02), (-0.38, 0.9), (-0.43, 0.72), (-0.4, 0.55), (-0.3, 0.42),
            (-0.2, 0.36), (-0.1, 0.4), (0.0, 0.34), (0.1, 0.39), (0.2, 0.34), (0.3, 0.39),
            (0.4, 0.35), (0.5, 0.4), (0.6, 0.42)]
    pen.polygon(body, color)
    for x in (-0.26, -0.06, 0.34, 0.5):
        pen.polygon([(x - 0.01, 0.5), (x + 0.15, 0.5), (x + 0.13, 0.2), (x + 0.135, 0.03),
                     (x + 0.15, 0.0), (x - 0.01, 0.0), (x + 0.005, 0.03), (x + 0.01, 0.2)],
                    color)
    pen.stroke([(0.6, 0.66), (0.68, 0.5), (0.7, 0.36)], 0.035, 0.015, color)  # tail
    if calf:
        pen.stroke([(-0.4, 0.66), (-0.48, 0.45), (-0.47, 0.22), (-0.42, 0.12)], 0.1, 0.04, color)
        return
    pen.stroke([(-0.4, 0.7), (-0.52, 0.84), (-0.6, 1.02), (-0.56, 1.18), (-0.48, 1.22)],
               0.12, 0.045, color)
    tusk = mix(color, IVORY, 0.28)
    pen.stroke([(-0.36, 0.64), (-0.5, 0.52), (-0.66, 0.58), (-0.74, 0.74), (-0.68, 0.86)],
               0.075, 0.02, tusk)


def calf(pen: Pen, color: Color) -> None:
    mammoth(pen, color, calf=True)


def payphone(pen: Pen, color: Color) -> None:
    """A pedestal payphone under its little hood, handset hanging on the side."""
    pen.polygon([(-0.03, 0.0), (0.03, 0.0), (0.03, 0.5), (-0.03, 0.5)], color)
    pen.polygon([(-0.12, 0.46), (0.12, 0.46), (0.12, 0.82), (-0.12, 0.82)], color)
    pen.polygon([(-0.2, 0.8), (0.2, 0.8), (0.2, 1.0), (-0.2, 1.0)], color)
    pen.polygon([(-0.2, 0.78), (-0.18, 0.78), (-0.18, 0.98), (-0.2, 0.98)], color)
    pen.polygon([(0.18, 0.78), (0.2, 0.78), (0.2, 0.98), (0.18, 0.98)], color)
    pen.stroke([(0.14, 0.78), (0.16, 0.7), (0.15, 0.58)], 0.05, 0.05, color)  # handset
    pen.stroke([(0.12, 0.56), (0.18, 0.5), (0.14, 0.44), (0.1, 0.5)], 0.012, 0.012, color)


def palm(pen: Pen, color: Color) -> None:
    """A tall Washingtonia: a thin, leaning trunk, a skirt of dead fronds, a fan crown."""
    pen.stroke([(0.0, 0.0), (0.03, 1.2), (0.1, 2.4), (0.16, 3.2)], 0.09, 0.05, color)
    crown = (0.16, 3.22)
    pen.polygon([(crown[0] - 0.07, crown[1] - 0.02), (crown[0] + 0.07, crown[1] - 0.02),
                 (crown[0] + 0.05, crown[1] - 0.42), (crown[0] - 0.04, crown[1] - 0.4)], color)
    for n in range(17):
        angle = -2.5 + 5.0 * n / 16  # radians from straight up, round the crown
        length = 0.62 - 0.1 * abs(angle) / 2.5
        dx, dy = math.sin(angle), math.cos(angle)
        droop = 0.12 + 0.25 * abs(angle) / 2.5
        mid = (crown[0] + dx * length * 0.5, crown[1] + dy * length * 0.5)
        tip = (crown[0] + dx * length, crown[1] + dy * length - droop)
        pen.stroke([crown, mid, tip], 0.1, 0.012, color)


def coyote(pen: Pen, color: Color) -> None:
    """A coyote, head low, sniffing the floor."""
    body = [(0.42, 0.36), (0.3, 0.46), (0.0, 0.48), (-0.24, 0.46), (-0.34, 0.42), (-0.44, 0.34),
            (-0.54, 0.26), (-0.62, 0.22), (-0.6, 0.18), (-0.48, 0.2), (-0.38, 0.24),
            (-0.3, 0.26), (-0.2, 0.3), (0.0, 0.3), (0.3, 0.3), (0.42, 0.3)]
    pen.polygon(body, color)
    pen.polygon([(-0.4, 0.36), (-0.36, 0.48), (-0.32, 0.38)], color)  # ear
    pen.polygon([(-0.46, 0.33), (-0.44, 0.45), (-0.39, 0.35)], color)  # ear
    for x0, x1 in ((-0.22, -0.24), (-0.12, -0.1), (0.26, 0.3), (0.36, 0.4)):
        pen.stroke([(x0, 0.34), (x1, 0.0)], 0.05, 0.03, color)
    pen.stroke([(0.4, 0.38), (0.52, 0.26), (0.56, 0.12)], 0.1, 0.05, color)  # tail


SHAPES: dict[str, tuple[Callable[[Pen, Color], None], tuple[float, float, float, float]]] = {
    # name: (drawing, bounds in units: left, right, bottom, top)
    "mammoth": (mammoth, (-0.9, 0.8, 0.0, 1.3)),
    "calf": (calf, (-0.6, 0.8, 0.0, 1.1)),
    "payphone": (payphone, (-0.25, 0.25, 0.0, 1.05)),
    "palm": (palm, (-0.7, 1.0, 0.0, 3.6)),
    "coyote": (coyote, (-0.7, 0.65, 0.0, 0.55)),
}


class Silhouette:
    """One figure, drawn once per scene (supersampled), standing on its feet line."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the large drawing a band at a time, then glow and reflection."""
        self.params = params
        width, height = setup.size
        draw, (left, right, bottom, top) = SHAPES[params["shape"]]
        px = params["scale"] * UNIT * height
        big = px * SUPERSAMPLE
        flip = params["flip"]
        # Whole multiples of the supersampling, so each band shrinks exactly as the whole would.
        span_w = _whole(int((right - left) * big) + 4)
        span_h = _whole(int((top - bottom) * big) + 4)
        origin_x = int((right if flip else -left) * big) + 2
        origin = (origin_x, int(top * big) + 2)
        self.image = pygame.Surface((span_w // SUPERSAMPLE, span_h // SUPERSAMPLE),
                                    pygame.SRCALPHA)
        for band_top in range(0, span_h, BAND_ROWS):
            rows = min(BAND_ROWS, span_h - band_top)
            band = pygame.Surface((span_w, rows), pygame.SRCALPHA)
            draw(Pen(band, big, origin, flip, band_top), params["color"])
            small = pygame.transform.smoothscale(band, (span_w // SUPERSAMPLE,
                                                        rows // SUPERSAMPLE))
            # Added onto transparent black: a plain copy of colour and alpha.
            self.image.blit(small, (0, band_top // SUPERSAMPLE),
                            special_flags=pygame.BLEND_RGBA_ADD)
            yield
        self.feet = (int(width * params["x"]) - origin_x // SUPERSAMPLE,
                     int(height * params["y"]) - int(top * px))
        self.sink = int(params["sink"] * (top - bottom) * px)
        self.mirror = self._mirror(params["reflect"]) if params["reflect"] > 0 else None
        self.glow = None
        if params["glow"] is not None:
            radius = int(max(self.image.get_size()) * GLOW_REACH)
            self.glow = radial(radius, params["glow"], 1.6)
            self.ringing = radial(radius, scaled(params["glow"], RING_GAIN), 1.6)
            centre = (self.feet[0] + self.image.get_width() // 2,
                      self.feet[1] + self.sink + int(self.image.get_height() * 0.3))
            self.glow_at = (centre[0] - radius, centre[1] - radius)

    def _mirror(self, strength: float) -> pygame.Surface:
        """Its reflection in still tar or a wet street: upside down, dim, squashed a little."""
        visible = max(1, self.image.get_height() - self.sink)
        upright = self.image.subsurface((0, 0, self.image.get_width(), visible))
        flipped = pygame.transform.flip(upright, False, True)
        flipped = pygame.transform.smoothscale(flipped, (flipped.get_width(),
                                                         max(1, int(visible * MIRROR_SQUASH))))
        flipped.fill((255, 255, 255, round(255 * strength * 0.5)),
                     special_flags=pygame.BLEND_RGBA_MULT)
        return flipped

    def look(self, frame: Frame) -> bool:
        """Still but for the ring: is the phone's light pulsing now?"""
        ring = self.params["ring"]
        return bool(self.glow is not None and ring and frame.seconds < ring
                    and frame.seconds % RING_CYCLE < RING_ON)

    def changed(self, _old: bool, _new: bool) -> list[pygame.Rect]:
        return [pygame.Rect(self.glow_at, self.ringing.get_size())]

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        x, y = self.feet
        visible = self.image.get_height() - self.sink
        if self.glow is not None:
            surface.blit(self.glow, self.glow_at, special_flags=pygame.BLEND_RGB_ADD)
            if self.look(frame):
                surface.blit(self.ringing, self.glow_at, special_flags=pygame.BLEND_RGB_ADD)
        if visible > 0:
            surface.blit(self.image, (x, y + self.sink), (0, 0, self.image.get_width(), visible))
            if self.mirror is not None:
                surface.blit(self.mirror, (x, y + self.image.get_height()))


def _whole(length: int) -> int:
    """`length` rounded up to a whole number of supersampled pixels."""
    return -(-length // SUPERSAMPLE) * SUPERSAMPLE
