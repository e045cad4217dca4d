"""A scene renamed with its old name as its `seed` draws what it drew before, pixel for pixel
(Johnie's at night was "Johnnie's at night": the walker crossing the lot kept his path)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline, parse_timeline
from installation.visuals.render import snapshot

from .test_crowd_places import SHIPPED, SMALL, after, paced

RENAMED = "name = \"Johnie's at night\"\n"
SEEDED = "seed = \"Johnnie's at night\""
OLD = "name = \"Johnnie's at night\"\n"
PASSING = 60.6  # real seconds into the scene: the walker passes in front of Harry


def _as_before(seed_line: str) -> Timeline:
    """The shipped day with the scene under its old name, the seed line replaced."""
    text = SHIPPED.read_text(encoding="utf-8")
    start = text.index(RENAMED)
    end = text.index("\n", text.index(SEEDED, start)) + 1
    return parse_timeline(text[:start] + OLD + seed_line + text[end:], SHIPPED.name, SHIPPED)


def _frame(line: Timeline) -> np.ndarray:
    at = after("03:50", PASSING)
    return pygame.surfarray.array3d(snapshot(line, at, SMALL, paced(line), lambda _: None))


def test_the_renamed_scene_draws_what_it_drew_under_its_old_name() -> None:
    shipped = load_timeline(SHIPPED)
    assert "Johnie's at night" in [scene.name for scene in shipped.scenes]
    assert np.array_equal(_frame(shipped), _frame(_as_before("")))


def test_a_seed_changes_the_picture_a_name_would_have_chosen() -> None:
    """Without its seed the renamed scene would choose anew (so the seed is what kept it)."""
    unseeded = _as_before("").scenes
    renamed = parse_timeline(
        SHIPPED.read_text(encoding="utf-8").replace(SEEDED, ""), SHIPPED.name, SHIPPED)
    assert [s.name for s in renamed.scenes] != [s.name for s in unseeded]
    assert not np.array_equal(_frame(renamed), _frame(_as_before("")))
