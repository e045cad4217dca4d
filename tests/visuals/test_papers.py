"""Papers blowing across Wilshire at first light (05:05 on, in the shipped day) read as paper:
pale sheets, lighter than the road they blow over (dark grey, they read as boxes or bricks
thrown through the air), thin, turning over (flat on, then edge on), of several sizes, carried
up by the wind and settling on the road."""

from __future__ import annotations

import dataclasses

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeline.model import LayerSpec
from installation.core.timeutil import forward, parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.papers import Sheet, draw_sheets, placed, sheets
from installation.visuals.racing import street_projection
from installation.visuals.render import headless

from .helpers import shipped_program as shipped
from .test_caption_places import scene_named

SIZE = (960, 540)
FULL = (1920, 1080)
NEAR = 120  # pixels round a sheet's middle: all of it
SCENE = "Across Wilshire at first light"
MOMENTS = (0.0, 2.5, 5.0, 7.5, 10.0)  # real seconds after 05:07
LIGHTER = 1.7  # the sheets' pixels are this many times as bright as the road, on average
OVER = 1.15  # and this many times as bright as whatever they pass over (a lit shopfront too)
THIN = 0.2  # edge on, a sheet shows less than this share of its length across
SIZES = 1.8  # the largest sheet at a depth is at least this many times the smallest


def _papers(spec: LayerSpec, count: int) -> LayerSpec:
    if spec.type != "panic" or spec.params["part"] == "near":
        return spec
    return dataclasses.replace(spec, params={**spec.params, "papers": count})


def test_the_papers_are_paler_than_the_road_they_blow_over() -> None:
    """The shipped 05:07, drawn with its papers and without: where the two differ (the
    sheets), the sheets are on average LIGHTER times as bright as the road and brighter than
    what they pass over, every few seconds; and there are sheets to be seen."""
    headless()
    program = shipped()
    line, pace = program.timeline, program.clock
    scene = scene_named(line, SCENE)
    bare = dataclasses.replace(line, scenes=tuple(
        dataclasses.replace(one, layers=tuple(_papers(s, 0) for s in one.layers))
        if one.name == SCENE else one for one in line.scenes))
    rate = forward(scene.at, scene.at + 600) / pace.real_between(scene.at, scene.at + 600)
    drawn = {id(line): Compositor(line, SIZE, lambda _m: None, pace),
             id(bare): Compositor(bare, SIZE, lambda _m: None, pace)}
    found = 0
    for seconds in MOMENTS:
        story = parse_clock("05:07") + seconds * rate
        pictures = []
        for one in (line, bare):
            surface = pygame.Surface(SIZE)
            drawn[id(one)].draw(surface, state_at(one, story, pace))
            pictures.append(pygame.surfarray.array3d(surface).astype(int).sum(axis=2))
        with_papers, without = pictures
        sheet = np.abs(with_papers - without) > 30
        if sheet.sum() < 20:
            continue
        found += 1
        width, height = SIZE
        road = without[width * 3 // 10:width * 7 // 10, height * 62 // 100:height * 80 // 100]
        ratio = with_papers[sheet].mean() / road.mean()
        assert ratio > LIGHTER, f"sheets {ratio:.2f} times the road's brightness at {seconds}"
        under = with_papers[sheet].mean() / without[sheet].mean()
        assert under > OVER, f"sheets {under:.2f} times what they pass over at {seconds}"
    assert found >= 3, f"sheets seen at {found} of {len(MOMENTS)} moments"


def _drawn(sheet: Sheet, seconds: float) -> np.ndarray:
    """Where one sheet shows, drawn alone on black at the shipped horizon, full size."""
    surface = pygame.Surface(FULL)
    project = street_projection(FULL, int(FULL[1] * 0.56))
    draw_sheets(surface, [sheet], seconds, project, FULL[0])
    at = placed(sheet, seconds)
    x, y = project(at.x, sheet.z, at.up)
    near = pygame.Rect(x - NEAR, y - NEAR, 2 * NEAR, 2 * NEAR).clip(surface.get_rect())
    if not near.width or not near.height:  # (blown off the picture)
        return np.zeros((1, 1), dtype=bool)
    return pygame.surfarray.array3d(surface.subsurface(near)).sum(axis=2) > 0


def test_a_sheet_turns_over_flat_on_then_edge_on_in_the_air_and_settles() -> None:
    """Followed through a hop, frame by frame (60 a second): in the air it is seen flat on
    (nearly as wide as long) and edge on (a thin line, THIN of its length across), its
    outline changing from frame to frame; then it lies on the road (no higher than its
    depth's road) for a while before the next gust."""
    headless()
    sheet = sheets(1, np.random.default_rng(3), 0.2)[0]
    sheet = dataclasses.replace(sheet, z=1.3, offset=0.0, tilt=0.0)
    thickness, lying = [], 0
    for n in range(int(sheet.hop * 60)):
        seconds = n / 60
        shown = _drawn(sheet, seconds)
        columns, rows = np.flatnonzero(shown.any(axis=1)), np.flatnonzero(shown.any(axis=0))
        if columns.size == 0:
            continue
        long = max(columns[-1] - columns[0], rows[-1] - rows[0]) + 1
        across = int(shown.sum()) / long  # its mean width across its long side
        at = placed(sheet, seconds)
        if at.up > 0:
            thickness.append(across / long)
        else:
            lying += 1
    assert min(thickness) < THIN, f"edge on, it shows {min(thickness):.2f} of its length"
    assert max(thickness) > 2.5 * min(thickness), "flat on, then edge on"
    assert lying >= 10, f"it lies on the road in {lying} frames of a hop"


def test_the_sheets_are_of_several_sizes_and_pale_colours() -> None:
    """A dozen sheets: the largest at least SIZES times the smallest, and every one pale."""
    found = sheets(12, np.random.default_rng(1988), 0.2)
    sizes = [one.size for one in found]
    assert max(sizes) > SIZES * min(sizes), sizes
    assert all(min(one.paper) > 150 for one in found), [one.paper for one in found]
