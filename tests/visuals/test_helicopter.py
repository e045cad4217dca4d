"""The police helicopter: a cone of light from its nose that leans as it searches, ending in a
pool of light on the ground that lights what it falls on, and rotors that turn."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame, at_once
from installation.visuals.compositor import Compositor
from installation.visuals.helicopter import (
    BOUNDS,
    NOSE_LAMP,
    SHEAR_ROWS,
    Helicopter,
    lit_bands,
)
from installation.visuals.render import headless

from .helpers import NO_POST, drawn_alike, frame_at, layer, one_scene

BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)


def test_the_searching_cone_leans_in_a_straight_line_without_steps() -> None:
    """Below the helicopter the cone's light is centred, row by row, on one straight leaning
    line (its bands of rows slide sideways as the cone leans): never more than a pixel and a
    half off it, never a stair of three pixels from one row to the next."""
    size = (640, 360)
    body = BLACK_SKY + layer("helicopter", y=0.2, ground=0.95) + NO_POST
    for seconds in (3.0, 11.0, 40.0):  # (from 18 s to 28 s it is out of sight)
        frame = frame_at(body, "22:00", seconds, size).sum(axis=2).astype(float)
        rows = np.arange(int(size[1] * 0.4), int(size[1] * 0.75))  # the cone alone
        band = frame[:, rows]
        peak = band.argmax(axis=0)
        middles = []
        for n, at in enumerate(peak):  # the light's middle near its brightest column
            near = np.arange(max(0, at - 12), min(size[0], at + 13))
            weights = band[near, n]
            middles.append(float((near * weights).sum() / weights.sum()))
        slope, offset = np.polyfit(rows, middles, 1)
        worst = np.abs(np.asarray(middles) - (slope * rows + offset)).max()
        assert worst < 1.5, f"{worst:.2f} pixels off its line at {seconds}s"
        step = np.abs(np.diff(middles)).max()
        assert step < 2.75, f"a stair of {step:.2f} pixels from one row to the next at {seconds}s"


def test_the_cones_bands_are_each_band_of_rows_cut_to_its_lit_columns() -> None:
    """Each band of SHEAR_ROWS rows of a speckled cone (the last one short) is kept, cut from
    its first lit column to its last, if and only if any of it is lit; numbered from the top."""
    headless()
    rng = np.random.default_rng(5)
    width, drop = 30, 4 * SHEAR_ROWS + 2
    lit = (rng.random((width, drop)) < 0.03) & (np.arange(drop) // SHEAR_ROWS != 1)[None, :]
    lit[0, -1] = lit[-1, 0] = True  # the corners: the last short band, the right edge
    cone = pygame.Surface((width, drop))
    pygame.surfarray.blit_array(cone, lit[:, :, None] * np.array([1, 0, 3], np.uint8))
    found = lit_bands(cone)
    expected = []
    for n, top in enumerate(range(0, drop, SHEAR_ROWS)):
        columns = np.flatnonzero(lit[:, top:top + SHEAR_ROWS].any(axis=1))
        if columns.size:
            expected.append((n, (int(columns[0]), top, int(columns[-1]) + 1 - int(columns[0]),
                                 min(SHEAR_ROWS, drop - top))))
    assert 1 not in found.numbers.tolist() and len(expected) == 4
    assert [(int(n), (*band.get_abs_offset(), *band.get_size()))
            for n, band in zip(found.numbers, found.bands, strict=True)] == expected
    assert found.lefts.tolist() == [box[0] for _, box in expected] and found.width == width


def test_a_helicopter_built_in_pieces_draws_as_one_built_at_once() -> None:
    """Built ahead, a piece at a time, it draws what one built at once draws."""
    size = (640, 360)
    line = one_scene(BLACK_SKY + layer("helicopter", y=0.2, ground=0.95) + NO_POST, at="22:00")
    headless()
    state = state_at(line, parse_clock("22:00:11"))
    params = line.scenes[0].layers[1].params
    setup = Compositor(line, size, print).setup(state.scene, 1, "helicopter")
    stepped = object.__new__(Helicopter)
    at_once(stepped.pieces(params, setup))
    whole = Helicopter(params, setup)
    assert drawn_alike((whole, stepped), Frame(state.story_time, 11.0, state), size)


def test_its_rotors_turn_from_one_frame_to_the_next() -> None:
    """At the same places on the helicopter as it flies (read where its drawing is laid, so
    its hull is the same pixels from frame to frame), the main rotor's disc and the tail
    rotor's change between any two frames 1/30 s apart: the blades turn (cached at 4 steps
    shown 18 a second, the main rotor stood still for frames; the tail's was a still disc)."""
    size = (960, 540)
    line = one_scene(BLACK_SKY + layer("helicopter", y=0.3, ground=0.95) + NO_POST, at="22:00")
    headless()
    state = state_at(line, parse_clock("22:00:11"))
    setup = Compositor(line, size, print).setup(state.scene, 1, "helicopter")
    copter = Helicopter(line.scenes[0].layers[1].params, setup)
    main = [(x, y) for x in np.linspace(0.3, 0.6, 7) for y in (0.17, 0.19, 0.21)]
    tail = [(-0.45 + 0.05 * math.cos(a), 0.1 + 0.05 * math.sin(a))
            for a in np.linspace(0, 2 * math.pi, 16, endpoint=False)]  # round its hub
    for n in range(20):
        seconds = 11.0 + n * 0.137
        looks = []
        for at in (seconds, seconds + 1 / 30):
            surface = pygame.Surface(size)
            copter.draw(surface, Frame(state.story_time, at, state))
            x, y, face = copter.where(at)
            tilt = copter.passes.at(at).tilt  # (its nose dipped or lifted)
            corner, middle = copter.corner((x, y), face, tilt), copter.middle(face, tilt)
            held = (corner[0] + middle[0], corner[1] + middle[1])
            picture = pygame.surfarray.array3d(surface).astype(int)
            looks.append([[picture[int(px), int(py)] for px, py in (
                copter.point(held, face, p, tilt) for p in part)] for part in (main, tail)])
        for part, name in ((0, "main"), (1, "tail")):
            change = np.abs(np.array(looks[0][part]) - np.array(looks[1][part])).sum()
            assert change > 0, f"the {name} rotor stood still at {seconds:.3f} s"


POOL_SIZE = (960, 540)
LOT = (40, 40, 44)  # a dark lot for the pool to fall on
PAINT = (90, 24, 20)  # a red car's paint, parked where the pool passes
LIT_OVER = 12  # the sum of channels: a pixel this much brighter than without the helicopter


def pool_over(ground: np.ndarray | None, seconds: float) -> tuple[np.ndarray, Helicopter]:
    """The helicopter drawn over a lot (`ground`: its own picture, as an (x, y, rgb) array;
    None: plain LOT) `seconds` into its scene, as an array, with the helicopter."""
    line = one_scene(BLACK_SKY + layer("helicopter", y=0.2, ground=0.9) + NO_POST, at="04:50")
    headless()
    state = state_at(line, parse_clock("04:50") + seconds)
    setup = Compositor(line, POOL_SIZE, print).setup(state.scene, 1, "helicopter")
    copter = Helicopter(line.scenes[0].layers[1].params, setup)
    surface = pygame.Surface(POOL_SIZE)
    surface.fill(LOT)
    if ground is not None:
        pygame.surfarray.blit_array(surface, ground)
    copter.draw(surface, Frame(state.story_time, seconds, state))
    return pygame.surfarray.array3d(surface).astype(int), copter


def landing(copter: Helicopter, seconds: float) -> tuple[float, float, float]:
    """Where its beam lands on the ground (x, y) `seconds` into the scene, and its lean."""
    x, y, face = copter.where(seconds)
    lamp = copter.point((x, y), face, NOSE_LAMP, copter.passes.at(seconds).tilt)
    lean = copter.lean(seconds)
    return lamp[0] + lean * copter.drop, lamp[1] + copter.drop, lean


def test_its_spot_is_a_flattened_ellipse_where_the_beam_lands_and_moves_with_it() -> None:
    """On the ground the spot is a pool of light seen low: at least twice as wide as it is
    deep below the ground line, its middle where the leaning beam lands (within a few
    pixels), brightest there and fading to its rim; and it follows the beam."""
    for seconds in (0.0, 4.0, 40.0):
        picture, copter = pool_over(None, seconds)
        x, y, _lean = landing(copter, seconds)
        lit = picture.sum(axis=2) - sum(LOT) > LIT_OVER
        row, column = lit[:, round(y)], lit[round(x), :]
        across = np.flatnonzero(row)
        down = np.flatnonzero(column[round(y):])  # below the ground line: the pool alone
        assert across.size and down.size, f"no pool where the beam lands at {seconds} s"
        assert abs((across[0] + across[-1]) / 2 - x) < 0.25 * across.size, "centred on it"
        assert across.size > 2 * 2 * down.size, f"{across.size} wide, {down.size} deep below"
        middle = picture[round(x), round(y)].sum()
        rim = picture[round(x), round(y) + down.size - 1].sum()
        assert middle > rim + 40, f"brightest in its middle: {middle} against {rim} at its rim"


def test_its_spot_lights_a_car_in_its_own_colour_not_a_white_wash() -> None:
    """A red car under the pool shows redder and brighter (its paint lit: the red gains more
    than the green), where a white glow laid over it only grey it towards white."""
    seconds = 4.0
    _picture, copter = pool_over(None, seconds)
    x, y, _lean = landing(copter, seconds)
    ground = np.empty((*POOL_SIZE, 3), dtype=np.uint8)
    ground[:] = LOT
    car = (slice(round(x) - 12, round(x) + 12), slice(round(y) - 6, round(y) + 6))
    ground[car] = PAINT
    picture, _copter = pool_over(ground, seconds)
    lit = picture[car].reshape(-1, 3).mean(axis=0)
    red_gain, green_gain = lit[0] - PAINT[0], lit[1] - PAINT[1]
    assert red_gain > 1.5 * green_gain > 0, f"the paint lit to {lit.round()}"


def test_over_the_mall_it_never_flies_through_the_caption() -> None:
    """In the shipped day's 04:50 scene, wherever it wanders (every quarter second of ten
    real minutes, longer than the scene plays), its drawing's box (rotor, hull, skids) and the
    caption's box (stamp, words, cursor) never meet: it flew through "...full of light."."""
    from .helpers import shipped_program as shipped
    from .test_caption_places import caption_in, scene_named

    headless()
    program = shipped()
    line = program.timeline
    scene = scene_named(line, "Searchlights over the mall")
    compositor = Compositor(line, (1920, 1080), lambda _message: None, program.clock)
    caption = caption_in(compositor, scene).box()
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "helicopter")
    copter = Helicopter(scene.layers[index].params,
                        compositor.setup(scene, index, "helicopter"))
    left, right, bottom, top = (edge * copter.length for edge in BOUNDS)
    for seconds in np.arange(0.0, 600.0, 0.25):
        x, y, face = copter.where(float(seconds))
        x0, x1 = (x - right, x - left) if face < 0 else (x + left, x + right)
        box = pygame.Rect(round(x0), round(y - top), round(x1 - x0), round(top - bottom))
        assert not box.colliderect(caption), f"through the words {seconds} s in: {box}"


def test_it_passes_left_to_right_as_its_sound_does_nose_first_never_flipping() -> None:
    """In the shipped day's mall scene, drawn alone over grey every tenth of a second from
    ten seconds before its sound cue to thirty after: it comes into sight at the left edge,
    crosses only rightwards (slowing over the crowd while the sound plays) and goes out at
    the right, its nose lamp always on the right of its dark drawing: it shuttled back and
    forth over the mall and flipped to its mirror image where it turned."""
    from .helpers import shipped_program as shipped
    from .test_caption_places import scene_named

    headless()
    program = shipped()
    line = program.timeline
    scene = scene_named(line, "Searchlights over the mall")
    cue = next(c for c in line.cues if c.params.get("synth") == "helicopter")
    start = program.clock.real_between(scene.at, cue.at)
    size = (960, 540)
    compositor = Compositor(line, size, lambda _message: None, program.clock)
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "helicopter")
    copter = Helicopter(scene.layers[index].params, compositor.setup(scene, index, "helicopter"))
    state = state_at(line, cue.at, program.clock)
    seen = []  # (tenth, its drawing's left and right columns, its lamp's column)
    for tenth in range(-100, 300):
        surface = pygame.Surface(size)
        surface.fill((128, 128, 128))  # its hull dark on it, its nose lamp and cone bright
        copter.draw(surface, Frame(state.story_time, start + tenth / 10, state))
        picture = pygame.surfarray.array3d(surface).astype(int).sum(axis=2)
        columns = np.flatnonzero((picture < 200).any(axis=1))
        rows = np.flatnonzero((picture < 200).any(axis=0))
        if columns.size:  # its lamp: the brightest in its drawing's rows (not the spot's)
            lamp = picture[:, rows[0]:rows[-1] + 1].max(axis=1).argmax()
            seen.append((tenth, int(columns[0]), int(columns[-1]), int(lamp)))
    assert seen and seen[0][0] > -100 and seen[-1][0] < 299, "it is in sight all the time"
    tenths = [s[0] for s in seen]
    assert tenths == list(range(tenths[0], tenths[-1] + 1)), "it vanishes in mid pass"
    assert seen[0][1] == 0 and seen[-1][2] == size[0] - 1, "it does not fly in and out"
    whole = [s for s in seen if s[1] > 0 and s[2] < size[0] - 1]  # wholly in sight
    lamps = np.array([s[3] for s in whole])  # (its blades sweep its drawing's ends)
    assert np.diff(lamps).min() >= -1, f"it goes back left by {-np.diff(lamps).min()} px"
    for tenth, left, right, lamp in whole:
        assert lamp > (left + right) / 2, f"its nose on its left at {tenth / 10} s"
    over = [s for s in seen if 0 <= s[0] <= 160]  # while the sound plays
    assert len(over) == 161, "out of sight while its sound plays"
    moved = over[-1][3] - over[0][3]
    assert moved < size[0] / 3, f"it crosses {moved} px while its sound plays: no slowing"


def test_its_pass_is_timed_to_its_sounds_length() -> None:
    """The pass under the sound cue is over the crowd halfway through the sound: the picture
    counts the sound's length as the sound does."""
    from installation.audio.sounds import HELICOPTER_S
    from installation.visuals.helicopter_path import SOUND_SECONDS

    assert SOUND_SECONDS == HELICOPTER_S


def test_its_nose_dips_to_fly_out_and_lifts_as_it_brakes_into_its_hover() -> None:
    """Drawn alone over grey: its nose lamp lies lower under it (against its middle) as it
    speeds out of the picture than as it hovers, and higher as it brakes into the hover (it
    slid across level, a toy on a wire)."""
    size = (1920, 1080)
    line = one_scene(BLACK_SKY + layer("helicopter", y=0.3, ground=0.95) + NO_POST, at="04:50")
    headless()
    state = state_at(line, parse_clock("04:50"))
    copter = Helicopter(line.scenes[0].layers[1].params,
                        Compositor(line, size, print).setup(state.scene, 1, "helicopter"))

    def lamp_below(seconds: float) -> int:
        surface = pygame.Surface(size)
        surface.fill((128, 128, 128))
        copter.draw(surface, Frame(state.story_time, seconds, state))
        picture = pygame.surfarray.array3d(surface).astype(int).sum(axis=2)
        middle = round(copter.where(seconds)[1])  # (below it: not its beacon, on top)
        rows = np.flatnonzero((picture < 200).any(axis=0))
        band = picture[:, middle:rows[-1] + 1]
        return int(np.unravel_index(band.argmax(), band.shape)[1])

    hovering, leaving, braking = lamp_below(0.0), lamp_below(11.0), lamp_below(36.0)
    assert leaving >= hovering + 4, f"its lamp {leaving} px under it flying out, {hovering}"
    assert braking <= hovering - 2, f"its lamp {braking} px under it braking, {hovering}"


WIDENS = 2.4  # the cone's light three quarters of the way down: this many times as wide as a
# quarter of the way down, at least...
SOFT_WIDTH = 30  # ... and this many pixels across (above half its row's brightest, at 640 wide)
REACHES = 0.6  # ... and its brightest this share of its brightest a quarter of the way down


def test_its_cone_is_one_soft_beam_widening_down_to_the_ground() -> None:
    """Over black, the helicopter's cone is one soft beam from its nose that widens with the
    distance and still shines near the ground (on main a bright narrow core ran down it: a
    ray like the searchlights', which crossing it read as it forking into three)."""
    size = (640, 360)
    body = BLACK_SKY + layer("helicopter", y=0.2, ground=0.95) + NO_POST
    for seconds in (3.0, 11.0, 40.0):
        frame = frame_at(body, "22:00", seconds, size).sum(axis=2).astype(float)
        rows = [int(size[1] * (0.2 + share * (0.95 - 0.2))) for share in (0.25, 0.75)]
        peaks = [frame[:, row].max() for row in rows]
        widths = [int((frame[:, row] > peak / 2).sum()) for row, peak in zip(rows, peaks,
                                                                              strict=True)]
        high, low = widths
        assert low >= WIDENS * high and low >= SOFT_WIDTH, (
            f"{high} px wide a quarter of the way down, {low} px three quarters ({seconds}s)")
        assert peaks[1] >= REACHES * peaks[0], f"it fades out before the ground ({seconds}s)"
