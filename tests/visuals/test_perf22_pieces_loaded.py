"""`bench --pieces` times a scene's building as the show builds it (perf22): every layer's
module loaded first, so no piece it lists is an import (the Ash's first list led with a 41 ms
piece that was imports alone, larger than any the show builds)."""

from __future__ import annotations

import pytest

from installation.visuals import bench_pieces

from .helpers import NO_POST, SIZE, layer, timeline


def test_every_layers_module_is_loaded_before_the_first_piece_is_timed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    happened: list[str] = []
    monkeypatch.setattr(bench_pieces, "load_all", lambda: happened.append("loaded"),
                        raising=False)

    def clock() -> float:
        happened.append("timed")
        return 0.0

    line = timeline(f'[[scene]]\nat = "20:00"\nname = "dusk"\n{layer("sky")}{NO_POST}'
                    f'[[scene]]\nat = "21:00"\nname = "night"\n{layer("sky")}{NO_POST}')
    bench_pieces.scene_pieces(line, line.scenes[1], None, SIZE, clock)
    assert happened[0] == "loaded" and happened.count("loaded") == 1 and "timed" in happened
