"""Panic in the diner, 04:21:30-04:23:30: up off the stools they stand at several depths, each
their size, and two still sit on their stools turned to us, not a queue of nine side by side at
one size on one baseline in profile; when the window goes they bolt in a wave, and nobody still
stands calmly in line while the others run (at 04:23:10 four did)."""

from __future__ import annotations

from installation.visuals.figures import Figures, Member
from installation.visuals.poses import MOVING, SEATED, VARIED

from .test_crowd_places import placed_at

SCENE = "04:20"
UP = "04:22:40"  # the news has come; the window not gone yet
RUNNING = "04:23:10"  # the window gone, the first of them out of the door
ROW = 12  # pixels: two whose feet are this near one row stand on one baseline
DEPTHS = 3  # rows at least that those standing stand on
TALLER = 1.3  # the tallest of them drawn at least this many times the smallest
STILL = 1  # at most this many stand still (Harry, telling them to go) once the running starts


def _still(at: str) -> list[tuple[Figures, Member]]:
    """Everyone in sight in the room at `at` who is not running (nor setting off to)."""
    return [(layer, m) for layer, m in placed_at(at, SCENE)
            if m.pose not in MOVING and layer.params["pose"] not in MOVING]


def _seated(member: Member) -> bool:
    return member.pose in (*SEATED, *VARIED["argue"], *VARIED["rise"])  # (getting up to run)


def _rows(feet: list[float]) -> list[float]:
    """The baselines `feet` stand on (those within ROW of the last merged into one)."""
    rows: list[float] = []
    for y in sorted(feet):
        if not rows or y - rows[-1] > ROW:
            rows.append(y)
    return rows


def test_up_off_the_stools_they_stand_at_several_depths_each_their_size() -> None:
    standing = [(layer, m) for layer, m in _still(UP) if not _seated(m)]
    rows = _rows([m.feet[1] for _, m in standing])
    assert len(rows) >= DEPTHS, f"they stand on {len(rows)} baselines: a queue"
    heights = [m.look.height * m.share for _, m in standing]
    assert max(heights) >= TALLER * min(heights), "all one size: no one nearer or further"


def test_some_still_sit_on_their_stools_turned_to_us() -> None:
    seated = [(layer, m) for layer, m in _still(UP) if _seated(m)]
    assert len(seated) >= 2, "all but one stand up in a row"
    arguing = [(layer, m) for layer, m in seated if m.pose in VARIED["argue"]]
    assert arguing, "one still argues on her stool"
    for layer, m in arguing:
        body = layer.sprites.body(m.pose, m.phase, m.turn, m.look.outfit)
        assert body.turn > 0 and body.look > 0, "in profile, the face turned from us"


def test_once_the_running_starts_nobody_stands_in_line() -> None:
    standing = [m for _, m in _still(RUNNING) if not _seated(m)]
    assert len(standing) <= STILL, f"{len(standing)} stand still while the others run"
