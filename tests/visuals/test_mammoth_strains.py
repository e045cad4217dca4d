"""The trapped mother strains now and then: her head and tusk rise with her trunk, slowly, and
fall again; in the dream too, where she is a moonlit body with the stars behind her, not a
see-through cut-out with the stars through it."""

from __future__ import annotations

import re
from itertools import pairwise
from types import SimpleNamespace
from typing import cast

import numpy as np
import pygame

from installation.core.timeline import Timeline
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.shapes import UNIT

from .helpers import (
    NO_POST,
    assert_as_fresh,
    draw,
    frame_at,
    layer,
    one_scene,
    shared_made,
    timeline,
)
from .test_mammoth_head import SHIPPED, mother
from .test_mire import BIG
from .test_mire import mother as pit_mother

RESTING, STRAINING = 0.0, 14.0  # real seconds into a scene: at rest, then lifted highest
SCALE = 2.0
STANDING = (layer("sky", top="#a0b4d0", bottom="#a0b4d0", stars=0, sun=False, clouds=0)
            + layer("silhouette", shape="mammoth", x=0.5, y=0.95, scale=SCALE, flip=True,
                    color="#0b0b0d") + NO_POST)
DARK = 60  # her pixels against the pale sky: darker than this
HEAD = (-0.48, -0.36)  # the dome of her head, in units across her (facing left)
TUSK = (-1.06, -0.9)  # the far curve of her tusk
RISES = 8  # pixels her head's top rises at least, straining (drawn 270 pixels a unit)


def top_row(frame: np.ndarray, columns: slice) -> int:
    """The highest row of these columns that shows her (dark against the sky)."""
    rows = np.flatnonzero((frame[columns].mean(axis=2) < DARK).any(axis=0))
    return int(rows[0])


def columns_of(span: tuple[float, float], left: int) -> slice:
    """The picture's columns of these units across her (she faces right, so mirrored), her
    picture's left edge at `left`."""
    px = SCALE * UNIT * BIG[1]
    right = 0.75  # her picture's right edge in units (see shapes)
    return slice(left + int((right - span[1]) * px), left + int((right - span[0]) * px))


def test_her_head_and_tusk_rise_as_she_strains() -> None:
    """Only her trunk moved: now her head's top and her tusk rise with it, a few real seconds
    apart, and the back of her stays put."""
    her = pit_mother(one_scene(STANDING), 1)
    rest, lifted = (frame_at(STANDING, "12:00", s, BIG) for s in (RESTING, STRAINING))
    head, tusk = columns_of(HEAD, her.feet[0]), columns_of(TUSK, her.feet[0])
    assert top_row(rest, head) - top_row(lifted, head) >= RISES
    assert top_row(rest, tusk) - top_row(lifted, tusk) >= RISES
    rump = slice(her.feet[0], her.feet[0] + her.image.get_width() // 5)
    assert top_row(rest, rump) == top_row(lifted, rump), "her hindquarters do not move"


def test_she_strains_slowly_between_calm_spells() -> None:
    """Her lifts take some seconds each way, and there are long spells she lies still."""
    her = mother("La Brea Tar Pits")
    assert her.lift is not None
    poses = [her.lift.pose(step / 10) for step in range(1200)]  # two minutes
    lifting = [n for n, pose in enumerate(poses) if pose]
    assert lifting, "she strains"
    assert 0.15 < len(lifting) / len(poses) < 0.5
    changes = sum(a != b for a, b in pairwise(poses))
    assert len(lifting) / max(1, changes) >= 3, "no twitching: each pose held a while"


def dream(stars: float) -> Timeline:
    """The shipped dream, alone (its stars as given), Harry and the caption left out."""
    text = SHIPPED.read_text()
    scene = text[text.index('at = "02:00"'):text.index('at = "03:50"')]
    scene = scene[:scene.rindex("[[scene]]")]
    scene = re.sub(r"stars = [0-9.]+", f"stars = {stars}", scene)
    blocks = [block for block in scene.split("[[scene.layers]]")[1:]
              if 'type = "figures"' not in block and 'type = "caption"' not in block]
    head = scene.split("[[scene.layers]]")[0].replace("dip-to-black", "cut")
    return timeline("[[scene]]\n" + head + "".join("[[scene.layers]]" + b for b in blocks))


def drawn(line: Timeline, at: str) -> np.ndarray:
    """The frame at `at`, BIG, as an array (her drawings found once made: see shared_made)."""
    return pygame.surfarray.array3d(draw(line, at, size=BIG, made=shared_made())).astype(int)


def test_in_the_dream_the_stars_are_behind_her_not_through_her() -> None:
    """Over her body a star adds next to nothing (half see-through, each star behind her
    showed through at half its light); round her, in the open sky, stars shine."""
    lit, dark = (drawn(dream(s), "02:30") for s in (1.0, 0.0))
    star = (lit - dark).max(axis=2)
    body = her_body("02:30")
    assert star[~body].max() > 100, "stars in the open sky"
    assert star[body].max() <= STAR_THROUGH, "none through her"


def test_in_the_dream_she_sinks_and_strains() -> None:
    """The dream's mother goes down into the tar as the dream goes on (standing on it, the
    same at 02:55 and 03:48, she read as on ice; sunk to her belly, as a legless whale): much
    of her changes between them; a few seconds apart her head and trunk rise and fall."""
    line = dream(0.0)
    early, late = (drawn(line, at) for at in ("02:55:00", "03:48:00"))
    changed = (np.abs(early - late).max(axis=2) > 20)[her_body("02:55")]
    assert changed.sum() > 3000, "she has gone down"
    rest, lifted = (drawn(line, at) for at in ("02:00:00", "02:00:14"))
    moved = (np.abs(rest - lifted).max(axis=2) > 20)[:, :BIG[1] // 2]  # over her shoulders
    assert moved.sum() > 4000, "her head lifted"
    assert np.median(np.nonzero(moved)[0]) > BIG[0] * 0.55, "her head (she faces right)"


STAR_THROUGH = 24  # levels a bright star may add over her body, at most (it added ~100)


def her_body(at: str) -> np.ndarray:
    """Where the dream draws her solid body (off her edges) in every pose she strains to,
    above the tar heaped round her, at story time `at`, in a frame of BIG."""
    line = dream(1.0)
    index = next(n for n, spec in enumerate(line.scenes[0].layers) if spec.type == "silhouette")
    her = pit_mother(line, index)
    frame = cast(Frame, SimpleNamespace(story_time=parse_clock(at)))
    top = her.feet[1] + her.sunk(frame)
    rows = her.line - top - (her.wading.rise if her.wading is not None else 0)
    figures = her.lift.figures if her.lift is not None else [her.image]
    solid = np.ones((her.image.get_width(), rows), bool)
    for figure in figures:  # solid however she strains (her tusks swing up as she lifts them)
        alpha = pygame.surfarray.array_alpha(figure)[:, :rows]
        solid &= alpha >= int(alpha.max()) - 4  # (a little of the night shows through her)
    body = np.zeros(BIG, bool)
    body[her.feet[0]:her.feet[0] + solid.shape[0], top:top + rows] = solid
    return body


def test_her_straining_in_the_dream_paints_only_what_a_fresh_frame_shows() -> None:
    """Drawn frame after frame as the dream's mother strains and settles (the dust drifting
    behind her), each frame is the fresh one."""
    assert_as_fresh(dream(1.0), [parse_clock("02:00") + s
                                 for s in (0.0, 12.6, 13.5, 14.0, 15.2, 16.5)], BIG)
