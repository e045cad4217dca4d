"""The broken towers' shapes, painted once at build: ragged tops, bare frames the sky shows
through, gutted faces, hanging slabs (the ruins layer places them and heaps the rubble)."""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.ash_ground import (  # noqa: F401 - also named from here
    ASH,
    Projection,
    projection,
)
from installation.visuals.base import Color, chunks, scaled

BREAKS = (2, 5)  # how many big breaks a roof line takes across a tower (each torn smaller)
STUB_CHANCE = 0.5  # a tower keeps a bare frame of columns and floors standing above its break
FALLEN = (0.03, 0.45)  # how far down a tower's top has fallen, of its height
SLANT_CHANCE = 0.3  # a big break is torn on a slant rather than along a floor
FLOOR = 0.011  # a storey, of the picture height
BAY = 0.0075  # a window bay, of the picture height
NOTCH_EVERY = 4  # bays of broken top per notch torn into it
NOTCH_FLOORS = 3  # a notch goes down at most this many floors
TOOTH_RUN = 3  # the smallest teeth of a broken edge are 1 to this many pixels wide
FRAME_FLOORS = (2, 6)  # how many floors of bare frame stand above the broken wall
FRAME_SPAN = (0.3, 0.8)  # how much of a tower's width its bare frame spans
MISSING = 0.15  # share of the frame's beams and columns that have fallen out
FRAME_BAYS = 2  # window bays between the frame's columns
BLOWN_AT_BREAK = 0.5  # share of the floor under the break whose facade is gone
BLOWN_CELLS = 60  # bays x floors of wall per ragged hole torn in its facade
WINDOW_X = (0.4, 0.85)  # a window hole across its bay, left to right
WINDOW_Y = (0.3, 0.8)  # a window hole up its storey, bottom to top
GUTTED = 0.35  # near the break, the share of window holes the sky shows through
GUTTED_FLOORS = 2.5  # floors below the break over which the gutting thins out
SEE_THROUGH = 0.02  # low down, the share of window holes the sky shows through
WALLED = 0.08  # share of window holes bricked up or blocked by fallen floors
FRAME_TONE = 0.85  # bare steel and slabs, of the wall's colour
SIDE = (0.2, 0.32)  # a tower's side face, of its width
LIT_FACE = 1.25  # the face turned to the light
SHADED_FACE = 0.8  # the face turned away from it
FIRE_TINT = 0.14  # how warm the firelight makes the nearest faces
HANGING = (1, 3)  # slabs hanging from a broken top
TOWER_COLUMNS = 128  # a broken tower is coloured this many columns a piece


@dataclass(frozen=True)
class Grid:
    """The storeys and bays of the towers, in pixels, and the frame's and slabs' thickness."""

    floor: int
    bay: int
    slab: int
    column: int


@dataclass(frozen=True)
class Light:
    """How a tower is lit: from which side (-1 left, 1 right), and how near a fire (0..1)."""

    side: int
    warmth: float


@dataclass(frozen=True)
class Tone:
    """A tower's colours: its walls, the firelight on them, and its dark holes (of the wall)."""

    wall: Color
    fire: Color
    hole: float


def grid(height: int) -> Grid:
    """The towers' storeys and bays for a picture `height` pixels high."""
    floor = max(2, round(height * FLOOR))
    bay = max(3, round(height * BAY))
    return Grid(floor, bay, max(1, floor // 6), max(1, bay // 4))


def teeth(count: int, size: int, rng: np.random.Generator) -> np.ndarray:
    """Small irregular steps along `count` columns: up to `size` pixels, 1 to TOOTH_RUN wide."""
    steps = np.repeat(rng.integers(-size, size + 1, count), rng.integers(1, TOOTH_RUN + 1, count))
    return steps[:count].astype(float)


def big_breaks(width: int, height: int, floor: int, rng: np.random.Generator) -> np.ndarray:
    """A broken top's big breaks: a few stretches ending at different floors, some on a slant."""
    count = min(int(rng.integers(BREAKS[0], BREAKS[1] + 1)), width)
    cuts = np.sort(rng.choice(np.arange(1, width), count - 1, replace=False)).tolist()
    bounds = [0, *cuts, width]
    low, high = (max(0, int(height * share / floor)) for share in FALLEN)
    levels = floor * rng.integers(low, max(low, high) + 1, len(bounds))
    edge = np.empty(width)
    for n in range(len(bounds) - 1):
        a, b = bounds[n], bounds[n + 1]
        slant = rng.random() < SLANT_CHANCE
        edge[a:b] = np.linspace(levels[n], levels[n + 1], b - a) if slant else levels[n]
    return edge


def notches(width: int, cells: Grid, rng: np.random.Generator) -> np.ndarray:
    """Bites a few bays wide torn down into a broken top, stepped half a floor at a time."""
    x = np.arange(width)
    step = max(1, cells.floor // 2)
    out = np.zeros(width)
    for _ in range(max(1, width // (cells.bay * NOTCH_EVERY))):
        middle = rng.uniform(0, width)
        half = cells.bay * rng.uniform(0.6, 2.5)
        depth = cells.floor * rng.uniform(0.5, NOTCH_FLOORS)
        bite = depth * np.clip(1 - np.abs(x - middle) / half, 0, 1)
        out += np.floor(bite / step) * step
    return out


def ragged_edge(width: int, height: int, cells: Grid, rng: np.random.Generator) -> np.ndarray:
    """Where a broken tower's wall ends, column by column (pixels down from where its top stood):
    big breaks, notches and small teeth."""
    edge = (big_breaks(width, height, cells.floor, rng) + notches(width, cells, rng)
            + teeth(width, max(1, cells.floor // 3), rng))
    return np.clip(edge, 0, max(0, height - 2 * cells.floor)).astype(int)


def frame_top(edge: np.ndarray, height: int, cells: Grid, standing: bool,
              rng: np.random.Generator) -> np.ndarray:
    """How high the bare frame stands over each column: a few floors above the broken wall where
    a frame stands, elsewhere the odd slab sticking out; on the floors' lines, level across each
    span between two of its columns."""
    width, span = len(edge), cells.bay * FRAME_BAYS
    spans = -(-width // span)
    floors = rng.choice(np.array([0, 0, 0, 1]), spans)
    if standing:
        count = max(2, int(spans * rng.uniform(*FRAME_SPAN)))
        start = int(rng.integers(0, max(1, spans - count + 1)))
        tall = int(rng.integers(FRAME_FLOORS[0], FRAME_FLOORS[1] + 1))
        floors[start:start + count] = np.maximum(1, tall + rng.integers(-1, 2, len(
            floors[start:start + count])))
    highest = np.minimum.reduceat(edge, np.arange(0, width, span))
    storeys = (height - highest) // cells.floor + floors
    top = np.maximum(0, height - storeys * cells.floor)
    return np.minimum(edge, np.repeat(top, span)[:width])


def blown(shape: tuple[int, int], broken: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Which (bay, floor) cells of a wall the blast tore the facade off: a few ragged holes
    several bays wide, and most of the floor just under the break."""
    bays, floors = np.arange(shape[0])[:, None], np.arange(shape[1])[None, :]
    out = (broken[:, None] - floors < 1) & (rng.random(shape) < BLOWN_AT_BREAK)
    for _ in range(1 + shape[0] * shape[1] // BLOWN_CELLS):
        middle = (rng.uniform(0, shape[0]), rng.uniform(1, max(1.5, broken.max(initial=1))))
        size = (rng.uniform(0.8, 3.0), rng.uniform(0.6, 2.5))
        reach = ((bays - middle[0]) / size[0]) ** 2 + ((floors - middle[1]) / size[1]) ** 2
        out |= reach < rng.uniform(0.5, 1.3, shape)
    return out


def bare_frame(x: np.ndarray, up: np.ndarray, edge: np.ndarray, top: np.ndarray,
               cells: Grid, rng: np.random.Generator) -> np.ndarray:
    """The columns and floor beams of a tower's frame, some fallen out (an (x, y) mask): a
    column stands up from the wall until a piece of it has gone, and a beam stays only where a
    column beside it still holds it, broken off short if only one does."""
    width, height, span = len(edge), int(up.max()), cells.bay * FRAME_BAYS
    bay, floor = x // span, up // cells.floor
    chance = rng.random((3, int(bay.max()) + 2, int(floor.max()) + 1))
    kept = chance[:2] >= MISSING
    feet = np.minimum(np.arange(kept.shape[1]) * span, width - 1)
    storeys = np.arange(kept.shape[2])[None, :]
    standing = kept[1] | (storeys < ((height - edge[feet]) // cells.floor)[:, None])
    standing = (np.logical_and.accumulate(standing, axis=1)
                & (storeys < ((height - top[feet]) // cells.floor)[:, None]))
    left, right, reach = standing[bay, floor], standing[bay + 1, floor], chance[2][bay, floor]
    along = (x % span) / span
    held = np.where(left & right, kept[0][bay, floor],
                    (left & (along < reach)) | (right & (along > 1 - reach)))
    beams = (up % cells.floor >= cells.floor - cells.slab) & held
    columns = ((x % span < cells.column) & left) | (x >= width - cells.column)
    return beams | columns


def structure(edge: np.ndarray, top: np.ndarray, height: int, cells: Grid,
              rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A broken tower's parts, each an (x, y) mask: the wall still standing, its holes the sky
    shows through, its dark holes (windows, or floors whose facade is gone), and the bare frame
    above it."""
    width = len(edge)
    x = np.arange(width)[:, None]
    up = height - np.arange(height)[None, :]  # pixels above the ground
    bay, floor = x // cells.bay, up // cells.floor
    shape = (int(bay.max()) + 1, int(floor.max()) + 1)
    wall = np.arange(height)[None, :] >= edge[:, None]
    zone = (np.arange(height)[None, :] >= top[:, None]) & ~wall
    frame = zone & bare_frame(x, up, edge, top, cells, rng)
    across, within = (x % cells.bay) / cells.bay, (up % cells.floor) / cells.floor
    window = ((across >= WINDOW_X[0]) & (across < WINDOW_X[1]) & (within >= WINDOW_Y[0])
              & (within < WINDOW_Y[1]))
    broken = (height - np.minimum.reduceat(edge, np.arange(0, width, cells.bay))) // cells.floor
    torn = blown(shape, broken, rng)[bay, floor]
    opening = wall & (floor > 0) & np.where(torn, (up % cells.floor < cells.floor - cells.slab)
                                            & (x % cells.bay >= cells.column), window)
    depth = np.maximum(0, broken[:, None] - np.arange(shape[1])[None, :])
    chance = rng.random(shape)
    sky = (chance < GUTTED * np.exp(-depth / GUTTED_FLOORS) + SEE_THROUGH)[bay, floor]
    walled = (chance > 1 - WALLED)[bay, floor] & ~torn
    through = opening & sky
    return wall & ~through, through, opening & ~sky & ~walled, frame


def shading(width: int, light: Light, rng: np.random.Generator) -> np.ndarray:
    """How bright each column of a tower's faces is (1 as its colour): a side face turned to or
    away from the light, and a faint slope across each face towards it."""
    side = max(1, int(width * rng.uniform(*SIDE)))
    on_right = rng.random() < 0.5
    turned = (1 if on_right else -1) == light.side
    x = np.arange(width)
    face = (x >= width - side) if on_right else (x < side)
    slope = 1 + 0.06 * light.side * (x / max(1, width - 1) - 0.5)
    main, other = (1.0, LIT_FACE) if turned else (1.08, SHADED_FACE)
    return np.where(face, other, main) * slope


def paint_tower(size: tuple[int, int], cells: Grid, tone: Tone, light: Light,
                rng: np.random.Generator,
                holes: list[np.ndarray] | None = None) -> Generator[None, None, pygame.Surface]:
    """One broken tower on its own transparent surface, as wide and tall as it stood: its
    broken shape, then its colours TOWER_COLUMNS columns a piece, then its hanging slabs
    (where its dark openings are, an (x, y) mask, added to `holes` if given)."""
    width, height = max(1, size[0]), max(2 * cells.floor + 1, size[1])
    color = tone.wall
    edge = ragged_edge(width, height, cells, rng)
    top = frame_top(edge, height, cells, rng.random() < STUB_CHANCE, rng)
    wall, through, dark, frame = structure(edge, top, height, cells, rng)
    if holes is not None:
        holes.append(dark & ~frame)
    base = np.array(color, float)
    shade = shading(width, light, rng)
    warm = light.warmth * FIRE_TINT * (np.arange(height) / height)[None, :, None] ** 1.5
    surface = pygame.Surface((width, height), pygame.SRCALPHA)
    yield
    for cols in chunks(width, TOWER_COLUMNS):
        lit = base[None, None, :] * shade[cols, None, None]
        lit = lit + (np.array(tone.fire, float) - lit) * warm
        rgb = np.where(dark[cols, :, None], lit * tone.hole, lit)
        rgb = np.where(frame[cols, :, None], base * FRAME_TONE, rgb)
        pixels = pygame.surfarray.pixels3d(surface)
        pixels[cols] = np.clip(rgb, 0, 255).astype(np.uint8)
        del pixels
        alpha = pygame.surfarray.pixels_alpha(surface)
        alpha[cols] = np.where(wall[cols] | frame[cols], 255, 0).astype(np.uint8)
        del alpha
        yield
    hang_slabs(surface, edge, cells, scaled(color, FRAME_TONE), rng)
    return surface


def hang_slabs(surface: pygame.Surface, edge: np.ndarray, cells: Grid, color: Color,
               rng: np.random.Generator) -> None:
    """Floor slabs torn at the break: hanging off the top of a cliff, sagging over the drop."""
    width = len(edge)
    drops = np.flatnonzero(np.abs(np.diff(edge)) >= cells.floor)
    places = drops.tolist() or [int(rng.integers(0, width))]
    for _ in range(int(rng.integers(HANGING[0], HANGING[1] + 1))):
        x = int(places[int(rng.integers(0, len(places)))])
        high = x if x + 1 >= width or edge[x] <= edge[x + 1] else x + 1
        way = 1 if high == x else -1
        reach = cells.bay * rng.uniform(0.8, 3.0)
        sag = cells.floor * rng.uniform(0.2, 2.0)
        start = (high, int(edge[high]))
        pygame.draw.line(surface, (*color, 255), start,
                         (int(high + way * reach), int(edge[high] + sag)), cells.slab + 1)


def leaned(surface: pygame.Surface, x: int, ground: int,
           degrees: float) -> tuple[pygame.Surface, tuple[int, int]]:
    """A tower leaning `degrees` (positive: to the right) on the foot away from its lean, and
    where its surface goes (the foot it leans to sinks into the ground)."""
    width, height = surface.get_size()
    turned = pygame.transform.rotozoom(surface, -degrees, 1.0)
    foot = (-width / 2 if degrees > 0 else width / 2, height / 2)  # from the middle
    angle = math.radians(-degrees)
    moved = (foot[0] * math.cos(angle) + foot[1] * math.sin(angle),
             -foot[0] * math.sin(angle) + foot[1] * math.cos(angle))
    pivot = (x + width / 2 + foot[0], ground)
    middle = (pivot[0] - moved[0], pivot[1] - moved[1])
    rect = turned.get_rect(center=(round(middle[0]), round(middle[1])))
    return turned, rect.topleft


CHAR: Color = (66, 60, 58)  # a burnt-out shell
CINDER: Color = (104, 88, 76)  # the cladding left on it, scorched dull: no gold, no glaze
CLAD_LEFT = 0.25  # share of its tiles still on the shell


def torn_line(count: int, low: float, high: float, knot: int,
              rng: np.random.Generator) -> np.ndarray:
    """A torn top across `count` columns: heights from `low` to `high` (pixels), lumpy every
    `knot` columns and broken into teeth."""
    knots = np.arange(0, count + knot, knot)
    line = np.interp(np.arange(count), knots, rng.uniform(low, high, len(knots)))
    return line + teeth(count, max(1, knot // 6), rng)


def charred(albedo: np.ndarray, clad: np.ndarray) -> np.ndarray:
    """A surface burnt: char, with scorched cladding where `clad` (0..1 per pixel) is left."""
    # what was light stays a little lighter: the bands and the ribbons' lips still show
    shell = np.array(CHAR, np.float32) * (0.6 + 0.8 * albedo.mean(axis=-1, keepdims=True) / 255)
    return shell + (np.array(CINDER, np.float32) - shell) * clad[..., None]
