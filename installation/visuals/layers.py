"""Which class draws each layer type named in a timeline (the catalog's keys, in code).

Each class's module is loaded when a scene first needs it: start-up loads those of the first
frame's scenes only, and `load_all` the rest once the first frame is up."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from importlib import import_module
from typing import cast

from installation.core.timeline.model import Scene
from installation.visuals.base import LayerFactory, layer_seed

# type: (module in installation.visuals, class)
PLACES: dict[str, tuple[str, str]] = {
    "sky": ("sky", "Sky"),
    "skyline": ("skyline", "Skyline"),
    "neon": ("neon", "Neon"),
    "diner": ("diner", "Diner"),
    "interior": ("interior", "Interior"),
    "maycompany": ("maycompany", "MayCompany"),
    "museum": ("museum", "Museum"),
    "street": ("street", "Street"),
    "block": ("block", "Block"),
    "tarpit": ("tarpit", "Tarpit"),
    "silhouette": ("silhouette", "Silhouette"),
    "figures": ("old_embrace", "figures_layer"),  # (Figures, or OldEmbrace for elders)
    "booth": ("booth", "Booth"),
    "backdrop": ("backdrop", "Backdrop"),
    "searchlight": ("searchlight", "Searchlight"),
    "helicopter": ("helicopter", "Helicopter"),
    "caption": ("caption", "Caption"),
    "countdown": ("countdown", "Countdown"),
    "banksign": ("banksign", "BankSign"),
    "room": ("room", "Room"),
    "image": ("image", "Image"),
    "particles": ("particles", "Particles"),
    "flash": ("flash", "Flash"),
    "ruins": ("ruins", "Ruins"),
    "smoke": ("smoke", "Smoke"),
    "lot": ("lot", "Lot"),
    "panic": ("panic", "Panic"),
    "bones": ("bones", "Bones"),
    "haze": ("haze", "Haze"),
    "sunbreak": ("ash_sun", "Sunbreak"),
    "post": ("post", "Post"),
    "camera": ("parallax", "Sway"),
}


class Factories(MutableMapping[str, LayerFactory]):
    """The layer classes of some types, each one's module imported when it is first asked for
    (a class set for a type, as a test's stand-in, is given instead until it is deleted)."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self._kinds = kinds
        self._set: dict[str, LayerFactory] = {}

    def __getitem__(self, kind: str) -> LayerFactory:
        if kind not in self._kinds:
            raise KeyError(kind)
        if kind in self._set:
            return self._set[kind]
        module, name = PLACES[kind]
        return cast(LayerFactory, getattr(import_module(f"{__package__}.{module}"), name))

    def __setitem__(self, kind: str, factory: LayerFactory) -> None:
        if kind not in self._kinds:
            raise KeyError(kind)
        self._set[kind] = factory

    def __delitem__(self, kind: str) -> None:
        del self._set[kind]

    def __contains__(self, kind: object) -> bool:
        return kind in self._kinds  # (asked without importing anything)

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)


FACTORIES = Factories(tuple(PLACES))
# Drawn by the compositor itself over every scene (a scene's own layer of the type wins).
OVERLAY_TYPES = Factories(("countdown", "post"))


def seed_of(day_seed: int, scene: Scene, index: int, kind: str) -> int:
    """Layer `index` of `scene`'s seed (see base.layer_seed): one for the whole day where its
    type's class is `continuous`."""
    return layer_seed(day_seed, scene, index, kind,
                      getattr(FACTORIES.get(kind), "continuous", False))


def load_all() -> None:
    """Load every layer's module now (once the first frame is up: a scene built later then
    waits on no import), and numpy's masked arrays, which its median and percentile import on
    their first call (~8-30 ms, in whichever piece of building ahead called one first)."""
    for kind in FACTORIES:
        FACTORIES[kind]
    import_module("numpy.ma")
