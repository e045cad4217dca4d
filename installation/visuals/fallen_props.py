"""What makes Johnie's fallen sign lie in the ash as a heavy thing, not a picture painted on
it: its own soft shadow thrown on the ash past its lower edge and its right end, and the
broken concrete it came down on, propping its edge and lying in front of it."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals.base import Color, scaled
from installation.visuals.wardrobe import hull

SHADOW: Color = (12, 10, 9)  # the shadow under the sign, out of the grey sky's light...
SHADOW_ALPHA = 170  # ... this opaque where it is deepest...
SHADOW_OFF = (0.003, 0.01)  # ... thrown this far right and down, of the picture's height
# (within the ash heaped at its foot: further, it drew a dark line under the heap)
SHADOW_SOFT = 10  # ... softened by working it out this many times smaller
SHADOW_ROOM = 2  # ... its picture this many times that larger each side (its soft edge)
CHUNKS = 9  # broken blocks of concrete along its lower edge
CHUNK = (0.016, 0.034)  # a block's size, of the picture's height: smallest, largest
PROPPED = (0.04, 0.55)  # its edge raised on blocks along this share of its width (its right
# end, bent down past the fold, lies on the ground)...
GAP = 0.014  # ... the dark under it there this deep at most, of the picture's height...
GAP_ENDS = 0.2  # ... closing over this share of the raised part at either end
PROPS = 3  # of the blocks, these prop it (the rest lie before it, all along it)
CHUNK_TONE = (1.05, 0.5)  # a block's face lit from the sky and its side, of the ash's colour
CHUNK_VARY = (0.7, 1.0)  # ... each block this much of that: broken concrete, sooted unevenly
CHUNK_SIDE = 0.45  # the side seen below its lit face, of its size
GIRDER: Color = (48, 34, 26)  # a bent rusted rod of the concrete's steel, sticking out
GIRDER_LONG = 2.2  # ... this long, of its block's size


def shadowed(sprite: pygame.Surface, height: int,
             caster: pygame.Surface | None = None) -> tuple[pygame.Surface, tuple[int, int]]:
    """`sprite` (the sign lying, with the ash heaped at its foot) over the soft shadow of
    `caster` (what of it stands up off the ground, on a picture of its size: the blade, not
    the ash heaped round it, whose shadow drew a line under the heap's foot as under a
    sticker; the whole sprite if None), on a picture grown round it to hold the shadow's
    soft edge (`height`: the picture's), and how far its top left moved up and to the left."""
    off = (round(SHADOW_OFF[0] * height), round(SHADOW_OFF[1] * height))
    room = SHADOW_SOFT * SHADOW_ROOM  # (the blur reaches this far: clipped, a ruled edge)
    width, tall = sprite.get_size()
    out = pygame.Surface((width + off[0] + 2 * room, tall + off[1] + 2 * room), pygame.SRCALPHA)
    shape = pygame.Surface(out.get_size(), pygame.SRCALPHA)
    shape.fill((*SHADOW, 0))
    alpha = pygame.surfarray.pixels_alpha(shape)
    at = (room + off[0], room + off[1])
    alpha[at[0] : at[0] + width, at[1] : at[1] + tall] = (
        pygame.surfarray.array_alpha(caster or sprite).astype(np.float32) * SHADOW_ALPHA / 255
    ).astype(np.uint8)
    del alpha
    small = (max(1, shape.get_width() // SHADOW_SOFT), max(1, shape.get_height() // SHADOW_SOFT))
    shape = pygame.transform.smoothscale(
        pygame.transform.smoothscale(shape, small), shape.get_size()
    )
    out.blit(shape, (0, 0))
    out.blit(sprite, (room, room))
    return out, (room, room)


def propped(
    sprite: pygame.Surface,
    bottom: tuple[np.ndarray, np.ndarray],
    ash: Color,
    height: int,
    rng: np.random.Generator,
) -> None:
    """The sign's lower edge (`bottom`: its columns and each one's lowest row) raised on
    blocks of broken concrete (lit as the ash, `ash`) along PROPPED of it, the dark under it
    there, and more blocks lying before it, a rusted rod sticking out of one now and then."""
    columns, rows = bottom
    if not columns.size:
        return
    first, last = (int(columns[round(share * (columns.size - 1))]) for share in PROPPED)
    gap = max(2, round(GAP * height))
    for x in range(first, last + 1):  # (the dark fading out at the ends of the raised part)
        k = min(columns.size - 1, int(np.searchsorted(columns, x)))
        end = min(x - first, last - x) / max(1, (last - first) * GAP_ENDS)
        deep = round(gap * min(1.0, end))
        if deep > 0:
            pygame.draw.line(
                sprite, (*SHADOW, 255), (x, int(rows[k]) + 1), (x, int(rows[k]) + deep)
            )
    for n in range(CHUNKS):
        span = (first, last) if n < PROPS else (int(columns[0]), int(columns[-1]))
        x = int(rng.integers(span[0], max(span[0] + 1, span[1])))
        row = int(rows[min(columns.size - 1, int(np.searchsorted(columns, x)))])
        size = height * rng.uniform(*CHUNK)
        lift = 0.35 if n < PROPS else rng.uniform(0.6, 1.2)  # (under it, its top at its edge)
        _block(sprite, (x, row + size * lift), size, ash, rng)


def _block(
    sprite: pygame.Surface,
    at: tuple[float, float],
    size: float,
    ash: Color,
    rng: np.random.Generator,
) -> None:
    """A broken block of concrete with its middle at `at`: its lit top face over its side."""
    turn = rng.uniform(0, math.pi)
    top = [
        (
            at[0] + size * math.cos(turn + k * math.pi / 2) * rng.uniform(0.5, 1.0),
            at[1] + size * 0.4 * math.sin(turn + k * math.pi / 2) * rng.uniform(0.5, 1.0),
        )
        for k in range(4)
    ]
    side = [*top, *((x, y + size * CHUNK_SIDE) for x, y in top)]
    outline = hull(side)
    tone = rng.uniform(*CHUNK_VARY)
    pygame.draw.polygon(sprite, (*scaled(ash, CHUNK_TONE[1] * tone), 255), outline)
    pygame.draw.polygon(sprite, (*scaled(ash, CHUNK_TONE[0] * tone), 255), top)
    if rng.random() < 0.3:
        angle = rng.uniform(-1.2, 1.2)
        reach = size * GIRDER_LONG
        pygame.draw.line(
            sprite,
            (*GIRDER, 255),
            at,
            (at[0] + reach * math.sin(angle), at[1] - reach * math.cos(angle) * 0.5),
            max(1, round(size / 6)),
        )
