"""A car burnt out, as every burnt car in the day is coloured: drawn first in key colours
(its paint PAINT_KEY, lit as it would be; its glass GLASS_KEY; its tyres cars' TYRE) on a
piece of its own, then turned to a dull grey-brown shell, its lids ashen where the fire was
hottest, its sides rusted in runs and darker towards the sills, soot streaked up from its
windows, the glass holes, the tyres gone to bare rims."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, at_once, scaled
from installation.visuals.cars import TYRE
from installation.visuals.figure_light import LUMA
from installation.visuals.noise import smooth_noise_at

CHAR: Color = (20, 17, 16)
BARE_RIM: Color = (78, 58, 44)  # the wheel's steel flange, rusted, its tyre burnt away (a pale
# grey rim read as a whitewall, a hubcap)...
RIM_FACE: Color = (62, 48, 40)  # ...its dished face charred darker...
RIM_LIP: Color = (106, 80, 60)  # ...and the flange's upper lip catching the light
SHARD: Color = (150, 160, 176)  # a shard catching the light
PAINT_KEY: Color = (200, 120, 80)  # the car drawn in these first, to know its parts by colour
GLASS_KEY: Color = (3, 201, 7)
RUST: Color = (100, 54, 31)  # burnt paint gone to rust (in the light; brighter, the sides read
# as copper paint)
SHELL: Color = (58, 45, 35)  # the burnt shell: dark grey-brown primer and steel, the paint gone
PRIMER: Color = (74, 68, 62)  # blistered paint burnt back to its grey primer, in broad patches
PRIMER_MOST = 0.55  # ...this much of its colour at most, where their noise passes PRIMER_FROM
PRIMER_FROM, PRIMER_RUN = 0.5, 0.22  # (a patch about this long, of the car's width)
SMUDGE, SMUDGE_FROM = 0.65, 0.4  # soot smudged in broad slanting runs where their noise is
# under this: this dark at most
ASH_BURNT: Color = (120, 113, 106)  # the lids where the fire was hottest: paint burnt to ash
SOOT: Color = CHAR
LID = 1.1  # of the paint's light: above it a face is a lid (hood, roof, boot) lit by the sky
RUST_RUN, RUST_FROM = 0.25, 0.4  # rust in runs this long (of the car's width on the picture),
# over the side where their noise passes this...
RUST_BAND = (0.45, 0.55)  # ...most at this far down the side, none this far from there
ASHEN_RUN, ASHEN = 0.3, (0.0, 0.7)  # the lids ashen in runs this long, this much at least, most
# (in patches: a lid ashen all along read as a whole car's roof catching the light)
SIDE_ASHEN, SIDE_ASHEN_DOWN = 0.7, 0.55  # the sides' tops ashen too, this much of the lids',
# fading out this far down
SILL_DARK = 0.6  # the side darkens towards the sill by this much (soot and shadow)
SOOT_RISE, SOOT_DEPTH = 0.35, 0.6  # soot rising from a window: this far up, this dark at most
SOOT_STREAK = 2.5  # pixels between one streak of it and the next, about
HOLE: Color = (12, 10, 10)  # the burnt cabin through its blown-in glass (darker than the
# sooted shell round it)
WINDOW_SOOT, WINDOW_REACH = 0.65, 0.2  # soot round the blown-in windows: this dark at most,
# reaching this far from them (of their height)
ARCH_SOOT, ARCH_REACH = 0.7, 0.3  # soot round where the tyres burnt: this dark at most, reaching
# this far out from them (of a tyre's height)


def burn(piece: pygame.Surface, seed: int) -> None:
    """The key colours turned to the burnt car's: its painted parts to a dull burnt shell
    (see `_shell`, keeping each face's light), its glass to holes, its tyres to bare rims."""
    at_once(burning(piece, seed))


def burning(piece: pygame.Surface, seed: int) -> Pieces:
    """`burn` in pieces (a large car's a millisecond or two each: its parts found, its
    shell's colour in three, the soot round its arches, round its windows, laid on)."""
    rgb = pygame.surfarray.array3d(piece)
    drawn = pygame.surfarray.array_alpha(piece) > 0
    glass = np.all(rgb == GLASS_KEY, axis=2) & drawn
    tyre = np.all(rgb == TYRE, axis=2) & drawn
    key = np.array(PAINT_KEY, np.float32)
    luma = np.array(LUMA, np.float32)
    light = rgb.astype(np.float32) @ luma / float(key @ luma)
    painted = drawn & ~glass & ~tyre & (light > 0.25)  # (the underside stays dark)
    yield
    colour = yield from _shell(painted, light > LID, glass, seed)
    yield
    colour *= (1 - ARCH_SOOT * _near(tyre, ARCH_REACH))[..., None]
    yield
    colour *= (1 - WINDOW_SOOT * _near(glass, WINDOW_REACH))[..., None]
    yield
    rgb[painted] = np.clip(colour * np.minimum(light, 1.3)[..., None], 0, 255)[painted]
    rgb[glass] = HOLE
    rgb[tyre] = scaled(BARE_RIM, 0.6)
    pygame.surfarray.pixels3d(piece)[...] = rgb


def _shell(painted: np.ndarray, lid: np.ndarray, glass: np.ndarray,
           seed: int) -> Generator[None, None, np.ndarray]:
    """The burnt shell's colour at each pixel of a car's piece (x, y, rgb): dull grey-brown,
    its lids (hood, roof, boot) ashen where the fire was hottest, its sides rusted in broad
    runs along the body and darker towards the sills, soot streaked up from its windows (in
    three pieces: the rust, the patches, the ash and soot; ~5 ms in one for the flash's
    nearest wreck, building Ash ahead)."""
    width, height = painted.shape
    rng = np.random.default_rng(seed)
    x = np.arange(width, dtype=np.float64)
    # how far down its side each pixel is: 1 at the sill, 0 a side's height over it (measured
    # from the sill, which runs straight: the pillars above the side leave no seams down it)
    side = painted & ~lid
    rows = np.arange(height)[None, :]
    foot = np.where(side, rows, -1).max(axis=1)
    tall = np.where(side, 1, 0).sum(axis=1)
    deep = float(np.median(tall[tall > 0])) if (tall > 0).any() else 1.0
    down = np.clip(1 - (foot[:, None] - rows) / max(deep, 1.0), 0.0, 1.0)
    runs = smooth_noise_at(int(rng.integers(1 << 30)), x / max(4.0, width * RUST_RUN))
    rust = np.clip((runs[:, None] - RUST_FROM) / (1 - RUST_FROM), 0.0, 1.0) * (
        1 - abs(down - RUST_BAND[0]) / RUST_BAND[1]).clip(0.0, 1.0)
    ashen = smooth_noise_at(int(rng.integers(1 << 30)), x / max(4.0, width * ASHEN_RUN))
    shell = np.array(SHELL, np.float32)
    colour = np.broadcast_to(shell, (width, height, 3)).copy()
    colour += (np.array(RUST, np.float32) - shell) * rust[..., None]
    yield
    blisters, smudges = _patches(x, rows, width, rng)
    colour += (np.array(PRIMER, np.float32) - colour) * blisters[..., None]
    colour *= (1 - smudges)[..., None]
    colour *= (1 - SILL_DARK * down ** 1.5)[..., None]
    yield
    scorch = ASHEN[0] + (ASHEN[1] - ASHEN[0]) * np.clip(2 * ashen[:, None] - 0.6, 0.0, 1.0)
    pale = np.where(lid, scorch, scorch * SIDE_ASHEN * np.clip(1 - down / SIDE_ASHEN_DOWN, 0, 1))
    colour += (np.array(ASH_BURNT, np.float32) - colour) * pale[..., None]
    colour *= (1 - _window_soot(glass, seed))[..., None]
    return colour


def _window_soot(glass: np.ndarray, seed: int) -> np.ndarray:
    """How sooted each pixel is by the smoke that poured out of the windows: streaks rising
    from each column's highest hole, fading up over SOOT_RISE of the piece's height."""
    width, height = glass.shape
    rows = np.arange(height)[None, :]
    hole_top = np.where(glass, rows, height).min(axis=1)[:, None]
    reach = max(2.0, SOOT_RISE * height)
    holed = np.asarray(glass.any(axis=1))[:, None]  # (columns with no window: no soot)
    rise = np.clip(1 - (hole_top - rows) / reach, 0.0, 1.0) * (rows < hole_top) * holed
    streaks = smooth_noise_at(seed + 7, np.arange(width, dtype=np.float64) / SOOT_STREAK)
    return (SOOT_DEPTH * rise * (0.35 + 0.65 * streaks[:, None])).astype(np.float32)


def _patches(x: np.ndarray, rows: np.ndarray, width: int, rng: np.random.Generator
             ) -> tuple[np.ndarray, np.ndarray]:
    """How much of the grey primer shows at each pixel (x, y), in broad soft patches where the
    paint blistered off, and how much darker soot smudged it elsewhere: each slanting across
    the side (two noises crossed)."""
    run = max(4.0, width * PRIMER_RUN)
    seeds = [int(rng.integers(1 << 30)) for _ in range(2)]
    patch = (smooth_noise_at(seeds[0], (x[:, None] + 0.6 * rows) / run)
             * smooth_noise_at(seeds[1], (rows - 0.4 * x[:, None]) / run))
    blisters = PRIMER_MOST * np.clip((patch - PRIMER_FROM * 0.5) / 0.25, 0.0, 1.0)
    smear = smooth_noise_at(seeds[0] + 1, (x[:, None] - 0.5 * rows) / run)
    smudges = SMUDGE * np.clip((SMUDGE_FROM - smear) / SMUDGE_FROM, 0.0, 1.0)
    return np.asarray(blisters, np.float32), np.asarray(smudges, np.float32)


def _near(where: np.ndarray, reach: float) -> np.ndarray:
    """How near each pixel is to `where` (1 on it, falling to 0 `reach` of its height away):
    a box blur of it, widened."""
    if not where.any():
        return np.zeros(where.shape, np.float32)
    rows = np.flatnonzero(where.any(axis=0))
    size = max(1, round(reach * (rows[-1] - rows[0] + 1)))
    field = where.astype(np.float32)
    for axis in (0, 1):
        total = np.cumsum(np.pad(field, [(size + 1, size) if a == axis else (0, 0)
                                         for a in (0, 1)]), axis=axis)
        field = (np.take(total, np.arange(2 * size + 1, total.shape[axis]), axis=axis)
                 - np.take(total, np.arange(0, total.shape[axis] - 2 * size - 1), axis=axis)
                 ) / (2 * size + 1)
    return np.clip(field * 2.5, 0.0, 1.0)
