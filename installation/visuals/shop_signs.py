"""Shop names in letters on the boulevard's signs: set once in the sign face, then laid onto a
sign's board in perspective (a soft mask, coloured by the light when the street is painted);
down the street, where letters would smear, the name as neon script: thin bright strokes."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.fonts import StrokeFont

Point = tuple[int, int]

NAMES = ("FLORIST", "SHOES", "LIQUOR", "BANK", "DRUGS", "HATS", "JEWELER", "CAFE", "RADIO",
         "BAKERY", "FURS", "GIFTS", "DRESSES", "MARKET", "BOOKS", "TOYS")
CINEMA = "FOX"  # the marquee at the near end of the street
LETTER_PIXELS = 64  # the names are set this tall once, then laid onto each board
FINER = 2  # a board is drawn at this many times its size, then smoothed down...
FINEST, STEP_ROWS = 8, 4  # ...more for a small one, to read no more than this many of the
# letters' rows a step (at most FINEST times: a far name's strokes soften, never break up)
SMALLEST = 3  # pixels: a board shorter than this on the picture has no letters
LEGIBLE = (6, 3)  # pixels: names set less tall than this on the picture, or letters less
# wide than this along it, are drawn as neon script (they would smear)
SCRIPT_BAND = (-12.0, 11.0)  # the script's capitals, top to baseline (Hershey units)
SCRIPT_LETTER = 2.4  # pixels along a letter at least, else the script is one straight tube
TUBE_SPAN = (0.1, 0.9, 0.55)  # ...from and to (shares of the name's length), at this height
TUBE, HALO = 255, 60  # a neon stroke's alpha, and its glow's either side of it...
HALO_TALL, HALO_LETTER = 8, 3.5  # ...round script at least this many pixels tall and a letter
# this wide (a smaller one it would fill)


class Lettering:
    """The names set in one font (each once), as alpha arrays (columns, rows) 0..1."""

    def __init__(self, font: pygame.font.Font, script: pygame.font.Font | None = None) -> None:
        self.font = font
        self.script = script if isinstance(script, StrokeFont) else None  # (far names' tubes)
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

    def tubes(self, name: str) -> tuple[list[list[tuple[float, float]]], float]:
        """The name in joined script as the neon tubes' paths (Hershey units, its capitals
        between SCRIPT_BAND's heights), and its length; none without a script font."""
        return self.script.paths(name.title()) if self.script is not None else ([], 0.0)


def neon(lettering: Lettering, name: str, quad: list[Point]
         ) -> tuple[pygame.Surface, Point] | None:
    """`name` as neon script laid onto `quad` (as in `laid`): thin bright strokes, one pixel
    wide whatever the sign's size, with a faint glow on the larger; where its letters would
    be too narrow to show, one straight tube along the sign; None without a script font or
    on a board too small for letters."""
    paths, length = lettering.tubes(name)
    if not paths or length <= 0:
        return None
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    left, top = min(xs), min(ys)
    wide, tall = max(xs) - left + 1, max(ys) - top + 1
    if min(wide, tall) < SMALLEST:
        return None  # (as with letters: the board shows dashes)
    along = abs(quad[1][0] - quad[0][0]) / len(name)  # pixels a letter
    glow = tall >= HALO_TALL and along >= HALO_LETTER
    if along < SCRIPT_LETTER:
        start, stop, high = TUBE_SPAN
        paths, glow = [[(length * start, _height(high)), (length * stop, _height(high))]], False
    low, high = SCRIPT_BAND
    source = [(0.0, low), (length, low), (length, high), (0.0, high)]
    onto = _homography([(float(u), float(v)) for u, v in source],
                       [(float(x - left), float(y - top)) for x, y in quad])
    lines = [[_mapped(onto, u, v) for u, v in path] for path in paths]
    mask = pygame.Surface((wide, tall), pygame.SRCALPHA)  # (a loop past the board is cut off)
    mask.fill((255, 255, 255, 0))
    for alpha, width in ((HALO, 3), (TUBE, 1)) if glow else ((TUBE, 1),):
        for line in lines:
            if len(line) > 1:
                pygame.draw.lines(mask, (255, 255, 255, alpha), False, line, width)
    return mask, (left, top)


def legible(name: str, quad: list[Point]) -> bool:
    """Can `name` set in letters on `quad` (as in `laid`) be read: tall and wide enough?"""
    tall = max(abs(quad[3][1] - quad[0][1]), abs(quad[2][1] - quad[1][1]))
    return tall >= LEGIBLE[0] and abs(quad[1][0] - quad[0][0]) >= LEGIBLE[1] * len(name)


def _height(share: float) -> float:
    """A height on the script's band, `share` of the way down from its top."""
    return SCRIPT_BAND[0] + (SCRIPT_BAND[1] - SCRIPT_BAND[0]) * share


def _mapped(onto: np.ndarray, u: float, v: float) -> tuple[float, float]:
    """Where the projective map `onto` takes the point (u, v)."""
    w = onto[2, 0] * u + onto[2, 1] * v + onto[2, 2]
    return ((onto[0, 0] * u + onto[0, 1] * v + onto[0, 2]) / w,
            (onto[1, 0] * u + onto[1, 1] * v + onto[1, 2]) / w)


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
    back = _homography([(float(x - left), float(y - top)) for x, y in quad], source)
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


def _homography(points: list[tuple[float, float]], onto: list[tuple[float, float]]
                ) -> np.ndarray:
    """The 3x3 projective map taking each of four `points` to the matching one of `onto`."""
    rows, values = [], []
    for (x, y), (u, v) in zip(points, onto, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values += [u, v]
    solved = np.linalg.lstsq(np.array(rows, np.float64), np.array(values, np.float64),
                             rcond=None)[0]
    return np.append(solved, 1.0).reshape(3, 3)
