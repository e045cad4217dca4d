"""The runners across Wilshire at first light (05:05) stand on one ground: whoever has their
feet lower is larger, whatever layer they run in; and the one who stumbles does it whole in
the frame, apart from the one who looks back."""

from __future__ import annotations

from day_config import shipped_program

from installation.core.clock import StoryClock
from installation.core.timeline import Timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.flight import TRIP
from installation.visuals.render import headless

WIDTH = 1920
SAME = 0.02  # the most two layers' sizes for a height below the horizon may differ
WIDE = 0.6  # a runner reaches this much of their height either side of their feet
DRIFT = 80  # pixels: the camera's drift may carry a runner this far further


def dawn() -> tuple[Timeline, StoryClock, Scene, Compositor]:
    """The shipped day and its pace, its scene at 05:06 and a full-size compositor for it."""
    headless()
    program = shipped_program()
    line, clock = program.timeline, program.clock
    return (line, clock, state_at(line, parse_clock("05:06"), clock).scene,
            Compositor(line, (WIDTH, 1080), print, clock))


def frame(line: Timeline, clock: StoryClock, story: float) -> Frame:
    """The frame shown at story time `story` (at the day's pace)."""
    state = state_at(line, story, clock)
    return Frame(state.story_time, state.scene_seconds, state)


def test_every_runner_is_as_tall_as_their_feet_are_low_on_one_ground() -> None:
    """Each layer's size where its path begins, over how far below the horizon that is: one
    number for the scene (the one looking back and the one stumbling were 18% and 12% smaller
    than the runners beside them, their feet lower; Julie 9% larger)."""
    _, _, scene, _ = dawn()
    sizes = {i: spec.params["scale"] / (spec.params["path"][0][1] - spec.params["horizon"])
             for i, spec in enumerate(scene.layers)
             if spec.type == "figures" and spec.params.get("horizon") is not None}
    assert len(sizes) >= 10
    low, high = min(sizes.values()), max(sizes.values())
    assert high / low - 1 < SAME, sizes


def _stumbler(layers: list[Figures], story: str) -> tuple[float, float, float]:
    """The stumbling runner at `story`: the feet's x, their height, the stumble's phase."""
    line, clock, _, _ = dawn()
    at = frame(line, clock, parse_clock(story))
    (one,) = [m for layer in layers if layer.params["pose"] == "run-stumble"
              for m in layer.members(at)]
    return one.feet[0], one.look.height * one.share, one.phase % 1.0


def _layers() -> list[Figures]:
    _, _, scene, compositor = dawn()
    return [Figures(spec.params, compositor.setup(scene, i, "figures"))
            for i, spec in enumerate(scene.layers) if spec.type == "figures"]


def test_the_stumble_is_seen_whole_in_the_frame_at_05_08_54_to_57() -> None:
    """At 05:08:54 the only arms-flung-out runner was cut by the frame's right edge, and at
    :57 nobody stumbled. Now the stumbler is whole in the picture, stumbling from :52 to :59
    (2.6 real seconds)."""
    layers = _layers()
    for story in ("05:08:53", "05:08:54", "05:08:56", "05:08:58"):
        x, height, phase = _stumbler(layers, story)
        reach = WIDE * height + DRIFT
        assert reach < x < WIDTH - reach, f"at {story} the stumbler's feet at {x:.0f}"
        assert TRIP[0] < phase < TRIP[2], f"not stumbling at {story} ({phase:.2f})"


def test_the_stumbler_and_the_one_looking_back_are_never_one_shape() -> None:
    """The two run the same path (a guard for the stumbler's new start, which passes on main
    too: set off at the wrong moment, they run as one knot of four legs). Through a loop of
    theirs, their feet are always more than a body's width apart."""
    line, clock, _, _ = dawn()
    layers = [one for one in _layers() if one.params["pose"] in ("run-glance", "run-stumble")]
    story = parse_clock("05:07")
    for tenth in range(80):  # a loop of theirs is 7.4 real seconds
        at = frame(line, clock, story)
        story = story_after(clock, story, 0.1)
        feet = [m for layer in layers for m in layer.members(at)]
        if len(feet) == 2:
            gap = abs(feet[0].feet[0] - feet[1].feet[0])
            height = max(m.look.height * m.share for m in feet)
            assert gap > WIDE * height, f"{gap:.0f} px apart 05:07 + {tenth / 10} real s"
