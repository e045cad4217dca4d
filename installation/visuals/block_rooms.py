"""The block's upper windows through the night: the lit rooms go dark one by one as midnight
nears and after it, and now and then a dark one comes on for a while (by story time)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, scaled

GLASS = (16, 18, 26)  # an unlit window at night
ROOM_LIGHTS = ((255, 196, 120), (255, 170, 96), (170, 196, 255), (255, 222, 176))
NIGHT_FROM = 20.0  # the story hour the night's count of hours starts from
# A room lit at nightfall goes dark this many hours after it (evenly between): a few after
# the evening, most by two in the morning, some all night.
LIGHTS_OUT = (0.6, 6.5)
COMES_ON = 0.15  # the chance that a dark window's room is lit for a while in the night
COMES_ON_FROM, COMES_ON_FOR = (0.3, 3.6), (0.25, 1.5)  # when (hours into the night), how long
ALL_NIGHT = 99.0  # hours: never


@dataclass(frozen=True)
class Room:
    """One upper window: where it is, and from when to when in the night (hours after
    NIGHT_FROM) its room is lit."""

    rect: pygame.Rect
    on: float
    off: float

    def lit(self, hours: float) -> bool:
        return self.on <= hours < self.off


def night_hours(hour: float) -> float:
    """Hours into the night at the story hour `hour` (0 at NIGHT_FROM, on past midnight)."""
    return (hour - NIGHT_FROM) % 24.0


def paint_window(image: pygame.Surface, rect: pygame.Rect, light: Color | None,
                 rng: random.Random, unit: int) -> None:
    """One window: dark glass, or lit (a blind half down, its slats)."""
    if light is None:
        image.fill((*GLASS, 255), rect)
        image.fill((*scaled(GLASS, 1.6), 255), (rect.left, rect.top, rect.width, unit))
        return
    level = 0.45 + 0.4 * rng.random()
    image.fill((*scaled(light, level), 255), rect)
    blind = round(rect.height * rng.uniform(0.15, 0.6))
    image.fill((*scaled(light, level * 0.7), 255), (rect.left, rect.top, rect.width, blind))
    for y in range(rect.top + 2 * unit, rect.top + blind, 2 * unit):
        image.fill((*scaled(light, level * 0.55), 255), (rect.left, y, rect.width, 1))


class Rooms:
    """The block's upper windows, each as it looks lit and dark, shown as the night has them."""

    def __init__(self) -> None:
        self.rooms: list[Room] = []
        self.pictures: list[tuple[pygame.Surface, pygame.Surface]] = []  # (lit, dark)

    def window(self, image: pygame.Surface, rect: pygame.Rect, lit: bool,
               rng: random.Random, unit: int) -> None:
        """A window painted on `image` as it is at nightfall (`lit` or dark), kept both ways,
        with the hours its room is lit."""
        light = rng.choice(ROOM_LIGHTS)
        if lit:
            on, off = 0.0, rng.uniform(*LIGHTS_OUT)
        elif rng.random() < COMES_ON:
            on = rng.uniform(*COMES_ON_FROM)
            off = on + rng.uniform(*COMES_ON_FOR)
        else:
            on = off = ALL_NIGHT
        shown = rect.clip(image.get_rect())
        paint_window(image, rect, light, rng, unit)
        bright = image.subsurface(shown).copy()
        paint_window(image, rect, None, rng, unit)
        dark = image.subsurface(shown).copy()
        image.blit(bright if lit else dark, shown)
        self.rooms.append(Room(shown, on, off))
        self.pictures.append((bright, dark))

    def look(self, hour: float) -> tuple[bool, ...]:
        """Which rooms are lit at the story hour `hour`."""
        hours = night_hours(hour)
        return tuple(room.lit(hours) for room in self.rooms)

    def changed(self, old: tuple[bool, ...], new: tuple[bool, ...]) -> list[pygame.Rect]:
        return [room.rect for room, was, now in zip(self.rooms, old, new, strict=True)
                if was != now]

    def draw(self, surface: pygame.Surface, look: tuple[bool, ...]) -> None:
        """Each window in the surface's clip as its room is now."""
        clip = surface.get_clip()
        surface.fblits([(lit if now else dark, room.rect.topleft) for room, (lit, dark), now
                        in zip(self.rooms, self.pictures, look, strict=True)
                        if clip.colliderect(room.rect)])
