"""The mother goes INTO the tar, not onto a raft: where the tar meets her it is the pit's own
tar (no brown strip of its own), along a soft edge; her rings are soft swells centred where she
goes under; what the tar keeps at 08:00 sinks before the light wipe, never vanishing in it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.bones import Bones
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless, snapshot
from installation.visuals.silhouette import Silhouette
from installation.visuals.tar_rings import Rings

from .test_mire import BIG

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
MORNING, DEEP_TIME = "The sun comes back to the tar pits", "The tar keeps everything"
NOON = "La Brea Tar Pits"
OWN_TAR = 25  # levels: the tar over her lowest rows is the tar beside her, within this
RING_SOFT = 16  # px: a ring of 150 darkens the tar over at least this many pixels (was 10) ...
RING_STEP = 8  # ... and no two pixels across it differ by more than this (was 14: a line)
RING_CENTRE = 12  # px: her rings spread from within this of her middle where she meets the tar


def layer_of(line: Timeline, scene_name: str, kind: str, size: tuple[int, int]) -> object:
    """A scene's first layer of this type (a silhouette: the mammoth), built at `size` as
    the compositor builds it."""
    headless()
    scene = next(scene for scene in line.scenes if scene.name == scene_name)
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == kind
                 and spec.params.get("shape", "mammoth") == "mammoth")
    setup = Compositor(line, size, print).setup(scene, index, kind)
    factory = Silhouette if kind == "silhouette" else Bones
    return factory(scene.layers[index].params, setup)


def picture(line: Timeline, at: str, size: tuple[int, int]) -> np.ndarray:
    """The shipped picture at a story time (columns x rows x 3)."""
    return pygame.surfarray.array3d(snapshot(line, parse_clock(at), size, None,
                                             lambda *_: None)).astype(int)


@pytest.mark.parametrize(("scene", "at"), [(MORNING, "10:37"), (NOON, "12:05")])
def test_where_the_tar_meets_her_it_is_the_pits_own_tar_not_a_brown_strip(scene: str,
                                                                         at: str) -> None:
    """At 10:37 (and at noon) she sat on a hard brown strip with a wavy top, the tar heaped
    round her in a black-brown of its own (19 levels against the hazy tar's 115): she read as
    riding a raft. Under her middle, the rows just above the surface line are the tar beside
    her."""
    line = load_timeline(SHIPPED)
    her = layer_of(line, scene, "silhouette", BIG)
    assert isinstance(her, Silhouette) and her.wading is not None
    frame = picture(line, at, BIG)
    state = state_at(line, parse_clock(at))
    sink = her.sinking.depth(Frame(state.story_time, 0.0, state))
    alpha = pygame.surfarray.array_alpha(her.image)[:, her._visible(sink) - 1]
    columns = np.flatnonzero(alpha > 100) + her.feet[0]
    middle = columns[len(columns) // 3:2 * len(columns) // 3]
    rows = slice(her.line - 2, her.line)  # under the tar's edge on her everywhere
    under = frame[middle, rows].reshape(-1, 3).mean(axis=0)
    beside = frame[columns[0] - 3 * her.wading.pad:columns[0] - her.wading.pad,
                   rows].reshape(-1, 3).mean(axis=0)
    assert np.abs(under - beside).max() < OWN_TAR, f"over her {under}, beside her {beside}"


def test_a_ring_is_a_soft_swell_not_a_contour_line() -> None:
    """Her rings and the bubbles' were thin hard ellipses (a trough 2-5 px across at any
    size): across its side, a ring of 150 px darkens the tar over a broad band, softly."""
    headless()
    flat = pygame.Surface((500, 200))
    flat.fill((120, 110, 100))
    Rings(150, 151).draw(flat, (250, 100), 150, 1.0)
    across = pygame.surfarray.array3d(flat)[:, 100, 0].astype(int)
    darkened = np.flatnonzero(across[:250] < 120 - 3)
    assert darkened.size >= RING_SOFT, f"{darkened.size} px darkened"
    steps = np.abs(np.diff(across[:250]))
    assert steps.max() <= RING_STEP, f"a step of {steps.max()} levels across it"


def test_her_rings_spread_from_where_she_goes_under() -> None:
    """At 10:37-10:39 her rings were centred about 100 px left of her body (where she had met
    the tar at the scene's start): at each depth they spread from her middle at the surface."""
    line = load_timeline(SHIPPED)
    her = layer_of(line, MORNING, "silhouette", (1920, 1080))
    assert isinstance(her, Silhouette) and her.ripples is not None
    for at in ("10:37", "10:38", "10:39"):
        state = state_at(line, parse_clock(at))
        visible = her._visible(her.sinking.depth(Frame(state.story_time, 0.0, state)))
        alpha = pygame.surfarray.array_alpha(her.image)[:, visible - 1]
        solid = np.flatnonzero(alpha > 100)
        middle = (solid[0] + solid[-1]) / 2
        centre = her._ring_middle(visible) if hasattr(her, "_ring_middle") else \
            her.ripples.middle
        assert abs(centre - middle) <= RING_CENTRE, f"{at}: rings at {centre}, her at {middle}"


def things_shown(layer: Bones, at: str, line: Timeline) -> int:
    """How many pixels of the city's things (and the bones) the layer draws at a time, over
    black, left of the middle (where the car lies)."""
    state = state_at(line, parse_clock(at))
    surface = pygame.Surface(BIG)
    layer.draw(surface, Frame(state.story_time, 0.0, state))
    return int((pygame.surfarray.array3d(surface)[:BIG[0] // 3].max(axis=2) > 30).sum())


def test_the_car_sinks_through_the_morning_and_is_gone_before_the_light_wipe() -> None:
    """The wreck floated whole in the tar to 10:32 and was gone by 10:40, never seen to sink:
    from 08:00 it goes down, less of it (and of the bones) showing each half hour, and nothing
    of it is left to vanish in the light wipe at 10:30."""
    line = load_timeline(SHIPPED)
    layer = layer_of(line, DEEP_TIME, "bones", BIG)
    assert isinstance(layer, Bones)
    shown = [things_shown(layer, at, line) for at in ("08:10", "09:00", "09:40", "10:05")]
    assert all(a > b for a, b in zip(shown, shown[1:], strict=False)), shown
    assert shown[-1] > 0, "still going down at 10:05"
    state = state_at(line, parse_clock("10:29"))  # (where the car lay, over the cut alone:
    surface = pygame.Surface(BIG)  # the bones stay till the light wipe takes them, bones21)
    layer.draw_still(surface, Frame(state.story_time, 0.0, state))
    still = pygame.Surface(BIG)
    still.blit(layer.image, (0, layer.top))
    car = [pygame.surfarray.array3d(picture.subsurface(layer.things[0].area(layer.top)))
           .astype(int) for picture in (surface, still)]
    assert int((np.abs(car[0] - car[1]).max(axis=2) > 30).sum()) == 0, "gone before the wipe"


BONES_OVER_TAR = 27  # levels: and over its median (sink22: 31; the strata alone, no bones, 21;
# its darkest is the vignette's corner, 37 levels under the brightest with no bones at all)
BONES_STAND_OUT = 40  # levels: 08:15's brightest in the tar's lowest fifth over its darkest
# (bones21: stained dark brown in bands of sand, the bones read lit along their tops and dark
# on the sand; it was the brightest over the median, 38, when they were tan)


def test_at_08_15_the_bones_read_in_the_dark_tar() -> None:
    """08:00 opened very dark, the bones at the picture's foot lost in the tar and the
    vignette (their brightest 1% 32 levels over the tar): paler, they stand out of it."""
    frame = picture(load_timeline(SHIPPED), "08:15", (960, 540)).max(axis=2)
    foot = frame[:, int(540 * 0.8):]
    rise = np.percentile(foot, 99) - np.percentile(foot, 1)
    assert rise >= BONES_STAND_OUT, f"{rise} levels"
    over = np.percentile(foot, 99) - np.median(foot)  # (off the tar, not the vignette's corner)
    assert over >= BONES_OVER_TAR, f"{over} levels over the tar"
