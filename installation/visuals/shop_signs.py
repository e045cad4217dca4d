"""Shop names in letters on the boulevard's signs: set once in the sign face, then laid onto a
sign's board in perspective (a soft mask, coloured by the light when the street is painted)."""

from __future__ import annotations

import numpy as np
import pygame

Point = tuple[int, int]

NAMES = ("FLORIST", "SHOES", "LIQUOR", "BANK", "DRUGS", "HATS", "JEWELER", "CAFE", "RADIO",
         "BAKERY", "FURS", "GIFTS", "DRESSES", "MARKET", "BOOKS", "TOYS")
CINEMA = "FOX"  # the marquee at the near end of the street
LETTER_PIXELS = 64  # the names are set this tall once, then laid onto each board
FINER = 2  # a board is drawn at this many times its size, then smoothed down...
FINEST, STEP_ROWS = 8, 4  # ...more for a small one, to read no more than this many of the
# letters' rows a step (at most FINEST times: a far name's strokes soften, never break up)
SMALLEST = 3  # pixels: a board shorter than this on the picture has no letters


class Lettering:
    """The names set in one font (each once), as alpha arrays (columns, rows) 0..1."""

    def __init__(self, font: pygame.font.Font) -> None:
        self.font = font
        self._set: dict[str, np.ndarray] = {}

    def alpha(self, name: str) -> np.ndarray:
        """The name's letters: 1 on their strokes, 0 between them."""
        if name not in self._set:
            text = self.font.render(name, True, (255, 255, 255))
            self._set[name] = pygame.surfarray.array_alpha(text).astype(np.float32) / 255
        return self._set[name]

    def aspect(self, name: str) -> float:
        """How many times wider than tall the name is set."""
        columns, rows = self.alpha(name).shape
        return columns / max(1, rows)


def laid(letters: np.ndarray, quad: list[Point]) -> tuple[pygame.Surface, Point] | None:
    """`letters` laid onto `quad` (the screen corners of its top-left, top-right, bottom-right
    and bottom-left) in perspective: a white mask with the letters in its alpha, and where its
    top-left goes; None if the board is too small to letter."""
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    left, top = min(xs), min(ys)
    wide, tall = max(xs) - left + 1, max(ys) - top + 1
    if min(wide, tall) < SMALLEST:
        return None
    columns, rows = letters.shape
    source = [(0.0, 0.0), (float(columns), 0.0), (float(columns), float(rows)), (0.0, float(rows))]
    back = _homography([(x - left, y - top) for x, y in quad], source)
    finer = min(FINEST, max(FINER, -(-rows // (tall * STEP_ROWS))))
    x = (np.arange(wide * finer, dtype=np.float64) + 0.5) / finer
    y = (np.arange(tall * finer, dtype=np.float64) + 0.5) / finer
    gx, gy = np.meshgrid(x, y, indexing="ij")
    w = back[2, 0] * gx + back[2, 1] * gy + back[2, 2]
    u = (back[0, 0] * gx + back[0, 1] * gy + back[0, 2]) / w
    v = (back[1, 0] * gx + back[1, 1] * gy + back[1, 2]) / w
    inside = (u >= 0) & (u < columns) & (v >= 0) & (v < rows)
    picked = letters[np.clip(u, 0, columns - 1).astype(int), np.clip(v, 0, rows - 1).astype(int)]
    fine = pygame.Surface((wide * finer, tall * finer), pygame.SRCALPHA)
    fine.fill((255, 255, 255, 0))
    pygame.surfarray.pixels_alpha(fine)[:] = np.round(255 * picked * inside).astype(np.uint8)
    return pygame.transform.smoothscale(fine, (wide, tall)), (left, top)


def _homography(points: list[tuple[int, int]], onto: list[tuple[float, float]]) -> np.ndarray:
    """The 3x3 projective map taking each of four `points` to the matching one of `onto`."""
    rows, values = [], []
    for (x, y), (u, v) in zip(points, onto, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values += [u, v]
    solved = np.linalg.lstsq(np.array(rows, np.float64), np.array(values, np.float64),
                             rcond=None)[0]
    return np.append(solved, 1.0).reshape(3, 3)
