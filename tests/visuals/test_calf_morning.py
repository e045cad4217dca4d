"""The calf alone on the morning shore is the subject, and alive: near and large, it calls
now and then (its head and trunk raised), and the returning sun catches its edge (a still
speck on the far shore, it had no light on it)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.mammoth_lift import STIR_HIGH, STIR_SECONDS
from installation.visuals.silhouette import Silhouette
from installation.visuals.tar_near import CLEAR

from .helpers import compositor_finding, shared_made
from .test_mammoth_head import SIZE, shipped

WARM = 25  # levels a rim pixel's red stands over its blue, at least
RIM_PIXELS = 150  # warm edge pixels, at least
TALL = 120  # pixels: the calf stands at least this tall


def calf() -> Silhouette:
    """The shipped morning's calf, built at 1920x1080."""
    line = shipped()
    scene = next(s for s in line.scenes if s.at == 10 * 3600 + 30 * 60)
    index = next(n for n, spec in enumerate(scene.layers)
                 if spec.type == "silhouette" and spec.params["shape"] == "calf")
    setup = compositor_finding(line, SIZE, shared_made(), print).setup(scene, index,
                                                                       "silhouette")
    return Silhouette(scene.layers[index].params, setup)


def test_the_morning_calf_calls_now_and_then() -> None:
    her = calf()
    assert her.span >= TALL, her.span
    assert her.lift is not None, "it moves"
    poses = [her.lift.pose(step / 10) for step in range(200)]  # any 20 real seconds
    assert max(poses) >= 3, "it raises its head and trunk, calling"
    assert her.lift.front.height > 10, "and the picture changes there"


def test_the_returning_sun_catches_the_calfs_edge() -> None:
    her = calf()
    rgb = pygame.surfarray.array3d(her.image).astype(int)
    alpha = pygame.surfarray.array_alpha(her.image)
    warm = (alpha > 200) & (rgb[..., 0] - rgb[..., 2] > WARM)
    assert warm.sum() > RIM_PIXELS, warm.sum()
    xs = np.nonzero(warm)[0]
    assert np.median(xs) < her.image.get_width() / 2, "on its sunward (left) side"


STILL_MOST = 3.0  # real seconds: between its calls the calf holds one pose no longer (main:
# stock still for 6 s and more, 70% of the time)
FOOT_ROOM = 20  # pixels: its feet stand at least this far above the picture's foot
ON_BANK = 2  # pixels: under each leg the bank rises to its feet line at least this close


def test_the_morning_calf_is_never_still_for_long() -> None:
    """Over a minute, between its calls as in them, it changes its pose (its trunk and head
    swinging a little) at least every STILL_MOST real seconds: frames a few seconds apart
    differ."""
    her = calf()
    assert her.lift is not None
    steps = 600  # a tenth of a second each
    poses = [her.lift.pose(step / 10) for step in range(steps)]
    longest = run = 1
    for before, now in zip(poses, poses[1:], strict=False):
        run = run + 1 if now == before else 1
        longest = max(longest, run)
    assert longest / 10 < STILL_MOST, f"still for {longest / 10:.1f} s"
    assert her.lift.front.width > 10, "and the picture changes there"


def test_the_morning_calf_stands_whole_on_a_bank() -> None:
    """Its feet stand in the picture, on a bank rising under each of its legs to its feet line
    (in the tar below the picture's foot, its feet cut, it read as a hunched vulture)."""
    her = calf()
    assert her.line <= SIZE[1] - FOOT_ROOM, her.line
    assert her.bank is not None, "a bank under it"
    picture, (left, top) = her.bank
    ground = (pygame.surfarray.array3d(picture) != CLEAR).any(axis=2)
    legs = np.flatnonzero(pygame.surfarray.array_alpha(her.image)[:, -2] > 128)
    for column in legs + her.feet[0] - left:
        crest = top + int(np.flatnonzero(ground[column])[0])
        assert crest <= her.line + ON_BANK, (column, crest, her.line)


STIR_LEAST = 0.09  # of its area: its stir between calls changes this much of its outline, at
# least (main: 0.06, its trunk's tip moved a few pixels: a statue from across the room)
APART = 3.0  # real seconds: two moments this far apart ...
DIFFER_LEAST = 0.08  # ... differ by this share of its area, at the median, at least (main: 0.06)


def test_the_morning_calfs_stir_reads_from_across_the_room() -> None:
    """Between its calls its trunk swings out and up before it and its head rises, and back:
    its outline at the top of a stir and at rest differ by STIR_LEAST of its area, and two
    moments APART real seconds apart, over a minute, by DIFFER_LEAST at the median."""
    her = calf()
    assert her.lift is not None
    masks = [pygame.surfarray.array_alpha(figure) > 128 for figure in her.lift.figures]
    area = int(masks[0].sum())
    stirred = max(her.lift.pose(step / 10) for step in range(int(STIR_SECONDS * 10)))
    assert int((masks[0] ^ masks[min(stirred, STIR_HIGH)]).sum()) >= STIR_LEAST * area
    shares = [(masks[her.lift.pose(n / 2)] ^ masks[her.lift.pose(n / 2 + APART)]).sum() / area
              for n in range(120)]
    assert float(np.median(shares)) >= DIFFER_LEAST, round(float(np.median(shares)), 3)


LEGS_PALER = 1.0  # levels: its lower legs' typical pixel at most this much paler than its body's
BODY, LOWER_LEGS = (0.42, 0.66), (0.75, 0.97)  # their rows, as shares of its picture's height


def test_the_calfs_lower_legs_are_as_dark_as_its_body() -> None:
    """At 10:50 its lower legs were paler than its body and a little see-through (4.6 levels
    paler: the far pair a quarter brighter, and thin, all lifted by the low sun on their lit
    side): in the shade of its belly they are as dark as its body."""
    her = calf()
    lum = pygame.surfarray.array3d(her.image).astype(float) @ np.array([0.3, 0.59, 0.11])
    solid = pygame.surfarray.array_alpha(her.image) >= 250
    height = her.image.get_height()
    body, legs = (np.median(lum[:, int(a * height):int(b * height)][
        solid[:, int(a * height):int(b * height)]]) for a, b in (BODY, LOWER_LEGS))
    assert legs <= body + LEGS_PALER, f"legs {legs:.1f}, body {body:.1f}"
