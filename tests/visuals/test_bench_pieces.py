"""`bench --pieces`: a scene's building ahead listed piece by piece, the largest first."""

from __future__ import annotations

import time

import pytest

from installation.__main__ import main
from installation.visuals.bench_pieces import pieces_table, scene_pieces

from .helpers import NO_POST, SHIPPED, SIZE, layer, timeline


def test_a_scenes_pieces_are_listed_by_where_they_start_the_largest_first() -> None:
    """The night's building (a sky, a skyline, a wet street, neon) listed: every piece
    counted once, each place named by its file and line, the largest piece first."""
    night = (layer("sky", clouds=0.5) + layer("skyline") + layer("street", wet=True)
             + layer("neon", text="MILE", y=0.3) + NO_POST)
    line = timeline(f'[[scene]]\nat = "20:00"\nname = "dusk"\n{layer("sky")}{NO_POST}'
                    f'[[scene]]\nat = "21:00"\nname = "night"\n{night}')
    rows = scene_pieces(line, line.scenes[1], None, SIZE, time.perf_counter)
    assert sum(row.count for row in rows) > 20
    assert [row.largest for row in rows] == sorted((row.largest for row in rows), reverse=True)
    assert any(row.where.startswith("skyline.py:") for row in rows)
    text = pieces_table("night", rows)
    assert text.startswith(f"night: {sum(row.count for row in rows)} pieces")
    assert rows[0].where in text.splitlines()[2]


def test_bench_pieces_names_the_scenes_when_none_has_the_name(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`bench --pieces` given a name no scene has says so, and lists the scenes it has."""
    assert main(["bench", "--pieces", "Panic at the diner", "--timeline", str(SHIPPED)]) == 2
    err = capsys.readouterr().err
    assert "bench --pieces: no scene named 'Panic at the diner' in miracle-mile.toml" in err
    assert "'Panic in the diner'" in err
