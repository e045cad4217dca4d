"""A sprite cut to what it shows (a runner without a shadow, an embrace's parts) is drawn only
round what it paints, and is to the byte the sprite cut from the whole drawing: not a pixel of
a far arm moved (the reverted a921c743 shrank an uneven drawing evenly: an embrace's far arm
a pixel over, its lit edge seen over the partner)."""

from __future__ import annotations

from functools import cache

import pygame
import pytest

from installation.visuals import figure_sprite
from installation.visuals.budget import Budget
from installation.visuals.figure_sprite import PARTS, SUPERSAMPLE, WHOLE, Look, sprite_steps
from installation.visuals.render import headless
from installation.visuals.skeleton import Body, Gait
from installation.visuals.sprite_cache import Sprites
from installation.visuals.wardrobe import OUTFITS, Outfit

RIM = (255, 210, 150)
DARK = (40, 36, 44)
PANIC = Outfit("long", "none", "blouson", gait=Gait(arms="panic", wild=0.8))
OLD = Outfit("short", "fedora", "coat", stoop=0.3, cane=True, grey=True)
BAG = Outfit("bun", "none", "raincoat", carry="bag")
HEIGHTS = (60, 61, 97)  # drawings with sides of odd and even length, both ways (61 and 97
# alone drew the runner with odd sides once its trailing heel kicked up: none was measured)
PHASES = (0.375, 0.8125)


def cases() -> list[tuple[str, Body, Look, bool, str]]:
    """Runners in a panic, an old man with a stick and grey hair, a woman with a bag, each
    facing either way, the embrace's parts and a coyote, at a few phases and heights."""
    people = Sprites("person")
    found = []
    for height in HEIGHTS:
        for phase in PHASES:
            for name, outfit in (("run", PANIC), ("walk", OLD), ("walk", BAG)):
                look = Look(height, DARK, RIM, outfit=outfit, clothes=(90, 110, 140),
                            hair=(200, 200, 200) if outfit.grey else None)
                body = people.body(name, phase, 0.0, outfit)
                found += [(f"{name} {height} {phase}", body, look, left, WHOLE)
                          for left in (False, True)]
            couple = Sprites("couple")
            for left, outfit in ((False, OUTFITS["harry"]), (True, OUTFITS["julie"])):
                look = Look(height, DARK, RIM, outfit=outfit)
                found += [(f"embrace {part} {height} {phase}",
                           couple.body("embrace", phase, 0.0, outfit), look, left, part)
                          for part in PARTS]
        coyote = Sprites("coyote").body("run", PHASES[1], 0.0)
        found.append((f"coyote {height}", coyote, Look(height, DARK, RIM, rim_both=True),
                      True, WHOLE))
    return found


@cache
def cut(whole: bool) -> tuple[tuple[int, int, tuple[float, float], bytes], ...]:
    """Every case's sprite, cut to what it shows: its size, where its feet are and its pixels
    (`whole`: drawn as before, the whole drawing, cut after)."""
    headless()
    with pytest.MonkeyPatch.context() as patch:
        if whole:
            patch.setattr(figure_sprite, "_painted", lambda *args: pygame.Rect((0, 0), args[3]))
            patch.setattr(figure_sprite, "shown_box", pygame.Surface.get_bounding_rect)
        found = []
        for _name, body, look, left, part in cases():
            sprite, feet = figure_sprite.sprite_for(body, look, left, part, trim=True)
            found.append((*sprite.get_size(), feet, pygame.image.tobytes(sprite, "RGBA")))
    return tuple(found)


def test_a_sprite_drawn_round_what_it_paints_is_the_one_cut_from_the_whole_drawing() -> None:
    sides = {tuple(side % 2 for side in figure_sprite._layout(body, look.height * SUPERSAMPLE)[:2])
             for _name, body, look, _left, _part in cases()}
    assert sides == {(0, 0), (0, 1), (1, 0), (1, 1)}  # (the cases hold all four)
    for case, painted, whole in zip(cases(), cut(False), cut(True), strict=True):
        assert painted == whole, case[0]


def drawn_on(body: Body, look: Look, left: bool, part: str) -> int:
    """The area (pixels) of the drawing a trimmed sprite is drawn on: the first work charged."""

    class Charges(Budget):
        def __init__(self) -> None:
            super().__init__()
            self.charged: list[float] = []

        def over(self, cost: float) -> bool:
            self.charged.append(cost)
            return super().over(cost)

    budget = Charges()
    for _ in sprite_steps(body, look, left, part, True, budget):
        pass
    return int(budget.charged[0])


def test_the_sprites_are_drawn_on_less_than_the_whole_drawing() -> None:
    """Both ways, where the drawing's sides are of even length (a side of odd length is shrunk
    by a little more than SUPERSAMPLE, each pixel's share by where it lies: it is kept whole):
    a runner's drawing a tenth smaller, an embrace's far arm (drawn alone) less than half."""
    headless()
    smaller = {"run": 0.0, "far": 0.0}
    for name, body, look, left, part in cases():
        width, height, _ = figure_sprite._layout(body, look.height * SUPERSAMPLE)
        kind = part if part != WHOLE else name.split()[0]
        if kind in smaller and width % 2 == 0 and height % 2 == 0:
            share = 1.0 - drawn_on(body, look, left, part) / (width * height)
            smaller[kind] = max(smaller[kind], share)
    assert smaller["run"] > 0.1
    assert smaller["far"] > 0.5
