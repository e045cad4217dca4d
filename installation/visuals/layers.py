"""Which class draws each layer type named in a timeline (the catalog's keys, in code)."""

from __future__ import annotations

from installation.visuals.banksign import BankSign
from installation.visuals.base import LayerFactory
from installation.visuals.bones import Bones
from installation.visuals.booth import Booth
from installation.visuals.caption import Caption
from installation.visuals.countdown import Countdown
from installation.visuals.diner import Diner
from installation.visuals.figures import Figures
from installation.visuals.flash import Flash
from installation.visuals.haze import Haze
from installation.visuals.helicopter import Helicopter
from installation.visuals.image import Image
from installation.visuals.interior import Interior
from installation.visuals.maycompany import MayCompany
from installation.visuals.neon import Neon
from installation.visuals.parallax import Sway
from installation.visuals.particles import Particles
from installation.visuals.post import Post
from installation.visuals.room import Room
from installation.visuals.ruins import Ruins
from installation.visuals.searchlight import Searchlight
from installation.visuals.silhouette import Silhouette
from installation.visuals.sky import Sky
from installation.visuals.skyline import Skyline
from installation.visuals.smoke import Smoke
from installation.visuals.street import Street
from installation.visuals.tarpit import Tarpit

FACTORIES: dict[str, LayerFactory] = {
    "sky": Sky,
    "skyline": Skyline,
    "neon": Neon,
    "diner": Diner,
    "interior": Interior,
    "maycompany": MayCompany,
    "street": Street,
    "tarpit": Tarpit,
    "silhouette": Silhouette,
    "figures": Figures,
    "booth": Booth,
    "searchlight": Searchlight,
    "helicopter": Helicopter,
    "caption": Caption,
    "countdown": Countdown,
    "banksign": BankSign,
    "room": Room,
    "image": Image,
    "particles": Particles,
    "flash": Flash,
    "ruins": Ruins,
    "smoke": Smoke,
    "bones": Bones,
    "haze": Haze,
    "post": Post,
    "camera": Sway,
}
# Drawn by the compositor itself over every scene (a scene's own layer of the type wins).
OVERLAY_TYPES: dict[str, LayerFactory] = {"countdown": Countdown, "post": Post}
