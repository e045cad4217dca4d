"""Fires dying down: their flames lower, redder and fainter, what they hide and the light they
throw as much less (made once per strength, from a fire's sprites as made, see flames)."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import replace

import pygame

from installation.visuals.base import Color, finished, mix, scaled
from installation.visuals.flames import Fire

DIE_LOW = 0.5  # a fire dying all the way down: its flames this much of their height
DIE_RED: Color = (255, 95, 50)  # ... their light multiplied by this (the yellow goes first)
DIE_FADE = 2.0  # ... their flames as faint as this power of their strength (overlapping tongues
# added up to a yellow blaze at half strength; leaning, at 1.5 they still did at 06:30)
DIE_HIDE = 1.0  # ... hiding what is behind them as much less as this power of their strength
# (as the square of their brightness, a fire half died down hid a sixteenth as much: at 05:40-06:30
# the burning towers' lit windows and the sky showed through their flames, thin, pink)
GHOST = 0.4  # ... and weaker than this (a fire going out, sinking to nothing), hiding less
# again in step with it: hiding as much as its light, its flames stood as a dark grey ghost
DIE_FRAMES, DIE_LIGHTS = 8, 3  # ... made this many of a fire's frames a piece (a building's
# fire's 32 at once took 24 ms), and this many of its lights


def dying(fire: Fire, level: float) -> Fire:
    """`fire` at `level` of its strength, all at once (see `dying_pieces`)."""
    return finished(dying_pieces(fire, level))


def dying_pieces(fire: Fire, level: float) -> Generator[None, None, Fire]:
    """`fire` at `level` of its strength (1: as made): for additive blits, its flames,
    their light and the light up its smoke fainter, the flames lower and redder (to DIE_LOW
    and DIE_RED at 0), its embers fainter (made DIE_FRAMES of a fire's flames a piece, then
    its lights)."""
    red = mix((255, 255, 255), DIE_RED, 1 - level)
    tall = DIE_LOW + (1 - DIE_LOW) * level
    blazes = []
    for book in fire.blazes:
        frames: list[pygame.Surface] = []
        for start in range(0, len(book.frames), DIE_FRAMES):
            frames.extend(dimmed(book.frames[start:start + DIE_FRAMES],
                                 scaled(red, level ** DIE_FADE), tall))
            yield
        blazes.append(replace(book, frames=tuple(frames),
                              covers=weakened(book.covers, hiding(level), tall),
                              anchor=(book.anchor[0], round(book.anchor[1] * tall)),
                              size=(book.size[0], round(book.size[1] * tall))))
    lights = yield from dimmed_pieces(fire.lights, scaled(red, level))
    undersides = yield from dimmed_pieces(fire.undersides, scaled(red, level))
    pools = yield from dimmed_pieces(fire.pools, scaled(red, level))
    return replace(fire, blazes=tuple(blazes), lights=lights, undersides=undersides,
                   pools=pools, embers=dimmed(fire.embers, scaled((255, 255, 255), level)))


def hiding(level: float) -> float:
    """How much of what is behind them flames at `level` of their strength hide (0..1)."""
    return level ** DIE_HIDE * min(1.0, level / GHOST)


def weakened(covers: Sequence[pygame.Surface], share: float,
             tall: float) -> tuple[pygame.Surface, ...]:
    """Covers (see `cover_of`) of flames `tall` as tall, hiding `share` (0..1) as much."""
    share = round(255 * share)
    out = []
    for cover in covers:
        w, h = cover.get_size()
        copy = pygame.transform.smoothscale(cover, (w, max(2, round(h * tall)))) \
            if tall < 1 else cover.copy()
        copy.fill((share,) * 3, special_flags=pygame.BLEND_RGB_MULT)
        copy.fill((255 - share,) * 3, special_flags=pygame.BLEND_RGB_ADD)
        out.append(copy)
    return tuple(out)


def dimmed_pieces(images: Sequence[pygame.Surface],
                  tint: Color) -> Generator[None, None, tuple[pygame.Surface, ...]]:
    """`dimmed` made DIE_LIGHTS of them a piece (a building's fire's ten lights at once: 4.5
    ms)."""
    out: list[pygame.Surface] = []
    for start in range(0, len(images), DIE_LIGHTS):
        out.extend(dimmed(images[start:start + DIE_LIGHTS], tint))
        yield
    return tuple(out)


def dimmed(images: Sequence[pygame.Surface], tint: Color,
           tall: float = 1.0) -> tuple[pygame.Surface, ...]:
    """Copies of `images` (for additive blits) multiplied by `tint`, `tall` as tall."""
    out = []
    for image in images:
        w, h = image.get_size()
        copy = pygame.transform.smoothscale(image, (w, max(2, round(h * tall)))) \
            if tall < 1 else image.copy()
        copy.fill(tint, special_flags=pygame.BLEND_RGB_MULT)
        out.append(copy)
    return tuple(out)
