"""The boulevard under ash in front of the ruins, painted at build (at one depth of ash, or at a
few for it to deepen through: see ash_depth): ash lying in drifts with soft ridges and their
shadows, the road and its broken kerbs, a lamp post fallen across it and a burnt-out car on
it, debris strewn nearer the camera, the near ground darker."""

from __future__ import annotations

import copy
from collections.abc import Generator
from typing import Protocol

import numpy as np
import pygame

from installation.visuals.ash_bury import drifted_over, laid_over
from installation.visuals.ash_debris import near_light, strew
from installation.visuals.ash_depth import Drifts, ground_at
from installation.visuals.ash_soot import soot, soot_at
from installation.visuals.base import Color, Pieces, chunks, finished, s_curve, scaled
from installation.visuals.cars import Project
from installation.visuals.noise import smooth_noise_at
from installation.visuals.oil import noise
from installation.visuals.wrecks import Wreck, drawing_wreck

ASH: Color = (118, 110, 104)  # ash lying on the ground
DRIFT = (0.15, 0.6)  # how much of the ash's colour the ground takes: least, most
DRIFT_COLUMNS = 32  # the ash on the ground is worked out this many columns a piece
DRIFT_SCALE = (0.12, 0.05)  # a drift's size across and up the ground, of its width and height
KERB_TONE = 3.0  # the kerbs' broken stone, of the ground's colour
KERB_UNDER = 0.35  # this share of the kerbs lies under deep ash (fewer under less)
ROAD_TONE = 0.8  # the road between them, under less ash...
ROAD_GONE, ROAD_LEAST = 2.4, 0.3  # ... going under it: by this depth of ash, at most this share
# of its darkness left (the road's hard edges stayed dark under the deepest ash: a seam)...
ROAD_SOFT = 8  # ... its edges soft: worked out this many times smaller
KERB_X = 1.0  # the kerbs, either side of the road (its half width)
WRECK_AT = (0.5, 1.3)  # the burnt car: across the road, and how far off
POST_FROM, POST_TO = (-1.0, 1.6), (0.1, 2.6)  # the fallen lamp post: foot at the left kerb,
# head out in the road, short of the car: beside it, never through it (its foot across the road
# behind the car, the car was drawn over it: it ran through the car's body)
POST_WIDE = 0.006  # the post's thickness, of the picture height
POST_TAPER = POST_FROM[1] / POST_TO[1]  # its head as thick as its foot, at the head's depth
POST_KNOTS = 9  # the ash drifting over it rises and falls this many times along it
POST_TONE, LAMP_TONE = 0.45, 0.35  # the post's and its lamp's iron, of the ground's colour
ARM_REACH = 2.5  # the lamp's arm, bent up off the road: of the post's thickness at its head
LAMP_SIZE = (3.0, 1.2)  # the lamp across and through, of the post's thickness at its head
SUNK_ROOM = (0.42, 0.08)  # the car's picture reaches this far over and under its foot (of
# its length), and its length either side of it (room for the ash drifted against its ends)
RISE = 0.2  # a world unit up, of the picture width (as on the street at dusk)
WRECK_PAINT: Color = (60, 42, 32)  # paint burnt to rust and soot
WRECK_LONG = 0.45  # the car's length, in world units (the road is 2 wide)
WRECK_DAY: Color = (34, 28, 26)  # the ground's colour under the grey day, whose light the burnt
WRECK_SHADE = (0.55, 0.72)  # car's colours are given in; under a darker sky (the flash's, the
# fires behind it) its side darker with the ground's, to the first at least; under the ash's
# gloom, the second at most (at the grey day's full light its rust and rims read pale cream)
RIDGE_GRID = 32  # knots across the ridges' noise (wrapping)
RIDGE_ACROSS, RIDGE_ALONG = 1.4, 3.2  # the ridges' noise per road half width across, and per
# unit of depth along the road (at our feet a ridge every ~0.3 of the way to the car)
RIDGE_BEND = 1.6  # how far the ridges wander off straight lines, in ridges
RIDGE_LIGHT = 1.7  # how much a ridge's sides differ in light: lit facing the sky, in shadow
# behind its crest (of the ground's brightness, at our feet, per height a RIDGE_STEP further)
RIDGE_STEP = 0.12  # how far off the shadow falls, in the ridges' noise
RIDGE_CLIP = (0.66, 1.25)  # the darkest shadow and the brightest side, of the flat ash (more,
# with sharp crests, the ridges stood in terraces meeting in hard edges: snowdrifts)
RIDGE_WIDE = 0.7  # a ridge's crest rounded over this much of the noise either side of it
RIDGE_FAR = 3.0  # the ridges fade out beyond this depth (further off they blur to the drifts)
RIDGE_ASH = 0.15  # more of the ash's colour along a ridge's crest
RUBBLE_TONE = 0.7  # the ruins' heaps of rubble, nearest of all, of their colour: the plain's
# far edge and the murk over the ruins' feet go into this dark
FAR_EDGE_COLUMNS = 480  # the far edge worked out this many columns a piece
FAR_EDGE = 0.1  # the plain's far edge goes into the skyline's dark feet over this share of
FAR_DARK, FAR_FALL = 1.0, 1.4  # its rows, this much of the way at its first row, easing off
SPILL = (0.25, 1.6)  # ... reaching from this share of that to this, column by column ...
SPILL_WAVES = ((9.0, 0.55), (41.0, 0.3), (130.0, 0.15))  # ... in heaps this many across the
# picture, lumps on them and stones (each scale's share) ...
SPILL_TONGUES, SPILL_TONGUE_FROM, SPILL_TONGUE = 17.0, 0.7, 0.5  # ... and tongues further out
SPILL_SEED = 613  # (with the road's vanishing column)
SPILL_EDGE, SPILL_EDGE_LEAST = 0.35, 2.0  # the rubble's dark fades out over this share of
# its reach at its edge (this many rows at least): a heap's edge, not a fog's
FAR_BURIED = (0.2, 1.6, 0.8)  # the ash falling on the spilt rubble too: whole under the first
# dusting, going under from the first depth to the second, this share of its dark left there
# at the plain's first row, fading out all the way down its reach (under the drifts' grey its
# full dark down to a soft edge read as a black ruled band across the picture)
MURK = 0.035  # over the ruins' feet the murk of the plain's far edge (its colour) lies this
# high at most, of the picture height (the ruins' dark feet stood on the plain's first row: a
# ruler-straight edge across the picture)...
MURK_LOW = 0.3  # ... and this share of that at least: uneven along the plain, lapping up
MURK_WAVES = ((7.0, 0.65), (29.0, 0.35))  # ... rising and falling this many times across the
# picture, this much (two scales: broad swells, smaller lumps)


Sprite = tuple[pygame.Surface, tuple[int, int]]  # a picture and where it goes
Paved = tuple[list[pygame.Surface], list[Sprite], list[list[Sprite]]]  # the ground under each
# depth of its ash, the car under each depth of ash, and the ash over the fallen lamp post at
# each, and over its lamp
Laid = tuple[list[Sprite], list[Sprite], list[Sprite]]  # on one ground: the cars, posts, lamps


def boulevard(size: tuple[int, int], vanish: int, color: Color, rng: np.random.Generator,
              ash: float = 1.0) -> pygame.Surface:
    """The ground in front of the ruins (its first row meets them): Wilshire under ash (`ash`
    deep: see ash_depth), its road running to `vanish`, a burnt-out car on it and a lamp
    post fallen across it."""
    return finished(paving(size, vanish, color, rng, (), (ash,)))[0][0]  # (nothing buried)


def paving(size: tuple[int, int], vanish: int, color: Color, rng: np.random.Generator,
           buried: tuple[float, ...] = (),
           ash: tuple[float, ...] = (1.0,)) -> Generator[None, None, Paved]:
    """`boulevard` in pieces: its ash a band of columns a piece, then the road on it, under
    each of the `ash` depths (see ash_depth; the same road, car and debris on each). With
    `buried` depths of ash (see Wreck.drift), the car is not painted into the ground but
    given as a picture of it under each (on the ground as laid: sunk deeper as the ash
    drifts round it), else painted in (no pictures); and the ash drifted over the fallen
    lamp post at each depth (see ash_bury.drifted_over). With several grounds, as many
    `buried` depths (or none): each drawn on its own ground, a step of the ash at a time."""
    extra = rng.spawn(1)[0]  # the ridges and the debris (the rest drawn as before)
    ridges = (extra.random((RIDGE_GRID, RIDGE_GRID)), extra.random((RIDGE_GRID, RIDGE_GRID)))
    drifts = yield from _drifts(size, rng, (vanish, ridges))
    grounds: list[pygame.Surface] = []
    cars, posts, lamps = [], [], []
    paired = len(ash) > 1
    for n, depth in enumerate(ash):  # (each from the same draws: the same things in place)
        last = n == len(ash) - 1
        draws = (rng, extra) if last else (copy.deepcopy(rng), copy.deepcopy(extra))
        image = yield from ground_at(drifts, depth, color, ASH)
        laid = yield from _laid(image, vanish, color, draws,
                                (depth, buried[n:n + 1] if paired else buried))
        grounds.append(image)
        cars += laid[0]
        posts += laid[1]
        lamps += laid[2]
    return grounds, cars, [posts, lamps]


def _laid(image: pygame.Surface, vanish: int, color: Color,
          draws: tuple[np.random.Generator, np.random.Generator],
          depths: tuple[float, tuple[float, ...]]) -> Generator[None, None, Laid]:
    """The road, its kerbs (fewer showing the deeper the ash, `depths`' first), the post,
    the debris and the car on the ground `image`, and what lies buried at `depths`' second
    (see `paving`)."""
    rng, extra = draws
    ash, buried = depths
    tall = image.get_height()
    project = projection(image.get_size(), vanish)
    near, far = 0.95, 40.0
    road = [project(-KERB_X, far), project(KERB_X, far), project(KERB_X, near),
            project(-KERB_X, near)]
    _road(image, road, ash)
    for side in (-1, 1):
        for z in np.geomspace(near, far, 40)[:-1]:
            if rng.random() < KERB_UNDER * ash:  # under the ash there
                continue
            pygame.draw.line(image, scaled(color, KERB_TONE), project(side * KERB_X, z),
                             project(side * KERB_X, z * 1.08), max(1, int(tall / z * 0.02)))
    post = (project(*POST_FROM), project(*POST_TO))
    thick = max(2, int(tall * POST_WIDE * 12))
    lamp = _fallen_post(image, *post, thick, color)
    yield
    _darken_near(image)
    yield
    yield from _far_edge(image, color, SPILL_SEED + vanish, ash)
    lane, z = WRECK_AT
    behind = (z, float("inf")), (1.0, z)  # strewn behind the car, then in front of it
    car = (project(lane - WRECK_LONG, z)[0], project(lane + WRECK_LONG, z)[0])
    yield from strew(image, project, color, copy.deepcopy(extra), behind[0], car)
    if not buried:  # (over the post: it lies behind the car)
        yield from _wreck(image, project, (lane, z), rng, color)
    yield
    yield from strew(image, project, color, extra, behind[1], car)
    cars = []
    for depth in buried:  # (in front of the car nothing is strewn across its columns)
        yield
        cars.append((yield from _sunk(image, project, (lane, z), copy.deepcopy(rng), color,
                                      depth)))
    knots = extra.random(POST_KNOTS)
    posts, lamps = [], []
    for depth in buried:  # (a depth a piece)
        yield
        posts.append(drifted_over(image, post, (thick, max(2.0, thick * POST_TAPER)), depth,
                                  knots))
        lamps.append(drifted_over(image, (lamp.midleft, lamp.midright), (lamp.h, lamp.h),
                                  depth, knots))
    return cars, posts, lamps


def _road(image: pygame.Surface, road: list[tuple[int, int]], ash: float) -> None:
    """The road (`road`: its outline) a little darker than the ash beside it, less so under
    deeper `ash`, its edges soft (a drift's edge, not a ruled line)."""
    width, tall = image.get_size()
    small = (max(1, width // ROAD_SOFT), max(1, tall // ROAD_SOFT))
    shape = pygame.Surface(small)
    shape.fill((255, 255, 255))
    left = max(ROAD_LEAST, 1 - ash / ROAD_GONE)
    pygame.draw.polygon(shape, scaled((255, 255, 255), 1 - (1 - ROAD_TONE) * left),
                        [(x / ROAD_SOFT, y / ROAD_SOFT) for x, y in road])
    image.blit(pygame.transform.smoothscale(shape, (width, tall)), (0, 0),
               special_flags=pygame.BLEND_RGB_MULT)


def _sunk(ground: pygame.Surface, project: Project, at: tuple[float, float],
          rng: np.random.Generator, color: Color,
          depth: float) -> Generator[None, None, Sprite]:
    """The car on the `ground` (at `at`: across the road, how far off) with ash `depth` deep
    drifted round it (see Wreck.drift): only what it paints over the ground, and where."""
    lane, z = at
    (x0, foot), (x1, _) = (project(lane + side * WRECK_LONG / 2, z, 0.0) for side in (-1, 1))
    length = x1 - x0
    area = pygame.Rect(x0 - length, foot - round(length * SUNK_ROOM[0]), 3 * length,
                       round(length * sum(SUNK_ROOM))).clip(ground.get_rect())
    piece = ground.subsurface(area).copy()

    def local(x: float, along: float, up: float = 0.0) -> tuple[int, int]:
        across, down = project(x, along, up)
        return across - area.x, down - area.y

    yield from _wreck(piece, local, at, rng, color, depth)
    yield
    return laid_over(ground, area, piece), area.topleft


def _far_edge(image: pygame.Surface, color: Color, seed: int,
              ash: float = 0.0) -> Generator[None, None, None]:
    """The plain's far edge going into the dusk of the skyline's feet (the dark of their
    rubble, of `color`) over its first rows, so the two meet in the smoke's murk, not at a
    ruler's edge: the rubble spilt out onto the ash in heaps and tongues, reaching further
    down the plain in some columns than in others (a band of rows alike lay under the ruins
    in one straight line), going under the ash as it lies deeper (`ash`: see `gone_under`).
    Worked out FAR_EDGE_COLUMNS columns a piece (at once, with the ground's darkening, one
    piece of building the Ash took ~11 ms of a frame)."""
    color = scaled(color, RUBBLE_TONE)
    width, tall = image.get_size()
    reach = np.maximum(2.0, tall * FAR_EDGE * spill(width, seed))
    rows = min(tall, int(np.ceil(reach.max())))
    y = np.arange(rows, dtype=np.float64)[None, :]
    under = gone_under(ash)
    dark = FAR_DARK * (1 - (1 - FAR_BURIED[2]) * under)
    for left in range(0, width, FAR_EDGE_COLUMNS):
        columns = slice(left, left + FAR_EDGE_COLUMNS)
        edge = np.maximum(SPILL_EDGE_LEAST,
                          (SPILL_EDGE + (1 - SPILL_EDGE) * under) * reach[columns])[:, None]
        share = (dark * np.clip((reach[columns, None] - y) / edge, 0.0, 1.0))[..., None]
        rgb = pygame.surfarray.pixels3d(image)
        band = rgb[columns, :rows].astype(np.float32)
        rgb[columns, :rows] = np.round(
            band * (1 - share) + np.array(color, np.float32) * share).astype(np.uint8)
        del rgb
        yield


def gone_under(ash: float) -> float:
    """How far the spilt rubble has gone under ash `ash` deep (0: not at all, 1: as far as it
    goes; see FAR_BURIED)."""
    first, last, _left = FAR_BURIED
    return min(1.0, max(0.0, (ash - first) / (last - first)))


def spill(width: int, seed: int) -> np.ndarray:
    """How far the rubble spills down the plain in each column, as a share of FAR_EDGE: broad
    heaps and smaller lumps on them, a few tongues further out (between SPILL's least and
    most)."""
    x = np.arange(width, dtype=np.float64) / width
    heaps = sum(share * smooth_noise_at(seed + n, x * waves)
                for n, (waves, share) in enumerate(SPILL_WAVES))
    tongues = np.clip(smooth_noise_at(seed + 9, x * SPILL_TONGUES) - SPILL_TONGUE_FROM, 0.0,
                      1.0) / (1 - SPILL_TONGUE_FROM)
    low, high = SPILL
    return np.asarray(low + (high - low) * np.clip(heaps + SPILL_TONGUE * tongues, 0.0, 1.0))


def foot_murk(size: tuple[int, int], color: Color, seed: int) -> pygame.Surface:
    """The murk of the plain's far edge lying over the ruins' feet (a picture to lay on the
    rows just above the ground, `size` the whole picture's): `color` (its first row's)
    thickening down to the ground, its top soft and uneven, so the ruins go into the plain
    over rows."""
    width, tall = size
    rows = max(2, round(tall * MURK))
    x = np.arange(width, dtype=np.float64) / width
    swell = sum(share * smooth_noise_at(seed + n, x * waves)
                for n, (waves, share) in enumerate(MURK_WAVES))
    reach = rows * (MURK_LOW + (1 - MURK_LOW) * np.asarray(swell))
    above = rows - np.arange(rows, dtype=np.float64)  # (rows above the ground: rows..1)
    share = np.clip(1 - above[None, :] / reach[:, None], 0.0, 1.0)
    out = pygame.Surface((width, rows), pygame.SRCALPHA)
    out.fill((*color, 0))
    alpha = pygame.surfarray.pixels_alpha(out)
    alpha[...] = np.round(255 * s_curve(share)).astype(np.uint8)
    del alpha
    return out


def _darken_near(image: pygame.Surface) -> None:
    """The ground darker towards our feet, row by row (each row as `near_light` has it)."""
    width, tall = image.get_size()
    for y in range(tall):
        keep = round(255 * near_light(tall / max(1.0, y + 0.5)))
        image.fill((keep, keep, keep), (0, y, width, 1), special_flags=pygame.BLEND_RGB_MULT)


class Projection(Protocol):
    """Where a point of the boulevard lies in the picture of its ground (see `projection`)."""

    def __call__(self, x: float, z: float, up: float = 0.0) -> tuple[int, int]: ...


def projection(size: tuple[int, int], vanish: int) -> Projection:
    """Where a point of the boulevard lies on a picture of the ground below the horizon of
    `size`: `x` road half widths across from its middle, `z` along it (1: the picture's foot),
    `up` world units above the road; the road runs to column `vanish`."""
    width, tall = size

    def project(x: float, z: float, up: float = 0.0) -> tuple[int, int]:
        return int(vanish + x * width * 0.5 / z), int((tall - up * width * RISE) / z)

    return project


def _fallen_post(image: pygame.Surface, foot: tuple[int, int], head: tuple[int, int],
                 thick: int, color: Color) -> pygame.Rect:
    """A lamp post lying on the road: tapering from its foot (`thick` across) to its head
    with the depth, ash along its upper edge, its arm and lamp at the far end (drawn as one
    even stroke it read as a scratch on the picture). Returns where its lamp is."""
    (fx, fy), (hx, hy) = foot, head
    length = max(1.0, float(np.hypot(hx - fx, hy - fy)))
    nx, ny = -(hy - fy) / length, (hx - fx) / length  # across the post
    if ny > 0:
        nx, ny = -nx, -ny  # (pointing up the picture: the upper edge)
    far = max(2.0, thick * POST_TAPER)
    edge = [(fx + nx * thick / 2, fy + ny * thick / 2), (hx + nx * far / 2, hy + ny * far / 2),
            (hx - nx * far / 2, hy - ny * far / 2), (fx - nx * thick / 2, fy - ny * thick / 2)]
    iron = scaled(color, POST_TONE)
    pygame.draw.polygon(image, iron, edge)
    pygame.draw.line(image, ASH, edge[0], edge[1], max(1, int(far / 3)))
    arm = (hx + nx * far * ARM_REACH, hy + ny * far * ARM_REACH)
    pygame.draw.line(image, iron, (hx, hy), arm, max(1, int(far * 0.6)))
    lamp = pygame.Rect(0, 0, int(far * LAMP_SIZE[0]), max(2, int(far * LAMP_SIZE[1])))
    lamp.center = (int(arm[0]), int(arm[1]))
    pygame.draw.ellipse(image, scaled(color, LAMP_TONE), lamp)
    pygame.draw.ellipse(image, ASH, lamp.inflate(-lamp.w // 2, -lamp.h // 2).move(0, -1))
    return lamp


def _wreck(image: pygame.Surface, project: Project, at: tuple[float, float],
           rng: np.random.Generator, color: Color, drift: float = 0.0) -> Pieces:
    """A burnt-out car slewed across the road (`at`: across it, how far off), side on: down
    on its bare rims sunk in the ash (`drift` deeper: see Wreck.drift), char and rust, its
    glass blown in, its roof caved, its front door gone."""
    lane, z = at
    (x0, ground), (x1, _) = (project(lane + side * WRECK_LONG / 2, z, 0.0) for side in (-1, 1))
    shade = min(WRECK_SHADE[1], max(WRECK_SHADE[0], sum(color) / sum(WRECK_DAY)))
    yield from drawing_wreck(image, (x0 + x1) // 2, ground, x1 - x0,
                             Wreck(WRECK_PAINT, 1, True, True, ASH, ash=True, shade=shade,
                                   drift=drift), rng)


Ridges = tuple[int, tuple[np.ndarray, np.ndarray]]  # the road's vanishing column, two noises


def _drifts(size: tuple[int, int], rng: np.random.Generator,
            ridges: Ridges) -> Generator[None, None, Drifts]:
    """Ash lying in soft drifts over the ground, thicker towards the viewer, blown into
    ridges, as it lies deep (DRIFT_COLUMNS columns a piece; see ash_depth for less)."""
    width, tall = size
    across = max(2, int(1 / DRIFT_SCALE[0]))
    up = max(2, int(1 / DRIFT_SCALE[1]))
    knots = rng.random((across + 1, up + 1)).astype(np.float32)
    xs = np.linspace(0, across, width, dtype=np.float32)
    ys = np.linspace(0, up, tall, dtype=np.float32) ** 1.3 / up ** 0.3
    rows = np.array([np.interp(xs, np.arange(across + 1), knots[:, k]) for k in range(up + 1)])
    low = np.minimum(up - 1, ys.astype(int))
    part = (ys - low)[:, None]
    deeper = (0.4 + 0.6 * ys / up)[None, :]
    out = Drifts(np.zeros(size), np.zeros(size, np.float32), np.zeros(size, np.float32),
                 np.ones(size, np.float32), np.zeros(size, np.float32))  # (the share as it
    # was worked out: the same ground; the soot's draws its own)
    yield  # (the soot apart: with the knots, one piece of ~8 ms)
    sooty = soot(size, np.random.default_rng(int(ridges[1][1][0, 0] * 2 ** 31)))
    yield
    for cols in chunks(width, DRIFT_COLUMNS):
        field = (rows[low, cols] * (1 - part) + rows[low + 1, cols] * part).T  # smooth: no bands
        crest, light = _ridges(cols, size, ridges)
        out.share[cols] = DRIFT[0] + (DRIFT[1] - DRIFT[0]) * field * deeper
        out.crest[cols], out.field[cols], out.light[cols] = RIDGE_ASH * crest, field, light
        out.soot[cols] = soot_at(sooty, cols, size)
        yield
    return out


def _ridges(cols: slice, size: tuple[int, int], ridges: Ridges) -> tuple[np.ndarray, np.ndarray]:
    """The ash's ridges over these columns of the ground (columns x rows): how near each pixel
    is to a crest (0..1), and its light (1: flat; lighter on a ridge's side facing the sky,
    darker in the shadow behind it), lying on the ground in perspective and fading out beyond
    RIDGE_FAR (worked out only nearer than that)."""
    width, tall = size
    vanish, (lines, bends) = ridges
    crest = np.zeros((cols.stop - cols.start, tall), np.float32)
    light = np.ones_like(crest)
    first = min(tall, int(tall / RIDGE_FAR))  # the first row nearer than RIDGE_FAR
    z = tall / (np.arange(first, tall, dtype=np.float64) + 0.5)  # depth of each row
    x = (np.arange(cols.start, cols.stop, dtype=np.float64) - vanish) / (width * 0.5)
    across = (x[:, None] * z[None, :]) * RIDGE_ACROSS
    along = z[None, :] * RIDGE_ALONG
    along = along + RIDGE_BEND * noise(bends, across * 0.7, along * 0.3)

    def height(ahead: float) -> np.ndarray:
        wave = noise(lines, across, along + ahead)
        return np.asarray(np.exp(-(((2 * wave - 1) / RIDGE_WIDE) ** 2)))  # (round, no edge)

    here, behind = height(0.0), height(RIDGE_STEP)  # (a step further off)
    near = np.clip(RIDGE_FAR / z - 1, 0, 1)[None, :]  # 0 at RIDGE_FAR, 1 at our feet
    crest[:, first:] = here * near
    light[:, first:] = np.clip(1 + RIDGE_LIGHT * near * (here - behind), *RIDGE_CLIP)
    return crest, light
