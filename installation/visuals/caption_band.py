"""A caption's shade, as film subtitles sit on a picture: the picture is darkened near the letters
typed so far by how much ink lies round each point (the letters' coverage, blurred), so the
shade hugs the letters, the lines and the stamp and fades out a letter height from them: no
box, no grey slab over a pale picture. Under it the words' own ground: what particles drawn
before the caption cross there is cleared away, softly as the shade fades (see `Band.keep`)."""

from __future__ import annotations

import numpy as np
import pygame

BLUR = 0.3  # the blur's spread (about a Gaussian's sigma), in letter heights (at 0.5 the shade
#             spread a letter height and more round the words: a grey slab on pale ground)
PASSES = 3  # box blurs in a row (three make a near-Gaussian)
INKED = 0.03  # blurred coverage (0-1) at which the shade stands at 1 - 1/e of its depth (at
#               0.02 it stood near full all through the words' block)
WHITE = 255
# The ground under the words is cleared of particles (ash, dust, embers) as the shade darkens
# it, 1 - exp(-ink / this), a little further out than the shade (INKED): fully clear round the
# letters and between them, fading out to none with the shade (a flake lying in the gap between
# "grey" and "and" on the baseline, under the shade but pale through it, read as an underscore
# at 06:40; an ember after "first," at 05:20 as an apostrophe).
GROUND_INKED = 0.004

Inked = tuple[np.ndarray | None, tuple[int, int]]  # a letter's blurred coverage, its top-left


def blurred(alpha: np.ndarray, size: int) -> np.ndarray | None:
    """The coverage (an (x, y) array of 0..255) of letters `size` pixels high, blurred over
    BLUR letter heights and grown by `reach(size)` on each side (None: no ink)."""
    if not alpha.any():
        return None
    width, grow = _box_width(size), reach(size)
    out = np.pad(alpha.astype(np.float32) / WHITE, grow)
    for axis in (0, 1):
        for _ in range(PASSES):
            out = _box_blur(out, width, axis)
    return out


def reach(size: int) -> int:
    """How far the blur of letters `size` pixels high reaches round them."""
    return PASSES * (_box_width(size) // 2)


def _box_width(size: int) -> int:
    """The width of each box blur (odd), whose PASSES together spread BLUR letter heights."""
    return 2 * max(1, round(BLUR * size * np.sqrt(3.0 / PASSES))) + 1


def _box_blur(values: np.ndarray, width: int, axis: int) -> np.ndarray:
    """`values` averaged over `width` (odd) along `axis`, the same shape (zeros beyond)."""
    half = width // 2
    padded = np.pad(values, [(half + 1, half) if a == axis else (0, 0) for a in (0, 1)])
    summed = np.cumsum(padded, axis=axis, dtype=np.float64)
    ahead = np.take(summed, np.arange(width, summed.shape[axis]), axis=axis)
    behind = np.take(summed, np.arange(0, summed.shape[axis] - width), axis=axis)
    return ((ahead - behind) / width).astype(np.float32)


class Band:
    """The shade behind the first `count` of `letters` (in the order they come), `depth` of the
    picture's light taken where the ink is thickest."""

    def __init__(self, letters: list[Inked], depth: float) -> None:
        rects = [pygame.Rect(at, ink.shape) for ink, at in letters if ink is not None]
        self.block = rects[0].unionall(rects[1:]) if rects else pygame.Rect(0, 0, 1, 1)
        self.letters = letters
        self.depth = depth
        self.ink = np.zeros(self.block.size, np.float32)
        self.mask = pygame.Surface(self.block.size)
        self.reached = _reached(letters)
        self.ground: pygame.Surface | None = None  # (see `keep`: made once asked for)
        self._laid = 0
        self._lay_all(0)
        self._faded: tuple[int, pygame.Surface] | None = None

    def draw(self, surface: pygame.Surface, count: int, share: float) -> None:
        """Darken the picture round the first `count` letters, at `share` of the shade's
        strength."""
        area = self._area(count, share)
        if area is None:
            return
        inside = area.move(-self.block.left, -self.block.top)
        surface.blit(self._at(share), area.topleft, inside, special_flags=pygame.BLEND_RGB_MULT)

    def grounded(self) -> None:
        """Keep the ground under the words from now on (see `keep`)."""
        if self.ground is None:
            self.ground = pygame.Surface(self.block.size, pygame.SRCALPHA)  # (clear: no ink)
            if self._laid:
                self._clear(self.ground.get_rect())

    def keep(self, surface: pygame.Surface, count: int, share: float) -> pygame.Rect | None:
        """Keep the picture under the shade of the first `count` letters at `share` of its
        strength, before particles cross it (see `grounded`): where to lay it back (None:
        nowhere)."""
        area = self._area(count, share)
        if area is None or self.ground is None:
            return None
        inside = area.move(-self.block.left, -self.block.top)
        self.ground.fill((0, 0, 0), inside, special_flags=pygame.BLEND_RGB_MIN)  # (its alpha
        self.ground.blit(surface, inside, area, special_flags=pygame.BLEND_RGB_ADD)  # kept)
        self.ground.set_alpha(round(WHITE * min(1.0, share)))
        return area

    def lay_back(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The picture kept at `area` (see `keep`) laid back over what crossed it since: fully
        where the shade is deep, less as it fades out."""
        assert self.ground is not None
        surface.blit(self.ground, area.topleft, area.move(-self.block.left, -self.block.top))

    def _area(self, count: int, share: float) -> pygame.Rect | None:
        """Where the shade of the first `count` letters reaches, laid (None: nowhere, or at no
        strength)."""
        area = self.reached[min(count, len(self.reached) - 1)]
        if share <= 0 or area is None:
            return None
        self._lay(min(count, len(self.letters)))
        return area

    def _lay(self, count: int) -> None:
        """Bring the shade to the first `count` letters (again from none after a jump back)."""
        if count < self._laid:
            self._lay_all(count)
            return
        for ink, at in self.letters[self._laid:count]:
            if ink is not None:
                here = pygame.Rect(at, ink.shape).move(-self.block.left, -self.block.top)
                self.ink[here.left:here.right, here.top:here.bottom] += ink
                self._shade(here)
        self._laid = count
        self._faded = None

    def _lay_all(self, count: int) -> None:
        self.ink[:] = 0.0
        for ink, at in self.letters[:count]:
            if ink is not None:
                here = pygame.Rect(at, ink.shape).move(-self.block.left, -self.block.top)
                self.ink[here.left:here.right, here.top:here.bottom] += ink
        self._laid = count
        self._shade(self.mask.get_rect())
        self._faded = None

    def _shade(self, area: pygame.Rect) -> None:
        """Work the mask out from the ink over `area` of the block."""
        ink = self.ink[area.left:area.right, area.top:area.bottom]
        level = WHITE * (1.0 - self.depth * (1.0 - np.exp(-ink / INKED)))
        rgb = np.repeat(np.round(level).astype(np.uint8)[..., None], 3, axis=2)
        pygame.surfarray.blit_array(self.mask.subsurface(area), rgb)
        if self.ground is not None:
            self._clear(area)

    def _clear(self, area: pygame.Rect) -> None:
        """Work out over `area` of the block how much of the ground under the words is laid
        back over the particles (the ground's alpha)."""
        assert self.ground is not None
        ink = self.ink[area.left:area.right, area.top:area.bottom]
        alpha = pygame.surfarray.pixels_alpha(self.ground)
        alpha[area.left:area.right, area.top:area.bottom] = np.round(
            WHITE * (1.0 - np.exp(-ink / GROUND_INKED))).astype(np.uint8)
        del alpha  # (the surface unlocked)

    def _at(self, share: float) -> pygame.Surface:
        """The mask with each pixel's darkening scaled by `share`: 255 - share * (255 - m)."""
        level = round(WHITE * min(1.0, share))
        if level >= WHITE:
            return self.mask
        if self._faded is None or self._faded[0] != level:
            faded = self.mask.copy()
            faded.fill((level,) * 3, special_flags=pygame.BLEND_RGB_MULT)
            faded.fill((WHITE - level,) * 3, special_flags=pygame.BLEND_RGB_ADD)
            self._faded = (level, faded)
        return self._faded[1]


def _reached(letters: list[Inked]) -> list[pygame.Rect | None]:
    """Where the shades of the first 0, 1, 2 ... letters reach on the picture (None: nowhere)."""
    out: list[pygame.Rect | None] = [None]
    for ink, at in letters:
        rect = out[-1]
        if ink is not None:
            here = pygame.Rect(at, ink.shape)
            rect = here if rect is None else rect.union(here)
        out.append(rect)
    return out
