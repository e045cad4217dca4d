"""Cuts and transitions of the shipped day that read as intended: no scene seen through another
drawn otherwise."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from installation.core.config import load_config
from installation.core.program import Program
from installation.core.timeline import load_timeline
from installation.visuals.transitions import shown

from .helpers import SIZE, draw, timeline
from .test_frames import two_scenes

ROOT = Path(__file__).resolve().parents[2]
STEPS = 200  # progress samples through a transition
TINT = 2  # levels of the other scene a frame may show (rounding)
DAY = ("Dusk on the Miracle Mile", "Neon on Wilshire", "Panic in the diner")


def shipped() -> Program:
    """The shipped day at the shipped pace (the config's clock)."""
    config = load_config(ROOT / "config.toml")
    return Program(config, load_timeline(ROOT / "timelines" / "miracle-mile.toml"))


@pytest.mark.parametrize("name", DAY)
def test_these_scenes_never_show_the_scene_before_through_them(name: str) -> None:
    """Dusk (the tar pits' palms floated over its street), the neon (the dusk signs showed
    through its walls) and the panic (the payphone ghosted over the counter) arrive so that
    at no moment do both scenes show whole, one through the other."""
    scene = next(s for s in shipped().timeline.scenes if s.name == name)
    kind = scene.transition.type
    both = [p for p in np.linspace(0.0, 1.0, STEPS + 1) if all(shown(kind, float(p)))]
    assert kind in ("cut", "dip-to-black", "dip-to-white") and not both, (kind, both[:3])


def test_a_dip_to_black_shows_one_scene_at_a_time() -> None:
    """Red dips to black and blue rises from it: sampled every quarter second, no frame shows
    more of one than the other's own tint holds (with the old overlap, half way showed both
    at a fifth: a ghost in the dark)."""
    line = timeline(two_scenes("dip-to-black"))
    spot = (SIZE[0] // 2, SIZE[1] * 3 // 4)
    red_r, _g, red_b, _ = draw(line, "12:30").get_at(spot)
    blue_r, _g, blue_b, _ = draw(line, "13:00:30").get_at(spot)
    for quarter in range(41):
        r, _g, b, _ = draw(line, f"13:00:{quarter / 4:05.2f}").get_at(spot)
        more_blue = b - r * red_b / red_r  # blue beyond the red scene's own
        more_red = r - b * blue_r / blue_b
        assert min(more_blue, more_red) <= TINT, (quarter / 4, r, b)
