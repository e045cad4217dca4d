"""Cuts and transitions of the shipped day that read as intended: no scene seen through another
drawn otherwise (the cut in on the payphone at 04:05: see test_booth_close)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from installation.core.config import load_config
from installation.core.program import Program
from installation.core.timeline import load_timeline
from installation.core.timeutil import format_clock
from installation.visuals.transitions import shown

from .helpers import SIZE, draw, shipped_program, timeline
from .test_frames import two_scenes

ROOT = Path(__file__).resolve().parents[2]
SMALL = (640, 360)
STEPS = 200  # progress samples through a transition
DAY_LENGTHS = (60, 45)  # real minutes a story day lasts: the shipped one, and a shorter one
TINT = 2  # levels of the other scene a frame may show (rounding)
DAY = ("Dusk on the Miracle Mile", "Neon on Wilshire", "Panic in the diner",
       "The tar keeps everything", "La Brea Tar Pits", "Harry meets Julie")
EFFECTS = ("light-wipe", "dissolve", "flash", "dip-to-white", "glare")  # remembered
APART = 10.0  # real minutes, at least, between two of one of them (at the shipped pace)


@pytest.mark.parametrize("name", DAY)
def test_these_scenes_never_show_the_scene_before_through_them(name: str) -> None:
    """Dusk (the tar pits' palms floated over its street), the neon (the dusk signs showed
    through its walls), the panic (the payphone ghosted over the counter) and the tar pits
    after the ash (dissolving from the ground, the ash's near towers stood over the far
    tar's horizon to the last), noon coming back (the ruins over the whole city) and the
    afternoon (under a light wipe's middle noon's bull and calf stood in the light, where the
    afternoon has none) arrive so that at no moment do both scenes show whole, one through
    the other."""
    scene = next(s for s in shipped_program().timeline.scenes if s.name == name)
    kind = scene.transition.type
    both = [p for p in np.linspace(0.0, 1.0, STEPS + 1) if all(shown(kind, float(p)))]
    assert kind in ("cut", "dip-to-black", "dip-to-white", "glare") and not both, (kind, both[:3])


def test_no_remembered_transition_comes_again_within_minutes() -> None:
    """A viewer who stays a while sees the transitions one after another: a light wipe (or a
    dissolve, a flash, a dip to white) again a few minutes after the last reads as an effect
    repeated (the light swept in at 10:30, 12:00 and 14:30: twice within three minutes)."""
    program = shipped_program()
    scenes = program.timeline.scenes
    for kind in EFFECTS:
        times = [s.at for s in scenes if s.transition.type == kind]
        for a, b in zip(times, times[1:] + times[:1], strict=True):
            if a != b:
                gap = program.clock.real_between(a, b) / 60
                assert gap >= APART, (kind, format_clock(a), format_clock(b), round(gap, 1))


def test_no_two_scenes_in_a_row_arrive_by_the_same_dip_or_fade() -> None:
    """From dusk to Johnnie's four scenes in a row came up out of black (the neon, the alarm,
    the dream, Johnnie's): one effect four times in eleven minutes. A cut may follow a cut (a
    film's edits are not seen as an effect); any other way in differs from the one before."""
    scenes = shipped_program().timeline.scenes
    kinds = [s.transition.type for s in scenes]
    for before, scene in zip(scenes[-1:] + scenes[:-1], scenes, strict=True):
        kind = scene.transition.type
        assert kind == "cut" or kind != before.transition.type, (scene.name, kind, kinds)


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


def at_day_length(minutes: float, folder: Path) -> Program:
    """The shipped day with a story day of `minutes` real minutes (the config's `[clock]`)."""
    config = folder / "config.toml"
    config.write_text(f'[clock]\ncycle_minutes = {minutes}\n[show]\n'
                      f'timeline = "{ROOT / "timelines" / "miracle-mile.toml"}"\n')
    return Program(load_config(config), load_timeline(ROOT / "timelines" / "miracle-mile.toml"))
