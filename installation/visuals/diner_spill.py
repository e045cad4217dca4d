"""The cup knocked over on Johnie's counter in the rush: its coffee spreading out of its mouth in
a puddle with a ragged edge and the pendants' sheen on it, a thin run from the puddle to the
counter's nose, and a drop swelling under the nose's lip and falling."""

from __future__ import annotations

import copy
import math
import random

import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.counter import (
    CHROME,
    COUNTER_FOOT,
    COUNTER_NOSE,
    CUP,
    CUP_AT,
    CUPS,
    FORMICA,
    TIPS,
    cup_unit,
)
from installation.visuals.left_behind import COFFEE

# The puddle, in cup units from the cup's mouth: its middle (across, towards us), its half
# width and half depth (flattened by the low view), and how ragged its edge is: the strength of
# the waves round it (so many to a turn), each at a phase of its own; fingers of it reaching
# out along its front (how many, half wide and deep), and drops splashed clear of it (how
# many, their radius).
POOL_MIDDLE, POOL_HALF = (-4.0, 2.0), (4.8, 1.7)
RAGGED = ((2, 0.08), (3, 0.08), (5, 0.05), (7, 0.03))
POOL_POINTS = 40
FINGERS, FINGER = 3, ((0.9, 1.8), (0.5, 0.8))
SPLASHES, SPLASH = 3, (0.2, 0.4)
POOL_FILLS = 12.0  # real seconds to spread
SPILT_BOX = (12, 3, 3)  # all it covers spread: cup units left of the mouth, above it, right
THIN, THICK = 0.45, 0.3  # coffee spread thin on the cream formica at its edge; in its middle
RIM = 0.8  # the ring its edge leaves, darker than the thin coffee (a pixel wide)
DEEP = (0.5, 0.55)  # the deeper coffee near the cup: the puddle drawn in towards its mouth
SHEEN = (-3.4, 1.2, 3.4, 0.3)  # a pendant's light on it: middle (cup units from the mouth),
#                                 long, deep
SHINE = 0.4  # the pendants' sheen on the wet: this far from the coffee to their light
# The run from the puddle's front to the nose: where it leaves the puddle (cup units across
# from the mouth), how long it takes to reach the nose once the puddle has spread this share,
# its width where it leaves and at the nose (cup units), and how far it wanders across.
RUN_FROM, RUN_STARTS, RUN_TAKES = -2.2, 0.7, 3.0
RUN_WIDE, RUN_NARROW, RUN_WANDER, RUN_DRIFTS = 0.6, 0.3, 0.3, 0.9
BEAD = (0.9, 0.4)  # the coffee gathered at the nose's edge: half wide, half deep
ON_CHROME = 0.35  # the trickle over the chrome nose, thin: the chrome shows through it
# A drop under the nose's lip: swelling for the first part of each cycle, then falling out
# of sight (of the picture's height), as a long bead.
DRIP_EVERY, DRIP_FALLS, DRIP_TO = 1.7, 0.45, 1.0
DROP = (0.2, 0.4)  # its radius as it begins to swell and as it lets go, cup units
DROP_STRETCH = 1.5  # how long it draws out as it falls, of its width
DROP_LIGHT = 1.6  # a falling drop catches the light: the coffee this many times as bright
CASH_AT = 0  # the cup by which cash was left (of CUPS): bills and coins
BILL = (168, 184, 150)  # a dollar bill's pale green, in the room's light
COIN = (200, 200, 196)

Point = tuple[float, float]


class Spilt:
    """The counter after them: a cup knocked on its side where the cup TIPS stood (`bare`,
    the counter without it, laid over that), its coffee spreading towards the nose and
    dripping off; bills and a few coins by the cup CASH_AT."""

    def __init__(self, size: tuple[int, int], bare: tuple[pygame.Surface, tuple[int, int]],
                 light: Color, rng: random.Random) -> None:
        width, height = size
        self.bare = bare
        self.unit = unit = cup_unit(height)
        self.at = (round(CUPS[TIPS] * width), round(CUP_AT * height))
        self.mouth = (self.at[0] - 3 * unit, self.at[1] - unit)
        self.run_x = self.mouth[0] + (RUN_FROM + RUN_DRIFTS) * unit  # where it drips off
        self.thin, self.thick = (mix(COFFEE, FORMICA, share) for share in (THIN, THICK))
        self.shine = mix(self.thin, light, SHINE)
        self.nose, self.foot = (round(share * height) for share in (COUNTER_NOSE, COUNTER_FOOT))
        self.bottom = round(DRIP_TO * height)
        self.shapes = _ragged(rng)
        self.insides = [_drawn_in(shape, 1 / unit) for shape in self.shapes]  # a pixel in
        self.spilt = self._spilt(size)  # all of it on the counter, spread and run
        self.lying = _lying(unit)
        self.cash = _cash(unit, light)
        self.cash_at = (round(CUPS[CASH_AT] * width) + 4 * unit, self.at[1] - 2 * unit)

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The counter `seconds` after the cup went over."""
        surface.blit(*self.bare)
        surface.blit(self.cash, self.cash_at)
        spread = math.sqrt(min(1.0, seconds / POOL_FILLS))
        running = (spread - RUN_STARTS) / (1 - RUN_STARTS) if spread > RUN_STARTS else 0.0
        reach = min(1.0, running * POOL_FILLS * (1 - RUN_STARTS) / RUN_TAKES)
        if reach >= 1.0:  # spread as far as it goes: drawn once
            surface.blit(*self.spilt)
            self._drop(surface, seconds)
        else:
            if reach > 0:
                self._run(surface, reach)
            self._pool(surface, spread)
        surface.blit(self.lying, (self.at[0] - 4 * self.unit, self.at[1] - 3 * self.unit))

    def _spilt(self, size: tuple[int, int]) -> tuple[pygame.Surface, tuple[int, int]]:
        """The puddle spread as far as it goes and its run at the nose, drawn once (cut to
        what it covers), and where it goes."""
        u, (mx, my) = self.unit, self.mouth
        box = pygame.Rect(mx - SPILT_BOX[0] * u, my - SPILT_BOX[1] * u,
                          (SPILT_BOX[0] + SPILT_BOX[2]) * u,
                          self.foot - my + SPILT_BOX[1] * u).clip(pygame.Rect((0, 0), size))
        there = copy.copy(self)  # the same, drawn on the box's own picture
        there.mouth, there.run_x = (mx - box.left, my - box.top), self.run_x - box.left
        there.nose, there.foot = self.nose - box.top, self.foot - box.top
        drawn = pygame.Surface(box.size, pygame.SRCALPHA)
        there._run(drawn, 1.0)
        there._pool(drawn, 1.0)
        return drawn, box.topleft

    def _pool(self, surface: pygame.Surface, spread: float) -> None:
        """The puddle out of the cup's mouth, `spread` of its full size: thin coffee inside a
        darker ring at its ragged edge, deeper by the cup, the sheen of a pendant on it."""
        u, (mx, my) = self.unit, self.mouth
        k = u * spread
        for shape in self.shapes:
            pygame.draw.polygon(surface, scaled(self.thin, RIM),
                                [(mx + x * k, my + y * k) for x, y in shape])
        for shape in self.insides:
            pygame.draw.polygon(surface, self.thin, [(mx + x * k, my + y * k) for x, y in shape])
        inner = [(mx + x * k * DEEP[0], my + y * k * DEEP[1]) for x, y in self.shapes[0]]
        pygame.draw.polygon(surface, self.thick, inner)  # deepest by the cup it ran from
        sheen = pygame.Rect(0, 0, round(SHEEN[2] * u * spread), max(1, round(SHEEN[3] * u)))
        sheen.center = (round(mx + SHEEN[0] * u * spread), round(my + SHEEN[1] * u * spread))
        pygame.draw.ellipse(surface, self.shine, sheen)

    def _run(self, surface: pygame.Surface, reach: float) -> None:
        """The thin run from the puddle's front towards the nose, slanting and wandering a
        little, `reach` of the way there; a bead of coffee gathered on the nose's edge once it
        is there, and a thread of it over the chrome."""
        u = self.unit
        top = (self.mouth[0] + RUN_FROM * u, self.mouth[1] + POOL_MIDDLE[1] * u)
        end = top[1] + (self.nose - top[1]) * reach
        left, right = [], []
        steps = 8
        for k in range(steps + 1):
            t = k / steps * reach
            y = top[1] + (self.nose - top[1]) * t
            x = top[0] + RUN_DRIFTS * u * t - RUN_WANDER * u * math.sin(2 * math.pi * t)
            half = u * (RUN_WIDE + (RUN_NARROW - RUN_WIDE) * t) / 2
            left.append((x - half, min(y, end)))
            right.append((x + half, min(y, end)))
        pygame.draw.polygon(surface, self.thin, left + right[::-1])
        if reach >= 1.0:
            bead = pygame.Rect(0, 0, round(2 * BEAD[0] * u), max(2, round(2 * BEAD[1] * u)))
            bead.midbottom = (round(self.run_x), self.nose + 1)
            pygame.draw.ellipse(surface, self.thin, bead)
            pygame.draw.line(surface, mix(COFFEE, CHROME, ON_CHROME), (bead.centerx, self.nose),
                             (bead.centerx, self.foot - u // 2), max(1, u // 5))

    def _drop(self, surface: pygame.Surface, seconds: float) -> None:
        """A drop under the nose's lip: swelling, then letting go and falling, drawn out."""
        u = self.unit
        x = round(self.run_x)
        cycle = seconds % DRIP_EVERY
        swell = DRIP_EVERY - DRIP_FALLS
        color = scaled(COFFEE, DROP_LIGHT)
        if cycle < swell:  # hanging from the lip, growing
            r = u * (DROP[0] + (DROP[1] - DROP[0]) * cycle / swell)
            pygame.draw.circle(surface, color, (x, round(self.foot - u // 2 + r)), max(1, round(r)))
            return
        falling = (cycle - swell) / DRIP_FALLS
        r = DROP[1] * u
        y = self.foot + (self.bottom - self.foot) * falling ** 2
        long = r * (1 + DROP_STRETCH * falling)
        pygame.draw.ellipse(surface, color, (round(x - r), round(y), max(2, round(2 * r)),
                                             max(2, round(2 * long))))
        pygame.draw.circle(surface, mix(color, CUP, 0.5), (round(x - r / 3), round(y + r)),
                           max(1, round(r / 3)))


def _ragged(rng: random.Random) -> list[list[Point]]:
    """The puddle at its full spread, in cup units from the cup's mouth: its body (first), an
    ellipse reaching back to the mouth whose radius waves round it, so its edge is ragged;
    fingers of it out along its front; and drops splashed clear of it."""
    body = _blob(POOL_MIDDLE, POOL_HALF, rng)
    shapes = [body]
    for n in range(FINGERS):  # along its front, left of where it runs off
        x, y = body[round(POOL_POINTS * rng.uniform(0.1 + 0.13 * n, 0.18 + 0.13 * n))]
        shapes.append(_blob((x, y), (rng.uniform(*FINGER[0]), rng.uniform(*FINGER[1])), rng))
    for _ in range(SPLASHES):
        x, y = body[round(POOL_POINTS * rng.uniform(0.2, 0.45))]
        r = rng.uniform(*SPLASH)
        shapes.append(_blob((x - rng.uniform(0.5, 1.5), y + rng.uniform(0.0, 0.6)),
                            (r, 0.6 * r), rng))
    return shapes


def _blob(middle: Point, half: Point, rng: random.Random) -> list[Point]:
    """An ellipse round `middle`, `half` wide and deep, its edge waving (see RAGGED)."""
    phases = [rng.uniform(0, 2 * math.pi) for _ in RAGGED]
    out = []
    for k in range(POOL_POINTS):
        turn = 2 * math.pi * k / POOL_POINTS
        wave = 1 + sum(strength * math.sin(times * turn + phase)
                       for (times, strength), phase in zip(RAGGED, phases, strict=True))
        out.append((middle[0] + half[0] * wave * math.cos(turn),
                    middle[1] + half[1] * wave * math.sin(turn)))
    return out


def _drawn_in(shape: list[Point], pixel: float) -> list[Point]:
    """The shape with its edge `pixel` in towards its middle (inside its ring)."""
    cx = sum(x for x, _ in shape) / len(shape)
    cy = sum(y for _, y in shape) / len(shape)
    out = []
    for x, y in shape:
        far = max(1e-6, math.hypot(x - cx, y - cy))
        out.append((x - (x - cx) / far * pixel, y - (y - cy) / far * pixel))
    return out


def _lying(unit: int) -> pygame.Surface:
    """A thick white cup on its side, its mouth towards us on the left, its handle up."""
    image = pygame.Surface((7 * unit, 4 * unit), pygame.SRCALPHA)
    body = pygame.Rect(0, unit, 5 * unit, 3 * unit - 1)
    pygame.draw.rect(image, CUP, body, border_top_left_radius=unit, border_bottom_left_radius=unit)
    pygame.draw.ellipse(image, scaled(CUP, 0.85), (4 * unit, unit, 2 * unit, 3 * unit - 1))
    pygame.draw.ellipse(image, COFFEE, (4 * unit + unit // 3, unit + unit // 3, unit + unit // 3,
                                        2 * unit))
    pygame.draw.circle(image, CUP, (2 * unit, unit), unit, max(1, unit // 3))
    pygame.draw.line(image, scaled(CUP, 0.7), (unit, 4 * unit - 1), (4 * unit, 4 * unit - 1))
    return pygame.transform.flip(image, True, False)


def _cash(unit: int, light: Color) -> pygame.Surface:
    """Two dollar bills dropped flat on the counter, one across the other, and three coins."""
    image = pygame.Surface((14 * unit, 4 * unit), pygame.SRCALPHA)
    paper = mix(BILL, light, 0.25)
    for n, (x, lean) in enumerate(((0, unit), (3 * unit, -unit))):
        bill = [(x + lean, 0), (x + lean + 9 * unit, 0), (x + 9 * unit, 2 * unit), (x, 2 * unit)]
        pygame.draw.polygon(image, scaled(paper, 1.0 - 0.08 * n), bill)
        pygame.draw.polygon(image, scaled(paper, 0.7), bill, 1)
        pygame.draw.ellipse(image, scaled(paper, 0.72), (x + 4 * unit + lean // 2, unit // 2,
                                                         2 * unit, unit))
    for n in range(3):
        pygame.draw.ellipse(image, scaled(COIN, 1.0 - 0.1 * n), (9 * unit + 2 * n * unit,
                                                                 2 * unit + (n % 2) * unit,
                                                                 2 * unit, unit))
    return image
