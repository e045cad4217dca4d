"""The dream's mother fights the tar: now and then a leg heaves half out of it and is sucked
back, her head and trunk thrown up, her back rocking toward it; more weakly as she sinks."""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import hash01
from installation.visuals.mammoth_dream import STANCE
from installation.visuals.mammoth_limb import KNEE_AT, TOP_SOFT, Laid, Limb, laid, limb_of
from installation.visuals.mammoth_pose import ramp

HEAVE_EVERY = 16.0  # real seconds: one heave in each spell this long ...
HEAVE_WITHIN = 6.0  # ... setting out within its first this many (heaves 10-22 s apart: at
# 20-60 s a visitor's 10 s glance mostly found her standing still)
HEAVE_SECONDS = 9.0  # the knee up, the pull, sucked back, the tar settling over the hole
HEAVE_SEED = 61  # when in each spell she heaves, and which leg
PULL = (0.04, 0.3, 0.42, 0.72)  # shares of a heave: the leg starts up, is highest, is
# sucked back from, and is down again (quick up, slowly back: the tar holds it)
SWELL_UP = (0.06, 0.3)  # ... the tar round it dragged up with it from, highest at ...
SWELL_DOWN = (0.66, 1.0)  # ... slumping back from (the leg going down), and settled by
LEGS = (0, 1)  # the legs that heave (STANCE): her near hind leg and near foreleg, in turn ...
AGAIN = 0.25  # ... but now and then the same one again
LEVELS = 5  # heights a heaving leg is drawn at, from just lifted to highest
CUT = 0.36  # units up from her feet: her hip, the leg drawn from here (under her belly's hair)
MARGIN = 0.018  # ... and this far either side of it (its glow; less than the gap to the next)
ROCK = 0.04  # units her back leans toward the heaving leg, heaving hardest ...
LURCH = 0.11  # units her whole side over the heaving leg heaves up, heaving hardest (rocking
# about her far end: only her back leaning, the rest of her stood still as the leg moved)
PIVOT = 0.45  # ... about this far (units) beyond the leg, past her other leg on that side
BAND = 4  # columns heaved up alike
FAINT = 20  # ... as far as what of her is more than this faint (alpha) stays in her picture
ROOM = 0.06  # units of room in front of her picture (see silhouette_form): her lifted tusks'
# glow reached its edge, and she leans ROCK further forward heaving a foreleg
TIRED = (0.75, 0.1)  # at her deepest she heaves this share as hard, this share of her
# height deeper than she began (she sinks 0.11 of it over the dream: tired by 03:45)
SWELLS = 6  # heights the tar's swell round the leg is drawn at (see mammoth_heave_tar)
RINGS = 12  # sizes the rings the heave sends out over the tar are drawn at, spreading ...
RINGS_FROM = 0.08  # ... from this share of the heave (the leg tearing out) to its end


@dataclass(frozen=True)
class Beat:
    """What a heave shows at one moment: the leg (index into LEGS), how high it is pulled
    (0..LEVELS, strength and all), how high the tar swells round it (0..SWELLS), and how
    far its rings have spread (0..RINGS)."""

    leg: int = 0
    level: int = 0
    swell: int = 0
    ring: int = 0


class Heaves:
    """When she heaves, which leg, and how hard (real seconds into her scene; seeded)."""

    def __init__(self, seed: int = HEAVE_SEED) -> None:
        self.seed = seed

    def at(self, seconds: float, strength: float) -> Beat:
        """The heave under way `seconds` into the scene (a still Beat between them), at
        `strength` (1: her hardest)."""
        if seconds < 0:
            return Beat()
        spell = math.floor(seconds / HEAVE_EVERY)
        start = spell * HEAVE_EVERY + hash01(self.seed, spell) * HEAVE_WITHIN
        into = (seconds - start) / HEAVE_SECONDS
        if not 0.0 <= into < 1.0:
            return Beat()
        leg = (spell + (hash01(self.seed, spell, 1) < AGAIN)) % len(LEGS)
        up, high, back, down = PULL
        pulled = ramp(into, up, high) * (1.0 - ramp(into, back, down))
        swell = ramp(into, *SWELL_UP) * (1.0 - ramp(into, *SWELL_DOWN))
        ring = math.ceil(RINGS * (into - RINGS_FROM) / (1.0 - RINGS_FROM))
        return Beat(leg, round(LEVELS * pulled * strength),
                    round(SWELLS * swell * (0.4 + 0.6 * strength)), max(0, ring))

    def starts(self, until: float) -> list[float]:
        """The real seconds each heave sets out at, up to `until`."""
        spells = range(math.floor(until / HEAVE_EVERY) + 1)
        times = [spell * HEAVE_EVERY + hash01(self.seed, spell) * HEAVE_WITHIN for spell in spells]
        return [time for time in times if time <= until]


def strength(sunk: float, began: float) -> float:
    """How hard she heaves, sunk `sunk` of her height, having begun the scene at `began`."""
    least, depth = TIRED
    return 1.0 - (1.0 - least) * min(1.0, max(0.0, (sunk - began) / depth))


@dataclass(frozen=True)
class Leg:
    """Where a heaving leg lies in her picture: its columns (`left`, `right`), the row of her
    hip it is drawn from, which way is forward (+1: right), which way it lies from her
    middle, and her pixels to a unit."""

    left: int
    right: int
    top: int
    forward: int
    toward: int
    px: float

    @property
    def reach(self) -> pygame.Rect:
        """Where it can lie in her picture, lifted or not (its knee swung forward, her side
        heaved up over it)."""
        swing = math.ceil(KNEE_AT * CUT * self.px) + 1
        left = self.left - (swing if self.forward < 0 else 0)
        top = self.top - math.ceil(LURCH * self.px) - 1
        return pygame.Rect(left, top, self.right - self.left + swing, 10 ** 6)

    def lurch(self, level: int) -> float:
        """Pixels her side over the leg heaves up at `level` (its hip with it)."""
        return LURCH * self.px * level / LEVELS

    def limb(self, level: int) -> Limb:
        """The leg pulled up to `level`: its hip heaved up with her side, its knee swung
        forward and up, its shin hanging back under it."""
        hip = ((self.left + self.right) / 2, self.top - self.lurch(level))
        return limb_of(hip, CUT * self.px, self.right - self.left, level / LEVELS, self.forward)


def legs_of(width: int, height: int, anchor: int, px: float, flip: bool) -> list[Leg]:
    """The heaving legs in her picture (`width` x `height`, her x=0 at column `anchor`)."""
    sign = -1 if flip else 1  # facing right, her units (facing left) run the other way
    legs = []
    for index in LEGS:
        x0, x1, _far = STANCE[index]
        columns = sorted((anchor + sign * (x0 - MARGIN) * px, anchor + sign * (x1 + MARGIN) * px))
        legs.append(Leg(max(0, math.floor(columns[0])), min(width, math.ceil(columns[1])),
                        round(height - CUT * px), -sign, sign if x0 > 0 else -sign, px))
    return legs


Heaved = tuple[pygame.Surface, Laid]  # her heaving picture, and the lifted leg alone in its
# reach (what the tar on it covers)


def heaved(posed: pygame.Surface, leg: Leg, level: int) -> Generator[None, None, Heaved]:
    """Her picture (`posed`, her head thrown up with it) with `leg` pulled up to `level`: her
    back leaning toward it, her side over it heaved up, and the leg drawn as a limb bent at
    the knee (her own leg's light laid along it), the leg standing there gone."""
    figure = posed.copy()
    solid = int(pygame.surfarray.pixels_alpha(posed).max())  # (a view: let go at once)
    _rock(figure, leg, level)
    yield
    _heave_up(figure, leg, level)
    yield
    height = figure.get_height()
    cut = pygame.Rect(leg.left, leg.top, leg.right - leg.left, height - leg.top)
    keep = _feathered(cut.width, MARGIN * leg.px)  # its sides soft: the glow between her legs
    strip = np.dstack([pygame.surfarray.array3d(posed.subsurface(cut)),
                       pygame.surfarray.array_alpha(posed.subsurface(cut)) * keep[:, None]])
    limb = leg.limb(level)
    soft = TOP_SOFT * leg.px
    hip = math.floor(limb.hip[1])
    standing = pygame.Rect(leg.left, hip, cut.width, height - hip)
    fade = np.clip((np.arange(standing.height) + 0.5) / soft, 0.0, 1.0)
    _scale_alpha(figure.subsurface(standing), 1.0 - keep[:, None] * fade[None, :])
    reach = leg.reach.clip(figure.get_rect())
    drawn = laid(strip, limb, (reach.x, reach.y, reach.width, reach.height), soft)
    yield
    figure.blit(_surface(drawn.rgba), reach.topleft)
    alpha = pygame.surfarray.pixels_alpha(figure)  # no more solid than she is anywhere (the
    np.minimum(alpha, solid, out=alpha)  # limb laid over her glow summed past her own light)
    del alpha
    return figure, drawn


def _surface(rgba: np.ndarray) -> pygame.Surface:
    """A picture of `rgba` ([x, y, 4], floats 0-255)."""
    surface = pygame.Surface(rgba.shape[:2], pygame.SRCALPHA)
    pygame.surfarray.pixels3d(surface)[:] = np.clip(rgba[..., :3], 0, 255).astype(np.uint8)
    pygame.surfarray.pixels_alpha(surface)[:] = np.clip(rgba[..., 3], 0, 255).astype(np.uint8)
    return surface


def _feathered(width: int, soft: float) -> np.ndarray:
    """Across `width` columns: 1 in the middle, falling smoothly to 0 over `soft` columns at
    either side."""
    x = np.arange(width) + 0.5
    edge = np.minimum(x, width - x) / max(1.0, soft)
    return np.clip(edge, 0.0, 1.0) ** 2 * (3 - 2 * np.clip(edge, 0.0, 1.0))


def _scale_alpha(image: pygame.Surface, shares: np.ndarray) -> None:
    """Multiply each pixel's alpha by its share in `shares` ([x, y], or [x, 1]: by column)."""
    alpha = pygame.surfarray.pixels_alpha(image)
    alpha[:] = (alpha * shares).astype(np.uint8)
    del alpha


def _rock(figure: pygame.Surface, leg: Leg, level: int) -> None:
    """Lean her body above the leg's top toward it: each row moved sideways, more higher up
    (none at the top of her legs), as far as her picture leaves room."""
    lean = ROCK * leg.px * level / LEVELS
    if lean < 1:
        return
    box = figure.get_bounding_rect(min_alpha=FAINT)
    room = box.left if leg.toward < 0 else figure.get_width() - box.right
    lean = min(lean, room)
    step = max(1, leg.top // max(1, round(lean)))  # rows moved alike
    body = figure.subsurface((0, 0, figure.get_width(), leg.top)).copy()
    figure.fill((0, 0, 0, 0), (0, 0, figure.get_width(), leg.top))
    for top in range(0, leg.top, step):
        shift = round(lean * (leg.top - top) / leg.top) * leg.toward
        band = pygame.Rect(0, top, figure.get_width(), min(step, leg.top - top))
        figure.blit(body, (shift, top), band, special_flags=pygame.BLEND_RGBA_MAX)



def _heave_up(figure: pygame.Surface, leg: Leg, level: int) -> None:
    """Heave her side over the leg up, rocking about her other end (PIVOT beyond the leg):
    a band of columns at a time, her body above the leg's top moved up (`leg.lurch` from
    the leg on, none past the pivot) and her legs under it stretched to meet it, their feet
    left where they are, in the tar (as far as her picture leaves room above her)."""
    rise = leg.lurch(level)
    if rise < 1:
        return
    middle = (leg.left + leg.right) / 2
    pivot = middle - leg.toward * PIVOT * leg.px
    tops = np.argmax(pygame.surfarray.array_alpha(figure) >= FAINT, axis=1)  # (0: empty)
    source = figure.copy()
    width, height = figure.get_size()
    low = height - leg.top  # rows of her legs, under the leg's top
    for left in range(0, width, BAND):
        band = min(BAND, width - left)
        share = min(1.0, max(0.0, (left + band / 2 - pivot) / (middle - pivot)))
        up = min(round(rise * share), int(tops[left:left + band].min()))
        if up < 1:
            continue
        figure.fill((0, 0, 0, 0), (left, 0, band, height))
        figure.blit(source, (left, -up), (left, 0, band, leg.top))
        legs = source.subsurface((left, leg.top, band, low))
        figure.blit(pygame.transform.smoothscale(legs, (band, low + up)), (left, leg.top - up))
