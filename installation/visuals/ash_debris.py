"""What lies on the ash nearer the camera, painted once at build: broken masonry, a street
sign bent down on its post, a shoe, sheets of paper; each dusted with ash along its top and
casting a soft shadow on the ash."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, mix, scaled
from installation.visuals.cars import Project

NEAR_DARK = 0.55  # the ground at our feet this much darker than at the ruins' feet (0.5 with
# sharper ridge shadows, before their crests were rounded): the eye
# goes up to the fires
NEAR_FALL = 1.6  # ... darkening fastest near the foot
DUST: Color = (128, 120, 112)  # ash lying on a thing's upper faces
SHADOW = 0.55  # the ash under a thing, of its light
BLOCKS = 34  # broken blocks of masonry on the near ground
BLOCK_SIZE = (0.015, 0.06)  # a block's half size, in road half widths
BLOCK_TONE = (1.3, 2.6)  # a block's stone, of the ground's colour (concrete catches the light)
PAPERS = 22  # sheets of paper lying on the ash
PAPER: Color = (150, 144, 132)  # paper, greyed by the ash on it
PAPER_SIZE = (0.006, 0.014)  # a sheet's half size, in road half widths
NEAR = (1.0, 1.8)  # the debris lies this far along the road (1: the picture's foot)
CLEAR = 0.3  # none in the middle this share of the picture's half width (the caption's)
BLOCK_CORNERS = 7  # a broken block's outline
SIGN_AT = (-0.78, 1.2)  # the bent street sign's foot: across, along the road
SIGN: Color = (30, 46, 38)  # its enamel, scorched
SIGN_TALL = 0.3  # how high its post stood, in world units
SHOE_AT = (-0.42, 1.04)  # a shoe left on the ash, near the foot left of the middle
SHOE: Color = (30, 24, 22)
SHOE_HALF = 0.016  # its half length, in road half widths
SHOE_OUTLINE = ((0.0, 0.0), (1.0, 0.0), (1.0, 0.18), (0.93, 0.32), (0.78, 0.42), (0.55, 0.55),
                (0.38, 0.85), (0.08, 0.9), (0.0, 0.75))  # side on, toe right: along, up


def strew(image: pygame.Surface, project: Project, color: Color, rng: np.random.Generator,
          depths: tuple[float, float], clear: tuple[int, int]) -> Pieces:
    """The debris on the ground picture `image` lying between these `depths` along the road
    (`project`: where a point of the road lies in it; `color`: the ruins' colour), none in
    the columns `clear` (the car's: none hides its wheels): blocks and papers strewn near the
    camera, the sign and the shoe (a piece each). The same `rng` state strews the same
    debris, so the ground is strewn in two passes (behind the car, then in front of it) from
    two copies of it."""
    far, near = depths

    def here(z: float, x: float = 0.0, reach: float = 0.0) -> bool:
        left, right = project(x - reach, z, 0.0)[0], project(x + reach, z, 0.0)[0]
        return far <= z < near and (right < clear[0] or left > clear[1])

    for _ in range(BLOCKS):
        z = rng.uniform(*NEAR)
        side = rng.uniform(CLEAR, 0.98) * (1 if rng.random() < 0.5 else -1)
        size, tone = rng.uniform(*BLOCK_SIZE), rng.uniform(*BLOCK_TONE)
        shape = rng.spawn(1)[0]
        if here(z, side * z, size * 1.4):
            _block(image, project, (side * z, z), size, scaled(color, tone * near_light(z)),
                   shape)
    yield
    for _ in range(PAPERS):
        z = rng.uniform(1.0, 3.0)
        x, size, shape = rng.uniform(-1, 1) * z, rng.uniform(*PAPER_SIZE), rng.spawn(1)[0]
        if here(z, x, size):
            _paper(image, project, (x, z), size, shape)
    yield
    if here(SIGN_AT[1], SIGN_AT[0]):
        _sign(image, project, SIGN_AT, near_light(SIGN_AT[1]))
    if here(SHOE_AT[1], SHOE_AT[0], SHOE_HALF):
        _shoe(image, project, SHOE_AT, near_light(SHOE_AT[1]))
    yield


def near_light(z: float) -> float:
    """How much of its light the ground and what lies on it keep `z` along the road (1: at
    the picture's foot, NEAR_DARK less; far off, all)."""
    return 1 - NEAR_DARK * min(1.0, 1 / max(z, 1e-6)) ** NEAR_FALL


def _shadow(image: pygame.Surface, rect: pygame.Rect) -> None:
    """A soft shadow on the ash under a thing lying in `rect`."""
    if rect.width < 2 or rect.height < 1:
        return
    shade = pygame.Surface(rect.size)
    shade.fill((255, 255, 255))
    keep = round(255 * SHADOW)
    pygame.draw.ellipse(shade, (keep, keep, keep), shade.get_rect())
    inner = shade.get_rect().inflate(-rect.width // 3, -rect.height // 3)
    if inner.width > 0 and inner.height > 0:
        pygame.draw.ellipse(shade, scaled((keep, keep, keep), 0.8), inner)
    image.blit(shade, rect, special_flags=pygame.BLEND_RGB_MULT)


def _block(image: pygame.Surface, project: Project, at: tuple[float, float], size: float,
           stone: Color, rng: np.random.Generator) -> None:
    """A broken lump of masonry lying on the ash: a jagged outline, its upper faces lit and
    dusted with ash, its front in shade, a soft shadow under it."""
    x, z = at
    middle = project(x, z, 0.0)
    half = max(2.0, project(x + size, z, 0.0)[0] - middle[0])
    high = half * rng.uniform(0.5, 0.9)
    _shadow(image, pygame.Rect(int(middle[0] - half * 1.3), int(middle[1] - high * 0.25),
                               int(half * 2.8), max(2, int(high * 0.6))))
    turns = np.sort(rng.uniform(0, 2 * math.pi, BLOCK_CORNERS))
    reach = rng.uniform(0.6, 1.0, BLOCK_CORNERS)
    outline = [(middle[0] + half * r * math.cos(t), middle[1] - high * 0.5
                + high * 0.5 * r * math.sin(t)) for t, r in zip(turns, reach, strict=True)]
    pygame.draw.polygon(image, scaled(stone, 0.5), outline)
    lit = [(px, min(py, middle[1] - high * 0.45)) for px, py in outline]
    dust = scaled(DUST, near_light(z))
    pygame.draw.polygon(image, mix(stone, dust, 0.5), lit)
    upper = sorted(outline, key=lambda point: point[1])[:2]
    pygame.draw.line(image, mix(stone, dust, 0.85), upper[0], upper[1], max(1, int(high // 6)))


def _paper(image: pygame.Surface, project: Project, at: tuple[float, float], size: float,
           rng: np.random.Generator) -> None:
    """A sheet of paper lying flat on the ash, turned and a little crumpled, greyed."""
    x, z = at
    middle = project(x, z, 0.0)
    half = max(2.0, (project(x + size, z, 0.0)[0] - middle[0]))
    turn = rng.uniform(0, math.pi)
    flat = 0.35  # seen from where we stand, lying flat
    corners = [(middle[0] + half * math.cos(turn + k * math.pi / 2 + rng.uniform(-0.2, 0.2)),
                middle[1] + flat * half * math.sin(turn + k * math.pi / 2))
               for k in range(4)]
    tone = rng.uniform(0.5, 0.8) * near_light(z)
    pygame.draw.polygon(image, scaled(PAPER, tone), corners)


def _sign(image: pygame.Surface, project: Project, foot_at: tuple[float, float],
          light: float) -> None:
    """A street sign's post bent over by the blast, its blade hanging down off it askew (its
    colours at `light` of their own)."""
    sign, dust = scaled(SIGN, light), scaled(DUST, light)
    foot = project(*foot_at, 0.0)
    bend = project(foot_at[0], foot_at[1], SIGN_TALL)
    tall = foot[1] - bend[1]
    thick = max(2, tall // 22)
    knee = (foot[0] + tall // 10, bend[1] + tall // 4)
    head = (knee[0] + int(tall * 0.55), knee[1] + int(tall * 0.2))
    _shadow(image, pygame.Rect(foot[0] - tall // 4, foot[1] - tall // 20, tall, tall // 8))
    iron = scaled(sign, 0.4)
    pygame.draw.lines(image, iron, False, [foot, knee, head], thick)
    blade_w, blade_h = int(tall * 0.6), max(3, int(tall * 0.16))
    blade = [(head[0] - blade_w // 2, head[1]), (head[0] + blade_w // 2, head[1] + blade_h // 2),
             (head[0] + blade_w // 2, head[1] + blade_h + blade_h // 2),
             (head[0] - blade_w // 2, head[1] + blade_h)]
    pygame.draw.polygon(image, sign, blade)
    pygame.draw.polygon(image, scaled(sign, 0.45), blade, max(1, thick // 2))
    pygame.draw.line(image, mix(sign, dust, 0.7), blade[0], blade[1], max(1, thick // 2))


def _shoe(image: pygame.Surface, project: Project, at: tuple[float, float],
          light: float) -> None:
    """A shoe left on the ash, seen side on: its sole, the toe rounded up, the heel and the
    opening at its back, ash on its toe, a shadow under it (at `light` of its colours)."""
    shoe, dust = scaled(SHOE, light), scaled(DUST, light)
    x, z = at
    (left, foot), (right, _) = project(x - SHOE_HALF, z, 0.0), project(x + SHOE_HALF, z, 0.0)
    wide = max(6, right - left)
    high = wide * 0.42
    _shadow(image, pygame.Rect(left - wide // 8, int(foot - high * 0.2), wide + wide // 4,
                               max(2, int(high * 0.45))))
    body = [(left + wide * u, foot - high * v) for u, v in SHOE_OUTLINE]
    pygame.draw.polygon(image, shoe, body)
    pygame.draw.line(image, scaled(shoe, 0.45), (left, foot), (right, foot), max(1, wide // 14))
    pygame.draw.line(image, scaled(shoe, 0.35), body[6], body[7], max(1, wide // 12))  # opening
    pygame.draw.line(image, mix(shoe, dust, 0.6), body[2], body[4], max(1, wide // 14))
