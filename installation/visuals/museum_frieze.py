"""The Page Museum's frieze: a long band of Ice Age animals in low relief, lit from one side."""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import pygame

# Each beast as shares of the band's height: body length and depth, leg length, head size,
# how high the head is carried above the back (below 0: carried low), and what marks it out.
FOOT = 0.9  # the animals stand on this share of the band's height (the panel's ledge below)


@dataclass(frozen=True)
class Beast:
    """One animal of the frieze, in shares of the band's height."""

    long: float
    deep: float
    leg: float
    head: float
    carried: float
    tusks: bool = False
    hump: float = 0.0
    tail: float = 0.0


BEASTS = {
    "mammoth": Beast(0.95, 0.5, 0.26, 0.3, 0.12, tusks=True, hump=0.12),
    "sabre-tooth": Beast(0.8, 0.26, 0.28, 0.18, 0.02, tail=0.1),
    "sloth": Beast(0.7, 0.42, 0.2, 0.17, 0.18, tail=0.15),
    "bison": Beast(0.85, 0.4, 0.22, 0.2, -0.1, hump=0.14),
    "horse": Beast(0.75, 0.28, 0.34, 0.16, 0.28, tail=0.2),
    "dire wolf": Beast(0.62, 0.22, 0.28, 0.15, 0.06, tail=0.2),
    "camel": Beast(0.72, 0.28, 0.4, 0.13, 0.36, hump=0.08),
}
PANEL = 2.6  # a panel is this many band heights long, a joint between panels
GAP = 0.25  # between two beasts of a panel, of the band's height, at least
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
    """One beast in white on the sheet, its body's left end at `left`, facing right (1) or
    left (-1)."""
    white = (255, 255, 255)
    foot = FOOT * tall
    long, deep = beast.long * tall, beast.deep * tall
    back = foot - beast.leg * tall - deep
    body = pygame.Rect(round(left), round(back), max(2, round(long)), max(2, round(deep)))
    pygame.draw.ellipse(sheet, white, body)
    if beast.hump:
        hump = body.inflate(-body.width // 2, 0).move(-facing * body.width // 8,
                                                      -round(beast.hump * tall))
        pygame.draw.ellipse(sheet, white, hump)
    legs = (0.18, 0.36, 0.64, 0.82)
    width = max(1, round(0.07 * tall))
    for at in legs:
        x = round(left + at * long)
        pygame.draw.line(sheet, white, (x, round(back + deep * 0.6)), (x, round(foot)), width)
    front = body.right if facing > 0 else body.left
    r = beast.head * tall / 2
    head = (front + facing * r * 0.9, back + deep * 0.2 - beast.carried * tall)
    pygame.draw.line(sheet, white, (front - facing * r, back + deep * 0.45), head,
                     max(1, round(r * 1.2)))
    pygame.draw.circle(sheet, white, (round(head[0]), round(head[1])), max(1, round(r)))
    if beast.tusks:  # the trunk hangs, the tusks curve out and up
        tip = (head[0] + facing * r * 0.6, foot - beast.leg * tall * 0.3)
        pygame.draw.line(sheet, white, head, tip, max(1, round(r * 0.5)))
        arc = pygame.Rect(0, 0, round(r * 2.4), round(r * 2.2))
        arc.center = (round(head[0] + facing * r * 1.1), round(head[1] + r * 1.2))
        pygame.draw.arc(sheet, white, arc, 3.6 if facing > 0 else -0.5,
                        6.3 if facing > 0 else 2.2, max(1, round(r * 0.3)))
    if beast.tail:
        rear = body.left if facing > 0 else body.right
        pygame.draw.line(sheet, white, (rear, back + deep * 0.3),
                         (rear - facing * beast.tail * tall, back + deep * 0.9),
                         max(1, round(0.04 * tall)))


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
