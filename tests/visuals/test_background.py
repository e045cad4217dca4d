"""The still back of a scene is composited once and repainted only where something changed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.background import SPARES_KEPT, Spares, merged
from installation.visuals.base import Frame
from installation.visuals.clouds import STEP, STEPS, STRIPS, Clouds
from installation.visuals.compositor import Compositor
from installation.visuals.fills import COPY_ALIGN, aligned
from installation.visuals.particles import Particles
from installation.visuals.render import headless
from installation.visuals.scene_layers import defaults
from installation.visuals.silhouette import Silhouette
from installation.visuals.skyline import WINDOW_BUCKET, Skyline
from installation.visuals.street import Street
from installation.visuals.street_mirror import MIRROR_DETAIL

from .helpers import (
    NO_POST,
    SIZE,
    compositor_finding,
    layer,
    one_frame,
    one_scene,
    shared_made,
)

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
FPS = 60
HALF = (960, 540)  # the sinking mammoth's changed area is looked at this size


def test_a_still_layer_is_drawn_once_and_an_animated_one_every_frame(
        monkeypatch: pytest.MonkeyPatch) -> None:
    headless()
    drawn: Counter[str] = Counter()
    for kind in (Silhouette, Particles):
        original = kind.draw

        def counting(self: object, surface: pygame.Surface, frame: Frame,
                     original: object = original, name: str = kind.__name__) -> None:
            drawn[name] += 1
            original(self, surface, frame)  # type: ignore[operator]

        monkeypatch.setattr(kind, "draw", counting)
    line = one_scene(layer("sky", clouds=0, stars=0, sun=False)
                     + layer("silhouette", shape="mammoth") + layer("particles") + NO_POST)
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    start = parse_clock("12:00:10")
    for n in range(30):
        compositor.draw(surface, state_at(line, start + n / FPS))
    assert drawn["Particles"] == 30
    assert drawn["Silhouette"] == 1


@pytest.mark.parametrize(("name", "offset"), [("The payphone rings", 1.0),
                                              ("Neon on Wilshire", 20.0),
                                              ("Neon on Wilshire", 239.0),  # windows switch
                                              ("La Brea Tar Pits", 40.0),
                                              ("La Brea Tar Pits", 0.5),  # fading in
                                              ("Harry meets Julie", 0.5),  # the tar pits going
                                              ("Dusk on the Miracle Mile", 30.0),
                                              ("Across Wilshire at first light", 60.0),
                                              ("Johnie's at night", 5.0),
                                              ("Park La Brea", -0.5)])
def test_three_seconds_drawn_in_a_row_are_the_frames_drawn_alone(name: str,
                                                                 offset: float) -> None:
    """Beacons blink, a phone rings, stars twinkle, clouds drift (and the wet street mirrors
    them), cars pass over a kept street, signs flicker over a kept diner, a crossfade lends
    the arriving sky to the scene being left: the background is repainted where it changed,
    and every frame is the frame a fresh compositor draws."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == name)
    running = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    for n in range(3 * FPS):
        state = state_at(line, scene.at + offset + n / FPS)
        running.draw(surface, state)
        if n % 15 == 14:  # (a fresh compositor finding the pictures made: see assert_as_fresh)
            fresh = one_frame(line, SIZE, state, shared_made())
            assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB"), (
                f"frame {n}")


def test_a_drift_step_moves_one_strip_of_the_clouds() -> None:
    """The band drifts a strip at a time: each step repaints (part of) one strip, and after STRIPS
    steps every strip has moved STEP pixels (the clouds keep one speed, no part runs ahead)."""
    clouds = Clouds((320, 180), 0.6, 0.7, np.random.default_rng(3))
    strips = clouds.strips()
    assert len(strips) == STRIPS
    assert sum(rect.height for rect in strips) == clouds.rows[1] - clouds.rows[0]
    moved: Counter[int] = Counter()
    for drift in range(100, 100 + STRIPS):
        white = ((255, 255, 255),) * STRIPS
        changed = clouds.changed((white, drift, STEPS), (white, drift + 1, STEPS))
        # (only the strip's columns where the cloud changes: within one strip's rows)
        within = {n for n, strip in enumerate(strips) for area in changed
                  if strip.contains(area)}
        assert len(within) == 1 and all(any(s.contains(a) for s in strips) for a in changed)
        moved[within.pop()] += 1
    assert moved == Counter(range(STRIPS))
    assert all(clouds.shift(100 + STRIPS, n) == clouds.shift(100, n) + STEP for n in range(STRIPS))


def test_the_wet_road_repaints_only_the_rows_that_mirror_a_change() -> None:
    """Clouds drifting just above the towers change the reflection near the horizon only."""
    headless()
    line = load_timeline(SHIPPED)
    setup = Compositor(line, (1920, 1080), print).setup(line.scenes[0], -1, "street")
    street = Street(defaults("street", wet=True, horizon=0.56), setup)
    horizon = street.horizon
    near = street.changed_below([pygame.Rect(0, horizon - 40, 1920, 20)])
    assert len(near) == 1 and horizon <= near[0].top < horizon + 40
    assert near[0].height < 60, "20 rows reach 2 or 3 smeared rows, and one either side"
    moon = street.changed_below([pygame.Rect(1300, horizon - 300, 100, 46)])
    # (mirrored far below the horizon, the moon is streaked: drawn out down the road and
    # softened across, so its reflection reaches that much farther)
    across = 2 * street.mirror.streak.reach * street.mirror.blocks_at[0][0]
    down = street.mirror.streak.down * MIRROR_DETAIL[1]
    assert moon[0].width < 160 + across and moon[0].height < 80 + down, \
        "a small area, a small reflection"
    assert street.changed_below([pygame.Rect(0, 0, 1920, 10)]) == []  # above what it mirrors


def test_many_changed_areas_are_joined_nearest_first_not_into_one_box() -> None:
    """A star in the sky, the moon drawn twice and two bands of the road: the moon's two
    boxes and the touching bands join; the star stays small (one box round all would
    repaint most of the picture)."""
    moon = pygame.Rect(1100, 115, 258, 258)
    areas = [pygame.Rect(300, 40, 4, 4), moon, moon.move(1, 0), pygame.Rect(0, 800, 1920, 100),
             pygame.Rect(0, 880, 1920, 180)]
    boxes = merged(areas, 6)
    assert sorted(map(tuple, boxes)) == [(0, 800, 1920, 260), (300, 40, 4, 4),
                                         (1100, 115, 259, 258)]
    assert len(merged(areas, 2)) == 2
    assert all(any(box.contains(area) for box in merged(areas, 2)) for area in areas)


def test_windows_switching_repaint_the_towers_not_the_sky() -> None:
    """Every WINDOW_BUCKET story seconds other windows are lit: the skyline's rows change,
    not the sky above them nor the ground below."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == "Neon on Wilshire")
    compositor = Compositor(line, SIZE, print)
    setup = compositor.setup(scene, 0, "skyline")
    skyline = Skyline(defaults("skyline"), setup)
    boundary = (scene.at // WINDOW_BUCKET + 1) * WINDOW_BUCKET
    before, after = (skyline.look(Frame(boundary + d, 1.0, state_at(line, boundary + d)))
                     for d in (-0.5, 0.5))
    assert before[0] != after[0]
    areas = skyline.changed(before, after)
    assert areas is not None
    assert areas[0] == pygame.Rect(0, skyline.top, SIZE[0], skyline.ground - skyline.top)
    assert all(area.top >= skyline.top - skyline.beacon.get_height() for area in areas)


def test_a_sinking_mammoth_repaints_from_her_top_down_and_the_picture_stays_the_same() -> None:
    """Going under a pixel at a time (the Dream), she repaints from where her back is down
    to the tar's lip round her: not the sky above her, nor far past her sides; the kept
    picture, brought on a minute at a time, is the one a fresh compositor draws."""
    headless()
    line = one_scene(layer("sky", stars=0, sun=False) + layer(
        "silhouette", shape="mammoth", x=0.52, y=0.86, scale=2.2, flip=True, sink=0.05,
        sinking=0.22, color="#161d40") + layer("tarpit", y=0.8, reflect=0.3) + NO_POST)
    running = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    start = parse_clock("12:40")
    for n in range(12):
        state = state_at(line, start + n * 60.0)
        running.draw(surface, state)
        fresh = one_frame(line, SIZE, state, shared_made())
        assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB")
    # (her area at half size reads as at full: its top her back's row, its width her image's;
    # set up at 1920x1080 she took 1.8 CPU s, at half size 0.65)
    setup = compositor_finding(line, HALF, shared_made(), print).setup(
        line.scenes[0], 1, "silhouette")
    mammoth = Silhouette(line.scenes[0].layers[1].params, setup)
    deep = mammoth.sunk(Frame(start, 0.0, state))
    area = mammoth.changed((False, deep, 0, 0, None), (False, deep + 1, 0, 0, None))[0]
    assert area.top == mammoth.feet[1] + deep, "nothing above her back"
    assert area.width < mammoth.image.get_width() * 1.1


def test_a_spare_surface_is_handed_out_as_a_new_one_would_be() -> None:
    """A background made on a surface a gone scene gave back starts black and without the
    colour key a depth plane had set on it; no more than SPARES_KEPT are kept."""
    spares = Spares()
    used = pygame.Surface(SIZE)
    used.fill((1, 2, 3))
    used.set_colorkey((1, 2, 3))
    given = [used, used, *(pygame.Surface(SIZE) for _ in range(SPARES_KEPT))]
    spares.give(given)
    again = spares.surface(SIZE)
    assert again is used
    assert again.get_colorkey() is None
    assert pygame.image.tobytes(again, "RGBX") == pygame.image.tobytes(
        pygame.Surface(SIZE), "RGBX")
    kept = [spares.surface(SIZE) for _ in range(SPARES_KEPT)]
    assert len({id(surface) for surface in kept}) == SPARES_KEPT
    assert all(kept[-1] is not surface for surface in given)  # one given twice is kept once


@pytest.mark.parametrize("left", [0, 4, 13, 16, 37])
def test_an_area_painted_again_starts_at_a_column_opaque_copies_take_quickly(left: int) -> None:
    area = pygame.Rect(left, 5, 100, 7)
    padded = aligned(area)
    assert padded.left % COPY_ALIGN == 0 and padded.contains(area)
    assert padded.left > left - COPY_ALIGN
    assert (padded.top, padded.bottom, padded.right) == (area.top, area.bottom, area.right)
