"""Lucy and Ivan at Park La Brea (04:35-04:50), their layer drawn alone at full HD at the show's
real pace: two heads apart, arms round each other's backs (no hand past a back), and a slow
arc in which something of them moves in every 10 real seconds."""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.old_couple import ARC, HEAD_R, SWAY_PERIOD, bodies, hands_at
from installation.visuals.old_embrace import figures_layer
from installation.visuals.render import headless
from installation.visuals.xplan import layout

from .test_crowd_places import after, shipped_pace

ROOT = Path(__file__).resolve().parents[2]
FULL_HD = (1920, 1080)
SCENE = "Park La Brea"
REAL = shipped_pace().real_between(parse_clock("04:35"), parse_clock("04:50"))  # the scene's
#      real seconds in the show at the default hour-long day (3 min 22 s)
DARK = 70  # a silhouette's pixels are darker than this in every channel (the room is lit)
WINDOW = 10.0  # real seconds in which a visitor must see them move
MOVED = 0.03  # of the pixels of their box that change in any such 10 s
TALL = 190  # pixels: at least this tall, from his crown to the floor (main: 180)
APART = 0.12  # of his height: the lit gap between their bodies as the scene opens
GREY = (128, 128, 128)
INSIDE = 10  # their window's frame is less than a tenth of it in from its edges
BODIES = (0.2, 0.97, 0.5, 0.94)  # of the room inside it: across their bodies, below their
# arms, to the floor (clear of the lamp's table and the picture on the wall): x from, to; y
# from, to
SHARES = [k / 200 for k in range(201)]


@cache
def layer() -> tuple[Figures, Compositor, Timeline]:
    """Their figures layer as the show makes it, the show's compositor and timeline."""
    headless()
    line = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    n, scene = next((n, s) for n, s in enumerate(line.scenes) if s.name == SCENE)
    index = next(i for i, spec in enumerate(scene.layers)
                 if spec.type == "figures" and spec.params["body"] == "elders")
    compositor = Compositor(line, FULL_HD, lambda _message: None)
    setup = compositor.setup(scene, n + 1, "figures")
    return figures_layer(scene.layers[index].params, setup), compositor, line


@cache
def room() -> pygame.Rect:
    """Inside their window's frame: the nearest tower's window the skyline puts them in."""
    line = layer()[2]
    scene = next(s for s in line.scenes if s.name == SCENE)
    p = next(spec.params for spec in scene.layers if spec.type == "skyline")
    home = layout(FULL_HD, p["ground"], p["height"], p["home"]).home
    assert home is not None
    return home.inflate(-home.width // INSIDE, -home.height // INSIDE)


@cache
def dark(real: float) -> np.ndarray:
    """Where they are dark in their lit window, `real` seconds into the scene (the story time
    that far into it at the show's pace)."""
    figures, compositor, line = layer()
    state = state_at(line, after("04:35", real))
    surface = pygame.Surface(FULL_HD)
    surface.fill(GREY)  # (only they, and their window's frame, are dark)
    figures.draw(surface, Frame(state.story_time, real, state, compositor.camera))
    box = surface.subsurface(room())
    return np.asarray(pygame.surfarray.array3d(box).max(axis=2) < DARK)


def test_something_of_them_moves_in_every_ten_real_seconds() -> None:
    """Over the whole scene, within every 10 real seconds more than 3% of their silhouette
    changes (main's near-still embrace changed less in most such spans)."""
    for start in range(0, round(REAL - WINDOW), 5):
        before = dark(float(start))
        changed = max((before != dark(start + k * WINDOW / 4)).sum() for k in range(1, 5))
        assert changed > MOVED * before.sum(), start


def test_they_stand_tall_in_their_window() -> None:
    """From his crown to their feet they are at least TALL pixels (main: ~185)."""
    rows = np.flatnonzero(dark(100.0).any(axis=0))
    assert rows.max() - rows.min() >= TALL


def test_they_begin_apart_and_come_together() -> None:
    """As the scene opens a column of the room's light runs between them, from below their
    arms down to the floor; a minute in (real), held, none does."""
    def lit_between(mask: np.ndarray) -> int:
        (width, height), (left, right, top, foot) = mask.shape, BODIES
        mask = mask[round(left * width):round(right * width),
                    round(top * height):round(foot * height)]
        cols = np.flatnonzero(mask.any(axis=1))
        inner = mask[cols.min():cols.max() + 1]
        return int((~inner.any(axis=1)).sum())

    rows = np.flatnonzero(dark(100.0).any(axis=0))
    assert lit_between(dark(2.0)) >= APART * (rows.max() - rows.min())
    assert lit_between(dark(70.0)) == 0


def test_their_heads_never_merge() -> None:
    """At every moment of their arc, swaying either way, his head and hers stay apart (at most
    touching): never one blob with two patches of grey."""
    for share in SHARES:
        for seconds in (0.0, SWAY_PERIOD / 4, 3 * SWAY_PERIOD / 4):
            ivan, lucy = bodies(share, seconds)
            gap = math.dist(ivan.head(), lucy.head())
            assert gap >= HEAD_R * (ivan.tall + lucy.tall) * 0.98, (share, seconds)


def test_no_hand_reaches_past_the_others_back() -> None:
    """Each near hand lies on the other's body: never beyond their back's line (a third arm,
    or a hand floating behind them)."""
    for share in SHARES:
        ivan, lucy = bodies(share, 0.0)
        his, hers = hands_at(share, ivan, lucy)
        for hand, other in ((his, lucy), (hers, ivan)):
            up = (hand[1] - other.hip()[1]) / (other.along(1.0)[1] - other.hip()[1])
            back = other.along(up, -0.1)[0]
            assert (hand[0] - back) * other.facing >= 0, (share, hand, back)


def test_the_arc_spans_the_scene() -> None:
    """Their arc begins as the scene does and ends as it ends."""
    assert ARC[0][0] == 0.0 and ARC[-1][0] == 1.0
