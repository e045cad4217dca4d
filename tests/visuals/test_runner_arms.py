"""Runners' arms fly at every stride: the one who stumbles on Wilshire at 05:05 has nothing in
his hands, so his arms go out in front of him as he buckles (he held a coat over his head,
arms up and stiff, as he pitched forward); and whoever runs holding something in both arms
(a coat over the head, a box, a child) still moves them with each stride."""

from __future__ import annotations

from pathlib import Path

import pytest

from installation.core.timeline import load_timeline
from installation.visuals.carried import HOLDS, holding
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.flight import TRIP
from installation.visuals.render import headless
from installation.visuals.strides import run

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
FLUNG = 0.12  # pitched forward, his near hand at least this far ahead of his shoulder
STEPS = 16
SWING = 0.08  # radians: how far, at least, a holding arm rocks at the shoulder in a stride


def _stumbler() -> Figures:
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == "Across Wilshire at first light")
    index = next(i for i, spec in enumerate(scene.layers)
                 if spec.type == "figures" and spec.params["pose"] == "run-stumble")
    return Figures(scene.layers[index].params,
                   Compositor(line, (1920, 1080), print).setup(scene, index, "figures"))


def test_the_stumbler_flings_his_arms_out_as_he_buckles() -> None:
    figures = _stumbler()
    outfit = figures.outfits[0]
    assert outfit is not None and outfit.carry == "none", outfit
    body = figures.sprites.body("run-stumble", TRIP[1], 0.0, outfit)
    shoulder, wrist = body.joints["shoulder"], body.joints["wrist0"]
    assert wrist[0] - shoulder[0] > FLUNG, (wrist, shoulder)


@pytest.mark.parametrize("carry", sorted(HOLDS))
def test_arms_holding_something_move_with_each_stride(carry: str) -> None:
    hold = holding(carry)
    assert hold is not None
    for side in (0, 1):
        angles = [hold(run(step / STEPS)).shoulders[side] for step in range(STEPS)]
        assert max(angles) - min(angles) > SWING, (carry, side, angles)
