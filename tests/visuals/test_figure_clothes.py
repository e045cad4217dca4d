"""People seen far off in daylight wear coloured clothes: the noon visitors on the far shore of
the tar pits read as people in the haze (warm, in coloured tops), not pale grey ghosts."""

from __future__ import annotations

import colorsys
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals.compositor import Compositor
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.figures import Figures
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.wardrobe import CROWD

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
GHOST = (42, 42, 48)  # the grey they were drawn in, all over
RED = (180, 40, 30)
OPAQUE = 200  # a sprite's pixel this opaque is the figure's
TOP = 0.1  # of a figure's pixels, at least, are its top's colour (a shirt, a dress)
SATURATED = 0.2  # a visitor's mean colour is at least this saturated (the grey's: 0.07)


def pixels(sprite: pygame.Surface) -> np.ndarray:
    """The figure's own pixels (RGB rows), past its soft edge."""
    rgb = pygame.surfarray.array3d(sprite).reshape(-1, 3).astype(int)
    return rgb[pygame.surfarray.array_alpha(sprite).reshape(-1) > OPAQUE]


def test_a_figure_wears_its_clothes_colour_on_its_top_not_its_head_or_legs() -> None:
    headless()
    body = pose("walk", 0.3)
    dressed, plain = (sprite_for(body, Look(200, GHOST, None, outfit=CROWD[5], clothes=clothes),
                                 False)[0] for clothes in (RED, None))
    near = (np.abs(pixels(dressed) - RED).max(axis=1) < 8).mean()
    assert near >= TOP, "the shirt in its colour"
    assert not (np.abs(pixels(plain) - RED).max(axis=1) < 8).any()
    assert (np.abs(pixels(dressed) - GHOST).max(axis=1) < 8).mean() >= TOP, "head, arms, legs"


def visitors() -> list[Figures]:
    """The walkers on the far shore at noon."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(one for one in line.scenes if one.name == "La Brea Tar Pits")
    compositor = Compositor(line, (1920, 1080), print)
    return [Figures(spec.params, compositor.setup(scene, i, "figures"))
            for i, spec in enumerate(scene.layers) if spec.type == "figures"]


def test_the_noon_visitors_are_warm_and_coloured_not_grey_ghosts() -> None:
    hues = set()
    seen = 0
    for one in visitors():
        for look in one.looks:
            sprite, _ = one.sprites.get("walk", 0.25, False, look)
            mean = pixels(sprite).mean(axis=0) / 255
            hue, _, saturation = colorsys.rgb_to_hls(*mean)
            assert saturation >= SATURATED, (look.clothes, mean * 255)
            assert look.color[0] > look.color[2], "arms, heads, legs warm, not a cold grey"
            hues.add(round(hue * 6) % 6)
            seen += 1
    assert seen == 3
    assert len(hues) >= 2, "clothes of different colours"


SKIN_HUES = (5.0, 42.0)  # degrees: the browns and tans of skin (and of a warm light on it)
SKIN_SATURATION = (0.2, 0.75)
SKIN_VALUE = 0.2  # darker than this reads as a silhouette, not as skin
NIGHT_AND_DAWN = ("Johnie's at night", "Panic in the diner", "Searchlights over the mall",
                  "Across Wilshire at first light")


def skin_toned(color: tuple[int, int, int]) -> bool:
    """Whether a colour reads as bare skin (lit warm, all over: a naked mannequin)."""
    hue, saturation, value = colorsys.rgb_to_hsv(*(c / 255 for c in color))
    return (SKIN_HUES[0] <= hue * 360 <= SKIN_HUES[1]
            and SKIN_SATURATION[0] <= saturation <= SKIN_SATURATION[1] and value >= SKIN_VALUE)


def test_nobody_running_in_the_night_or_at_dawn_is_dressed_in_skin() -> None:
    """In the warm light of the diner's glass, the lot's fires and the dawn, people are
    clothed: no one's clothes (nor, without clothes, their whole figure) are in a skin tone,
    which the light turns into bare skin all over; skin is only their faces and hands."""
    line = load_timeline(SHIPPED)
    for scene in line.scenes:
        if scene.name not in NIGHT_AND_DAWN:
            continue
        for spec in scene.layers:
            if spec.type != "figures" or spec.params["body"] == "coyote":
                continue
            worn = spec.params["clothes"] or [spec.params["color"]]
            assert not any(skin_toned(one) for one in worn), (scene.name, spec.params["path"])
