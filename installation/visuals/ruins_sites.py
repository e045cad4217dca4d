"""Where the ruins stand: the skyline's towers before the flash, and the fires among them
(the flash, the ruins and the smoke all place theirs from these)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from installation.visuals.base import stable_seed


@dataclass(frozen=True)
class Tower:
    """One building of the Mid-Wilshire skyline, before the flash (row 0 far, 1 near)."""

    x: int
    width: int
    height: int
    row: int


def towers(seed: int, width: int, tallest: int) -> list[Tower]:
    """The skyline's towers, the same for a seed: the flash burns them in, the ruins break them."""
    rng = random.Random(stable_seed(seed, "towers"))
    out = []
    for row in (0, 1):
        x = -rng.randrange(width // 40 + 1)
        while x < width:
            w = int(width * rng.uniform(0.03, 0.08))
            tall = rng.random() ** (1.8 if row else 1.2)
            out.append(Tower(x, w, int(tallest * (0.2 + 0.8 * tall) * (0.8 if row else 1.0)),
                             row))
            x += w + (int(width * rng.uniform(0.0, 0.02)) if row == 0 else 0)
    return out


def fire_sites(seed: int, size: tuple[int, int], ground: int,
               count: int) -> list[tuple[int, int]]:
    """Where fires burn among the ruins; the first n are the same whatever the count, so smoke
    columns (with the same ground) rise from the fires."""
    rng = random.Random(stable_seed(seed, "fires"))
    width, height = size
    return [(int(width * rng.uniform(0.06, 0.94)), ground - int(height * rng.uniform(0.0, 0.05)))
            for _ in range(count)]
