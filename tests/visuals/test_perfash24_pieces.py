"""The flash and the Ash are built ahead in short pieces: no piece of the flash's burnt-in picture
makes more than one new full-size picture (four at once were ~23 ms of a frame building it), no
piece of the smoke makes more than one burning stump or one column's bands (four stumps at once
~10 ms, the bands with the last strip ~9 ms), the sun breaking through the ash enlarges its
glows and its light on the ground a band a piece (whole, ~6-10 ms), Johnie's fallen sign finds
its dark tubes once (twice: ~8 ms) and his standing one loads its fonts a piece each."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

import pygame
import pytest

from installation.core.timeline import load_timeline
from installation.visuals import burnt_in, fallen, smoke
from installation.visuals.ash_sun import SKY, Sunbreak
from installation.visuals.base import Layer, build, scaled
from installation.visuals.compositor import Compositor
from installation.visuals.flash import Flash
from installation.visuals.glow import radial
from installation.visuals.render import headless
from installation.visuals.smoke import Smoke
from installation.visuals.wilshire import wilshire

from .test_bones_legible import SHIPPED

SMALL = (480, 270)  # the flash and the smoke built small: the same pieces as at 1080
FULL = (1920, 1080)  # the sun's light built at the shipped size (its pixels are the work)
SCALED_A_PIECE = 400_000  # pixels smoothly scaled in one piece, at most (a 1080 glow whole:
# 1.4 million, ~6 ms; a band of 120 rows or a strip of 240 columns of it: under 300,000)


def pieces_of(factory: Callable[..., Layer], scene_name: str, kind: str,
              size: tuple[int, int]) -> list[Generator[None, None, Layer]]:
    """The building of each layer of `kind` in a shipped scene, at `size`, in its pieces."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(scene for scene in line.scenes if scene.name == scene_name)
    compositor = Compositor(line, size, print)
    return [build(factory, spec.params, compositor.setup(scene, index, kind))
            for index, spec in enumerate(scene.layers) if spec.type == kind]


def counted(steps: Generator[None, None, Any], counts: list[int]) -> Any:
    """Run a building in pieces to its end (what it makes), a new count begun at each pause."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
        counts.append(0)


def test_the_flash_makes_one_full_size_picture_a_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """The flash burns in the picture before it on pictures of the screen's size: each is
    new (its pages first touched as it is made, milliseconds each), so each is a piece."""
    made = [0]

    class Counted(pygame.Surface):
        def __init__(self, size: Any, *args: Any, **kwargs: Any) -> None:
            super().__init__(size, *args, **kwargs)
            if tuple(size) == SMALL:
                made[-1] += 1
    [steps] = pieces_of(Flash, "The flash", "flash", SMALL)  # (not begun: a generator)
    monkeypatch.setattr(burnt_in.pygame, "Surface", Counted)
    layer = counted(steps, made)
    assert sum(made) >= 7  # (the four drawings, their scratch, the negative and its mask)
    assert max(made) <= 1, f"{max(made)} full-size pictures made in one piece"
    assert isinstance(layer, Flash) and layer.mask is not None  # (the picture is burnt in)


def test_the_smoke_makes_one_stump_or_column_a_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each burning stump and each column's bands are a piece of their own (the flash's four
    columns: the Ash's three are the same layer)."""
    made = [0]
    for name in ("make_base", "bands_of"):
        real = getattr(smoke, name)

        def count(*args: Any, real: Any = real, **kwargs: Any) -> Any:
            made[-1] += 1
            return real(*args, **kwargs)
        monkeypatch.setattr(smoke, name, count)
    [steps] = pieces_of(Smoke, "The flash", "smoke", SMALL)
    layer = counted(steps, made)
    assert isinstance(layer, Smoke)
    assert sum(made) == 2 * len(layer.stumps) >= 8  # (each stump and its column's bands)
    assert max(made) <= 1, f"{max(made)} stumps or columns made in one piece"


def test_the_sun_through_the_ash_is_enlarged_a_band_a_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The Ash's sunbreaks (the sky's glow, the ground's light) are worked out small and
    enlarged at 1080 a band of rows or a strip of columns a piece, and lit all the same."""
    enlarged = [0]
    real = pygame.transform.smoothscale

    def smoothscale(surface: pygame.Surface, size: Any, *args: Any) -> pygame.Surface:
        enlarged[-1] += size[0] * size[1]
        return real(surface, size, *args)
    monkeypatch.setattr(pygame.transform, "smoothscale", smoothscale)
    layers = [counted(steps, enlarged)
              for steps in pieces_of(Sunbreak, "Ash", "sunbreak", FULL)]
    assert sum(enlarged) > 2 * SCALED_A_PIECE  # (a glow 0.55 of the height across, the ground)
    assert max(enlarged) <= SCALED_A_PIECE, f"{max(enlarged)} pixels scaled in one piece"
    monkeypatch.setattr(pygame.transform, "smoothscale", real)
    sky, ground = layers
    assert isinstance(sky, Sunbreak) and isinstance(ground, Sunbreak)
    [(glow, _at)] = sky.lights  # (the sun itself under the smoke: its glow alone)
    whole = radial(round(FULL[1] * SKY[0]), scaled((0xD8, 0x90, 0x6A), SKY[1]), 1.6)
    assert pygame.image.tobytes(glow, "RGBX") == pygame.image.tobytes(whole, "RGBX")
    [(light, (_x, top))] = ground.lights  # warmest just under the horizon, under the sun
    under = [light.get_at((round(FULL[0] * 0.24), row))[0] for row in range(0, 100, 5)]
    assert top == round(FULL[1] * 0.64) and max(under) > 10 and under[0] < max(under)


def test_the_fallen_signs_dark_tubes_are_found_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where Johnie's fallen sign is as dark as its dead tubes is worked out once for both
    pictures that need it (where the drifting ash lies thinner, where it settles on the
    tubes' tops): twice, the tubes' piece was ~8 ms of a frame building the Ash."""
    found = [0]
    real = fallen._dark

    def dark(blade: pygame.Surface) -> Any:
        found[0] += 1
        return real(blade)
    monkeypatch.setattr(fallen, "_dark", dark)
    headless()
    line = load_timeline(SHIPPED)
    scene = next(scene for scene in line.scenes if scene.name == "Ash")
    setup = Compositor(line, SMALL, print).setup(scene, 0, "ruins")
    signs = counted(fallen.fallen(SMALL, round(SMALL[1] * 0.64), (34, 28, 26), setup.font,
                                  setup.seed, (0.0, 1.0)), [0])
    assert found[0] == 1, f"worked out {found[0]} times"
    assert len(signs) == 2  # (as it fell, and buried)


def test_johnnies_burnt_sign_loads_a_font_a_piece() -> None:
    """The flash's standing pylon burns its sign in the building's pieces, each of its
    fonts loaded in a piece of its own (the sign burnt at once, its fonts with it, was ~10 ms
    of a frame building the flash)."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(scene for scene in line.scenes if scene.name == "The flash")
    setup = Compositor(line, SMALL, print).setup(scene, 1, "ruins")
    loaded, seen = [0], set()

    def font(name: str, size: int) -> pygame.font.Font:
        loaded[-1] += (name, size) not in seen  # (a font at a size is loaded once, then kept)
        seen.add((name, size))
        return setup.font(name, size)
    ground = round(SMALL[1] * 0.8)
    made = counted(wilshire(SMALL, ground, SMALL[0] // 2, (20, 12, 10), font, setup.seed),
                   loaded)
    assert sum(loaded) >= 3 and made  # (the sign's two sizes, the board's)
    assert max(loaded) <= 1, f"{max(loaded)} fonts loaded in one piece"
