"""Neon that a visitor sees live: Johnie's pylon with its red script and running bulbs, signs
on Wilshire each in a face of its own, letters that stutter and come back, a sign that goes
out, one that lights letter by letter."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.diner import Diner
from installation.visuals.neon import FLICKER_HZ, Neon
from installation.visuals.render import headless

from .helpers import NO_POST, layer, one_scene, wilshire_signs

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
WIDE = (960, 540)
NIGHT = layer("sky", top="#0a0a14", bottom="#0a0a14", stars=0, sun=False, clouds=0)
STEADY_RUN = 3.0  # real seconds a failing letter holds lit again, at least, between stutters
DARK_RUN = 0.7  # and goes wholly dark, at least, before it comes back


def _built(line: Timeline, at: str, kind: type) -> tuple[list, pygame.Surface]:
    """The layers of `kind` built for the scene at `at`, and the frame drawn there."""
    headless()
    compositor = Compositor(line, WIDE, print)
    surface = pygame.Surface(WIDE)
    compositor.draw(surface, state_at(line, parse_clock(at)))
    scene = compositor._scenes[0]
    return [built for *_, built in scene.entries if isinstance(built, kind)], surface


def _shipped_signs() -> list[Neon]:
    """The Neon scene's signs, as the shipped day builds them."""
    return wilshire_signs(WIDE)


def test_johnies_name_is_red_script_on_a_blade_ringed_with_running_bulbs() -> None:
    line = one_scene(NIGHT + layer("diner", x=0.5, ground=0.85, scale=1.2) + NO_POST,
                     at="03:50")
    (diner,), frame = _built(line, "03:50:10", Diner)
    assert diner.pylon is not None
    top = diner.ground - diner.facade.get_height()
    blade = diner.pylon.box.move(diner.left, top)
    pixels = pygame.surfarray.array3d(frame.subsurface(blade)).astype(int)
    red = (pixels[..., 0] > 170) & (pixels[..., 1] < 140) & (pixels[..., 2] < 120)
    assert red.sum() > 150, "the name glows red on the blade"
    enamel = (pixels[..., 2] > pixels[..., 0] + 10) & (pixels[..., 1] > pixels[..., 0] + 10)
    assert enamel.sum() > 300, "on turquoise enamel"
    name = diner.signs[0]
    assert name.params["font"] == "script", "in joined script, not block capitals"
    frames = [pygame.surfarray.array3d(_built(line, f"03:50:{s}", Diner)[1]).astype(int)
              for s in ("10", "10.15")]
    lit = [[picture[x + diner.left, y + top].sum() > 600 for x, y in diner.pylon.bulbs]
           for picture in frames]
    assert any(lit[0]) and any(lit[1]), "some bulbs lit in each frame"
    assert lit[0] != lit[1], "the light has run on round the border"


def test_two_signs_on_wilshire_are_lettered_in_different_faces() -> None:
    """Their C's are not one letter scaled: each sign has a face of its own."""
    shapes = []
    for sign in _shipped_signs():
        letters = [ch for ch in sign.params["text"] if not ch.isspace()]
        if "C" not in letters:
            continue
        index = letters.index("C")
        glass = sign.tubes[index].dead
        mask = pygame.surfarray.array_alpha(glass).astype(float)
        rows, cols = np.nonzero(mask > 60)
        crop = mask[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
        tall = crop.shape[1] / crop.shape[0]  # height over width of the letter's glass
        shapes.append(tall)
    assert len(shapes) >= 2
    assert max(shapes) > 1.4 * min(shapes), "a tall condensed C beside a round one"


def _runs(states: list[bool]) -> tuple[int, int]:
    """The longest run of True and of False in a row."""
    best = {True: 0, False: 0}
    run, last = 0, None
    for state in states:
        run = run + 1 if state == last else 1
        last = state
        best[state] = max(best[state], run)
    return best[True], best[False]


def test_a_failing_letter_stutters_goes_dark_then_comes_back_and_holds() -> None:
    """The hotel's failing letter (the roof's MIRACLE MILE has none now: its C held dark read
    "MIRA LE MILE"; see test_neon_turns), in its turns over two real minutes."""
    roof = next(sign for sign in _shipped_signs() if sign.params["text"] == "HOTEL")
    assert roof.failing, "one of its letters is failing"
    index = min(roof.failing)
    ticks = [n / FLICKER_HZ for n in range(int(120 * FLICKER_HZ))]
    out_of_outage = [t for t in ticks if any(level is not None for level in roof.levels(t))]
    lit = [roof.levels(t)[index] is not None for t in out_of_outage]
    steady, dark = _runs(lit)
    assert steady >= STEADY_RUN * FLICKER_HZ, "it comes back and holds lit"
    assert dark >= DARK_RUN * FLICKER_HZ, "it goes dark for a moment"
    assert any(lit[n] != lit[n + 1] and lit[n + 1] != lit[n + 2] for n in range(len(lit) - 2)), \
        "and it buzzes on and off as it fails"


def test_the_roof_sign_goes_out_and_comes_back_and_the_record_shop_lights_letter_by_letter(
) -> None:
    signs = {sign.params["text"]: sign for sign in _shipped_signs()}
    ticks = [n / FLICKER_HZ for n in range(int(60 * FLICKER_HZ))]
    roof = [signs["MIRACLE MILE"].levels(t) for t in ticks]
    assert any(all(level is None for level in levels) for levels in roof), "all out at once"
    assert any(sum(level is not None for level in levels) >= len(levels) - 1
               for levels in roof), "and all lit again"
    bar = [signs["RECORDS"].levels(t) for t in ticks]
    first_alone = [levels for levels in bar
                   if levels[0] is not None and all(level is None for level in levels[1:])]
    assert first_alone, "its C lit alone, the rest to follow"
    arrow = [levels[-1] is not None for levels in bar]
    assert any(arrow) and not all(arrow), "its arrow's tip lights and goes out"
    letters = len("RECORDS")
    assert any(levels[letters] is not None and levels[-1] is None for levels in bar), \
        "its arrow's shaft lit before its tip"
