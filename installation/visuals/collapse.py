"""A ruined tower's top giving way: it leans, breaks off and slides down behind the towers in
front of it, and a dust cloud billows from its foot, drifts downwind and thins (every picture
made once at build; a moment only chooses which and where)."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pygame

from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.base import Color, Pieces, Setup, stable_seed
from installation.visuals.wreckage import teeth

FALLING_FROM = 3  # the collapsing tower is one of this many tallest far ones
FALLING_SPAN = (0.1, 0.9)  # where its middle may stand, of the picture width
WIND = 0.3  # the dust's wind with no smoke in the scene
FALL_SECONDS = 7.0  # real seconds from the crack till the top is gone
CRACK_SHARE = 0.2  # of the fall: the top jolts on its break (a step shows where it cracked)
JOLTS = 2  # how many times it jolts, evenly over the crack
JOLT = (0.04, 0.02, 1.0)  # each jolt: sideways (of its width), down (of its width), degrees
LEAN_SHARE = 0.5  # of the fall: it leans on its break before it tears off
LEAN_DEGREES = 8.0  # how far it leans before it tears off
END_DEGREES = 26.0  # how far it has turned when it is gone
SIDEWAYS = 0.45  # how far it slides over towards its lean, of its width
FALL_STEPS = 30  # places a real second (a new place repaints the kept background there)
TURNS = 40  # turned pictures of the top, made once
TURNS_PER_PIECE = 8  # made in one piece of the building ahead
BREAK = (0.3, 0.45)  # where it breaks: share of its standing height down from its top
SLANT = 0.25  # most slope of the break, rows per column
DUST_FROM = 0.75  # of the fall: the dust rises as the top comes down on the heaps
DUST_SECONDS = 20.0  # real seconds the dust takes to thin away
DUST_STEPS = (12, 6)  # places a real second while it billows out, then while it drifts and thins
BILLOW = 5.0  # real seconds it billows out (after that it moves slowly: fewer repaints)
PUFFS = 7  # soft puffs in the cloud
PUFF_KINDS = 3  # different puff pictures
PUFF_SIZES = 20  # sizes made of each, smallest to largest
PUFF_START, PUFF_END = (0.25, 0.45), (0.7, 1.5)  # a puff's radius: first, last (tower widths)
PUFF_GROW = 3.0  # real seconds over which the cloud billows out (most of it)
PUFF_RISE = 0.07  # how far a puff rises a real second, of its last radius
DUST_ALPHA = 230  # the thickest a puff is
DUST_DRIFT = 0.012  # picture widths a real second at wind 1 (the smoke's wind)
DUST_TONE = 1.25  # the dust's colour, of the ash's
PUFF_DETAIL = 96  # a puff is made at this radius, then scaled
DUST_WIDEST = 0.035  # the cloud is sized by the tower's width, but no wider than this share of
# the picture's (a wide tower's would be repainted over half the skyline a step as it drifts)


class Standing(Protocol):
    """A tower as it stood (see ruins.Tower): row 0 far, 1 near."""

    @property
    def x(self) -> int: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def row(self) -> int: ...


def falling_tower(plan: Sequence[Standing], tall: float, width: int, seed: int,
                  near: float | None = None) -> int:
    """Which tower's top gives way (-1: none fits): the tall far tower (over `tall` pixels)
    whose middle stands nearest `near` (of the picture width), else one of the tallest far
    ones clear of the picture's edges, by the seed alone (so every scene with the same seed
    and towers breaks the same one, whatever its fires)."""
    far = [n for n, tower in enumerate(plan) if tower.row == 0 and tower.height > tall]
    if near is not None:
        return min(far, key=lambda n: abs(middle(plan[n]) - near * width), default=-1)
    fits = [n for n in far if FALLING_SPAN[0] * width < middle(plan[n]) < FALLING_SPAN[1] * width]
    tallest_first = sorted(fits, key=lambda n: -plan[n].height)[:FALLING_FROM]
    if not tallest_first:
        return -1
    return tallest_first[random.Random(stable_seed(seed, "collapse")).randrange(
        len(tallest_first))]


def middle(tower: Standing) -> float:
    """Where a tower's middle stands (pixels from the left)."""
    return tower.x + tower.width / 2


def leaning_side(plan: Sequence[Standing], n: int) -> int:
    """Which way tower n's top leans as it falls: over the lower of its far neighbours (-1
    left, 1 right), where there is sky for it to fall through."""
    far = [k for k, tower in enumerate(plan) if tower.row == 0]
    at = far.index(n)
    left = plan[far[at - 1]].height if at > 0 else 0
    right = plan[far[at + 1]].height if at + 1 < len(far) else 0
    return -1 if left <= right else 1


def smoke_wind(setup: Setup) -> float:
    """The wind the scene's smoke leans with (the dust drifts with it)."""
    return next((float(spec.params["wind"]) for spec in setup.scene.layers
                 if spec.type == "smoke"), WIND)


@dataclass(frozen=True)
class Moment:
    """What the collapse shows: the fall's step (-1: standing whole, FALL_STEPS * FALL_SECONDS
    rounded: gone) and the dust's step (-1: none)."""

    fall: int
    dust: int


def real_since(story_time: float, seconds: float, scene_at: float, at_offset: float) -> float:
    """Real seconds since the collapse's story time, `at_offset` story seconds into the scene
    (the scene's pace taken as even): -inf before the scene gets there, inf if it came before
    the scene began."""
    if at_offset < 0:
        return math.inf
    into = forward(scene_at, story_time)
    if into <= 0 or seconds <= 0 or into > DAY_SECONDS / 2:
        return -math.inf
    return (into - at_offset) * seconds / into


def moment(since: float) -> Moment:
    """The collapse at `since` real seconds after its story time (while it cracks, the step
    its last jolt came at: it holds still between jolts)."""
    steps = round(FALL_SECONDS * FALL_STEPS)
    fall = -1 if since < 0 else steps if since >= FALL_SECONDS else int(since * FALL_STEPS)
    jolt = round(CRACK_SHARE * steps / JOLTS)
    if 0 <= fall < jolt * JOLTS:
        fall -= fall % jolt
    dusty = since - DUST_FROM * FALL_SECONDS
    return Moment(fall, dust_step(dusty) if 0 <= dusty < DUST_SECONDS else -1)


def pose(u: float, width: int, fall: float) -> tuple[float, float, float]:
    """How far the top has turned (degrees), dropped and moved sideways towards its lean
    (pixels) a share `u` through the fall, its width `width`, `fall` pixels above where it
    is gone: it jolts on its crack, leans, then tears off and slides down turning."""
    if u < CRACK_SHARE:
        jolts = 1 + int(u / CRACK_SHARE * JOLTS)
        return JOLT[2] * jolts, JOLT[1] * width * jolts, JOLT[0] * width * jolts
    cracked = (JOLT[2] * JOLTS, JOLT[1] * width * JOLTS, JOLT[0] * width * JOLTS)
    if u < LEAN_SHARE:
        w = ((u - CRACK_SHARE) / (LEAN_SHARE - CRACK_SHARE)) ** 2
        return cracked[0] + (LEAN_DEGREES - cracked[0]) * w, cracked[1], cracked[2]
    v = (u - LEAN_SHARE) / (1 - LEAN_SHARE)
    return (LEAN_DEGREES + (END_DEGREES - LEAN_DEGREES) * v, cracked[1] + v * v * fall,
            cracked[2] + SIDEWAYS * width * v)


def dust_step(seconds: float) -> int:
    """The dust's step `seconds` after it rises (see DUST_STEPS)."""
    fast = int(DUST_STEPS[0] * BILLOW)
    if seconds < BILLOW:
        return int(seconds * DUST_STEPS[0])
    return fast + int((seconds - BILLOW) * DUST_STEPS[1])


def dust_time(step: int) -> float:
    """The real seconds after the dust rises that its step begins at."""
    fast = int(DUST_STEPS[0] * BILLOW)
    return step / DUST_STEPS[0] if step < fast else BILLOW + (step - fast) / DUST_STEPS[1]


def cut_line(width: int, tops: np.ndarray, height: int, rng: np.random.Generator) -> np.ndarray:
    """Where the tower breaks, column by column (rows down its picture): a ragged slanting
    tear some way below its standing top."""
    standing = tops[tops < height]
    top = float(np.median(standing)) if len(standing) else 0.0
    level = top + (height - top) * rng.uniform(*BREAK)
    slope = rng.uniform(-SLANT, SLANT)
    x = np.arange(width)
    return level + slope * (x - width / 2) + teeth(width, max(1, height // 60), rng)


def break_off(tower: pygame.Surface,
              rng: np.random.Generator) -> tuple[pygame.Surface, pygame.Rect]:
    """The tower's top torn off its picture (left transparent there): the top's own picture,
    and where it stood in the tower's."""
    alpha = pygame.surfarray.pixels_alpha(tower)
    width, height = alpha.shape
    opaque = alpha > 0
    tops = np.where(opaque.any(axis=1), opaque.argmax(axis=1), height)
    line = cut_line(width, tops, height, rng)
    above = np.arange(height)[None, :] < line[:, None]
    rows = np.flatnonzero((above & opaque).any(axis=0))
    cols = np.flatnonzero((above & opaque).any(axis=1))
    if not len(rows):
        del alpha
        return pygame.Surface((1, 1), pygame.SRCALPHA), pygame.Rect(0, 0, 1, 1)
    box = pygame.Rect(int(cols[0]), int(rows[0]), int(cols[-1] - cols[0] + 1),
                      int(rows[-1] - rows[0] + 1))
    kept = alpha.copy()
    alpha[above] = 0
    del alpha
    top = tower.subsurface(box).copy()
    top_alpha = pygame.surfarray.pixels_alpha(top)
    top_alpha[:] = np.where(above[box.left:box.right, box.top:box.bottom],
                            kept[box.left:box.right, box.top:box.bottom], 0)
    del top_alpha
    return top, box


def puff(radius: int, rng: np.random.Generator, color: Color) -> pygame.Surface:
    """A soft, lumpy puff of dust (per-pixel alpha), `radius` pixels."""
    size = 2 * radius
    axis = (np.arange(size) - radius + 0.5) / radius
    x, y = axis[:, None], axis[None, :]
    body = np.clip(1 - np.sqrt(x ** 2 + y ** 2), 0, 1)
    for _ in range(6):
        cx, cy, r = rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.3), rng.uniform(0.3, 0.55)
        body = np.maximum(body, np.clip(1 - np.sqrt((x - cx) ** 2 + (y - cy) ** 2) / r, 0, 1)
                          * 0.8)
    alpha = np.clip(body, 0, 1) ** 1.4 * 255
    out = pygame.Surface((size, size), pygame.SRCALPHA)
    out.fill((*color, 0))
    pixels = pygame.surfarray.pixels3d(out)
    shade = (0.85 + 0.15 * (1 - (y + 1) / 2))[..., None]  # lit a little from above
    pixels[:] = np.clip(np.array(color, float)[None, None, :] * shade, 0, 255).astype(np.uint8)
    del pixels
    pixels_alpha = pygame.surfarray.pixels_alpha(out)
    pixels_alpha[:] = alpha.astype(np.uint8)
    del pixels_alpha
    return out


@dataclass(frozen=True)
class Puff:
    """One puff of the cloud: where it starts (from the tower's foot, pixels), its first and
    last radius, which picture it is and how fast it drifts (of the wind's)."""

    x: float
    y: float
    first: float
    last: float
    kind: int
    drift: float


Blits = list[tuple[pygame.Surface, tuple[int, int]]]


@dataclass(frozen=True)
class Dust:
    """The dust cloud's colour, how far it drifts (pixels a real second) and the widest tower
    width it is sized by (pixels)."""

    color: Color
    drift: float
    widest: float


class Collapse:
    """One tower's fall and its dust, placed in the ruins' picture (its top row is row 0)."""

    def __init__(self, tower: pygame.Surface, place: tuple[int, int], ground: int,
                 dust: Dust, rng: np.random.Generator, lean: int) -> None:
        """Tear the top off `tower` (placed at `place`; its foot at row `ground`), and make
        the top's turned pictures (leaning `lean`: -1 left, 1 right) and the `dust`'s
        puffs."""
        top, box = break_off(tower, rng)
        self.width = tower.get_width()
        self.lean = lean
        self.rest = (place[0] + box.left, place[1] + box.top)
        self.top = top
        pivot_x = box.right if self.lean > 0 else box.left
        self.pivot = (place[0] + pivot_x, place[1] + box.bottom)
        self.drop = ground - self.rest[1] + box.height // 4
        self.turns: list[pygame.Surface] = []  # made by `pieces`
        self.foot = (place[0] + self.width / 2, float(ground))
        self.drift = dust.drift
        cloud = min(float(self.width), dust.widest)
        self.puffs = [Puff(rng.uniform(-0.8, 0.8) * cloud, -rng.uniform(0.1, 0.8) * cloud,
                           rng.uniform(*PUFF_START) * cloud, rng.uniform(*PUFF_END) * cloud,
                           n % PUFF_KINDS, rng.uniform(0.6, 1.2)) for n in range(PUFFS)]
        largest = max(p.last for p in self.puffs)
        smallest = min(p.first for p in self.puffs)
        self.sizes = np.geomspace(max(2.0, smallest), largest, PUFF_SIZES)
        self.pictures: list[list[pygame.Surface]] = []  # made by `pieces`
        self._made = (dust.color, rng)

    def pieces(self) -> Pieces:
        """Make the top's turned pictures and the puffs at their sizes, a few a piece."""
        color, rng = self._made
        for n in range(TURNS):
            if n % TURNS_PER_PIECE == 0:
                yield
            self.turns.append(pygame.transform.rotozoom(
                self.top, -self.lean * END_DEGREES * n / (TURNS - 1), 1.0))
        for _ in range(PUFF_KINDS):
            yield
            kind = puff(PUFF_DETAIL, rng, color)
            yield
            self.pictures.append([pygame.transform.smoothscale(kind, (max(2, int(2 * r)),) * 2)
                                  for r in self.sizes])

    def fall_blits(self, now: Moment) -> Blits:
        """The top where it is at this moment (nothing once it is gone)."""
        steps = round(FALL_SECONDS * FALL_STEPS)
        if now.fall < 0:
            return [(self.top, self.rest)]
        if now.fall >= steps:
            return []
        degrees, drop, side = pose(now.fall / steps, self.width, self.drop)
        side *= self.lean
        turn = min(TURNS - 1, round(degrees / END_DEGREES * (TURNS - 1)))
        picture = self.turns[turn]
        angle = math.radians(self.lean * END_DEGREES * turn / (TURNS - 1))
        w, h = self.top.get_size()
        cx, cy = self.rest[0] + w / 2 - self.pivot[0], self.rest[1] + h / 2 - self.pivot[1]
        middle = (self.pivot[0] + cx * math.cos(angle) - cy * math.sin(angle) + side,
                  self.pivot[1] + cx * math.sin(angle) + cy * math.cos(angle) + drop)
        rect = picture.get_rect(center=(round(middle[0]), round(middle[1])))
        return [(picture, rect.topleft)]

    def dust_blits(self, now: Moment) -> list[tuple[pygame.Surface, tuple[int, int], int]]:
        """Each puff of the dust at this moment: its picture, place and strength (0-255)."""
        if now.dust < 0:
            return []
        t = dust_time(now.dust)
        grown = 1 - math.exp(-t / PUFF_GROW * 2.5)
        strength = min(1.0, t / 0.6) * (1 - t / DUST_SECONDS) ** 1.5
        out = []
        for p in self.puffs:
            radius = p.first + (p.last - p.first) * grown
            size = int(np.argmin(np.abs(self.sizes - radius)))
            picture = self.pictures[p.kind][size]
            r = self.sizes[size]
            x = self.foot[0] + p.x * (0.5 + grown) + self.drift * p.drift * t
            y = self.foot[1] + p.y - 0.4 * r - PUFF_RISE * p.last * t
            out.append((picture, (round(x - r), round(y - r)), int(DUST_ALPHA * strength)))
        return out

    def areas(self, now: Moment) -> list[pygame.Rect]:
        """Where the collapse paints at this moment (in the ruins' picture)."""
        rects = [pygame.Rect(place, picture.get_size())
                 for picture, place in self.fall_blits(now)]
        rects.extend(pygame.Rect(place, picture.get_size())
                     for picture, place, _strength in self.dust_blits(now))
        return rects

    def reach(self) -> pygame.Rect:
        """Everywhere the top can be while it falls."""
        steps = round(FALL_SECONDS * FALL_STEPS)
        rects = [pygame.Rect(place, picture.get_size()) for n in range(-1, steps)
                 for picture, place in self.fall_blits(Moment(n, -1))]
        return rects[0].unionall(rects[1:])
