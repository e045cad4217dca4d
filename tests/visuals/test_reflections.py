"""People mirror in the tar below their feet (`reflect`), as the calf and the palms do."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeline.loader import parse_timeline
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.figure_mirror import Mirror, reflected
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.wardrobe import OUTFITS

from .drawn_once import in_a_row
from .helpers import NO_POST, draw, layer, one_scene

BIG = (640, 360)
SKY = layer("sky", top="#8090b0", bottom="#d0c8c0", stars=0, sun=False, clouds=0)
TAR = layer("tarpit", y=0.7, bubbles=0, reflect=0.4)
FEET_Y = 0.705  # as at 14:30: the feet just over the tar's edge
SHIPPED = Path(__file__).parents[2] / "timelines" / "miracle-mile.toml"


def person(**keys: object) -> str:
    """Julie standing at the tar's edge, in red: she and her reflection are easy to find."""
    return layer("figures", pose="idle", body="julie", speed=0, scale=0.3, color="#e03030",
                 **keys) + f"path = [[0.5, {FEET_Y}]]\n"


def frame(people: str, at: str = "12:00:03") -> np.ndarray:
    return pygame.surfarray.array3d(draw(one_scene(SKY + TAR + people + NO_POST), at,
                                         size=BIG)).astype(int)


def drawn_in_a_row(people: str, moments: list[str]) -> list[np.ndarray]:
    """frame()'s pictures at these moments, drawn one after another by one compositor."""
    return [pygame.surfarray.array3d(picture).astype(int) for picture in in_a_row(
        one_scene(SKY + TAR + people + NO_POST), moments, BIG)]


def her(picture: np.ndarray) -> np.ndarray:
    """Where she is in the picture: what differs from the tar and sky alone."""
    return np.abs(picture - frame("")).max(axis=2) > 20


def test_no_reflect_changes_nothing() -> None:
    assert np.array_equal(frame(person(reflect=0)), frame(person()))


def test_she_mirrors_below_her_feet_in_her_shape() -> None:
    plain, mirrored = frame(person()), frame(person(reflect=1))
    feet = round(FEET_Y * BIG[1])
    changed = np.abs(mirrored - plain).max(axis=2) > 6
    assert not changed[:, :feet].any(), "nothing changes above her feet"
    assert changed[:, feet:feet + 3].any(), "the reflection touches her feet"
    # Her figure against the changed tar, turned over at the foot line.
    rows = 60
    shape = her(plain)[:, feet - rows:feet][:, ::-1]
    below = changed[:, feet:feet + rows]
    overlap = (shape & below).sum() / max(1, (shape | below).sum())
    assert overlap > 0.6, f"the reflection has her shape, upside down ({overlap:.2f})"


def test_her_reflection_is_darker_than_she_is() -> None:
    plain, mirrored = frame(person()), frame(person(reflect=1))
    feet = round(FEET_Y * BIG[1])
    figure = her(plain)[:, feet - 40:feet]
    near = mirrored[:, feet:feet + 40][figure[:, ::-1]].mean()
    assert near < plain[:, feet - 40:feet][figure].mean() * 0.75, "darker than she is"
    assert near > plain[:, feet:feet + 40][figure[:, ::-1]].mean(), "but paler than dark tar"


def test_a_reflection_is_never_brighter_than_the_figure_and_fades() -> None:
    look = Look(120, (200, 200, 200), (255, 176, 112), False, OUTFITS["julie"])
    sprite, feet = sprite_for(pose("walk", 0.3), look, False)
    image, _ = reflected(sprite, feet, Mirror(1.0, 300, 1920, 7))
    rgb = pygame.surfarray.array3d(image).reshape(-1, 3)
    shown = pygame.surfarray.array_alpha(image).reshape(-1) > 0
    brightest = pygame.surfarray.array3d(sprite).reshape(-1, 3)[
        pygame.surfarray.array_alpha(sprite).reshape(-1) > 0].max(axis=0)
    assert (rgb[shown] <= brightest).all()
    alpha = pygame.surfarray.array_alpha(image)
    assert alpha[:, :20].max() > 2 * alpha[:, -20:].max(), "fading further down"


def shipped(at: str, reflect: bool) -> np.ndarray:
    """The shipped day at `at`, its people mirrored in the tar or not."""
    headless()
    text = SHIPPED.read_text()
    if not reflect:
        text = text.replace("\nreflect = 0.7", "\nreflect = 0").replace(
            "\nreflect = 0.6", "\nreflect = 0")
    line = parse_timeline(text, "miracle-mile.toml", SHIPPED)
    compositor = Compositor(line, BIG, lambda _message: None)
    surface = pygame.Surface(BIG)
    compositor.draw(surface, state_at(line, parse_clock(at)))
    return pygame.surfarray.array3d(surface).astype(int)


def test_noons_visitors_mirror_in_the_tar_on_the_far_shore() -> None:
    """The visitors strolling on the far shore at noon mirror in the tar under their feet,
    and nothing else changes (at 14:30 the couple stands on the near shore, on the path)."""
    bare, mirrored = shipped("12:30", False), shipped("12:30", True)
    assert np.array_equal(mirrored, shipped("12:30", True)), "the same frame for the same time"
    feet = round(0.648 * BIG[1])
    changed = np.abs(mirrored - bare).max(axis=2) > 4
    assert not changed[:, :feet - 1].any(), "the sky, the palms, the people: all as they were"
    assert changed[:, feet:feet + 30].sum() > 150, "they mirror under their feet"
    assert not changed[round(0.56 * BIG[0]):].any(), "only under them (short of the bull)"
    under = changed[:, feet:feet + 30]
    assert mirrored[:, feet:feet + 30][under].mean() < bare[:, feet:feet + 30][under].mean(), \
        "dark in the tar"


def test_an_embrace_mirrors_below_the_feet_arms_and_all() -> None:
    pair = layer("figures", pose="embrace", body="couple", speed=0, count=2, spacing=0,
                 scale=0.3, color="#e03030", rim="#ffb070") + f"path = [[0.5, {FEET_Y}]]\n"
    plain = frame(pair)
    mirrored = frame(pair.replace("rim =", "reflect = 1\nrim ="))
    feet = round(FEET_Y * BIG[1])
    changed = np.abs(mirrored - plain).max(axis=2) > 6
    assert not changed[:, :feet].any(), "no arm's reflection over them"
    assert changed[:, feet:].sum() > 500


def test_a_still_figures_reflection_ripples_with_the_tar() -> None:
    """While she holds still (her figure the same from one moment to the next), her
    reflection still wobbles as the tar does: its shape moves between frames a tenth of a
    second apart, not only when her pose steps."""
    feet = round(FEET_Y * BIG[1])
    moments = [f"12:00:{3 + n * 0.1:04.1f}" for n in range(20)]
    frames = list(zip(*(drawn_in_a_row(people, moments) for people in (person(),
                                                                         person(reflect=1))),
                      strict=True))
    shapes = [np.abs(mirrored - plain).max(axis=2)[:, feet:] > 6 for plain, mirrored in frames]
    rippling = 0
    for n in range(len(moments) - 1):
        if np.array_equal(frames[n][0][:, :feet], frames[n + 1][0][:, :feet]):
            rippling += int(not np.array_equal(shapes[n], shapes[n + 1]))
    assert rippling >= 3, "her reflection moves while she is still"
