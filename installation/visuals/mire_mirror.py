"""Her reflection as she goes under: what of her stands above the tar heaped round her, mirrored
below that heap's edge in each of her columns, dim and fading with depth, its bands pushed
sideways by the tar's ripples as the pool's own mirror is (laid again from her kept mirror, a
strip of columns at a time, only as she sinks a step or strains)."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals.mire_wading import Wading
from installation.visuals.silhouette_mirror import MIRROR_SQUASH, skipped
from installation.visuals.tar_mirror import alike_runs, pushed_runs
from installation.visuals.tar_ripple import BAND, RIPPLE, ripples

FADE = 0.75  # her reflection fades to nothing this share of its squashed height down (whole,
# it ended in a cut band under her head) ...
FADE_POWER = 1.6  # ... faster near the top than further down (a soft tail, not a ramp)
EVEN = 2.0  # the heap's top it hangs from is evened over this many collar heights (where the
# tar climbs her side in a column or two, her tusk's mirror under it stood as a pale streak)
STRIP = 2  # columns laid from her kept mirror at a time, each hung from the heap's top there
LAG = 0.04  # it is laid again as she sinks this share of what shows of her (each step, 7% of
# her going under's frames laid it; a mirror a few rows behind her shows as much more of her)
Key = tuple[int, int, int]  # her meeting with the tar and her posed mirror (ids), her pose


class HeapMirror:
    """Her reflection below the tar heaped round her (laid for one depth and pose), drawn each
    frame in bands pushed by the tar's ripples."""

    def __init__(self, seed: int, size: tuple[int, int], line: int, even: int,
                 tall: int) -> None:
        """`size`: the picture's; `line`: the tar's surface row; `even`: the columns the
        heap's top is evened over for it; `tall`: her picture's rows."""
        self.seed, self.even, self.line, self.tall = seed, even, line, tall
        self.width, self.pool = size[0], max(1, size[1] - line)  # the rows of tar below her
        self._key: Key | None = None
        self._held: tuple[object, ...] = ()  # what the key's ids name, held so that no new
        # wading or mirror is made at a freed one's id and taken for it
        self._visible = 0  # her rows above the tar it was laid for
        self.laid = pygame.Surface((1, 1), pygame.SRCALPHA)
        self.corner = (0, 0)  # where it lies, from her picture's left and the surface row

    def reach(self, left: int, width: int, height: int, rise: int) -> pygame.Rect:
        """Where it can paint, for a figure `width` by `height` at `left` whose heap can stand
        `rise` rows over the surface."""
        most = math.ceil(self.width * RIPPLE * 4 / 2) + 1  # the widest push (see tar_ripple)
        return pygame.Rect(left - most, self.line - rise, width + 2 * most,
                           rise + math.ceil(height * MIRROR_SQUASH) + 1)

    def draw_at(self, surface: pygame.Surface, wading: Wading,
                mirrors: tuple[pygame.Surface, pygame.Surface | None],
                posed: tuple[pygame.Rect | None, int], visible: int, left: int,
                seconds: float) -> None:
        """Her reflection: from her kept mirror at rest (the first of `mirrors`) but in the
        hole of her pose in it (`posed`: the hole, and the pose), where her posed mirror (the
        second) shows; `visible` rows of her above the tar heaped as `wading` has it for them; her
        picture's left at `left`, its bands pushed by the tar's ripples at `seconds`."""
        hole, pose = posed
        key = (id(wading), id(mirrors[1]), pose if hole is not None else 0)  # (her picture
        # at rest is made again with each step that clears what went under: laid with her)
        if key != self._key or abs(visible - self._visible) > LAG * visible:
            self.laid, self.corner = lay(mirrors, hole, (self.tall, visible),
                                         (evened(wading.heights(), self.even), wading.over()))
            self._key, self._visible, self._held = key, visible, (wading, mirrors[1])
        self.draw(surface, left, seconds)

    def draw(self, surface: pygame.Surface, left: int, seconds: float) -> None:
        """Her laid reflection, her picture's left at `left`, its bands pushed by the tar's
        ripples at `seconds`."""
        width, height = self.laid.get_size()
        if height <= 1:
            return
        x, top = left + self.corner[0], self.line + self.corner[1]
        pool = ripples(self.seed, self.pool, seconds, self.width)
        bands = range(0, height, BAND)  # each its band of the pool's (the heap's: the first)
        shifts = [int(pool[min(pool.size - 1, max(0, top + row - self.line) // BAND)])
                  for row in bands]
        surface.blits([(self.laid, (x + shift, top + start),
                        pygame.Rect(0, start, width, stop - start))
                       for start, stop, shift in pushed_runs(shifts, BAND, height)],
                      doreturn=False)  # (bands pushed alike in one blit)


def heap_mirror(reflect: float, under: float | None, wading: Wading | None, seed: int,
                size: tuple[int, int], line: int, tall: int) -> HeapMirror | None:
    """Her reflection below the heaped tar, if she goes under (`under`) mirrored (`reflect`)."""
    if wading is None or under is None or reflect <= 0:
        return None
    return HeapMirror(seed, size, line, max(1, round(wading.thick * EVEN)), tall)


def evened(heights: np.ndarray, columns: int) -> np.ndarray:
    """The heap's top evened over `columns` (a mean)."""
    kernel = np.ones(columns, np.float32) / columns
    padded = np.pad(np.asarray(heights, np.float32), columns // 2, mode="edge")
    return np.convolve(padded, kernel, mode="valid")[:heights.size]


def lay(mirrors: tuple[pygame.Surface, pygame.Surface | None], hole: pygame.Rect | None,
        rows_of: tuple[int, int], tops: tuple[np.ndarray, np.ndarray]
        ) -> tuple[pygame.Surface, tuple[int, int]]:
    """Her reflection: in each strip of STRIP columns, her mirror (see `draw_at`) from the row
    that mirrors her row at the heap's top there (`tops`: the collar's top, evened, and the
    heap's as it stands, its climb up her sides too, rows over the surface; `rows_of`: her
    picture's rows, and those above the surface), hung from that top, fading with depth, but
    for what mirrors her rows under the heap (where the tar climbs her side over the collar,
    her tusk under it stood as a pale ghost by her trunk, over the tar, at 10:36); also its
    corner, from her picture's left and the surface row."""
    rest, posed = mirrors
    height, visible = rows_of
    heights, over = tops
    width = rest.get_width()
    high = np.clip(heights[:width], 0.0, visible)
    above = math.ceil(float(high.max())) if high.size else 0
    rows = max(1, math.ceil(visible * MIRROR_SQUASH * FADE))  # down to where it has faded
    out = pygame.Surface((width, above + rows), pygame.SRCALPHA)
    front = None if hole is None or posed is None else hole
    fade = _fade(rows, width)
    strips = math.ceil(width / STRIP)
    ups = np.round(np.pad(high, (0, strips * STRIP - width), mode="edge").reshape(
        strips, STRIP).mean(axis=1)).astype(int).tolist()  # the heap's top in each strip
    for first, end, up in alike_runs(list(range(strips)), ups):  # (strips alike at once)
        left = first * STRIP
        strip = min(width, end * STRIP) - left
        top = skipped(height, visible - up)  # her mirror's row for her row at that top
        at = (left, above - up)
        out.blit(rest, at, (left, top, strip, rows))
        if front is not None and posed is not None and front.left < left + strip \
                and left < front.right:
            part = pygame.Rect(left, top, strip, rows).clip(front)
            if part:
                spot = (part.x, at[1] + part.y - top)
                out.fill((0, 0, 0, 0), (spot, part.size))
                out.blit(posed, spot, part)
        out.blit(fade, at, (0, 0, strip, rows), special_flags=pygame.BLEND_RGBA_MULT)
    hung = np.repeat(np.asarray(ups, np.float32), STRIP)[:width]
    hidden = np.ceil(np.clip(over[:width] - hung, 0.0, visible) * MIRROR_SQUASH)
    _cleared(out, above - hung, hidden)
    return out, (0, -above)


def _cleared(laid: pygame.Surface, tops: np.ndarray, rows: np.ndarray) -> None:
    """Nothing in each column of `laid` for `rows` from the row `tops` gives."""
    down = np.arange(laid.get_height())[None, :] - tops[:, None]
    alpha = pygame.surfarray.pixels_alpha(laid)
    alpha[(down >= 0) & (down < rows[:, None])] = 0
    del alpha


def _fade(rows: int, width: int) -> pygame.Surface:
    """What her mirror `rows` long is multiplied by (`width` wide): white, fading out down."""
    down = np.arange(rows, dtype=np.float32) / rows
    fade = pygame.Surface((width, rows), pygame.SRCALPHA)
    fade.fill((255, 255, 255, 255))
    pygame.surfarray.pixels_alpha(fade)[...] = (255 * (1 - down) ** FADE_POWER)[None, :]
    return fade
