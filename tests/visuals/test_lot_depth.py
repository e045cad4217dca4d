"""On Johnie's lot at night everyone stands on one ground: whoever's feet are lower on the
picture is nearer, so larger (at 04:04 the night walker crossing in front of Harry stood a head
shorter than Harry at the booth above him, and read as a child)."""

from __future__ import annotations

from pathlib import Path

from installation.core.timeline import load_timeline
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
FULL = (1920, 1080)
NEARER = 0.01  # of the picture's height: feet this much lower are nearer


def test_figures_on_the_lot_grow_as_their_feet_come_lower() -> None:
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == "Johnie's at night")
    compositor = Compositor(line, FULL, print)
    sizes: list[tuple[float, float, int]] = []  # feet's y, height, layer
    for index, spec in enumerate(scene.layers):
        if spec.type != "figures":
            continue
        figures = Figures(spec.params, compositor.setup(scene, index, "figures"))
        for _, y in spec.params["path"]:
            feet = y * FULL[1]
            sizes.append((feet, figures.looks[0].height * figures.depth.share(feet), index))
    for feet, tall, index in sizes:
        for lower, taller, other in sizes:
            if lower > feet + NEARER * FULL[1]:
                assert taller > tall, (index, feet, tall, other, lower, taller)
