"""A figure drawn see-through (`ghost`): the night shows through her tusks as through her coat."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.visuals.base import mix
from installation.visuals.compositor import Compositor
from installation.visuals.mammoth import ADULT, TUSK
from installation.visuals.mammoth_coat import rounded, smooth
from installation.visuals.mammoth_dream import DREAM_TUSKS
from installation.visuals.mammoth_pose import HEADROOM
from installation.visuals.shapes import SHAPES, UNIT
from installation.visuals.silhouette import Silhouette
from installation.visuals.tusks import IVORY, ROOT_STAIN, TIP_SHARE

from .helpers import NO_POST, draw, layer, one_scene, shared_made

COAT = (29, 41, 90)
BIG = (960, 540)  # her tusk some pixels wide
TUSK_LIGHTER = 1.6  # an apparition's tusk is at most this much brighter than her coat
BLUE = 1.6  # times as blue as red, at least: her colour (grey bone is about as red as blue;
# the moon rounds her, darkening the side away from it, so the margin goes in proportion)


@cache
def ghost_over(sky: str, mammoth: bool = True) -> np.ndarray:
    """The dream's mother, half see-through, over a plain sky of one colour (or the sky alone):
    drawn once a process (two tests look at her over the black sky; none changes the array)."""
    her = layer("silhouette", shape="mammoth", x=0.5, y=0.9, scale=2.0, flip=True, ghost=0.5,
                color="#1d295a") if mammoth else ""
    line = one_scene(layer("sky", top=sky, bottom=sky, stars=0, sun=False, clouds=0) + her
                     + NO_POST)
    return pygame.surfarray.array3d(draw(line, "02:30", size=BIG)).astype(float)


@cache
def tusk_and_coat() -> tuple[np.ndarray, np.ndarray, tuple[int, int]]:
    """Where her tusk is, and her coat (inside her, off her edges), in the picture of her
    drawn solid, and where that picture's corner is in the frame (worked out once a process,
    for two tests)."""
    line = one_scene(layer("silhouette", shape="mammoth", x=0.5, y=0.9, scale=2.0, flip=True,
                           color="#1d295a"))
    setup = Compositor(line, BIG, print).setup(line.scenes[0], 0, "silhouette")
    solid = Silhouette(line.scenes[0].layers[0].params, setup)
    light = pygame.surfarray.array3d(solid.image).astype(int).sum(axis=2)
    full = pygame.surfarray.array_alpha(solid.image) > 250  # inside her, not along her edges
    tusk = full & (light > sum(mix(COAT, IVORY, 0.5)))
    coat = full & (light < 2 * sum(COAT))
    assert tusk.sum() > 20 and coat.sum() > 200
    return tusk, coat, solid.feet


def test_the_night_shows_through_her_tusk_as_much_as_through_her_coat() -> None:
    """Over two skies the picture changes, where she stands, by the same share of the sky's
    change on her tusk as on her coat: half (her tusk was drawn solid over a see-through
    coat, and read as bone in a dream)."""
    _tusk, coat, (x, y) = tusk_and_coat()
    dark, light = ghost_over("#000000"), ghost_over("#4060a0")
    change = light - dark  # the figure's own colour cancels: what shows through her
    sky = ghost_over("#4060a0", False) - ghost_over("#000000", False)
    width, height = coat.shape
    share = change[x:x + width, y:y + height, 2] / sky[x:x + width, y:y + height, 2]
    along = [change[p][2] / sky[p][2] for p in dream_tusk()]  # the dream's own tusk
    assert abs(np.median(along) - 0.5) < 0.03, along
    assert abs(np.median(share[coat]) - 0.5) < 0.03


def dream_tusk() -> list[tuple[int, int]]:
    """The frame's pixels along the middle of the dream's near tusk, away from its ends, as
    `ghost_over` draws her (her tusks are the dream's own, not the waking mother's)."""
    px = 2.0 * UNIT * BIG[1]
    return [(round(BIG[0] * 0.5 - u * px), round(BIG[1] * 0.9 - v * px))
            for u, v in DREAM_TUSKS.line[2:7]]


def test_an_apparitions_tusk_is_of_her_own_colour_not_bone() -> None:
    """Seen through, her tusk is her own night blue, a little lighter than her coat (as her
    eye's skin is), not a grey-white bone lighter than all of her."""
    tusk, coat, (x, y) = tusk_and_coat()
    width, height = tusk.shape
    her = ghost_over("#000000")[x:x + width, y:y + height]
    bone, body = np.median(her[tusk], axis=0), np.median(her[coat], axis=0)
    assert bone.sum() <= TUSK_LIGHTER * body.sum(), (bone, body)
    assert bone[2] >= BLUE * bone[0], bone


def test_her_tusk_grows_out_of_her_head_its_root_under_it() -> None:
    """Where her tusk meets her head, the head shows: its root lies inside the head's outline,
    under it (the root, drawn over her chin, read as a pale pill stuck on it). Along the
    tusk's line, every point inside her outline is her coat's colour, and out past her chin
    (and the hair round its root, where it darkens into her coat) it is ivory."""
    line = one_scene(layer("silhouette", shape="mammoth", x=0.5, y=0.9, scale=2.0,
                           color="#101010"))
    setup = Compositor(line, BIG, print).setup(line.scenes[0], 0, "silhouette")
    her = Silhouette(line.scenes[0].layers[0].params, setup)
    colors = pygame.surfarray.array3d(her.image).astype(int)
    px = 2.0 * UNIT * BIG[1]
    left, _right, _bottom, top = SHAPES["mammoth"][1]
    top += HEADROOM  # her picture has room over her for her lifted trunk
    outline = rounded(rounded(ADULT))
    inside = outside = 0
    tusk = smooth(TUSK)
    for n, (x, y) in enumerate(tusk):
        at = colors[int((x - left) * px + 0.7), int((top - y) * px + 0.7)]
        near = [within(outline, (x + dx, y + dy)) for dx, dy in AROUND]
        if all(near):  # well inside her head
            assert at.max() < 40, (x, y)
            inside += 1
        elif not any(near) and ROOT_STAIN * len(tusk) < n < (1 - TIP_SHARE) * len(tusk):
            # the tusk, clear of her hair, short of its worn tip
            assert at.min() > 90, (x, y)
            outside += 1
    assert inside >= 3 and outside >= 10


AROUND = ((0.0, 0.0), (0.04, 0.0), (-0.04, 0.0), (0.0, 0.04), (0.0, -0.04))  # units


def within(outline: tuple[tuple[float, float], ...], point: tuple[float, float]) -> bool:
    """Is the point inside the closed outline (crossings of a ray to its right)?"""
    x, y = point
    crossings = 0
    for (ax, ay), (bx, by) in zip(outline, [*outline[1:], outline[0]], strict=True):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            crossings += 1
    return crossings % 2 == 1


PLAIN = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
REACHING = (  # a sinking, mirrored mother with her collar and rings; a lamp's glow; a palm
    dict(shape="mammoth", x=0.5, y=0.8, scale=0.8, sink=0.3, sinking=0.5, reflect=0.5,
         flip=True, color="#808080"),
    dict(shape="payphone", x=0.5, y=0.8, scale=0.6, glow="#6a4220", ring=40,
         color="#808080"),
    dict(shape="palm", x=0.5, y=0.9, scale=0.5, color="#808080"),
)


def test_all_a_figure_paints_lies_within_its_reach() -> None:
    """A figure is not drawn where the picture's clip is clear of its `reach` (a still
    picture painted again elsewhere): everything it paints, at any moment, lies within it."""
    for params in REACHING:
        line = one_scene(PLAIN + layer("silhouette", **params) + NO_POST)
        setup = Compositor(line, BIG, print).setup(line.scenes[0], 1, "silhouette")
        reach = Silhouette(line.scenes[0].layers[1].params, setup).reach
        for at in ("12:00:01", "12:00:03", "12:40:00"):
            frame = pygame.surfarray.array3d(draw(line, at, size=BIG, made=shared_made())
                                             ).max(axis=2)  # (her pictures drawn once)
            xs, ys = np.nonzero(frame > 0)
            assert xs.size > 100
            painted = pygame.Rect(int(xs.min()), int(ys.min()), int(np.ptp(xs)) + 1,
                                  int(np.ptp(ys)) + 1)
            assert reach.contains(painted), (params["shape"], at, reach, painted)
