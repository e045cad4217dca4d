"""The tar pits' mammoths read as themselves from across the room: the last image's mother,
sunk to below her eye, still shows a mammoth's head (a dark eye with a glint, a tusk
curving out in front of her trunk), and the dream's huge mother has a smooth back and goes
into the tar through a collar."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline
from installation.visuals.render import headless
from installation.visuals.silhouette import Silhouette

from .helpers import compositor_finding, shared_made

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (1920, 1080)
EYE_DARK = 6  # the eye's pixels: no channel above this (the coat is #16110d)
PALE = 70  # a glint's or a tusk's pixels: every channel above this
EYE_REACH = 12  # pixels round her eye looked at for light
GLINT_MOST = 6  # pale pixels round it: a glint, no more
GREY_MOST = 100  # pixels of her head a little lighter than her coat, at most (the eye's skin)
STEP = 2.5  # pixels: the most a smooth back's outline leaves a smooth line by (was 4)


@cache
def shipped() -> Timeline:
    return load_timeline(SHIPPED)


@cache
def mother(scene_name: str, unlit: bool = False) -> Silhouette:
    """The mammoth of a shipped scene, built at 1920x1080 (`unlit`: without its `rim`), once a
    process: the tests read her, and what they prepare of her (Wading.prepare: her collar and
    coat for a depth and sky) is worked out again for any other depth or sky asked for."""
    headless()
    line = shipped()
    scene = next(scene for scene in line.scenes if scene.name == scene_name)
    index = next(n for n, spec in enumerate(scene.layers)
                 if spec.type == "silhouette" and spec.params["shape"] == "mammoth")
    setup = compositor_finding(line, SIZE, shared_made(), print).setup(scene, index,
                                                                       "silhouette")
    params = scene.layers[index].params
    return Silhouette({**params, "rim": None} if unlit else params, setup)


def above_the_tar(her: Silhouette) -> tuple[np.ndarray, np.ndarray]:
    """What shows of her over the tar heaped round her (colours and alpha, columns x rows),
    as the scene holds her."""
    assert her.wading is not None
    visible = her._visible(her.sink)
    her.wading.prepare(visible, (120, 150, 200))
    over = visible - her.wading.rise  # above the highest the collar can reach
    figure = her.wading.figure
    colors = pygame.surfarray.array3d(figure)[:, :over].astype(int)
    return colors, pygame.surfarray.array_alpha(figure)[:, :over]


def test_the_last_mothers_eye_shows_small_and_dark_with_at_most_a_glint() -> None:
    """Her head above the tar read as a hump with a trunk: a sea serpent. Her eye shows over
    the collar, darker than the skin round it, with a glint of light on it; but no ring of
    light round it (a lid lit all round it read as the white of a cartoon eye: 57 pale
    pixels)."""
    colors, alpha = above_the_tar(mother("The sun comes back to the tar pits"))
    solid = alpha > 250
    eye = solid & (colors.max(axis=2) <= EYE_DARK)
    assert eye.sum() >= 6, "a dark eye"
    xs, ys = np.nonzero(eye)
    x, y = int(np.median(xs)), int(np.median(ys))
    around = colors[x - 8:x + 9, y - 8:y + 9].mean(axis=2)
    assert around.max() > colors[x, y].mean() + 20, "a glint of light on it"
    box = colors[x - EYE_REACH:x + EYE_REACH + 1, y - EYE_REACH:y + EYE_REACH + 1]
    assert (box.min(axis=2) > PALE).sum() <= GLINT_MOST, "no ring of light round it"


def test_the_last_mothers_head_has_no_grey_oval_behind_her_eye() -> None:
    """Behind her eye her head is all her coat's dark (a flat grey oval of an ear a little
    lighter than her coat read as clip-art: 844 pixels between 22 and 40 levels; only her
    tusk's root, in front of her eye, is stained from her coat to ivory). Her drawing, unlit:
    the morning sun lifts her side softly, not in an oval."""
    colors, alpha = above_the_tar(mother("The sun comes back to the tar pits", unlit=True))
    level = colors.mean(axis=2)
    solid = alpha > 250
    eye_column = int(np.median(np.nonzero(solid & (colors.max(axis=2) <= EYE_DARK))[0]))
    grey = solid & (level > 22) & (level < 40)
    assert grey[:eye_column].sum() < GREY_MOST, "no grey oval on her head"


def test_the_last_mothers_tusk_curves_out_of_the_tar_in_front_of_her_trunk() -> None:
    """Sunk as the night left her, a long pale curve stands out of the tar, reaching further
    out in front of her (she faces right) than her trunk and head."""
    colors, alpha = above_the_tar(mother("The sun comes back to the tar pits"))
    solid = alpha > 250
    pale = solid & (colors.min(axis=2) > PALE)
    coat = solid & (colors.max(axis=2) < 20)
    assert pale.sum() > 300, "a tusk, not only a lid"
    tusk_columns, tusk_rows = np.nonzero(pale)
    assert tusk_columns.max() > np.nonzero(coat)[0].max(), "out in front of the trunk"
    assert np.ptp(tusk_rows) > 60, "a long curve"


def test_the_dream_mothers_back_is_smooth_at_her_size() -> None:
    """Drawn 2.2 times as large, her coat's locks of hair stood out in steps of 6-7 pixels
    down her back: her outline there keeps within STEP pixels of a smooth line (15 pixels
    averaged)."""
    her = mother("Dream")
    alpha = pygame.surfarray.array_alpha(her.image) > 63  # (she is half see-through)
    width = alpha.shape[0]
    columns = range(int(width * 0.2), int(width * 0.45))  # the back, between rump and hump
    tops = np.array([np.flatnonzero(alpha[x])[0] for x in columns], dtype=float)
    smooth = np.convolve(tops, np.ones(15) / 15, mode="valid")
    off = np.abs(tops[7:-7] - smooth)
    assert off.max() <= STEP, f"steps of {off.max():.1f} pixels down her back"


def test_the_dream_mother_goes_into_the_tar_at_its_edge_through_a_collar() -> None:
    """Her surface line (where the tar heaps round her) lies on the pool's edge, not under the
    pool drawn over her, which cut her off along a ruled line."""
    her = mother("Dream")
    scene = next(scene for scene in shipped().scenes if scene.name == "Dream")
    tar = next(spec for spec in scene.layers if spec.type == "tarpit")
    edge = int(SIZE[1] * tar.params["y"])
    assert her.wading is not None
    assert edge <= her.line <= edge + 3


def test_the_tar_runs_up_the_dream_mother_only_in_low_streaks() -> None:
    """Over her see-through flank, tall dark streaks of tar read as a row of trees: on the
    apparition the tar clings no higher than one and a half times her collar's height (its
    streaks reached twice as high)."""
    her = mother("Dream")
    assert her.wading is not None
    her.wading.prepare(her._visible(her.sink), (40, 50, 90))
    coat = pygame.surfarray.array_alpha(her.wading._coat) > 40
    rows = coat.shape[1]
    tallest = max(rows - np.flatnonzero(column)[0] for column in coat if column.any())
    assert tallest <= 1.5 * her.wading.thick, (tallest, her.wading.thick)
