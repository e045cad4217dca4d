"""Inside Johnnie's: a warm-lit room whose glass shows the night, a pane that goes, the counter
hiding the legs of the people at it, and the panic of the shipped day seen from inside."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame, Setup
from installation.visuals.compositor import Compositor
from installation.visuals.counter import COUNTER_EDGE, PIE_CASE
from installation.visuals.diner_booths import WALL_FOOT
from installation.visuals.diner_street import STREET
from installation.visuals.interior import Interior, Still
from installation.visuals.interior_room import (
    DOOR,
    GLASS_LEFT,
    GLASS_RIGHT,
    MULLIONS,
    SILL,
    glass_top,
)
from installation.visuals.render import headless

from .helpers import (
    NO_POST,
    SIZE,
    draw,
    drawn_alike,
    frame_at,
    layer,
    one_frame,
    one_scene,
    shared_made,
)

BRIGHT_SKY = layer("sky", top="#20c040", bottom="#20c040", stars=0, sun=False, clouds=0)
DARK_SKY = layer("sky", top="#0a0c18", bottom="#0a0c18", stars=0, sun=False, clouds=0)
SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
PANIC = "Panic in the diner"
BIG = (480, 270)
FPS = 60
WIDE = (960, 540)
CENTRED, SWAYED = "04:20:00", "04:20:10"  # the panic's camera at rest, then a quarter of its
#                                           40 s sway on (at the story's own pace): furthest
BOOTHS_ROW = 0.6  # a row of the room: the booths' backs and the tables along the glass
APART = 3  # pixels (at WIDE) the street moves less than the room as the eye drifts, at least


def pixels(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array3d(surface).astype(int)


def test_the_room_is_lit_warm_and_the_glass_shows_the_night_behind_it() -> None:
    frame = pixels(draw(one_scene(BRIGHT_SKY + layer("interior") + NO_POST), "04:21"))
    width, height = SIZE
    x0, x1 = int(0.3 * width), int(0.6 * width)  # panes between the lamps and the booths
    glass = frame[x0:x1, int(0.32 * height):int(0.5 * height)]
    assert glass[..., 1].mean() > glass[..., 0].mean() + 40, "the green sky shows through"
    ceiling = frame[:, :int(0.04 * height)]
    floor = frame[:, int(0.72 * height):]
    for part in (ceiling, floor):
        red, green, blue = (part[..., c].mean() for c in range(3))
        assert red > blue + 15 and red >= green, "lit warm: more red than blue"
    assert floor.mean() > 60, "the room is lit, not a dark silhouette"


def test_a_pane_goes_at_its_time_seen_from_inside() -> None:
    broken = DARK_SKY + layer("interior", broken="04:23") + NO_POST
    whole = DARK_SKY + layer("interior") + NO_POST
    before, after = frame_at(broken, "04:20", 170.0), frame_at(broken, "04:20", 190.0)
    assert np.array_equal(before, frame_at(whole, "04:20", 170.0)), "whole until its time"
    width, height = SIZE
    change = after.mean(axis=2) - before.mean(axis=2)
    change[:int(GLASS_LEFT * width)] = change[int(GLASS_RIGHT * width):] = 0  # the clock
    change[:, :int(glass_top(0.0) * height)] = 0  # the stuttering tube over the glass
    glass = change[:, :int(SILL * height)]
    assert (glass < -3).sum() > 20, "a hole darker than the glass that mirrors the lit room"
    assert (glass > 60).sum() > 10, "cracks catch the light round it"
    assert (change[:, int(WALL_FOOT * height):] > 20).sum() > 3, "glass on the floor under it"
    xs = np.nonzero((np.abs(change) > 3).any(axis=1))[0]
    assert xs.max() - xs.min() < width * 0.3, "one pane, not the whole front"


def test_someone_outside_is_seen_behind_the_glass_fronts_frame() -> None:
    """Someone on the pavement outside (in a dress: wide enough to be seen either side of the
    upright) stands behind an upright of the glass front (the glass part drawn over them): the
    upright runs on down through their body, whole, and they are seen on either side of it."""
    upright = 2 * (DOOR[0] - GLASS_LEFT) / MULLIONS + GLASS_LEFT  # the third from the left
    outside = layer("figures", pose="idle", body="julie", speed=0, scale=0.2, color="#ff00ff") + \
        f"path = [[{upright}, 0.54]]\n"
    room, glass = layer("interior"), layer("interior", part="glass", look="front")
    seen = pixels(draw(one_scene(DARK_SKY + room + outside + glass + NO_POST), "04:21",
                       size=BIG))
    over = pixels(draw(one_scene(DARK_SKY + room + outside + NO_POST), "04:21", size=BIG))
    magenta, alone = (
        (one[..., 0] > 200) & (one[..., 1] < 60) & (one[..., 2] > 200) for one in (seen, over))
    x = round(upright * BIG[0])
    rows = slice(round(0.45 * BIG[1]), round(0.54 * BIG[1]))
    assert alone[x, rows].any(), "without it, over the upright"
    assert not magenta[x, rows].any(), "the upright in front of them"
    assert magenta[x - 4, rows].any() and magenta[x + 4, rows].any(), "seen on both sides"


def test_the_glass_part_over_nobody_outside_changes_nothing() -> None:
    """With nobody outside, the glass front drawn again over the room (the pane broken in
    both) is the room as it was: the same frame, the same cracks, none drawn twice."""
    room = layer("interior", broken="04:23")
    glass = layer("interior", part="glass", broken="04:23", look="front")
    for at in ("04:22", "04:25"):
        alone = pixels(draw(one_scene(DARK_SKY + room + NO_POST), at, size=BIG))
        both = pixels(draw(one_scene(DARK_SKY + room + glass + NO_POST), at, size=BIG))
        assert np.array_equal(alone, both), at


def test_the_counter_hides_the_legs_of_the_people_sitting_at_it() -> None:
    people = layer("figures", pose="sit", speed=0, count=3, spacing=0.15, scale=0.44,
                   color="#ff00ff") + "path = [[0.3, 0.965], [0.6, 0.965]]\n"
    room, counter = layer("interior"), layer("interior", part="counter", look="bar")
    seen = pixels(draw(one_scene(DARK_SKY + room + people + counter + NO_POST), "04:21"))
    empty = pixels(draw(one_scene(DARK_SKY + room + counter + NO_POST), "04:21"))
    edge = round(COUNTER_EDGE * SIZE[1])
    differs = (seen != empty).any(axis=2)
    assert differs[:, :edge].sum() > 200, "heads and shoulders above the counter"
    x0, x1 = int(0.2 * SIZE[0]), int(0.75 * SIZE[0])
    assert not differs[x0:x1, edge + 1:].any(), "nothing of them below its far edge"


def test_the_name_on_the_glass_reads_backwards_from_inside() -> None:
    plain = pixels(draw(one_scene(DARK_SKY + layer("interior", name="A") + NO_POST), "04:21"))
    named = pixels(draw(one_scene(DARK_SKY + layer("interior", name="JOHNNIE'S WWW") + NO_POST),
                        "04:21"))
    columns = np.nonzero((plain != named).any(axis=(1, 2)))[0]
    assert len(columns) > 0
    assert glass_top(0.5) * SIZE[1] < np.nonzero((plain != named).any(axis=(0, 2)))[0].min()
    assert GLASS_LEFT * SIZE[0] < columns.min() and columns.max() < GLASS_RIGHT * SIZE[0]


def without_people(line: Timeline) -> Timeline:
    """The shipped day with nobody in the panic scene (to see where the people are)."""
    scenes = tuple(dataclasses.replace(scene, layers=tuple(
        spec for spec in scene.layers if spec.type != "figures")) if scene.name == PANIC
        else scene for scene in line.scenes)
    return dataclasses.replace(line, scenes=scenes)


def people_at(at: str) -> np.ndarray:
    """Where the shipped day's panic shows people at story time `at` (True: a person)."""
    line = load_timeline(SHIPPED)
    return (pixels(draw(line, at, size=BIG)) != pixels(draw(without_people(line), at,
                                                            size=BIG))).any(axis=2)


def share(mask: np.ndarray, box: tuple[float, float, float, float]) -> float:
    """The share of a box (left, top, right, bottom as shares of the picture) that is set."""
    width, height = mask.shape
    part = mask[int(box[0] * width):int(box[2] * width), int(box[1] * height):int(box[3] * height)]
    return float(part.mean())


AT_THE_COUNTER = (0.18, 0.6, 0.66, COUNTER_EDGE)  # above the counter, where people sit
IN_THE_DOOR = (0.77, 0.4, 0.86, WALL_FOOT)


def test_the_panic_seen_from_inside_customers_sit_then_run_for_the_door() -> None:
    sitting, fled = people_at("04:21"), people_at("04:24:02")  # the rush has gone by
    going = people_at("04:23:03")  # (at this test's pace: the first of the rush in the door,
    # run along the aisle from where he stood at the glass)
    assert share(sitting, AT_THE_COUNTER) > 0.2, "at 04:21 they sit at the counter"
    assert share(sitting, IN_THE_DOOR) == 0, "nobody at the door yet"
    assert share(fled, AT_THE_COUNTER) < share(sitting, AT_THE_COUNTER) / 2, "the stools empty"
    assert share(going, IN_THE_DOOR) > 0.1, "they run out of the door"
    assert share(fled, IN_THE_DOOR) == 0, "and are gone out of it (none left standing there)"


def test_frames_drawn_in_a_row_through_the_break_are_the_frames_drawn_alone() -> None:
    """The kept room is repainted where the pane goes (and the tube stutters, the clock's
    hands turn, the people move over it): every frame is the one a fresh compositor draws."""
    headless()
    line = load_timeline(SHIPPED)
    running = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    start = parse_clock("04:23") - 1.0
    for n in range(2 * FPS):
        state = state_at(line, start + n / FPS)
        running.draw(surface, state)
        if n % 20 == 19:
            fresh = one_frame(line, SIZE, state, shared_made())
            assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB"), (
                f"frame {n}")


def without(line: Timeline, kinds: tuple[str, ...]) -> Timeline:
    """The shipped day with the panic scene's layers of these kinds left out."""
    scenes = tuple(dataclasses.replace(scene, layers=tuple(
        spec for spec in scene.layers if spec.type not in kinds)) if scene.name == PANIC
        else scene for scene in line.scenes)
    return dataclasses.replace(line, scenes=scenes)


def test_the_people_running_past_outside_run_on_a_street() -> None:
    """Under the outside runners' feet is ground (the room's view of the street), not the sky
    or the towers that show through the glass above it."""
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == PANIC)
    outside = next(spec for spec in scene.layers if spec.type == "figures"
                   and spec.params["pose"] == "run" and spec.params["scale"] < 0.2)
    room = pixels(draw(without(line, ("figures",)), "04:29", size=BIG))
    city = pixels(draw(without(line, ("figures", "interior")), "04:29", size=BIG))
    (x0, y0), (x1, y1) = outside.params["path"]
    ground = 0
    columns = range(int(max(0.0, min(x0, x1)) * BIG[0]), int(min(1.0, max(x0, x1)) * BIG[0]))
    for x in columns:
        y = round((y0 + (y1 - y0) * (x / BIG[0] - x0) / (x1 - x0)) * BIG[1]) + 1
        ground += bool((room[x, y] != city[x, y]).any())
    assert ground >= 0.9 * len(columns), "a pavement under their feet all along"


def test_nobody_behind_the_counter_shows_inside_the_pie_dome() -> None:
    """The dome stands low on the near counter: its glass ends at the counter's far edge, so
    the people behind (cut off at that edge) are never seen standing inside it."""
    assert PIE_CASE[1] >= COUNTER_EDGE - 0.005


def moved(before: np.ndarray, after: np.ndarray, reach: int = 16) -> int:
    """How far a row of values moved to the right between two frames (the best match)."""
    inner = slice(reach, len(before) - reach)
    return min(range(-reach, reach + 1), key=lambda d: float(
        np.abs(before[inner] - after[reach + d:len(after) - reach + d]).sum()))


def test_the_street_through_the_glass_slides_against_the_room_as_the_eye_drifts() -> None:
    """Wilshire outside is further than the room and nearer than the city: as the camera
    sways, its lane dashes move less than the booths along the glass (painted on the room,
    the street moved with it: no depth through the glass)."""
    line = without(load_timeline(SHIPPED), ("figures",))
    centred, swayed = (pixels(draw(line, at, size=WIDE)) for at in (CENTRED, SWAYED))
    lane = round((STREET[1] + STREET[2]) / 2 * WIDE[1])
    dashes = [(frame[:, lane, 0] > 140) & (frame[:, lane, 2] < frame[:, lane, 0] - 30)
              for frame in (centred, swayed)]
    street = moved(dashes[0].astype(float), dashes[1].astype(float))
    booths = round(BOOTHS_ROW * WIDE[1])
    room = moved(centred[:, booths].sum(axis=1).astype(float),
                 swayed[:, booths].sum(axis=1).astype(float))
    assert abs(room) >= 2 * APART, f"the room sways ({room} px)"
    assert 0 < abs(street) <= abs(room) - APART, (street, room)


def pauses_of(layer: Still, params: Mapping[str, Any], setup: Setup) -> list[tuple[bool, ...]]:
    """At each pause of a part's building: whether what it draws besides the pane is made,
    whether its pane is smashed, and whether that is cut to tiles."""
    return [(bool(layer.pieces_of) or hasattr(layer, "tube_lit"), layer.broken is not None,
             bool(layer.pane_pieces)) for _ in layer.pieces(params, setup)]


def test_a_broken_pane_is_smashed_and_cut_in_pieces_of_their_own_as_at_once() -> None:
    """Built ahead, the room and the glass part pause after what each draws besides the pane,
    then after the pane is smashed, before it is cut to tiles (all in one piece, they held up
    a frame building the next scene by 10-13 ms at 1920x1080); each draws what one built at
    once draws, the pane gone."""
    line = one_scene(DARK_SKY + layer("interior", broken="04:23")
                     + layer("interior", part="glass", broken="04:23") + NO_POST, at="04:20")
    headless()
    state = state_at(line, parse_clock("04:23:30"))
    compositor = Compositor(line, WIDE, print)
    for index in (1, 2):
        params = line.scenes[0].layers[index].params
        setup = compositor.setup(state.scene, index, "interior")
        kind = Interior.made_as(params)
        whole: Still = kind(params, setup)
        stepped: Still = object.__new__(kind)
        assert pauses_of(stepped, params, setup)[-3:] == [
            (False, False, False), (True, False, False), (True, True, False)], index
        frame = Frame(state.story_time, 210.0, state)
        assert stepped.look(frame), "the pane has gone"
        assert drawn_alike((whole, stepped), frame, WIDE)


def test_the_failing_tube_goes_out_without_darkening_the_ceiling_or_the_glass() -> None:
    """Out, the stuttering stretch of the strip is dim and the rest of its box is as lit: the
    ceiling above its slope and the glass under it (the whole box dimmed read as a dark slab
    over the window head at 04:30, not as a light going out)."""
    line = one_scene(DARK_SKY + layer("interior") + NO_POST, at="04:20")
    headless()
    compositor = Compositor(line, WIDE, print)
    room = Interior(line.scenes[0].layers[1].params,
                    compositor.setup(line.scenes[0], 1, "interior"))
    lit, out = (pygame.surfarray.array3d(picture).astype(int).sum(axis=2)
                for picture in (room.tube_lit, room.tube_dark))
    width, height = lit.shape
    assert (out <= lit).all()
    assert (lit - out).max() > 200, "the strip goes dark"
    corner = max(2, height // 4)
    assert (out[:corner, :corner] == lit[:corner, :corner]).all(), "the ceiling above it"
    assert (out[-corner:, -corner:] == lit[-corner:, -corner:]).all(), "the glass under it"


def _counter_top(size: tuple[int, int]) -> np.ndarray:
    """The counter's formica between its far edge and its chrome nose, as drawn (RGB)."""
    import random

    from installation.visuals.counter import COUNTER_NOSE, counter
    steps = counter(size, (255, 200, 150), random.Random(7))
    try:
        while True:
            next(steps)
    except StopIteration as done:
        pieces, _bare = done.value
    band, (x, y) = pieces[0]
    rgb = pygame.surfarray.pixels3d(band).astype(np.float64).copy()
    top = round(COUNTER_EDGE * size[1]) - y
    return rgb[:, top + 2:round(COUNTER_NOSE * size[1]) - y - 2]


def test_the_counters_formica_is_a_faded_pattern_not_streamers() -> None:
    """Its boomerangs were thin lines in full colour and read as party streamers strewn over the
    counter: faded into the cream they read as the formica's print (almost no pixel of the top
    as saturated as a pure ink: its teal and rose were 0.57-0.74)."""
    rgb = _counter_top((1920, 1080))
    high, low = rgb.max(axis=2), rgb.min(axis=2)
    saturation = np.where(high > 150, (high - low) / np.maximum(high, 1.0), 0.0)  # not the coffee
    assert np.mean(saturation > 0.5) < 0.001
    assert np.mean(saturation > 0.2) > 0.01  # the print is there, not a plain cream
