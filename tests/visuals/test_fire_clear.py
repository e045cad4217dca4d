"""The ruins' fires burn behind what stands before them, never painted over it: Johnie's sign
post stays dark at the flash, the May Company's drum and the tower that gives way stand clear of
them, and a smoke column rises from each fire still."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.core.timeline.loader import parse_timeline
from installation.visuals.base import Setup
from installation.visuals.fonts import Fonts
from installation.visuals.ruins_sites import buildings, falling, fire_sites, in_front, scene_fires
from installation.visuals.scene_layers import defaults
from installation.visuals.wilshire import (
    JOHNNIES_X,
    JOHNNIES_Z,
    PYLON_AT,
    PYLON_KINK,
    PYLON_TALL,
    boulevard_place,
)

from .helpers import NO_POST, draw, layer

SIZE = (960, 540)
FULL = (1920, 1080)
SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
GROUND = 0.8
SEED = 1988  # the show's: its first fire stood on Johnie's post
RUINS = dict(ground=GROUND, height=0.3, fires=5, color="#140c0a", boulevard=True, boulevard_x=0.5)


def flash_frame() -> np.ndarray:
    """The burning city as at 05:20 (sky, ruins with their boulevard, smoke), (x, y, rgb)."""
    body = (f"[timeline]\ntitle = \"t\"\nseed = {SEED}\nday_start = \"12:00\"\n[[scene]]\n"
            "at = \"05:15\"\nname = \"flash\"\ntransition = { type = \"cut\", seconds = 0 }\n"
            + layer("sky", top="#2a120c", bottom="#e0682a", sun=False, stars=0, clouds=0)
            + layer("ruins", **RUINS)
            + layer("smoke", columns=4, ground=GROUND, height=0.75, wind=0.45,
                    color="#1e1614", amount=0.9, size=1.3) + NO_POST)
    surface = draw(parse_timeline(body, "t.toml", None), "05:20", size=SIZE)
    return pygame.surfarray.array3d(surface).astype(int)


def post_pixels() -> list[tuple[int, int]]:
    """The middle of Johnie's sign post, from its foot to where it bends."""
    width, height = SIZE
    place = boulevard_place(SIZE, int(height * GROUND), width // 2)
    pylon = JOHNNIES_X[0] + (JOHNNIES_X[1] - JOHNNIES_X[0]) * PYLON_AT
    (fx, fy), (kx, ky) = (place(pylon, JOHNNIES_Z, up) for up in (0.0, PYLON_TALL * PYLON_KINK))
    return [(round(fx + (kx - fx) * t), round(fy + (ky - fy) * t))
            for t in np.linspace(0.05, 0.95, 30)]


def test_johnies_post_is_not_lit_by_a_fire_painted_over_it() -> None:
    """Every pixel of the post stays the burnt post's near black: no flame or glow of a fire
    burning among the ruins (behind it) lies over it."""
    frame = flash_frame()
    post = np.array([frame[x, y] for x, y in post_pixels()])
    assert post.max() < 60, post.max(axis=1).tolist()


def test_fires_keep_clear_of_johnies_and_the_palms_whatever_the_seed() -> None:
    """For any seed, no fire burns across the columns Johnie's or a palm's trunk stand in, and
    the first fires stay where they are as more are asked for (the smoke rises from them)."""
    ground = int(SIZE[1] * GROUND)
    clear = in_front(defaults("ruins", **RUINS), SIZE)
    for seed in range(40):
        sites = fire_sites(seed, SIZE, ground, 6, clear)
        assert all(not left - 15 <= x <= right + 15 for x, _ in sites for left, right in clear)
        assert fire_sites(seed, SIZE, ground, 3, clear) == sites[:3]
    assert not in_front(defaults("ruins", **{**RUINS, "boulevard": False}), SIZE)


def test_the_ashs_fires_keep_clear_of_the_may_company_and_the_falling_tower() -> None:
    """In the shipped ash no fire (nor a smoke column from one) burns on the May Company's
    drum, nor at the foot of the tower that gives way or upwind of it: its fall is seen against
    the sky."""
    line = load_timeline(SHIPPED)
    scene = next(scene for scene in line.scenes if scene.name == "Ash")
    setup = Setup(FULL, line, scene, line.seed, Fonts(print), print)
    ruins = next(spec for spec in scene.layers if spec.type == "ruins")
    smoke = next(spec for spec in scene.layers if spec.type == "smoke")
    drum, fall = buildings(setup)[0], falling(ruins.params, setup)[0]
    feet = scene_fires(setup, int(FULL[1] * smoke.params["ground"]), smoke.params["columns"])
    assert all(not left <= x <= right for x, _ in feet for left, right in (drum, fall)), feet
    assert fall[1] - fall[0] > 150, "the tower and the smoke's lean upwind of it"


def test_the_flashs_fires_stay_spread_across_the_city() -> None:
    """Only a fire that would burn in front of what stands on the boulevard moves (to the
    nearest clear place): the shipped flash's five fires burn two or more in each half of the
    picture, not all at one side."""
    line = load_timeline(SHIPPED)
    scene = next(scene for scene in line.scenes if scene.name == "The flash")
    setup = Setup(FULL, line, scene, line.seed, Fonts(print), print)
    ruins = next(spec for spec in scene.layers if spec.type == "ruins")
    ground = int(FULL[1] * ruins.params["ground"])
    xs = [x for x, _y in scene_fires(setup, ground, ruins.params["fires"])]
    left = sum(x < FULL[0] // 2 for x in xs)
    assert len(xs) == 5 and 2 <= left <= 3, xs
