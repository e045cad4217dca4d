"""A scene's length and the scene after it come from the day's order, not the file's: a
curator may write the scenes in any order (the loader sorts them by story time)."""

from __future__ import annotations

from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.figure_sun import scene_span, span_share
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, timeline

# Written evening first: in the file the noon scene is the second (its index 1), in the day the
# first; the scene after noon is the evening at 18:00, six hours on.
OUT_OF_ORDER = (f"[[scene]]\nat = \"18:00\"\nname = \"evening\"\n{layer('sky')}{NO_POST}"
                f"[[scene]]\nat = \"12:00\"\nname = \"noon\"\n{layer('sky')}{NO_POST}")


def test_the_scene_after_is_the_next_in_the_day_whatever_the_files_order() -> None:
    line = timeline(OUT_OF_ORDER)
    noon, evening = line.scenes
    assert (noon.name, noon.index, evening.index) == ("noon", 1, 0)
    assert line.after(noon) is evening and line.after(evening) is noon


def test_a_scene_written_after_the_next_one_lasts_until_it() -> None:
    """(scene_span took the file's next scene: noon 'lasted' until noon, a whole day, and
    what thins or builds over it, ash, smoke, a haze, was at 1/4 of the way at 18:00.)"""
    headless()
    line = timeline(OUT_OF_ORDER)
    noon = line.scenes[0]
    setup = Compositor(line, SIZE, print).setup(noon, 0, "sky")
    span = scene_span(setup)
    assert span == (parse_clock("12:00"), 6 * 3600)
    assert span_share(span, parse_clock("15:00")) == 0.5
