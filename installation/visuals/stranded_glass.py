"""A stranded car's glass at first light: the dark inside seen through it, the dawn sky's
reflection graded up the windscreen and the side glass, pillars with thickness, and, where a
door hangs open, the dark inside in its gap."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from installation.visuals.base import Color, mix, scaled

Quad = Sequence[tuple[int, int]]  # foot first end, foot last end, top last end, top first end

INSIDE: Color = (10, 10, 13)  # the dark inside a car at dawn: its seats, its floor, its doors
THROUGH = 0.12  # over the seats' backs the far windows show the dawn: this much of the low sky
SEAT_LINE = 0.42  # of the glass's height, from its foot: where the seats' backs end
REFLECT = {True: (0.04, 0.36), False: (0.0, 0.2)}  # the sky's reflection at the glass's foot
# and top: on a windscreen or back window (sloping up to the sky: True), on a side window
BANDS = 6  # steps of that grading up the glass
STREAK, STREAK_AT = 0.16, ((0.3, 0.38), (0.5, 0.58))  # a pale streak across a windscreen: its
# strength (of white over the glass) and where it runs along the foot and along the top
PILLAR = 0.022  # world units: a pillar's thickness
PILLAR_SHADE, PILLAR_EDGE = 0.78, 1.25  # the pillar, of the paint; its edge catching the sky
B_PILLAR = -0.05  # along the car: the pillar between the front and back doors' windows
DOME_GLOW = (0.03, 0.08)  # an open door's gap: the dome light in it, this much; on the seat
# (more, the gap and its seat were lighter than the car's side round them: a pale box pasted on
# its flank at 05:07, not a door)
GAP_UNDER = 0.85  # ... and never lighter than this much of the flank's darkest band
SEAT = (((0.3, 0.95), (0.45, 0.7)), ((0.12, 0.3), (0.45, 1.0)))  # in the gap (shares across it
# from its back end, up it): the seat's cushion and its back, a seat in profile


def graded(surface: pygame.Surface, quad: Quad, light: tuple[Color, Color, Color],
           sloped: bool) -> None:
    """A pane of glass at `quad`: the inside (`light`'s first: dark, or lit by the dome) in
    its lower part, the dawn through the far windows over the seats, the sky (`light`'s top
    and low colours) mirrored more towards its top (more on a `sloped` windscreen or back
    window than on a side window)."""
    inside, top, low = light
    foot, head = REFLECT[sloped]
    through = mix(inside, low, THROUGH)
    for n in range(BANDS):
        v0, v1 = n / BANDS, (n + 1) / BANDS
        behind = inside if v1 <= SEAT_LINE else through
        mirror = mix(low, top, (v0 + v1) / 2) if sloped else low  # (a side window: upright,
        # it mirrors the low sky; a sloping one the sky higher up, nearer its top)
        share = foot + (head - foot) * (v0 + v1) / 2
        pygame.draw.polygon(surface, mix(behind, mirror, share), cell(quad, (0.0, 1.0), (v0, v1)))
    if sloped:
        (a, b), (c, d) = STREAK_AT
        pale = mix(mix(through, top, head), (255, 255, 255), STREAK)
        pygame.draw.polygon(surface, pale, [_at(quad, a, 0.0), _at(quad, b, 0.0),
                                            _at(quad, d, 1.0), _at(quad, c, 1.0)])


def pillar(surface: pygame.Surface, ends: tuple[tuple[int, int], tuple[int, int]],
           paint: Color, size: float) -> None:
    """A pillar from the waist to the roof, as thick as a pillar is, its edge catching the sky."""
    width = max(2, round(PILLAR * size))
    (x0, y0), (x1, y1) = ends
    pygame.draw.line(surface, scaled(paint, PILLAR_SHADE), (x0, y0), (x1, y1), width)
    if width >= 3:
        pygame.draw.line(surface, scaled(paint, PILLAR_EDGE), (x0 - width // 2, y0),
                         (x1 - width // 2, y1), 1)


def door_gap(surface: pygame.Surface, quad: Quad, dome: Color, flank: Color) -> None:
    """The gap an open door leaves in the car's side: the dark inside, faintly lit by the dome
    light, the seat's cushion a little paler across it, all darker than the car's `flank`
    round it (GAP_UNDER of it at most, channel by channel: a dark car's too)."""
    most = scaled(flank, GAP_UNDER)
    gap, seat = (tuple(min(c, m) for c, m in zip(mix(INSIDE, dome, share), most, strict=True))
                 for share in DOME_GLOW)
    pygame.draw.polygon(surface, gap, quad)
    for across, up in SEAT:
        pygame.draw.polygon(surface, seat, cell(quad, across, up))


def cell(quad: Quad, across: tuple[float, float], up: tuple[float, float]) -> list[tuple[int, int]]:
    """The part of `quad` between shares `across` it and `up` it."""
    (u0, u1), (v0, v1) = across, up
    return [_at(quad, u0, v0), _at(quad, u1, v0), _at(quad, u1, v1), _at(quad, u0, v1)]


def _at(quad: Quad, u: float, v: float) -> tuple[int, int]:
    """The point `u` along and `v` up a quad."""
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = quad
    fx, fy = ax + (bx - ax) * u, ay + (by - ay) * u
    tx, ty = dx + (cx - dx) * u, dy + (cy - dy) * u
    return round(fx + (tx - fx) * v), round(fy + (ty - fy) * v)
