"""A picture test's fresh compositors find the flash's smoke and flames an earlier one made (the
visuals conftest's finding_made) and draw the picture a compositor making its own draws; what a
scene's layers share live stays their compositor's; a test file that looks at building keeps
compositors making their own."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.made_once import MadeOnce
from installation.visuals.render import headless

from .conftest import names_building
from .helpers import NO_POST, layer, one_scene, pieces_of, shared_made

SIZE = (320, 180)
SMOKE = layer("smoke", columns=4, ground=0.8, height=0.75, wind=0.45, color="#1e1614",
              amount=0.9, size=1.3)  # the flash's (timelines/miracle-mile.toml)
LINE = one_scene(NO_POST)


def drawn(compositor: Compositor) -> bytes:
    """The flash's fires at 05:17 over a dark ground, drawn by `compositor`."""
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state_at(compositor.timeline, parse_clock("05:17")))
    return pygame.image.tobytes(surface, "RGB")


def test_a_second_fresh_compositor_finds_the_smoke_and_draws_the_same_fires(
        finding_made: None) -> None:
    headless()
    sky = layer("sky", top="#181818", bottom="#181818", stars=0, sun=False, clouds=0)
    line = one_scene(sky + SMOKE + NO_POST, at="05:15")
    first = drawn(Compositor(line, SIZE, print))
    makes = shared_made().makes
    second = Compositor(line, SIZE, print)
    assert drawn(second) == first
    assert shared_made().makes == makes and second.made.makes == 0, (
        "the second compositor made nothing: it found them")
    own = Compositor(line, SIZE, print)
    own.made = MadeOnce()
    assert drawn(own) == first and own.made.makes >= 2, "its own smoke: the same fires"


class Drivers:
    """A stand-in for what a street's layers share live (kept by weak reference)."""


def test_what_a_scenes_layers_share_live_stays_their_compositors(finding_made: None) -> None:
    """A street's drivers (its people hide behind its cars) are not found by another
    compositor alive beside it: a test's second compositor draws its people whole."""
    def drivers() -> Generator[None, None, Drivers]:
        return Drivers()
        yield  # (made at once)

    street, alone = Compositor(LINE, SIZE, print), Compositor(LINE, SIZE, print)
    key = ("crossing", 7, 0.5)
    first, _ = pieces_of(street.made.get(key, drivers))
    assert pieces_of(street.made.get(key, drivers))[0] is first
    assert pieces_of(alone.made.get(key, drivers))[0] is not first


def test_only_files_that_look_at_building_keep_compositors_making_their_own(
        tmp_path: Path) -> None:
    texts = {"pictures.py": "frame = draw(line, '05:17')\n",
             "ahead.py": "compositor.ahead.prepare(state, False, 0.0)\n",
             "counted.py": "assert compositor.made.makes == 4\n",
             "patched.py": "monkeypatch.setattr(Street, 'draw', counting)\n"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    assert not names_building(tmp_path / "pictures.py")
    assert all(names_building(tmp_path / name) for name in texts if name != "pictures.py")
