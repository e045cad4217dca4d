"""The flash's first instant reads as the flash, not as dusk: a blinding white point on the
horizon that swells until the sky is white, the light cold, the city black against it; no
frame of it shows a warm sky over a dark street (the burning city's orange sky is under it)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.flash import BLOOM_SECONDS, NEGATIVE_SECONDS
from installation.visuals.render import headless

from .helpers import NO_POST, layer, timeline

SIZE = (640, 360)
HORIZON, POINT = 0.8, 0.66
FIRE_SKY = layer("sky", top="#2a120c", bottom="#e0682a", stars=0, sun=False, clouds=0)
SCENE = (FIRE_SKY + layer("ruins", ground=HORIZON, height=0.3, fires=3, color="#140c0a",
                          boulevard=True, boulevard_x=0.5)
         + layer("maycompany", x=0.43, ground=HORIZON, scale=0.8, burnt=True)
         + layer("particles", kind="embers", amount=0.6)
         + layer("flash", seconds=20, x=POINT, y=HORIZON) + NO_POST)
STEPS = 6  # frames looked at while the light swells
WHITE = 235  # every channel at least this: white
WARM = 12  # red this much over blue: a warm (orange, dusk) pixel


BEFORE = (layer("sky", top="#0c1020", bottom="#40384a", stars=0, sun=False, clouds=0)
          + layer("diner", x=0.3, ground=HORIZON, scale=1.0) + NO_POST)  # what burns in


def bloom_frames() -> list[np.ndarray]:
    """The frames from the negative's end to the white, evenly spaced, as arrays (x, y, rgb)."""
    headless()
    line = timeline(f"[[scene]]\nat = \"05:12\"\nname = \"before\"\n{BEFORE}\n"
                    f"[[scene]]\nat = \"05:15\"\nname = \"flash\"\n"
                    f"transition = {{ type = \"cut\", seconds = 0 }}\n{SCENE}")
    compositor = Compositor(line, SIZE, lambda _message: None)
    out = []
    for seconds in np.linspace(NEGATIVE_SECONDS + 0.01, BLOOM_SECONDS - 0.01, STEPS):
        surface = pygame.Surface(SIZE)
        compositor.draw(surface, state_at(line, parse_clock("05:15") + float(seconds)))
        out.append(pygame.surfarray.array3d(surface).astype(int))
    return out


def test_the_light_is_a_white_point_on_the_horizon_that_swells_until_all_is_white() -> None:
    """In each frame the white lies about the point on the horizon (in its first frames a
    small patch there, not the whole sky), and it grows from frame to frame to most of the
    picture."""
    frames = bloom_frames()
    x, y = SIZE[0] * POINT, SIZE[1] * HORIZON
    whites = []
    for n, frame in enumerate(frames):
        white = frame.min(axis=2) >= WHITE
        assert white.any(), f"frame {n}: something is blinding white"
        whites.append(float(white.mean()))
        if whites[-1] > 0.1:  # (the white is the sky now: it lies everywhere)
            continue
        cols, rows = np.nonzero(white)
        assert abs(np.median(cols) - x) < SIZE[0] * 0.15, f"frame {n}: white about the point"
        assert y - SIZE[1] * 0.3 < np.median(rows) <= y and rows.max() > y - SIZE[1] * 0.05, (
            f"frame {n}: the white rises from the horizon")  # (or lies on it: its flare)
    assert whites[0] < 0.02, f"first a point: {whites[0]:.1%} of the picture white"
    assert all(b >= a for a, b in zip(whites, whites[1:], strict=False)), f"it swells: {whites}"
    sky = frames[-1][:, : int(SIZE[1] * 0.4)].min(axis=2) >= WHITE  # (over the city)
    assert sky.mean() > 0.9, f"to fill the sky: {sky.mean():.0%} of it white"


def test_no_frame_of_the_light_is_a_warm_sky() -> None:
    """The light is cold white-blue: no frame shows an orange or pink sky (dusk), neither the
    burning city's own sky nor a warm dawn, nor an ember in it."""
    for n, frame in enumerate(bloom_frames()):
        sky = frame[:, : int(SIZE[1] * HORIZON)]
        warm = (sky[..., 0] - sky[..., 2]) > WARM
        assert warm.mean() < 0.001, f"frame {n}: {warm.mean():.1%} of the sky warm"


def test_the_city_stands_black_against_the_light() -> None:
    """Once the light is up, the ground and sky round the city are bright and the city's
    shapes are burnt hard and black into it (many pixels both near-black and next to
    near-white)."""
    frame = bloom_frames()[-2].mean(axis=2)
    black = frame < 20
    bright = frame > 200
    edge = black[:-1] & bright[1:] | bright[:-1] & black[1:]
    assert bright.mean() > 0.3, "the light floods the picture"
    assert black.mean() > 0.05, "the city black in it"
    assert edge.sum() > SIZE[0], "hard edges between them"
