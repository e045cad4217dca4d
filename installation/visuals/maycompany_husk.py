"""The May Company after the flash: its burnt husk, the drum torn, sooted in streaks run down
from its top, panels fallen out of it, the box broken and gutted, some of its gold left in worn
bands on the sheltered side."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from installation.visuals.base import Pieces
from installation.visuals.maycompany_rubble import blobs as _blobs
from installation.visuals.maycompany_rubble import heaps, rubble
from installation.visuals.maycompany_surfaces import (
    BANDS,
    BASE,
    BOX_FAR,
    BOX_LONG,
    BOX_TALL,
    COPING,
    DRUM_HALF,
    DRUM_TALL,
    FRAME_HALF,
    TILE,
    WING_FAR,
    WING_LONG,
    Maps,
    hashed,
    spans,
)
from installation.visuals.wreckage import CLAD_LEFT, charred, torn_line

# The burnt husk after the flash: the drum torn off between these shares of its height, the box
# broken down to these of its own, in lumps this wide (of the unit); gaps burnt through it.
HUSK_DRUM, HUSK_BOX, HUSK_KNOT = (0.78, 0.97), (0.5, 1.0), 0.03
# The drum keeps its gold where the flash did not reach: scorched dull, its tiles left more on
# its east side (the light came from the west, over the ocean), fewer near its torn top, where
# the fire blackened it. The share of its tiles left: at its west edge, at its east edge.
HUSK_GOLD = (236 * 0.78, 178 * 0.68, 72 * 0.55)  # the gold scorched: duller, browner
HUSK_GOLD_LEFT = (0.0, 1.0)
HUSK_GOLD_SOOT = 0.1  # the top this share of the drum's height is sooted: its tiles go there
HUSK_GOLD_BAND, HUSK_GOLD_RAGGED = (20, 6), 0.12  # the tiles left lie in worn bands this many
# tiles long and high, their rims this frayed (the share of a finer noise in whether it is left)
HUSK_GOLD_EDGE = 0.12  # a patch's edge fades from char to gold over this much of the chance
HUSK_GOLD_SHINE = 1.15  # glazed, the tiles left take the sky's light more than the char
HUSK_GAPS, HUSK_GAP = 0.2, 0.02  # the shell burnt through near its top where a noise this
# fine (of the unit) is under this
HUSK_SUN = 0.35  # char takes the low sun dully
HUSK_ROUND = (0.5, 1.1)  # the drum's shell, darkest at its sides: a + b * how squarely it faces us
# The box broken like the towers round it: stretches fallen in to these shares of its height,
# this wide (of the unit), one every HUSK_FALLEN_EVERY of its length; some of the windows of
# its storeys blown out, dark inside, soot risen over each in a plume, and rain streaks of soot
# down from its ledges (laid out in the box's perspective: see `_gutted`).
HUSK_FALLEN_TO, HUSK_FALLEN_WIDE, HUSK_FALLEN_EVERY = (0.15, 0.45), (0.05, 0.12), 0.22
HUSK_LEVELS = (0.0, BASE, *BANDS, COPING)  # the box's storeys lie between these (of its height)
HUSK_BAYS = 24  # window bays along the box (and the wing: shares of its own length)
HUSK_WINDOW, HUSK_WINDOW_WIDE = (0.3, 0.7), 0.56  # a window: sill and head, of its storey; width,
# of its bay
HUSK_RAGGED_HOLE = 0.12  # a blown-out window's edges wander this much (of a bay)
HUSK_GUTTED = 0.3  # the share of windows blown out
HUSK_HOLE_DARK = 0.22  # a gutted window, of the char's brightness
HUSK_PLUME_TALL, HUSK_PLUME_SPREAD = 0.22, 0.3  # soot over a window: how far up (of the box),
# and how much wider (bays) it grows a box's height up
HUSK_PLUME_DARK = 0.8  # the soot at its darkest, just over the window
WINDOW_STOREYS = 1  # windows burning out (see `burning_windows`) from this storey up...
WINDOW_ROOM = 0.5  # ...with this much of a window's height of wall still standing over it...
WINDOW_APART = 0.06  # ...this far apart at least (of the unit)
HUSK_PLUME_STOREYS = 3  # a plume reaches from its window's storey into the two over it
HUSK_RAIN_EVERY, HUSK_RAIN_LONG, HUSK_RAIN_DARK = 90.0, 0.1, 0.5  # rain streaks from the
# ledges: about this many along the box, fading over this much of its height, this dark
# The drum burnt: soot run down from its torn top in streaks this wide (of the unit), each
# reaching this share of the drum's height down, darkening what it covers this much; its char
# lighter and darker in runs this wide; panels this wide round it and a storey tall (of the
# unit) fallen away near its top (this share of them at the top), showing the dark frame they
# hung on (mullions and slabs this thick, their broken edges this ragged) and what lies behind.
HUSK_STREAK_WIDE, HUSK_STREAK_LONG, HUSK_SOOT_DARK = 0.007, (0.45, 1.2), 0.9
HUSK_GRAIN, HUSK_GRAIN_DEPTH = 0.003, 0.25
HUSK_PANEL, HUSK_FALLEN = (0.028, 0.045), 0.7
HUSK_FALLEN_FROM, HUSK_FALLEN_EAST = 0.35, 0.3  # none fall below this share of its standing
# height; on its sheltered east side this share of those on its west
HUSK_MULLION, HUSK_SLAB, HUSK_RAGGED = 0.002, 0.003, 0.005
HUSK_COLUMNS = 8  # the husk is burnt this many columns a piece (its soot, panels, bands,
# plumes and rain streaks cost about three times the plain husk's: a third of the columns)
HUSK_CLAD_PATCH, HUSK_CLAD_EDGE = 5.0, 0.08  # the box's cladding left in patches about this
# many tiles across, their edges soft over this much of the noise, sooted: HUSK_CLAD_DULL of
# the way from the char to the scorched cladding
HUSK_CLAD_DULL = 0.5
HUSK_FRAME = (30.0, 27.0, 26.0)  # the frame's burnt steel and concrete, in the holes


def husk_seed(middle: int, unit: float) -> int:
    """The seed of the husk of a May Company whose drum's axis is at column `middle`."""
    return round(middle + 7 * unit)


def burn(maps: Maps, across: np.ndarray, up: np.ndarray, unit: float, seed: int
         ) -> Pieces:
    """After the flash: the drum's top torn away and the box broken, the shell blackened
    with a little scorched cladding and the drum's gold left, gaps burnt through near the
    top; no light of its own (`across`: each column's distance from the axis, east
    positive; `up`: each row's height), a few columns at a time."""
    top, falls = tops(across, unit, seed)
    heap = heaps(across, unit, falls, seed)
    for cols in spans(slice(0, len(across)), HUSK_COLUMNS):
        _burn_columns(maps, cols, across[cols], up, (top[cols], heap[cols]), unit)
        yield


def tops(across: np.ndarray, unit: float, seed: int
         ) -> tuple[np.ndarray, list[tuple[float, float, float]]]:
    """How high the husk still stands over each column (`across`: its distance from the
    axis, east positive): the drum torn, the box broken and fallen in; and each stretch of the
    box fallen in (see `_fallen_in`)."""
    u = unit
    off = np.abs(across)
    rng = np.random.default_rng(seed)
    knot = max(2, round(HUSK_KNOT * u))
    drum = torn_line(len(off), HUSK_DRUM[0] * DRUM_TALL * u, HUSK_DRUM[1] * DRUM_TALL * u,
                     knot, rng)
    box = torn_line(len(off), HUSK_BOX[0] * BOX_TALL * u, HUSK_BOX[1] * BOX_TALL * u, knot,
                    rng)
    stands, falls = _fallen_in(off, u, rng)
    box = np.minimum(box, stands)
    return np.where(off < DRUM_HALF * u, drum, box), falls  # (the slab fell with the box)


def burning_windows(across: np.ndarray, unit: float, seed: int, count: int,
                    away: Sequence[tuple[float, float]] = ()
                    ) -> list[tuple[float, float, float]]:
    """`count` of the box's blown-out windows (see `_gutted`) on its upper storeys that the
    fire inside still burns out of, under its broken top, spread along it and each further
    than its distance from the places `away` names (`across`: each column's distance from the
    axis, east positive; `away`: places and distances, as across): each window's middle (its
    distance from the axis), its sill's height and its width (pixels), west first."""
    top = tops(across, unit, seed)[0]
    levels = np.array(HUSK_LEVELS, np.float32)
    found = []
    for storey in range(WINDOW_STOREYS, len(levels) - 1):
        for bay in range(HUSK_BAYS):
            if hashed(np.array(bay + 13.0), float(storey + 3)) >= HUSK_GUTTED:
                continue  # (as `_gutted` blows them out)
            middle, width, sill, head = _window(bay, storey, unit)
            if -middle < FRAME_HALF * unit + width:
                continue  # (behind the drum's slab)
            column = int(np.argmin(np.abs(across - middle)))
            if head + WINDOW_ROOM * (head - sill) < top[column] and all(
                    abs(middle - place) > far for place, far in away):
                found.append((middle, sill, width))
    order = np.random.default_rng(seed).permutation(len(found))
    picked: list[tuple[float, float, float]] = []
    for k in order.tolist():
        if all(abs(found[k][0] - other[0]) > WINDOW_APART * unit for other in picked):
            picked.append(found[k])
        if len(picked) == count:
            break
    return sorted(picked, key=lambda window: window[0])


def _window(bay: int, storey: int, unit: float) -> tuple[float, float, float, float]:
    """A window of the box (west of the axis) as the intact building lays it out (see
    `_on_box`): its middle's distance from the axis (negative: west), its width, and its sill's
    and head's heights (pixels)."""
    levels = HUSK_LEVELS
    s = (bay + 0.5) / HUSK_BAYS
    tall, long = BOX_TALL * unit, BOX_LONG * unit
    height = tall / (1 + s * (1 / BOX_FAR - 1))  # the box's height there (`_on_box` undone)
    off = long * (1 - height / tall) / (1 - BOX_FAR)
    lo, hi = levels[storey], levels[storey + 1]
    sill, head = lo + (hi - lo) * HUSK_WINDOW[0], lo + (hi - lo) * HUSK_WINDOW[1]
    bay_wide = long / BOX_FAR / (1 + s * (1 / BOX_FAR - 1)) ** 2 / HUSK_BAYS  # (d off / ds)
    return -off, HUSK_WINDOW_WIDE * bay_wide, sill * height, head * height

def _burn_columns(maps: Maps, cols: slice, across: np.ndarray, up: np.ndarray,
                  tops: tuple[np.ndarray, np.ndarray], unit: float) -> None:
    """The husk's columns `cols`: each column's distance from the axis (east positive),
    each row's height, each column's torn top and the rubble heaped at its foot."""
    u = unit
    top, heap = tops
    off = np.abs(across)
    on_drum = (off < DRUM_HALF * u)[:, None]
    soot = np.where(on_drum, _soot(across, up, top, u), 0.0)
    gold = _gold_left(across, up, top, u) * (1 - soot)  # hidden under the soot
    panel, frame = _panels(across, up, top, u)
    top = top[:, None]
    gap = max(1, HUSK_GAP * u)
    burnt_through = (0.75 * _blobs(off[:, None] / (gap * 1.6), up[None, :] / gap)  # (ragged
                     + 0.25 * _blobs(off[:, None] / (gap * 0.3) + 5, up[None, :] / (gap * 0.3)))
    # holes, wider than tall, not square cells)
    box_gap = (burnt_through < HUSK_GAPS) & (up[None, :] > 0.6 * top) & ~on_drum
    gone = (up[None, :] > top) | box_gap | (on_drum & panel & ~frame)
    maps.alpha[cols][gone] = 0.0
    tile = max(1.0, TILE * u)
    patch = tile * HUSK_CLAD_PATCH  # the box's cladding left in patches (not tile by tile:
    # a speckle that hid its soot); the drum's char is streaked
    clad = np.clip((CLAD_LEFT - _blobs(off[:, None] / patch + 91, up[None, :] / patch))
                   / HUSK_CLAD_EDGE + 0.5, 0.0, 1.0) * ~on_drum * HUSK_CLAD_DULL
    facing = np.sqrt(np.clip(1 - (off / (DRUM_HALF * u)) ** 2, 0, 1))[:, None, None]
    round_by = np.where(on_drum[..., None], HUSK_ROUND[0] + HUSK_ROUND[1] * facing, 1.0)
    char = charred(maps.albedo[cols], clad.astype(np.float32)) * round_by * _gutted(
        across, up, u)[..., None] * np.where(on_drum, _grain(across, u), 1.0)[..., None]
    left = gold[..., None]
    burnt = np.array(HUSK_GOLD, np.float32) * round_by * left + char * (1 - left)
    burnt *= (1 - HUSK_SOOT_DARK * soot)[..., None]
    maps.albedo[cols] = np.where((on_drum & panel & frame)[..., None],
                                 np.array(HUSK_FRAME, np.float32), burnt)
    for name in ("flood", "gloss", "sky", "shop"):
        getattr(maps, name)[cols] = 0.0
    maps.sun[cols] *= HUSK_SUN
    rubble(maps, cols, across, up, heap, u)
    maps.ambient[cols] *= 1 + (HUSK_GOLD_SHINE - 1) * gold * (1 - soot)


def _soot(across: np.ndarray, up: np.ndarray, top: np.ndarray, unit: float) -> np.ndarray:
    """How sooted each pixel of the drum's columns is, 0..1: soot run down from its torn top
    in vertical streaks, each column's streak of its own strength and length (smooth across:
    streaks, not tiles)."""
    u = unit
    a = across / max(1.0, HUSK_STREAK_WIDE * u)
    strength = 0.15 + 0.85 * _blobs(a, 11.0) ** 1.5
    length = DRUM_TALL * u * (HUSK_STREAK_LONG[0] + (HUSK_STREAK_LONG[1] - HUSK_STREAK_LONG[0])
                              * _blobs(a * 0.7 + 40.0, 23.0))
    below = np.maximum(top[:, None] - up[None, :], 0.0) / length[:, None]
    return (strength[:, None] * np.clip(1 - below, 0, 1) ** 0.5).astype(np.float32)


def _grain(across: np.ndarray, unit: float) -> np.ndarray:
    """The drum's char, lighter and darker in thin vertical runs (where rain of ash and the
    heat ran down it), each column's factor."""
    fine = _blobs(across / max(1.0, HUSK_GRAIN * unit), 5.0)
    return (1 - HUSK_GRAIN_DEPTH / 2 + HUSK_GRAIN_DEPTH * fine)[:, None]


def _panels(across: np.ndarray, up: np.ndarray, top: np.ndarray, unit: float
            ) -> tuple[np.ndarray, np.ndarray]:
    """Where the drum's panels have fallen away (more near its top and on its west side,
    which the flash faced) and, in those holes, the dark frame they hung on: mullions round
    the drum and a slab at each storey (each as (columns, rows) flags)."""
    u = unit
    radius = DRUM_HALF * u
    turn = np.arcsin(np.clip(across / radius, -1.0, 1.0))  # round the drum
    step = HUSK_PANEL[0] / DRUM_HALF
    storey = HUSK_PANEL[1] * u
    column, row = np.floor(turn / step), np.floor(up / storey)
    height = (up[None, :] / np.maximum(top[:, None], 1.0))
    west = np.clip((1 - across / radius) / 2, 0, 1)[:, None]
    rise = np.clip((height - HUSK_FALLEN_FROM) / (1 - HUSK_FALLEN_FROM), 0, 1)
    chance = HUSK_FALLEN * rise * (HUSK_FALLEN_EAST + (1 - HUSK_FALLEN_EAST) * west)
    fallen = hashed(column[:, None] + 301, row[None, :] + 7) < chance
    # pixels to the nearest mullion (the panels narrow round the drum) and to the nearest slab
    rim = (0.5 - np.abs((turn / step) % 1 - 0.5)) * step * radius * np.cos(turn)
    slab = (0.5 - np.abs((up / storey) % 1 - 0.5)) * storey
    knot = HUSK_RAGGED * u
    ragged = knot / 2 * (_blobs(across / knot, 3.0)[:, None]  # (across and up apart: a
                         + _blobs(up / knot, 9.0)[None, :])  # quarter of the work)
    frame = ((rim[:, None] < HUSK_MULLION * u + ragged)
             | (slab[None, :] < HUSK_SLAB * u + ragged))
    return fallen, frame


def _gold_left(across: np.ndarray, up: np.ndarray, top: np.ndarray, unit: float
               ) -> np.ndarray:
    """How much of each pixel of the husk's columns is the drum's gold tiles left on it,
    scorched, 0..1 (`across`: each column's distance from the axis, east positive; `up`:
    each row's height; `top`: each column's torn top): more on its sheltered east side,
    none on its plinth nor in the soot under its torn top; the patches' edges soft over
    HUSK_GOLD_EDGE of a tile's chance."""
    u = unit
    tile = max(1.0, TILE * u)
    east = np.clip((across / (DRUM_HALF * u) + 1) / 2, 0, 1)[:, None]
    share = HUSK_GOLD_LEFT[0] + (HUSK_GOLD_LEFT[1] - HUSK_GOLD_LEFT[0]) * east
    unsooted = np.clip((top[:, None] - up[None, :]) / (HUSK_GOLD_SOOT * DRUM_TALL * u), 0, 1)
    # (worn bands round the drum, long across and low, their rims frayed smoothly: no tiles)
    band = _blobs((across / tile)[:, None] / HUSK_GOLD_BAND[0], (up / tile)[None, :]
                  / HUSK_GOLD_BAND[1])
    fray = (_blobs(across / tile + 53, 1.0)[:, None] + _blobs(up / tile, 2.0)[None, :]) / 2
    chance = (1 - HUSK_GOLD_RAGGED) * band + HUSK_GOLD_RAGGED * fray
    left = np.clip((share * unsooted - chance) / HUSK_GOLD_EDGE + 0.5, 0.0, 1.0)
    return (left * (np.abs(across) < DRUM_HALF * u)[:, None]
            * (up > BASE * BOX_TALL * u)[None, :]).astype(np.float32)


def _fallen_in(off: np.ndarray, unit: float, rng: np.random.Generator
               ) -> tuple[np.ndarray, list[tuple[float, float, float]]]:
    """How high the burnt box still stands over each column (`off`: its distance from the
    drum's axis): stretches of it fallen in to a stump, their ends sloping like rubble; and
    each stretch fallen (its middle's distance from the axis, half its width, how far down
    it fell)."""
    tall = BOX_TALL * unit
    stands = np.full(len(off), tall)
    length = BOX_LONG * unit
    falls = []
    for n in range(max(1, round(BOX_LONG / HUSK_FALLEN_EVERY))):
        middle = DRUM_HALF * unit + length * (n + rng.uniform(0.2, 0.8)) / (BOX_LONG
                                                                         / HUSK_FALLEN_EVERY)
        half = unit * rng.uniform(*HUSK_FALLEN_WIDE) / 2
        low = tall * rng.uniform(*HUSK_FALLEN_TO)
        slope = np.clip((np.abs(off - middle) - half) / half, 0, 1)
        stands = np.minimum(stands, low + (tall - low) * slope)
        falls.append((middle, half, tall - low))
    return stands, falls


def _gutted(across: np.ndarray, up: np.ndarray, unit: float) -> np.ndarray:
    """How bright the burnt box's wall is at each pixel (1 for the drum), in its own
    perspective (see `_on_box`): some of its bays' windows blown out, dark inside, soot risen
    from each in a plume that widens and fades up the wall, and soot washed down from every
    ledge in streaks of rain (`across`: each column's distance from the axis, east positive;
    `up`: each row's height)."""
    s, f = _on_box(across, up, unit)
    levels = np.array(HUSK_LEVELS, np.float32)
    storey = np.clip(np.searchsorted(levels, f, side="right") - 1, 0, len(levels) - 2)
    high = levels[storey + 1]  # the ledge over each storey
    bay = s * HUSK_BAYS
    middle = np.abs(bay % 1 - 0.5)
    # each storey's windows, bay by bay: blown out or not, and their ragged edges
    ragged = HUSK_RAGGED_HOLE * (_blobs(bay * 5.0, f * 60.0) - 0.5)
    holes = np.zeros(f.shape, np.float32)
    plume = np.zeros(f.shape, np.float32)
    billow = 0.75 + 0.25 * _blobs(bay * 3.0 + 7, f * 25.0)  # (the soot's own unevenness)
    for below in range(HUSK_PLUME_STOREYS):  # a window in this storey or under it: its soot
        # rises here
        k = storey - below
        blown = (hashed(np.floor(bay) + 13, k.astype(np.float32) + 3) < HUSK_GUTTED) & (k >= 0)
        lo, hi = levels[np.maximum(k, 0)], levels[np.maximum(k, 0) + 1]
        sill, head = lo + (hi - lo) * HUSK_WINDOW[0], lo + (hi - lo) * HUSK_WINDOW[1]
        if below == 0:
            holes = (blown & (middle < HUSK_WINDOW_WIDE / 2 + ragged) & (f > sill + ragged / 9)
                     & (f < head + ragged / 9)).astype(np.float32)
        rise = (f - head) / HUSK_PLUME_TALL  # 0 at the window's head, 1 at its plume's top
        wide = HUSK_WINDOW_WIDE / 2 + HUSK_PLUME_SPREAD * np.maximum(rise, 0.0)
        body = np.clip(1 - middle / wide, 0.0, 1.0) ** 0.7 * np.clip(1 - rise, 0.0, 1.0) * (
            rise > -0.05)
        plume = np.maximum(plume, blown * body * billow)
    # rain streaks from the ledge over each storey (its top level), fading down it
    streak = np.clip(_blobs(s * HUSK_RAIN_EVERY, 3.0) * 2.0 - 0.8, 0.0, 1.0)
    washed = streak * np.exp(-np.maximum(high - f, 0.0) / HUSK_RAIN_LONG) * (f < high)
    shade = (1 - HUSK_PLUME_DARK * plume) * (1 - HUSK_RAIN_DARK * washed)
    shade = np.where(holes > 0, HUSK_HOLE_DARK, shade)
    return np.where(np.abs(across)[:, None] < DRUM_HALF * unit, 1.0, shade).astype(np.float32)


def _on_box(across: np.ndarray, up: np.ndarray, unit: float
            ) -> tuple[np.ndarray, np.ndarray]:
    """Where each pixel lies on the box (west of the axis) or the wing (east), as the intact
    building lays them out: along it 0..1 (its equal steps shrink on the picture as it goes)
    and up it 0..1, foot to parapet."""
    off = np.abs(across)[:, None]
    west = (across < 0)[:, None]
    long = np.where(west, BOX_LONG, WING_LONG) * unit
    far = np.where(west, BOX_FAR, WING_FAR)
    tall = BOX_TALL * unit
    height = tall * (1 - (1 - far) * np.clip(off / long, 0.0, 1.0))
    s = (tall / np.maximum(height, 1.0) - 1) / (1 / far - 1)
    return s, up[None, :] / np.maximum(height, 1.0)
