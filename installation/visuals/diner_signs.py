"""Johnie's pylon sign: its blade on a post, its chasing bulbs, and its neon's light added up
once for each way the tubes flicker."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from installation.core.cache import Bounded
from installation.visuals.base import Color, Frame, scaled
from installation.visuals.glow import radial
from installation.visuals.neon import Levels, Neon

# The blade: a slab leaning forward like a boomerang's arm, its corners as shares of its box
# (the top edge rising to the right, the foot cut back), on a post that runs through it.
BLADE = ((0.0, 0.2), (1.0, 0.0), (0.9, 1.0), (0.1, 0.84))
BLADE_FACE = (22, 64, 70)  # the blade's enamel: a googie turquoise, dark by night
BLADE_RIM = (196, 188, 170)  # its pale metal edge, where the bulbs sit
POST = (26, 24, 30)
BULB_GAP = 0.055  # between bulbs, as a share of the blade's height
BULB_SIZE = 0.014  # a bulb's radius, as a share of the blade's height
BULB_LIGHT = (255, 226, 160)  # a lit bulb: warm, a filament lamp
BULB_HALO = 0.7  # its halo's brightness at the middle, as a share of the lamp's
BULB_DARK = (52, 46, 38)  # an unlit one, glass catching a little light
CHASE_EVERY = 3  # one bulb in this many is lit, the lit ones stepping on together
# The sign, in shares of the building's height: the name's script letters (their em), the
# blade round them (as wide as the name this many times, and a margin).
NAME_SIZE, BLADE_WIDE, BLADE_TALL = 0.44, 1.12, 0.8
NAME_LIFT = 0.05  # the name sits this much above the blade's middle (its J hangs low)
SPIKE = 1 / 3  # the post stands above the blade by this share of the blade's height
# The COFFEE SHOP board on the post under the blade, in shares of the building's height: how
# tall, its letters' em, the gap over it; and how wide, of the blade's width.
COFFEE, COFFEE_FONT = "COFFEE SHOP", "tube"
COFFEE_BOARD, COFFEE_SIZE, COFFEE_GAP, COFFEE_WIDE = 0.19, 0.1, 0.05, 0.6
BOARD = (22, 18, 24)  # the board's face: dark, for the cyan tubes on it
BOARD_RIM = 1.8  # its edge, of the face's colour

GLOWS_KEPT = 12  # ways of flickering kept per sign (~0.3 MB each for the name at 1080p): a
#                  sign flickers among a handful (its hum, its failing letter's few states)


class SummedGlow:
    """A lit sign's glowing tubes laid as one additive picture for each set of brightnesses,
    the last few kept. Adding saturates at white and never takes away, so the tubes added
    together and then onto the frame give the same bytes as each added onto the frame."""

    def __init__(self, sign: Neon) -> None:
        self.sign = sign
        boxes = [pygame.Rect(tube.glow_position, level.get_size())
                 for tube in sign.tubes for level in tube.levels]
        self.box = boxes[0].unionall(boxes[1:]) if boxes else pygame.Rect(0, 0, 0, 0)
        self.kept: Bounded[Levels, pygame.Surface] = Bounded(GLOWS_KEPT)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Add the sign's light at this frame onto `surface`, as `Neon.draw` adds its tubes'."""
        levels = self.sign.look(frame)
        if any(level is not None for level in levels):
            surface.blit(self.summed(levels), self.box.topleft,
                         special_flags=pygame.BLEND_RGB_ADD)

    def summed(self, levels: Levels) -> pygame.Surface:
        """The tubes lit at `levels`, added up on black (kept; the oldest kept one is reused)."""
        found = self.kept.get(levels)
        if found is not None:
            return found
        picture = (self.kept.pop_oldest() if len(self.kept) >= GLOWS_KEPT
                   else pygame.Surface(self.box.size))
        picture.fill((0, 0, 0))
        left, top = self.box.topleft
        picture.fblits([(tube.levels[level], (tube.glow_position[0] - left,
                                              tube.glow_position[1] - top))
                        for tube, level in zip(self.sign.tubes, levels, strict=True)
                        if level is not None], pygame.BLEND_RGB_ADD)
        return self.kept.put(levels, picture)


def board_box(blade: pygame.Rect, post: int, height: int) -> pygame.Rect:
    """Where the COFFEE SHOP board hangs on the post (column `post`) under the blade in
    `blade`, on a building `height` pixels tall."""
    board = pygame.Rect(0, 0, int(blade.width * COFFEE_WIDE), int(height * COFFEE_BOARD))
    board.midtop = (post, blade.bottom + int(height * COFFEE_GAP))
    return board


def coffee_board(image: pygame.Surface, box: pygame.Rect, colors: tuple[Color, Color],
                 height: int) -> None:
    """The COFFEE SHOP board's face and rim (`colors`) in `box` on `image`, for a building
    `height` pixels tall (the words are tubes of their own)."""
    radius = max(2, height // 30)
    pygame.draw.rect(image, (*colors[0], 255), box, border_radius=radius)
    pygame.draw.rect(image, (*colors[1], 255), box, max(1, height // 80), border_radius=radius)


def dead_glass(image: pygame.Surface, at: tuple[int, int], signs: list[Neon]) -> None:
    """The signs' tubes as dark glass, drawn on `image` lying at `at` in the picture where
    `Neon.draw_unlit` draws them (Johnnie's signs have no mount of their own, no wash)."""
    image.fblits([(tube.dead, (tube.position[0] - at[0], tube.position[1] - at[1]))
                  for sign in signs for tube in sign.tubes])


@dataclass(frozen=True)
class Enamel:
    """The blade's colours: its face, its metal rim, its unlit bulbs."""

    face: Color
    rim: Color
    bulb: Color


NIGHT = Enamel(BLADE_FACE, BLADE_RIM, BULB_DARK)


@dataclass(frozen=True)
class Pylon:
    """Where the sign's parts lie on the facade's image: its blade's corners, the box round
    them, the post's middle, and the bulbs along its edge."""

    blade: tuple[tuple[int, int], ...]
    box: pygame.Rect
    post: int
    bulbs: tuple[tuple[int, int], ...]
    radius: int


def pylon(image: pygame.Surface, post_x: int, base: int, box: pygame.Rect) -> Pylon:
    """Draw the post from the ground (`base`) up through the blade in `box` (a spike above
    it), the blade's enamel and rim, and its bulbs unlit; say where they are."""
    post = max(3, box.height // 14)
    top = box.top - box.height // 3
    image.fill((*POST, 255), (post_x - post // 2, top, post, base - top))
    pygame.draw.circle(image, (*scaled(BLADE_RIM, 0.6), 255), (post_x, top), post)
    corners, bulbs, radius = blade(image, box, NIGHT)
    return Pylon(corners, box, post_x, bulbs, radius)


def blade(image: pygame.Surface, box: pygame.Rect, enamel: Enamel,
          gone: Callable[[int], bool] = lambda _n: False
          ) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...], int]:
    """Draw the blade in `box` on `image`: its `enamel`'s face and rim, and its bulbs unlit
    round the rim, but those `gone` (the nth, counted the way the light runs); its corners,
    its bulbs and their radius."""
    corners = tuple((round(box.left + x * box.width), round(box.top + y * box.height))
                    for x, y in BLADE)
    pygame.draw.polygon(image, (*enamel.face, 255), corners)
    rim = max(2, box.height // 40)
    pygame.draw.polygon(image, (*enamel.rim, 255), corners, rim)
    inset = _shrunk(corners, rim * 3)
    bulbs = _along(inset, max(4.0, box.height * BULB_GAP))
    radius = max(2, round(box.height * BULB_SIZE))
    for n, at in enumerate(bulbs):
        if not gone(n):
            pygame.draw.circle(image, (*enamel.bulb, 255), at, radius)
    return corners, bulbs, radius


def blade_box(font: pygame.font.Font, words: str, height: int) -> pygame.Rect:
    """The blade's box round `words` in `font` (the name's letters, NAME_SIZE of `height`
    high) on a building `height` pixels high, at the origin."""
    return pygame.Rect(0, 0, int(font.size(words)[0] * BLADE_WIDE + height * 0.2),
                       int(height * BLADE_TALL))


def _shrunk(points: tuple[tuple[int, int], ...], by: int) -> list[tuple[float, float]]:
    """A convex outline drawn in towards its middle by about `by` pixels."""
    cx = sum(x for x, _ in points) / len(points)
    cy = sum(y for _, y in points) / len(points)
    out = []
    for x, y in points:
        far = max(1.0, math.hypot(x - cx, y - cy))
        out.append((x - (x - cx) * by / far, y - (y - cy) * by / far))
    return out


def _along(outline: list[tuple[float, float]], gap: float) -> tuple[tuple[int, int], ...]:
    """Points `gap` apart round a closed outline, in order (the way the light runs)."""
    out: list[tuple[int, int]] = []
    for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1], strict=True):
        steps = max(1, round(math.hypot(x1 - x0, y1 - y0) / gap))
        out += [(round(x0 + (x1 - x0) * k / steps), round(y0 + (y1 - y0) * k / steps))
                for k in range(steps)]
    return tuple(out)


class Bulbs:
    """The blade's border of bulbs lit in a chase: one in CHASE_EVERY lit, the lit ones
    stepping on round the border `speed` bulbs a second (one lit bulb's picture, made once,
    added where each lit bulb is)."""

    def __init__(self, where: Pylon, at: tuple[int, int], speed: float) -> None:
        self.speed = speed
        self.sprite = _lit(where.radius, BULB_LIGHT)
        half = self.sprite.get_width() // 2
        self.steps = [[(self.sprite, (at[0] + x - half, at[1] + y - half))
                       for n, (x, y) in enumerate(where.bulbs) if n % CHASE_EVERY == step]
                      for step in range(CHASE_EVERY)]

    def step(self, seconds: float) -> int:
        """Which bulbs are lit now (the lit ones: those at this step, in CHASE_EVERY)."""
        return int(seconds * self.speed) % CHASE_EVERY if self.speed else 0

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Add the lit bulbs' light onto `surface`."""
        surface.fblits(self.steps[self.step(frame.seconds)], pygame.BLEND_RGB_ADD)


def _lit(radius: int, light: Color) -> pygame.Surface:
    """A lit bulb on black: a hot dot in a small round warm halo (for adding)."""
    picture = radial(radius * 4, scaled(light, BULB_HALO), 2.2)
    middle = (picture.get_width() // 2, picture.get_height() // 2)
    pygame.draw.circle(picture, light, middle, radius)
    return picture
