"""The palm at Johnie's lot at night reads as a palm: its crown stands out against the sky
behind it (the moon's glow), not a dark ball lost in the dark sky under the caption."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals.compositor import Compositor
from installation.visuals.silhouette import Silhouette

from .helpers import SHIPPED, draw

SIZE = (960, 540)
SCENE = "Johnie's at night"
AT = ("03:51", "04:04:30")  # as the moon sinks through the scene
AROUND = 1.6  # the sky looked at: round the crown out to this many times its box
STANDS_OUT = 50  # levels (the sum of a pixel's channels) the sky round it is lighter at least


def crown() -> pygame.Rect:
    """Where the palm's crown is drawn (any lean), on a picture of SIZE."""
    line = load_timeline(SHIPPED)
    scene = next(scene for scene in line.scenes if scene.name == SCENE)
    index, spec = next((n, spec) for n, spec in enumerate(scene.layers)
                       if spec.type == "silhouette" and spec.params["shape"] == "palm")
    palm = Silhouette(spec.params, Compositor(line, SIZE, print).setup(scene, index,
                                                                        "silhouette"))
    assert palm.sway is not None
    return palm.sway.area


def test_the_palms_crown_stands_out_against_the_sky() -> None:
    """Its heart is darker than the lighter sky just round it by a step a visitor sees, all
    through the scene."""
    box = crown()
    line = load_timeline(SHIPPED)
    for at in AT:
        picture = pygame.surfarray.array3d(draw(line, at, size=SIZE)).astype(int).sum(axis=2)
        heart = box.inflate(-box.width // 2, -box.height // 2)
        ring = box.inflate(round(box.width * (AROUND - 1)), round(box.height * (AROUND - 1)))
        ring = ring.clip(pygame.Rect((0, 0), SIZE))
        around = picture[ring.left:ring.right, ring.top:ring.bottom].copy()
        inside = box.move(-ring.left, -ring.top)
        around[inside.left:inside.right, inside.top:inside.bottom] = -1
        sky = np.percentile(around[around >= 0], 75)
        dark = np.median(picture[heart.left:heart.right, heart.top:heart.bottom])
        assert sky - dark >= STANDS_OUT, (at, sky, dark)
