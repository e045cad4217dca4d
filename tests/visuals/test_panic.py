"""The panic in Johnnie's: the pane that breaks stays in its frame; the runners read solid."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pygame
import pytest
from day_config import shipped_program

from installation.core.config import load_config
from installation.core.program import Program
from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeline.model import LayerSpec
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.counter import CHROME
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.figures import Figures, Member
from installation.visuals.render import headless
from installation.visuals.skeleton import HEAD
from installation.visuals.sprite_cache import PHASES, Sprites
from installation.visuals.wardrobe import CROWD, PASSERS_BY, passers_by

from .helpers import NO_POST, draw, frame_at, layer
from .test_people_close import head_at, in_sight

WIDE = (960, 540)
CRACKS = 200  # pixels of crack and hole on the broken pane, at least, at this size
SILL = 0.625  # the glass front's foot (below: the wall, the floor and the shards on it)
STREET = 0.5  # the street outside, seen through the glass from here down
GLASS = (0.25, 0.45)  # a band of the picture where all of the front is glass or its uprights
SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SPRITE = 200  # a figure's height, in pixels, drawn alone
INSIDE = 4  # pixels in from a figure's outline: inside its body, past where a rim shows
STRAY = 25  # rim-lit pixels that may show inside a body (where a chest meets a far arm)
KEY = (255, 0, 255)  # the runners drawn in this, no rim, to find where they are
IN_SIGHT = 300  # pixels of runners in the room (below the glass), at least, at this size
SOLID = 20  # a runner's pixel at least this far (RGB) from the room behind it shows
SEE_THROUGH = 0.1  # of a runner's pixels, at most this share may be nearer than that
RUNNING = ("04:23:19", "04:23:33")  # the rush: those from the counter, then the booths
SMALL = (640, 360)
RUSH_S = 30.0  # story seconds the aisle runners' rush is looked at, a tenth of one apart
APART = 3.0  # head radii (of the smaller) between two runners' heads, at least


def sky(color: str) -> str:
    return layer("sky", top=color, bottom=color, stars=0, sun=False, clouds=0)


def test_the_cracks_stay_inside_the_broken_pane_never_over_its_frame() -> None:
    """Where the glass breaks, its frame (the uprights, the rail under the upper panes, the
    chrome on the sill) and the lamps in front of it stand as they were: the cracks run out
    to the frame and stop there."""
    whole = layer("interior") + NO_POST
    broken = frame_at(sky("#101018") + layer("interior", broken="04:23") + NO_POST, "04:20",
                      190.0, WIDE)
    before = frame_at(sky("#101018") + whole, "04:20", 190.0, WIDE)
    cracks = (broken != before).any(axis=2)
    cracks[:, round(SILL * WIDE[1]):] = False  # (the shards on the floor)
    assert cracks.sum() > CRACKS, "the pane is broken"
    # What is not glass looks the same whatever the night is like outside: above the street
    # (drawn solid on the room), that is the frame and the lamps; an upright is solid all
    # the way down the glass; the sill is chrome.
    solid = (before == frame_at(sky("#f0f0f0") + whole, "04:20", 190.0, WIDE)).all(axis=2)
    street = round(STREET * WIDE[1])
    frame = solid.copy()
    frame[:, street:] = solid[:, round(GLASS[0] * WIDE[1]):round(GLASS[1] * WIDE[1])].all(
        axis=1)[:, None]
    frame |= (before == CHROME).all(axis=2)
    columns = np.nonzero(cracks.any(axis=1))[0]
    assert frame[columns.min() - 1, street:].all() and frame[columns.max() + 1, street:].all(), \
        "the pane's uprights are beside the cracks"
    assert not (cracks & frame).any(), "no crack over the frame"


def interior(alpha: np.ndarray, depth: int) -> np.ndarray:
    """The pixels of an opaque shape at least `depth` pixels in from its outline."""
    shape = alpha == 255
    inner = shape.copy()
    for dx in range(-depth, depth + 1):
        for dy in range(-depth, depth + 1):
            if dx * dx + dy * dy <= depth * depth:
                inner &= np.roll(np.roll(shape, dx, 0), dy, 1)
    return inner


@pytest.mark.parametrize("name", ["run", "walk", "idle"])
def test_a_rim_lit_figure_shows_no_stripe_of_light_across_its_body(name: str) -> None:
    """The near arm, drawn over the chest, is edged in shadow there: its rim light shows only
    where the arm stands out against what is behind the figure (a bright stripe across a dark
    body reads as the room showing through it)."""
    for outfit in (*CROWD, *passers_by(len(PASSERS_BY), 0, False)):  # (each in a gait)
        for step in range(PHASES):
            body = Sprites().body(name, step / PHASES, 0.0, outfit)
            sprite, _ = sprite_for(body, Look(SPRITE, (30, 30, 30), (255, 255, 255), False,
                                              outfit), False)
            lit = pygame.surfarray.array3d(sprite).min(axis=2) > 128
            inside = int((lit & interior(pygame.surfarray.array_alpha(sprite), INSIDE)).sum())
            assert inside <= STRAY, f"{name} {outfit.coat} phase {step}: {inside} lit inside"


def aisle_runners(figures: Figures) -> bool:
    """Is this a layer of the people running for the door, in any lane (one looking back,
    one stumbling)?"""
    return figures.params["pose"].startswith("run") and figures.params["scale"] > 0.2


def panic_frame(at: str, keyed: bool = False, runners: bool = True) -> np.ndarray:
    """The shipped panic at `at`: with its runners along the aisle, without them, or with
    them drawn flat in KEY."""
    headless()
    line = load_timeline(SHIPPED)
    with pytest.MonkeyPatch.context() as patch:
        listed, looked = Figures.members, Figures._look

        def members(self: Figures, frame: Frame) -> list[Member]:
            return listed(self, frame) if runners or not aisle_runners(self) else []

        def look(self: Figures, i: int) -> Look:
            one = looked(self, i)
            return dataclasses.replace(one, color=KEY, rim=None) if keyed and aisle_runners(
                self) else one

        patch.setattr(Figures, "members", members)
        patch.setattr(Figures, "_look", look)
        surface = pygame.Surface(SMALL)
        Compositor(line, SMALL, print).draw(surface, state_at(line, parse_clock(at)))
    return pygame.surfarray.array3d(surface).astype(int)


@pytest.mark.parametrize("at", RUNNING)
def test_the_runners_read_as_solid_bodies_against_the_lit_room(at: str) -> None:
    """Their coats are not the colour of the booths, the wall and the dark tiles behind them:
    nearly all of each runner stands apart from what it passes in front of."""
    key = panic_frame(at, keyed=True)
    where = (key[..., 0] > 150) & (key[..., 1] < 90) & (key[..., 2] > 150)
    where[:, :round(SILL * SMALL[1])] = False  # (the room: not the night through the glass,
    #                                            where the tall ones from the counter hold up
    #                                            their dark heads, as they stood)
    assert where.sum() > IN_SIGHT, "runners in sight"
    shown, room = panic_frame(at), panic_frame(at, runners=False)
    apart = np.sqrt(((shown - room) ** 2).sum(axis=2))[where]
    assert (apart < SOLID).mean() <= SEE_THROUGH


Head = tuple[float, float, float]  # a runner's head: across, down (pixels) and its radius


def aisle_heads() -> Iterator[list[Head]]:
    """Where the heads of the aisle runners in the picture are (every lane's), a tenth of a
    story second apart at the day's pace, and how large."""
    headless()
    program = shipped_program()
    line, clock = program.timeline, program.clock
    compositor = Compositor(line, (1920, 1080), print, clock)
    scene = state_at(line, parse_clock("04:26"), clock).scene
    layers = [Figures(spec.params, compositor.setup(scene, i, "figures"))
              for i, spec in enumerate(scene.layers) if spec.type == "figures"]
    layers = [one for one in layers if aisle_runners(one)]
    start = min(one.params["from"] for one in layers)
    for n in range(int(RUSH_S * 10)):
        state = state_at(line, start + n / 10, clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        yield [(*head, HEAD * member.look.height * member.share)
               for one in layers for member in one.members(frame) if in_sight(member, one.width)
               for head in [head_at(member.feet, member.pose, member.phase,
                                    round(member.look.height * member.share))]
               if 0 <= head[0] < one.width]


def test_the_runners_in_every_lane_never_run_one_on_top_of_another() -> None:
    """A crowd running for the door in lanes near and far, bunched, never two heads on one
    body: nobody overtakes another in sight (a nearer one passing, their head slid over the
    other's body, its head standing on theirs), and at the door, where the lanes meet, they
    come through one at a time: any two heads a head and a half apart (of the smaller)."""
    together = 0
    for heads in aisle_heads():
        together += len(heads) > 4
        for i, (ax, ay, ar) in enumerate(heads):
            for bx, by, br in heads[i + 1:]:
                assert math.dist((ax, ay), (bx, by)) >= APART * min(ar, br), (ax, ay, bx, by)
    assert together, "more than four of them are seen at once"


SWAYED = "04:27:50"  # the panic's 40 s sway at its furthest (at the story's own pace), the
#                      runners outside passing
FEET = (0.53, 0.55)  # the rows the outside runners' feet are in (their path's y, and a foot)
REACH = 16  # columns at either side left out (more than the sway: mirrored edges show there)
JOINTS = 3  # joints between the pavement's slabs seen in a row along their feet, at least


def panic_line(runners: bool = True, sway: bool = True) -> Timeline:
    """The shipped day, the panic without its grain and vignette (and without the people
    running past outside, or its camera's sway, if asked)."""
    line = load_timeline(SHIPPED)

    def kept(spec: LayerSpec) -> LayerSpec | None:
        if not runners and outside_runners(spec):
            return None
        if spec.type == "post":
            return dataclasses.replace(spec, params={**spec.params, "grain": 0, "vignette": 0})
        if spec.type == "camera" and not sway:
            return dataclasses.replace(spec, params={**spec.params, "drift": 0.0})
        return spec

    scenes = tuple(dataclasses.replace(scene, layers=tuple(
        new for new in map(kept, scene.layers) if new is not None))
        if scene.name == "Panic in the diner" else scene for scene in line.scenes)
    return dataclasses.replace(line, scenes=scenes)


def outside_runners(spec: LayerSpec) -> bool:
    """Is this the layer of the people running past outside, on the pavement?"""
    return spec.type == "figures" and spec.params["pose"] == "run" and spec.params["scale"] < 0.2


def test_a_runners_feet_and_the_pavement_under_them_sway_as_one() -> None:
    """As the eye drifts, the people running past outside and the pavement they run on move
    together: the rows along their feet, swayed, are the same rows moved over, feet, slabs'
    joints and all (no foot slides across the pavement), while the road beyond slides."""
    centred, swayed = (pygame.surfarray.array3d(draw(panic_line(sway=sway), SWAYED, size=WIDE))
                       .astype(int) for sway in (False, True))
    empty = pygame.surfarray.array3d(draw(panic_line(runners=False), SWAYED, size=WIDE))
    rows = slice(*(round(y * WIDE[1]) for y in FEET))
    feet = (swayed[:, rows] != empty[:, rows]).any(axis=2)
    assert feet.sum() > 20, "runners' feet in these rows"
    line = centred[:, rows].sum(axis=(1, 2)).astype(float)
    shift = min(range(-REACH, REACH + 1), key=lambda d: float(np.abs(
        line[REACH:-REACH] - swayed[REACH + d:WIDE[0] - REACH + d, rows].sum(axis=(1, 2))).sum()))
    assert shift != 0, "the eye has drifted"
    inner = slice(REACH, WIDE[0] - REACH)
    moved = swayed[REACH + shift:WIDE[0] - REACH + shift, rows]
    assert (moved == centred[inner, rows]).all(), "feet and pavement moved alike"
    slab = empty[inner, rows.stop - 1].sum(axis=1)
    dips = (slab[1:-1] < slab[:-2]) & (slab[1:-1] < slab[2:])
    assert dips.sum() >= JOINTS, "joints to see the pavement by"


AISLE_GAP_MOST = 60.0  # real seconds the lit room may stand empty but for the man who stays


def test_the_room_empties_in_stages_not_in_one_rush() -> None:
    """The rush out of the door took the whole crowd in ~5 s at 04:23, and then for 134 real
    seconds nobody passed along the aisle again: the last ones out (the cook at the sirens, a
    couple from the back booth) keep the emptying room alive to the scene's end."""
    line = load_timeline(SHIPPED)
    program_scenes = line.scenes
    panic = next(s for s in program_scenes if s.name == "Panic in the diner")
    after = program_scenes[program_scenes.index(panic) + 1]
    clock = Program(load_config(SHIPPED.parents[1] / "config.toml"), line).clock
    spans = []
    for spec in panic.layers:
        params = spec.params
        if spec.type != "figures" or params["pose"] != "run" or outside_runners(spec):
            continue
        (x0, _), (x1, _) = params["path"][0], params["path"][-1]
        start = clock.real_between(panic.at, params["from"])
        crossing = (abs(x1 - x0) + params["spacing"] * (params["count"] - 1)) / params["speed"]
        end = min(start + crossing, clock.real_between(panic.at, params["until"]))
        spans.append((start, end))
    spans.sort()
    gaps = [b[0] - a[1] for a, b in zip(spans, spans[1:], strict=False)]
    gaps.append(clock.real_between(panic.at, after.at) - spans[-1][1])
    assert max(gaps) < AISLE_GAP_MOST, [round(g) for g in gaps]
