"""A hunter's skull in profile, the shape the sabre-tooth's and the dire wolf's share: the lower
jaw, the skull over it, the crest along its crown, the dark hollows (the eye socket, the one
behind it over the cheek's arch, the nose's opening) and the cheek teeth, each a point down."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from installation.visuals.fossils import SOCKET, Rgba, detail, outline

Points = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Skull:
    """A skull's parts in its sizes (y down, round its middle): the jaw's and the skull's
    outlines, the crest's line, the hollow behind the eye (left, top, width, height), the eye
    socket (its middle and size), the nose's opening (across, down, radius), the cheek
    teeth's tips' roots and each tooth's half width and depth, a crease's width."""

    jaw: Points
    cranium: Points
    crest: Points
    hollow: tuple[float, float, float, float]
    orbit: tuple[tuple[float, float], float]
    nose: tuple[float, float, float]
    teeth: Points
    tooth: tuple[float, float]
    crease: float


def at(c: float, s: float, points: Points, dx: float = 0.0,
       dy: float = 0.0) -> list[tuple[float, float]]:
    """Points in a find's sizes round (c, c), `s` its size (moved dx, dy of them)."""
    return [(c + s * (x + dx), c + s * (y + dy)) for x, y in points]


def skull_in_profile(image: pygame.Surface, c: float, s: float, color: Rgba,
                     skull: Skull) -> None:
    """Draw `skull` round (c, c), `s` its size: its jaw, then the skull over it, its crest,
    its hollows dark (the tar shows through), its cheek teeth darker."""
    outline(image, c, s, color, skull.jaw)
    outline(image, c, s, color, skull.cranium)
    crease = max(1, round(s * skull.crease))
    pygame.draw.lines(image, detail(color), False, at(c, s, skull.crest), crease)
    left, top, wide, high = skull.hollow
    pygame.draw.ellipse(image, SOCKET, (c + s * left, c + s * top, s * wide, s * high))
    eye, size = skull.orbit
    pygame.draw.circle(image, SOCKET, at(c, s, (eye,))[0], s * size)
    x, y, radius = skull.nose
    pygame.draw.circle(image, SOCKET, at(c, s, ((x, y),))[0], max(1.0, s * radius))
    half, deep = skull.tooth
    for x, y in skull.teeth:
        pygame.draw.polygon(image, detail(color), at(c, s, ((x - half, y), (x, y + deep),
                                                            (x + half, y))))
