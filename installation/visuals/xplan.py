"""Park La Brea's towers in perspective: four wings round a lift core (an X in plan), faces lit
and shaded, windows in rows along each face, and one window of the nearest tower for Lucy and
Ivan, at a point the timeline gives."""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass
from functools import partial

import pygame

from installation.visuals.base import Color, Pieces, Setup, finished, mix, scaled
from installation.visuals.xplan_facade import (
    in_perspective,
    lean,
    panels,
    reveal,
    wall_light,
    weathering,
)
from installation.visuals.xplan_geometry import (
    BACK,
    CORE_RISE,
    NEAR,
    STOREYS,
    Plane,
    Tower,
    View,
    Window,
    hidden,
    near_tower,
    planes_of,
    seen,
    view_for,
    windows_of,
)
from installation.visuals.xplan_park import (
    lamps,
    lawn_of,
    paint_lamps,
    paint_park,
    park_top,
    seen_lamps,
)
from installation.visuals.xplan_trees import (
    Tree,
    at_feet,
    belt,
    clear_of,
    lit,
    paint_tree,
    tree_colors,
    unhidden,
)
from installation.visuals.xplan_walls import paint_stairs, paint_wall, wall_color

WALLS_PER_PIECE = 2  # walls painted in one step (each in a few dozen strips, its slabs; 8: up
# to ~6 ms, 4: up to ~4 ms, building Park La Brea ahead over the panic's ~4.5 ms frames)
TREES_PER_PIECE = 4  # trees behind a tower painted in one step (a tower's all: ~6 ms loaded)
NEAR_WINDOWS_PER_PIECE = 4  # near windows set in (panel and reveals) in one step (8: ~3 ms)
# The towers behind the nearest: left-right place (share of the picture at their depth), how far
# off (storeys) and how the X is turned (degrees). The next tower of the park, receding, then
# two far off, overlapping, in the night past the nearest tower's corner; the last runs off the
# right edge. Each is turned about 45 degrees, so that it shows two wings at angles, one in the
# city's glow and one in shade, each an even grid of windows (turned 12-28 degrees, one wing's
# end and its neighbour's side ran together into one slab).
FARTHER = ((0.77, 85.0, 42.0), (0.43, 145.0, 52.0), (0.95, 200.0, 38.0))
ARRIS, ARRIS_LIGHT = 0.003, (66, 60, 70)  # the near tower's corner's lit edge: its width
# (of the picture's height) and colour (the wall's ~46, 40, 48: a shade lighter)
WINDOW_FADE = 0.45  # the windows of the farthest towers are this much dimmer
CURTAINS = 0.75  # the nearest tower's other windows glow through curtains: this bright
GLANCING = 0.2  # a near window seen narrower than this share of its height is left out: on
# the nearest tower's side, turned away beside Lucy and Ivan's, two such windows (a lit one's
# curtains two gold stripes) were drawn upright under their leaning reveals and read as dark
# see-through slabs laid over each other; that side is a plain wall in shade


@dataclass(frozen=True)
class Layout:
    """Everything the towers' picture needs: planes back to front, the windows that are seen,
    the tops of the lift cores (for beacons), and Lucy and Ivan's window."""

    planes: list[Plane]
    windows: list[Window]
    roofs: list[tuple[int, int]]  # those in the picture and not behind a nearer tower
    depth: list[float]  # per tower, 0 nearest to 1 farthest
    glow: list[float]  # per tower, how bright its lit windows are, 0 to 1
    home: pygame.Rect | None
    weather: pygame.Surface | None = None  # the nearest tower's weathering, to multiply by
    seed: int = 0  # the stairs' lamps (which are out)
    view: View | None = None  # the lens: where the park's lawn and its lamps fall
    cores: tuple[float, ...] = ()  # per tower, how far off its core stands (storeys)
    trees: tuple[Tree, ...] = ()  # on the park, farthest first


def layout(size: tuple[int, int], ground: float, height: float,
           home: tuple[float, float] | None, seed: int = 0) -> Layout:
    """The towers of Park La Brea, laid out at once."""
    return finished(lay_out(size, ground, height, home, seed))


def lay_out(size: tuple[int, int], ground: float, height: float,
            home: tuple[float, float] | None, seed: int = 0) -> Generator[None, None, Layout]:
    """The towers of Park La Brea, the nearest at `home` (shares of the picture) if given, a
    piece at a time (`seed`: the nearest tower's weathering)."""
    width, tall = size
    view = view_for(size, ground, height)
    towers, window = [], None
    if home is not None:
        near, window = near_tower(view, (home[0] * width, home[1] * tall))
        towers.append(near)
    for share, z, turn in FARTHER:
        towers.append(Tower((share * width - view.centre) * z / view.focal, z, turn))
    found = list(planes_of(view, towers))
    planes = [p for p, _, _, _ in found]
    candidates = yield from windows_of(view, found, 0 if window is not None else -1)
    windows = [w for w in (yield from seen(size, planes, candidates)) if not glancing(w.rect)]
    cores = [t.z for t in towers]
    yield  # (the trees laid out, and the windows behind them left out: a piece of their own)
    trees = _trees(view, width, planes, cores, seed)
    windows = clear_of(windows, trees, cores, seed)
    tops = [view.point(t.x, t.lift + STOREYS + CORE_RISE, t.z) for t in towers]
    roofs = [(round(x), round(y)) for n, (x, y) in enumerate(tops)
             if 0 <= x < width and 0 <= y < tall and not hidden((x, y + 1), n, planes)]
    depth = [min(1.0, max(0.0, (t.z - NEAR) / (BACK - NEAR))) for t in towers]
    glow = [1.0 - WINDOW_FADE * d for d in depth]
    weather = None
    if window is not None:
        glow[0] = CURTAINS
        yield
        weather = yield from weathering(size, seed, [p.outline for p in planes if p.tower == 0])
    return Layout(planes, windows, roofs, depth, glow, window, weather, seed, view,
                  tuple(cores), tuple(trees))


def _trees(view: View, width: int, planes: list[Plane], cores: list[float],
           seed: int) -> list[Tree]:
    """The park's trees in the picture, farthest first: a belt along its far edge, a clump at
    each tower's foot, none wholly behind a tower, each lit by the path lamps near it that are
    seen."""
    walls = _walls_of(planes, cores)
    edge = park_top(view, cores[1:])
    found = unhidden(belt(view, width, edge, seed) + at_feet(view, walls, seed), walls)
    found = lit(view, found, seen_lamps(lamps(view, width, seed), walls))
    return sorted(found, key=lambda each: -each.z)


def home_glass(setup: Setup) -> pygame.Rect | None:
    """The glass of Lucy and Ivan's window, inside its frame, if the scene has Park La Brea's
    towers with their window: where the figures layer's lit room is seen, inside the window's
    reveal (a room of its own size, in its own frame over the window's, showed two frames, the
    wall's reveal beside the room's)."""
    near = _near_of(setup)
    if near is None:
        return None
    window = near[1]
    bar = frame_bar(window)
    return window.inflate(-2 * bar, -2 * bar)


def home_corner(setup: Setup) -> int | None:
    """Where the corner of Lucy and Ivan's tower stands across the picture (pixels), if the
    scene has Park La Brea's towers with their window: the tower is laid out by the picture's
    height, so on a narrower picture its wall reaches further across (0.55 of the width at
    16:9, 0.66 at 4:3) and words placed past it by a share of the width can fall on it."""
    near = _near_of(setup)
    if near is None:
        return None
    view, tower = near[0], near[2]
    return round(max(x for plane, _, _, _ in planes_of(view, [tower]) for x, _ in plane.outline))


def _near_of(setup: Setup) -> tuple[View, pygame.Rect, Tower] | None:
    """The lens, Lucy and Ivan's window and their tower, if the scene has Park La Brea's towers
    with their window (its first skyline layer of `towers` with a `home`)."""
    spec = next((spec for spec in setup.scene.layers if spec.type == "skyline"
                 and spec.params.get("style") == "towers"), None)
    if spec is None or spec.params.get("home") is None:
        return None
    width, tall = setup.size
    home = spec.params["home"]
    view = view_for(setup.size, spec.params["ground"], spec.params["height"])
    tower, window = near_tower(view, (home[0] * width, home[1] * tall))
    return view, window, tower


def paint_towers(image: pygame.Surface, plan: Layout, band: tuple[int, int],
                 colors: tuple[Color, Color, Color], daylight: float) -> Pieces:
    """The park and the towers' walls on `image`, which starts at the band's top and has the
    park from its ground, a few walls at a time (each with its stair's lit windows); `colors`:
    the towers', the haze's and the park's."""
    (top, ground), (body, haze, park) = band, colors
    lawn = None
    if plan.view is None:
        image.fill((*park, 255), (0, ground - top, image.get_width(), image.get_height()))
    else:
        lawn = lawn_of(plan.view, (top, park_top(plan.view, list(plan.cores[1:]))),
                       top + image.get_height(), park)
        paint_park(image, lawn, top)
    before = _walls_of(plan.planes, list(plan.cores))
    trees = [] if lawn is None else list(plan.trees)
    shade = lawn.color if lawn is not None else (lambda _z: park)
    for n, plane in enumerate(plan.planes, 1):
        far = plan.depth[plane.tower]
        if n % WALLS_PER_PIECE == 0 or far == 0:  # (a near wall: alone)
            yield
        if trees and trees[0].z > plan.cores[plane.tower]:  # (behind this tower: its walls
            while trees and trees[0].z > plan.cores[plane.tower]:  # hide them)
                tree = trees.pop(0)
                paint_tree(image, tree, (0, top), tree_colors(tree, shade), plan.seed)
                if len(trees) % TREES_PER_PIECE == 0:
                    yield
            yield  # (pieces of their own: with the wall, 7-9 ms loaded)
        color = wall_color(plane, far, (body, haze), daylight)
        paint_wall(image, plane, [(x, y - top) for x, y in plane.outline], color)
        if far == 0:  # (its stairs: a piece of their own)
            yield
        paint_stairs(image, plane, (top, plan.seed), far, color)
    yield
    for tree in trees:  # (in front of every tower)
        paint_tree(image, tree, (0, top), tree_colors(tree, shade), plan.seed)
    if plan.view is not None:
        paint_lamps(image, seen_lamps(lamps(plan.view, image.get_width(), plan.seed), before), top)
    if plan.weather is not None:
        image.blit(plan.weather, (0, -top), special_flags=pygame.BLEND_RGB_MULT)
        _arris(image, plan, top)
        yield
    tones = {plane.face: plane.tone for plane in plan.planes}
    near = [w for w in plan.windows if near_window(w.rect)]
    for count, w in enumerate(near, 1):
        in_perspective(image, w.rect.move(0, -top), lean(w.rect, w.slope),
                       partial(_set_in, light=wall_light(tones[w.face])))
        if count % NEAR_WINDOWS_PER_PIECE == 0:
            yield


def _walls_of(planes: list[Plane], cores: list[float]
              ) -> list[tuple[float, list[list[tuple[float, float]]]]]:
    """Each tower's core distance and its walls' outlines."""
    outlines: dict[int, list[list[tuple[float, float]]]] = {}
    for plane in planes:
        outlines.setdefault(plane.tower, []).append(plane.outline)
    return [(cores[n], walls) for n, walls in sorted(outlines.items())]


def _arris(image: pygame.Surface, plan: Layout, top: int) -> None:
    """The nearest tower's corner past their window: its edge catching the night's glow, a
    strip a little lighter than the wall (a flat wall's edge against the sky read as a
    board's)."""
    edge = sorted((p for plane in plan.planes if plane.tower == 0 and len(plane.outline) == 4
                   for p in plane.outline), key=lambda p: -p[0])[:2]
    width = max(2, round(ARRIS * image.get_height()))
    (x0, y0), (x1, y1) = sorted(edge, key=lambda p: p[1])
    strip = [(x0 - width, y0 - top), (x0, y0 - top), (x1, y1 - top), (x1 - width, y1 - top)]
    pygame.draw.polygon(image, ARRIS_LIGHT, strip)


def _set_in(surface: pygame.Surface, rect: pygame.Rect, light: float) -> None:
    """A near window's panel under it and its reveals (`light`: see wall_light)."""
    panels(surface, [(rect, light)])
    reveal(surface, rect, light)


NEAR_WINDOW = 100  # pixels tall: a window this big shows its frame, its glass, what hangs in it
DRESSINGS = 3  # curtains drawn aside, blinds part down, a bare room
FRAME_BAR = 28  # a near window's frame and mullion: its height over this (2 pixels at least)
FRAME = (26, 24, 32)  # the frame, dark against the wall
SILL = (92, 86, 104)  # the sill's top catches the city's glow
GLASS_TOP, GLASS_FOOT = (34, 36, 58), (12, 13, 20)  # dark glass: the sky's glow in its top
DARK_ROOM = (44, 42, 58)  # what little light the curtains or blind of a dark window catch
GLASS_ROWS = 3  # rows of pixels a step of the glass's fading
CURTAIN_SHARE = 0.3  # of a window's width, each curtain drawn to its side
CURTAIN_GLOW = 0.6  # a drawn curtain is this bright, of the room's light
CURTAIN_FOLDS = 3
FOLD_DARK = 0.35  # a fold's hollow is this much darker
FOLD_COLUMNS = 2  # pixels a step of a fold's shading
BLIND_DOWN = (0.35, 0.7)  # how far down the blind is pulled, the least and the most
SLAT, SLAT_GLOW, SLAT_LINE = 14, 0.72, 0.5  # slats in a full blind; their colours' brightness
ROOM_FLOOR, ROOM_FLOOR_GLOW = 0.65, 0.7  # a bare room: where its floor starts; how lit it is


def glancing(rect: pygame.Rect) -> bool:
    """Is this a near window seen so nearly edge on that it is left out (see GLANCING)?"""
    return near_window(rect) and rect.width < GLANCING * rect.height


def near_window(rect: pygame.Rect) -> bool:
    """Is this window big enough to show its frame and what is in it (the nearest tower's)?"""
    return rect.height >= NEAR_WINDOW


def paint_dark(surface: pygame.Surface, rect: pygame.Rect, dressing: float) -> None:
    """A near window unlit: dark glass with the sky's glow fading down it, the curtains or
    blind of `dressing` (see paint_lit) faint behind it, in its frame."""
    for top in range(rect.top, rect.bottom, GLASS_ROWS):
        color = mix(GLASS_TOP, GLASS_FOOT, (top - rect.top) / rect.height)
        surface.fill(color, (rect.x, top, rect.width, min(GLASS_ROWS, rect.bottom - top)))
    _dressed(surface, rect, DARK_ROOM, dressing)
    _frame(surface, rect)


def paint_lit(surface: pygame.Surface, rect: pygame.Rect, color: Color, dressing: float) -> None:
    """A near window lit, `dressing` (0 to 1) picking what hangs in it: curtains drawn aside,
    a blind part down, or none (a bare room, its floor darker); then its frame."""
    surface.fill(color, rect)
    if not _dressed(surface, rect, color, dressing):
        floor = round(rect.height * ROOM_FLOOR)
        surface.fill(scaled(color, ROOM_FLOOR_GLOW),
                     (rect.x, rect.y + floor, rect.width, rect.height - floor))
    _frame(surface, rect)


def _dressed(surface: pygame.Surface, rect: pygame.Rect, color: Color, dressing: float) -> bool:
    """The curtains or the blind `dressing` picks, in a room's light `color`; False for
    neither (a bare room)."""
    kind = int(dressing * DRESSINGS)
    if kind == 0:
        _curtains(surface, rect, color)
    elif kind == 1:
        _blind(surface, rect, color, dressing * DRESSINGS - kind)
    return kind < 2


def _curtains(surface: pygame.Surface, rect: pygame.Rect, color: Color) -> None:
    """Two curtains drawn to the window's sides, each hanging in soft folds."""
    wide = round(rect.width * CURTAIN_SHARE)
    for left in (rect.x, rect.right - wide):
        for x in range(0, wide, FOLD_COLUMNS):
            hollow = (1 - math.cos(2 * math.pi * CURTAIN_FOLDS * x / wide)) / 2
            surface.fill(scaled(color, CURTAIN_GLOW * (1 - FOLD_DARK * hollow)),
                         (left + x, rect.y, min(FOLD_COLUMNS, wide - x), rect.height))


def _blind(surface: pygame.Surface, rect: pygame.Rect, color: Color, down: float) -> None:
    """A slatted blind pulled `down` (0 to 1 of BLIND_DOWN's range) over the window's top."""
    share = BLIND_DOWN[0] + (BLIND_DOWN[1] - BLIND_DOWN[0]) * down
    pitch = max(2, rect.height // SLAT)
    bottom = rect.y + round(rect.height * share)
    surface.fill(scaled(color, SLAT_GLOW), (rect.x, rect.y, rect.width, bottom - rect.y))
    for top in range(rect.y + pitch - 1, bottom, pitch):
        surface.fill(scaled(color, SLAT_LINE), (rect.x, top, rect.width, 1))
    surface.fill(scaled(color, SLAT_LINE), (rect.x, bottom - 2, rect.width, 2))  # its rail


def frame_bar(rect: pygame.Rect) -> int:
    """How wide a near window's frame is (and its mullion, its sill), in pixels."""
    return max(2, rect.height // FRAME_BAR)


def _frame(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A near window's frame round it, its mullion down the middle, its sill along the foot."""
    bar = frame_bar(rect)
    pygame.draw.rect(surface, FRAME, rect, bar)
    surface.fill(FRAME, (rect.centerx - bar // 2, rect.y, bar, rect.height))
    surface.fill(SILL, (rect.x, rect.bottom - bar, rect.width, bar))
