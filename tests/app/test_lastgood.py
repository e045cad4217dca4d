"""The last good timeline: a file broken at start-up still plays its last good version."""

from __future__ import annotations

from pathlib import Path

import pytest

from installation.app.lastgood import last_good_path, load_or_last_good
from installation.core.errors import TimelineError

GOOD = '[[scene]]\nat = "12:00"\nname = "Tar Pits"\n'
BROKEN = '[[scene]]\nat = "12:70"\nname = "Tar Pits"\n'


def test_a_good_file_is_kept_and_played(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    path.write_text(GOOD)
    timeline, error = load_or_last_good(path, tmp_path / "logs")
    assert error is None and timeline.scenes[0].name == "Tar Pits"
    assert last_good_path(tmp_path / "logs", path).read_text() == GOOD


def test_a_broken_file_plays_the_last_good_copy(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    path.write_text(GOOD)
    load_or_last_good(path, tmp_path / "logs")
    path.write_text(BROKEN)
    timeline, error = load_or_last_good(path, tmp_path / "logs")
    assert timeline.path == path  # the files it names resolve next to the original
    assert error is not None and "found '12:70'" in error.report()
    assert last_good_path(tmp_path / "logs", path).read_text() == GOOD  # not overwritten
    path.unlink()
    timeline, error = load_or_last_good(path, tmp_path / "logs")
    assert timeline.scenes[0].name == "Tar Pits" and error is not None


def test_broken_with_no_copy_is_the_usual_error(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    path.write_text(BROKEN)
    with pytest.raises(TimelineError) as caught:
        load_or_last_good(path, tmp_path / "logs")
    assert "found '12:70'" in caught.value.report()


def test_an_unwritable_log_folder_does_not_stop_loading(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    path.write_text(GOOD)
    (tmp_path / "logs").write_text("a file, not a folder")
    timeline, error = load_or_last_good(path, tmp_path / "logs")
    assert error is None and timeline.scenes


def test_a_preview_elsewhere_never_replaces_the_gallerys_copy(tmp_path: Path) -> None:
    gallery, preview = tmp_path / "gallery" / "day.toml", tmp_path / "elsewhere" / "day.toml"
    for path in (gallery, preview):
        path.parent.mkdir()
    gallery.write_text(GOOD)
    preview.write_text(GOOD.replace("Tar Pits", "A preview"))
    logs = tmp_path / "logs"
    load_or_last_good(gallery, logs)
    load_or_last_good(preview, logs)  # `run --timeline elsewhere/day.toml`
    gallery.write_text(BROKEN)
    timeline, error = load_or_last_good(gallery, logs)
    assert error is not None and timeline.scenes[0].name == "Tar Pits"
    assert last_good_path(logs, gallery) != last_good_path(logs, preview)
    assert last_good_path(logs, gallery).name.startswith("last-good-day-")


def test_the_copy_is_found_by_a_relative_path_too(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "day.toml"
    path.write_text(GOOD)
    load_or_last_good(path, tmp_path / "logs")
    path.write_text(BROKEN)
    monkeypatch.chdir(tmp_path)
    timeline, error = load_or_last_good(Path("day.toml"), tmp_path / "logs")
    assert error is not None and timeline.scenes[0].name == "Tar Pits"
