"""The tar nearest the viewer: its skin creased in wrinkles whose lips catch the sky, small torn
slicks of oil's pale iridescence drifting over it, leaves and a twig afloat, and reeds and grass
at the picture's foot, a dark silhouette framing the pool.

The skin is painted once into the tar itself; the sheen, the leaves and the reeds are small
pictures made once and blitted each frame (the reeds last: nearer than anything on the tar)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, chunks, mix, s_curve, scaled
from installation.visuals.oil import Grids, film_tint, noise, slicks

GRID = 32  # knots across each noise (wrapping)
SKIN_FROM = 0.35  # the skin shows from this share of the way down the pool, fading in ...
SKIN_FADE = 0.35  # ... over this share of it
FAR_ACROSS, FAR_DOWN = 0.4, 0.9  # ground distance ~ 1 / (this + the share down): as the oil's
ACROSS, DOWN = 7.0, 6.0  # knots of the skin's noise at our feet, across and down, per distance
CREASE = 0.006  # how thin a crease is, in the noise's values either side of its line
STRETCH = (0.45, 1.6)  # the folds lie across, seen low over the tar: long along, short down
SKIN_NEAR = 0.25  # nearer us more of the tar has skinned over (the noise's bar lowered by this)
FOLDS = 0.1  # a crease wherever the folds' noise passes a multiple of this (and a half)
CREASE_DARK = 0.25  # a crease's trough: this much darker than the tar
LIP = 0.2  # a crease's lip catches this share of the sky's light (browned as the tar's mirror)
LIP_WARM = (1.0, 0.86, 0.7)
SKIN = 0.38  # the noise above which the tar has skinned over (creases only there)
SKIN_LIGHT = 1.18  # a skin is a little lighter and browner than the glossy tar
SKIN_BROWN = (1.1, 1.0, 0.85)  # ... channel by channel
COLUMNS = 24  # the skin is painted this many columns a piece (~2 ms each at 1080p)
SHEENS = 4  # slow patches of oil sheen drifting over the near tar
SHEEN_SIZE = (0.22, 0.05)  # a patch at our feet, of the picture's width and height
SHEEN_LIGHT = 12.0  # the most a patch adds to the tar (times its film's colour, from below)
SHEEN_GREY = 0.8  # its film's colours less this much grey: a film over the dark near tar,
# lit from above, shows its colour more than its light (all of it added: a pale grey smear)
SHEEN_PATCH = 90.0  # pixels a knot of the slick's noise spans across: patches ~40 px wide
SHEEN_DRIFT = (0.004, 0.012)  # how fast the patches drift, picture widths per real second
FLOATS = 4  # leaves and a twig afloat
LEAF: tuple[Color, ...] = ((74, 58, 30), (58, 62, 34), (86, 52, 28))  # dry, dull green, brown
TWIG: Color = (40, 30, 22)
FLOAT_SIZE = 0.03  # a leaf at our feet, of the picture's height
FLOAT_DRIFT = (0.002, 0.006)  # picture widths per real second
BOB = 1.5  # pixels a float rises and falls on the swell
REEDS: Color = (7, 7, 6)  # the reeds' and grass's silhouette
CLEAR: Color = (255, 0, 255)  # round the reeds: not drawn
REED_RIM = 0.16  # the sky's light along a blade's edge (backlit), of the sky's colour (browned)
BANK_RISE = 0.025  # the near bank the reeds grow from, at its highest, of the picture's height
BULRUSH = 0.3  # the share of the reeds with a bulrush's head
REED_TALL = (0.09, 0.21)  # a reed's height, of the picture's (grass: a third of it)
CLUMPS = ((0.0, 0.16, 26), (0.965, 1.0, 11))  # reed clumps: from, to (of the width), stalks


@dataclass(frozen=True)
class Floating:
    """A picture drifting over the near tar: where it starts, how fast it goes (picture widths
    per real second), and at which row of the picture it floats."""

    sprite: pygame.Surface
    start: float
    speed: float
    row: int
    phase: float


class NearTar:
    """The near tar's life for a pool from `edge` to the foot of a picture of `size`, under a
    sky of colour `sky`, at `strength` (0..1: the share of the patches, floats and reeds)."""

    def __init__(self, size: tuple[int, int], edge: int, sky: Color, strength: float,
                 seed: int) -> None:
        self.size, self.edge, self.sky, self.strength = size, edge, sky, strength
        self.rng = np.random.default_rng(seed)
        self.first = int((size[1] - edge) * SKIN_FROM)  # the first row of the pool with skin
        self.floating: list[Floating] = []
        self.reeds: list[tuple[pygame.Surface, tuple[int, int]]] = []

    def pieces(self, tar: pygame.Surface) -> Pieces:
        """Paint the skin into `tar` (the pool's own picture, its first row the edge's) a band
        of columns a piece, then make the sheen, the floats and the reeds (a piece each)."""
        yield from skin(tar, self.sky, self.rng)
        height = self.size[1]
        depth = height - self.edge
        if depth < REED_TALL[1] * height:  # a shallow pool: no room for them below its edge
            return
        for n in range(round(SHEENS * self.strength)):
            down = self.rng.uniform(0.45, 0.92)
            self._float(sheen(self._scaled(SHEEN_SIZE, down), self.rng), down,
                        self.rng.uniform(*SHEEN_DRIFT) * (1 if n % 2 else -1))
            yield
        count = round(FLOATS * self.strength)
        for n in range(count):
            down = self.rng.uniform(0.5, 0.95)
            size = max(4, int(FLOAT_SIZE * height * (0.4 + 0.6 * down)))
            self._float(twig(size, self.rng) if n == count - 1 else leaf(size, self.rng), down,
                        self.rng.uniform(*FLOAT_DRIFT))
        yield
        for left, right, stalks in CLUMPS if self.strength > 0 else ():
            self.reeds.append(reeds(self.size, (left, right), stalks, self.sky, self.rng))
            yield

    def _float(self, sprite: pygame.Surface, down: float, speed: float) -> None:
        """Set `sprite` afloat `down` the pool, drifting at `speed`, from a place and at a
        phase of the swell of its own."""
        row = self.edge + int(down * (self.size[1] - self.edge))
        self.floating.append(Floating(sprite, self.rng.uniform(0, 1), speed, row,
                                      self.rng.uniform(0, 2 * math.pi)))

    def _scaled(self, share: tuple[float, float], down: float) -> tuple[int, int]:
        """A size given at our feet (shares of the picture's width and height) `down` the
        pool: smaller further off."""
        near = 0.35 + 0.65 * down
        return (max(4, int(share[0] * self.size[0] * near)),
                max(3, int(share[1] * self.size[1] * near * near)))

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The sheen and the floats where they have drifted to at `seconds`."""
        width = self.size[0]
        blits = []
        for thing in self.floating:
            span = width + thing.sprite.get_width()
            x = (thing.start + thing.speed * seconds) % 1.0 * span - thing.sprite.get_width()
            y = thing.row + BOB * math.sin(seconds * 0.9 + thing.phase)
            blits.append((thing.sprite, (round(x), round(y - thing.sprite.get_height() / 2))))
        sheens = [blit for blit in blits if not blit[0].get_flags() & pygame.SRCALPHA]
        surface.fblits(sheens, pygame.BLEND_RGB_ADD)
        surface.blits([blit for blit in blits if blit[0].get_flags() & pygame.SRCALPHA],
                      doreturn=False)

    def draw_reeds(self, surface: pygame.Surface) -> None:
        """The reeds and grass at the foot, over everything on the tar."""
        surface.blits(self.reeds, doreturn=False)


def skin(tar: pygame.Surface, sky: Color, rng: np.random.Generator) -> Pieces:
    """The near tar's skin painted into `tar`: patches skinned over, lighter and browner,
    creased in thin meandering wrinkles (a dark trough, its lip catching the sky), fading in
    from SKIN_FROM of the way down, larger at our feet (COLUMNS columns a piece)."""
    width, depth = tar.get_size()
    first = int(depth * SKIN_FROM)
    if first >= depth:
        return
    patches, folds, fine, broken = (rng.random((GRID, GRID)) for _ in range(4))
    down = (np.arange(first, depth, dtype=np.float64) + 0.5) / max(1, depth)
    fade = s_curve(np.clip((down - SKIN_FROM) / SKIN_FADE, 0.0, 1.0))[None, :]
    across_scale = (1.0 / (FAR_ACROSS + down))[None, :]
    y = (DOWN / (FAR_DOWN + down))[None, :]
    lip = np.array(sky, np.float64) * np.array(LIP_WARM) * LIP
    for cols in chunks(width, COLUMNS):
        yield
        x = ((np.arange(cols.start, cols.stop, dtype=np.float64) - width / 2) / width)[:, None]
        x = x * across_scale * ACROSS
        skinned = s_curve(np.clip((noise(patches, 0.7 * x, 0.7 * y) - SKIN
                                   + SKIN_NEAR * down[None, :]) / 0.15, 0, 1))
        fold = (0.55 * noise(folds, STRETCH[0] * x, STRETCH[1] * y)
                + 0.45 * noise(fine, 3.1 * STRETCH[0] * x + 7.0, 3.1 * STRETCH[1] * y))
        whole = s_curve(np.clip((noise(broken, 2.2 * x, 2.2 * y) - 0.35) / 0.3, 0, 1))
        crease = np.exp(-(((fold % FOLDS) - FOLDS / 2) / CREASE) ** 2) * whole  # iso-lines,
        # broken off here and there
        below = np.roll(crease, -1, axis=1)
        below[:, -1] = crease[:, -1]
        lit = np.clip(below - crease, 0, 1) * skinned * fade  # the lip on its far side
        trough = crease * skinned * fade
        pixels = pygame.surfarray.pixels3d(tar)[cols, first:]
        base = pixels.astype(np.float64)
        brown = 1 + (SKIN_LIGHT - 1) * (skinned * fade)[..., None] * np.array(SKIN_BROWN)
        out = base * brown * (1 - CREASE_DARK * trough)[..., None] + lit[..., None] * lip
        pixels[...] = np.clip(np.rint(out), 0, 255).astype(np.uint8)
        del pixels


def sheen(size: tuple[int, int], rng: np.random.Generator) -> pygame.Surface:
    """A slick of oil for an additive blit: small patches and torn filaments of a thin film's
    pale, dull colours (oil.slicks, oil.film_tint), thinning out to the slick's rim (one
    flattened blob of rainbow bands read as a lens flare)."""
    width, height = size
    grids = Grids.of(int(rng.integers(1 << 31)))
    x = np.linspace(-1, 1, width)[:, None]
    y = np.linspace(-1, 1, height)[None, :]
    oil, thick = slicks(grids, (x + 1) * width / SHEEN_PATCH,
                        (y + 1) * height * 3 / SHEEN_PATCH, gathered=False)  # (one slick)
    rim = s_curve(np.clip((1 - np.sqrt(x * x + y * y)) * 2.5, 0, 1))
    light = SHEEN_LIGHT * oil * rim
    rgb = np.stack([light * np.clip((tint - SHEEN_GREY) / (1 - SHEEN_GREY), 0, None)
                    for tint in film_tint(thick)], axis=-1)
    pixels = np.clip(np.rint(rgb), 0, 255).astype(np.uint8)
    lit = pixels.max(axis=2) > 0
    cols, rows = np.flatnonzero(lit.any(axis=1)), np.flatnonzero(lit.any(axis=0))
    if not len(cols):
        return pygame.Surface((1, 1))
    picture = pygame.Surface((cols[-1] + 1 - cols[0], rows[-1] + 1 - rows[0]))  # what adds
    pygame.surfarray.blit_array(picture, pixels[cols[0]:cols[-1] + 1, rows[0]:rows[-1] + 1])
    return picture


def leaf(size: int, rng: np.random.Generator) -> pygame.Surface:
    """A leaf afloat, seen from low over the tar: a flattened blade with its midrib, turned."""
    color = LEAF[int(rng.integers(len(LEAF)))]
    big = pygame.Surface((size * 4, size * 4), pygame.SRCALPHA)
    middle = size * 2
    outline = [(middle + size * 1.6 * math.cos(t) * (1 - 0.25 * math.cos(t)),
                middle + size * 0.55 * math.sin(t)) for t in np.linspace(0, 2 * math.pi, 24)]
    pygame.draw.polygon(big, (*color, 255), outline)
    pygame.draw.line(big, (*scaled(color, 0.6), 255), (middle - size * 1.7, middle),
                     (middle + size * 1.4, middle), max(1, size // 6))
    pygame.draw.line(big, (*mix(color, (200, 190, 170), 0.35), 255),
                     (middle - size * 1.1, middle - size * 0.4),
                     (middle + size * 0.9, middle - size * 0.45), max(1, size // 8))
    turned = pygame.transform.rotate(big, float(rng.uniform(-25, 25)))
    small = pygame.transform.smoothscale(turned, (max(2, turned.get_width() * 2 // 5),
                                                  max(2, turned.get_height() // 5)))
    return small.subsurface(small.get_bounding_rect()).copy()


def twig(size: int, rng: np.random.Generator) -> pygame.Surface:
    """A twig afloat: a thin crooked stick with a fork, dark and wet."""
    big = pygame.Surface((size * 12, size * 4), pygame.SRCALPHA)
    points = [(size * (1 + 2.4 * k), size * 2 + size * 0.4 * float(rng.uniform(-1, 1)))
              for k in range(5)]
    pygame.draw.lines(big, (*TWIG, 255), False, points, max(2, size // 2))
    fork = points[2]
    pygame.draw.line(big, (*TWIG, 255), fork, (fork[0] + size * 2.2, fork[1] - size * 1.3),
                     max(1, size // 3))
    pygame.draw.line(big, (*mix(TWIG, (190, 180, 160), 0.3), 255), points[0], points[-1], 1)
    small = pygame.transform.smoothscale(big, (big.get_width() // 3, big.get_height() // 5))
    return small.subsurface(small.get_bounding_rect()).copy()


def reeds(size: tuple[int, int], span: tuple[float, float], stalks: int, sky: Color,
          rng: np.random.Generator, rise: float = BANK_RISE,
          tall: float = 1.0) -> tuple[pygame.Surface, tuple[int, int]]:
    """A clump of reeds and grass rising from the picture's foot between these shares of its
    width: tapering blades bending over, a few bulrush heads, low grass among them, dark
    against the tar with the sky's light along their edges; the picture and where it lies.
    `rise`: the bank they grow from, at its highest, of the picture's height; `tall`: the
    reeds this many times REED_TALL (grass on a bank a figure stands on: short)."""
    width, height = size
    left, right = int(span[0] * width), int(span[1] * width)
    tallest = int((REED_TALL[1] * tall + max(0.0, rise - BANK_RISE)) * height)
    reach = tallest // 3  # how far a blade bends past the clump's sides
    area = pygame.Rect(max(0, left - reach), height - tallest - 4, 0, tallest + 4)
    area.width = min(width, right + reach) - area.left
    picture = pygame.Surface(area.size)
    picture.fill(CLEAR)
    rim = (*(round(c * w * REED_RIM) for c, w in zip(sky, LIP_WARM, strict=True)), 255)
    for n in range(stalks * 3):
        grass = n >= stalks
        bulrush = not grass and rng.random() < BULRUSH and tall >= 1.0  # (a head on a short
        # stalk read as a cross)
        foot = rng.uniform(left, right) - area.left
        ground = area.height - _arch(foot / area.width) * max(0.0, rise - BANK_RISE) * height
        # (on a higher bank than the reeds' own, they grow from as far up it)
        high = rng.uniform(*REED_TALL) * height * (0.3 if grass else 1.0) * tall
        lean = rng.uniform(-0.45, 0.45) * high * (1.6 if grass else 0.25 if bulrush else 1.0)
        thick = max(2.0, height * (0.0035 if grass else 0.005))
        blade = _blade(foot, round(ground), high, lean, thick)
        pygame.draw.polygon(picture, (*REEDS, 255), blade)
        pygame.draw.lines(picture, rim, False, blade[len(blade) // 2:], 1)
        if bulrush:  # its brown head on the stalk, below the tip
            head = pygame.Rect(0, 0, max(3, int(thick * 1.8)), max(6, int(high * 0.13)))
            head.center = (int(foot + lean * 0.6), int(ground - high * 0.78))
            pygame.draw.ellipse(picture, (*mix(REEDS, (60, 40, 24), 0.5), 255), head)
            pygame.draw.line(picture, rim, head.topright, head.bottomright, 1)
    rise *= height  # the bank they grow from, low and dark along the foot
    bank = [(0, area.height)] + [(x, area.height - _arch(x / area.width) * rise
                                  * float(rng.uniform(0.7, 1.0)))
                                 for x in np.linspace(0, area.width, 12).tolist()] + [
        (area.width, area.height)]
    pygame.draw.polygon(picture, (*REEDS, 255), bank)
    picture.set_colorkey(CLEAR, pygame.RLEACCEL)  # (runs of it copied: a quick blit)
    return picture, area.topleft


def _arch(share: float) -> float:
    """The bank's height across it, 0 at its ends to 1 in its middle: a rounded arch (the
    sine kept from going below 0 where rounding puts it a hair under at the far end, whose
    square root would be a complex number)."""
    return max(0.0, math.sin(math.pi * share)) ** 0.5


def _blade(foot: float, ground: int, tall: float, lean: float,
           thick: float) -> list[tuple[float, float]]:
    """A blade rising from `foot` on the row `ground`, bending over by `lean` at its tip,
    tapering to a point: its outline up one side and down the other."""
    steps = 8
    up = [(foot + lean * (k / steps) ** 2 - thick * (1 - k / steps) / 2, ground - tall * k
           / steps) for k in range(steps + 1)]
    down = [(foot + lean * (k / steps) ** 2 + thick * (1 - k / steps) / 2, ground - tall * k
             / steps) for k in range(steps, -1, -1)]
    return up + down
