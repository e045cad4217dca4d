"""The shipped day's captions as a visitor reads them: lines of about one length (no last
line of a word or two under a full one), and at dusk a light shade round the words on the
bright evening sky, not a dark slab over the upper left of it."""

from __future__ import annotations

from pathlib import Path

from installation.core.timeline.loader import load_timeline
from installation.visuals.caption import Caption
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.scene_layers import defaults

from .test_caption_contrast import LUMA, ink_and_ground, moments

SHORTEST = 0.6  # the last line is at least this share as wide as the widest
KEPT = 0.7  # of the evening sky's light kept under the dusk caption's shade, at least
DUSK = "Dusk on the Miracle Mile"


def test_every_caption_ends_on_a_line_about_as_long_as_the_others() -> None:
    """Every caption of two lines or more has its last line at least SHORTEST as wide as
    its widest ("come on." under "The May Company building turns gold, and its
    floodlights", "caught in them." under a line four times as long at 02:00)."""
    headless()
    shipped = load_timeline(Path(__file__).resolve().parents[2] / "timelines"
                            / "miracle-mile.toml")
    compositor = Compositor(shipped, (1920, 1080))
    short = {}
    for scene in shipped.scenes:
        for index, spec in enumerate(scene.layers):
            if spec.type != "caption":
                continue
            caption = Caption(defaults("caption", **spec.params),
                              compositor.setup(scene, index, "caption"))
            widths = [caption.font.size(line)[0] for line in caption.lines]
            if len(widths) > 1 and widths[-1] < SHORTEST * max(widths):
                short[scene.name] = caption.lines[-1]
    assert short == {}


def test_the_dusk_captions_shade_keeps_most_of_the_evening_sky() -> None:
    """Through its hold, the evening sky round the dusk caption's words (inside their box,
    off the letters) keeps KEPT of its light at least: at a full shade it kept 0.3, a dark
    slab over the upper left of the sky."""
    _ink, ground, box = ink_and_ground(DUSK)
    words, plain = moments(DUSK)["held"]
    lit, bare = (picture[box][ground[box]] @ LUMA for picture in (words, plain))
    kept = float(lit.sum() / bare.sum())
    assert kept >= KEPT, f"{kept:.2f} of the sky's light kept round the words"

