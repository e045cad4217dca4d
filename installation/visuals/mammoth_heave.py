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
from installation.visuals.mammoth_pose import ramp

HEAVE_EVERY = 40.0  # real seconds: one heave in each spell this long ...
HEAVE_WITHIN = 20.0  # ... setting out within its first this many (heaves 20-60 s apart)
HEAVE_SECONDS = 9.0  # the knee up, the pull, sucked back, the tar settling over the hole
HEAVE_SEED = 61  # when in each spell she heaves, and which leg
PULL = (0.04, 0.3, 0.42, 0.72)  # shares of a heave: the leg starts up, is highest, is
# sucked back from, and is down again (quick up, slowly back: the tar holds it)
SWELL_UP = (0.06, 0.3)  # ... the tar round it dragged up with it from, highest at ...
SWELL_DOWN = (0.66, 1.0)  # ... slumping back from (the leg going down), and settled by
LEGS = (0, 1)  # the legs that heave (STANCE): her near hind leg and near foreleg, in turn ...
AGAIN = 0.25  # ... but now and then the same one again
LEVELS = 5  # heights a heaving leg is drawn at, from just lifted to highest
LIFT = 0.16  # units the foot comes up, heaving hardest (her legs are about 0.45 long)
KNEE = 1.4  # the lift folds the leg low down: a row's share of it grows as (share down)^KNEE
FORWARD = 0.8  # the foot swings forward this share of its lift, the leg slanting from its top
# (the knee coming up: swung only near the foot, a lifted leg read as standing shorter)
CUT = 0.36  # units up from her feet: the leg is taken from here (under her belly's hair) ...
MARGIN = 0.018  # ... and this far either side of it (its glow; less than the gap to the next)
ROCK = 0.02  # units her back leans toward the heaving leg, heaving hardest ...
FAINT = 20  # ... as far as what of her is more than this faint (alpha) stays in her picture
ROOM = 0.045  # units of room in front of her picture (see silhouette_form): her lifted tusks'
# glow reached its edge, and she leans ROCK further forward heaving a foreleg
TIRED = (0.45, 0.1)  # at her deepest she heaves this share as hard, this share of her
# height deeper than she began (she sinks 0.11 of it over the dream: tired by 03:45)
SWELLS = 6  # heights the tar's swell round the leg is drawn at (see mammoth_heave_tar)


@dataclass(frozen=True)
class Beat:
    """What a heave shows at one moment: the leg (index into LEGS), how high it is pulled
    (0..LEVELS, strength and all), and how high the tar swells round it (0..SWELLS)."""

    leg: int = 0
    level: int = 0
    swell: int = 0


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
        return Beat(leg, round(LEVELS * pulled * strength),
                    round(SWELLS * swell * (0.4 + 0.6 * strength)))

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
    """Where a heaving leg lies in her picture: its columns (`left`, `right`), the row it is
    taken from, which way is forward (+1: right), which way it lies from her middle, and her
    pixels to a unit."""

    left: int
    right: int
    top: int
    forward: int
    toward: int
    px: float

    @property
    def reach(self) -> pygame.Rect:
        """Where it can lie in her picture, lifted or not (its foot swung forward)."""
        swing = math.ceil(FORWARD * LIFT * self.px) + 1
        left = self.left - (swing if self.forward < 0 else 0)
        return pygame.Rect(left, self.top, self.right - self.left + swing, 10 ** 6)

    def lift(self, level: int) -> float:
        """Pixels its foot is lifted at `level`."""
        return LIFT * self.px * level / LEVELS

    def raised(self, row: int, level: int, height: int) -> float:
        """Where row `row` of her picture (of `height` rows) lies with the leg lifted to
        `level` (rows above its top stay)."""
        long = height - self.top
        share = min(1.0, max(0.0, (row - self.top) / long))
        return row - self.lift(level) * share ** KNEE


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


Heaved = tuple[pygame.Surface, np.ndarray]  # her heaving picture, and the alpha of the
# lifted leg alone in its reach (what the tar on it covers)


def heaved(posed: pygame.Surface, leg: Leg, level: int) -> Generator[None, None, Heaved]:
    """Her picture (`posed`, her head thrown up with it) with `leg` pulled up to `level`: the
    leg folded low, its foot up and forward; her back leaning toward it."""
    figure = posed.copy()
    _rock(figure, leg, level)
    yield
    height = figure.get_height()
    cut = pygame.Rect(leg.left, leg.top, leg.right - leg.left, height - leg.top)
    strip = figure.subsurface(cut).copy()
    keep = _feathered(cut.width, MARGIN * leg.px)  # its sides soft: the glow between her legs
    _scale_alpha(strip, keep)  # is left where it was, and none of it shows cut off square
    _scale_alpha(figure.subsurface(cut), 1.0 - keep)
    reach = leg.reach.clip(figure.get_rect())
    moved = pygame.Surface(reach.size, pygame.SRCALPHA)
    rows = np.arange(leg.top, height, dtype=float)
    raised = np.array([leg.raised(int(row), level, height) for row in rows])
    for out in range(leg.top, math.floor(raised[-1]) + 1):
        source = min(height - 1, round(float(np.interp(out, raised, rows))))
        share = (source - leg.top) / (height - leg.top)
        swing = round(FORWARD * leg.lift(level) * share) * leg.forward
        moved.blit(strip, (leg.left - reach.x + swing, out - leg.top),
                   (0, source - leg.top, strip.get_width(), 1), special_flags=pygame.BLEND_RGBA_MAX)
    yield  # (laid over what it swings over as light over light: the brighter shows)
    figure.blit(moved, reach.topleft, special_flags=pygame.BLEND_RGBA_MAX)
    return figure, pygame.surfarray.array_alpha(moved)


def _feathered(width: int, soft: float) -> np.ndarray:
    """Across `width` columns: 1 in the middle, falling smoothly to 0 over `soft` columns at
    either side."""
    x = np.arange(width) + 0.5
    edge = np.minimum(x, width - x) / max(1.0, soft)
    return np.clip(edge, 0.0, 1.0) ** 2 * (3 - 2 * np.clip(edge, 0.0, 1.0))


def _scale_alpha(image: pygame.Surface, columns: np.ndarray) -> None:
    """Multiply each column's alpha by its share in `columns`."""
    alpha = pygame.surfarray.pixels_alpha(image)
    alpha[:] = (alpha * columns[:, None]).astype(np.uint8)
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

