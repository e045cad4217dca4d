"""Only the sprites a layer's people can reach are drawn ahead (see figure_reach): a runner
bolting once up the diner at 04:23, drawn at four heights in 64 phases a stride, reaches only
some of each height's phases (every one was drawn: 256 sprites ~470 pixels tall and less,
most never shown, the bulk of Panic's 27 s of building), and standing (only at the instant they
set off) that instant's; someone at the counter talking back
to Harry from 04:21:48 takes five of talk's eight turns in its ~23 real seconds (all eight
were drawn, 36 sprites each, ~460 pixels tall). Every frame still finds its sprite drawn:
none is drawn on demand."""

from __future__ import annotations

from functools import cache

from installation.core.program import Program
from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame, finished
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless
from installation.visuals.talk import NAMES

from .helpers import shipped_program

SIZE = (1920, 1080)
FPS = 60.0
BOLT = "04:23:01.6"  # one leaves the counter (their layer's `from`)
ASKING = ("04:21:48", "04:23:10")  # one talking back to Harry over a shoulder (story times)


@cache
def _program() -> Program:
    return shipped_program()


def _layer(at: str, chosen: dict[str, object]) -> Figures:
    """The figures layer of the scene at story time `at` whose params hold `chosen`, set up
    as the show sets it up."""
    headless()
    program = _program()
    scene = state_at(program.timeline, parse_clock(at), program.clock).scene
    compositor = Compositor(program.timeline, SIZE, lambda _message: None, program.clock)
    (index,) = [n for n, spec in enumerate(scene.layers) if spec.type == "figures" and all(
        spec.params[key] == value for key, value in chosen.items())]
    return Figures(scene.layers[index].params, compositor.setup(scene, index, "figures"))


def _frames(start: str, end: str, fps: float = FPS) -> list[Frame]:
    """The show's frames (`fps` a real second) from story time `start` to `end`."""
    program = _program()
    first = state_at(program.timeline, parse_clock(start), program.clock)
    last = state_at(program.timeline, parse_clock(end), program.clock)
    frames = []
    seconds = first.scene_seconds
    while seconds < last.scene_seconds:
        story = parse_clock(start) + (parse_clock(end) - parse_clock(start)) * (
            seconds - first.scene_seconds) / (last.scene_seconds - first.scene_seconds)
        state = state_at(program.timeline, story, program.clock)
        frames.append(Frame(state.story_time, state.scene_seconds, state))
        seconds += 1.0 / fps
    return frames


def _drawn_on_demand(layer: Figures, frames: list[Frame]) -> int:
    """How many sprites the frames draw that the layer's building ahead did not."""
    before = len(list(layer.sprites.drawn()))
    for frame in frames:
        for member in layer.members(frame):
            layer.sprites.get(member.pose, member.phase, member.left, member.look,
                              member.turn)
    return len(list(layer.sprites.drawn())) - before


def test_a_runner_bolting_up_the_room_is_drawn_ahead_only_in_the_phases_they_reach() -> None:
    bolter = _layer(BOLT, {"from": parse_clock(BOLT), "pose": "run"})
    frames = _frames(BOLT, "04:23:10.1")  # (pushing off, then up the room and out)
    finished(bolter.warm(frames[0]))
    steps = bolter.sprites.steps("run")
    drawn = list(bolter.sprites._cache)  # noqa: SLF001
    running = [key for key in drawn if key[0] == "run"]
    heights = {key[4].height for key in running}
    assert len(heights) >= 3, heights  # (still drawn at several heights: figure_levels)
    assert len(running) <= 0.6 * steps * len(heights), (len(running), steps, heights)
    # Standing, they are seen only at the instant they set off (the path's end is out of the
    # picture): that instant's standing sprite drawn ahead (a phase either side), where all
    # 16 of its cycle were, ~500 pixels tall.
    assert len(drawn) - len(running) <= 3, {key[0] for key in drawn}
    assert _drawn_on_demand(bolter, frames) == 0


def test_one_talking_back_at_the_counter_is_drawn_ahead_only_in_the_turns_they_take() -> None:
    asking = _layer(ASKING[0], {"look": "counter-arguers6", "pick": (1,), "pose": "talk"})
    frames = _frames(*ASKING, fps=12.0)  # (a turn's 36 steps in 6 s: six a second)
    finished(asking.warm(frames[0]))
    turns = {key[0] for key in asking.sprites._cache}  # noqa: SLF001
    assert turns <= set(NAMES.values())
    assert len(turns) <= 5, turns
    assert _drawn_on_demand(asking, frames) == 0
