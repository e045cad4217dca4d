"""Wilshire's low city (the skyline's `wilshire` style): 2-6 storey blocks along the
boulevard, a few flat-topped 1960s-80s office slabs, downtown small on the far horizon, and
each building's windows its own size and rhythm, some buildings dark."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from installation.visuals.base import hash01
from installation.visuals.tower_shapes import Building, Rhythm, picks, shape, slab

STOREY = 1 / 20  # a storey, of the tallest slab's height
BLOCK_STOREYS = (2, 6)  # the near row's blocks
FAR_STOREYS = (4, 7)  # the far row's (seen over the near roofs)
SLAB_STOREYS = (11, 20)
SLABS = 4  # office slabs in the near row, one in each quarter of its width (one the May
# Company stands in front of may be hidden)
SLAB_WIDE, BLOCK_WIDE = (0.05, 0.09), (0.03, 0.1)  # lots' widths, of the picture's
SLAB_KINDS = ("banded", "banded", "ribbed", "glass")  # ribbon windows mostly, some fins,
# a few curtain walls
DOWNTOWN = (0.2, 0.07)  # the far downtown cluster: its middle and half width, of the picture
DOWNTOWN_TOWERS = 7
DOWNTOWN_TALL = (0.3, 0.55)  # of the tallest slab: small on the horizon, far off
DOWNTOWN_WIDE = (0.015, 0.026)
DOWNTOWN_LIGHTS = (1, 1, 4, 4)  # its windows: points of light, far apart (pixels)
SIGNS = 0.5  # share of the slabs with a lit sign on the roof...
SIGN_WIDE, SIGN_TALL = (0.5, 0.75), 1.0  # ...this share of the roof's width, this many storeys
DARK = 0.25  # share of the buildings with every window dark (shut offices, stores)
LANDMARK_GAP = (0.62, 0.09)  # where the May Company stands in the near row, and half width


def plan_lowrise(rng: Any, width: int, tallest: int, seed: int,
                 landmark: bool) -> list[Building]:
    """The far row (with downtown's towers), then the near one, left to right."""
    far = _row(rng, width, tallest, seed, 0, landmark)
    return far + _downtown(rng, width, tallest, seed, len(far)) + \
        _row(rng, width, tallest, seed, 1, landmark, start=len(far) + DOWNTOWN_TOWERS)


def _row(rng: Any, width: int, tallest: int, seed: int, row: int, landmark: bool,
         start: int = 0) -> list[Building]:
    """One row of lots across the picture: blocks (no water tanks on legs: that is New
    York's roofline), and in the near row a few slabs."""
    storey = max(3, round(tallest * STOREY))
    out: list[Building] = []
    x = -rng.randrange(width // 40 + 1)
    slabs = [width * (k + rng.uniform(0.15, 0.85)) / SLABS for k in range(SLABS)] if row else []
    while x < width:
        is_slab = bool(slabs) and x >= slabs[0]
        if is_slab:
            slabs.pop(0)
        wide = SLAB_WIDE if is_slab else BLOCK_WIDE
        w = max(4, int(width * rng.uniform(*wide)))
        if landmark and row == 1 and abs(x / width - LANDMARK_GAP[0]) < LANDMARK_GAP[1]:
            x += w
            continue
        n = start + len(out)
        pick = picks(seed, n)
        if is_slab:
            storeys = rng.randint(*SLAB_STOREYS)
            kind = SLAB_KINDS[int(pick[7] * len(SLAB_KINDS))]
            b = _signed(slab((x, w), storeys * storey, row, kind, pick, width // 2), storey,
                        hash01(seed, n, 25))
        else:
            storeys = rng.randint(*(BLOCK_STOREYS if row else FAR_STOREYS))
            b = replace(shape((x, w), storeys * storey, row, tallest, pick, width // 2),
                        details=())
        out.append(_windowed(b, storey, seed, n))
        x += w + int(width * rng.uniform(0.0, 0.012 if row else 0.004))
    return out


def _downtown(rng: Any, width: int, tallest: int, seed: int, start: int) -> list[Building]:
    """Downtown's towers, small and close together on the far horizon (flat-topped)."""
    middle, half = DOWNTOWN
    out = []
    for k in range(DOWNTOWN_TOWERS):
        n = start + k
        w = max(3, int(width * rng.uniform(*DOWNTOWN_WIDE)))
        x = int(width * (middle + half * rng.uniform(-1, 1))) - w // 2
        high = int(tallest * rng.uniform(*DOWNTOWN_TALL))
        pick = picks(seed, n)
        flat = (1.0, *pick[1:4], 1.0, *pick[5:])  # (the whole lot, no box on its roof: small,
        # a narrower shaft or a box read as a spire)
        b = slab((x, w), high, 0, SLAB_KINDS[k % len(SLAB_KINDS)], flat, width // 2)
        out.append(replace(b, rhythm=DOWNTOWN_LIGHTS, busy=0.6 * pick[6]))
    return out


def _signed(b: Building, storey: int, pick: float) -> Building:
    """Some slabs carry their owner's name on the roof: a sign over the front of the shaft
    (a bank's, an insurer's), lit at night."""
    if pick >= SIGNS:
        return b
    x, width, _, top = next(t for t in b.tiers if t[3] == b.height)
    wide = round(width * (SIGN_WIDE[0] + (SIGN_WIDE[1] - SIGN_WIDE[0]) * pick / SIGNS))
    sign = ("sign", x + (width - wide) // 2, wide, top, top + max(3, round(storey * SIGN_TALL)))
    return replace(b, details=(*b.details, sign))


def _windowed(b: Building, storey: int, seed: int, n: int) -> Building:
    """`b` with its own windows (ribbons on a banded slab, narrow lights between fins, a
    curtain wall's panels, a block's punched windows, each a size of its own) and how busy it
    is at night."""
    size, pitch = hash01(seed, n, 21), hash01(seed, n, 22)
    rhythm: Rhythm
    if b.kind == "banded":  # an office's span of a ribbon, a mullion between offices
        w = 6 + round(8 * pitch)
        rhythm = (w, max(2, round(storey * (0.3 + 0.2 * size))), w + 1 + round(2 * size),
                  storey)
    elif b.kind == "ribbed":
        rhythm = (2 + round(size), max(2, round(storey * 0.55)), 5 + round(2 * pitch), storey)
    elif b.kind == "glass":
        w = 5 + round(3 * size)
        rhythm = (w, storey - 2, w + 1, storey)
    else:
        w = 3 + round(3 * size)
        rhythm = (w, max(2, round(storey * (0.35 + 0.25 * pitch))), w + 3 + round(6 * pitch),
                  storey)
    busy = 0.0 if hash01(seed, n, 23) < DARK else 0.4 + 0.6 * hash01(seed, n, 24)
    return replace(b, rhythm=rhythm, busy=busy)
