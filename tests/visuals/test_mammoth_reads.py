"""The mother caught in the tar reads as a mammoth at a glance, at every size the day shows
her: her domed head the highest of her, her trunk curled up before her face out of the tar,
its tip below her brow (hanging into the tar, she sank past it by 10:31 and read as a hairy
dome with a tusk; raised before her, as tall as her head, a slender trunk read as the Loch Ness
monster's long neck and small head: 10:33, 14:30, 08:00), a heavy tusk sweeping up in front
of it."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.mammoth_pose import HEADROOM
from installation.visuals.shapes import SHAPES

from .test_mammoth_head import EYE_DARK, PALE, above_the_tar, mother

SCENES = ("La Brea Tar Pits", "Harry meets Julie", "The tar keeps everything",
          "The sun comes back to the tar pits")
UNITS = 1.42  # her height, feet to crown, in units (her span)
FACE = 0.2  # units in front of her eye: past her face's front, where only trunk and tusk are
BROW = 0.16  # units: her curled trunk's tip (and the tusk's root, stained dark) reach this far
# over her eye at most, turned with her as she sinks rear first (below her brow: her crown is
# 0.33 over it; the old raised trunk: 0.26)
COAT = (40, 72)  # her coat's pixels: no channel above this, unlit and lit by the sun (mother20:
# at noon and 14:30 her trunk's coat in the sun is 50-60; unlit, a far tusk's shaded ivory is
# under 72)
SPECK = 4  # pixels over her brow that may be edges of the far tusk's dark tip, at most
CURL = 0.02  # square units of her dark trunk in front of her face above the tar, at least (main,
# its trunk hanging into the tar: none at 10:33)
TUSK_AREA = 0.042  # square units of pale tusk above the tar at least (main's thin tusks:
# 0.018-0.035; the heavy pair 0.05-0.06, 0.044-0.05 with the far one inside the near one's curve
# and her curled trunk over its root)


def _her(scene: str) -> tuple[np.ndarray, np.ndarray, float]:
    """Her colours and solid pixels above the tar (columns x rows, facing right), and her
    pixels a unit."""
    her = mother(scene)
    colors, alpha = above_the_tar(her)
    return colors, alpha > 250, her.span / UNITS


@pytest.mark.parametrize("scene", SCENES)
def test_her_crown_is_the_highest_of_her_and_her_trunk_curls_below_her_brow(scene: str) -> None:
    """The highest of her dark coat is her crown, behind her eye; in front of her face
    her trunk curls up out of the tar, but nothing dark of her rises past her brow (main:
    her trunk's tip, raised, stood higher than her crown; then, hanging, it was under the tar
    as the light came back)."""
    colors, solid, px = _her(scene)
    dark = solid & (colors.max(axis=2) < COAT[mother(scene).params["rim"] is not None])
    eye = solid & (colors.max(axis=2) <= EYE_DARK)
    xs, ys = np.nonzero(eye)
    eye_x, eye_y = int(np.median(xs)), int(np.median(ys))
    columns, rows = np.nonzero(dark)
    assert columns[np.argmin(rows)] < eye_x, "her crown, behind her eye, is her top"
    front = columns > eye_x + FACE * px
    over = int(np.count_nonzero(rows[front] < eye_y - BROW * px))
    assert over <= SPECK, f"her trunk curls below her brow ({over} px over it)"
    assert front.sum() / px**2 >= CURL, f"her trunk out of the tar: {front.sum() / px**2:.3f}"


@pytest.mark.parametrize("scene", SCENES)
def test_her_tusk_is_heavy_and_rises_in_front_of_her_face(scene: str) -> None:
    """A heavy pale tusk stands out in front of her face, its tip as high as her eye at least
    (a thin one, under her raised trunk, read as a serpent's collar)."""
    colors, solid, px = _her(scene)
    eye = solid & (colors.max(axis=2) <= EYE_DARK)
    eye_y = int(np.median(np.nonzero(eye)[1]))
    pale = solid & (colors.min(axis=2) > PALE * 0.6)
    rows = np.nonzero(pale.any(axis=0))[0]
    assert rows.min() < eye_y, "its tip as high as her eye"
    assert pale.sum() / px**2 >= TUSK_AREA, round(float(pale.sum() / px**2), 4)


BEHIND_EYE = (-0.36, 1.06)  # units (facing left): where the dream mother's ear was drawn on main, a
# darker oval behind her eye that read as a second eye (02:00-03:50)
SPOT = 0.025  # units: the disc looked at there, and the ring round it (1.5 to 2.5 times out)
SPOT_DARK = 0.9  # the disc as bright as this share of the ring at least (main: 0.78)


def test_the_dream_mother_has_one_eye_and_no_dark_spot_behind_it() -> None:
    """Behind her eye her see-through head is as bright as round it: no dark oval of an ear
    there (it read as a second eye)."""
    her = mother("Dream")
    px = her.span / UNITS
    left, right, _bottom, top = SHAPES["mammoth"][1]
    top += HEADROOM  # (drawn with room to lift her head)
    x = (right - BEHIND_EYE[0] if her.params["flip"] else BEHIND_EYE[0] - left) * px
    y = (top - BEHIND_EYE[1]) * px
    color = pygame.surfarray.array3d(her.image).mean(axis=2)
    light = color * pygame.surfarray.array_alpha(her.image) / 255
    across, down = np.meshgrid(np.arange(light.shape[0]) - x, np.arange(light.shape[1]) - y,
                               indexing="ij")
    out = np.hypot(across, down) / (SPOT * px)
    disc, ring = light[out < 1].mean(), light[(out >= 1.5) & (out < 2.5)].mean()
    assert disc >= SPOT_DARK * ring, round(float(disc / ring), 2)
