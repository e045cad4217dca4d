"""After the flash: the fires light the undersides of their smoke and burn inside a few towers,
the plumes' edges climb without steps, and the flash's and the ash's smoke is made once."""

from __future__ import annotations

import gc
from collections.abc import Generator

import numpy as np
import pygame

from installation.core.timeline import Scene
from installation.core.timeline.loader import parse_timeline
from installation.visuals.base import finished
from installation.visuals.compositor import Compositor
from installation.visuals.made_once import KEPT, MadeOnce
from installation.visuals.plume_bands import plume_blits
from installation.visuals.render import headless
from installation.visuals.ruins import fire_sites
from installation.visuals.smoke import FLAME as SMOKE_FLAME
from installation.visuals.smoke import Smoke

from .helpers import NO_POST, SIZE, frame_at, layer, one_scene, timeline

WIDE = (960, 540)
FULL_HD = (1920, 1080)
GREY_SKY = layer("sky", top="#808080", bottom="#808080", stars=0, sun=False, clouds=0)
ASH_SMOKE = dict(columns=1, amount=0.85, color="#2c2624", height=0.85, size=1.3)
FLAME = round(round(WIDE[1] * SMOKE_FLAME[0] * 1.3) * SMOKE_FLAME[1])  # the flames' height at WIDE


def test_the_fire_lights_the_underside_of_its_smoke_warm_fading_up() -> None:
    """Half a flame over the column's foot (it leaves the flames near their top), in the
    middle of its column, the smoke is warm orange (red over blue by 30 levels or more; lit
    only where thin, it was 6-10), and half way up the column, grey again (the firelight
    reaches up through a ruined tower's height, about a third of the column: three flame
    heights up, where this looked for grey before, it is still lit)."""
    body = GREY_SKY + layer("smoke", wind=0.0, **ASH_SMOKE) + NO_POST
    x, y = column_foot(body, WIDE)
    half = WIDE[1] * 0.85 / 2 / FLAME  # flame heights half way up (ASH_SMOKE's height)
    for seconds in (10.0, 20.0):
        frame = frame_at(body, "06:00", seconds, WIDE)
        low, high = (frame[x - 4:x + 5, int(y - FLAME * up) - 3:int(y - FLAME * up) + 3]
                     .reshape(-1, 3).mean(axis=0) for up in (0.5, half))
        assert low[0] - low[2] > 30, low
        assert high[0] - high[2] < 10, high


def plume_only(smoke: Smoke, seconds: float) -> np.ndarray:
    """The first column's plume alone over a grey of 128 at FULL_HD, (x, y) blue levels."""
    surface = pygame.Surface(FULL_HD)
    surface.fill((128, 128, 128))
    surface.blits(plume_blits(smoke.bands[0], seconds))
    return pygame.surfarray.pixels3d(surface)[..., 2].astype(int)


def smoke_layer(body: str, size: tuple[int, int]) -> Smoke:
    """The smoke layer of a scene at 06:00 with these layers, built at `size`."""
    headless()
    line = one_scene(body, at="06:00")
    built = Compositor(line, size, lambda _message: None)._scene(line.scenes[0])
    smoke = next(made for _, spec, made in built.entries if spec.type == "smoke")
    assert isinstance(smoke, Smoke)
    return smoke


def column_foot(body: str, size: tuple[int, int]) -> tuple[int, int]:
    """Where the first smoke column of a scene with these layers leaves its flames (its fire
    burns on a building's stump: its smoke rises from near the flames' top)."""
    column = smoke_layer(body, size).columns[0]
    return round(column.x), round(column.y)


def ash_smoke() -> Smoke:
    """A smoke layer as the ash's, leaning in its wind, built at FULL_HD."""
    return smoke_layer(layer("smoke", wind=0.6, **ASH_SMOKE), FULL_HD)


def test_a_leaning_plumes_edges_climb_without_steps() -> None:
    """Up a plume leaning in the ash's wind, from one row to the next no pixel changes by
    more than 21 levels, and in all but one row in a hundred by no more than 13 (its bands
    stood 4 px apart and its 28 widths 30-35 px apart: the worst steps on its edges were
    23-28 levels, one row in a hundred 14-17, and read as leaning bands)."""
    smoke = ash_smoke()
    column = smoke.columns[0]
    rows = slice(max(0, int(column.y - column.rise * 0.9)), int(column.y - column.rise * 0.05))
    for seconds in (10.0, 13.0, 17.0, 21.0):
        steps = np.abs(np.diff(plume_only(smoke, seconds)[:, rows], axis=1)).max(axis=0)
        assert steps.max() <= 21 and np.percentile(steps, 99) <= 13, seconds


def test_a_plumes_edges_widen_without_steps_at_its_foot() -> None:
    """Up the first sixth of a plume, where it widens fastest off the flames, no pixel
    changes by more than 16 levels from one row to the next (each band there showed a
    height class 7% wider than the last, every 12 rows: its edges stood in stairs of 2 px,
    steps of 21-23 levels; now 11-15)."""
    smoke = ash_smoke()
    column = smoke.columns[0]
    rows = slice(int(column.y - column.rise / 6), column.y)
    for seconds in (10.0, 13.0, 17.0, 21.0):
        steps = np.abs(np.diff(plume_only(smoke, seconds)[:, rows], axis=1)).max(axis=0)
        assert steps.max() <= 16, seconds


TWO_BODY = (
    "[[scene]]\nat = \"05:15\"\nname = \"flash\"\n"
    "transition = { type = \"cut\", seconds = 0 }\n"
    + layer("smoke", look="burning", columns=4, color="#1e1614", amount=0.9, size=1.3)
    + "[[scene]]\nat = \"05:30\"\nname = \"ash\"\n"
    "transition = { type = \"cut\", seconds = 0 }\n"
    + layer("smoke", look="burning", columns=3, color="#2c2624", amount=0.85, size=1.3))
TWO_SCENES = timeline(TWO_BODY)


def test_the_flash_and_the_ash_make_their_smoke_once_and_the_next_day_not_again() -> None:
    """Two scenes whose smoke has the same look and size (its colour apart) make its plumes'
    textures and its flames once: the second scene makes nothing the first did (it took
    1.3-1.6 s of building each); once both scenes are gone they are kept, and the next day's
    flash makes nothing again (it made them all again, 2 s of CPU in the coyote's scene)."""
    headless()
    compositor = Compositor(TWO_SCENES, WIDE, lambda _message: None)
    flash, ash = TWO_SCENES.scenes
    compositor._scene(flash)
    made = compositor.made.makes
    assert made == 4, "three kinds of column and one flipbook of flames"
    compositor._scene(ash)
    assert compositor.made.makes == made and len(compositor.made) == made
    first, second = (smoke_of(compositor, scene) for scene in (flash, ash))
    assert first.strips[0].covers is second.strips[0].covers
    assert first.strips[0].images[0] is not second.strips[0].images[0], "each its own colour"
    covers = first.strips[0].covers
    del first, second
    for scene in (flash, ash):
        compositor._let_go(compositor._scenes.pop(scene.index))
    gc.collect()
    assert smoke_of(compositor, flash).strips[0].covers is covers
    assert compositor.made.makes == made


def smoke_of(compositor: Compositor, scene: Scene) -> Smoke:
    """The scene's smoke layer (built now if it is not)."""
    smoke = next(layer for _, spec, layer in compositor._scene(scene).entries
                 if spec.type == "smoke")
    assert isinstance(smoke, Smoke)
    return smoke


def test_a_timeline_with_another_seed_or_size_makes_its_own_smoke() -> None:
    """Reloaded with another seed, or the smoke another size, the flash's plumes are made
    anew (their lumps lie elsewhere), never the textures kept from before. (At the small size:
    whether they are made anew depends on neither; at WIDE their three makings took ~3.5 of
    the file's ~16 s of processor time.)"""
    headless()
    compositor = Compositor(TWO_SCENES, SIZE, lambda _message: None)
    before = smoke_of(compositor, TWO_SCENES.scenes[0]).strips[0].covers
    seed_8 = "[timeline]\ntitle = \"test\"\nseed = 8\nday_start = \"12:00\"\n" + TWO_BODY
    for reloaded in (parse_timeline(seed_8, "test.toml"),
                     timeline(TWO_BODY.replace("size = 1.3", "size = 1.2"))):
        made = compositor.made.makes
        compositor.set_timeline(reloaded)
        after = smoke_of(compositor, compositor.timeline.scenes[0]).strips[0].covers
        assert compositor.made.makes == made + 4
        assert after is not before
        assert not np.array_equal(after.amounts[0], before.amounts[0])


def test_the_textures_kept_stay_few_over_weeks() -> None:
    """The last KEPT textures used outlive their scenes; however many days of other ones come
    and go after, no more than KEPT are held."""
    made = MadeOnce()
    for day in range(200):
        for key in range(KEPT):
            finished(made.get((day, key), lambda: iter_of(Picture())))
        if len(made) != KEPT:  # (what only a collection frees: collecting every day cost 13 of
            gc.collect()  # the 14 CPU s in a worker whose heap earlier tests had filled)
        assert len(made) == KEPT
    finished(made.get((199, 0), lambda: iter_of(Picture())))
    assert made.makes == 200 * KEPT


class Picture:
    """A stand-in for a costly picture (weakly referable)."""


def iter_of(picture: Picture) -> Generator[None, None, Picture]:
    """Made in one piece."""
    yield
    return picture


RUINS = GREY_SKY + layer("ruins", fires=3, color="#404040", fire="#c8501e") + NO_POST


def test_two_towers_burn_inside_their_windows_flickering() -> None:
    """Away from the fires at the ruins' feet (and their glow), window openings glow
    orange-red from inside at least two towers (none did: the ruins were all dark), and
    they flicker: a few seconds apart, some are lit differently."""
    ground = int(WIDE[1] * 0.8)
    sites = fire_sites(7, WIDE, ground, 3)
    away = np.ones(WIDE[0], bool)
    for x, _ in sites:
        away[max(0, x - 50):x + 50] = False
    frames = [frame_at(RUINS, "06:00", seconds, WIDE)[:, :ground] for seconds in (3.0, 4.0)]
    lit = [(frame[..., 0] > 150) & (frame[..., 0] - frame[..., 2] > 90) & away[:, None]
           for frame in frames]
    columns = np.flatnonzero(lit[0].any(axis=1))
    assert lit[0].sum() > 20 and columns.max() - columns.min() > WIDE[0] * 0.1, "two towers"
    assert (np.abs(frames[0] - frames[1])[lit[0] | lit[1]].max(axis=-1) > 20).sum() > 10
