"""Where the collapse's pictures change between two of its steps, no more: the pieces that moved
(not those that held still), and where its soft dust cloud shows (its rows in bands, each from
its first column of any alpha to its last: its box round it held a third more, its corners and
the sky over its low wall)."""

from __future__ import annotations

from collections.abc import Iterable

import pygame

SPAN_ROWS = 16  # rows of a band, counted on the picture it is laid on (two steps' bands agree)
SLACK = 0.5  # bands are joined into one box while it paints at most this much more than they
# do (each box painted again costs every still layer's call: ~0.2 full-frame blits)

Spans = tuple[tuple[int, int, int], ...]  # each band's first row, first column and end column
Blits = list[tuple[pygame.Surface, tuple[int, int]]]


def shown_spans(picture: pygame.Surface, place: tuple[int, int]) -> Spans:
    """The bands of `picture` (laid at `place`) with any alpha, each band's columns from its
    first such pixel to its last (on the picture it is laid on)."""
    width, height = picture.get_size()
    x, y = place
    out = []
    for top in range(y - y % SPAN_ROWS, y + height, SPAN_ROWS):
        rows = pygame.Rect(0, max(top, y) - y, width, 0)
        rows.height = min(top + SPAN_ROWS, y + height) - y - rows.top
        found = picture.subsurface(rows).get_bounding_rect(min_alpha=1)
        if found.width:
            out.append((top, x + found.left, x + found.right))
    return tuple(out)


def boxes(spans: Iterable[Spans]) -> list[pygame.Rect]:
    """The boxes round several pictures' bands (each band's columns joined across them), the
    bands next to one another joined while the box paints at most SLACK more than they do."""
    joined: dict[int, tuple[int, int]] = {}
    for each in spans:
        for top, left, right in each:
            was = joined.get(top)
            joined[top] = (left, right) if was is None else (min(left, was[0]),
                                                              max(right, was[1]))
    out: list[tuple[pygame.Rect, int]] = []
    for top in sorted(joined):
        left, right = joined[top]
        band = pygame.Rect(left, top, right - left, SPAN_ROWS)
        if out and out[-1][0].bottom == top:
            box, inside = out[-1]
            both = box.union(band)
            if both.width * both.height <= (inside + band.width * band.height) * (1 + SLACK):
                out[-1] = (both, inside + band.width * band.height)
                continue
        out.append((band, band.width * band.height))
    return [box for box, _inside in out]


def moved(was: Blits, now: Blits) -> list[pygame.Rect]:
    """The boxes of the blits of `was` and `now` that are not in both (the same picture, or
    the same part of one, at the same place): where laying them can differ."""
    kept = {_blit_key(blit) for blit in was} & {_blit_key(blit) for blit in now}
    return [pygame.Rect(place, picture.get_size()) for picture, place in [*was, *now]
            if _blit_key((picture, place)) not in kept]


def _blit_key(blit: tuple[pygame.Surface, tuple[int, int]]) -> tuple[int, tuple[int, int],
                                                                       tuple[int, int], int, int]:
    """What says a blit lays the same pixels as another: its picture (the one it is a part of,
    and where in it) and place."""
    picture, place = blit
    return id(picture.get_abs_parent()), picture.get_abs_offset(), place, *picture.get_size()
