"""What every part of a score shares: its seed, its sends, and how it is asked for sound."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from installation.audio.dsp.envelopes import control_curve, swell
from installation.core.seed import stable_seed

PART_RMS = 0.25  # every part is made at -12 dBFS RMS, before its level and filter


def part_seeds(timeline_seed: int, scene: str, kinds: Iterable[str]) -> list[int]:
    """Each part's seed, as a picture's layer has it: the timeline's seed, the seed of the
    scene whose score it is (its name unless given), the part's kind and which part of that
    kind (the first, ...).
    What it is, never where: a scene added to the day or moved, or a part of another kind
    added to the score, leaves the rest of the music as it was."""
    seen: dict[str, int] = {}
    seeds = []
    for kind in kinds:
        nth = seen.get(kind, 0)
        seen[kind] = nth + 1
        seeds.append(stable_seed(timeline_seed, scene, kind, nth))
    return seeds


def chance(seed: int, *parts: object) -> float:
    """A seeded draw in [0, 1) that depends only on its parts."""
    return (stable_seed(seed, *parts) % 10_000) / 10_000.0


Sends = tuple[float, float, float]  # dry, echo, reverb
STEM_NAMES = ("dry", "echo", "reverb")


@dataclass
class Stems:
    """One block of the score, split by where it goes: dry, echo and reverb sends.

    The two sends are one array (4, frames): the echo's rows, then the reverb's, as the
    master bus takes them (no copy to join them).
    """

    dry: np.ndarray
    sends: np.ndarray

    @classmethod
    def silent(cls, frames: int) -> Stems:
        return cls(np.zeros((2, frames)), np.zeros((4, frames)))

    @property
    def echo(self) -> np.ndarray:
        return self.sends[:2]

    @property
    def reverb(self) -> np.ndarray:
        return self.sends[2:]

    def add(self, sound: np.ndarray, gains: np.ndarray | float, sends: Sends) -> None:
        steady = not isinstance(gains, np.ndarray) and gains == 1.0  # fully in: as it is
        scaled = sound if steady else sound * gains
        sent = None  # one buffer for every send's share (fresh arrays cost page faults)
        for name, amount in zip(STEM_NAMES, sends, strict=True):
            if amount == 1.0:
                getattr(self, name).__iadd__(scaled)
            elif amount:
                sent = np.multiply(scaled, amount, out=sent)
                getattr(self, name).__iadd__(sent)


class Voice:
    """A part of a score. `span` is how many real seconds the score plays (for sweeps).

    render(position, frames) is a pure function of where the music is (plus state carried
    from the block before, which a few seconds of playing rebuild): any part can be asked
    for any sample position, and answers the same as if it had played up to there.
    """

    def __init__(self, params: Mapping[str, Any], sample_rate: int, seed: int,
                 span: float) -> None:
        self.p = params
        self.sr = sample_rate
        self.seed = seed
        self.span = span
        self.sends: Sends = (1.0, 0.0, float(params.get("reverb", 0.0)))

    def sweep_length(self) -> float:
        return float(self.p.get("sweep_seconds") or self.span)

    def swell(self, position: int, frames: int, attack: float) -> np.ndarray | float:
        """The fade-in at the start of the music, or 1 once it is over (the usual case)."""
        if position >= attack * self.sr:
            return 1.0
        return control_curve(lambda g: swell(g / self.sr, attack), position, frames)

    def render(self, position: int, frames: int) -> np.ndarray:
        """Stereo (2, frames), or mono (1, frames) for the centre, from `position` samples
        after the music began."""
        raise NotImplementedError


def spread(count: int, width: float, seed: int) -> np.ndarray:
    """Equal-power stereo gains (2, count) for oscillators spread alternately left and right."""
    rng = np.random.default_rng(seed)
    side = np.where(np.arange(count) % 2, 1.0, -1.0)
    pan = 0.5 + 0.5 * width * side * (0.4 + 0.6 * rng.random(count))
    return np.stack((np.cos(pan * np.pi / 2), np.sin(pan * np.pi / 2))) * np.sqrt(2.0)
