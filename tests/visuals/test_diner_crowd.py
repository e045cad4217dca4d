"""Panic in the diner, 04:20-04:23: the people at the counter read as people, one by one. On
their stools no arm is held out level in front of them like a rifle (a hand on the counter,
leaning back, was); up off the stools, each does something of their own (listening, talking
with their hands, turned away, looking out through the glass), in clothes of their own, not a
row of standing mannequins all one brown."""

from __future__ import annotations

from installation.core.timeutil import parse_clock
from installation.visuals.argue import ARGUING
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

from .helpers import shipped_program as shipped
from .test_caption_places import scene_named
from .test_diner_aftermath import SCENE, SIZE

STEPS = 32  # phases of each gesture looked at
OUT = 0.15  # of a height: a hand this far in front of the shoulder is held out
LEVEL = 0.3  # a forearm rising or falling less than this of its run is level
UP = "04:22"  # everybody up off the stools
BOLTED = "04:23:22"  # the last of them has bolted from the counter by now (from 04:23)
KINDS = 4  # at least this many different things done by the people standing


def _layers(kind: str) -> list[Figures]:
    """The shipped scene's figures layers in pose `kind`, set up as the show sets them up."""
    headless()
    program = shipped()
    scene = scene_named(program.timeline, SCENE)
    compositor = Compositor(program.timeline, SIZE, lambda _message: None, program.clock)
    return [Figures(spec.params, compositor.setup(scene, n, "figures"))
            for n, spec in enumerate(scene.layers)
            if spec.type == "figures" and (kind == "*" or spec.params["pose"] == kind)]


def test_no_one_arguing_holds_an_arm_out_level_like_a_rifle() -> None:
    (layer, *_) = _layers("argue")
    outfit = layer.outfits[0]
    for name in ARGUING:
        for step in range(STEPS):
            body = layer.sprites.body(name, step / STEPS, 0.0, outfit)
            sx, _ = body.joints["shoulder"]
            for side in (0, 1):
                (ex, ey), (wx, wy) = body.joints[f"elbow{side}"], body.joints[f"wrist{side}"]
                level = abs(wy - ey) < LEVEL * abs(wx - ex)
                assert not (level and wx - sx > OUT), (
                    f"{name} at {step / STEPS:.2f}: arm {side} held out level")


def test_up_off_their_stools_each_does_something_of_their_own() -> None:
    layers = [layer for layer in _layers("*") if layer.params["until"] is not None
              and parse_clock("04:23") <= layer.params["until"] <= parse_clock(BOLTED)
              and layer.params["pose"] not in ("argue", "sit")
              and layer.params["body"] == "person"]
    poses = {layer.params["pose"] for layer in layers}
    assert len(poses) >= KINDS - 1, f"up off the stools they all {poses}"
    clothes = {layer.params["clothes"] for layer in layers}
    people = {(layer.params["look"], layer.params["pick"]) if layer.params["look"] else layer
              for layer in layers}  # (one of a look in two layers is one person)
    assert len(clothes) == len(people) and all(clothes), "each in clothes of their own"
    steps = {(layer.params["pose"], layer.params["from"]) for layer in layers}
    assert len(steps) == len(layers), "nobody gestures in step with another"
