"""Across Wilshire at first light: Harry and Julie run as two people together, never one
shape: apart along the road, out of step, in their own tones, each with a long shadow."""

from __future__ import annotations

from pathlib import Path

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
DAWN = "Across Wilshire at first light"
APART = 0.4  # of his height there: the least gap between their feet along the road
OUT_OF_STEP = 0.15  # of a cycle: the least their strides differ by
OWN_STRIDE = 0.1  # or their strides' lengths differ by this share at least
TONES = 24  # the least their colours differ by, summed over red, green and blue
SAMPLES = 120  # moments looked at, a tenth of a second apart


def runners() -> tuple[list[Figures], list[Frame]]:
    """The two runners' layers at dawn, and frames a tenth of a second apart from when they
    set off (once, out of the empty street)."""
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, (1920, 1080), print)
    scene = state_at(line, parse_clock("05:06")).scene
    assert scene.name == DAWN
    layers = [Figures(spec.params, compositor.setup(scene, index, "figures"))
              for index, spec in enumerate(scene.layers)
              if spec.type == "figures" and spec.params["body"] in ("harry", "julie")]
    # (the last of each: they run on together from where he stopped and turned back for her)
    layers = [[one for one in layers if one.params["body"] == who][-1]
              for who in ("harry", "julie")]
    frames = []
    start = layers[0].params["from"]
    assert start == layers[1].params["from"] and start > scene.at
    for n in range(SAMPLES):
        state = state_at(line, start + n / 10)
        frames.append(Frame(state.story_time, state.scene_seconds, state))
    return layers, frames


def test_harry_and_julie_run_apart_out_of_step_in_their_own_tones_with_shadows() -> None:
    layers, frames = runners()
    assert [layer.params["body"] for layer in layers] == ["harry", "julie"]
    harry, julie = layers
    assert sum(abs(a - b) for a, b in zip(harry.params["color"], julie.params["color"],
                                          strict=True)) >= TONES, "two tones, not one black"
    assert all(layer.params["contact_reach"] for layer in layers), "each with a long shadow"
    together = 0
    # (strides of their own lengths, steps at their own rates: in step only for a moment)
    own = abs(julie.strides[0] / harry.strides[0] - 1) >= OWN_STRIDE
    for frame in frames:
        (him,), (her,) = harry.members(frame), julie.members(frame)
        if not (0 < him.feet[0] < harry.width and 0 < her.feet[0] < julie.width):
            continue
        together += 1
        assert abs(him.feet[0] - her.feet[0]) >= APART * harry.height * him.share, (
            f"one shape at {frame.story_time}")
        assert her.feet[1] > him.feet[1], "she runs a lane nearer: drawn over his shadow"
        apart = (her.phase - him.phase) % 1.0
        assert own or OUT_OF_STEP <= apart <= 1 - OUT_OF_STEP, "in their own strides, not in step"
    assert together > SAMPLES // 4, "seen running together"
