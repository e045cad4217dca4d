"""The day's seam as a bookend: the calf the morning leaves on its bank carries the loop through
a warm glare (never the flash's white) into noon, on the same bank."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import Timeline
from installation.core.timeline.model import LayerSpec
from installation.visuals.transitions import shares

from .helpers import NO_POST, SIZE, draw, layer, shipped_program, timeline

CALF = layer("silhouette", shape="calf", x=0.68, y=0.955, scale=0.55, bank=True, color="#16120f")
SKY = layer("sky", horizon=0.64, clouds=0)
PLACE = ("x", "y", "scale", "bank", "flip")  # where a calf stands, and which way it faces
SEEN = 12  # levels the calf stands darker than the light round it at the glare's height
WARM = 15  # levels more red than blue in the glare's light (the flash's is white)


def calves(name: str) -> list[LayerSpec]:
    scene = next(s for s in shipped_program().timeline.scenes if s.name == name)
    return [spec for spec in scene.layers if spec.params.get("shape") == "calf"]


def test_the_noon_calf_stands_where_the_morning_left_it() -> None:
    """Noon's calf was a speck on the far shore: the calf the visitor watched for 80 s on
    the near bank was gone, and the loop read as a restart."""
    (morning,), (noon,) = calves("The sun comes back to the tar pits"), calves("La Brea Tar Pits")
    assert [noon.params[key] for key in PLACE] == [morning.params[key] for key in PLACE]


def glare_day() -> Timeline:
    """The calf on its bank under the morning sky, then at noon, arriving by a glare."""
    scene = (
        '[[scene]]\nat = "{at}"\nname = "{name}"\n'
        'transition = {{ type = "{kind}", seconds = 10 }}\n'
    )
    return timeline(
        scene.format(at="11:00", name="morning", kind="cut")
        + SKY
        + CALF
        + NO_POST
        + scene.format(at="12:00", name="noon", kind="glare")
        + SKY
        + CALF
        + NO_POST
    )


def test_the_calf_stays_on_its_bank_through_the_glare() -> None:
    """At the glare's height, where it turns from the old scene to the new, the calf still
    stands darker than the light round it, and the light is warm, not the flash's white."""
    line = glare_day()
    body = (int(SIZE[0] * 0.675), int(SIZE[1] * 0.86))  # the calf's flank
    beside = (int(SIZE[0] * 0.9), int(SIZE[1] * 0.86))
    for at in ("12:00:04.9", "12:00:05.1"):
        picture = pygame.surfarray.array3d(draw(line, at)).astype(int)
        assert picture[beside].sum() / 3 - picture[body].sum() / 3 >= SEEN, at
        red, _green, blue = picture.reshape(-1, 3).mean(axis=0)
        assert red - blue >= WARM, at


def test_the_glare_never_hides_the_picture_nor_shows_two() -> None:
    """Through the glare one scene shows at a time, never less than a fifth of it."""
    for progress in np.linspace(0.0, 1.0, 101):
        old, new, light = shares("glare", float(progress))
        assert min(old, new) == 0.0 and max(old, new) >= 0.19 and light <= 0.81
