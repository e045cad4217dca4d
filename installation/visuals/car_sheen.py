"""A roof or a lid passing right under the eye, as big as a corner of the picture, in one smooth
light: its far edge turning down, the sky's sheen rising softly to its edge nearer us, and its
sheet shaded along it (turning down to its glass at each end, the sky's streak across its crown)
worked out for each small square of it (drawn as strips and bands of flat colour, 10 to 20
levels apart, it showed as nested boxes of colour: 18:30, the review)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pygame

from installation.visuals.base import Color

Point = tuple[int, int]
GRID = 8  # pixels: the light is worked out once for each square this wide, in the middle of
# it, and smoothed between them (laid flat over each, a square of 8 stood 7 to 14 levels from
# the next where the roof turns down to its glass)
ALONG_CELLS = 8  # a panel fewer than GRID times this rows tall is worked out in this many
# rows of squares, each shorter (a lid seen from a little above, a car as tall as a sedan,
# was 3 or 4 squares along it: its nose, the light across it and its turn down to the glass
# fell between them, one flat colour from nose to glass)
KEY: Color = (255, 0, 255)  # round the panel, in its picture (left as it was)


def across_and_along(panel: Sequence[Point], xs: np.ndarray,
                     ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where the screen's points (xs, ys) lie on the panel (its far front corner, near front,
    near back, far back): across it from its far edge (0) to its near one (1), and along it
    from its front (0) to its back (1), as car_details.at places them."""
    a, b, c, d = (np.array(p, np.float64) for p in panel)
    e, f, g = b - a, d - a, a - b + c - d
    hx, hy = xs - a[0], ys - a[1]
    k2 = g[0] * f[1] - g[1] * f[0]
    k1 = e[0] * f[1] - e[1] * f[0] + hx * g[1] - hy * g[0]
    k0 = hx * e[1] - hy * e[0]
    if abs(k2) < 1e-9:  # a parallelogram
        v = -k0 / np.where(np.abs(k1) < 1e-9, 1e-9, k1)
    else:
        root = np.sqrt(np.maximum(k1 * k1 - 4 * k0 * k2, 0.0))
        v = (-k1 - root) / (2 * k2)
        other = (-k1 + root) / (2 * k2)
        v = np.where((v >= -0.5) & (v <= 1.5), v, other)
    along = e[0] + g[0] * v
    alt = e[1] + g[1] * v
    u = np.where(np.abs(along) > np.abs(alt), (hx - f[0] * v) / np.where(
        np.abs(along) < 1e-9, 1e-9, along), (hy - f[1] * v) / np.where(np.abs(alt) < 1e-9,
                                                                     1e-9, alt))
    return np.clip(u, 0.0, 1.0), np.clip(v, 0.0, 1.0)


class Sheen:
    """The pictures a smooth panel is laid out on, kept from one car to the next and grown as
    needed (made afresh for each, their memory's first touch cost more than all the rest)."""

    def __init__(self) -> None:
        self._kept: dict[str, pygame.Surface] = {}

    def canvas(self, name: str, size: tuple[int, int], like: pygame.Surface) -> pygame.Surface:
        """A picture `size` big in `like`'s format (part of the one kept as `name`)."""
        kept = self._kept.get(name)
        if (kept is None or kept.get_width() < size[0] or kept.get_height() < size[1]
                or kept.get_bitsize() != like.get_bitsize()):
            wide = max(size[0], kept.get_width() if kept is not None else 0)
            tall = max(size[1], kept.get_height() if kept is not None else 0)
            kept = self._kept[name] = pygame.Surface((wide, tall), 0, like)
        return kept.subsurface((0, 0, *size))


def smooth_panel(surface: pygame.Surface, panel: Sequence[Point],
                 across: tuple[Sequence[float], Sequence[Color]],
                 along: tuple[Sequence[float], Sequence[float]],
                 toward: tuple[Color, Color], until: tuple[float, float],
                 sheen: Sheen | None = None) -> None:
    """Fill `panel` on `surface` with its light: across it, the colours `across` gives at
    its knots (shares across, colours); along it, each point moved towards `toward`'s first
    colour (a share over 0) or its second (under 0) by the share `along` gives at its knots,
    fully up to `until`'s first share across and not at all from its second (laid out on
    `sheen`'s pictures: kept by whoever draws many)."""
    sheen = sheen or Sheen()
    box = pygame.Rect(min(p[0] for p in panel), min(p[1] for p in panel), 1, 1)
    box.width = max(p[0] for p in panel) - box.x + 1
    box.height = max(p[1] for p in panel) - box.y + 1
    box = box.clip(surface.get_clip())
    if box.width < 2 or box.height < 2:
        return
    step = max(1, min(GRID, box.height // ALONG_CELLS))  # (rows: see ALONG_CELLS)
    cols, rows = -(-box.width // GRID), -(-box.height // step)
    xs = box.x + (np.arange(cols, dtype=np.float64)[:, None] + 0.5) * GRID
    ys = box.y + (np.arange(rows, dtype=np.float64)[None, :] + 0.5) * step
    u, v = across_and_along(panel, xs, ys)
    knots = np.array(across[1], np.float64)
    rgb = np.stack([np.interp(u, across[0], knots[:, n]) for n in range(3)], axis=-1)
    share = np.interp(v, along[0], along[1]) * np.clip(
        (until[1] - u) / max(1e-6, until[1] - until[0]), 0.0, 1.0)[..., None][..., 0]
    lit, dark = (np.array(colour, np.float64) for colour in toward)
    goal = np.where((share > 0)[..., None], lit, dark)
    rgb += (goal - rgb) * np.abs(share)[..., None]
    small = sheen.canvas("grid", (cols, rows), surface)  # (the surface's own format:
    pygame.surfarray.blit_array(small, np.clip(rgb + 0.5, 0, 255).astype(np.uint8))  # (to
    picture = sheen.canvas("panel", (cols * GRID, rows * step), surface)  # convert is slow)
    pygame.transform.smoothscale(small, picture.get_size(), picture)
    wide, tall = picture.get_size()  # what is not the panel keyed out: the box round it and
    corners = [(x - box.x, y - box.y) for x, y in panel]  # back in along a slit, round the
    pygame.draw.polygon(picture, KEY, [(-1, -1), (wide, -1), (wide, tall), (-1, tall),
                                       (-1, -1), *corners, corners[0], (-1, -1)])  # and out
    picture.set_colorkey(KEY)  # (its outline keyed out too: the roof drawn under it shows)
    surface.blit(picture, box.topleft)
