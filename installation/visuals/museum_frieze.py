"""The Page Museum's frieze: a long band of Ice Age animals in low relief, lit from one side."""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import pygame

FOOT = 0.9  # the animals stand on this share of the band's height (the panel's ledge below)

Ellipse = tuple[float, float, float, float]  # centre x, centre y, half width, half height
Line = tuple[float, float, float, float, float]  # from x, y, to x, y, width


@dataclass(frozen=True)
class Beast:
    """One animal of the frieze, in shares of the band's height: x from its rump forward, y
    up from its feet; `long` its length."""

    long: float
    ellipses: tuple[Ellipse, ...]
    polygons: tuple[tuple[tuple[float, float], ...], ...]
    lines: tuple[Line, ...]


def _legs(width: float, *pairs: tuple[float, float, float]) -> tuple[Line, ...]:
    """Legs from (x at the body, y at the body, x at the foot) down to the ground."""
    return tuple((x, y, foot, 0.0, width) for x, y, foot in pairs)


BEASTS = {
    # A mammoth: its domed head the highest of it, a dip at the neck behind it, the shoulder
    # hump and the back sloping down to the rump; the trunk hanging to the ground, the tusks
    # curling out (a head as high as the shoulders, flat on top, read as an elephant's). The
    # head broad and low over the hump, one mass with the body; the tusks curl up in front of
    # the trunk, never below the jaw (a narrow head standing 0.09 over the hump on a leg of
    # its own, and a tusk hanging beside the trunk, read as a second mammoth with a second
    # trunk, merged into the first).
    "mammoth": Beast(1.08, ((0.42, 0.48, 0.3, 0.19), (0.58, 0.6, 0.2, 0.21),
                            (0.8, 0.64, 0.13, 0.16), (0.81, 0.77, 0.09, 0.09)),
                     (((0.86, 0.6), (0.93, 0.52), (0.95, 0.28), (0.94, 0.1), (0.99, 0.04),
                       (1.01, 0.1), (1.0, 0.3), (0.99, 0.54), (0.92, 0.68)),),
                     ((0.92, 0.47, 1.01, 0.43, 0.045), (1.01, 0.43, 1.07, 0.5, 0.035),
                      (0.12, 0.5, 0.07, 0.33, 0.02))
                     + _legs(0.1, (0.22, 0.4, 0.22), (0.35, 0.4, 0.36), (0.58, 0.4, 0.58),
                             (0.7, 0.4, 0.71))),
    "sabre-tooth": Beast(0.86, ((0.42, 0.34, 0.3, 0.1), (0.62, 0.36, 0.13, 0.12),
                                (0.79, 0.44, 0.08, 0.06)),
                         (((0.62, 0.44), (0.76, 0.5), (0.8, 0.38), (0.66, 0.3)),),
                         ((0.83, 0.4, 0.85, 0.3, 0.018), (0.14, 0.38, 0.06, 0.3, 0.035))
                         + _legs(0.05, (0.18, 0.3, 0.14), (0.28, 0.3, 0.3), (0.6, 0.3, 0.6),
                                 (0.68, 0.3, 0.72))),
    "ground sloth": Beast(0.6, ((0.3, 0.36, 0.19, 0.3), (0.45, 0.7, 0.07, 0.06)),
                          (((0.12, 0.2), (0.0, 0.0), (0.18, 0.06)),),
                          ((0.38, 0.55, 0.56, 0.76, 0.06),)
                          + _legs(0.09, (0.2, 0.15, 0.15), (0.36, 0.15, 0.42))),
    "bison": Beast(0.88, ((0.4, 0.38, 0.3, 0.15), (0.58, 0.46, 0.18, 0.2),
                          (0.78, 0.3, 0.09, 0.1)),
                   (),
                   ((0.78, 0.38, 0.86, 0.47, 0.025), (0.11, 0.42, 0.08, 0.24, 0.02))
                   + _legs(0.06, (0.2, 0.3, 0.2), (0.3, 0.3, 0.32), (0.55, 0.3, 0.55),
                           (0.65, 0.3, 0.67))),
    "horse": Beast(0.85, ((0.38, 0.42, 0.26, 0.1),),
                   (((0.55, 0.48), (0.66, 0.66), (0.72, 0.62), (0.64, 0.38)),
                    ((0.64, 0.66), (0.7, 0.71), (0.85, 0.55), (0.8, 0.51)),
                    ((0.13, 0.48), (0.05, 0.2), (0.1, 0.2), (0.16, 0.42))),
                   _legs(0.04, (0.18, 0.35, 0.16), (0.26, 0.35, 0.28), (0.52, 0.35, 0.5),
                         (0.58, 0.35, 0.62))),
    "dire wolf": Beast(0.72, ((0.35, 0.3, 0.22, 0.08), (0.52, 0.31, 0.09, 0.09)),
                       (((0.55, 0.36), (0.62, 0.45), (0.72, 0.36), (0.58, 0.29)),
                        ((0.14, 0.34), (0.02, 0.2), (0.06, 0.17), (0.15, 0.28))),
                       ((0.6, 0.42, 0.61, 0.5, 0.025),)
                       + _legs(0.035, (0.18, 0.25, 0.15), (0.24, 0.25, 0.27),
                               (0.48, 0.25, 0.47), (0.54, 0.25, 0.57))),
    "camel": Beast(0.76, ((0.35, 0.5, 0.22, 0.1), (0.35, 0.58, 0.1, 0.07),
                          (0.69, 0.71, 0.07, 0.035)),
                   (((0.52, 0.52), (0.62, 0.7), (0.67, 0.68), (0.58, 0.46)),),
                   ((0.13, 0.52, 0.1, 0.38, 0.018),)
                   + _legs(0.035, (0.2, 0.45, 0.18), (0.26, 0.45, 0.28), (0.48, 0.45, 0.47),
                           (0.53, 0.45, 0.55))),
}
PANEL = 2.6  # a panel is this many band heights long, a joint between panels
GAP = 0.2  # between two beasts of a panel, of the band's height, at least
JOINT_SHADE = 0.55  # a joint between panels, this dark
RAISED = 0.12  # a beast's face is this much lighter than the panel it stands out from
EDGE = 0.5  # its edge towards the light this much lighter, the far edge this much darker
CAST = 0.4  # and the shadow it casts on the panel, this much darker


def beasts_mask(width: int, tall: int, rng: random.Random) -> tuple[np.ndarray, list[int]]:
    """Where the beasts stand out of the band (an (x, y) array 0 or 1), panel by panel, each
    panel two or three of them walking one way; and where the joints between panels are."""
    sheet = pygame.Surface((width, tall))
    panel = max(8, round(PANEL * tall))
    joints = list(range(panel, width, panel))
    names = list(BEASTS)
    for left in range(0, width, panel):
        facing = rng.choice((-1, 1))
        x = left + GAP * tall
        while True:
            beast = BEASTS[rng.choice(names)]
            if x + beast.long * tall > left + panel - GAP * tall / 2:
                break
            _draw(sheet, beast, x, tall, facing)
            x += (beast.long + GAP + rng.random() * 0.3) * tall
    mask = pygame.surfarray.array_red(sheet) > 127
    return mask.astype(np.float32), joints


def _draw(sheet: pygame.Surface, beast: Beast, left: float, tall: int, facing: int) -> None:
    """One beast in white on the sheet, its rump at `left` (its snout, facing left: -1)."""
    white = (255, 255, 255)
    foot = FOOT * tall

    def at(x: float, y: float) -> tuple[float, float]:
        return left + (x if facing > 0 else beast.long - x) * tall, foot - y * tall

    for cx, cy, rx, ry in beast.ellipses:
        x, y = at(cx, cy)
        pygame.draw.ellipse(sheet, white, pygame.Rect(round(x - rx * tall), round(y - ry * tall),
                                                      max(1, round(2 * rx * tall)),
                                                      max(1, round(2 * ry * tall))))
    for points in beast.polygons:
        pygame.draw.polygon(sheet, white, [at(x, y) for x, y in points])
    for x0, y0, x1, y1, wide in beast.lines:
        pygame.draw.line(sheet, white, at(x0, y0), at(x1, y1), max(1, round(wide * tall)))


def relief(mask: np.ndarray, light: tuple[int, int]) -> np.ndarray:
    """How much lighter (above 0) or darker each pixel of the band is for the beasts in low
    relief: a face a little lighter, its edge towards the light (`light`: a step towards it,
    x right and y down) catching it, the far edge dark and the panel in its cast shadow."""
    towards = _shifted(mask, light)  # is there relief one step towards the light?
    away = _shifted(mask, (-light[0], -light[1]))
    shade = mask * RAISED
    shade += mask * (1 - towards) * EDGE  # the lit edge
    shade -= mask * (1 - away) * EDGE * 0.5  # the edge turned away
    shade -= (1 - mask) * towards * CAST  # the panel in the beast's shadow
    return shade


def _shifted(mask: np.ndarray, step: tuple[int, int]) -> np.ndarray:
    """The mask as seen one `step` further on (0 beyond its edges)."""
    dx, dy = step
    out = np.zeros_like(mask)
    w, h = mask.shape
    out[max(0, -dx):w - max(0, dx), max(0, -dy):h - max(0, dy)] = \
        mask[max(0, dx):w - max(0, -dx), max(0, dy):h - max(0, -dy)]
    return out
