"""The minute after everyone ran out of Johnie's (the interior's `emptied`): a stool dragged
into the aisle, its seat still turning, another knocked over; steam rising from the coffee urn
left on; a cup on its side on the counter, its coffee spreading and dripping off the edge, and
cash left by a cup."""

from __future__ import annotations

import math

import pygame

from installation.core.timeutil import forward
from installation.visuals.base import Color, Frame, mix, scaled
from installation.visuals.collapse import real_since
from installation.visuals.counter import (
    CHROME,
    COUNTER_NOSE,
    CUP,
    CUP_AT,
    CUPS,
    FORMICA,
    TIPS,
    URN,
    cup_unit,
)
from installation.visuals.glow import dimmed, radial
from installation.visuals.left_behind import COFFEE, VINYL, stool

# The aisle, of the picture: where the stools were left (x, their feet's row), and a
# standing person's height there (the runners' 0.27 at 0.73).
TURNING: tuple[float, float] = (0.63, 0.712)
KNOCKED: tuple[float, float] = (0.2, 0.716)
KNOCKED_TURN = 84  # degrees: on its side, its seat to the left, its foot a little up
TALL = 0.27 * 1.4  # left_behind draws its stools low: a counter stool's seat at 0.42 of a man
SPIN, SPIN_SLOWS = 3.2, 30.0  # radians a real second as he leapt off it; slowing by e in this
SEAT_TOP = 0.32  # the seat's top seen from a standing eye: this share of its width tall
SEAM = (120, 30, 30)  # the seam across the seat's top and down its side, darker than the vinyl
# Steam from the urn's lid, left on: puffs rising, widening, drifting and fading.
PUFFS, PUFF_LIFE = 12, 4.5  # how many at once, real seconds each rises
RISE, DRIFT = 0.2, 0.025  # how far one rises (of the height) and sways (of the width)
PUFF_SIZE = (0.012, 0.05)  # its radius as it leaves the lid and as it goes, of the height
STEAM = (150, 146, 140)  # added to the wall behind at its thickest
STEAM_SIZES, STEAM_LEVELS = 8, 6  # puffs drawn once at these many sizes and strengths
STEAM_IN = 6.0  # real seconds for the steam to come up after they have gone
# The cup knocked over and its coffee: a pool spreading to the counter's nose, then dripping.
# The pool's lobes out of the cup's mouth: (across, towards us) from it, half wide, half deep,
# in cup units; then a run from the last to the counter's nose.
LOBES = ((0.6, 0.2, 2.2, 0.8), (2.6, 1.2, 2.8, 1.1), (4.6, 2.4, 1.8, 0.9))
RUN = (5.2, 2.8)
POOL_FILLS = 12.0  # real seconds to spread
THIN, SHINE = 0.3, 0.55  # coffee spread thin on the cream formica; its wet shine, in the light
DRIP_EVERY, DRIP_FALLS = 1.7, 0.45  # real seconds between drops, and for one to fall
DRIP_TO = 1.0  # where a drop goes out of sight, of the height
CASH_AT = 0  # the cup by which cash was left (of CUPS): bills and coins
BILL = (168, 184, 150)  # a dollar bill's pale green, in the room's light
COIN = (200, 200, 196)


def since(frame: Frame, scene_at: float, at: float | None) -> float | None:
    """Real seconds from story time `at` (in the scene that begins at `scene_at`) to this
    frame; None before it (or if it is None)."""
    if at is None:
        return None
    real = real_since(frame.story_time, frame.seconds, scene_at, forward(scene_at, at))
    return real if real >= 0 else None


class Aisle:
    """The two stools left in the aisle: one standing, its seat turning slower and slower,
    one on its side (in a picture of `size`, lit by `light`)."""

    def __init__(self, size: tuple[int, int], light: Color) -> None:
        width, height = size
        self.light = light
        tall = round(TALL * height * (TURNING[1] - 0.45) / (0.73 - 0.45))
        self.x, self.floor = round(TURNING[0] * width), round(TURNING[1] * height)
        self.half = max(3, round(0.075 * tall))
        self.thick = max(2, round(0.05 * tall))
        side = max(8, round(0.5 * tall))
        self.standing = pygame.Surface((2 * side, side + 2), pygame.SRCALPHA)
        stool(self.standing, side, side, tall, light)
        self.seat = side - round(0.3 * tall) - self.thick  # its top's middle, on the picture
        self._lid(self.standing, side)
        self.standing_at = (self.x - side, self.floor - side)
        self.seat += self.standing_at[1]
        lying = pygame.transform.rotate(self.standing, KNOCKED_TURN)
        self.knocked = lying.subsurface(lying.get_bounding_rect()).copy()
        self.knocked_at = (round(KNOCKED[0] * width) - self.knocked.get_width() // 2,
                           round(KNOCKED[1] * height) - self.knocked.get_height())

    def _lid(self, surface: pygame.Surface, x: int) -> pygame.Rect:
        """The seat's top seen from above, red vinyl in a chrome rim, on a stool at `x`."""
        half, top = self.half, max(2, round(self.half * SEAT_TOP))
        lid = pygame.Rect(x - half, self.seat - top, 2 * half, 2 * top)
        pygame.draw.ellipse(surface, mix(VINYL, self.light, 0.45), lid)
        pygame.draw.ellipse(surface, scaled(CHROME, 0.8), lid, max(1, half // 10))
        return lid

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The stools `seconds` after they were left."""
        surface.blit(self.knocked, self.knocked_at)
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


class Spilt:
    """The counter after them: a cup knocked on its side where the cup TIPS stood (`bare`,
    the counter without it, laid over that), its coffee spreading towards the nose and
    dripping off; bills and a few coins by the cup CASH_AT."""

    def __init__(self, size: tuple[int, int], bare: tuple[pygame.Surface, tuple[int, int]],
                 light: Color) -> None:
        width, height = size
        self.bare = bare
        self.unit = unit = cup_unit(height)
        self.at = (round(CUPS[TIPS] * width), round(CUP_AT * height))
        self.coffee = mix(COFFEE, FORMICA, THIN)
        self.shine = mix(self.coffee, light, SHINE)
        self.nose = round(COUNTER_NOSE * height)
        self.bottom = round(DRIP_TO * height)
        self.lying = _lying(unit)
        self.cash = _cash(unit, light)
        self.cash_at = (round(CUPS[CASH_AT] * width) + 4 * unit, self.at[1] - 2 * unit)

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The counter `seconds` after the cup went over: its coffee out of its mouth in a
        pool spreading towards us, a run of it to the nose, and drops off it."""
        surface.blit(*self.bare)
        surface.blit(self.cash, self.cash_at)
        x, y = self.at
        u = self.unit
        spread = math.sqrt(min(1.0, seconds / POOL_FILLS))
        mouth = (x - 3 * u, y - u)
        for dx, dy, across, towards in LOBES:
            dx = -dx
            lobe = pygame.Rect(0, 0, round(2 * across * u * spread),
                               round(2 * towards * u * spread))
            lobe.center = (round(mouth[0] + dx * u * spread), round(mouth[1] + dy * u * spread))
            pygame.draw.ellipse(surface, self.coffee, lobe)
        if spread >= 1.0:  # over the nose and down: a drop every so often
            run = (round(mouth[0] - RUN[0] * u), round(mouth[1] + RUN[1] * u))
            pygame.draw.line(surface, self.coffee, run, (run[0], self.nose + u), max(2, u // 2))
            falling = (seconds % DRIP_EVERY) / DRIP_FALLS
            if falling < 1.0:
                drop = self.nose + u + (self.bottom - self.nose) * falling ** 2
                pygame.draw.ellipse(surface, scaled(COFFEE, 1.5),
                                    (run[0] - u // 3, round(drop), max(2, 2 * u // 3), u))
        shine = pygame.Rect(0, 0, round(2 * u * spread), max(1, round(0.5 * u * spread)))
        shine.center = (round(mouth[0] - 1.2 * u * spread), round(mouth[1] + 0.2 * u * spread))
        pygame.draw.ellipse(surface, self.shine, shine)
        surface.blit(self.lying, (x - 4 * u, y - 3 * u))


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
