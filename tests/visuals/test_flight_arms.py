"""The crowds fleeing the mall (04:50) and running across Wilshire at first light (05:05) run in
panic, each their own way (arms pumped hard, flung, flailing, a hand on the head, reaching
ahead), where every one of them once pumped the same even athlete's arms: joggers."""

from __future__ import annotations

from functools import cache

import pytest

from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.panic_arms import STYLES
from installation.visuals.render import headless

from .helpers import shipped_program

SCENES = ("Searchlights over the mall", "Across Wilshire at first light")
RUNS = ("run", "run-glance", "run-stumble")
KINDS = 4  # at least this many of the styles among a scene's fleeing runners


@cache
def fleeing(name: str) -> tuple[str, ...]:
    """The arms of each runner of the scene's fleeing crowd, its layers in order."""
    headless()
    line = shipped_program().timeline
    scene = next(one for one in line.scenes if one.name == name)
    compositor = Compositor(line, (320, 180), print)
    arms = []
    for index, spec in enumerate(scene.layers):
        p = spec.params
        if spec.type != "figures" or p["pose"] not in RUNS or p["crowd"] != "fleeing":
            continue
        figures = Figures(p, compositor.setup(scene, index, "figures"))
        arms += [one.gait.arms for one in figures.outfits  # (a coat held up: held so)
                 if one is not None and one.carry != "coat"]
    return tuple(arms)


@pytest.mark.parametrize("name", SCENES)
def test_the_fleeing_run_in_panic_each_their_own_way(name: str) -> None:
    arms = fleeing(name)
    assert arms and all(one in STYLES for one in arms), arms
    assert len(set(arms)) >= KINDS, arms
    assert all(a != b for a, b in zip(arms, arms[1:], strict=False)), arms
