"""The sides and ends of a stranded car (seen in the street's perspective) that face us, each as
a wreck's shadow draws one (see wreck_shadow): a point of it from its one end to the other, up
it in car lengths."""

from __future__ import annotations

from collections.abc import Callable

from installation.visuals.cars import Project
from installation.visuals.stranded import HALF_LONG, HALF_WIDE, Stranded

Point = tuple[int, int]
Side = Callable[[float, float], Point]  # a point of a side or end: along it 0..1, up (lengths)
LENGTH = 2 * HALF_LONG  # a car's length (world units: its shadow's heights are of it)


def moved(at: Side, by: Point) -> Side:
    """`at`, its points moved `by` (from the car's piece to the picture)."""
    return lambda t, up: (at(t, up)[0] + by[0], at(t, up)[1] + by[1])


def faces_seen(at: Project, car: Stranded) -> list[tuple[Side, int]]:
    """Each side and end of `car` that faces us as the wreck's shadow draws one (a point of
    it: from its one end 0 to the other 1, up in car lengths), and its length on the picture
    (the sides' both)."""
    faces: list[Side] = []
    for along, side in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        if not car.faces_us(along, side):
            continue

        def on(t: float, up: float, along: int = along, side: int = side) -> Point:
            a = along * HALF_LONG if along else HALF_LONG * (1 - 2 * t)
            s = side * HALF_WIDE if side else HALF_WIDE * (1 - 2 * t)
            return at(*car.point(a, s), up * LENGTH)

        faces.append(on)
    length = max((abs(on(0.0, 0.0)[0] - on(1.0, 0.0)[0]) for on in faces), default=1)
    return [(on, max(1, length)) for on in faces]
