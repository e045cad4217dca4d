"""Fires fading with their scene stay fire: through a dip to black they go yellow to red to
ember to dark (dimmed alike, a yellow flame went olive-green), and under a light wipe they die
down before the morning's haze holds them (held down channel by channel, a flame went
yellow-green round a blue-grey core)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.render import headless

from .helpers import NO_POST, layer, one_frame, timeline

SIZE = (480, 270)
BURNING = (layer("sky", top="#2a120c", bottom="#e0682a", stars=0, sun=False, clouds=0)
           + layer("ruins", ground=0.8, height=0.3, fires=2, color="#140c0a")
           + layer("smoke", columns=2, ground=0.8, height=0.6, color="#1e1614", amount=0.9)
           + NO_POST)
HAZE = layer("sky", top="#8c8478", bottom="#b4aa9c", stars=0, sun=False, clouds=0) + NO_POST
FIRE = 150  # red over blue by this much: a flame (the orange sky is less)


def day(transition: str, seconds: float) -> str:
    """The burning city at 05:15, then a pale morning arriving by `transition`."""
    return (f"[[scene]]\nat = \"05:15\"\nname = \"burning\"\n{BURNING}\n"
            f"[[scene]]\nat = \"05:30\"\nname = \"after\"\n"
            f"transition = {{ type = \"{transition}\", seconds = {seconds} }}\n{HAZE}")


def frames(transition: str, seconds: float, times: list[float]) -> list[np.ndarray]:
    """The day's pictures `times` real seconds after 05:30 (and the last before), (x, y, rgb)."""
    headless()
    line = timeline(day(transition, seconds))
    out = []
    for at in [-1.0, *times]:
        surface = one_frame(line, SIZE, state_at(line, parse_clock("05:30") + at), None,
                            lambda _message: None)
        out.append(pygame.surfarray.array3d(surface).astype(int))
    return out


def olive(picture: np.ndarray, where: np.ndarray) -> float:
    """The share of the pixels `where` (of some light) yellow-green: green as strong as red,
    blue well under both."""
    r, g, b = (picture[..., k][where] for k in range(3))
    lit = r + g > 30
    return float(((g >= 0.93 * r) & (r - b > 0.25 * r) & lit).sum() / max(1, lit.sum()))


def flames(before: np.ndarray) -> np.ndarray:
    """Where the fires' flames are at full strength (red far over blue, bright)."""
    return (before[..., 0] - before[..., 2] > FIRE) & (before[..., 1] > 120)


def test_a_dip_to_black_takes_the_fires_through_red_to_dark_never_olive() -> None:
    before, *dips = frames("dip-to-black", 4, [0.6, 1.2])
    where = flames(before)
    assert where.sum() > 200, "the city burns before the dip"
    hue = [float(np.median(picture[where][:, 1] / np.maximum(1, picture[where][:, 0])))
           for picture in (before, *dips)]
    assert hue[2] <= hue[1] <= hue[0] and hue[2] < 0.85 * hue[0], (
        f"green to red: {hue} (dimmed alike, a flame keeps its yellow and goes olive)")
    for picture in dips:
        assert olive(picture, where) < 0.02, "no flame goes olive"


def test_a_light_wipe_lets_the_fires_die_before_the_haze_holds_them() -> None:
    before, *wipes = frames("light-wipe", 12, [4.0, 5.5, 7.0])
    where = flames(before)
    assert where.sum() > 200, "the city burns before the morning"
    for n, picture in enumerate(wipes):
        assert olive(picture, where) < 0.02, f"wipe frame {n}: flames go yellow-green"
