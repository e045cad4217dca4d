"""The skyline's plan: which towers stand where, whose crowns are floodlit, and their windows
(those a nearer tower hides marked)."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pygame

from installation.visuals.base import hash01
from installation.visuals.landmark import Landmark
from installation.visuals.skyline_windows import Window, grid, rhythm_grid
from installation.visuals.tower_shapes import Building, outline, picks, shape
from installation.visuals.xplan import Layout

NEVER = 2.0  # a window's threshold in a building dark all night: no `lit` reaches it
WINDOWS_A_PIECE = 400  # windows laid out a piece, about (Wilshire's two thousand small ones
# all at once: ~17 full-frame blits; a small picture's few take no piece of their own)
CROWNS = 2  # towers of the near row whose crowns are floodlit at night (deco or glass)


def plan_towers(rng: Any, width: int, tallest: int, seed: int,
                landmark: bool) -> list[Building]:
    """The two rows of towers across a picture `width` wide (a gap in the near row where the
    May Company stands, if `landmark`)."""
    buildings: list[Building] = []
    for row in (0, 1):
        x = -rng.randrange(width // 40 + 1)
        while x < width:
            w = int(width * rng.uniform(0.028, 0.075))
            tall = rng.random() ** (1.8 if row else 1.2)
            h = int(tallest * (0.18 + 0.82 * tall) * (0.8 if row else 1.0))
            if landmark and abs(x / width - 0.62) < 0.09 and row == 1:
                x += w
                continue
            _ = rng.uniform(0.1, 0.25) if rng.random() < 0.35 else 0  # (the old setback's
            # numbers, drawn still: the lots after it stand where they stood)
            buildings.append(shape((x, w), h, row, tallest,
                                   picks(seed, len(buildings)), width // 2))
            x += w + int(width * rng.uniform(0.0, 0.02 if row else 0.006))
    return buildings


def floodlit_crowns(buildings: list[Building]) -> frozenset[int]:
    """The towers whose crowns are floodlit at night: the tallest deco and glass towers of the
    near row."""
    lit = sorted((n for n, b in enumerate(buildings)
                  if b.row == 1 and b.kind in ("deco", "glass")),
                 key=lambda n: -buildings[n].height)
    return frozenset(lit[:CROWNS])


def plan_windows(buildings: list[Building], xplan: Layout | None, seed: int,
                 landmark: Landmark | None, size: tuple[int, int],
                 top: int, ground: int) -> Generator[None, None, list[Window]]:
    """Every window of the towers, in the towers' picture (from `top` of the picture down):
    where, when it lights, and its tower (WINDOWS_A_PIECE or so a piece)."""
    if xplan is not None:
        return [(w.rect.move(0, -top), hash01(seed, w.tower, w.face, w.bay, w.storey), w.tower)
                for w in xplan.windows]
    width, height = size
    cell_w, cell_h = max(3, width // 240), max(4, height // 120)
    out: list[Window] = []
    hidden = landmark.hides if landmark else lambda rect: False
    laid = 0  # (windows when the last piece ended)
    for n, b in enumerate(buildings):
        if len(out) - laid >= WINDOWS_A_PIECE:
            laid = len(out)
            yield
        if b.row == 0 and n % 2:
            continue
        tiers = outline(b, ground - top)
        for t, tier in enumerate(tiers):
            rects = grid(tier, cell_w, cell_h) if b.rhythm is None else rhythm_grid(tier,
                                                                                  b.rhythm)
            for rect in rects:
                if rect.collidelist(tiers[t + 1:]) < 0 and not hidden(rect):
                    # (not under its own shaft; nor behind the May Company)
                    key = (rect.x - b.x) // cell_w, (ground - top - rect.y) // cell_h
                    out.append((rect, _when_lit(hash01(seed, n, *key), b.busy), n))
    return out


def _when_lit(threshold: float, busy: float) -> float:
    """A window's threshold in a building `busy` at night (a dark one's never comes)."""
    return threshold if busy >= 1 else NEVER if busy <= 0 else threshold + (1 - busy)


def windows_behind(buildings: list[Building], windows: list[Window], xplan: Layout | None,
                   foot: int) -> frozenset[int]:
    """The windows a nearer tower stands in front of (`foot`: the ground in the towers'
    picture): never painted nor lit (they stay in the list, so which of the others are
    restless is as before)."""
    if xplan is not None:  # (Park La Brea's are only those no nearer wall hides)
        return frozenset()
    nearer: dict[int, list[pygame.Rect]] = {
        row: [rect for b in buildings if b.row > row for rect in outline(b, foot)]
        for row in {b.row for b in buildings}}
    return frozenset(i for i, (rect, _, n) in enumerate(windows)
                     if rect.collidelist(nearer[buildings[n].row]) >= 0)
