"""The two on the mall's far lot who stand looking back at the store (one up at the beams, one
shading his eyes) and then run off at 04:57:00 and 04:57:30 are the same people running: the
same clothes, hair, hat and what they hold (they changed costume as they set off, each dealt
anew from the scene's fleeing)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless
from installation.visuals.wardrobe import Outfit

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SCENE = "Searchlights over the mall"


@pytest.mark.parametrize(("stood", "ran"), [("walk", "04:57:00"), ("peer", "04:57:30")])
def test_who_stood_on_the_lot_runs_off_in_what_they_wore(stood: str, ran: str) -> None:
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == SCENE)
    compositor = Compositor(line, (320, 180), print)

    def layer(pose: str, at: str | None = None) -> Figures:
        (index,) = [
            n
            for n, spec in enumerate(scene.layers)
            if spec.type == "figures"
            and spec.params["pose"] == pose
            and (at is None or spec.params["from"] == parse_clock(at))
        ]
        return Figures(scene.layers[index].params, compositor.setup(scene, index, "figures"))

    standing, running = layer(stood), layer("run-glance", ran)
    assert standing.looks[0].clothes == running.looks[0].clothes
    # (what their arms do as they run is theirs alone: standing, no one's arms are in panic)
    assert [calm(one) for one in standing.outfits] == [calm(one) for one in running.outfits], (
        standing.outfits,
        running.outfits,
    )


def calm(outfit: Outfit | None) -> Outfit | None:
    """Their clothes, hair, hat and what they hold, with arms that pump."""
    return (
        None
        if outfit is None
        else replace(outfit, gait=replace(outfit.gait, arms="pump", wild=0.0))
    )
