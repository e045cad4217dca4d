"""A figure's rim light is the lit edge of its own silhouette: it never adds an outline past
the body (on a leg, an arm or the hair), and it lies on the side the light comes from."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pygame
import pytest

from installation.visuals.figure_sprite import SILVER, Look, sprite_for
from installation.visuals.poses import pose
from installation.visuals.wardrobe import OUTFITS

DARK = (20, 20, 30)  # a figure against the light
LIGHT = (240, 170, 100)  # its rim
TALL = 200  # pixels: a near figure, its rim a few pixels deep
POSES = [("walk", 0.1), ("walk", 0.6), ("run", 0.3), ("reach", 0.5), ("phone", 0.2)]
LIT = 60  # levels a rim pixel is lighter than the body, at least


def drawn(name: str, posed: tuple[str, float], look: Look, left: bool) -> np.ndarray:
    """The sprite's pixels, RGBA, indexed [x, y]."""
    sprite, _feet = sprite_for(pose(*posed), replace(look, outfit=OUTFITS[name]), left)
    rgb = pygame.surfarray.array3d(sprite).astype(int)
    return np.dstack([rgb, pygame.surfarray.array_alpha(sprite)])


@pytest.mark.parametrize("name", ["harry", "julie", "man", "ivan"])
@pytest.mark.parametrize("both", [False, True])
def test_a_rim_light_never_shows_past_the_figures_own_outline(name: str, both: bool) -> None:
    """Lit or not, the figure covers exactly the same pixels: the rim is inside it."""
    for posed in POSES:
        for rim_left in (False, True):
            for left in (False, True):
                look = Look(TALL, DARK, LIGHT, rim_left=rim_left, rim_both=both)
                lit = drawn(name, posed, look, left)
                unlit = drawn(name, posed, replace(look, rim=None), left)
                where = f"{name} {posed} rim_left={rim_left} facing left={left}"
                assert np.array_equal(lit[..., 3], unlit[..., 3]), f"{where}: rim past the body"
                assert (lit[..., :3].max(axis=2) >= max(DARK) + LIT).any(), f"{where}: no rim"


@pytest.mark.parametrize("name", ["harry", "julie"])
def test_the_rim_lies_on_the_side_the_light_comes_from(name: str) -> None:
    """Its lit pixels are on the light's side of the figure, facing either way."""
    for posed in POSES:
        for rim_left in (False, True):
            for left in (False, True):
                lit = drawn(name, posed, Look(TALL, DARK, LIGHT, rim_left=rim_left), left)
                body = lit[..., 3] > 0
                bright = body & (lit[..., :3].max(axis=2) >= max(DARK) + LIT)
                xs = np.nonzero(body)[0].mean(), np.nonzero(bright)[0].mean()
                towards = xs[1] < xs[0] if rim_left else xs[1] > xs[0]
                assert towards, f"{name} {posed} rim_left={rim_left} left={left}: wrong side"


@pytest.mark.parametrize("name", ["ivan", "lucy"])
def test_grey_hairs_lit_crown_stays_on_the_head(name: str) -> None:
    """The brighter crown of grey hair is on the head: it adds no pixel past the outline."""
    outfit = OUTFITS[name]
    for step in range(8):
        body = pose("walk", step / 8, stoop=outfit.stoop, cane=outfit.cane)
        look = Look(TALL, DARK, LIGHT, outfit=outfit, hair=SILVER)
        grey, _feet = sprite_for(body, look, False)
        dark, _feet = sprite_for(body, replace(look, hair=None), False)
        added = (pygame.surfarray.array_alpha(grey) > 0) & (pygame.surfarray.array_alpha(dark) == 0)
        assert not added.any(), f"{name} at {step}/8: grey hair past the head"


def test_a_grey_haired_mans_hat_is_not_grey() -> None:
    """Grey hair is painted over the head, the hat over it in the figure's colour: the fedora
    of a grey-haired man looking back in the mall's crowd (04:51) was painted silver, and a
    man in a long coat read as a nurse in her white cap."""
    outfit = replace(OUTFITS["man"], hat="fedora", hair="short", grey=True)
    look = Look(TALL, DARK, None, outfit=outfit, hair=SILVER)
    for step in range(4):
        sprite, _feet = sprite_for(pose("run", step / 4), look, False)
        rgb = pygame.surfarray.array3d(sprite).astype(int)
        body = np.nonzero(pygame.surfarray.array_alpha(sprite).max(axis=0) > 0)[0]
        crown = rgb[:, body.min():body.min() + round(0.04 * (body.max() - body.min()))]
        silver = (np.abs(crown - np.asarray(SILVER)) < 40).all(axis=2)
        assert not silver.any(), f"run {step}/4: the hat's crown is grey hair"


CHEST = 0.62  # up the figure from its feet: a row across the chest, clear of the arms


def _chest_y(lit: np.ndarray) -> int:
    rows = np.nonzero((lit[..., 3] >= 128).any(axis=0))[0]
    return round(rows.max() - CHEST * (rows.max() - rows.min()))


def _chest_row(lit: np.ndarray) -> tuple[np.ndarray, int, int]:
    """The brightest channel of each pixel along the row across the chest, and the first and
    last solid pixels of the body on it."""
    y = _chest_y(lit)
    xs = np.nonzero(lit[:, y, 3] >= 128)[0]
    return lit[:, y, :3].max(axis=1), int(xs.min()), int(xs.max())


@pytest.mark.parametrize("name", ["harry", "man"])
def test_a_figure_lit_from_the_left_is_lit_on_its_left_edge_only(name: str) -> None:
    """A light from the left: a rim along the left edge, none along the right (never an
    outline all round), and the left of the body a shade lighter than its right."""
    for posed in [("walk", 0.1), ("walk", 0.6), ("idle", 0.0)]:
        for left in (False, True):
            lit = drawn(name, posed, Look(TALL, DARK, LIGHT, rim_left=True), left)
            row, first, last = _chest_row(lit)
            where = f"{name} {posed} facing left={left}"
            body = max(DARK)
            assert row[first] >= body + LIT, f"{where}: no rim on the lit (left) edge"
            assert row[last] <= body + 4, f"{where}: a rim on the dark (right) edge"
            tone = lit[..., :3].sum(axis=2)[:, _chest_y(lit)]
            near, far = tone[first + 4:first + 8].mean(), tone[last - 7:last - 3].mean()
            assert near > far + 6, f"{where}: the lit side no lighter than the far side"


def test_the_rim_is_soft() -> None:
    """The rim fades into the body: a pixel two in from the lit edge is lighter than the body
    but less so than the edge, and the body's middle is unlit."""
    for left in (False, True):
        lit = drawn("harry", ("walk", 0.3), Look(TALL, DARK, LIGHT, rim_left=True), left)
        row, first, last = _chest_row(lit)
        middle = row[(first + last) // 2]
        assert row[first] > row[first + 2] > middle, f"facing left={left}: {row[first:first + 5]}"
        assert middle <= max(DARK) + 4


def test_a_figure_lit_from_behind_is_lit_softly_on_both_edges_the_lights_side_more() -> None:
    """`both`: the far edge catches some of the light, less than the near one, and both rims
    fade into the body (a pixel two in lighter than the body, less than the edge)."""
    lit = drawn("man", ("walk", 0.3), Look(TALL, DARK, LIGHT, rim_left=True, rim_both=True),
                False)
    row, first, last = _chest_row(lit)
    body = max(DARK)
    assert body + 10 < row[last] < row[first], "the far edge lit, less than the near one"
    tone = lit[..., :3].sum(axis=2)[:, _chest_y(lit)]
    middle = tone[(first + last) // 2]
    assert tone[first] > tone[first + 2] > middle, "the near rim is soft"
    assert tone[last] > tone[last - 2] > middle, "the far rim is soft"


def test_a_dark_figure_lit_from_behind_has_no_seam_of_light_down_its_near_arm() -> None:
    """The night walker at Johnie's, lit from behind on both edges: a pale line ran down his
    near arm over his chest, shoulder to hip, a puppet's joint. Well inside his outline (past
    the rim round it) nothing is lit."""
    for posed in (("walk", 0.1), ("walk", 0.6)):
        seam = _lit_inside(drawn("man", posed, Look(TALL, DARK, LIGHT, rim_both=True), True))
        assert seam == 0, f"{posed}: {seam} lit pixels inside the outline"


def test_a_dark_walkers_arm_swung_back_from_the_light_leaves_no_seam_down_his_jacket() -> None:
    """Harry at Johnie's (03:51), dark, the lit glass ahead of him: a pale line ran down the
    front of his jacket, shoulder to hip, the edge of his near arm swung back (the arm itself
    unseen). Swung away from the light it is in his body's shade: nothing lit well inside."""
    for left in (False, True):
        for phase in (0.25, 0.3, 0.35):
            look = Look(TALL, DARK, LIGHT, rim_left=left)
            seam = _lit_inside(drawn("harry", ("walk", phase), look, left), SEAM)
            assert seam == 0, f"walk {phase} facing left={left}: {seam} lit pixels inside"


SEAM = 30  # levels lighter than the body: a line of a near arm's edge (ARM_EDGE of the light)


def _lit_inside(lit: np.ndarray, levels: int = LIT) -> int:
    """How many pixels well inside the outline (past the rim round it) are lit: `levels`
    lighter than the body."""
    margin = 6  # pixels in from the outline
    inside = lit[..., 3] > 200
    for axis in (0, 1):
        for step in (margin, -margin):
            inside &= np.roll(inside, step, axis=axis)
    return int((inside & (lit[..., :3].max(axis=2) >= max(DARK) + levels)).sum())
