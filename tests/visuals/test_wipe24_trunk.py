"""The mother caught in the tar at noon and in the afternoon rests with her trunk hanging before
her chest, its tip curled and free of her tusks (review 23: it curled up inside her near tusk's
loop and read as a fist gripping it); deeper in the tar (08:00, 10:30) she holds it raised out
of it, as before."""

from __future__ import annotations

import pygame

from installation.visuals.base import finished
from installation.visuals.compositor import Compositor
from installation.visuals.pen import render
from installation.visuals.silhouette_form import Form, form_of

from .test_mammoth_head import SIZE, shipped

PX = 120.0  # pixels a unit
HANGING = (-0.9, -0.78, 0.62, 0.76)  # units (left, right, bottom, top): before her chest,
# below her tusks' lowest sweep, where only a hanging trunk lies (main: nothing)
LOOP = (-0.98, -0.86, 1.04, 1.14)  # inside her near tusk's loop, where the fist was (main:
# her trunk's curled tip)
SOLID = 128  # alpha: a pixel of her


def form(scene: str) -> Form:
    """The shipped scene's mother's drawing."""
    line = shipped()
    chosen = next(s for s in line.scenes if s.name == scene)
    index = next(n for n, spec in enumerate(chosen.layers)
                 if spec.type == "silhouette" and spec.params["shape"] == "mammoth")
    setup = Compositor(line, SIZE, print).setup(chosen, index, "silhouette")
    return form_of(chosen.layers[index].params, setup)


def solid_in(drawn: Form, box: tuple[float, float, float, float]) -> float:
    """The share of `box` (units) her picture at rest covers (drawn facing left)."""
    left, _right, _bottom, top = drawn.drawn
    image = finished(render(drawn.draw, drawn.drawn, PX, False, (10, 10, 10)))
    alpha = pygame.surfarray.array_alpha(image) > SOLID
    x0, x1, y0, y1 = box
    columns = slice(int((x0 - left) * PX) + 2, int((x1 - left) * PX) + 2)
    rows = slice(int((top - y1) * PX) + 2, int((top - y0) * PX) + 2)
    return float(alpha[columns, rows].mean())


def test_at_noon_and_in_the_afternoon_her_trunk_hangs_clear_of_her_tusk() -> None:
    """At rest (all noon, the afternoon between her strains) her trunk fills the space before
    her chest below her tusks, and nothing of it lies inside her near tusk's loop."""
    for scene in ("La Brea Tar Pits", "Harry meets Julie"):
        drawn = form(scene)
        assert solid_in(drawn, HANGING) > 0.3, scene
        assert solid_in(drawn, LOOP) < 0.02, scene


def test_deep_in_the_tar_she_holds_it_raised() -> None:
    """From 08:00, deeper in the tar, her trunk is raised out of it before her face (hanging,
    it would go under the tar): nothing hangs before her chest."""
    drawn = form("The tar keeps everything")
    assert not drawn.hanging
    assert solid_in(drawn, HANGING) < 0.05
