"""The shipped boulevard as a 1930s shopping street: its two sides different (not one wall
mirrored), its shop signs lettered, the May Company's banded box standing under its drum at
dusk; the scenes that draw the store burnt still build."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.maycompany import MayCompany
from installation.visuals.maycompany_surfaces import BOX_LONG, BOX_TALL, DRUM_HALF
from installation.visuals.render import headless
from installation.visuals.storefronts import BAY, PIER, SIGN_HIGH, SIGN_LOW
from installation.visuals.street import WALK, Street

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (960, 540)
FULL = (1920, 1080)  # the signs are looked at full size
DUSK = "17:30"
SIGNS_LIT = "19:30"  # the signs are looked at lit, late in the dusk
BAND = (0.45, 0.62)  # of the height: the band of the walls compared side to side
UNLIKE = 52  # the mean difference of a side and the other flipped (sum of channels), at least
STROKES = 0.15  # of a sign's inner pixels, at least this share are edges across its rows
EDGE = 40  # a step this much brighter or darker (sum of channels) is a stroke's edge
BOX_SHOWS = 0.7  # of the box's front points, at least this share show the store itself
MATCH = 90  # ...within this much (sum of channels) of the store drawn alone (grain, glow)
NEAR_SIGNS = 9.0  # signs nearer than this are looked at
MARQUEE_AT, MARQUEE_OUT = 2.1, 0.42  # world units: where the marquee stands, how far out
MARQUEE_TEXT = (0.33, 0.45)  # ...and the height its letters run in
MARQUEE_STROKES = 0.1  # of its face, at least this share are edges across its columns
BURNT = ("04:30", "04:50", "05:16", "05:31")  # Panic, Searchlights, the Flash, Ash


def scene_layer(at: str, kind: str, size: tuple[int, int] = SIZE
                ) -> tuple[Compositor, Frame, dict[str, object], object]:
    """The shipped scene at story time `at` at `size`: a compositor, the frame, and its layer
    `kind`'s params and setup."""
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, size, print)
    moment = parse_clock(at)
    state = state_at(line, moment)
    scene = state.scene
    index = next(i for i, spec in enumerate(scene.layers) if spec.type == kind)
    return (compositor, Frame(moment, 0.0, state), dict(scene.layers[index].params),
            compositor.setup(scene, index, kind))


def dusk_street(size: tuple[int, int] = SIZE, at: str = DUSK) -> tuple[Street, np.ndarray]:
    """The shipped dusk street at `size` and its still picture at `at` over black, as
    (x, y, rgb)."""
    _compositor, frame, params, setup = scene_layer(at, "street", size)
    built = Street(params, setup)  # type: ignore[arg-type]
    surface = pygame.Surface(size)
    surface.fill((0, 0, 0))
    built.draw_still(surface, frame)
    return built, pygame.surfarray.array3d(surface).astype(int)


def test_the_two_sides_of_the_boulevard_are_not_one_wall_mirrored() -> None:
    """A band across the walls, the left half against the right half flipped, differs
    clearly: buildings of other heights, materials and signs face each other (the grey slabs
    on both sides differed by about 39)."""
    _built, pixels = dusk_street()
    rows = slice(int(SIZE[1] * BAND[0]), int(SIZE[1] * BAND[1]))
    half = SIZE[0] // 2
    left, right = pixels[:half, rows], pixels[SIZE[0] - half:, rows][::-1]
    unlike = np.abs(left - right).sum(axis=2).mean()
    assert unlike > UNLIKE, f"one side nearly the other's mirror: {unlike:.1f}"


def test_a_near_shop_sign_carries_letters() -> None:
    """The lit board over a near shop window has letter strokes: edges up and down inside it
    (lettering's bars and bowls), not only the ends of coloured dashes."""
    built, pixels = dusk_street(FULL, SIGNS_LIT)
    width = FULL[0]
    found = []
    for side, z0, z1, _up, _seed in built.blocks:
        if z0 > NEAR_SIGNS:
            continue
        count = max(1, round((z1 - z0) / BAY))
        bay = (z1 - z0) / count
        for n in range(count):
            za, zb = z0 + n * bay + PIER, z0 + (n + 1) * bay - PIER
            (xa, ya), (xb, yb) = (built.project(side * WALK, z, (SIGN_LOW + SIGN_HIGH) / 2)
                                  for z in (za, zb))
            tall = abs(built.project(side * WALK, za, SIGN_HIGH)[1] - ya)
            columns = range(max(0, min(xa, xb) + 2), min(width, max(xa, xb) - 2))
            if tall < 6 or len(columns) < tall:
                continue
            edges = 0
            for x in columns:
                t = (x - xa) / (xb - xa)
                y = round(ya + (yb - ya) * t)
                strip = pixels[x, y - tall // 2:y + tall // 2].sum(axis=1)
                edges += int((np.abs(np.diff(strip)) > EDGE).sum())
            found.append(edges / max(1, len(columns) * tall))
    assert found, "near signs in the picture"
    assert max(found) > STROKES, f"no letters on the signs: {max(found):.3f}"


def test_the_may_companys_banded_box_stands_under_its_drum_at_dusk() -> None:
    """At dusk the cream box with its bands shows left of the gold drum in the whole picture,
    as the store draws it, not hidden behind the boulevard's walls."""
    compositor, frame, params, setup = scene_layer(DUSK, "maycompany")
    store = MayCompany(params, setup)  # type: ignore[arg-type]
    alone = pygame.Surface(SIZE)
    alone.fill((0, 0, 0))
    store.draw(alone, frame)
    whole = pygame.Surface(SIZE)
    compositor.draw(whole, frame.state)
    alone_px = pygame.surfarray.array3d(alone).astype(int)
    whole_px = pygame.surfarray.array3d(whole).astype(int)
    unit = store.unit
    points = [(round(store.cx - (DRUM_HALF + BOX_LONG * along) * unit),
               round(store.ground - BOX_TALL * unit * up))
              for along in (0.05, 0.1, 0.15, 0.2, 0.25) for up in (0.55, 0.65, 0.75, 0.85)]
    shown = [abs(alone_px[x, y] - whole_px[x, y]).sum() < MATCH and alone_px[x, y].sum() > 60
             for x, y in points]
    assert np.mean(shown) >= BOX_SHOWS, f"the box shows at {np.mean(shown):.2f} of its points"


def test_the_scenes_with_the_burnt_store_still_build() -> None:
    """Panic, the searchlights, the flash and ash draw without a layer failing."""
    headless()
    line = load_timeline(SHIPPED)
    warnings: list[str] = []
    compositor = Compositor(line, (480, 270), warnings.append)
    surface = pygame.Surface((480, 270))
    for at in BURNT:
        compositor.draw(surface, state_at(line, parse_clock(at)))
    assert not [w for w in warnings if "failed" in w], warnings


def test_a_cinema_marquee_near_the_viewer_carries_its_show_in_letters() -> None:
    """On the left near the crossing the cinema's marquee faces the viewer over the sidewalk,
    lit at night, with letters across its face (edges up and down inside it)."""
    _compositor, frame, params, setup = scene_layer("19:40", "street", FULL)
    built = Street(params, setup)  # type: ignore[arg-type]
    surface = pygame.Surface(FULL)
    surface.fill((0, 0, 0))
    built.draw_still(surface, frame)
    pixels = pygame.surfarray.array3d(surface).astype(int)
    (x0, top), (x1, foot) = (built.project(-WALK + out, MARQUEE_AT, up)
                             for out, up in ((MARQUEE_OUT * 0.2, MARQUEE_TEXT[1]),
                                             (MARQUEE_OUT * 0.8, MARQUEE_TEXT[0])))
    face = pixels[x0:x1, top:foot].sum(axis=2)
    edges = float((np.abs(np.diff(face, axis=1)) > EDGE).mean())
    assert face.size and edges > MARQUEE_STROKES, f"no letters on the marquee: {edges:.3f}"


def test_the_marquees_side_is_trimmed_at_its_foot_as_at_its_top() -> None:
    """Along the marquee's side (receding down the street) the lit strip runs at its foot as
    at its top: with the top's alone, its dark board ran ~85 px past the face's cream trim."""
    from installation.visuals.cinema import EDGE as STRIP
    from installation.visuals.cinema import HIGH, LOW, OUT

    _compositor, frame, params, setup = scene_layer("19:40", "street", FULL)
    built = Street(params, setup)  # type: ignore[arg-type]
    surface = pygame.Surface(FULL)
    surface.fill((0, 0, 0))
    built.draw_still(surface, frame)
    pixels = pygame.surfarray.array3d(surface).astype(int).sum(axis=2)

    def strip(up: float) -> float:
        points = (built.project(-WALK + OUT, MARQUEE_AT + OUT * k / 10, up) for k in range(3, 8))
        return float(np.mean([pixels[x, y] for x, y in points]))

    top, foot = strip(HIGH - STRIP / 2), strip(LOW + STRIP / 2)
    assert top > 400, f"the top strip is lit ({top:.0f})"
    assert foot > 0.7 * top, f"the foot's strip {foot:.0f} against the top's {top:.0f}"
