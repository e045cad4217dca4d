"""One block of the Miracle Mile seen straight on from across Wilshire: its fronts and signs."""

from __future__ import annotations

import random
from dataclasses import dataclass

Color = tuple[int, int, int]

# Up the picture (shares of its height): where the walls stand on the sidewalk, the kerb, the
# lanes' wheel lines (far: cars going right, near: cars going left) and the shop fronts' fascia.
FOOT, KERB = 0.60, 0.64
LANES = (0.735, 0.905)
FASCIA = (0.435, 0.5)
SHOP_TOP = 0.505  # the top of the lit shop windows, under the fascia


@dataclass(frozen=True)
class Front:
    """One building's front: where it stands (shares of the picture's width), the height of
    its parapet (share of the height), its style, wall colour at night, its upper window rows'
    tops, which end is rounded (-1 left, 1 right, 0 neither) and what its shop windows show."""

    left: float
    right: float
    roof: float
    style: str  # "streamline", "deco", "shop", "hotel"
    wall: Color
    floors: tuple[float, ...]
    corner: int
    goods: str  # "bar", "jewels", "bottles", "counter", "records"
    salt: int


@dataclass(frozen=True)
class SignPlan:
    """One neon sign mounted on a front: the neon layer's keys for it (`lit` false: dark glass
    only, a sign long dead)."""

    text: str
    color: Color
    x: float
    y: float
    size: float
    font: str
    stacked: bool = False
    pattern: str = "steady"
    failing: float = 0.0
    flicker: float = 0.06
    shape: str = "none"
    lit: bool = True
    turn: int | None = None  # its turn to fail, shared with the MIRACLE MILE sign (neon_turns)


@dataclass(frozen=True)
class Plan:
    """The block: its fronts left to right and its signs."""

    fronts: tuple[Front, ...]
    signs: tuple[SignPlan, ...]


# The block, left to right: a streamline lounge on its rounded corner, an Art Deco office block
# of piers (the MIRACLE MILE sign stands on its roof), a low liquor store (the towers beyond
# show over it), a hotel, a streamline record shop turning its corner the other way.
SIGNS = (
    SignPlan("LOUNGE", (70, 224, 255), 0.19, 0.215, 0.034, "deco", stacked=True),
    SignPlan("Cocktails", (255, 70, 170), 0.095, 0.468, 0.05, "script", flicker=0.1, turn=3),
    SignPlan("JEWELERS", (255, 196, 96), 0.335, 0.468, 0.028, "light"),
    SignPlan("LIQUOR", (255, 52, 40), 0.515, 0.466, 0.044, "deco"),  # steady: with its Q failing
    #   too, the C, the Q, a HOTEL letter and the OPEN were out at once now and then (a block of
    #   broken signs); the ones that fail take turns with the roof's MIRACLE MILE (`turn`)
    SignPlan("OPEN", (70, 130, 255), 0.547, 0.535, 0.018, "tube", pattern="outage", turn=2),
    SignPlan("CAFE", (90, 255, 150), 0.655, 0.46, 0.034, "tube", shape="underline", flicker=0),
    #   (steady: its random dimming caught the underline dim at 20:43:00, as a customer came in)
    SignPlan("HOTEL", (255, 86, 44), 0.765, 0.3, 0.046, "deco", stacked=True,
             failing=0.2, flicker=0.1, turn=1),
    SignPlan("VACANCY", (255, 86, 44), 0.765, 0.425, 0.017, "tube", lit=False),
    SignPlan("RECORDS", (196, 110, 255), 0.905, 0.425, 0.028, "tube", pattern="chase",
             shape="arrow"),
)
WALLS: dict[str, tuple[Color, ...]] = {  # at night, before any light falls on them
    "streamline": ((58, 54, 56), (54, 56, 60), (60, 54, 50)),  # cream stucco in the dark
    "deco": ((44, 40, 46), (40, 42, 40)),  # buff stone, green-grey terracotta
    "shop": ((38, 32, 34), (34, 34, 40)),
    "hotel": ((46, 28, 26), (40, 30, 30)),  # dark brick
}


def layout(rng: random.Random) -> Plan:
    """The block, its walls' shades and window rows picked by `rng` (the layer's seed)."""

    def wall(style: str) -> Color:
        return rng.choice(WALLS[style])

    fronts = (
        Front(-0.01, 0.215, 0.3, "streamline", wall("streamline"), (0.35,), 1, "bar",
              rng.randrange(1 << 30)),
        Front(0.215, 0.455, 0.2, "deco", wall("deco"), (0.235, 0.335), 0, "jewels",
              rng.randrange(1 << 30)),
        Front(0.455, 0.575, 0.405, "shop", wall("shop"), (), 0, "bottles",
              rng.randrange(1 << 30)),
        Front(0.575, 0.795, 0.165, "hotel", wall("hotel"), (0.195, 0.26, 0.325), 0, "counter",
              rng.randrange(1 << 30)),
        Front(0.795, 1.01, 0.285, "streamline", wall("streamline"), (0.34,), -1, "records",
              rng.randrange(1 << 30)),
    )
    return Plan(fronts, SIGNS)
