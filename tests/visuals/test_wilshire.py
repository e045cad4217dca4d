"""After the flash the boulevard is still Wilshire: burnt palms along its kerb, smaller towards
where the road runs, and Johnnie's broken on its corner, its sign's blade hanging askew off the
bent pylon: the googie blade of the lit sign, scorched, the red script's tubes dark and broken
on it, and the COFFEE SHOP board under it, its cyan tubes dead."""

from __future__ import annotations

import random
from functools import cache

import numpy as np
import pygame
import pytest

from installation.visuals import burnt_sign
from installation.visuals.burnt_sign import DEAD_TUBE
from installation.visuals.fonts import Fonts
from installation.visuals.wilshire import SIGN, SIGN_FONT

from .helpers import NO_POST, draw, layer, one_scene

SIZE = (960, 540)
GROUND, VANISH = 0.8, 0.5
SKY = layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False, clouds=0)
GREY = layer("sky", top="#909090", bottom="#909090", stars=0, sun=False, clouds=0)  # no hue


@cache
def boulevard(sky: str = SKY) -> np.ndarray:
    """Low fireless ruins with the boulevard before a flat pale sky, (x, y, rgb) (drawn once:
    do not change it)."""
    ruins = layer("ruins", ground=GROUND, height=0.08, fires=0, color="#202020",
                  boulevard=True, boulevard_x=VANISH)
    surface = draw(one_scene(sky + ruins + NO_POST, at="06:00"), "06:00:05", size=SIZE)
    return pygame.surfarray.array3d(surface).astype(int)


def test_burnt_palms_stand_along_the_boulevard_smaller_towards_where_it_runs() -> None:
    """High over the low ruins, dark trunks stand right of the road: at least four, and the
    nearer the road's vanishing point one stands, the lower its crown."""
    frame = boulevard()
    high = int(SIZE[1] * (GROUND - 0.12))  # above the ruins' tallest
    dark = frame[:, :high].sum(axis=2) < 3 * 70
    columns = dark.any(axis=1)
    starts = np.flatnonzero(np.diff(columns.astype(int)) == 1) + 1
    ends = np.flatnonzero(np.diff(columns.astype(int)) == -1) + 1
    trunks = [(int(a), int(b)) for a, b in zip(starts, ends, strict=False)
              if a > SIZE[0] * VANISH]
    assert len(trunks) >= 4, f"{len(trunks)} palms right of the road"
    crowns = [int(np.flatnonzero(dark[a:b].any(axis=0))[0]) for a, b in trunks]
    assert crowns == sorted(crowns, reverse=True), (
        f"crowns at rows {crowns}, left to right: lower towards the road's end")


def test_johnnies_sign_hangs_askew_with_its_dead_letters() -> None:
    """Right of the road, above the ground, the sign's dead red tubes still spell on its
    board, and the board hangs tilted: its letters lower to the right, a line through them
    sloping at least 15 degrees."""
    frame = boulevard()
    above = frame[int(SIZE[0] * VANISH):, :int(SIZE[1] * GROUND)]
    tubes = np.abs(above - np.array(DEAD_TUBE)).max(axis=2) <= 6
    xs, ys = np.nonzero(tubes)
    assert len(xs) > 40, f"{len(xs)} pixels of the sign's letters"
    slope = np.polyfit(xs, ys, 1)[0]
    assert slope > np.tan(np.radians(15)), f"its letters slope {np.degrees(np.arctan(slope)):.0f}"


def test_the_ruined_sign_is_the_googie_blade_with_its_enamel_under_the_soot() -> None:
    """Right of the road, above the ground, the hanging sign's face still shows the blade's
    turquoise under the char (the sky, the ruins and their palms are grey): a dark blue-green
    patch."""
    frame = boulevard(GREY)
    above = frame[int(SIZE[0] * VANISH):, :int(SIZE[1] * GROUND)]
    red, green, blue = above[..., 0], above[..., 1], above[..., 2]
    enamel = (above.sum(axis=2) < 3 * 70) & (green >= red + 4) & (blue >= red + 4)
    assert enamel.sum() > 300, f"{enamel.sum()} pixels of the blade's enamel"


def test_the_ruined_signs_tubes_are_the_red_script_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Laid flat, the ruined blade's dead tubes are the lit sign's script strokes, where
    the lit sign has them: nearly all of its glass lies on the script, and some of the script
    has none (a letter fallen, tubes broken)."""
    monkeypatch.setattr(burnt_sign, "FOLD", 0.0)
    fonts = Fonts(lambda _message: None)
    flat = burnt_sign.burnt_sign(fonts.get, SIGN, SIGN_FONT, 240, (32, 32, 32), 7)
    height = burnt_sign.sign_height(fonts.get, SIGN, SIGN_FONT, 240)
    font = fonts.get(SIGN_FONT, round(height * burnt_sign.NAME_SIZE))
    script = pygame.Surface(flat.get_size(), pygame.SRCALPHA)
    total, tall = font.size(SIGN)
    centre = (flat.get_width() // 2,
              round(flat.get_height() / 2 - height * burnt_sign.NAME_LIFT))
    script.blit(font.render(SIGN, True, DEAD_TUBE), (centre[0] - total // 2, centre[1] - tall // 2))
    ink = pygame.surfarray.array_alpha(script)
    strokes, edges = ink >= 200, ink > 0  # the tubes' cores, and all their glass
    rgb = pygame.surfarray.array3d(flat).astype(int)
    glass = np.abs(rgb - np.array(DEAD_TUBE)).max(axis=2) <= 6
    glass &= pygame.surfarray.array_alpha(flat) == 255
    assert glass.sum() > 100, f"{glass.sum()} pixels of dead tube"
    on = (glass & edges).sum()
    assert on > 0.95 * glass.sum(), f"{on} of {glass.sum()} pixels of tube on the script"
    cores = (glass & strokes).sum()
    assert cores < 0.95 * strokes.sum(), f"{cores} of the script's {strokes.sum()}: unbroken"


def test_johnnies_coffee_shop_board_hangs_under_the_blade_its_cyan_tubes_dead() -> None:
    """Under the hanging blade's dead red script, the COFFEE SHOP board's tubes still spell on
    it as dead sooted glass, a ghost of their cyan darker than the board round them, nothing
    of them bright cyan as if lit (after a firestorm: on main 40-90 levels greener than red)."""
    frame = boulevard()
    above = frame[int(SIZE[0] * VANISH):, :int(SIZE[1] * GROUND)]
    red, green, blue = above[..., 0], above[..., 1], above[..., 2]
    lit = (green - red > 30) & (blue - red > 30)
    assert lit.sum() == 0, f"{lit.sum()} pixels of bright cyan tube"
    tubes = (green - red >= 12) & (blue - red >= 12) & (above.sum(axis=2) < 3 * 70)
    dead = np.abs(above - np.array(DEAD_TUBE)).max(axis=2) <= 6
    assert tubes.sum() > 20, f"{tubes.sum()} pixels of the board's dead letters"
    assert np.nonzero(tubes)[1].mean() > np.nonzero(dead)[1].max(), "the board is under the blade"


def test_a_broken_letters_tube_keeps_its_shape_its_cracks_sooted_dark() -> None:
    """The fallen sign still spells its name: a break darkens the glass where it cracked but
    leaves the letter's outline whole (cut out, the gaps turned the J into an f and the e
    into "e," on the wall)."""
    fonts = Fonts(lambda _message: None)
    glyph = fonts.get(SIGN_FONT, 120).render("e", True, DEAD_TUBE)
    before = pygame.surfarray.array_alpha(glyph).copy()
    burnt_sign._broken(glyph, 6, random.Random(3))
    assert (pygame.surfarray.array_alpha(glyph) == before).all(), "no glass cut away"
    rgb = pygame.surfarray.array3d(glyph).astype(int)
    dark = (rgb.sum(axis=2) < 0.6 * sum(DEAD_TUBE)) & (before >= 200)
    assert dark.sum() > 20, f"{dark.sum()} pixels of cracked glass"


def test_the_ruined_blades_fold_is_a_bend_not_a_pole_through_it() -> None:
    """Its fold was drawn as a solid dark line down the blade: lying in the ash it read as a
    pole standing up through the sign. The bent part is a little darker; the crease faint: no
    darker than the bent part beside it (measured against the flat part, the kerned script,
    which no longer crosses the fold, left the bent part's own shade reading as a line)."""
    fonts = Fonts(lambda _message: None)
    blade = burnt_sign.burnt_sign(fonts.get, SIGN, SIGN_FONT, 480, (32, 32, 32), 7)
    fold = round(blade.get_width() * burnt_sign.FOLD_AT)
    grey = pygame.surfarray.array3d(blade).astype(float).mean(axis=2)
    solid = pygame.surfarray.array_alpha(blade) == 255
    rows = solid[fold] & solid[fold - 4] & solid[fold + 4]
    crease = grey[fold][rows].mean()
    beside = min(grey[fold - 4][rows].mean(), grey[fold + 4][rows].mean())
    assert crease > 0.75 * beside, f"a dark line at the fold: {crease:.0f} against {beside:.0f}"
