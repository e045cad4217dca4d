"""The May Company building reads as itself: a rounded gold cylinder on a banded box that
recedes in perspective, gold in the low sun and under warm floodlights, then under whiter ones."""

from __future__ import annotations

from typing import Any

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals import maycompany, recut
from installation.visuals.base import Frame, finished
from installation.visuals.compositor import Compositor
from installation.visuals.maycompany import MayCompany
from installation.visuals.maycompany_surfaces import BASE, BOX_TALL, DRUM_HALF, DRUM_TALL
from installation.visuals.render import headless
from installation.visuals.softcut import soft_cutting

from .helpers import NO_POST, draw, layer, one_frame, one_scene

SIZE = (640, 360)
X, GROUND, SCALE = 0.7, 0.9, 1.5
UNIT = SCALE * SIZE[1]
CX, FOOT = round(X * SIZE[0]), round(GROUND * SIZE[1])
HALF = DRUM_HALF * UNIT
BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)


def frame(at: str, **keys: object) -> np.ndarray:
    """The building alone on a black sky at story time `at`, as an (x, y, rgb) array."""
    building = layer("maycompany", x=X, ground=GROUND, scale=SCALE, **keys)
    surface = draw(one_scene(BLACK_SKY + building + NO_POST, at="17:00"), at, size=SIZE)
    return pygame.surfarray.array3d(surface).astype(float)


def drum(pixels: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """The mean colour of the cylinder between lo and hi of its half-width, on both sides,
    in a strip above the box."""
    rows = slice(FOOT - round(0.3 * UNIT), FOOT - round(0.24 * UNIT))
    left = pixels[round(CX - hi * HALF):round(CX - lo * HALF) + 1, rows]
    right = pixels[round(CX + lo * HALF):round(CX + hi * HALF) + 1, rows]
    return np.concatenate([left, right]).reshape(-1, 3).mean(axis=0)


def test_the_cylinder_is_rounded_bright_gold_at_its_middle_and_dark_amber_at_its_sides() -> None:
    pixels = frame("17:40")
    middle, sides = drum(pixels, 0.0, 0.3), drum(pixels, 0.85, 0.95)
    assert middle.sum() > sides.sum() * 1.4, "lit across its face, falling off to its sides"
    assert middle[0] > 150 and middle[0] > middle[2] * 2.5, "gold"
    assert sides[0] > sides[2] * 1.5, "still amber at its sides, not black or grey"


def test_the_low_sun_lights_the_cylinder_from_the_side_the_sky_shows_it_on() -> None:
    """At dusk the sky's sun stands at the right of the picture: the drum is lit on its right
    (it was lit from the left, against the sun in the same picture)."""
    pixels = frame("17:10")
    rows = slice(FOOT - round(0.3 * UNIT), FOOT - round(0.24 * UNIT))
    left = pixels[round(CX - 0.8 * HALF):round(CX - 0.4 * HALF), rows].mean()
    right = pixels[round(CX + 0.4 * HALF):round(CX + 0.8 * HALF), rows].mean()
    assert right > left * 1.15, (left, right)


def test_it_stays_gold_under_whiter_floods_and_stays_lit() -> None:
    """Late in the dusk the floods turned blue and greyed the gold: the drum went steel blue
    and read as a gas holder. Now they go whiter and the drum stays gold, paler."""
    gold, late = drum(frame("18:20"), 0.0, 0.6), drum(frame("19:40"), 0.0, 0.6)
    assert gold[0] > gold[2] * 2, "warm floodlit gold at dusk"
    assert late[0] > late[2] * 1.4, "still gold once the floods go whiter, not steel blue"
    assert late[2] / late[0] > gold[2] / gold[0], "paler than under the warm floods"
    dark = drum(frame("19:40", lit=0), 0.0, 0.6)
    assert late.sum() > 120 and late.sum() > dark.sum() * 2, "floodlit, not in the dark"


def test_the_display_windows_in_the_base_light_up_at_dusk() -> None:
    foot = FOOT - round(BASE * BOX_TALL * UNIT * 0.45)
    strip = (slice(CX - round(0.5 * UNIT), CX - round(0.2 * UNIT)), slice(foot - 2, foot + 3))
    day, dusk = frame("17:00")[strip].max(axis=0), frame("19:00")[strip].max(axis=0)
    assert dusk.max() > 120 and dusk.sum() > day.sum() + 150, "shop windows glow at dusk"


def test_the_floodlights_glow_softly_on_the_sky_round_the_drum_at_dusk() -> None:
    beside = (round(CX + 1.15 * HALF), FOOT - round(0.31 * UNIT))  # sky, just off the drum
    noon, dusk = frame("12:00")[beside], frame("19:30")[beside]
    assert noon.sum() == 0, "no floods by day: the black sky stays black"
    assert dusk.sum() > noon.sum() + 20, "a glow beside the drum"
    assert abs(dusk[2] - dusk[0]) < 0.2 * dusk[0], "a white glow (the floods' late light)"


@pytest.mark.parametrize(("at", "keys"), [("19:30", {}), ("04:55", {"lit": 0.8})])
def test_the_floodlights_glow_stops_at_the_ground_line(at: str, keys: dict[str, float]) -> None:
    """The glow is on the sky round the building, not a pool whitening the pavement."""
    pixels = frame(at, **keys)
    reach = round(DRUM_TALL * UNIT * maycompany.HALO_REACH)
    ground = pixels[CX - reach:CX + reach, FOOT:]
    assert ground.max() == 0, "the ground under the glow stays as dark as the sky drawn there"
    assert pixels[CX - reach:CX + reach, FOOT - reach // 2:FOOT].sum() > 0, "glowing above it"


def test_the_box_recedes_its_top_lower_far_from_the_cylinder() -> None:
    pixels = frame("17:05")

    def top(x: int) -> int:
        """The highest lit pixel of the column x."""
        return int(np.argmax(pixels[x].sum(axis=1) > 30))

    near, far = top(CX - round(0.15 * UNIT)), top(CX - round(0.55 * UNIT))
    assert FOOT - far < (FOOT - near) * 0.9, "the far end is lower: the bands follow perspective"


def test_it_is_redrawn_only_every_ten_story_minutes_and_the_same_each_time() -> None:
    headless()
    line = one_scene(layer("maycompany") + NO_POST, at="17:00")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "maycompany")
    building = MayCompany(dict(x=0.5, ground=0.6, scale=1.0, lit=None), setup)
    looks = set()
    for minute in range(0, 180):
        at = parse_clock("17:00") + minute * 60
        looks.add(building.look(Frame(at, 0.0, state_at(line, at))))
    assert len(looks) <= 19
    at = parse_clock("18:10")
    moment = Frame(at, 0.0, state_at(line, at))
    first, again = pygame.Surface(SIZE), pygame.Surface(SIZE)
    building.draw(first, moment)
    fresh = MayCompany(dict(x=0.5, ground=0.6, scale=1.0, lit=None), setup)
    fresh.draw(again, Frame(parse_clock("19:00"), 0.0, state_at(line, parse_clock("19:00"))))
    again.fill((0, 0, 0))
    fresh.draw(again, moment)
    assert pygame.image.tobytes(first, "RGB") == pygame.image.tobytes(again, "RGB")


DUSK = one_scene(layer("sky", horizon=0.56)
                 + layer("maycompany", x=0.56, ground=0.62, scale=0.95)
                 + layer("street", horizon=0.62, wet=False) + NO_POST, at="17:00")
STEP = "18:05:10"  # just after the building's light steps, at 18:05


def kept_across_the_step(times: list[float]) -> tuple[Compositor, pygame.Surface]:
    """A compositor that drew the Dusk street at `times` (story seconds), and its frame."""
    headless()
    kept = Compositor(DUSK, SIZE, print)
    surface = pygame.Surface(SIZE)
    for at in times:
        kept.draw(surface, state_at(DUSK, at))
    return kept, surface


def same_as_afresh(surface: pygame.Surface) -> bool:
    """Is the frame the same as a new compositor's first frame at STEP?"""
    fresh = one_frame(DUSK, SIZE, state_at(DUSK, parse_clock(STEP)))
    return pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB")


def test_after_a_ten_minute_step_the_picture_is_the_same_as_drawn_afresh() -> None:
    _kept, surface = kept_across_the_step([parse_clock("18:04:50"), parse_clock(STEP)])
    assert same_as_afresh(surface)


def counted_lighting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time the building is lit (a piece of it) from now on."""
    calls: list[int] = []
    real = maycompany.lit_colours

    def counted(*args: Any) -> np.ndarray:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(maycompany, "lit_colours", counted)
    return calls


def test_the_next_step_is_lit_ahead_so_the_step_frame_only_swaps_it_in(
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = [parse_clock("18:04:30") + second for second in range(0, 12, 2)]
    kept, surface = kept_across_the_step(before)  # frames in the minute before the step
    calls = counted_lighting(monkeypatch)
    kept.draw(surface, state_at(DUSK, parse_clock(STEP)))
    assert calls == [], "not lit again at the step"
    assert same_as_afresh(surface)


def soft_picture(rng: np.random.Generator) -> pygame.Surface:
    """A 90x60 picture, mostly solid or clear: a solid disk, a soft edge and a soft patch."""
    headless()
    image = pygame.Surface((90, 60), pygame.SRCALPHA)
    image.fill((0, 0, 0, 0))
    pygame.draw.circle(image, (200, 150, 60, 255), (40, 30), 25)
    alpha = pygame.surfarray.pixels_alpha(image)
    alpha[14, 10:50] = rng.integers(1, 255, 40)  # a soft edge
    alpha[70:80, 40:50] = rng.integers(0, 256, (10, 10))  # a soft patch apart
    del alpha
    return image


def test_a_picture_cut_into_solid_and_soft_parts_draws_the_same_pixels() -> None:
    """The building is drawn as a keyed copy of its solid pixels and small pieces of its soft
    edges: the same frame as blending the whole picture, at a fraction of the cost."""
    rng = np.random.default_rng(11)
    image = soft_picture(rng)
    picture = finished(soft_cutting(image, pygame.Surface(image.get_size())))
    assert picture.solid is not image and picture.soft, "cut: solid, and soft pieces"
    assert sum(p.get_width() * p.get_height() for p, _ in picture.soft) < 90 * 60 / 8
    background = pygame.Surface((200, 120))
    pygame.surfarray.blit_array(background, rng.integers(0, 256, (200, 120, 3)))
    whole, cut = background.copy(), background.copy()
    whole.blit(image, (37, 21))
    picture.draw(cut, (37, 21))
    assert np.array_equal(pygame.surfarray.array3d(whole), pygame.surfarray.array3d(cut))


def test_a_building_lit_in_a_hurry_is_cut_over_the_next_frames_drawing_the_same() -> None:
    """Lit in one piece after a jump in story time, the building is drawn whole (a slow
    per-pixel-alpha blit) only until it has been cut, a piece a frame: the same pixels."""
    headless()
    line = one_scene(layer("maycompany") + NO_POST, at="17:00")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "maycompany")
    building = MayCompany(dict(x=0.5, ground=0.6, scale=1.0, lit=None), setup)
    start = parse_clock("18:10")
    pictures, cut = [], []
    for n in range(8):
        at = start + n * 2.0  # (the same ten minutes)
        surface = pygame.Surface(SIZE)
        building.draw(surface, Frame(at, n / 60, state_at(line, at)))
        pictures.append(pygame.image.tobytes(surface, "RGB"))
        cut.append(not building._picture.solid.get_flags() & pygame.SRCALPHA)
    assert not cut[0] and cut[-1], "drawn whole at first, cut a few frames on"
    assert all(picture == pictures[0] for picture in pictures)


def test_a_step_lit_ahead_but_not_yet_cut_is_taken_as_it_is(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A frame just before the step lights the next step ahead; its cutting is still under
    way when the step comes (the bench's jump to the middle of Ash lands so): the step frame
    takes it uncut, lighting nothing again, and it is cut over the next frames, the same
    picture throughout."""
    kept, surface = kept_across_the_step([parse_clock("18:04:58"), parse_clock("18:04:59")])
    calls = counted_lighting(monkeypatch)
    building = next(layer for _index, spec, layer in kept._layers(DUSK.scenes[0]).entries
                    if spec.type == "maycompany")
    assert isinstance(building, MayCompany)
    cut, frames = [], []
    for _ in range(8):
        kept.draw(surface, state_at(DUSK, parse_clock(STEP)))
        frames.append(pygame.image.tobytes(surface, "RGB"))
        cut.append(not building._picture.solid.get_flags() & pygame.SRCALPHA)
    assert calls == [], "not lit again at the step"
    assert not cut[0] and cut[-1], "drawn whole at first, cut a few frames on"
    assert all(frame == frames[0] for frame in frames) and same_as_afresh(surface)


def test_a_picture_cut_again_by_its_kept_shape_is_the_picture_cut_afresh() -> None:
    """Lit again, the building's alpha is what it was: cut by the shape kept from its first
    cut, it is the same keyed copy and soft pieces as cut afresh."""
    rng = np.random.default_rng(5)
    image = soft_picture(rng)
    shape = recut.shape_of(image, finished(soft_cutting(image, pygame.Surface((90, 60)))))
    assert shape is not None
    colours = pygame.surfarray.pixels3d(image)
    colours[:] = rng.integers(0, 255, colours.shape)  # lit again: new colours, the same alpha
    del colours
    afresh = finished(soft_cutting(image, pygame.Surface((90, 60))))
    again = finished(recut.cut_again(image, pygame.Surface((90, 60)), shape))
    background = pygame.Surface((120, 80))
    pygame.surfarray.blit_array(background, rng.integers(0, 256, (120, 80, 3)))
    drawn = []
    for picture in (afresh, again):
        assert picture.solid is not image
        target = background.copy()
        picture.draw(target, (11, 7))
        drawn.append(pygame.image.tobytes(target, "RGB"))
    assert drawn[0] == drawn[1]
    assert [at for _piece, at in afresh.soft] == [at for _piece, at in again.soft]


def test_the_glow_is_found_once_for_its_channels_and_shows_as_if_found_afresh(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Which pieces of the floodlights' glow show depends only on which channels of its
    colour are not 0 (the white glow times a colour is black where every channel of one or
    the other is; the building's alpha is the same for every lighting): found once for each
    such set, then the same pieces and light as found afresh from the glow's own pixels."""
    headless()
    line = one_scene(layer("maycompany") + NO_POST, at="17:00")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "maycompany")
    building = MayCompany(dict(x=0.5, ground=0.6, scale=1.0, lit=None), setup)
    image = finished(building._paint(110, building._pair, cut=False)).pair[0]
    found: list[int] = []
    showing = MayCompany._showing

    def counted(self: MayCompany, glow: pygame.Surface, picture: pygame.Surface) -> Any:
        found.append(1)
        return showing(self, glow, picture)

    monkeypatch.setattr(MayCompany, "_showing", counted)
    colours = [(40, 90, 140), (1, 1, 1), (255, 255, 255), (0, 120, 30), (0, 2, 200),
               (0, 0, 9), (0, 0, 255), (200, 3, 1)]
    for colour in colours:
        glow = building._white.copy()
        glow.fill(colour, special_flags=pygame.BLEND_RGB_MULT)
        afresh = showing(building, glow, image)
        halo = building._glow(colour, image)
        assert afresh, "the glow shows"
        assert [(piece.get_offset(), piece.get_size(), at) for piece, at in halo] == \
            [(piece.get_offset(), piece.get_size(), at) for piece, at in afresh], colour
        assert [pygame.image.tobytes(piece, "RGB") for piece, _at in halo] == \
            [pygame.image.tobytes(piece, "RGB") for piece, _at in afresh], colour
    assert len(found) == 2, "found once for each new set of channels: green and blue, blue (all"
    # three were found when the building was lit)
