"""Johnie's script as dead neon after the firestorm, for the sign fallen in the ash: each
letter's tube dark glass (charcoal, a dull grey-brown light along its upper side, never lit
pink), standing off the sheet metal on its clips so it throws a shadow on it, broken in gaps
with shards of it lying below."""

from __future__ import annotations

import random
from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.base import Color

GLASS: Color = (30, 27, 26)  # the tube's dead glass, sooted: charcoal
SHEEN: Color = (92, 84, 76)  # its upper side catching the grey sky: dull grey-brown
SHEEN_ROWS = 0.35  # the sheen this deep down the tube, of its width
SHADOW = 80  # its shadow on the metal behind it: this opaque (of 255)...
SHADOW_OFF = (0.2, 0.45)  # ... this far across and down, of the tube's width (it stands off
# the metal on its clips: flat on it, the script read as printed; further, each stroke read
# doubled and the name "lohnrus")
GAPS = (0, 1)  # gaps broken out of each letter's tube: fewest, most...
GAP = 0.5  # ... each this wide either side of its middle, of the tube's width...
RING = 2.4  # ... only where the tube runs on simply for this far round (of its width):
# crossing the ring twice, not at a join, a turn's end or a crossing (there a gap turned one
# letter into another: the n an r, the J an f)
INNER = (0.2, 0.8)  # ... and within this share of the letter's width (its joins to the next
# letters at its ends)
RING_POINTS = 48  # the ring looked at in this many points
SKIP = "'"  # letters left whole (too small to break and still read)
SHARDS = (1, 1)  # shards of glass from each gap lying below it on the metal...
SHARD_LONG = (0.6, 1.2)  # ... this long, of the tube's width (longer, they read as strokes
# of the script) ...
SHARD_FALL = (1.6, 3.0)  # ... this far below the gap
TRIES = 60  # tries to find ink for a gap in a letter's picture


def dead_script(
    image: pygame.Surface,
    font: pygame.font.Font,
    words: str,
    centre: tuple[int, int],
    rng: random.Random,
) -> Generator[None, None, None]:
    """`words` in `font` as dead tubes on `image`, centred on `centre` where the lit sign has
    them, broken as `rng` has it (every letter there: the name must still read), a letter a
    piece."""
    total, tall = font.size(words)
    left, top = centre[0] - total // 2, centre[1] - tall // 2
    tube = max(2, round(font.get_height() / 16))
    for n, letter in enumerate(words):
        if letter.isspace():
            continue
        ink = pygame.surfarray.array_alpha(font.render(letter, True, (255, 255, 255)))
        at = (left + font.size(words[:n])[0], top)
        shards: list[tuple[float, float]] = []
        if letter not in SKIP:
            shards = _broken(ink, tube, rng)
        _lay_tube(image, ink, at, tube)
        for x, y in shards:
            _shard(image, (at[0] + x, at[1] + y), tube, rng)
        yield


def _broken(ink: np.ndarray, tube: int, rng: random.Random) -> list[tuple[float, float]]:
    """Gaps broken out of a letter's tube (`ink`: its opacity, x, y; cut in place): where
    each gap's glass fell."""
    width, height = ink.shape
    xs, ys = np.mgrid[0:width, 0:height]
    count = rng.randint(*GAPS)
    fell: list[tuple[float, float]] = []
    shown = np.flatnonzero((ink >= 128).any(axis=1))
    if not shown.size:
        return fell
    wide = shown[-1] - shown[0]
    span = (shown[0] + INNER[0] * wide, shown[0] + INNER[1] * wide)
    broken = 0
    for _ in range(TRIES):
        if broken >= count:
            break
        x, y = rng.randrange(width), rng.randrange(height)
        if ink[x, y] < 250 or not span[0] <= x <= span[1] or not _simple(ink, (x, y), tube):
            continue
        broken += 1
        ink[(xs - x) ** 2 + (ys - y) ** 2 <= (GAP * tube) ** 2] = 0
        fell += [
            (x + rng.uniform(-1, 1) * tube, y + rng.uniform(*SHARD_FALL) * tube)
            for _ in range(rng.randint(*SHARDS))
        ]
    return fell


def _simple(ink: np.ndarray, at: tuple[int, int], tube: int) -> bool:
    """Whether the tube (`ink`) runs on simply through `at`: a ring RING tube widths round it
    crosses it twice (not a join, a crossing or the tube's end)."""
    turn = np.linspace(0, 2 * np.pi, RING_POINTS, endpoint=False)
    xs = np.round(at[0] + RING * tube * np.cos(turn)).astype(int)
    ys = np.round(at[1] + RING * tube * np.sin(turn)).astype(int)
    inside = (xs >= 0) & (xs < ink.shape[0]) & (ys >= 0) & (ys < ink.shape[1])
    if not inside.all():
        return False
    on = ink[xs, ys] >= 128
    return int((on & ~np.roll(on, 1)).sum()) == 2


def _lay_tube(image: pygame.Surface, ink: np.ndarray, at: tuple[int, int], tube: int) -> None:
    """The tube (`ink`) laid on `image` at `at`: its shadow on the metal, its dark glass, the
    sheen along its upper side."""
    width, height = ink.shape
    shadow = _tinted(ink * (SHADOW / 255), (0, 0, 0))
    image.blit(shadow, (at[0] + round(SHADOW_OFF[0] * tube), at[1] + round(SHADOW_OFF[1] * tube)))
    glass = _tinted(ink, GLASS)
    rows = max(1, round(SHEEN_ROWS * tube))
    above = np.zeros_like(ink)
    above[:, rows:] = ink[:, :-rows] if rows < height else 0
    sheen = np.clip(ink.astype(np.float32) - above, 0, 255)
    rgb = pygame.surfarray.pixels3d(glass)
    share = (sheen / 255)[..., None]
    rgb[...] = (rgb * (1 - share) + np.array(SHEEN, np.float32) * share).astype(np.uint8)
    del rgb
    image.blit(glass, at)


def _tinted(opacity: np.ndarray, color: Color) -> pygame.Surface:
    """A picture of `color` at `opacity` (x, y, 0 to 255)."""
    out = pygame.Surface(opacity.shape, pygame.SRCALPHA)
    out.fill((*color, 0))
    alpha = pygame.surfarray.pixels_alpha(out)
    alpha[...] = np.clip(opacity, 0, 255).astype(np.uint8)
    del alpha
    return out


def _shard(image: pygame.Surface, at: tuple[float, float], tube: int, rng: random.Random) -> None:
    """A shard of dead tube lying on the metal at `at`, askew: dark glass, a glint of sheen."""
    long = rng.uniform(*SHARD_LONG) * tube
    turn = rng.uniform(0, np.pi)
    dx, dy = np.cos(turn) * long / 2, np.sin(turn) * long / 2
    ends = ((at[0] - dx, at[1] - dy), (at[0] + dx, at[1] + dy))
    wide = max(1, round(tube * 0.7))
    pygame.draw.line(image, (*GLASS, 255), *ends, wide)
    pygame.draw.line(image, (*SHEEN, 255), ends[0], (at[0], at[1]), 1)
