"""The dissolve and light wipe a compositor lays transitions through: made at the screen's size in
pieces ahead of the scene that arrives by them (or whole when first needed), then kept."""

from __future__ import annotations

from installation.visuals.base import Pieces, stable_seed
from installation.visuals.dissolve import Dissolve
from installation.visuals.light_wipe import LightWipe
from installation.visuals.piece_times import Place, place_of
from installation.visuals.transitions import MASKED

DONE = object()  # what a mask's steps give when there are none left
Mask = Dissolve | LightWipe


class Masks:
    """Each masked transition's mask (dissolve, light wipe), made once for the screen's size
    from the timeline's seed and the transition's kind."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self._made: dict[str, Mask] = {}
        self._making: dict[str, tuple[Mask, Pieces]] = {}  # being made ahead

    def dissolve(self, seed: int) -> Dissolve:
        """The dissolve's thresholds at the screen's size."""
        mask = self._whole("dissolve", seed)
        assert isinstance(mask, Dissolve)
        return mask

    def wipe(self, seed: int) -> LightWipe:
        """The light wipe's band at the screen's size."""
        mask = self._whole("light-wipe", seed)
        assert isinstance(mask, LightWipe)
        return mask

    def _whole(self, kind: str, seed: int) -> Mask:
        """The dissolve or wipe, made when first needed (what was not made ahead is made now)."""
        while kind not in self._made:
            self.step(kind, seed)
        return self._made[kind]

    def step(self, kind: str, seed: int) -> None:
        """Make one piece of the dissolve or wipe (`seed`: the timeline's)."""
        if kind not in self._making:
            made: type[Mask] = Dissolve if kind == "dissolve" else LightWipe
            mask = made.__new__(made)
            self._making[kind] = mask, mask.pieces(self.size, stable_seed(seed, kind))
        mask, steps = self._making[kind]
        if next(steps, DONE) is DONE:
            del self._making[kind]
            self._made[kind] = mask

    def wanted(self, kind: str) -> bool:
        """Is the mask a scene arriving by `kind` needs still to make?"""
        return kind in MASKED and kind not in self._made

    def place(self, kind: str) -> Place:
        """Where the next piece of the mask starts (its guess is kept by place)."""
        making = self._making.get(kind)
        return place_of(making[1]) if making else kind

    def forget(self) -> None:
        """Name no dissolve cover nor light wipe's picture (their keys name the scenes they
        were made from: kept, they kept them)."""
        for mask in self._made.values():
            mask.forget()
