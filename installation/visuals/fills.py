"""Solid rectangles filled, and areas copied, without SDL's slow paths for rows that start off
a cache line (fills) or on a column that is a multiple of 4 but not of 16 (opaque copies).

SDL fills a row wider than 15 pixels with streaming stores of 64 bytes. Started off a 64-byte
boundary, every one of them straddles two cache lines, and on this hardware a tall, narrow
rectangle then fills about a hundred times slower (a 28 x 346 pole at x = 1522: 0.2 ms, at
x = 1520: 0.002 ms). Filling each row's pixels up to its first boundary apart (fewer than 16:
a plain memset) starts the streaming on a cache line: the same pixels.
"""

from __future__ import annotations

import pygame

LINE_BYTES = 64  # a cache line: SDL streams a filled row in stores of this size
COPY_ALIGN = 16  # columns: an opaque copy into a column that is a multiple of 4 but not of 16
# takes a path ~15 times slower (a 100-px wide copy at x=4: 0.07 ms, at x=0 or x=1: 0.005)


def fill(surface: pygame.Surface, color: tuple[int, ...], rect: pygame.Rect) -> None:
    """`surface.fill(color, rect)` (within its clip), the same pixels, at full speed."""
    area = rect.clip(surface.get_clip())
    pitch, size = surface.get_pitch(), surface.get_bytesize()
    if not area.width or pitch % LINE_BYTES or LINE_BYTES % size:
        surface.fill(color, area)  # (its rows do not all start alike: no help)
        return
    start = surface._pixels_address + area.y * pitch + area.x * size
    head = min(area.width, (-start % LINE_BYTES) // size)
    if head:
        surface.fill(color, (area.x, area.y, head, area.height))
    if area.width > head:
        surface.fill(color, (area.x + head, area.y, area.width - head, area.height))


def copy_column(x: int) -> int:
    """The column at or left of `x` that an opaque copy starts on at full speed."""
    return x - x % COPY_ALIGN


def aligned(area: pygame.Rect) -> pygame.Rect:
    """`area` widened left to a column an opaque copy starts on at full speed (painted again
    or laid again, the columns added get the pixels they have)."""
    left = copy_column(area.left)
    return pygame.Rect(left, area.top, area.right - left, area.height)
