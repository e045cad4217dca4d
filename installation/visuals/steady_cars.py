"""Cars standing at the lights drawn once: a car seen where and as it was the frame before is
laid down as a picture of its body made then, not drawn again shape by shape (a body is drawn
in solid colours only, so its pixels are the same whatever lies under it)."""

from __future__ import annotations

from collections.abc import Hashable

import pygame

from installation.visuals.car_paint import Finish
from installation.visuals.car_sheen import Sheen
from installation.visuals.cars import Seen, draw_body, extent, moved

REACH = 8  # pixels round a car's points its drawing may reach (its lines' widths, rounded)
ALIGN = 8  # its picture starts on a column and a row a multiple of this: its points moved by
# an odd number, a few of its details' pixels came out otherwise (half-way points rounded to
# the even one: a picture from an odd column had ~5-60 pixels swapped with their neighbours)
MADE_PER_FRAME = 1  # pictures made in one frame (each costs its car drawn twice and checked:
# all made in the frame the lights stopped a dozen cars, it was 3-5 ms over its time)
Place = tuple[float, float]  # a car's depth and lane: where it is decides where it is seen
Sprite = tuple[pygame.Surface, tuple[int, int]]


class StandingCars:
    """The bodies of the cars drawn in the last frames, kept as pictures (with see-through
    round them) while each stands: made the second frame a car seen whole stands (one car
    a frame), laid down from the next. A picture is kept only if, laid over what was under
    it, it gave the very pixels the drawing gave (else that car is drawn each frame, as
    before)."""

    def __init__(self) -> None:
        self._drawn: set[Hashable] = set()  # the cars drawn in the frame before
        self._now: set[Hashable] = set()  # ...and in this one so far
        self._sprites: dict[Hashable, Sprite | None] = {}  # None: drawn, not laid down
        self._making = MADE_PER_FRAME  # pictures this frame may still make
        self.sheen = Sheen()  # what a roof under the eye is laid out on (see car_sheen)

    def next_frame(self) -> None:
        """A new frame begins: only cars that stood in the last one are kept."""
        self._sprites = {key: sprite for key, sprite in self._sprites.items()
                         if key in self._now}
        self._drawn, self._now = self._now, set()
        self._making = MADE_PER_FRAME

    def laid(self, surface: pygame.Surface, colours: Finish, front: bool, place: Place) -> bool:
        """Is the car at `place` laid down from its picture in this frame (so where its shell
        is seen need not be worked out)?"""
        return self._sprites.get(_key(surface, colours, front, place)) is not None

    def draw(self, surface: pygame.Surface, car: Seen, colours: Finish, front: bool,
             place: Place) -> None:
        """The body of a car at `place`, seen at `car` (see cars.draw_body; its shell may be
        left out if it is `laid`)."""
        key = _key(surface, colours, front, place)
        self._now.add(key)
        if key in self._sprites:
            sprite = self._sprites[key]
            if sprite is not None:
                surface.blit(*sprite)
                return
        elif key in self._drawn and car.shell and self._making:  # it stood still a frame
            self._making -= 1  # (seen whole: a far car's few shapes cost less than a check)
            self._sprites[key] = _made(surface, car, colours, front, self.sheen)
            return
        draw_body(surface, car, colours, front, self.sheen)


def _key(surface: pygame.Surface, colours: Finish, front: bool, place: Place) -> Hashable:
    """What decides a standing car's picture: where it stands, its colours, which end it shows,
    the picture's clip and size."""
    return (place, colours, front, tuple(surface.get_clip()), surface.get_size())


def _made(surface: pygame.Surface, car: Seen, colours: Finish, front: bool,
          sheen: Sheen) -> Sprite | None:
    """Draw the car's body on `surface`, and a picture of it with what lies round it clear;
    None if that picture laid over what was under the body does not give what was drawn."""
    area = extent(car).inflate(2 * REACH, 2 * REACH)
    area.union_ip(area.move(-(area.x % ALIGN), -(area.y % ALIGN)))
    area = area.clip(surface.get_clip())
    if not area.width or not area.height:
        draw_body(surface, car, colours, front, sheen)
        return None
    under = surface.subsurface(area).copy()
    draw_body(surface, car, colours, front, sheen)
    sprite = pygame.Surface(area.size, pygame.SRCALPHA)
    sprite.set_clip(surface.get_clip().move(-area.x, -area.y))
    draw_body(sprite, moved(car, -area.x, -area.y), colours, front, sheen)
    sprite.set_clip(None)
    under.blit(sprite, (0, 0))
    drawn = surface.subsurface(area)
    if pygame.image.tobytes(under, "RGB") != pygame.image.tobytes(drawn, "RGB"):
        return None
    return sprite, area.topleft
