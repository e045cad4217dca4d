"""How one scene gives way to the next: each scene's share of the picture as a cut, crossfade,
dip or flash goes (a dissolve's or light wipe's share as a whole), and pictures held between
frames."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from installation.visuals.base import Color, clamp01, s_curve

DIP_OVERLAP = 0.5  # the new scene starts rising half way, once the old one has sunk to black
# (started sooner, the two showed through each other in the dark: a faint double exposure)
GLARE_FLOOR = 0.2  # a glare never hides the picture: at its height a fifth of it shows
# through the light (what both scenes have in one place, the calf on her bank, stays; dimmed
# to nothing, the noon glare was a flat card, white, greyed at the corners: the flash again)
GLARE_COLOR: Color = (255, 236, 204)  # the noon sun's warm light, never the flash's white
WHITE: Color = (255, 255, 255)
SHARES_TOLERANCE = 1e-9  # shares that add up to one are a plain mix
MASKED = ("dissolve", "light-wipe")  # the new scene takes over spot by spot, not by fading
# Each scene drawn with its own sky, not both over the arriving one's: a light wipe brightens
# the night's sky into the morning's; a dip shows one scene at a time, the one being left
# under its own sky until the dark (over the arriving sky, the flash's orange sky went grey in
# a frame as the dip into the ash began, the burning city still lit: a glitch).
OWN_SKIES = ("light-wipe", "dip-to-black", "dip-to-white")
# The transitions whose light is laid over the finished frame, after the post effects (the
# scenes under it dimmed, then the vignette and grain, then the light added: one pass): the
# noon glare's warm light, greyed at the corners by the vignette, read dirty.
UNSHADED = ("glare",)
Draw = Callable[[pygame.Surface], None]
Key = tuple[object, ...]  # everything that decides a held picture (compared by equality)


def smoothstep(t: float) -> float:
    return s_curve(clamp01(t))


def weights(kind: str, progress: float) -> tuple[float, float, float]:
    """(previous, next, white) shares of the picture at a transition's progress 0..1."""
    p = clamp01(progress)
    if kind == "cut":
        return 0.0, 1.0, 0.0
    if kind in ("crossfade", *MASKED):  # a masked one's share of the picture
        w = smoothstep(p)
        return 1.0 - w, w, 0.0
    if kind in ("dip-to-black", "dip-to-white"):
        span = 1.0 - DIP_OVERLAP
        old = 1.0 - smoothstep(p / span)
        new = smoothstep((p - DIP_OVERLAP) / span)
        white = 1.0 - old - new if kind == "dip-to-white" else 0.0
        return old, new, white
    if kind == "glare":  # the old scene goes up in the light, the new one comes out of it:
        # the change made at its height, where each shows only GLARE_FLOOR of itself
        old = 0.0 if p >= 0.5 else 1.0 - (1.0 - GLARE_FLOOR) * smoothstep(p * 2)
        new = 0.0 if p < 0.5 else GLARE_FLOOR + (1.0 - GLARE_FLOOR) * smoothstep(p * 2 - 1)
        return old, new, 1.0 - old - new
    if kind == "flash":
        white = (1.0 - p) ** 1.5
        w = smoothstep(p)
        return (1.0 - w) * (1.0 - white), w * (1.0 - white), white
    raise ValueError(f"unknown transition {kind!r}")


def light_color(kind: str) -> Color:
    """The colour of the light a transition adds (its `white` share): a glare's is warm."""
    return GLARE_COLOR if kind == "glare" else WHITE


def level(share: float) -> int:
    """A share of the picture (0..1) as the 0..255 level it is multiplied by."""
    return max(0, min(255, round(share * 255)))


def shares(kind: str, progress: float) -> tuple[float, float, float]:
    """`weights`, a plain mix's two made to add up to 255 levels (where both scenes show the
    same pixel, as under the one sky, the mix stays within a level of itself)."""
    old, new, white = weights(kind, progress)
    if abs(old + new - 1.0) < SHARES_TOLERANCE:
        old = 1.0 - level(new) / 255
    return old, new, white


def shown(kind: str, progress: float) -> tuple[bool, bool]:
    """Does each scene (previous, next) show at all at this progress? (A masked one shows
    only the old scene as it begins and only the new one as it ends.)"""
    if kind in MASKED:
        return progress < 1.0, progress > 0.0
    old, new, _white = shares(kind, progress)
    return level(old) > 0, level(new) > 0


class Held:
    """One scene's picture kept from the frame that drew it, named by a key that says
    everything that decides it: a later frame asking with the same key gets it undrawn."""

    def __init__(self, size: tuple[int, int], flags: int = 0) -> None:
        self.surface = pygame.Surface(size, flags)
        self.key: Key | None = None

    def get(self, key: Key, draw: Draw) -> pygame.Surface:
        """The picture named `key`, drawn with `draw` unless it is the one held."""
        if key != self.key:
            self.change(key, draw)
        return self.surface

    def change(self, key: Key, draw: Draw) -> None:
        """Draw over the picture held (as in dimming it), then hold it under `key`."""
        self.key = None  # a draw that raises leaves nothing half drawn behind
        draw(self.surface)
        self.key = key

    def forget(self) -> None:
        """Hold nothing (the key names the scenes it was drawn from: kept, it kept them)."""
        self.key = None
