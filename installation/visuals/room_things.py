"""What Harry left about his hotel room, drawn once into it: a wooden chair under the window
with his jacket thrown over its back, his trombone in its case on the floor by it, and the
skirting board along the wall's foot; the two plump pillows on the bed. All dark, their upper
edges catching the city's light from the window."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals import sleeper
from installation.visuals.base import scaled
from installation.visuals.shares import Point, shape, smooth

WOOD, WOOD_EDGE = (30, 21, 19), (52, 38, 32)
FLOOR_LINE = 0.88  # the wall's foot, of the picture height: what stands on the floor
SKIRTING, SKIRTING_EDGE, SKIRTING_TALL = (15, 13, 18), (30, 28, 37), 0.012
# The chair, seen from the side facing the bed: its back post (foot, top), seat and front leg.
CHAIR_BACK: tuple[Point, Point] = ((0.151, FLOOR_LINE), (0.146, 0.572))
CHAIR_SEAT: tuple[float, float, float] = (0.149, 0.214, 0.736)  # left, right, top
CHAIR_FRONT = 0.209  # the front leg's x
CHAIR_RAIL = 0.83  # the stretcher between its legs
# His jacket over the chair's back: the shoulders over the post, the front falling to the
# seat, the back hanging lower behind, the sleeve down the front; x and y as shares.
JACKET: tuple[Point, ...] = (
    (0.139, 0.604), (0.144, 0.589), (0.150, 0.584), (0.157, 0.588), (0.164, 0.604),
    (0.168, 0.64), (0.171, 0.69), (0.176, 0.734), (0.163, 0.737), (0.154, 0.742),
    (0.149, 0.78), (0.140, 0.792), (0.132, 0.786), (0.133, 0.722), (0.135, 0.655))
SLEEVE: tuple[Point, ...] = ((0.160, 0.598), (0.169, 0.66), (0.175, 0.72), (0.179, 0.772))
FOLDS: tuple[tuple[Point, Point], ...] = (((0.152, 0.59), (0.163, 0.70)),
                                          ((0.141, 0.64), (0.139, 0.77)))
JACKET_COLOR, JACKET_SHADE, JACKET_EDGE = (22, 20, 26), (13, 12, 16), (50, 47, 63)
CUFF_COLOR = (30, 28, 34)
# The trombone case lying at the wall's foot, its bell end at the left: x from, x to, and
# the bell's and the slide end's heights, of the picture height.
CASE: tuple[float, float, float, float] = (0.118, 0.262, 0.05, 0.023)
CASE_COLOR, CASE_EDGE, CASE_METAL = (14, 13, 16), (50, 46, 60), (74, 68, 58)


def skirting(out: pygame.Surface) -> None:
    """The skirting board along the wall's foot, its top edge catching the light."""
    width, height = out.get_size()
    foot = round(FLOOR_LINE * height)
    tall = max(2, round(SKIRTING_TALL * height))
    out.fill(SKIRTING, (0, foot - tall, width, tall))
    out.fill(SKIRTING_EDGE, (0, foot - tall, width, max(1, height // 540)))


def belongings(out: pygame.Surface) -> None:
    """His chair and jacket under the window, and his trombone case on the floor by it."""
    chair(out)
    jacket(out)
    trombone_case(out)


def chair(out: pygame.Surface) -> None:
    """A plain wooden chair in profile: the back post leaning back a little, the seat, the
    front leg and a stretcher between the legs."""
    width, height = out.get_size()
    thick = max(3, round(0.0075 * height))
    (foot_x, foot_y), (top_x, top_y) = CHAIR_BACK
    pen = [(foot_x * width, foot_y * height), (top_x * width, top_y * height)]
    out.blit(*sleeper.stroke(pen, WOOD, thick))
    seat = CHAIR_SEAT[2] * height
    x0, x1 = CHAIR_SEAT[0] * width, CHAIR_SEAT[1] * width
    out.fill(WOOD, (round(x0), round(seat), round(x1 - x0), thick * 2))
    out.fill(WOOD_EDGE, (round(x0), round(seat), round(x1 - x0), max(1, thick // 3)))
    floor = FLOOR_LINE * height
    leg = [(CHAIR_FRONT * width, seat + thick), (CHAIR_FRONT * width + thick * 0.4, floor)]
    out.blit(*sleeper.stroke(leg, WOOD, thick))
    rail = CHAIR_RAIL * height
    out.fill(WOOD, (round(foot_x * width), round(rail), round((CHAIR_FRONT - foot_x) * width),
                    max(2, thick // 2)))


def jacket(out: pygame.Surface) -> None:
    """His jacket thrown over the chair's back, the post's top standing out of it: the body
    in folds, a sleeve hanging below the seat with its cuff, and the window's light along
    its shoulders."""
    width, height = out.get_size()
    shape(out, JACKET_COLOR, smooth(JACKET), (width, height))
    for (ax, ay), (bx, by) in FOLDS:
        pygame.draw.aaline(out, JACKET_SHADE, (ax * width, ay * height), (bx * width, by * height))
    sleeve = [(x * width, y * height) for x, y in smooth(SLEEVE)]
    thick = max(4, round(0.013 * height))
    out.blit(*sleeper.stroke(sleeve, JACKET_SHADE, thick))
    out.blit(*sleeper.stroke(sleeve[-3:], CUFF_COLOR, thick))
    shoulders = [(x * width, y * height) for x, y in smooth(JACKET[:6])]
    pygame.draw.aalines(out, JACKET_EDGE, False, shoulders)


def trombone_case(out: pygame.Surface) -> None:
    """A trombone case lying on the floor: round at the bell's end, long and narrow along the
    slide, its top edge lit, a handle and two clasps."""
    width, height = out.get_size()
    floor = FLOOR_LINE * height
    left, right = CASE[0] * width, CASE[1] * width
    big, small = CASE[2] * height / 2, CASE[3] * height / 2
    bell, tail = (left + big, floor - big), (right - small, floor - small)
    top = _case_top(bell, big, tail, small)
    outline = [*top, (right, floor), (left + big, floor)]
    pygame.draw.polygon(out, CASE_COLOR, outline)
    pygame.draw.circle(out, CASE_COLOR, (round(bell[0]), round(bell[1])), round(big))
    pygame.draw.circle(out, CASE_COLOR, (round(tail[0]), round(tail[1])), round(small))
    pygame.draw.aalines(out, CASE_EDGE, False, top)
    mid = (bell[0] + tail[0]) / 2
    grip = pygame.Rect(0, 0, round(0.022 * width), max(4, round(0.009 * height)))
    grip.midbottom = (round(mid), round(floor - (big + small) * 1.02))
    pygame.draw.rect(out, CASE_EDGE, grip, max(1, height // 540),
                     border_radius=grip.height // 2)
    for x in (bell[0] + big * 0.9, tail[0] - big * 1.2):
        out.fill(CASE_METAL, (round(x), round(floor - big * 0.75), max(2, width // 640),
                              max(3, height // 220)))


def _case_top(bell: tuple[float, float], big: float, tail: tuple[float, float],
              small: float) -> list[tuple[float, float]]:
    """The case's top edge: over the bell's round end, then straight down to the slide end."""
    arc = [(bell[0] - big * math.cos(a), bell[1] - big * math.sin(a))
           for a in (math.pi * k / 16 for k in range(0, 9))]
    return [*arc, (tail[0], tail[1] - small), (tail[0] + small, tail[1])]


PILLOW_ROUND = 3.2  # the pillow's outline: a superellipse this square (2: an ellipse, which
# read as a hard pale disc standing on its edge)
PILLOW_LIGHT, PILLOW_DARK = 1.14, 0.72  # its top in the window's light, its foot by the
# mattress in shade, of its colour
PILLOW_SEAM = (0.46, 0.86, 0.05)  # its seam along its side: how far down it (of its height),
# how dark (of its colour) and how much it bows down in the middle (of its height)


def draw_pillow(out: pygame.Surface, rect: pygame.Rect, color: tuple[int, int, int]) -> None:
    """A plump pillow seen from its side in `rect`: rounded and soft-edged, lighter along its
    top where the window's light falls, shaded down to the mattress, with its seam along the
    middle of its side."""
    cx, cy, a, b = rect.centerx, rect.centery, rect.width / 2, rect.height / 2
    exponent = 2 / PILLOW_ROUND
    outline = [(cx + a * math.copysign(abs(math.cos(t)) ** exponent, math.cos(t)),
                cy + b * math.copysign(abs(math.sin(t)) ** exponent, math.sin(t)))
               for t in (k * math.tau / 96 for k in range(96))]
    sprite, at = sleeper.silhouette(outline, color)
    rgb = pygame.surfarray.pixels3d(sprite)
    rows = np.linspace(0.0, 1.0, rgb.shape[1], dtype=np.float32)[None, :, None]
    rgb[:] = np.clip(rgb * (PILLOW_LIGHT + (PILLOW_DARK - PILLOW_LIGHT) * rows ** 1.5), 0,
                     255).astype(np.uint8)
    del rgb
    out.blit(sprite, at)
    down, dark, bow = PILLOW_SEAM
    seam = [(rect.left + rect.width * s, rect.top + rect.height * (down + bow * math.sin(
        math.pi * s))) for s in np.linspace(0.06, 0.94, 12)]
    out.blit(*sleeper.stroke(seam, scaled(color, dark), max(1.0, rect.height / 60)))
