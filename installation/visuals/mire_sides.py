"""Where the tar is drawn up an animal's sides: round each of her sides at the surface (her
fringe's chinks no sides), and in a ring round the last of her going under (mire's heap)."""

from __future__ import annotations

import math

import numpy as np

FLANK = (1.6, 1.4)  # at an animal's sides the tar climbs this many collar heights higher, over
# about this many in from them (not on an apparition: round each of the dream's legs it ate
# them; nor on a thing: a car half sunk went under at its ends)
RING = 0.75  # going under last (her trunk's tip), the tar closes round it in a ring: seen from
# above its near lip dips in front of her middle and is drawn up her sides this many collar
# heights (level under her, the tip stood on the tar cut by a ruler)
RING_LIP = 0.9  # ... and the ring's lip runs out past her sides over about this many
CHINK = 0.5  # gaps in her row at the surface narrower than this many collar heights are no
# sides of hers (three sides a pixel apart, between her fringe's locks, drew the tar up her
# chest in a flat-topped block at noon: her coat's band ended square at her right)


def climb(solid: np.ndarray, thick: int) -> np.ndarray:
    """How much higher the tar is drawn up at her sides, 0..1: highest at each side, less
    further in and further out past it (it closes over her fur round the corner and the fur
    her flank leans out over; without, her side stood cut off square over the tar): each
    side's bell, summed where two sides are near (a gap between her legs), at most 1."""
    sides = np.flatnonzero(np.diff(_closed(solid, thick * CHINK).astype(np.int8)))  # a side
    # between this and the next
    if not sides.size:
        return np.zeros(solid.size, np.float32)
    reach = thick * FLANK[1]
    half = math.ceil(3 * reach)
    offsets = np.arange(-half, half + 1)
    bell = np.exp(-(((np.abs(offsets) - 0.5).clip(0.0) / reach) ** 2))  # either side's column
    edges = np.zeros(solid.size + 1, np.float32)  # at the boundary between two columns
    edges[sides + 1] = 1.0
    summed = np.convolve(edges, bell)[half:half + solid.size]
    return np.asarray(np.minimum(summed, 1.0), np.float32)


def ring(solid: np.ndarray, thick: int, distance: np.ndarray) -> np.ndarray:
    """How much higher the tar closing round her in a ring stands, 0..1: its near lip seen
    from above, an ellipse's lower half across each run of her columns (none in front of her
    middle, all of it at her sides), running out past them over RING_LIP collar heights
    (`distance`: each column's from the nearest of hers)."""
    index = np.arange(solid.size, dtype=float)
    edges = np.diff(np.r_[0, solid.astype(np.int8), 0])
    lip = np.exp(-((distance / (thick * RING_LIP)) ** 2))
    for start, end in zip(np.flatnonzero(edges > 0), np.flatnonzero(edges < 0), strict=True):
        half = (end - start) / 2
        across = (index[start:end] + 0.5 - start - half) / half
        lip[start:end] = 1 - np.sqrt(np.clip(1 - across ** 2, 0.0, 1.0))
    return np.asarray(lip, np.float32)


def _closed(solid: np.ndarray, chink: float) -> np.ndarray:
    """`solid` with its gaps narrower than `chink` columns filled (between the locks of her
    fringe at the surface: not sides of hers)."""
    edges = np.diff(np.r_[1, solid.astype(np.int8), 1])
    starts, ends = np.flatnonzero(edges < 0), np.flatnonzero(edges > 0)  # each gap's columns
    closed = solid.copy()
    for start, end in zip(starts, ends, strict=True):
        if end - start < chink and 0 < start and end < solid.size:
            closed[start:end] = True
    return closed
