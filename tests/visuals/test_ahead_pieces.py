"""Built ahead in pieces a frame has room for: no step of a scene's building does a frame's
work (a frame that built one took 10-30 ms at 1080p, a stall a visitor sees)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import TOUCH_BYTES, Frame, clear_surface, finished, touched
from installation.visuals.burning import FRAMES
from installation.visuals.burning import burning as burning_inside
from installation.visuals.burnt_paint import GLASS_KEY, PAINT_KEY, burning
from installation.visuals.cars import TYRE
from installation.visuals.collapse_break import TIERS, break_off, breaking_off
from installation.visuals.collapse_dust import BILLOWS, PUFF_DETAIL, puff
from installation.visuals.compositor import Compositor
from installation.visuals.flash_light import BLEACH, swelling
from installation.visuals.halo import distance_pieces, squared_distance_to_ink
from installation.visuals.oil import oiled
from installation.visuals.render import headless
from installation.visuals.street import Street
from installation.visuals.wreckage import Grid
from installation.visuals.xplan_facade import weathering

from .helpers import NO_POST, SIZE, layer, one_scene, pieces_of

FULL_HD = (1920, 1080)


def test_the_tars_oil_is_worked_out_at_most_ten_columns_a_step_at_1080() -> None:
    """(On main, 20 columns a step: 4-8 ms of a 5 ms frame's room, building 10:30 ahead.)"""
    shade = pygame.Surface((FULL_HD[0], 40))
    shade.fill((128, 128, 128))
    steps = sum(1 for _ in oiled(shade, 1988))
    assert FULL_HD[0] / steps <= 10


def test_a_fresh_full_frame_is_touched_a_megabyte_a_step() -> None:
    """(Two on main: ~3 ms of page faults in one step, building Ash ahead in the flash.)"""
    assert TOUCH_BYTES <= 1 << 20
    steps = sum(1 for _ in touched(FULL_HD[0] * FULL_HD[1] * 4))
    assert steps >= 8


def test_a_clear_surface_with_no_pixels_is_made_too() -> None:
    """A skyline standing on the picture's top row (`ground = 0`) has no rows: its surfaces
    are still made (the memory map refused none at all, and the layer was not drawn)."""
    for size in ((320, 0), (0, 10)):
        assert finished(clear_surface(size)).get_size() == size


def test_the_weathered_towers_full_size_pictures_are_made_a_step_each() -> None:
    """Park La Brea's nearest tower: its weathering enlarged, the walls' mask made and laid
    over it each a step of their own (on main, two in one: 8 ms building it ahead)."""
    wall = [[(100.0, 100.0), (600.0, 100.0), (600.0, 900.0), (100.0, 900.0)]]
    assert sum(1 for _ in weathering(FULL_HD, 1988, wall)) >= 5


def test_the_street_warms_up_each_piece_of_its_building_a_step_of_its_own() -> None:
    """(On main, three pieces in one step: 12-25 ms building Wilshire under ash ahead.)"""
    headless()
    line = one_scene(layer("street") + NO_POST, at="17:00")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "street")
    street = Street(dict(traffic=0.0, lamps=(255, 150, 50), horizon=0.62, wet=False,
                         lit=True), setup)
    moment = parse_clock("18:30")
    frame = Frame(moment, 0.0, state_at(line, moment))
    key, _lamps = street.look(frame)
    building = sum(1 for _ in street._building(key, pygame.Surface(SIZE, pygame.SRCALPHA)))
    assert sum(1 for _ in street.warm(frame)) > building


def test_the_flashs_widest_light_is_worked_out_and_enlarged_in_steps_of_their_own() -> None:
    """The swelling light's widest step, the width of the picture: its sums worked out small,
    then enlarged to ~1920x600, each a step (on main, both in one with its glare: the
    flash's pieces stood out over the 8.33 ms goal building it ahead in the coyote)."""
    headless()
    point = (FULL_HD[0] // 2, 600)
    assert sum(1 for _ in swelling(point, 660.0, FULL_HD[0], (255, 255, 255), BLEACH)) == 2



def test_the_collapse_dusts_puffs_are_made_a_few_billows_a_step() -> None:
    """A falling tower's dust (Ash, built in the flash): each puff's billows three a step and
    its softening a step (on main a puff whole in one step, its twenty sizes all in the next:
    20-30 ms building Ash ahead)."""
    _picture, count = pieces_of(puff(PUFF_DETAIL, np.random.default_rng(7), (200, 190, 180)))
    assert count >= (BILLOWS + 1) // 3 + 1


def test_the_falling_towers_tiers_are_torn_off_a_step_each() -> None:
    """Building Ash ahead, the falling tower's top is cut into its tiers a step each (on main
    all with the rest of its plan in one step: ~10 ms), the same tiers as at once."""
    def tower() -> pygame.Surface:
        picture = pygame.Surface((60, 200), pygame.SRCALPHA)
        picture.fill((20, 20, 20, 255), (5, 20, 50, 180))
        return picture

    tiers, count = pieces_of(breaking_off(tower(), np.random.default_rng(3)))
    whole = break_off(tower(), np.random.default_rng(3))
    assert count == TIERS + 3 and len(whole) == TIERS + 1  # (and the top's piece, then its
    # tiers made whole, a step each before them: ash21; then the floors that pancake under
    # them, torn off the stump: collapse24)
    assert [tier.box for tier in tiers] == [tier.box for tier in whole]


def test_a_burnt_cars_shell_is_coloured_in_pieces() -> None:
    """Building Ash ahead (in the flash), a wreck's burnt shell is worked out in pieces: its
    parts, its colour in three, its soot round the arches and round the windows, laid on
    (on main in three: its colour ~5 ms in one piece, at 1080)."""
    piece = pygame.Surface((300, 90), pygame.SRCALPHA)
    piece.fill((*PAINT_KEY, 255), (0, 20, 300, 60))
    piece.fill((*GLASS_KEY, 255), (80, 25, 120, 20))
    piece.fill((*TYRE, 255), (40, 70, 40, 20))
    _done, count = pieces_of(burning(piece, 5))
    assert count >= 6


def test_a_tower_burning_inside_is_lit_in_pieces() -> None:
    """Building Ash ahead, a tower burning inside works out its fires, each heat of its
    flicker and each of its pictures a piece of its own (on main all in one: ~5 ms)."""
    tower = pygame.Surface((60, 200), pygame.SRCALPHA)
    tower.fill((40, 40, 40, 255))
    holes = np.zeros((60, 200), bool)
    holes[10:50:8, 10:150:10] = True
    inside, count = pieces_of(burning_inside(tower, holes, (0, 0), Grid(10, 8, 2, 1),
                                             (255, 90, 30), np.random.default_rng(4)))
    assert inside is not None
    assert count >= 2 * FRAMES


def test_a_halos_distances_are_worked_down_the_columns_in_pieces_of_their_own() -> None:
    """The countdown's label's halo (T-MINUS at 1080, built ahead with the countdown's
    scenes): the steps down its columns each a piece before the steps across (on main with
    the first of those: ~4 ms in one piece), the same distances."""
    ink = np.zeros((40, 30), bool)
    ink[10:30, 12:18] = True
    nearest, count = pieces_of(distance_pieces(ink, 6))
    assert count >= 3
    assert np.array_equal(nearest, squared_distance_to_ink(ink, 6))
