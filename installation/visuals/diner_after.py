"""The minute after everyone ran out of Johnie's (the interior's `emptied`): a stool dragged
into the aisle, its seat still turning, another knocked over (or caught by a runner going past
at `knocked`, and over); steam rising from the coffee urn left on (the spilt cup on the counter:
diner_spill)."""

from __future__ import annotations

import math

import pygame

from installation.core.timeutil import forward
from installation.visuals.base import Color, Frame, mix, scaled
from installation.visuals.collapse import real_since
from installation.visuals.counter import CHROME, URN
from installation.visuals.glow import dimmed, radial
from installation.visuals.left_behind import (
    CAST,
    FLARE,
    FOOT_HALF,
    FOOT_RING,
    POST_WIDE,
    RING_AT,
    SEAT_HIGH,
    VINYL,
    lying,
    stool,
)

# The aisle, of the picture: where the stools were left (x, their feet's row), at its back by
# the booths, behind every runner's lane (nearer, a runner's legs passed through the standing
# one's foot, the stumbler rode it), the standing one before two booths' backs (before a table,
# its seat over the table's top, it read as standing on the table, 04:30), and a standing
# person's height there (the runners' 0.27 at 0.73).
TURNING: tuple[float, float] = (0.535, 0.69)
KNOCKED: tuple[float, float] = (0.2, 0.695)
TALL = 0.27 * 1.4  # left_behind draws its stools low: a counter stool's seat at 0.42 of a man
SPIN, SPIN_SLOWS = 3.2, 30.0  # radians a real second as he leapt off it; slowing by e in this
SEAT_TOP = 0.32  # the seat's top seen from a standing eye: this share of its width tall
SEAM = (120, 30, 30)  # the seam across the seat's top and down its side, darker than the vinyl
# The stool standing in the aisle is a counter stool, not a lamp stand (a red disc on a thin
# pole): the foot ring round its post (the knocked one's, seen from a standing eye, as flat as
# the seat's top) and its cast foot flaring in a bell to a broad base, its post thicker.
STANDING_POST = 1.6  # its post this much wider than a counter stool's behind the glass
STANDING_BASE = 2.0  # its base this much wider than their foot
BELL = 0.6  # the bell flares out to this share of the base's width, on its middle
# Steam from the urn's lid, left on: puffs rising, widening, drifting and fading.
PUFFS, PUFF_LIFE = 12, 4.5  # how many at once, real seconds each rises
RISE, DRIFT = 0.2, 0.025  # how far one rises (of the height) and sways (of the width)
PUFF_SIZE = (0.012, 0.05)  # its radius as it leaves the lid and as it goes, of the height
STEAM = (150, 146, 140)  # added to the wall behind at its thickest
STEAM_SIZES, STEAM_LEVELS = 8, 6  # puffs drawn once at these many sizes and strengths
STEAM_IN = 6.0  # real seconds for the steam to come up after they have gone
# Caught by a runner going past (`knocked`), the stool standing by the booths goes over: its
# foot kicked on, it tips back about it at once (JOLT of its first move the hit's, the rest
# faster and faster as it falls), in FALL real seconds, and lies as it fell (drawn in
# FALL_STEPS tilts, made with the room).
FALL, FALL_STEPS, FALLEN = 0.35, 8, 80.0  # real seconds; tilts; degrees at the last before it lies
JOLT = 0.35


def since(frame: Frame, scene_at: float, at: float | None) -> float | None:
    """Real seconds from story time `at` (in the scene that begins at `scene_at`) to this
    frame; None before it (or if it is None)."""
    if at is None:
        return None
    real = real_since(frame.story_time, frame.seconds, scene_at, forward(scene_at, at))
    return real if real >= 0 else None


class Aisle:
    """The two stools left in the aisle: one standing, its seat turning slower and slower,
    one on its side (in a picture of `size`, lit by `light`); if it `falls`, that one stands
    till a runner catches it, and goes over."""

    def __init__(self, size: tuple[int, int], light: Color, falls: bool = False) -> None:
        width, height = size
        self.light = light
        tall = round(TALL * height * (TURNING[1] - 0.45) / (0.73 - 0.45))
        self.x, self.floor = round(TURNING[0] * width), round(TURNING[1] * height)
        self.half = max(3, round(0.075 * tall))
        self.thick = max(2, round(0.05 * tall))
        side = max(8, round(0.5 * tall))
        self.standing = pygame.Surface((2 * side, side + 2), pygame.SRCALPHA)
        stool(self.standing, side, side, tall, light)
        self._foot(self.standing, side, side, tall)
        self._ring(self.standing, side, side, tall)
        self.seat = side - round(0.3 * tall) - self.thick  # its top's middle, on the picture
        self._lid(self.standing, side)
        self.standing_at = (self.x - side, self.floor - side)
        self.seat += self.standing_at[1]
        self.knocked, drop = lying(tall, light)
        self.knocked_at = (round(KNOCKED[0] * width) - self.knocked.get_width() // 2,
                           round(KNOCKED[1] * height) - self.knocked.get_height() + drop)
        self.tilts = self._tilts(side, round(KNOCKED[1] * height)) if falls else []

    def _tilts(self, side: int, floor: int) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """The knocked stool standing (its seat's seam still), then tipping back about its foot
        where it comes to lie (the lying one's foot end), each tilt and where it goes."""
        upright = self.standing.copy()
        half = self.half
        pygame.draw.line(upright, SEAM, (side - half * 0.9, self.seat - self.standing_at[1]),
                         (side + half * 0.9, self.seat - self.standing_at[1]),
                         max(1, half // 12))
        foot = pygame.Vector2(self.knocked_at[0] + self.knocked.get_width() - self.half, floor)
        pivot = pygame.Vector2(side, side)
        middle = pygame.Vector2(upright.get_size()) / 2
        tilts = []
        for k in range(FALL_STEPS):
            fell = k / FALL_STEPS
            angle = FALLEN * (JOLT * fell + (1 - JOLT) * fell ** 2)
            turned = pygame.transform.rotate(upright, angle)
            centre = foot - (pivot - middle).rotate(-angle)
            corner = centre - pygame.Vector2(turned.get_size()) / 2
            tilts.append((turned, (round(corner.x), round(corner.y))))
        return tilts

    def _foot(self, surface: pygame.Surface, x: int, floor: int, tall: int) -> None:
        """A thicker chrome post and the cast foot flaring from it in a bell to its broad round
        base in a chrome rim, on a stool at `x` standing on row `floor` (over its own)."""
        post = max(2, round(STANDING_POST * POST_WIDE * tall))
        seat = floor - round(SEAT_HIGH * tall)
        surface.fill((*scaled(CHROME, 0.6), 255), (x - post // 2, seat, post, floor - seat))
        flare = floor - round(FLARE * (floor - seat))
        base = max(3, round(STANDING_BASE * FOOT_HALF * tall))
        flat = max(2, round(base * SEAT_TOP))
        bell = [(post / 2 + (BELL * base - post / 2) * t ** 2.5, flare + (floor - flat - flare) * t)
                for t in (k / 8 for k in range(9))]
        disc = pygame.Rect(x - base, floor - 2 * flat, 2 * base, 2 * flat)
        pygame.draw.ellipse(surface, (*scaled(CAST, 1.6), 255), disc)
        pygame.draw.ellipse(surface, (*scaled(CHROME, 0.8), 255), disc, max(1, post // 3))
        pygame.draw.polygon(surface, (*CAST, 255), [(x - r, y) for r, y in bell]
                            + [(x + r, y) for r, y in bell[::-1]])

    def _ring(self, surface: pygame.Surface, x: int, floor: int, tall: int) -> None:
        """The foot ring round the post of a stool at `x` on row `floor`: a chrome hoop seen
        from a standing eye, its near half over the post, lit along its top."""
        seat = floor - round(SEAT_HIGH * tall)
        flare = floor - round(FLARE * (floor - seat))
        half = max(3, round(FOOT_RING * tall))
        flat = max(2, round(half * SEAT_TOP))
        ring = pygame.Rect(0, 0, 2 * half, 2 * flat)
        ring.center = (x, round(seat + RING_AT * (flare - seat)))
        thick = max(2, round(POST_WIDE * tall * 0.6))
        pygame.draw.ellipse(surface, (*scaled(CHROME, 0.75), 255), ring, thick)
        pygame.draw.arc(surface, (*mix(CHROME, self.light, 0.4), 255), ring, 0.05 * math.pi,
                        0.95 * math.pi, max(1, thick // 2))

    def _lid(self, surface: pygame.Surface, x: int) -> pygame.Rect:
        """The seat's top seen from above, red vinyl in a chrome rim, on a stool at `x`."""
        half, top = self.half, max(2, round(self.half * SEAT_TOP))
        lid = pygame.Rect(x - half, self.seat - top, 2 * half, 2 * top)
        pygame.draw.ellipse(surface, mix(VINYL, self.light, 0.45), lid)
        pygame.draw.ellipse(surface, scaled(CHROME, 0.8), lid, max(1, half // 10))
        return lid

    def draw(self, surface: pygame.Surface, seconds: float | None,
             knocked: float | None = None) -> None:
        """The stools `seconds` after they were left (None: before), one caught `knocked`
        real seconds ago (None: not yet) if it falls."""
        if self.tilts and (knocked is None or knocked < FALL):
            step = 0 if knocked is None else min(FALL_STEPS - 1, int(knocked / FALL * FALL_STEPS))
            surface.blit(*self.tilts[step])
        elif seconds is not None:
            surface.blit(self.knocked, self.knocked_at)
        if seconds is None:
            return
        surface.blit(self.standing, self.standing_at)
        turned = SPIN * SPIN_SLOWS * (1 - math.exp(-seconds / SPIN_SLOWS))
        half, top = self.half, max(2, round(self.half * SEAT_TOP))
        dx, dy = math.cos(turned) * half * 0.9, math.sin(turned) * top * 0.9
        pygame.draw.line(surface, SEAM, (self.x - dx, self.seat - dy),
                         (self.x + dx, self.seat + dy), max(1, half // 12))
        pygame.draw.circle(surface, scaled(SEAM, 0.8), (self.x, self.seat), max(1, half // 8))
        for end in (turned, turned + math.pi):  # the seam down the side, on the near half
            if math.sin(end) > 0:
                x = self.x + math.cos(end) * half
                pygame.draw.line(surface, SEAM, (x, self.seat), (x, self.seat + self.thick),
                                 max(1, half // 12))


class Steam:
    """Steam rising from the coffee urn's lid, in a picture of `size`."""

    def __init__(self, size: tuple[int, int]) -> None:
        width, height = size
        self.width, self.height = width, height
        self.vent = (round((URN[0] + URN[2]) / 2 * width), round(URN[1] * height))
        self.puffs = []
        for k in range(STEAM_SIZES):
            share = PUFF_SIZE[0] + (PUFF_SIZE[1] - PUFF_SIZE[0]) * k / (STEAM_SIZES - 1)
            whole = radial(max(2, round(height * share)), STEAM, 1.4)
            self.puffs.append([dimmed(whole, (n + 1) / STEAM_LEVELS)
                               for n in range(STEAM_LEVELS)])

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The puffs `seconds` after the steam began to show."""
        rising = min(1.0, seconds / STEAM_IN)
        for n in range(PUFFS):
            k = ((seconds + n * PUFF_LIFE / PUFFS) / PUFF_LIFE) % 1.0
            strength = rising * (1 - k) ** 1.5 * min(1.0, 6 * k)
            level = min(STEAM_LEVELS - 1, math.ceil(strength * STEAM_LEVELS) - 1)
            if level < 0:
                continue
            puff = self.puffs[min(STEAM_SIZES - 1, int(k * STEAM_SIZES))][level]
            sway = DRIFT * self.width * k * math.sin(2 * math.pi * (0.8 * k + 0.37 * n))
            x = self.vent[0] + sway - puff.get_width() // 2
            y = self.vent[1] - RISE * self.height * k ** 0.8 - puff.get_height() // 2
            surface.blit(puff, (round(x), round(y)), special_flags=pygame.BLEND_RGB_ADD)
