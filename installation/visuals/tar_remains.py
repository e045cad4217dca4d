"""The city's things in the newest tar: a sedan, a payphone's handset, a wristwatch stopped at
a quarter past five, half sunk, the tar heaped round them and bubbles swelling beside them."""

from __future__ import annotations

import math
import random
from collections.abc import Generator
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, mix, scaled, stable_seed
from installation.visuals.fossils import Pen, Rgba, stain
from installation.visuals.mire_wading import Wading

COIL_TURNS = 7  # turns of the handset's coiled cord
DIAL = 1.5  # a watch's dial is this much lighter than its case
SUPERSAMPLE = 3  # the city's things are drawn this much larger and shrunk, for soft edges
THING_DRIPS = 0.25  # tar runs up a smooth thing in low streaks (fur holds it higher)
WADE = 2.6  # the tar heaps round a thing as round an animal this many times its height
BUBBLES = 3  # bubbles of gas swelling in the tar beside each thing
BUBBLE_TAR = (46, 34, 22)  # their skin: the tar, glossy and a little browner than it lies
BUBBLE_SIZE = (0.003, 0.007)  # their radius, in the picture's heights
REMAINS_TILT = 14  # degrees: they sank more or less level
THING_SIZE = 0.045  # a thing's size of 1, in the picture's heights
ACROSS_JITTER = 0.03  # how far a thing lies from its place across, in the picture's widths
SHINE = (92, 88, 84)  # the light a bubble catches
GLINT: Color = mix(SHINE, (230, 226, 214), 0.5)  # the spot of sky on a dome's top, by day
BONE_ROOM = 0.05  # no bone this near a thing, in the picture's heights: a bone's half, mostly
Thing = tuple[Pen, float, float, float, float]  # one of REMAINS


def car(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """A long 1980s sedan gone down into the tar: trunk, cabin and hood, the windows empty."""
    body = [(-1.0, 0.06), (-0.98, -0.12), (-0.56, -0.16), (-0.38, -0.42), (0.2, -0.42),
            (0.42, -0.16), (0.98, -0.11), (1.0, 0.06)]
    pygame.draw.polygon(image, color, [(c + s * x, c + s * y) for x, y in body])
    for window in (((-0.33, -0.2), (-0.24, -0.37), (-0.08, -0.37), (-0.08, -0.2)),
                   ((-0.02, -0.2), (-0.02, -0.37), (0.16, -0.37), (0.32, -0.2))):
        pygame.draw.polygon(image, (0, 0, 0, 0), [(c + s * x, c + s * y) for x, y in window])
    for x in (-0.62, 0.62):
        wheel = (int(c + s * x), int(c + s * 0.08))
        pygame.draw.circle(image, color, wheel, max(2, int(s * 0.19)))
        pygame.draw.circle(image, (0, 0, 0, 0), wheel, max(1, int(s * 0.07)))


def receiver(image: pygame.Surface, c: float, s: float, color: Rgba,
             rng: random.Random) -> None:
    """A payphone's handset fallen on its back: the handle, the ear and mouth cups flaring up
    at its ends with their round faces, and its coiled cord going down into the tar (a bar
    with a knob at each end read as a bone)."""
    pygame.draw.line(image, color, (c - s * 0.6, c), (c + s * 0.6, c), max(1, int(s * 0.2)))
    for end in (-1, 1):
        x = c + end * s * 0.6
        pygame.draw.polygon(image, color, [(x - s * 0.15, c + s * 0.1), (x + s * 0.15,
                                                                         c + s * 0.1),
                                           (x + s * 0.24, c - s * 0.3), (x - s * 0.24,
                                                                         c - s * 0.3)])
        pygame.draw.ellipse(image, color, (x - s * 0.24, c - s * 0.37, s * 0.48, s * 0.14))
    coil = [(c + s * (0.75 + 0.6 * t) + s * 0.08 * math.cos(t * COIL_TURNS * 2 * math.pi),
             c + s * (0.05 + 0.4 * t) + s * 0.1 * math.sin(t * COIL_TURNS * 2 * math.pi))
            for t in (n / 80 for n in range(81))]
    pygame.draw.lines(image, color, False, coil, max(1, int(s * 0.07)))


def watch(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """A wristwatch face on, its strap across (upright, with the case at its foot, it read as
    a plunger): the round case, its pale dial with the quarter hours marked, and the hands on
    it stopped at a quarter past five."""
    pygame.draw.rect(image, color, (c - s * 0.85, c - s * 0.13, s * 1.7, s * 0.26),
                     border_radius=max(1, int(s * 0.06)))
    pygame.draw.circle(image, color, (int(c), int(c)), max(2, int(s * 0.36)))
    dial = (*(min(255, round(v * DIAL)) for v in color[:3]), color[3])
    pygame.draw.circle(image, dial, (int(c), int(c)), max(1, int(s * 0.28)))
    hands = (*(round(v * 0.3) for v in color[:3]), color[3])
    for quarter in range(4):
        angle = quarter * math.pi / 2
        pygame.draw.line(image, hands, (c + math.cos(angle) * s * 0.2,
                                        c + math.sin(angle) * s * 0.2),
                         (c + math.cos(angle) * s * 0.27, c + math.sin(angle) * s * 0.27),
                         max(1, int(s * 0.04)))
    for turn, length in ((5.25 / 12, 0.15), (15 / 60, 0.23)):  # hour, minute
        angle = 2 * math.pi * turn - math.pi / 2
        pygame.draw.line(image, hands, (c, c), (c + math.cos(angle) * s * length,
                                                c + math.sin(angle) * s * length),
                         max(1, int(s * 0.06)))
    for hole in range(3):  # the strap's holes
        x = c + s * (0.5 + 0.1 * hole)
        pygame.draw.circle(image, hands, (int(x), int(c)), max(1, int(s * 0.025)))


# The city's things in the newest layer, in the order `remains` adds them: their sizes against
# a bone's (each its own: at one size the handset read as a giant dumbbell, the watch as a
# ship's clock beside the car), where they lie across the picture (clear of its middle, where
# a figure stands) and the share of each under the tar.
REMAINS: tuple[Thing, ...] = (
    (car, 2.8, 0.2, 0.45, 1.1), (receiver, 0.75, 0.7, 0.35, 1.6), (watch, 0.6, 0.86, 0.2, 0.9))
# (how far each reaches from its middle, in its sizes, as drawn by its pen)


@dataclass(frozen=True)
class Sunk:
    """One of the city's things in the tar: drawn, its meeting with the tar, where its left
    edge and the surface's row lie (in the image it was laid in), and how many of its top
    rows stood out of the tar as it was laid."""

    drawn: pygame.Surface
    wading: Wading
    left: int
    line: int
    visible: int

    def area(self, top: int) -> pygame.Rect:
        """Where `draw` can paint at any depth (the image it was laid in `top` rows down)."""
        height = self.drawn.get_height()
        return self.wading.area(self.left, self.line + top).union(
            pygame.Rect(self.left, self.line + top - height, self.drawn.get_width(), height))

    def draw(self, surface: pygame.Surface, top: int, share: float, sky: Color) -> None:
        """It on `surface` (the image it was laid in lying `top` rows down it), `share` of
        what stood out of the tar as laid still out of it (none: gone under)."""
        shown = round(self.visible * share)
        if shown > 0:
            half_sunk(surface, self.drawn, (self.left, self.line + top), shown, self.wading, sky)

    def ahead(self, share: float, sky: Color) -> bool:
        """A piece of its meeting with the tar a row deeper than at `share` (see `draw`), made
        ahead of the frame it sinks that row on (made there, ~1 ms of it at 1080); whether
        there was one to make."""
        deeper = round(self.visible * share) - 1
        if deeper <= 0 or self.wading.made_figure(deeper, sky) is not None:
            return False
        self.wading.ahead(deeper, sky)
        return True


def lay_thing(image: pygame.Surface, thing: Thing, y: float, height: int,
              colors: tuple[Color, Color, Color], rng: random.Random,
              seed: int) -> Generator[None, None, Sunk]:
    """One of the newest things in the tar, half sunk in it just below its surface line
    (`y` rows under the image's top at most), where it lies across the picture: `colors`
    are its own, the tar's and the sky's; the bubbles beside it drawn into `image`, it
    returned, to be drawn at its depth (`Sunk.draw`). Three pieces: the thing tilted, shrunk,
    then the tar round it."""
    pen, size, across, under, reach = thing
    shade, tar, _sky = colors
    x = image.get_width() * (across + rng.uniform(-ACROSS_JITTER, ACROSS_JITTER))
    drawn = yield from draw_thing(pen, height * THING_SIZE * size, reach, shade, rng)
    visible = max(1, round(drawn.get_height() * (1 - under)))
    yield
    line = int(max(y, visible + 2))  # its top under the surface line, not cut by it
    wading = Wading(drawn, drawn.get_height() * WADE, stable_seed(seed, pen.__name__),
                    stain(drawn, visible), THING_DRIPS, swells=False)
    for _ in range(BUBBLES):
        beside = x + drawn.get_width() * rng.choice((-1, 1)) * rng.uniform(0.45, 0.8)
        dome(image, (int(beside), int(line + rng.uniform(0, 0.5) * y)),
             height * rng.uniform(*BUBBLE_SIZE), mix(tar, BUBBLE_TAR, 0.5))
    yield
    return Sunk(drawn, wading, int(x - drawn.get_width() / 2), line, visible)


def remains_spans(width: int, height: int, count: int) -> list[tuple[float, float]]:
    """Where the first `count` of the city's things can lie across the picture, in pixels,
    with room for a bone's half either side."""
    spans = []
    for _, size, place, _, reach in REMAINS[:count]:
        half = height * (THING_SIZE * size * reach + BONE_ROOM) + width * ACROSS_JITTER
        spans.append((width * place - half, width * place + half))
    return spans


def draw_thing(pen: Pen, size: float, reach: float, color: Color,
               rng: random.Random) -> Generator[None, None, pygame.Surface]:
    """A thing (reaching `reach` sizes from its middle) drawn large, tilted up to REMAINS_TILT
    degrees either way and shrunk: soft-edged, cut to what it covers (pausing once it is
    tilted); returns it."""
    side = int(size * reach * 2 * SUPERSAMPLE) + 2 * SUPERSAMPLE
    piece = pygame.Surface((side, side), pygame.SRCALPHA)
    pen(piece, side / 2, size * SUPERSAMPLE, (*color, 255), rng)
    yield  # (drawn, then turned, a piece each: the turn of the large drawing is most of it)
    turned = pygame.transform.rotate(piece, rng.uniform(-REMAINS_TILT, REMAINS_TILT))
    yield
    small = pygame.transform.smoothscale(turned, (max(1, turned.get_width() // SUPERSAMPLE),
                                                  max(1, turned.get_height() // SUPERSAMPLE)))
    return small.subsurface(small.get_bounding_rect().inflate(2, 2).clip(small.get_rect()))


def half_sunk(image: pygame.Surface, thing: pygame.Surface, at: tuple[int, int], visible: int,
              wading: Wading, sky: Color) -> None:
    """A thing with its `visible` top rows out of the tar, the surface at `at` (its left, the
    surface's row): fading into the tar where it meets it, soaked in its lowest rows, as an
    animal does."""
    left, line = at
    wading.prepare(visible, sky)
    whole = wading.shown_rows(visible)
    image.blit(wading.figure, (left, line - visible), (0, 0, thing.get_width(), whole))
    wading.draw_edge(image, (left, line - visible), (wading.figure, None), None)
    wading.draw(image, left, line)


def dome(surface: pygame.Surface, foot: tuple[int, int], r: float, tar: Color) -> None:
    """A bubble of tar `r` pixels across its half, swelling from the surface at `foot` (the
    middle of its base): a glossy dome, darker round its rim, the sky caught on its top."""
    bubble = pygame.Rect(0, 0, max(2, int(r * 2)), max(2, int(r * 1.1)))
    bubble.midbottom = foot
    spot = pygame.Rect(0, 0, max(1, int(r * 0.6)), max(1, int(r * 0.25)))
    spot.center = (foot[0] - int(r * 0.3), bubble.top + max(1, int(r * 0.25)))
    pygame.draw.ellipse(surface, scaled(tar, 1.5), bubble)
    pygame.draw.ellipse(surface, scaled(tar, 0.6), bubble, max(1, int(r / 6)))
    pygame.draw.ellipse(surface, GLINT, spot)
