"""Which class draws each layer type named in a timeline (the catalog's keys, in code)."""

from __future__ import annotations

from .base import LayerFactory
from .caption import Caption
from .countdown import Countdown
from .diner import Diner
from .flash import Flash
from .image import Image
from .neon import Neon
from .particles import Particles
from .post import Post
from .searchlight import Searchlight
from .silhouette import Silhouette
from .sky import Sky
from .skyline import Skyline
from .street import Street
from .tarpit import Tarpit

FACTORIES: dict[str, LayerFactory] = {
    "sky": Sky,
    "skyline": Skyline,
    "neon": Neon,
    "diner": Diner,
    "street": Street,
    "tarpit": Tarpit,
    "silhouette": Silhouette,
    "searchlight": Searchlight,
    "caption": Caption,
    "countdown": Countdown,
    "image": Image,
    "particles": Particles,
    "flash": Flash,
    "post": Post,
}
# Drawn by the compositor itself over every scene (a scene's own layer of the type wins).
OVERLAY_TYPES: dict[str, LayerFactory] = {"countdown": Countdown, "post": Post}
