"""A reflection in the tar is a soft mirror image that wobbles smoothly, with the tar's own
wobble: no steps between neighbouring rows, no bands sheared apart."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.figure_mirror import Mirror, Wobble, reflected, wobbled
from installation.visuals.render import headless
from installation.visuals.tar_mirror import KeptMirror
from installation.visuals.tar_wobble import wobble

WIDE = (1920, 1080)
TAN = (180, 150, 120)  # the light tar a test reflection is laid on


def post_mirrored(at: float, mirror: Mirror, feet: int, seconds: float) -> np.ndarray:
    """The rows (brightness, rows by columns) under `feet` of light tar with a dark, sharp-edged
    post's reflection drawn `at` across, as a layer with `mirror` draws it at `seconds`."""
    headless()
    post = pygame.Surface((40, 300), pygame.SRCALPHA)
    post.fill((20, 20, 24, 255), (10, 0, 20, 300))
    image, foot = reflected(post, (20.0, 300.0), mirror)
    surface = pygame.Surface(WIDE)
    surface.fill(TAN)
    wobbled(surface, image, (round(at - foot[0]), round(feet - foot[1])),
            Wobble(mirror).at(seconds))
    view = pygame.surfarray.pixels3d(surface)  # (the rows looked at, read off the surface:
    # a copy of the whole 1920x1080 picture, 150 times, was half the file's processor time)
    try:
        return np.asarray(view[:, feet + 4:feet + 200].sum(axis=2).T)
    finally:
        del view  # (the view locks the surface)


def left_edge(rows: np.ndarray) -> np.ndarray:
    """The x in each row where the reflection first darkens past half way (the rows where it
    still shows)."""
    deep = rows.min(axis=1)
    seen = sum(TAN) - deep > 60
    assert seen.sum() > 60, "the post mirrors for a good way down"
    dark = rows[seen] < ((sum(TAN) + deep[seen]) / 2)[:, None]
    return np.argmax(dark, axis=1)


def test_reflected_edges_sway_smoothly_and_together() -> None:
    """Down a post's reflection its edge never jumps sideways by more than 2 px between
    neighbouring rows, at any moment, however deep the tar: it sways as one line; and two
    layers' reflections (Harry's and Julie's: their own seeds, their own depths) sway alike at
    the same rows, one tar surface under both (not bands sheared against each other)."""
    for feet in (700, 760, 840):
        one = Mirror(1.0, WIDE[1] - feet, WIDE[0], 5)
        other = Mirror(1.0, WIDE[1] - feet - 12, WIDE[0], 987)
        for seconds in np.linspace(0.0, 120.0, 25):
            edge = left_edge(post_mirrored(600.0, one, feet, float(seconds)))
            assert np.abs(np.diff(edge)).max() <= 2, (feet, seconds)
            beside = left_edge(post_mirrored(1300.0, other, feet, float(seconds)))
            rows = min(len(edge), len(beside))  # (the deeper tar fades it sooner)
            assert np.array_equal(edge[:rows] - 600, beside[:rows] - 1300), (feet, seconds)


def test_the_tar_wobble_never_steps_between_rows_and_stays_gentle() -> None:
    for width in (640, 1920, 3840):
        rows = np.arange(2 * width)
        for seconds in np.linspace(0.0, 300.0, 121):
            pushes = wobble(rows, width, float(seconds))
            assert np.abs(np.diff(pushes)).max() <= 1, (width, seconds)
            assert np.abs(pushes).max() <= 0.004 * width + 1


def test_a_sharp_edge_mirrors_soft() -> None:
    """Tar gives back a blurred image: the reflection of a post's sharp edge shades from the
    tar into the post over at least two pixels in every row (its own edge: none)."""
    rows = post_mirrored(900.0, Mirror(1.0, 320, WIDE[0], 5), 760, 3.0)
    deep = rows.min(axis=1)
    seen = sum(TAN) - deep > 60
    span = (sum(TAN) - deep[seen])[:, None]
    between = (rows[seen] < sum(TAN) - 0.15 * span) & (rows[seen] > deep[seen, None] + 0.15 * span)
    assert between.sum(axis=1).min() >= 2, between.sum(axis=1)


def test_a_thin_dark_line_mirrors_as_a_soft_smear() -> None:
    """The floors of a long low building (1-px dark lines over its light face) mirror in the
    tar as a soft smear over a few rows at half their contrast or less, not as scanlines;
    a broad dark face still mirrors dark (the image is softened, not washed out)."""
    headless()
    edge, light, dark = 200, 200, 40
    picture = pygame.Surface((320, 400))
    picture.fill((light, light, light))
    picture.fill((dark, dark, dark), (0, edge - 30, 320, 1))  # a floor line, 30 rows up
    picture.fill((dark, dark, dark), (200, edge - 120, 60, 60))  # a dark face
    shade = pygame.Surface((320, 150))
    shade.fill((255, 255, 255))
    mirror = pygame.surfarray.array3d(KeptMirror(shade, edge, True).update(picture, 1))
    column = mirror[100, :, 0].astype(int)  # down the mirror, through the line's reflection
    dip = light - column.min()
    assert 0 < dip <= 0.5 * (light - dark), column[25:35]
    assert (column < light - 10).sum() >= 2, column[25:35]
    assert mirror[230, 90, 0] <= dark + 5, "the dark face mirrors dark"
