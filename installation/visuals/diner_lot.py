"""Johnie's lot at night, painted once: the asphalt, the glass's light falling across it in
long panes parted by the mullions' shadows, the sign's neon on the ground, oil stains, the
kerb and the gutter at the picture's foot, and a car parked by the sign, lit from behind."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, mix, scaled
from installation.visuals.block_cars import GLASS, Car, drawn
from installation.visuals.cars import shadow
from installation.visuals.glow import blur, radial

ASPHALT = (16, 16, 20)
# The panes' light on the lot: how far it reaches (of the building's height, down to the foot
# of the picture at most), how far each pane's patch spreads out towards us (of its distance
# from the building's middle), how bright at the sill, how fast it fades towards us; the
# mullions' shadows widen towards us to this many mullions across.
POOL_REACH, POOL_SPREAD, POOL_LIGHT, POOL_FADE = 1.2, 0.35, 0.36, 1.5
SHADOW_WIDENS = 8.0
# The kerb across the picture's foot, seen from the road: its lit top edge, its face towards
# us (in the dark), the gutter, as shares of the picture's height from its top.
KERB_TOP, KERB_FACE, GUTTER = 0.962, 0.968, 0.984
KERB = (30, 30, 31)
GUTTER_DARK = (8, 8, 11)
STAINS = 6  # oil stains where cars stood
STAIN_SIZE = (0.02, 0.045)  # a stain's half width, of the picture's width (flat: see STAIN_FLAT)
STAIN_FLAT, STAIN_DARK = 0.18, 0.3  # its height of its width, how dark its heart
SIGN_GLOW = (0.32, 0.1, 0.16)  # the sign's neon on the lot: half width, of the picture's width;
# half height, of its height; its strength, of the neon's colour
SIGN_STREAK = (0.2, 0.35)  # its glint along the kerb: half width (of the width), strength
KERB_GLINT = (0.3, 0.3)  # the glass's light along the kerb: half width (of the width), strength
# The parked car, side on under the sign: its length (of the picture's width), its paint, how
# much of the glass's light its body, its sheen (roof, shoulder) and its windows take (the glass
# seen through them), and how far in front of the building its tyres stand (of its height).
CAR_LENGTH, CAR_PAINT, CAR_SET = 0.15, (70, 28, 30), 0.13
CAR_BODY, CAR_SHEEN, CAR_WINDOW = 0.5, 0.3, 90
CAR_SHADOW = 0.6  # the car's shadow in the panes' light, how dark
CAR_CABIN = 0.5  # its windows lie in this top share of its picture (its tyres, as dark as the
# glass, stay solid below it: see-through, they were pale rings of the lit glass behind them)
CAR_CLEAR = 0.08  # the gap between its front bumper and the sign's post, of its length
# The street lamp at the lot's corner, left of the building: its pole's height and thickness
# and its arm's reach (of the building's height), the sodium light of its head, the pool it
# throws on the lot (half width of the picture's width, half height of the lot's rows,
# strength) and the glow round its head (radius of the building's height, strength).
LAMP_TALL, LAMP_POLE, LAMP_ARM = 1.1, 0.022, 0.26
SODIUM = (255, 176, 96)
LAMP_POOL = (0.1, 0.5, 0.3)
LAMP_GLOW = (0.32, 0.24)
LAMP_METAL = (20, 20, 24)


@dataclass(frozen=True)
class Parked:
    """The car parked under the sign: its picture, and where its top-left goes."""

    image: pygame.Surface
    at: tuple[int, int]

    @property
    def box(self) -> pygame.Rect:
        return pygame.Rect(self.at, self.image.get_size())


def asphalt(size: tuple[int, int], ground: int) -> pygame.Surface:
    """The bare lot from the ground line to the picture's foot: asphalt fading darker towards
    us, the kerb and the gutter along the foot."""
    width, height = size
    lot = pygame.Surface((width, max(1, height - ground)))
    rows = lot.get_height()
    for y in range(rows):
        lot.fill(mix(scaled(ASPHALT, 1.3), scaled(ASPHALT, 0.6), y / max(1, rows)),
                 (0, y, width, 1))
    top, face, gutter = (round(share * height) - ground for share in (KERB_TOP, KERB_FACE, GUTTER))
    if 0 < top < rows:
        lot.fill(KERB, (0, top, width, max(1, face - top)))
        for y in range(face, min(rows, gutter)):  # its face, darkening to its foot
            lot.fill(scaled(KERB, 0.45 - 0.25 * (y - face) / max(1, gutter - face)),
                     (0, y, width, 1))
        lot.fill(GUTTER_DARK, (0, gutter, width, max(0, rows - gutter)))
    return lot


def stains(lot: pygame.Surface, rng: random.Random, span: tuple[int, int]) -> None:
    """Oil stains on the asphalt where cars stood, before the building (`span`: its columns),
    where its light shows them: dark flat blots, soft-edged."""
    width, rows = lot.get_size()
    dark = pygame.Surface(lot.get_size())
    dark.fill((255, 255, 255))
    for _ in range(STAINS):
        half = rng.uniform(*STAIN_SIZE) * width
        spot = pygame.Rect(0, 0, round(2 * half), max(2, round(2 * half * STAIN_FLAT)))
        spot.center = (rng.randint(*span), round(rng.uniform(0.15, 0.6) * rows))
        level = round(255 * (1 - STAIN_DARK * rng.uniform(0.6, 1.0)))
        pygame.draw.ellipse(dark, (level, level, level), spot)
    lot.blit(blur(dark, max(2, width // 400)), (0, 0), special_flags=pygame.BLEND_RGB_MULT)


def panes(lot: pygame.Surface, bays: Sequence[tuple[int, int]], centre: int, tall: int,
          light: Color, blocked: pygame.Rect | None, mullion: int,
          size: tuple[int, int]) -> Pieces:
    """The light each pane throws on the lot: a long patch that widens and fades towards us,
    the mullions' shadows between them widening as they go, and the car's shadow cutting them
    (`blocked`: where its tyres stand, on the lot), and its glint along the kerb's top (`size`:
    the picture's); in three steps."""
    width, rows = lot.get_size()
    height = size[1]
    reach = min(rows, int(tall * POOL_REACH))
    shape = pygame.Surface((width, reach))
    shape.fill((0, 0, 0))
    gap = mullion * SHADOW_WIDENS / 2
    for a, b in bays:
        spread = [(x + (x - centre) * POOL_SPREAD) for x in (a, b)]
        pygame.draw.polygon(shape, (255, 255, 255), [(a, 0), (b, 0), (spread[1] - gap, reach),
                                                     (spread[0] + gap, reach)])
    if blocked is not None:  # the car stands in the light: its shadow runs out towards us
        far = [x + (x - centre) * POOL_SPREAD * (1 - blocked.bottom / reach)
               for x in (blocked.left, blocked.right)]
        level = round(255 * (1 - CAR_SHADOW))
        pygame.draw.polygon(shape, (level,) * 3, [blocked.bottomleft, blocked.bottomright,
                                                  (far[1], reach), (far[0], reach)])
    yield
    shape = blur(shape, max(2, tall // 80))  # soft edges, as light on asphalt
    yield
    fade = pygame.Surface((width, reach))
    for y in range(reach):
        level = POOL_LIGHT * (1 - y / reach) ** POOL_FADE
        fade.fill(scaled(light, level), (0, y, width, 1))
    shape.blit(fade, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    lot.blit(shape, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    kerb_lit(lot, centre, round(KERB_GLINT[0] * width), scaled(light, KERB_GLINT[1]),
             (width, height), height - rows)


def sign_glow(lot: pygame.Surface, x: int, color: Color, size: tuple[int, int],
              ground: int) -> None:
    """The sign's neon on the lot under it: a wide, faint wash of its colour, and a glint of
    it along the kerb's top."""
    width, height = size
    half = (round(SIGN_GLOW[0] * width), max(2, round(SIGN_GLOW[1] * height)))
    wash = pygame.transform.smoothscale(radial(64, scaled(color, SIGN_GLOW[2]), 1.6),
                                        (2 * half[0], 2 * half[1]))
    lot.blit(wash, (x - half[0], -half[1] // 3), special_flags=pygame.BLEND_RGB_ADD)
    kerb_lit(lot, x, round(SIGN_STREAK[0] * width), scaled(color, SIGN_STREAK[1]),
             size, ground)


def kerb_lit(lot: pygame.Surface, x: int, reach: int, light: Color, size: tuple[int, int],
             ground: int) -> None:
    """Light caught along the kerb's top edge (on `lot`), strongest at column `x`, fading out
    `reach` columns either side."""
    height = size[1]
    top, face = (round(share * height) - ground for share in (KERB_TOP, KERB_FACE))
    if not 0 <= top < face <= lot.get_height():
        return
    glint = pygame.transform.smoothscale(radial(64, light, 1.2), (2 * reach, 4 * (face - top)))
    lot.blit(glint, (x - reach, top), (0, glint.get_height() // 2 - (face - top) // 2,
                                      2 * reach, face - top), special_flags=pygame.BLEND_RGB_ADD)


def parked(size: tuple[int, int], x: int, ground: int, tall: int, light: Color) -> Parked:
    """A 1980s sedan parked side on in front of the building (`tall`: the building's height),
    by the sign's post at `x`, its front bumper just short of it (parked across the post, the
    car's roof seemed speared by it), dark against the lit glass: its roof and shoulder catch
    the light from behind it, the glass shows through its windows, its lamps are out."""
    length = round(CAR_LENGTH * size[0])
    body, sheen = drawn(Car(1, "sedan", CAR_PAINT, 0.0), length)
    pixels = pygame.surfarray.pixels3d(body)
    alpha = pygame.surfarray.pixels_alpha(body)
    window = (np.abs(pixels.astype(int) - np.array(GLASS)).sum(axis=2) < 24) & (alpha > 200)
    window[:, round(CAR_CABIN * body.get_height()):] = False
    pixels[:] = (pixels * CAR_BODY * 0.5).astype(np.uint8)  # (its lamps go out with it)
    alpha[window] = CAR_WINDOW
    del pixels, alpha
    sheen.fill(scaled(light, CAR_SHEEN), special_flags=pygame.BLEND_RGB_MULT)
    body.blit(sheen, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    feet = ground + round(CAR_SET * tall)
    return Parked(body, (x - length - round(CAR_CLEAR * length), feet - body.get_height()))


def under_car(lot: pygame.Surface, car: Parked, ground: int) -> None:
    """The dark under the car on the lot, between and round its tyres."""
    box = car.box
    dark = shadow(round(box.width * 1.05), max(4, box.height // 5))
    lot.blit(dark, (box.centerx - dark.get_width() // 2,
                    box.bottom - ground - dark.get_height() // 2),
             special_flags=pygame.BLEND_RGB_MULT)


@dataclass(frozen=True)
class Lamp:
    """The street lamp at the lot's corner: its picture (pole, arm, head) and where it goes,
    and its head's glow (to add) and where that goes."""

    image: pygame.Surface
    at: tuple[int, int]
    glow: pygame.Surface
    glow_at: tuple[int, int]


def street_lamp(lot: pygame.Surface, x: int, ground: int, tall: int, lit: bool) -> Lamp:
    """A street lamp standing on the lot at column `x` (`tall`: the building's height): a
    thin pole, an arm reaching out over the lot, a sodium head; lit, its warm pool laid on
    `lot` (unlit, its head is dark glass and its glow black)."""
    width, rows = lot.get_size()
    high, arm = round(LAMP_TALL * tall), round(LAMP_ARM * tall)
    pole = max(2, round(LAMP_POLE * tall))
    image = pygame.Surface((arm + 3 * pole, high + pole), pygame.SRCALPHA)
    foot, top = (pole, high + pole), (pole, 2 * pole)
    pygame.draw.line(image, (*LAMP_METAL, 255), foot, top, pole)
    head = pygame.Rect(0, 0, 3 * pole, pole + 1)
    head.topright = (image.get_width(), pole)
    pygame.draw.line(image, (*LAMP_METAL, 255), top, head.midleft, max(1, pole * 2 // 3))
    pygame.draw.ellipse(image, (*LAMP_METAL, 255), head)
    bulb = SODIUM if lit else scaled(SODIUM, LAMP_GLOW[1])
    pygame.draw.ellipse(image, (*bulb, 255), head.inflate(-pole, -pole // 2).move(0, pole // 3))
    at = (x - pole, ground - high)
    lamp_x = at[0] + head.centerx
    half = (round(LAMP_POOL[0] * width), max(2, round(LAMP_POOL[1] * rows)))
    pool = pygame.transform.smoothscale(radial(64, scaled(SODIUM, LAMP_POOL[2] * lit), 1.3),
                                        (2 * half[0], 2 * half[1]))
    lot.blit(pool, (lamp_x - half[0], round(0.35 * rows) - half[1]),
             special_flags=pygame.BLEND_RGB_ADD)
    radius = max(4, round(LAMP_GLOW[0] * tall))
    glow = radial(radius, scaled(SODIUM, LAMP_GLOW[1] * lit), 2.2)
    return Lamp(image, at, glow, (lamp_x - radius, at[1] + head.centery - radius))
