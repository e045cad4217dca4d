"""The tar closing over the mother where she went under: it heaves up round the last of her
trunk and over her place, the last of her air comes up in bubbles for some real seconds, and
its oily sheen lies broken there, settling (her going read as a cut: a stub gone, flat tar);
then, as the calf waits, a last bubble now and then, further apart, its rings spreading slowly
and fading (her place went flat at 10:43 and stayed so for 80 real s)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, hash01, s_curve
from installation.visuals.mire_swell import LEVELS, lay, swells
from installation.visuals.oil import film_tint
from installation.visuals.tar_bubble import RING_SPREAD, bubble, ring_end, ring_strength
from installation.visuals.tar_domes import SkinDomes, picture
from installation.visuals.tar_rings import Rings

SINCE = -0.9  # real seconds before the last of her has gone that the tar begins to heave
SECONDS = 10.0  # ... and how long after it the place shows her going
STEPS = 30  # its looks a second (each a repaint of its area)
HEAVES = ((SINCE, 2.6, 1.0), (3.4, 2.2, 0.5), (6.6, 1.8, 0.25))  # (when, how long, how high):
# the tar swelling over her as it takes her trunk, then twice, lower, as air leaves her
HEAVE_HALF = 0.17  # a heave's half width, in her heights (as wide as her head) ...
HEAVE_HIGH = 0.035  # ... and its height at its highest
HEAVE_SOFT = 1.4  # ... its soft swell this much wider, fading out all round (a bubble's dome
# squashed to its size was a dark disc with a hard rim: a manhole's lid on the tar)
HEAVE_RING = (0.45, 1.1, 3.0)  # as a heave sinks back, a ring sets out from it: from this
# share of its half width to this, over this many real seconds
BUBBLES = 15  # the last of her air, coming up round her place ...
BUBBLE_AT = (0.22, 0.05)  # ... this far across and up or down from it at most, in her heights
BUBBLE_SIZE = (0.018, 0.042)  # ... swelling to this across their half
BUBBLE_LIFE = (1.2, 2.4)  # ... in real seconds, swelling and then their rings
BUBBLE_LATE = 1.8  # they come thick at first and then fewer: their starts spread to this power
SHEEN_HALF = 0.3  # the broken sheen over her place: its half width at most, in her heights
SHEEN_SQUASH = 0.2  # ... as deep as wide, seen from where we stand
SHEEN_FROM = 0.45  # ... its share of its widest as it forms
SHEEN_STAGES = 12  # ... pictures of it as it spreads and settles over SECONDS
SHEEN_LIGHT = 0.22  # the sky's light its film gives back in colours, at most
SHEEN_MATTE = 0.14  # how much darker the churned tar gives back the sky, at most
SHEEN_SWIRLS = 3.0  # turns of oil in it
SEED = 97  # where her bubbles come up, the same every day
LATE = (16.0, 29.0, 45.0, 64.0)  # real seconds after she went: the last of her air, a bubble
# at a time, further apart, as the calf waits on the shore
LATE_LIFE = 4.5  # real seconds each swells and its rings spread (slower than the first ones)
LATE_SIZE = 0.04  # the first one's half width, in her heights (less for each after it)


@dataclass(frozen=True)
class Rise:
    """A bubble of her air: where from her place (pixels across and down), when it begins
    (real seconds after she has gone), how long it lives, and how wide it swells."""

    across: int
    down: int
    start: float
    life: float
    radius: float


class Closing:
    """The tar over the place where the last of her (`span` pixels high) went under, under a
    sky of colour `sky`: its heaves, her bubbles and its sheen (made ahead in `pieces`)."""

    def __init__(self, span: float, sky: Color) -> None:
        self.span = span
        self.domes = SkinDomes(sky, eager=False)
        self.rises = [_rise(n, span) for n in range(BUBBLES)]
        self.late = [_late(n, span) for n in range(len(LATE))]
        self.rises += self.late
        radii = [rise.radius for rise in self.rises]
        widest = math.ceil(max(radii) * (1 + RING_SPREAD * ring_end()))
        self.rings = Rings(int(min(radii)), widest)
        self.ring_reach = (span * HEAVE_HALF * HEAVE_RING[0],
                           min(widest, span * HEAVE_HALF * HEAVE_RING[1]))
        self.sheens: list[tuple[pygame.Surface, pygame.Surface]] = []
        self.swells: list[tuple[pygame.Surface, pygame.Surface]] = []

    def pieces(self) -> Pieces:
        """Its domes' models, its bubbles' rings, then its sheen's pictures, one a piece
        (~1-3 ms each)."""
        yield from self.domes.pieces()
        yield from self.rings.pieces()
        yield
        self.swells = swells(round(self.span * HEAVE_HALF * HEAVE_SOFT), self.domes.light)
        for stage in range(SHEEN_STAGES):
            yield
            self.sheens.append(_sheen(self.span, stage, self.domes.light))

    def step(self, since: float | None) -> int:
        """Its look `since` real seconds after the last of her went (None, or out of its
        time: -1, nothing)."""
        if since is None or since < SINCE:
            return -1
        if since < SECONDS or any(rise.start <= since < rise.start + rise.life
                                  for rise in self.late):
            return math.floor((since - SINCE) * STEPS)
        return -1  # (still between her last bubbles: nothing to paint again)

    def area(self, centre: tuple[int, int]) -> pygame.Rect:
        """Where it can paint round her place at `centre`."""
        half = math.ceil(max(self.span * SHEEN_HALF, self.span * BUBBLE_AT[0]
                             + self.rings.reach()[0])) + 2
        high = math.ceil(max(self.span * (HEAVE_HIGH + BUBBLE_AT[1] + BUBBLE_SIZE[1] * 2),
                             self.span * BUBBLE_AT[1] + self.rings.reach()[1])) + 2
        return pygame.Rect(centre[0] - half, centre[1] - high, 2 * half + 1, 2 * high + 1)

    def draw(self, surface: pygame.Surface, centre: tuple[int, int], step: int) -> None:
        """Its look at `step` (see `step`) round her place at `centre` on the tar."""
        if step < 0:
            return
        since = SINCE + step / STEPS
        if since >= 0 and self.sheens:
            stage = min(SHEEN_STAGES - 1, int(since / SECONDS * SHEEN_STAGES))
            matte, film = self.sheens[stage]
            corner = (centre[0] - matte.get_width() // 2, centre[1] - matte.get_height() // 2)
            surface.blit(matte, corner, special_flags=pygame.BLEND_RGB_MULT)
            surface.blit(film, corner, special_flags=pygame.BLEND_RGB_ADD)
        self._heave(surface, centre, since)
        for rise in self.rises:
            life = (since - rise.start) / rise.life
            if 0.0 <= life < 1.0:
                bubble(surface, self.domes, self.rings,
                       (centre[0] + rise.across, centre[1] + rise.down), rise.radius, life)

    def _heave(self, surface: pygame.Surface, centre: tuple[int, int], since: float) -> None:
        """The tar swelling softly over her place and sinking back, as it heaves at `since`,
        a ring setting out from it as it sinks."""
        for start, lasts, high in HEAVES:
            into = (since - start) / lasts
            if 0.0 < into < 1.0 and self.swells:
                level = round(high * math.sin(math.pi * into ** 0.7) * LEVELS) - 1
                if level >= 0:
                    lay(surface, centre, self.swells[level])
            spread = (since - start - lasts / 2) / HEAVE_RING[2]
            if 0.0 <= spread < 1.0:
                least, most = self.ring_reach
                self.rings.draw(surface, centre, least + (most - least) * spread,
                                high * ring_strength(spread, 0.0))


def _rise(n: int, span: float) -> Rise:
    """Her `n`th bubble: round her place, soon after she went or later (fewer then)."""
    def h(k: int) -> float:
        return hash01(SEED, n, k)
    across = (2 * h(1) - 1) * BUBBLE_AT[0] * span * (0.3 + 0.7 * n / BUBBLES)  # spreading
    return Rise(round(across), round((2 * h(2) - 1) * BUBBLE_AT[1] * span),
                SECONDS * 0.75 * (n / BUBBLES) ** BUBBLE_LATE + 0.3 * h(3),
                BUBBLE_LIFE[0] + (BUBBLE_LIFE[1] - BUBBLE_LIFE[0]) * h(4),
                span * (BUBBLE_SIZE[0] + (BUBBLE_SIZE[1] - BUBBLE_SIZE[0]) * h(5)))


def _late(n: int, span: float) -> Rise:
    """Her `n`th last bubble, at her place, as the calf waits (smaller each time)."""
    def h(k: int) -> float:
        return hash01(SEED, BUBBLES + n, k)
    return Rise(round((2 * h(1) - 1) * 0.5 * BUBBLE_AT[0] * span),
                round((2 * h(2) - 1) * BUBBLE_AT[1] * span), LATE[n], LATE_LIFE,
                span * LATE_SIZE * (1 - 0.12 * n))


def _sheen(span: float, stage: int, light: np.ndarray) -> tuple[pygame.Surface, pygame.Surface]:
    """The broken sheen over her place at `stage` of SHEEN_STAGES: the churned tar darker
    (what multiplies the pool) and its oil's colours swirled (what is added), spreading
    and settling as it goes on."""
    age = (stage + 0.5) / SHEEN_STAGES
    half = span * SHEEN_HALF * (SHEEN_FROM + (1 - SHEEN_FROM) * math.sqrt(age))
    w, h = max(2, round(half)), max(2, round(half * SHEEN_SQUASH))
    u = np.linspace(-1, 1, 2 * w + 1)[:, None]
    v = np.linspace(-1, 1, 2 * h + 1)[None, :]
    angle = np.arctan2(v, u)
    r = np.sqrt(u * u + v * v) * (1 + 0.22 * np.sin(3 * angle + 1.3) + 0.12 * np.sin(
        5 * angle + 4 * age))  # a ragged patch, not a disc
    edge = s_curve(np.clip((1 - r) / 0.8, 0, 1))  # soft all round
    turn = angle + SHEEN_SWIRLS * r * (1 + age) + 2.1 * age
    streak = (0.5 + 0.5 * np.sin(3 * turn + 7 * r)) ** 2  # oil drawn round in swirls
    fade = (1 - age) ** 1.3
    matte = 1 - SHEEN_MATTE * fade * edge * (0.3 + 0.7 * streak)
    tint = np.stack(film_tint(1.5 + 2.5 * r + 1.2 * streak + 3 * age), axis=-1)
    film = (tint * (SHEEN_LIGHT * fade * edge * streak)[..., None]) * light
    shade = np.repeat((255 * matte)[..., None], 3, axis=-1)
    return picture(shade), picture(film)
