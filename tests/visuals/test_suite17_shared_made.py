"""The shipped day drawn by compositors that find its smoke and flames made by another (helpers.
shared_made: made once a process) is the picture a compositor making its own draws."""

from __future__ import annotations

import pygame

from installation.core.timeline import load_timeline
from installation.visuals.made_once import MadeOnce

from .helpers import SHIPPED, draw, shared_made

AT = "05:24"  # the flash: the May Company burning, the smoke of its three kinds of column
SIZE = (480, 270)


def rgb(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def test_a_compositor_finding_the_smoke_made_draws_the_picture_one_making_it_draws() -> None:
    line = load_timeline(SHIPPED)
    made = MadeOnce()
    making = draw(line, AT, size=SIZE, made=made)
    makes = made.makes
    assert makes >= 4, "the flash's smoke textures and its flames are made"
    finding = draw(line, AT, size=SIZE, made=made)
    assert made.makes == makes, "the second compositor made nothing: it found them"
    assert rgb(finding) == rgb(making) == rgb(draw(line, AT, size=SIZE))
    assert shared_made() is shared_made(), "one a process"
