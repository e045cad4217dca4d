"""At first light the crowds running across Wilshire lay their long shadows towards us again,
and every runner's long shadow (and the pad under their feet) is made ahead with their sprites:
a frame of the run only lays them, it never casts one."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pygame
import pytest

from installation.core.timeutil import parse_clock
from installation.visuals import contact_shadow
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures

from .helpers import Crowd, shipped_crowd, shipped_picture

SCENE = "Across Wilshire at first light"
SIZE = (960, 540)
AT = "05:07:00"  # six of the crowd in sight, 33-75 px tall at 960x540
LUMA = np.array([0.3, 0.59, 0.11])
SEEN = 30  # runners at least this tall (pixels) are looked at
LONG = (0.15, 0.35)  # their long shadow (0.6 heights long): this far towards us, in their
#                     heights below their feet
DARK_SHARE = 25  # (see _dark)
WIDE = 0.2  # looked at over this many of their heights either side of their feet's column
BESIDE = 0.5  # the road beside them: this many of their heights either side of that
DARKER = 4.0  # the shadow darker than beside it by at least this much luminance
SMALL = (480, 270)  # the layer made ahead at this size (the count does not need more)
RUN = [f"05:05:{s:02d}" for s in range(1, 19)]  # Harry's run in, to where he stops for Julie


def _crowd_feet() -> list[tuple[int, int, float]]:
    """Where the crowd's runners in sight at AT stand, and how tall they are (pixels)."""
    crowd = shipped_crowd(SCENE, SIZE)
    frame = crowd.frame(parse_clock(AT))
    found = []
    for layer in crowd.layers:
        if layer.params["crowd"] != "fleeing" or layer.params["body"] != "person":
            continue
        for member in layer.members(frame):
            tall = layer.height * member.share
            x, y = round(member.feet[0]), round(member.feet[1])
            if tall >= SEEN and tall < x < SIZE[0] - tall and y < SIZE[1] - tall:
                found.append((x, y, tall))
    return found


def test_the_crowds_long_shadows_lie_towards_us_from_their_feet() -> None:
    luma = pygame.surfarray.array3d(shipped_picture(AT, SIZE)).astype(float) @ LUMA
    runners = _crowd_feet()
    assert len(runners) >= 4, f"{len(runners)} of the crowd seen at {AT}"
    for x, y, tall in runners:
        rows = slice(y + round(LONG[0] * tall), y + round(LONG[1] * tall))
        half, off = round(WIDE * tall), round(BESIDE * tall)
        under = _dark(luma[x - half:x + half + 1, rows])
        beside = min(_dark(luma[x - off - half:x - off + half + 1, rows]),
                     _dark(luma[x + off - half:x + off + half + 1, rows]))
        assert under <= beside - DARKER, f"at {(x, y)}: under {under:.1f}, beside {beside:.1f}"


def _dark(box: np.ndarray) -> float:
    """How dark a patch of road is: its DARK_SHARE percentile (a lamp's reflection streaking
    down the wet road across part of it does not count)."""
    return float(np.percentile(box, DARK_SHARE))


@pytest.fixture
def casts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the long shadows cast and the pads made while it is used."""
    made = [0, 0]
    cast, pad = contact_shadow.cast, contact_shadow._pad

    def counted_cast(*args: object) -> contact_shadow.Cast:
        made[0] += 1
        return cast(*args)  # type: ignore[arg-type]

    def counted_pad(*args: object) -> pygame.Surface:
        made[1] += 1
        return pad(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(contact_shadow, "cast", counted_cast)
    monkeypatch.setattr(contact_shadow, "_pad", counted_pad)
    yield made


def _harry() -> tuple[Figures, Crowd]:
    """Harry's layer at first light, made afresh (nothing of it drawn yet), and his day."""
    crowd = shipped_crowd(SCENE, SMALL)
    line = crowd.program.timeline
    compositor = Compositor(line, SMALL, lambda _message: None, crowd.program.clock)
    index, spec = next((n, spec) for n, spec in enumerate(crowd.scene.layers)
                       if spec.type == "figures" and spec.params["body"] == "harry")
    return Figures(spec.params, compositor.setup(crowd.scene, index, "figures")), crowd


def test_a_frame_of_the_run_lays_the_shadows_made_ahead(casts: list[int]) -> None:
    harry, crowd = _harry()
    for _ in harry.warm(crowd.frame(parse_clock(RUN[0]))):
        pass  # (ahead, in pieces between the frames of the scene before)
    ahead = list(casts)
    surface = pygame.Surface(SMALL)
    seen = 0
    for at in RUN:
        frame = crowd.frame(parse_clock(at))
        seen += len(harry.members(frame))
        harry.draw(surface, frame)
    assert ahead[0] > 0 and seen >= len(RUN) // 2, (ahead, seen)
    assert casts[0] == ahead[0], f"{casts[0] - ahead[0]} long shadows cast by the frames"
    assert casts[1] == ahead[1], f"{casts[1] - ahead[1]} pads made by the frames"
