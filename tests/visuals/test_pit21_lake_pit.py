"""Harry meets Julie at the Lake Pit, in the sun: the pit broad with an uneven bank, the mother
as large in it as noon shows her, the couple's shadows from the sky's sun (lengthening as it
sinks) and the couple in colour, not holes cut in the picture."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import pygame
import pytest

from installation.core.program import Program
from installation.core.timeline import state_at
from installation.core.timeline.model import LayerSpec
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures, Member
from installation.visuals.palette import sun_position
from installation.visuals.render import headless

from .helpers import compositor_finding, placed, shared_made, shipped_program

SIZE = (960, 540)
SCENE, NOON = "Harry meets Julie", "La Brea Tar Pits"
TIMES = ("12:30", "14:45", "15:30", "16:30")
LUMA = np.array([0.3, 0.59, 0.11])
GREEN, LAWN_BLUE, LAWN = 8, 20, 80  # sunlit grass: green no less than red (less this), over
#                                    blue by this, and at least this bright
COUPLE = (0.4, 0.7)  # the couple and the calf stand before the bank between these, across
BROAD = 0.15  # the tar, from its far edge to the near bank, at least this much of the height
UNEVEN = 0.025  # the near bank's edge wanders over at least this much of the height
POST = 8  # columns: the lowest bank row in each run of these (a rail post hides the grass)
CHANGED = 12  # a pixel changed by at least this much (a channel) is the mother's
NOON_SHARE = 0.6  # her height at 15:30, at least this share of noon's
DARKER = 6  # a pixel darker by this much in the shadow's luminance is under a shadow
AT_FEET = 6  # dark pixels of a shadow beside each one's feet, at least
LONGER = 1.5  # the shadows at 16:30 reach at least this many times as far as at 14:45
FLOOR = 38  # the couple's median luminance at least (#121216 bodies: about 20)
SOLID = 250  # a sprite's pixel this opaque is of them


def _without_post(program: Program) -> Program:
    """The program without the film grain (it changes every frame)."""
    return _edited(program, lambda _scene, spec: None if spec.type == "post" else spec)


def _edited(program: Program,
            change: Callable[[str, LayerSpec], LayerSpec | None]) -> Program:
    """The program with each layer as `change` makes it (None: gone)."""
    line = program.timeline
    scenes = []
    for scene in line.scenes:
        layers = [change(scene.name, spec) for spec in scene.layers]
        scenes.append(dataclasses.replace(scene, layers=tuple(s for s in layers if s)))
    return dataclasses.replace(program, timeline=dataclasses.replace(line, scenes=tuple(scenes)))


def _plain(scene: str, spec: LayerSpec) -> LayerSpec | None:
    """No mother seen in the tar (there, unseen: every other layer's seed as it was), and
    nobody casting the sun's shadow."""
    if spec.type == "silhouette" and spec.params["shape"] == "mammoth":
        return dataclasses.replace(spec, params={**spec.params, "opacity": 0.0})
    if spec.type == "figures" and spec.params.get("sun_shadow"):
        return dataclasses.replace(spec, params={**spec.params, "sun_shadow": 0.0})
    return spec


def _drawn(program: Program) -> dict[str, np.ndarray]:
    """The pictures (x, y, rgb) at TIMES, drawn one after another as the show draws them."""
    headless()
    compositor = compositor_finding(program.timeline, SIZE, shared_made(),
                                    lambda _message: None, program.clock)
    return {at: _picture(compositor, program, at) for at in TIMES}


def _picture(compositor: Compositor, program: Program, at: str) -> np.ndarray:
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state_at(program.timeline, parse_clock(at), program.clock))
    return pygame.surfarray.array3d(surface).astype(float)


@pytest.fixture(scope="module")
def shipped() -> Program:
    return _without_post(shipped_program())


@pytest.fixture(scope="module")
def pictures(shipped: Program) -> dict[str, np.ndarray]:
    return _drawn(shipped)


@pytest.fixture(scope="module")
def plain(shipped: Program) -> dict[str, np.ndarray]:
    return _drawn(_edited(shipped, _plain))


def _lawn(rgb: np.ndarray) -> np.ndarray:
    """Where the picture is sunlit grass (x, y): the far berm's, the near bank's."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return (g >= r - GREEN) & (g > b + LAWN_BLUE) & (rgb @ LUMA > LAWN)


def _near_bank(lawn: np.ndarray, x: int, edge: int) -> int:
    """The near bank's first row of grass in column `x`, below the pit's far edge (`edge`)."""
    below = np.flatnonzero(lawn[x, edge + 2:])
    return edge + 2 + int(below[0]) if below.size else lawn.shape[1]


def _far_edge(shipped: Program) -> int:
    """The pit's far edge at 14:30 (its tarpit's `y`), in rows."""
    scene = next(s for s in shipped.timeline.scenes if s.name == SCENE)
    return round(next(s for s in scene.layers if s.type == "tarpit").params["y"] * SIZE[1])


def test_the_pit_is_broad_across_the_whole_width(shipped: Program,
                                                 pictures: dict[str, np.ndarray]) -> None:
    lawn, edge = _lawn(pictures["15:30"]), _far_edge(shipped)
    width, height = SIZE
    depths = [_near_bank(lawn, x, edge) - edge for x in range(4, width - 4, width // 24)]
    assert min(depths) >= BROAD * height, f"the tar's depth down the picture: {depths}"


def test_the_near_bank_is_uneven(shipped: Program, pictures: dict[str, np.ndarray]) -> None:
    lawn, edge = _lawn(pictures["15:30"]), _far_edge(shipped)
    width, height = SIZE
    banks = [_near_bank(lawn, x, edge) for x in range(width)
             if not COUPLE[0] * width <= x <= COUPLE[1] * width]
    lowest = [min(banks[x:x + POST]) for x in range(0, len(banks) - POST, POST)]
    assert max(lowest) - min(lowest) >= UNEVEN * height, \
        f"the bank's edge between rows {min(lowest)} and {max(lowest)}: a ruled line"


def _mother_height(shipped: Program, pictures: dict[str, np.ndarray],
                   plain: dict[str, np.ndarray], at: str, scene_name: str) -> int:
    """How tall (pixels) the mother shows over the tar at `at`: from her waterline up."""
    scene = next(s for s in shipped.timeline.scenes if s.name == scene_name)
    mother = next(s for s in scene.layers
                  if s.type == "silhouette" and s.params["shape"] == "mammoth")
    waterline = round(mother.params["y"] * SIZE[1])
    changed = np.abs(pictures[at] - plain[at]).max(axis=2) >= CHANGED
    rows = np.flatnonzero(changed[:, :waterline].any(axis=0))
    return waterline - int(rows[0]) if rows.size else 0


def test_the_mother_reads_as_large_as_at_noon(shipped: Program,
                                               pictures: dict[str, np.ndarray],
                                               plain: dict[str, np.ndarray]) -> None:
    noon = _mother_height(shipped, pictures, plain, "12:30", NOON)
    afternoon = _mother_height(shipped, pictures, plain, "15:30", SCENE)
    assert afternoon >= NOON_SHARE * noon, f"{afternoon} px high at 15:30, {noon} at noon"


def _couple(shipped: Program, at: str) -> list[tuple[Figures, Member]]:
    """Harry and Julie at `at` (their layers, as the show sets them up, and each member)."""
    headless()
    state = state_at(shipped.timeline, parse_clock(at), shipped.clock)
    compositor = Compositor(shipped.timeline, SIZE, lambda _message: None, shipped.clock)
    frame = Frame(state.story_time, state.scene_seconds, state)
    found = []
    for i, spec in enumerate(state.scene.layers):
        if spec.type == "figures" and spec.params["body"] in ("harry", "julie", "couple"):
            layer = Figures(spec.params, compositor.setup(state.scene, i, "figures"))
            found += [(layer, member) for member in layer.members(frame)]
    return found


def _shadow(pictures: dict[str, np.ndarray], plain: dict[str, np.ndarray],
            at: str) -> np.ndarray:
    """Where the couple's shadows darken the ground at `at` (x, y)."""
    return np.asarray(pictures[at] @ LUMA < plain[at] @ LUMA - DARKER)


@pytest.mark.parametrize("at", ["14:45", "16:30"])
def test_each_casts_a_shadow_away_from_the_sun(shipped: Program,
                                                pictures: dict[str, np.ndarray],
                                                plain: dict[str, np.ndarray], at: str) -> None:
    dark = _shadow(pictures, plain, at)
    sun = sun_position(parse_clock(at) / 3600)
    assert sun is not None
    couple = _couple(shipped, at)
    assert len(couple) == 2
    for layer, member in couple:
        x, y = round(member.feet[0]), round(member.feet[1])
        tall = layer.height * member.share
        away = -1 if sun[0] * SIZE[0] > x else 1
        side = slice(x, x + away * round(0.25 * tall), away) if away > 0 else \
            slice(x + away * round(0.25 * tall), x)
        beside = dark[side, y:y + round(0.1 * tall)]
        assert beside.sum() >= AT_FEET, f"no shadow beside the feet at {x}, {y} at {at}"


def test_the_shadows_lengthen_as_the_sun_sinks(shipped: Program,
                                               pictures: dict[str, np.ndarray],
                                               plain: dict[str, np.ndarray]) -> None:
    reach = {}
    for at in ("14:45", "16:30"):
        dark = _shadow(pictures, plain, at)
        feet = [member.feet for _, member in _couple(shipped, at)]
        xs, ys = np.nonzero(dark)
        low = ys >= min(y for _, y in feet) - 2  # (on the ground, not the mother's tar)
        nearest = np.min([np.hypot(xs[low] - fx, ys[low] - fy) for fx, fy in feet], axis=0)
        reach[at] = float(nearest.max(initial=0.0))  # (the farthest from the feet it falls)
    assert 0 < LONGER * reach["14:45"] <= reach["16:30"], reach


def test_the_couple_stand_in_colour_in_the_sun(shipped: Program,
                                               pictures: dict[str, np.ndarray]) -> None:
    luma = pictures["15:30"] @ LUMA
    seen = []
    for layer, member in _couple(shipped, "15:30"):
        sprite, (left, top) = placed(layer, member)
        solid = pygame.surfarray.array_alpha(sprite) >= SOLID
        xs, ys = np.nonzero(solid)
        seen += luma[xs + left, ys + top].tolist()
    assert np.median(seen) >= FLOOR, f"their median luminance {np.median(seen):.0f}"
