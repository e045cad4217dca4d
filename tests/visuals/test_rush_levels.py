"""The rush's largest runners, shrinking as they bolt up the room from the counter at 04:23, are
drawn at a few heights and shrunk from the nearest one above their own (they were drawn only
at their largest, 475 pixels, and shrunk a third every frame: ~8 ms a sprite to draw at a cold
start, where one a third smaller takes half that), and never jump in size between frames."""

from __future__ import annotations

from functools import cache

from installation.core.program import Program
from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figure_levels import LEVEL
from installation.visuals.figures import Figures
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (1920, 1080)
BOLT = ("04:23:18", 1.0)  # one leaves the counter (story time), watched this many real seconds
FPS = 60.0
JUMP = 2  # pixels: between frames a runner's drawn height changes by no more than its share
#           does, give or take this


@cache
def _program() -> Program:
    return shipped_program()


@cache
def _bolter() -> Figures:
    """The one who leaves the counter at BOLT's time, set up as the show sets them up."""
    headless()
    program = _program()
    line, clock = program.timeline, program.clock
    scene = state_at(line, parse_clock(BOLT[0]), clock).scene
    compositor = Compositor(line, SIZE, lambda _message: None, clock)
    (index,) = [
        n
        for n, spec in enumerate(scene.layers)
        if spec.type == "figures" and spec.params["from"] == parse_clock(BOLT[0])
    ]
    return Figures(scene.layers[index].params, compositor.setup(scene, index, "figures"))


def _frames() -> list[Frame]:
    """BOLT's real seconds at 60 fps from when they set off."""
    program, start = _program(), parse_clock(BOLT[0])
    frames = []
    for n in range(round(BOLT[1] * FPS)):
        state = state_at(program.timeline, start + n / FPS / _rate(), program.clock)
        frames.append(Frame(state.story_time, state.scene_seconds, state))
    return frames


def _rate() -> float:
    """Real seconds per story second in the rush."""
    program = _program()
    a, b = (
        state_at(program.timeline, parse_clock(t), program.clock).scene_seconds
        for t in ("04:23", "04:23:30")
    )
    return (b - a) / 30.0


def test_a_runner_bolting_up_the_room_is_shrunk_from_a_height_near_their_own() -> None:
    bolter = _bolter()
    heights = set()
    for frame in _frames():
        for member in bolter.members(frame):
            shown = member.look.height * member.share
            assert member.share <= 1.0 + 1e-9
            assert member.look.height <= shown / LEVEL + 1, (member.look.height, shown)
            heights.add(member.look.height)
    assert len(heights) > 2, heights


def test_a_runner_bolting_up_the_room_never_jumps_in_size() -> None:
    """Drawn from one height and then the next (each near their own), their body on the
    screen is as tall as where their feet are says, within a pixel or two, frame after
    frame."""
    bolter = _bolter()
    largest = bolter.looks[0].height
    seen = 0
    for frame in _frames():
        for member in bolter.members(frame):
            whole, at = bolter.sprites.get(
                member.pose, member.phase, member.left, member.look, member.turn
            )
            sprite, _ = bolter.depth.sized(whole, at, member.share)
            drawn = member.look.height * sprite.get_height() / whole.get_height()
            true = largest * bolter.depth.share(member.feet[1])
            assert abs(drawn - true) <= JUMP, (frame.story_time, drawn, true)
            assert member.look.height <= true / LEVEL + 1, (member.look.height, true)
            seen += 1
    assert seen >= 0.9 * FPS * BOLT[1], seen
