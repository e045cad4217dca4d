"""Where the ruins stand: the skyline's towers before the flash, and the fires among them
(the flash, the ruins and the smoke all place theirs from these)."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from installation.visuals.base import Setup, stable_seed
from installation.visuals.collapse import falling_tower, smoke_wind
from installation.visuals.figure_sun import scene_span
from installation.visuals.maycompany_surfaces import FRAME_HALF, WING_LONG
from installation.visuals.wilshire import (
    BOARD_TILT,
    BOARD_WIDE,
    JOHNNIES_X,
    JOHNNIES_Z,
    PALM_OUT,
    PALMS,
    PYLON_AT,
    PYLON_BEND,
    PYLON_KINK,
    PYLON_TALL,
    STONE_SHARE,
    boulevard_place,
    fire_inside,
)

Span = tuple[int, int]  # columns, first to last
FIRE_CLEAR = 0.04  # a fire keeps this far (of the picture height) from what stands before it:
# clear of its flames, the smoke's too (at a `size` up to 2), and the brightest of its glow
SPREAD = (0.06, 0.94)  # fires burn across this much of the picture's width
TALL = 0.5  # a tower this tall (of the tallest) may lean, or give way
SMOKE_LEAN = 0.9  # a smoke column leans this much of the height it climbs, at wind 1 (the
# smoke layer's LEAN)
POST_GLOW = 0.06  # a fire's light reaches this much further (of the picture height): Johnnie's
# post, burnt black against the sky, stays unlit


@dataclass(frozen=True)
class Tower:
    """One building of the Mid-Wilshire skyline, before the flash (row 0 far, 1 near)."""

    x: int
    width: int
    height: int
    row: int


def towers(seed: int, width: int, tallest: int, pan: float = 0.0) -> list[Tower]:
    """The skyline's towers, the same for a seed: the flash burns them in, the ruins break them;
    seen from elsewhere (`pan`, see `panned`) each row slid along, the same towers."""
    rng = random.Random(stable_seed(seed, "towers"))
    out = []
    for row in (0, 1):
        start = x = -rng.randrange(width // 40 + 1)
        placed = []
        while x < width:
            w = int(width * rng.uniform(0.03, 0.08))
            tall = rng.random() ** (1.8 if row else 1.2)
            placed.append(Tower(x, w, int(tallest * (0.2 + 0.8 * tall) * (0.8 if row else 1.0)),
                                row))
            x += w + (int(width * rng.uniform(0.0, 0.02)) if row == 0 else 0)
        out.extend(panned(placed, (start, x), round(pan * width)))
    return out


def panned(row: list[Tower], ends: tuple[int, int], shift: int) -> list[Tower]:
    """A row of towers standing from ends[0] to ends[1], slid `shift` pixels along it (a ruins
    layer's `pan`: the eye has moved), those pushed past one end coming back in at the other,
    so the row is as unbroken as before; left to right."""
    if not shift:
        return row
    start, end = ends
    return sorted((replace(tower, x=start + (tower.x - start + shift) % (end - start))
                   for tower in row), key=lambda tower: tower.x)


def nearer(tower: Tower, size: float) -> Tower:
    """A far tower seen `size` times larger (a ruins layer's `collapse_size`): standing nearer
    the eye on the same spot, its middle where it was."""
    width, height = round(tower.width * size), round(tower.height * size)
    return Tower(round(tower.x + (tower.width - width) / 2), width, height, tower.row)


def fire_sites(seed: int, size: tuple[int, int], ground: int, count: int,
               clear: Sequence[Span] = (), pan: float = 0.0) -> list[tuple[int, int]]:
    """Where fires burn among the ruins; the first n are the same whatever the count, so smoke
    columns (with the same ground) rise from the fires; seen from elsewhere (`pan`), each slid
    as far along SPREAD as the towers, coming back in at its other end. None burns within
    FIRE_CLEAR of the columns `clear` spans (what stands in front of the ruins: a fire there
    would be painted over it): a fire where one would stands at the nearest column clear of
    it, the others where they always were (spread across the picture as before)."""
    rng = random.Random(stable_seed(seed, "fires"))
    width, height = size
    margin = height * FIRE_CLEAR
    free = [(start, end) for start, end in open_runs(
        (SPREAD[0] * width, SPREAD[1] * width),
        [(left - margin, right + margin) for left, right in clear]) if end - start >= margin]
    free = free or [(SPREAD[0] * width, SPREAD[1] * width)]  # (a sliver between two palms: no)
    out = []
    for _ in range(count):
        share = slid(rng.uniform(*SPREAD), pan)
        x = int(nearest_in(free, width * share))
        out.append((x, ground - int(height * rng.uniform(0.0, 0.05))))
    return out


def slid(share: float, pan: float) -> float:
    """A fire's place across SPREAD (`share`, of the picture's width) seen from elsewhere:
    `pan` further along it, coming back in at its other end."""
    if not pan:
        return share
    low, high = SPREAD
    return low + (share - low + pan) % (high - low)


def open_runs(whole: tuple[float, float],
              blocked: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches of `whole` outside every `blocked` one, left to right (all of it if they
    block it all: better a fire in front than none)."""
    runs = [whole]
    for low, high in sorted(blocked):
        runs = [part for start, end in runs
                for part in ((start, min(end, low)), (max(start, high), end)) if part[1] > part[0]]
    return runs or [whole]


def nearest_in(runs: Sequence[tuple[float, float]], x: float) -> float:
    """`x` if one of `runs` holds it, else the nearest end of one."""
    if any(start <= x <= end for start, end in runs):
        return x
    return min((end for run in runs for end in run), key=lambda end: abs(end - x))


def in_front(params: Mapping[str, Any], size: tuple[int, int]) -> list[Span]:
    """The columns across which what stands on a ruins layer's boulevard (`params`) rises past
    its horizon, in front of the fires: Johnnie's pylon and its hanging sign, and each palm's
    trunk (none without a boulevard; a fire behind Johnnie's low roof burns inside it: see
    `into_johnnies`)."""
    if not params["boulevard"]:
        return []
    width, height = size
    place = boulevard_place(size, int(height * params["ground"]),
                            int(width * params["boulevard_x"]))
    left, right = JOHNNIES_X
    unit = place(1.0, JOHNNIES_Z)[0] - place(0.0, JOHNNIES_Z)[0]  # pixels a road half width
    pylon = left + (right - left) * PYLON_AT
    kink, top = (place(pylon, JOHNNIES_Z, PYLON_TALL * share)[1] for share in (PYLON_KINK, 1.0))
    bend = math.radians(PYLON_BEND)
    tilt = math.radians(BOARD_TILT)  # the board hangs askew from the bent pylon's top: its
    # far corner at most half its width along, and half as much again across (it is not as tall)
    sign = place(pylon, JOHNNIES_Z)[0] + (kink - top) * math.sin(bend) \
        + BOARD_WIDE * unit * (math.cos(tilt) + math.sin(tilt)) / 2
    post = place(pylon, JOHNNIES_Z)[0] - round(height * POST_GLOW)  # (lit from behind it)
    return [(min(post, round(sign)), max(post, round(sign))),
            *((place(PALM_OUT, z)[0],) * 2 for z in PALMS)]


def falling(params: Mapping[str, Any], setup: Setup) -> list[Span]:
    """The columns of the tower a ruins layer (`params`) lets give way, and those upwind of it
    whose smoke would lean over its top (none without `collapse`): its fall is seen against
    the sky, not through a column of smoke."""
    if params.get("collapse") is None:
        return []
    (width, height), seed = setup.size, setup.timeline.seed
    tallest = int(height * params["height"])
    plan = towers(seed, width, tallest)
    n = falling_tower(plan, TALL * tallest, width, seed, params.get("collapse_x"))
    if n < 0:
        return []
    tower, wind = nearer(plan[n], params.get("collapse_size", 1.0)), smoke_wind(setup)
    upwind = round(abs(wind) * SMOKE_LEAN * tower.height)
    return [(tower.x - (upwind if wind > 0 else 0), tower.x + tower.width + (upwind if wind < 0
                                                                           else 0))]


def buildings(setup: Setup) -> list[Span]:
    """The columns of each May Company of the scene (standing among the ruins, drawn over
    them): its drum on its slab, and its wing (as MayCompany lays them out; its box, low and
    receding to the left, is no taller than the rubble)."""
    width, height = setup.size
    out = []
    for spec in setup.scene.layers:
        if spec.type == "maycompany":
            unit, middle = spec.params["scale"] * height, round(spec.params["x"] * width)
            out.append((middle - round(FRAME_HALF * unit),
                        middle + round(max(WING_LONG, FRAME_HALF) * unit) + 1))
    return out


def clear_of(params: Mapping[str, Any], setup: Setup) -> list[Span]:
    """What a ruins layer's (`params`) fires keep clear of: what stands in front of them on
    its boulevard, the scene's May Company, and the tower it lets give way."""
    return in_front(params, setup.size) + buildings(setup) + falling(params, setup)


def scene_fires(setup: Setup, ground: int, count: int) -> list[tuple[int, int]]:
    """The fire sites of the scene's ruins (its first ruins layer's: see `clear_of`), for
    another layer to rise from (with `ground`, the same)."""
    ruins = next((spec for spec in setup.scene.layers if spec.type == "ruins"), None)
    if ruins is None:
        return fire_sites(setup.timeline.seed, setup.size, ground, count)
    sites = fire_sites(setup.timeline.seed, setup.size, ground, count,
                       clear_of(ruins.params, setup), ruins.params.get("pan", 0.0))
    return into_johnnies(sites, ruins.params, setup.size)


def into_johnnies(sites: list[tuple[int, int]], params: Mapping[str, Any],
                  size: tuple[int, int]) -> list[tuple[int, int]]:
    """`sites` (see fire_sites) with each behind the glass front of Johnnie's standing on a
    ruins layer's (`params`) boulevard brought forward into it: it burns inside, its flames
    rising from behind the low wall under the glass and out through it (behind its low roof
    it read as a flame floating on the roof's edge). Unchanged without it."""
    if not params["boulevard"] or params["fallen"]:
        return sites
    width, height = size
    place = boulevard_place(size, int(height * params["ground"]),
                            int(width * params["boulevard_x"]))
    floor = fire_inside(place)[1]
    left, right = JOHNNIES_X
    glass = (place(left + (right - left) * STONE_SHARE, JOHNNIES_Z)[0],
             place(left + (right - left) * PYLON_AT, JOHNNIES_Z)[0])
    return [(x, floor) if glass[0] <= x <= glass[1] else (x, y) for x, y in sites]


def scene_thins(setup: Setup) -> tuple[float, tuple[float, float]]:
    """How much the scene's smoke thins (its first smoke layer's `thins`; none: 0), as much as
    its fires die down, the ruins' among them, and over what span (see thinning_span)."""
    smoke = next((spec for spec in setup.scene.layers if spec.type == "smoke"), None)
    if smoke is None:
        return 0.0, scene_span(setup)
    return float(smoke.params.get("thins", 0.0)), thinning_span(setup, smoke.params)


def thinning_span(setup: Setup, params: Mapping[str, Any]) -> tuple[float, float]:
    """When a smoke layer's fires die down (`params`, its keys): from the scene's start to its
    `thinned` (not set: to the scene's end)."""
    return scene_span(setup, None, params.get("thinned"))

