"""Johnie's glass door seen from inside, as a leaf of its own on its hinge: shut, or swinging
to and fro on its closer after the rush pushed out, flung open again by each who goes through
after them, and settling."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pygame

from installation.visuals.base import Color, scaled
from installation.visuals.counter import CHROME
from installation.visuals.diner_booths import HORIZON

SWING = 0.75  # radians: how far out the last of them flung it
SWING_PERIOD = 2.2  # real seconds: out and back to shut
SWING_SETTLE = 18.0  # real seconds: the closer takes its swing down by e in this
# One who goes through after the rush pushes it less far, and the closer has it shut again
# in a dozen real seconds or so (at the rush's own settling, the pushes a minute apart ran
# into one another: the door never stood shut between them).
PUSH_SWING, PUSH_SETTLE = 0.55, 3.5
SHUT = 0.01  # radians: a swing smaller than this is the door shut (the closer has it)
AWAY = 0.6  # how far the glass front is from the eye, in picture widths there
FILM = 70  # the glass catches the room's light as it turns (alpha, edge on)
FILM_LEAST = 4  # less than this alpha of it is not drawn
GLINT = 0.3  # across the leaf from its hinge: a streak of light down its glass as it turns
MULLION = (34, 34, 40)
STILE_LIT, KICK_DARK = 0.6, 0.75  # the stile's inner face, of the light; the kick plate


def swing(seconds: float | None, flung: float = SWING, settle: float = SWING_SETTLE) -> float:
    """How far the door stands open (radians, out to the street positive) `seconds` after the
    last of them went out (None: before, shut): flung out, back to shut against its stop and
    out again, each swing smaller (from `flung` radians, down by e every `settle` seconds).
    It never swings in: turned into the room, its frame lay over the booth beside it, an
    empty box."""
    reach = flung * math.exp(-(seconds or 0.0) / settle)
    if seconds is None or seconds < 0 or reach < SHUT:
        return 0.0
    return reach * abs(math.sin(math.pi * seconds / SWING_PERIOD))


def swings(rush: float | None, pushes: Iterable[float | None]) -> float:
    """How far the door stands open `rush` real seconds after the rush went out and `pushes`
    after each who went through it later (None: not yet): the widest of their swings, so a
    push opens it again without snapping it shut first."""
    return max((swing(rush), *(swing(s, PUSH_SWING, PUSH_SETTLE) for s in pushes)))


class Leaf:
    """The door's leaf between its jambs (pixels `door`, its hinge on the right), from `top`
    to `foot`, its push bar at row `push` and its kick plate `kick` tall; `bar` the frame's
    width, `light` the room's."""

    def __init__(self, size: tuple[int, int], door: tuple[int, int], rows: tuple[int, int, int],
                 kick: int, bar: int, light: Color) -> None:
        self.size, self.door, self.kick, self.bar, self.light = size, door, kick, bar, light
        self.top, self.push, self.foot = rows
        margin = round((door[1] - door[0]) * 0.4)
        self.area = pygame.Rect(door[0] - margin, self.top - margin,
                                door[1] - door[0] + 2 * margin, self.foot - self.top + 2 * margin)
        self.film = pygame.Surface(self.area.size, pygame.SRCALPHA)  # (kept clear)
        # Swung out, its free edge goes behind the jamb it shuts against (further off, it is
        # seen nearer the middle of the picture): never over the booth beside the door.
        self.beyond = pygame.Rect(door[0] + 2 * bar, 0, size[0] - door[0] - 2 * bar, size[1])

    def at(self, u: float, row: float, angle: float) -> tuple[float, float]:
        """Where the point of the leaf `u` of the way from its hinge to its free edge, at
        `row` (pixels, as it stands shut), is in the picture when it is open by `angle`."""
        width, height = self.size
        hinge = self.door[1] / width - 0.5
        wide = (self.door[1] - self.door[0]) / width
        x = hinge - u * wide * math.cos(angle)
        near = AWAY / (AWAY + u * wide * math.sin(angle))
        return ((0.5 + x * near) * width, (HORIZON + (row / height - HORIZON) * near) * height)

    def quad(self, u: tuple[float, float], rows: tuple[float, float],
             angle: float) -> list[tuple[float, float]]:
        """The leaf's patch between `u` and `rows` (each from, to), open by `angle`."""
        return [self.at(u[0], rows[0], angle), self.at(u[1], rows[0], angle),
                self.at(u[1], rows[1], angle), self.at(u[0], rows[1], angle)]

    def draw(self, surface: pygame.Surface, angle: float) -> None:
        """The leaf open by `angle`: its glass catching the light as it turns (and a streak
        of light down it), its kick plate, push bar and free stile."""
        clip = surface.get_clip()
        surface.set_clip(self.beyond.clip(clip))
        self._draw(surface, angle)
        surface.set_clip(clip)

    def _draw(self, surface: pygame.Surface, angle: float) -> None:
        """The leaf's glass, its glint, kick plate, push bar and free stile (see `draw`)."""
        bar, wide = self.bar, self.door[1] - self.door[0]
        turned = abs(math.sin(angle))
        if round(FILM * turned) >= FILM_LEAST:  # (less is not seen: not worth its blit)
            glass = [(x - self.area.x, y - self.area.y)
                     for x, y in self.quad((0.0, 1.0), (self.top, self.foot), angle)]
            shown = pygame.draw.polygon(self.film, (*self.light, round(FILM * turned)), glass)
            surface.blit(self.film, shown.move(self.area.topleft), shown)
            self.film.fill((0, 0, 0, 0), shown)
            glint = self.quad((GLINT, GLINT + bar / wide), (self.top, self.foot), angle)
            pygame.draw.polygon(surface, scaled(self.light, 0.35 + 0.6 * turned), glint)
        kick = self.quad((0.0, 1.0), (self.foot - self.kick, self.foot), angle)
        pygame.draw.polygon(surface, scaled(CHROME, KICK_DARK), kick)
        edge = self.quad((0.0, 1.0), (self.foot - self.kick, self.foot - self.kick + max(
            1, bar // 2)), angle)
        pygame.draw.polygon(surface, CHROME, edge)
        inset = 2 * bar / wide
        pygame.draw.polygon(surface, CHROME, self.quad((inset, 1 - inset),
                                                       (self.push, self.push + bar), angle))
        stile = self.quad((1 - inset, 1 + inset), (self.top, self.foot), angle)
        pygame.draw.polygon(surface, MULLION, stile)
        face = self.quad((1 + inset / 2, 1 + inset), (self.top, self.foot), angle)
        pygame.draw.polygon(surface, scaled(self.light, STILE_LIT), face)
