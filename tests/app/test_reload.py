"""Hot reload: rename-saves and truncate-then-write saves, fake time, the last good kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from installation.app.reload import (
    FileWatch,
    Reloader,
    ReloadResult,
    config_changes,
    config_from_text,
)
from installation.core.config import load_config

TIMELINE = """[timeline]
title = "Test day"
day_start = "12:00"

[[scene]]
at = "12:00"
name = "Tar Pits"

[[scene]]
at = "18:00"
name = "Neon"
"""
BROKEN = TIMELINE.replace('at = "18:00"', 'at = "25:00"')


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def parse_int(text: str) -> int:
    from installation.core.errors import TimelineError
    try:
        return int(text)
    except ValueError:
        raise TimelineError(f"not a number: {text!r}") from None


def save_by_rename(path: Path, text: str) -> None:
    temp = path.with_name(path.name + ".swp")
    temp.write_text(text)
    os.replace(temp, path)


def bump(path: Path) -> None:
    """Give the file a new mtime even on coarse filesystems (size may not change)."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))


def run_for(watch: FileWatch[int], clock: FakeTime, seconds: float) -> list[object]:
    seen: list[object] = []
    end = clock.now + seconds
    while clock.now < end:
        clock.now += 0.05
        outcome = watch.poll()
        if outcome is not None:
            seen.append(outcome.value if outcome.ok else outcome.report)
    return seen


def test_a_valid_rename_save_is_taken_once_it_has_kept_still(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("1")
    clock = FakeTime()
    watch = FileWatch(path, parse_int, monotonic=clock)
    assert run_for(watch, clock, 2.0) == []
    save_by_rename(path, "2")
    assert run_for(watch, clock, 0.45) == []  # not yet: it may still be changing
    assert run_for(watch, clock, 0.55) == [2]  # within a second of the save
    assert run_for(watch, clock, 2.0) == []  # reported once


def test_truncate_then_write_observed_half_written_is_not_called_bad(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("1")
    clock = FakeTime()
    watch = FileWatch(path, parse_int, monotonic=clock)
    with open(path, "w") as handle:  # truncate ...
        handle.write("4")
        handle.flush()
        assert run_for(watch, clock, 0.4) == []  # "4" parses, but is not trusted yet
        handle.write("2x")
        handle.flush()
        assert run_for(watch, clock, 0.4) == []  # half written: "42x" is not bad yet
    path.write_text("42")  # ... then write
    bump(path)
    assert run_for(watch, clock, 1.5) == [42]


def test_a_file_that_stays_broken_is_reported_once_with_the_full_error(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("1")
    clock = FakeTime()
    watch = FileWatch(path, parse_int, monotonic=clock)
    save_by_rename(path, "oops")
    seen = run_for(watch, clock, 1.5)
    assert seen == ["not a number: 'oops'"]
    assert run_for(watch, clock, 3.0) == []
    save_by_rename(path, "3")
    assert run_for(watch, clock, 1.5) == [3]


def test_a_missing_file_during_a_rename_is_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("1")
    clock = FakeTime()
    watch = FileWatch(path, parse_int, monotonic=clock)
    path.unlink()
    assert run_for(watch, clock, 0.45) == []
    path.write_text("5")
    assert run_for(watch, clock, 1.5) == [5]
    path.unlink()
    [report] = run_for(watch, clock, 1.5)
    assert "the file is missing" in str(report)


# --- timeline and config ------------------------------------------------------------------


@pytest.fixture
def show_files(tmp_path: Path) -> tuple[Path, Path]:
    timeline = tmp_path / "day.toml"
    timeline.write_text(TIMELINE)
    config = tmp_path / "config.toml"
    config.write_text('[show]\ntimeline = "day.toml"\n\n[audio]\nvolume = 0.8\n')
    return config, timeline


def poll_for(reloader: Reloader, clock: FakeTime, seconds: float) -> list[ReloadResult]:
    results: list[ReloadResult] = []
    end = clock.now + seconds
    while clock.now < end:
        clock.now += 0.05
        results += reloader.poll()
    return results


def test_timeline_reload_and_refusal(show_files: tuple[Path, Path]) -> None:
    config_path, timeline_path = show_files
    clock = FakeTime()
    kept: list[str] = []
    reloader = Reloader(load_config(config_path), timeline_path, monotonic=clock,
                        wall=lambda: 1.7e9, keep=kept.append)
    save_by_rename(timeline_path, TIMELINE.replace("Neon", "Neon on Wilshire"))
    [result] = poll_for(reloader, clock, 1.5)
    assert kept == [TIMELINE.replace("Neon", "Neon on Wilshire")]
    assert result.ok and result.timeline is not None
    assert result.timeline.scenes[1].name == "Neon on Wilshire"
    assert result.summary == "timeline reloaded: 'Test day', 2 scenes, 0 cues"

    save_by_rename(timeline_path, BROKEN)
    [refused] = poll_for(reloader, clock, 1.5)
    assert not refused.ok and refused.timeline is None
    assert refused.summary == "timeline edit refused; the last good timeline keeps playing"
    assert refused.report == (
        f"{timeline_path}: 1 problem in the timeline\n"
        f"  {timeline_path}:10: scene 'Neon', key 'at': expected a time like \"04:05\" or "
        "\"04:05:30\" (00:00 to 23:59:59); found '25:00'")
    assert reloader.last is refused
    assert len(kept) == 1  # a refused edit is never kept
    assert refused.as_status()["error"] == refused.report


def test_live_config_keys_apply_and_others_need_a_restart(show_files: tuple[Path, Path]) -> None:
    config_path, timeline_path = show_files
    clock = FakeTime()
    reloader = Reloader(load_config(config_path), timeline_path, monotonic=clock)
    save_by_rename(config_path, '[show]\ntimeline = "day.toml"\n\n[audio]\nvolume = 0.3\n'
                                '\n[display]\nfps = 30\noverlay = true\n')
    [result] = poll_for(reloader, clock, 1.5)
    assert result.ok
    assert result.live == {"audio": {"volume": 0.3}, "display": {"overlay": True}}
    assert result.needs_restart == ("display.fps",)
    assert result.summary == ("config reloaded: display.overlay = True, audio.volume = 0.3; "
                              "restart the show for display.fps")


def save_and_poll(show_files: tuple[Path, Path], path: Path,
                  text: str) -> tuple[Reloader, list[ReloadResult]]:
    """Save `text` over one of the show's files by rename; what a reloader makes of it."""
    config_path, timeline_path = show_files
    clock = FakeTime()
    reloader = Reloader(load_config(config_path), timeline_path, monotonic=clock)
    save_by_rename(path, text)
    return reloader, poll_for(reloader, clock, 1.5)


def test_bad_config_keeps_the_settings(show_files: tuple[Path, Path]) -> None:
    config_path = show_files[0]
    _, [result] = save_and_poll(show_files, config_path, '[audio]\nvolume = 3\n')
    assert not result.ok
    assert result.report.endswith(
        f"{config_path}:2: [audio], key 'volume': expected a number from 0 to 1; found 3")


def test_config_changes_for_hours_are_live(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    old = config_from_text("", path)
    new = config_from_text('[hours]\nenabled = true\nmonday = "closed"\n', path)
    live, restart = config_changes(old, new)
    assert set(live["hours"]) == {"enabled", "monday"} and restart == []


def test_a_loader_crash_is_a_refused_edit_not_a_stopped_show(tmp_path: Path) -> None:
    def crashing(text: str) -> int:
        raise TypeError("unhashable type: 'list'")

    path = tmp_path / "n.txt"
    path.write_text("1")
    clock = FakeTime()
    watch = FileWatch(path, crashing, monotonic=clock)
    save_by_rename(path, "2")
    [report] = run_for(watch, clock, 1.5)
    assert "internal error while reading it (TypeError: unhashable type: 'list')" in str(report)


def test_a_slow_in_place_save_is_taken_whole_never_in_part(show_files: tuple[Path, Path]) -> None:
    """Truncate, write half (valid TOML: the rest would be defaults), pause, write the rest."""
    config_path, timeline_path = show_files
    clock = FakeTime()
    reloader = Reloader(load_config(config_path), timeline_path, monotonic=clock)
    whole = '[show]\ntimeline = "day.toml"\n\n[audio]\nvolume = 0.2\n'
    with open(config_path, "w") as handle:
        handle.write(whole[:28])  # '[show]\ntimeline = "day.toml"': the rest would be defaults
        handle.flush()
        assert poll_for(reloader, clock, 0.6) == []  # a pause in the middle of the save
        handle.write(whole[28:])
    [result] = poll_for(reloader, clock, 1.5)
    assert result.ok and result.live == {"audio": {"volume": 0.2}}
    assert poll_for(reloader, clock, 2.0) == []


@pytest.mark.parametrize("text", ["", "\n  \n", "# all the settings are gone\n\n"])
def test_an_empty_config_is_refused_not_taken_as_the_defaults(
        show_files: tuple[Path, Path], text: str) -> None:
    config_path = show_files[0]
    reloader, [result] = save_and_poll(show_files, config_path, text)
    assert not result.ok and result.config is None
    assert result.summary == "config edit refused; the show keeps its settings"
    assert result.report == (f"{config_path}: the file is empty (no settings, only comments or "
                             "blank lines); to use the defaults, write them out")
    assert reloader.config["audio"]["volume"] == 0.8


def test_an_empty_timeline_is_refused(show_files: tuple[Path, Path]) -> None:
    _, [result] = save_and_poll(show_files, show_files[1], "")
    assert not result.ok and "the file is empty" in result.report
