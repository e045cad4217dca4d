"""The flash is one flash: the white, the after-image once, fading, and the burning city coming
up under the white as it falls, the light never coming back (05:15:05-05:15:40)."""

from __future__ import annotations

import functools

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.flash import BLOOM_SECONDS
from installation.visuals.render import headless

from .helpers import NO_POST, layer, timeline
from .test_booth_cut import grown

SIZE = (240, 135)  # (the after-image's blur is 2 pixels at its least: the same picture)
HORIZON = 0.72
BEFORE = (layer("sky", top="#0c1020", bottom="#40384a", stars=0, sun=False, clouds=0)
          + layer("skyline", depth=0.25, ground=HORIZON, height=0.16, lit=0.6)
          + layer("diner", depth=0.8, x=0.56, ground=0.8, scale=1.15, empty=True) + NO_POST)
FLASH = (layer("sky", top="#2a120c", bottom="#e0682a", stars=0, sun=False, clouds=0)
         + layer("ruins", ground=0.8, height=0.3, fires=5, color="#140c0a")
         + layer("flash", seconds=40, x=0.27, y=HORIZON) + NO_POST)
CUT = 'transition = { type = "cut", seconds = 0 }'
STEP = 0.1  # real seconds between the frames looked at (test timelines: real = story)
LAST = 4.7  # ... to here (05:15:40 as the shipped day is paced)
RISE = 3  # grey levels the picture may brighten by again (its fires flicker), at most
SHOWS = 25  # levels the after-image stands over the white of the sky clear of it, at least


@functools.cache
def brightness() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Each frame's mean grey level from the white on, a real tenth of a second apart, and how
    far the after-image stands over the white (what burnt in white above the horizon against
    the sky clear of it), from one build."""
    headless()
    line = timeline(f"[[scene]]\nat = \"05:12\"\nname = \"diner\"\n{BEFORE}\n"
                    f"[[scene]]\nat = \"05:15\"\nname = \"flash\"\n{CUT}\n{FLASH}")
    compositor = Compositor(line, SIZE, lambda _message: None)
    surface = pygame.Surface(SIZE)

    def grey(seconds: float) -> np.ndarray:
        compositor.draw(surface, state_at(line, parse_clock("05:15") + seconds))
        return pygame.surfarray.array3d(surface).astype(float).mean(axis=2)

    above = slice(0, int(SIZE[1] * HORIZON) - 2)
    burnt = grey(0.03)[:, above] > 200  # the negative: what burns in
    clear = ~grown(burnt, 4)  # (the after-image blooms a little over its edges)
    means, stands = [], []
    for seconds in np.arange(BLOOM_SECONDS + 0.05, LAST, STEP):
        frame = grey(float(seconds))
        means.append(float(frame.mean()))
        stands.append(float(frame[:, above][burnt].mean() - frame[:, above][clear].mean()))
    return tuple(means), tuple(stands)


def test_the_light_falls_once_the_after_image_showing_once_and_fading() -> None:
    """From the white to the burning city every frame is as dark as the one before or darker
    (a few levels' flicker of the fires aside): on main the white dimmed for the after-image,
    came back to full once it had gone (209 -> 230 at 1920x1080), a second flash, and only then
    fell on the ruins. The diner's after-image stands out of the white once, then fades
    steadily to nothing."""
    means, stands = brightness()
    rises = np.array(means) - np.minimum.accumulate(means)
    assert rises.max() <= RISE, (
        f"the light comes back by {rises.max():.0f} levels, "
        f"{BLOOM_SECONDS + 0.05 + STEP * int(rises.argmax()):.1f} s in")
    assert means[0] > 200 and means[-1] < 0.7 * means[0], "it goes from the white to the city"
    strongest = int(np.argmax(stands))
    assert stands[strongest] > SHOWS, f"the after-image stands {stands[strongest]:.0f} over"
    after = np.array(stands[strongest:])
    assert (np.diff(after) <= RISE).all(), "it fades once, steadily"
    assert after[-1] < stands[strongest] / 3, "and is gone"
