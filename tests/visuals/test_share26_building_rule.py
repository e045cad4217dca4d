"""A picture test file that only asks to share (naming shared_made) or patches nothing a kept
picture is made of shares the process's pictures; one that patches a drawing still makes its
own."""

from __future__ import annotations

from pathlib import Path

from .conftest import names_building


def test_a_file_naming_only_the_shared_store_shares_it(tmp_path: Path) -> None:
    texts = {"asks.py": "surface = one_frame(line, SIZE, state, shared_made(), print)\n",
             "fixture.py": "def test_x(finding_made: None) -> None: ...\n"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    assert not any(names_building(tmp_path / name) for name in texts)


def test_a_street_counted_as_it_draws_shares_and_a_patched_drawing_does_not(
        tmp_path: Path) -> None:
    counted = tmp_path / "test_neon.py"
    counted.write_text("monkeypatch.setattr(Street, part, counting)\n")
    patched = tmp_path / "test_sign_names_read.py"
    patched.write_text("monkeypatch.setattr(burnt_sign, 'FOLD', 0.0)\n")
    assert not names_building(counted) and names_building(patched)
