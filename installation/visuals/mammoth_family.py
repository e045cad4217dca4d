"""The tar pits' mammoths are one family across the day: the mother, her calf and the bull each
wear one coat in every scene (the sun of each scene's hour lights it), described here once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from installation.visuals.base import Color

FAMILY = ("mammoth", "calf", "bull")  # the shapes of the family
COAT: Color = (22, 17, 13)  # hers and his, a dark brown (#16110d): at noon, at 14:30, in the tar
# at night and on the morning shore the same animals (per scene, a grey stone calf at 14:30 and
# a blue-black mother at 08:00 read as other species)
CALF_COAT: Color = (74, 44, 28)  # the calf's, a shaggy red-brown (#4a2c1c), lighter than hers,
# the same at noon, beside Julie at 14:30 and alone on the morning shore (a pale tan #4a3527 at
# noon, her dark brown at 14:30 and black in the morning haze, it read as three animals: a
# sheep, a calf and a shadow)
OTHERS: Color = (8, 8, 10)  # every other figure's fill when its `color` is not set


def coat_of(params: Mapping[str, Any]) -> Color:
    """A silhouette's fill: its own `color`, else the family's coat for a mammoth or bull,
    the calf's for a calf, and near black for the rest."""
    color: Color | None = params.get("color")
    if color is not None:
        return color
    shape = params.get("shape", "mammoth")
    return CALF_COAT if shape == "calf" else COAT if shape in FAMILY else OTHERS
