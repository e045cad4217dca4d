"""The wet road's mirror of what lies above it: the sky, the towers and any sign over the roofs
upside down in the asphalt, smeared, drawn out towards the viewer; kept from frame to frame, and
made again only where what lies above the road was painted anew."""

from __future__ import annotations

import math
from collections.abc import Callable, Generator

import pygame

from installation.visuals.storefronts import Point
from installation.visuals.wet_streak import Streak

MIRROR = 0.3  # how much of the sky and skyline the wet road mirrors, at the horizon
MIRROR_DETAIL = (3, 10)  # the mirror is smeared: computed at 1/3 width, 1/10 height
NARROW_MIRROR = 0.5  # an area narrower than this share of the picture enlarges only its columns


def mirrored(size: tuple[int, int], horizon: int,
             road: list[Point]) -> Generator[None, None, Mirror]:
    """The mirror of a road (its corners on the picture) under a horizon at row `horizon`, set
    up in pieces (each large surface a piece)."""
    width, height = size
    rows = max(MIRROR_DETAIL[1] * 2, min(horizon, height - horizon))
    # Enlarged from the smeared rows by exactly MIRROR_DETAIL[1] rows each (the last
    # smeared row ends it): then any run of them enlarges alone to the very pixels of the
    # whole, so a frame makes only the rows of the reflection it shows again.
    flipped = pygame.Surface((width, (rows // MIRROR_DETAIL[1] - 1) * MIRROR_DETAIL[1]))
    yield
    under = pygame.Surface((width, rows))  # what lies under the street above the road
    yield
    mask = yield from _road_mask(width, rows, horizon, road)
    return Mirror(horizon, flipped, under, mask)


def _road_mask(width: int, rows: int, horizon: int,
               road: list[Point]) -> Generator[None, None, pygame.Surface]:
    """Where the road mirrors, and how much: only on the asphalt, more towards the horizon
    (made in three steps: the fade, the road's shape, the shrinking)."""
    small = (max(2, width // MIRROR_DETAIL[0]), max(2, rows // MIRROR_DETAIL[1]))
    mask = pygame.Surface((width, rows))
    mask.fill((0, 0, 0))
    for y in range(rows):
        level = round(255 * MIRROR * (1.0 - y / rows) ** 0.7)
        mask.fill((level, level, level), (0, y, width, 1))
    yield
    cut = pygame.Surface((width, rows))
    cut.fill((0, 0, 0))
    pygame.draw.polygon(cut, (255, 255, 255), [(x, y - horizon) for x, y in road])
    mask.blit(cut, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    yield
    return pygame.transform.smoothscale(mask, small)


class Mirror:
    """The reflection: what lies above the road kept (`under`), shrunk in blocks, flipped,
    streaked and masked to the road (`_small`), enlarged again a run of rows at a time."""

    def __init__(self, horizon: int, flipped: pygame.Surface, under: pygame.Surface,
                 mask: pygame.Surface) -> None:
        self.horizon = horizon
        self.flipped, self.under, self.mirror_mask = flipped, under, mask
        width, rows = under.get_size()
        self.width = width
        # The mirror shrinks what is under it in whole blocks of pixels, so a change to a few
        # shrinks only their blocks again (the same pixels as shrinking all of it); the few
        # rows left over, farthest above the road, mirror where the road reflects nothing.
        self.shrunk = pygame.Surface(mask.get_size())
        small_w, small_h = self.shrunk.get_size()
        across, block = width // small_w, rows // small_h
        # (columns, first column), (rows, first row) of the blocks
        self.blocks_at = ((across, width - across * small_w), (block, rows - block * small_h))
        self._small: pygame.Surface | None = None  # `shrunk` flipped, streaked, masked
        self._raw = pygame.Surface((small_w, small_h))  # `shrunk` flipped alone, under it
        self.streak = Streak((small_w, small_h))
        self._made = [False] * (small_h - 1)  # the runs of `flipped` made from it

    def paint(self, surface: pygame.Surface,
              street: Callable[[pygame.Surface], None]) -> None:
        """Wet asphalt: the sky and towers above the horizon, upside down, smeared, in the road
        (`street` paints the street itself, over what lies above the road and under this)."""
        width, rows = self.under.get_size()
        clip = surface.get_clip()
        # Keep what lies under the street above the road where it is painted now: painting the
        # reflection again alone must mirror that, not the towers and lamps already over it.
        above = pygame.Rect(0, self.horizon - rows, width, rows)
        fresh = clip.clip(above)
        if fresh:
            self.under.blit(surface, (fresh.x, fresh.y - above.y), fresh)
            self._shrink(fresh.move(0, -above.top))
        shown = clip.clip((0, self.horizon, width, self.flipped.get_height()))
        street(surface)
        if shown:  # painting again elsewhere: the reflection is not in view
            self._enlarge(shown.top - self.horizon, shown.bottom - self.horizon,
                          (shown.left, shown.right))
            surface.blit(self.flipped, (0, self.horizon), special_flags=pygame.BLEND_RGB_ADD)

    def _enlarge(self, top: int, bottom: int, columns: tuple[int, int]) -> None:
        """Make the rows top..bottom of the reflection (from the horizon down) from the smeared
        mirror, where they are not made yet (areas painted one after another share them); if
        `columns` (left, right) are a narrow part of them, only those, kept as not made."""
        if self._small is None:
            self._raw.blit(pygame.transform.flip(self.shrunk, False, True), (0, 0))
            self._small = pygame.Surface(self._raw.get_size())
            self.streak.apply(self._raw, self._small, 0, self._raw.get_height())
            self._small.blit(self.mirror_mask, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
            self._made = [False] * len(self._made)
        detail = MIRROR_DETAIL[1]
        width = self.width
        left, right = columns
        narrow = right - left < width * NARROW_MIRROR
        wanted = range(top // detail, min(len(self._made), -(-bottom // detail)))
        for first, last in _runs([n for n in wanted if not self._made[n]]):
            # Smeared rows first..last + 1 enlarge to the reflection's rows between them.
            source = self._small.subsurface((0, first, self._small.get_width(),
                                             last - first + 2))
            rows = (first * detail, (last - first + 1) * detail)
            if narrow:  # scaled across, then only the columns wanted up: the same pixels
                source = pygame.transform.smoothscale(source, (width, source.get_height()))
                source = source.subsurface((left, 0, right - left, source.get_height()))
                target = self.flipped.subsurface((left, rows[0], right - left, rows[1]))
            else:
                target = self.flipped.subsurface((0, rows[0], width, rows[1]))
                self._made[first:last + 1] = [True] * (last - first + 1)
            pygame.transform.smoothscale(source, target.get_size(), target)

    def _shrink(self, fresh: pygame.Rect) -> None:
        """Shrink again the blocks of what lies under the street that `fresh` (in rows and
        columns of `under`) touches."""
        (across, skip_x), (block, skip) = self.blocks_at
        small_w, small_h = self.shrunk.get_size()
        left, right = max(0, (fresh.left - skip_x) // across), min(
            small_w, -(-(fresh.right - skip_x) // across))
        first, last = max(0, (fresh.top - skip) // block), min(
            small_h, -(-(fresh.bottom - skip) // block))
        if last > first and right > left:
            source = self.under.subsurface((skip_x + left * across, skip + first * block,
                                            (right - left) * across, (last - first) * block))
            target = self.shrunk.subsurface((left, first, right - left, last - first))
            pygame.transform.smoothscale(source, target.get_size(), target)
            self._unmake(first, last)

    def _unmake(self, first: int, last: int) -> None:
        """The smeared rows first..last of `shrunk` changed: flip and mask them again into
        `_small` (the same pixels as making it whole), and forget the runs of the reflection
        enlarged from them (a run is made from two smeared rows), the others kept."""
        if self._small is None:
            return  # made whole when next needed
        small_w, small_h = self.shrunk.get_size()
        self._raw.blit(pygame.transform.flip(self.shrunk.subsurface(
            (0, first, small_w, last - first)), False, True), (0, small_h - last))
        top, bottom = self.streak.rows_read(small_h - last, small_h - first)
        rows = pygame.Rect(0, top, small_w, bottom - top)
        self.streak.apply(self._raw, self._small, top, bottom)
        self._small.blit(self.mirror_mask, rows, rows, special_flags=pygame.BLEND_RGB_MULT)
        start, end = max(0, rows.top - 1), min(len(self._made), rows.bottom)
        self._made[start:end] = [False] * max(0, end - start)

    def reflected(self, area: pygame.Rect) -> pygame.Rect | None:
        """Where the reflection can change when `area` above the road changes: the rows
        made from the blocks it touches (a block shrinks to one smeared row, which enlarges
        into the rows of the block before and after it), and the columns its smeared ones
        blend into, with a pixel to spare."""
        width, rows = self.under.get_size()
        seen = area.clip(pygame.Rect(0, self.horizon - rows, width, rows)).move(
            0, rows - self.horizon)  # in rows and columns of `under`
        (across, skip_x), (block, skip) = self.blocks_at
        small_w, small_h = self.shrunk.get_size()
        top, bottom = max(seen.top, skip), min(seen.bottom, skip + block * small_h)
        left, right = max(seen.left, skip_x), min(seen.right, skip_x + across * small_w)
        if not seen or bottom <= top or right <= left:
            return None
        # Counted from the horizon down, as the reflection runs: its smeared rows, flipped.
        near, far = small_h - 1 - (bottom - 1 - skip) // block, small_h - 1 - (top - skip) // block
        streaked = self.streak.rows_read(near, far + 1)  # the streak reads its neighbours
        first, last = max(0, streaked[0] - 1), min(small_h - 2, streaked[1] - 1)
        if last < first:
            return None
        detail = MIRROR_DETAIL[1]
        spread = self.streak.reach if self.streak.touches(near, far + 1) else 0
        # Column x of the reflection blends smeared columns x * (w - 1) // width and the next.
        scale = width / max(1, small_w - 1)
        x0 = max(0, math.floor(((left - skip_x) // across - 1 - spread) * scale) - 1)
        x1 = min(width, math.ceil(((right - 1 - skip_x) // across + 1 + spread) * scale) + 2)
        return pygame.Rect(x0, self.horizon + first * detail, x1 - x0,
                           (last - first + 1) * detail)


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Increasing whole numbers as runs of consecutive ones: (first, last) each."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs
