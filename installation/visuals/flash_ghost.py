"""The flash's after-image: the city's negative burnt into the eye, soft, blooming, uneven."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.base import Color
from installation.visuals.burnt_in import Strips, shown_strips
from installation.visuals.glow import blur, dimmed
from installation.visuals.smoothed import across, laid, smoothscaled

SOFT = 0.008  # the negative is shrunk to this share of the picture's height a pixel and
# enlarged again (8 pixels at 1080: as sharp as it burnt in, its window dots and palm fronds
# read as a stencil, clip-art over the white) ...
BLOOM = 4  # ... and its bright masses bloom: shrunk this many times further, laid over it ...
BLOOM_GAIN = 0.35  # ... this strong
UNEVEN = 0.6  # parts of it fade ahead of others: at its faintest only the strongest patches
# are left (0: it fades as one) ...
PATCHES = 9  # ... patches about this many to the picture's height (a patch a tower or two)
GHOST_SEED = 83  # the same patches every time
PARTS_A_PIECE = 8  # the after-image's strips made into see-through pictures this many a piece
# (all 30 of a step at 1920x1080 at once: ~8 ms of CPU)
Ghosts = tuple[int, list[Strips]]  # the after-images' top row, and each step's, faint first


def after_images(negative: Strips, top: int, size: tuple[int, int], light: tuple[Color, float],
                 steps: int, seed: int) -> Generator[None, None, Ghosts]:
    """The negative (laid from row `top` of a picture of `size`) as an after-image at each of
    `steps` strengths, the strongest of `light`'s colour, as opaque as its share where it
    burnt in white: blurred, its bright
    masses blooming over their edges, and fading in patches (the faint steps keep only the
    strongest ones); each blended over the picture, hiding what is under it as much as it
    shows; a piece at a time."""
    width, height = size
    factor = max(2, round(SOFT * height))
    pad = min(top, factor * BLOOM)  # room above it for the bloom
    rows = max(part.bottom for part in negative.parts) + pad
    whole = pygame.Surface((width, rows))
    negative.lay(whole, pad, 0)
    small = yield from _shrunk(whole, factor)
    fades = _patches(small.get_size(), height / factor, seed)
    color, strongest = light
    burn = pygame.surfarray.array3d(small)[..., 0] * np.float32(strongest)  # (grey: one channel)
    ghosts: list[Strips] = []
    parts: tuple[pygame.Rect, ...] = ()
    for step in range(steps, 0, -1):  # the strongest first: it shows all any of them does
        yield
        share = np.clip(step / steps * (1 + UNEVEN) - UNEVEN * (1 - fades), 0.0, 1.0)
        cover = np.clip(burn * share, 0, 255).astype(np.uint8)
        shown = pygame.surfarray.make_surface(np.repeat(cover[..., None], 3, axis=2))
        full = pygame.Surface((width, rows))
        yield from smoothscaled(shown, (width, rows), laid(full, (0, 0)))
        parts = parts or shown_strips(full)
        yield
        ghosts.insert(0, (yield from over(full, parts, color)))
    return top - pad, ghosts


def over(cover: pygame.Surface, parts: tuple[pygame.Rect, ...],
         color: Color) -> Generator[None, None, Strips]:
    """The `parts` of a grey mask `cover` as pictures of `color`, each pixel as opaque as the
    mask is white (blended over a picture: premultiplied, the blend took twice as long), a
    few parts a piece."""
    pictures = []
    for n, part in enumerate(parts):
        if n and n % PARTS_A_PIECE == 0:
            yield
        picture = pygame.Surface(part.size, pygame.SRCALPHA)
        picture.fill((*color, 255))
        alpha = pygame.surfarray.pixels_alpha(picture)
        alpha[...] = pygame.surfarray.pixels_red(cover.subsurface(part))
        del alpha  # (the pictures are locked while their pixels are referenced)
        pictures.append(picture)
    return Strips(parts, tuple(pictures))


def _shrunk(whole: pygame.Surface, factor: int) -> Generator[None, None, pygame.Surface]:
    """The picture `factor` times smaller, soft, its bright masses bloomed over their edges."""
    width, rows = whole.get_size()
    size = (max(1, width // factor), max(1, rows // factor))
    narrow = yield from across(whole, size[0])
    small = pygame.transform.smoothscale(narrow, size)
    small.blit(dimmed(blur(small, BLOOM, 1), BLOOM_GAIN), (0, 0),
               special_flags=pygame.BLEND_RGB_ADD)
    return small


def _patches(size: tuple[int, int], across_height: float, seed: int) -> np.ndarray:
    """A soft field of values 0..1 over a picture of `size`, PATCHES patches to `across_height`
    of its rows (which parts of the after-image outlast the rest)."""
    rng = np.random.default_rng((seed, GHOST_SEED))
    cells = (max(2, round(size[0] * PATCHES / across_height) + 2),
             max(2, round(size[1] * PATCHES / across_height) + 2))
    coarse = (rng.random(cells) * 255).astype(np.uint8)
    grey = pygame.surfarray.make_surface(np.repeat(coarse[..., None], 3, axis=2))
    field = pygame.transform.smoothscale(grey, size)
    values = pygame.surfarray.array3d(field)[..., 0].astype(np.float32) / 255.0
    low, high = float(values.min()), float(values.max())
    return (values - low) / max(1e-6, high - low)
