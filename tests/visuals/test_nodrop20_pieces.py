"""No frame drops while the next scene is built: the pieces that made the slowest frames of the
day (a searchlight's turned beam, Johnie's ruin, a cut scene's first frame drawn ahead) cut
smaller, and the scene after the next never forced into a frame past the ceiling: counted in
work (what a piece does) and on a fake clock, never timed."""

from __future__ import annotations

import gc
from collections.abc import Callable, Generator
from types import SimpleNamespace
from typing import Any

import pytest
from day_config import SHIPPED

from installation.core.timeline import load_timeline
from installation.core.timeline.model import Scene
from installation.visuals import searchlight, wilshire, xplan
from installation.visuals import set_aside as set_aside_module
from installation.visuals.base import build, finished
from installation.visuals.building_ahead import SLOW_CEILING_SECONDS, STUCK_SKIPS, BuildingAhead
from installation.visuals.compositor import Compositor
from installation.visuals.enlarge import Enlarged
from installation.visuals.fonts import Fonts
from installation.visuals.layers import FACTORIES
from installation.visuals.render import headless

from .late18_replay import Clock, Held
from .test_late18_set_aside import started  # noqa: F401 - the fixture

FULL_HD = (1920, 1080)
RUINS = (20, 12, 10)  # the flash's ruins' colour
TREES_A_PIECE = 4  # Park La Brea's trees painted in one piece, at most
CUT_OUT_PIXELS = 150_000  # the most of a turned beam looked over to cut out in one piece (all of
# it in one: up to ~230,000 at 1920x1080, 8 ms loaded)
FRAME_SECONDS = 0.011  # a slow frame's own drawing: no room in it for the scene after the next
ROOMY_SECONDS = 0.005  # a frame with room for a forced piece within the ceiling
PIECE_SECONDS = 0.003  # each piece of the scene after the next: never within the aim after those


def shipped_scene(name: str) -> Scene:
    return next(scene for scene in load_timeline(SHIPPED).scenes if scene.name == name)


def built_layer(kind: str, scene: Scene) -> tuple[Any, Compositor]:
    """The shipped scene's first layer of `kind` built at 1920x1080, and its compositor."""
    headless()
    index, spec = next((n, spec) for n, spec in enumerate(scene.layers) if spec.type == kind)
    compositor = Compositor(load_timeline(SHIPPED), FULL_HD, print)
    return finished(build(FACTORIES[kind], spec.params,
                          compositor.setup(scene, index, kind))), compositor


def noted(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, what: Callable[..., int],
          calls: list[int]) -> None:
    """From now on each call of `module.name` adds what(*args) to calls[0]."""
    real: Callable[..., Any] = getattr(module, name)

    def noting(*args: Any, **kwargs: Any) -> Any:
        calls[0] += what(*args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, noting)


def each_piece(pieces: Generator[None, None, Any], *counts: list[int]
               ) -> list[tuple[int, ...]]:
    """Each piece of `pieces` run in turn: what each of `counts` grew by in it."""
    grown = []
    while True:
        before = [count[0] for count in counts]
        done = next(pieces, pieces) is pieces
        grown.append(tuple(count[0] - was for count, was in zip(counts, before, strict=True)))
        if done:
            return grown


def test_no_piece_of_turning_a_searchlight_ahead_makes_its_surface_and_cuts_out_its_light(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The searchlights' beams turned to angles of the fan at 1920x1080: the enlarged beam's
    large new surface made in a piece of its own, and its light cut out a part at a time
    (made, enlarged and cut out in one or two pieces: 8-19 ms, the panic's frames that built
    the searchlights ahead were the slowest of the day, 22.7 ms), every beam still cut out."""
    layer, _compositor = built_layer("searchlight", shipped_scene("Searchlights over the mall"))
    made, cut = [0], [0]
    noted(monkeypatch, Enlarged, "__init__", lambda *_args: 1, made)
    noted(monkeypatch, searchlight, "lit_columns",
          lambda piece, _bits: piece.get_width() * piece.get_height(), cut)
    turns = [layer.turn(n * searchlight.FAN_STEP) for n in range(layer.first, layer.first + 12)]
    pieces = [piece for turn in turns for piece in each_piece(turn, made, cut)]
    assert made[0] == len(turns)
    assert cut[0] > len(turns) * CUT_OUT_PIXELS  # (wide beams: more than one part each)
    assert all(not (making and cutting) for making, cutting in pieces)
    assert max(cutting for _making, cutting in pieces) <= CUT_OUT_PIXELS


def test_johnies_ruin_is_drawn_for_the_flash_a_part_a_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Johnie's ruin by the boulevard after the flash, built ahead: its gutted front, its
    burnt blade and its burnt board each in a piece of its own (all in one piece of the
    flash's building: 11-13 ms, the slowest frame of Across Wilshire and of the coyote)."""
    headless()
    parts = [0]
    for name in ("_gutted", "burning_sign", "burnt_board"):
        noted(monkeypatch, wilshire, name, lambda *_args: 1, parts)
    pieces = wilshire.wilshire(FULL_HD, 864, 960, RUINS, Fonts(lambda _message: None).get, 1988)
    per_piece = [part for part, in each_piece(pieces, parts)]
    assert sum(per_piece) == 3
    assert max(per_piece) == 1


def test_park_la_breas_trees_behind_a_tower_are_painted_a_few_a_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Park La Brea's towers painted ahead at 1920x1080: the trees behind each tower a few a
    piece (all of a tower's with its wall in one piece: 7-9 ms loaded, the panic's frames
    building the park ahead over the goal)."""
    scene = shipped_scene("Park La Brea")
    layer, compositor = built_layer("skyline", scene)
    trees = [0]
    noted(monkeypatch, xplan, "paint_tree", lambda *_args: 1, trees)
    pieces = each_piece(layer.warm(compositor.opening_frame(scene)), trees)
    assert trees[0] > 4 * TREES_A_PIECE
    assert max(tree for tree, in pieces) <= TREES_A_PIECE


def test_a_cut_scenes_first_frame_is_drawn_ahead_on_a_surface_taken_in_a_piece_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Dusk, arriving by a cut, its first frame drawn ahead: the spare surface it is drawn on
    (new if none is spare: its first touches ~8 ms) taken in a piece before the one that
    draws the frame (together 17-19 ms: Harry meets Julie's slowest frame, 19.1 ms)."""
    headless()
    line = load_timeline(SHIPPED)
    dusk = next(scene for scene in line.scenes if scene.name == "Dusk on the Miracle Mile")
    assert dusk.transition.type == "cut"
    compositor = Compositor(line, FULL_HD, print)
    upcoming = compositor._layers(dusk)  # noqa: SLF001 - the building ahead's own handle
    upcoming.finish()
    taken, drawn = [0], [0]
    noted(monkeypatch, type(compositor.spares), "surface", lambda *_args: 1, taken)
    noted(monkeypatch, Compositor, "draw_scene", lambda *_args: 1, drawn)
    pieces = each_piece(compositor.ahead._rehearsal(upcoming), taken, drawn)  # noqa: SLF001
    assert (taken[0], drawn[0]) == (1, 1)
    assert all(not (took and made) for took, made in pieces)


def test_the_scene_after_the_next_is_never_forced_into_a_frame_past_the_ceiling() -> None:
    """Frames of 11 ms, then of 5 ms, each piece of the scene after the next 3 ms (never within
    the aim): after STUCK_SKIPS frames with no room, a piece is built anyway, but only in a
    frame it leaves within SLOW_CEILING_SECONDS (forced into an 11 ms frame, 14 ms: the
    panic's searchlights, the payphone's skyline, the tar pits' street, frames of 16-26 ms)."""
    clock = Clock()
    ahead = BuildingAhead(SimpleNamespace(timer=clock))  # type: ignore[arg-type]
    further = Held(clock, None, [("piece", PIECE_SECONDS)] * 40)  # type: ignore[arg-type]
    ahead._piece_times.took("piece", PIECE_SECONDS)  # noqa: SLF001 - (as after the next's build)
    frames = []
    for own in [FRAME_SECONDS] * (3 * STUCK_SKIPS) + [ROOMY_SECONDS] * (2 * STUCK_SKIPS + 2):
        clock.now += own
        began = clock.now - own
        ahead.build_further(further, own)  # type: ignore[arg-type]
        frames.append((own, clock.now - began))
    assert max(took for _own, took in frames) <= SLOW_CEILING_SECONDS
    assert len(further._pieces) - further._next >= 38  # (the slow frames forced none)  # noqa: SLF001
    assert further._next >= 2, "the roomy frames built none: stalled"  # noqa: SLF001


@pytest.mark.usefixtures("started")
def test_builds_set_aside_one_after_another_ask_the_count_of_what_is_set_aside_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two builds of scenes after the next finished in turn, each set aside from the cycle
    collector: the count of what is set aside (a walk over all of it: 5-8 ms in the frame each
    build finished in, late in the day) asked for the first only."""
    asked = [0]
    noted(monkeypatch, set_aside_module.gc, "get_freeze_count", lambda: 1, asked)
    clock = Clock()
    ahead = BuildingAhead(SimpleNamespace(timer=clock))  # type: ignore[arg-type]
    for _scene in range(2):
        further = Held(clock, None, [("piece", PIECE_SECONDS)])  # type: ignore[arg-type]
        ahead.build_further(further, ROOMY_SECONDS / 2)  # type: ignore[arg-type]
        assert further.ready
    assert asked[0] == 1
    assert gc.get_freeze_count() > 0  # (both set aside)
