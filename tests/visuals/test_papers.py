"""Papers blowing across Wilshire at first light (05:05 on, in the shipped day) read as paper:
pale sheets, lighter than the road they blow over (dark grey, they read as boxes or bricks
thrown through the air), thin, turning over (flat on, then edge on), of several sizes, carried
up by the wind and settling on the road."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeline.model import LayerSpec
from installation.core.timeutil import forward, parse_clock
from installation.visuals import papers
from installation.visuals.cars import HALF_WIDTH
from installation.visuals.compositor import Compositor
from installation.visuals.papers import LENGTH, Sheet, draw_sheets, placed, sheets
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
NEAR_LONG = 30  # pixels: the nearest sheet is at least this long, at full size
INK_UNDER = 0.8  # printed pixels are darker than this share of the paper's
GUSTY = 2.5  # sheets in the air at the gust's height, against between gusts


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


def _shipped_count() -> int:
    """How many sheets the shipped 05:05 blows across Wilshire."""
    scene = scene_named(shipped().timeline, SCENE)
    (count,) = [spec.params["papers"] for spec in scene.layers
                if spec.type == "panic" and spec.params["part"] == "all"]
    return int(count)


def test_many_sheets_blow_far_and_near_the_nearest_large() -> None:
    """The shipped count is a street's worth, but few enough to read (30, small and grey,
    were too faint from across the room: see test_papers_read), a few near the eye (nearer
    than depth 1.3), drawn larger (a folded page, at least NEAR_LONG pixels long at full size:
    no larger, see test_papers_small), many further off."""
    count = _shipped_count()
    assert count >= 12, f"{count} sheets"
    found = sheets(count, np.random.default_rng(1988), 0.2)
    near = [one for one in found if one.z < 1.3]
    assert len(near) >= 3, f"{len(near)} sheets near"
    assert sum(one.z > 2.5 for one in found) >= count // 3, "most far off"
    longest = max(2 * LENGTH * one.size * FULL[0] * 0.5 / one.z for one in near)
    assert longest > NEAR_LONG, f"the nearest sheet {longest:.0f} pixels long"


def test_newsprint_shows_a_headline_and_a_flyer_a_printed_block() -> None:
    """A near newspaper sheet seen flat on shows a band darker than its paper (its headline)
    and a flyer a dark block on its colour: printed paper, not a blank white shape."""
    headless()
    found = sheets(40, np.random.default_rng(5), 0.2)
    for news in (True, False):
        sheet = next(one for one in found if one.news is news)
        sheet = dataclasses.replace(sheet, z=0.7, tilt=0.0, offset=0.0, size=1.5, start=-0.9)
        project = street_projection(FULL, int(FULL[1] * 0.56))
        seconds = 0.2  # in the air, till it is seen flat on, in the picture
        while abs(math.cos(placed(sheet, seconds).flip)) < 0.8 or not 200 < project(
                placed(sheet, seconds).x, sheet.z, 0.0)[0] < FULL[0] - 200:
            seconds += 1 / 60
        assert placed(sheet, seconds).up > 0
        surface = pygame.Surface(FULL)
        draw_sheets(surface, [sheet], seconds, project, FULL[0])
        levels = pygame.surfarray.array3d(surface).astype(int).sum(axis=2)
        shown = levels[levels > 0]
        paper = np.percentile(shown, 90)
        printed = ((shown > 0) & (shown < INK_UNDER * paper)).sum()
        assert printed > 40, f"{'news' if news else 'flyer'}: {printed} printed pixels"


def test_the_gusts_lift_many_sheets_at_once() -> None:
    """Over a gust's cycle, the number of the shipped sheets in the air swells and falls:
    at its most at least GUSTY times at its least (each on a rhythm of its own, about as
    many were always up: litter drifting, not a wind)."""
    found = sheets(_shipped_count(), np.random.default_rng(1988), 0.2)
    up = [sum(placed(one, n / 4).up > 0 for one in found) for n in range(4 * 12)]
    assert max(up) >= GUSTY * max(1, min(up)), f"sheets in the air: {up}"


def test_a_flyer_reads_as_printed_paper_no_larger_than_a_letter_sheet() -> None:
    """A near flyer seen flat on shows a title and lines of print across it (at 05:08:54 a
    pink flyer with one grey square on it read as a floppy disk or a Post-it, 150 pixels
    long); and no flyer is longer than a sheet of letter paper (28 cm) beside a car's width
    (1.8 m: the cars are 0.32 wide)."""
    headless()
    found = [one for seed in range(6) for one in sheets(40, np.random.default_rng(seed), 0.2)]
    flyers = [one for one in found if not one.news]
    letter = 2 * HALF_WIDTH * 0.28 / 1.8
    assert flyers and all(2 * LENGTH * one.size <= letter for one in flyers), \
        max(2 * LENGTH * one.size for one in flyers)
    sheet = dataclasses.replace(flyers[0], z=0.7, tilt=0.0, offset=0.0, start=-0.9)
    project = street_projection(FULL, int(FULL[1] * 0.56))
    seconds = 0.2  # in the air, till it is seen flat on, in the picture
    while abs(math.cos(placed(sheet, seconds).flip)) < 0.9 or not 200 < project(
            placed(sheet, seconds).x, sheet.z, 0.0)[0] < FULL[0] - 200:
        seconds += 1 / 60
    surface = pygame.Surface(FULL)
    draw_sheets(surface, [sheet], seconds, project, FULL[0])
    levels = pygame.surfarray.array3d(surface).astype(int).sum(axis=2)
    at = placed(sheet, seconds)
    x, y = project(at.x, sheet.z, at.up)
    row = levels[:, y]  # along the sheet (level: its long side across the picture)
    paper = np.percentile(row[row > 0], 90)
    ink = (row > 0) & (row < INK_UNDER * paper)
    runs = int((ink[1:] & ~ink[:-1]).sum())
    assert runs >= 5, f"{runs} printed marks along the flyer at {x}, {y}"


def test_a_sheet_blown_round_the_road_is_smeared_on_a_layer_no_larger_than_the_picture(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A near sheet blown round from one side of the road to the other moved thousands of
    pixels in a sixtieth of a second: its smear was laid on a layer reaching that far (~9,000
    pixels square, up to 0.2 s to make). The layer is cut to what its copies cover of the
    picture; the sheet itself is drawn where it is."""
    headless()
    sheet = sheets(1, np.random.default_rng(5), 1.0)[0]
    at = papers.Placed(0.0, 0.1, 0.3, 0.2)
    made: list[tuple[int, int]] = []
    real = pygame.Surface

    def surface(size: tuple[int, int], *args: Any) -> pygame.Surface:
        made.append((size[0], size[1]))
        return real(size, *args)
    picture = real(FULL)
    monkeypatch.setattr(papers.pygame, "Surface", surface)
    papers._smeared(picture, sheet, at, 60.0, (300.0, 500.0), (-4500.0, 3.0))
    assert made and all(w <= FULL[0] and h <= FULL[1] for w, h in made)
    assert picture.get_at((300, 500))[:3] != (0, 0, 0)


def test_a_smear_cut_to_the_picture_is_the_smear_laid_whole() -> None:
    """Cut at the picture's right and lower edges, a near sheet's smear lays the pixels it
    lays on a larger picture, to the byte."""
    headless()
    sheet = sheets(1, np.random.default_rng(5), 1.0)[0]
    at = papers.Placed(0.0, 0.1, 0.3, 0.2)
    small, large = pygame.Surface((400, 300)), pygame.Surface((700, 600))
    for picture in (small, large):
        picture.fill((40, 50, 70))
        papers._smeared(picture, sheet, at, 60.0, (380.0, 285.0), (30.0, 12.0))
    assert pygame.image.tobytes(small, "RGB") == pygame.image.tobytes(
        large.subsurface((0, 0, 400, 300)), "RGB")
