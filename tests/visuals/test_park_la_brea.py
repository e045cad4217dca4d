"""Park La Brea, 04:35-04:50: Lucy and Ivan's embrace lives over the scene, the sirens wake
their neighbours a window at a time, and the towers behind read as X-plan, not boxes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.xplan import Layout, layout

ROOT = Path(__file__).resolve().parents[2]
FULL_HD = (1920, 1080)
DARK = 70  # a silhouette's pixels are darker than this in every channel (the room is lit)
HEADS = 0.2  # of the window's height: the band from his crown down that holds both heads
GAP = 3  # lit columns between two dark runs: they are apart
CHANGED = 150  # pixels of the couple's silhouette that differ: a visitor sees them move
WARM = 10  # a lit window's middle is this much redder than blue (dark glass is bluish)
WOKEN = 4  # at least this many more of the nearest tower's windows are lit by the end
FACES = 1.5  # a wing facing the city's glow is at least this much brighter than one turned
STAIR = 150  # a stair window's brightness (0-255): lit
STAIRS = 6  # at least this many of them seen lit (the rest hidden in a corner)


@cache
def show() -> tuple[Timeline, Layout]:
    """The show's timeline and its Park La Brea towers laid out at full HD."""
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    scene = next(s for s in line.scenes if s.name == "Park La Brea")
    p = next(spec.params for spec in scene.layers if spec.type == "skyline")
    return line, layout(FULL_HD, p["ground"], p["height"], p["home"])


@cache
def frame(at: str) -> np.ndarray:
    """The show's frame at story time `at` (real seconds = story seconds: no pace)."""
    headless()
    line, _ = show()
    surface = pygame.Surface(FULL_HD)
    Compositor(line, FULL_HD, lambda _message: None).draw(surface,
                                                          state_at(line, parse_clock(at)))
    return pygame.surfarray.array3d(surface).astype(int)


def couple(at: str) -> np.ndarray:
    """Where Lucy and Ivan's silhouettes are in their window (True: dark)."""
    home = show()[1].home
    assert home is not None
    return np.asarray(frame(at)[home.left:home.right, home.top:home.bottom].max(axis=2) < DARK)


def heads(at: str) -> int:
    """How many dark runs the band of their heads holds, left to right (1: heads together)."""
    dark = couple(at)
    crown = int(np.flatnonzero(dark.any(axis=0)).min())
    cols = np.flatnonzero(dark[:, crown:crown + round(dark.shape[1] * HEADS)].any(axis=1))
    return 1 + int((np.diff(cols) > GAP).sum())


def test_lucy_and_ivan_part_to_look_at_each_other_and_come_back() -> None:
    """Held close, heads together, as the scene begins; apart at arm's length, a gap of the
    room's light between their heads, in its middle; back in each other's arms near its end."""
    assert heads("04:36") == 1
    assert heads("04:44") == 2
    assert heads("04:49") == 1


def test_their_embrace_is_never_the_same_a_few_seconds_on() -> None:
    """Their pose moves between 04:36 and 04:40, and 9 s after 04:47 (the old rocking's whole
    cycle) it is not where it was: no short loop."""
    for first, then in (("04:36", "04:40"), ("04:47:00", "04:47:09")):
        assert (couple(first) != couple(then)).sum() > CHANGED, (first, then)


def near_windows() -> dict[int, pygame.Rect]:
    """The windows of the nearest tower whole in the picture, but theirs."""
    _, plan = show()
    screen = pygame.Rect((0, 0), FULL_HD)
    return {n: w.rect for n, w in enumerate(plan.windows)
            if w.tower == 0 and w.rect != plan.home and screen.contains(w.rect)}


def lit_near(at: str) -> set[int]:
    """Those of `near_windows` lit at `at`."""
    picture = frame(at)
    out = set()
    for n, rect in near_windows().items():
        middle = pygame.Rect(0, 0, rect.width // 3, rect.height // 3)
        middle.center = rect.center
        r, _, b = picture[middle.left:middle.right, middle.top:middle.bottom].mean(axis=(0, 1))
        if r - b > WARM:
            out.add(n)
    return out


def test_the_sirens_wake_their_neighbours_one_window_at_a_time() -> None:
    """Most of the nearest tower is dark as the scene begins; windows dark at 04:36 are lit at
    04:48, when most of it is awake."""
    early, late = lit_near("04:36"), lit_near("04:48")
    windows = len(near_windows())
    assert len(early) <= windows // 3 < 2 * windows // 3 <= len(late), (early, late)
    assert len(late - early) >= WOKEN, (early, late)


def seen_face(plan: Layout, tower: int, lit: bool) -> np.ndarray:
    """The pixels of the tower's widest wall facing the glow (`lit`) or turned from it, that no
    nearer wall and none of its windows cover."""
    walls = [(n, p) for n, p in enumerate(plan.planes) if p.tower == tower and not p.slab
             and len(p.outline) == 4 and (p.tone > 0.5) == lit]
    n, face = max(walls, key=lambda np_: abs(np_[1].outline[1][0] - np_[1].outline[0][0]))
    mask = pygame.Surface(FULL_HD)
    pygame.draw.polygon(mask, (255, 255, 255), face.outline)
    for nearer in plan.planes[n + 1:]:
        if nearer.tower != tower:
            pygame.draw.polygon(mask, (0, 0, 0), nearer.outline)
    for w in plan.windows:
        mask.fill((0, 0, 0), w.rect.inflate(2, 2))
    for rect in face.stairs:
        mask.fill((0, 0, 0), rect.inflate(2, 2))
    return np.asarray(pygame.surfarray.array2d(mask) != 0)


def test_a_far_tower_shows_its_x_a_wing_in_the_glow_a_wing_in_shadow_stairs_lit() -> None:
    """The nearest tower behind theirs: the wall of one wing facing the city's glow is much
    brighter than the wall of another turned from it, and the stair's windows in an inside
    corner are lit, one over another."""
    _, plan = show()
    picture = frame("04:40").mean(axis=2)
    glow, shade = (picture[seen_face(plan, 1, lit)].mean() for lit in (True, False))
    assert glow > FACES * shade, (glow, shade)
    stairs = [rect for p in plan.planes if p.tower == 1 for rect in p.stairs
              if pygame.Rect((0, 0), FULL_HD).contains(rect) and rect.width >= 2]
    assert sum(picture[r.left:r.right, r.top:r.bottom].mean() > STAIR for r in stairs) >= STAIRS
