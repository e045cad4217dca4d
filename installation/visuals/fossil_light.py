"""The light on a find under the tar: a warm sheen on its upper side, rounded as bone is, and
the hollow it lies in, darker than the strata round it (brown bones on brown tar in a grey
light read as murk: a cut lit as a dig is, they stand out of it)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color

SHEEN: Color = (68, 54, 40)  # a warm light on a bone's upper side at its brightest (added)
SHEEN_ROUND = 0.16  # how round a bone is: its sheen fades over this many of its sizes down
# from an upper edge (a flat band along the edge read as a cut-out's outline)
SHEEN_GAIN = 2.2  # how quickly it comes up to its brightest under the edge
HOLLOW: Color = (8, 5, 3)  # the hollow a find lies in: the tar round it this dark ...
HOLLOW_DARK = 0.9  # ... at most this much of it over the strata ...
HOLLOW_SOFT = 0.35  # ... fading out this many of its sizes from its edge
HOLLOW_WIDE = 2.0  # (the blurred outline's alpha raised this much: wider than the find)
HOLLOW_OF = 127  # what of a find's picture makes its hollow: its alpha over this (not its
# shadow's soft edge)


def sheen(find: pygame.Surface, size: float, gain: float = 1.0,
          light: Color = SHEEN) -> pygame.Surface:
    """A copy of a find (per-pixel alpha, `size` its size in pixels) lit warm from above: its
    upper side catches the `light` (`gain` of it at most), brightest just under each upper
    edge and fading down over SHEEN_ROUND of its size, as on something round."""
    alpha = pygame.surfarray.array_alpha(find).astype(np.float32) / 255
    soft = _blurred(alpha, max(2, round(size * SHEEN_ROUND / 2)))
    down = max(1, round(size * SHEEN_ROUND / 2))
    rising = np.zeros_like(soft)  # how much more of the find there is here than above
    rising[:, down:] = soft[:, down:] - soft[:, :-down]
    lit = np.clip(rising * SHEEN_GAIN, 0.0, 1.0) * alpha
    rgb = pygame.surfarray.array3d(find).astype(np.float32)
    rgb += np.array(light, np.float32) * gain * lit[..., None]
    out = find.copy()
    pygame.surfarray.pixels3d(out)[:] = np.clip(rgb + 0.5, 0, 255).astype(np.uint8)
    return out


def hollow(find: pygame.Surface, size: float) -> pygame.Surface:
    """The hollow a find (per-pixel alpha, `size` its size in pixels) lies in: a picture to
    multiply the strata under it by, dark round the find and fading out HOLLOW_SOFT of its
    size from it (the strata's own alpha kept: only their colour darkened)."""
    alpha = (pygame.surfarray.array_alpha(find) > HOLLOW_OF).astype(np.float32)  # (the
    # find, not its soft shadow: from that, the hollow reached its picture's edges, a dark
    # rectangle round the ribs)
    times = max(2, round(size * HOLLOW_SOFT))
    soft = np.clip(_blurred(alpha, times) * HOLLOW_WIDE, 0.0, 1.0)
    width, rows = alpha.shape
    soft *= np.outer(_ramp(width, times), _ramp(rows, times))  # (nothing at its edges)
    keep = 1.0 - HOLLOW_DARK * soft[..., None] * (1.0 - np.array(HOLLOW, np.float32) / 255)
    out = pygame.Surface(find.get_size())
    pygame.surfarray.pixels3d(out)[:] = (keep * 255 + 0.5).astype(np.uint8)
    return out


def _ramp(count: int, over: int) -> np.ndarray:
    """0 at both ends of `count` places, rising to 1 over `over` of them."""
    at = np.arange(count, dtype=np.float32)
    return np.asarray(np.clip(np.minimum(at, count - 1 - at) / over, 0.0, 1.0))


def _blurred(alpha: np.ndarray, times: int) -> np.ndarray:
    """A coverage (columns x rows, 0..1) blurred: shrunk `times` and enlarged, smoothly."""
    width, rows = alpha.shape
    plane = pygame.Surface((width, rows), pygame.SRCALPHA)
    plane.fill((255, 255, 255, 0))
    pygame.surfarray.pixels_alpha(plane)[:] = (alpha * 255).astype(np.uint8)
    small = pygame.transform.smoothscale(plane, (max(1, width // times), max(1, rows // times)))
    big = pygame.transform.smoothscale(small, (width, rows))
    return pygame.surfarray.array_alpha(big).astype(np.float32) / 255
