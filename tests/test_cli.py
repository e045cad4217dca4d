"""The command line as a curator or operator meets it (real subprocesses for the boundary)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from installation.__main__ import main
from installation.commands.common import start_collecting
from installation.core.errors import EXIT_CONFIG, EXIT_DISPLAY, EXIT_TIMELINE
from installation.core.timeutil import parse_clock
from installation.visuals.set_aside import sweep

if TYPE_CHECKING:
    from installation.app.show import Show

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "installation", *args], cwd=ROOT, text=True,
                          capture_output=True, env=env or os.environ.copy(), timeout=120)


def test_validate_shipped_timelines_summarises_the_day(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    paths = [str(p) for p in sorted((ROOT / "timelines").glob("*.toml"))]
    assert main(["validate", *paths]) == 0
    out = capsys.readouterr().out
    assert 'timelines/miracle-mile.toml: OK — "Miracle Mile"' in out
    assert "one story day every 1 h 00 min, starting 10:00 local" in out
    assert "04:05  The payphone rings" in out
    assert "countdown T-MINUS from 'the call' at 04:05 to 05:15: 1 h 10 min of story" in out


def test_validate_reports_every_problem_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    bad = FIXTURES / "timelines" / "many-problems.toml"
    assert main(["validate", str(bad)]) == EXIT_TIMELINE
    err = capsys.readouterr().err
    assert "3 problems in the timeline" in err
    assert err.count("many-problems.toml:") == 4


def test_validate_checks_a_config_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ROOT / "config.toml")]) == 0
    assert "config.toml: OK (config)" in capsys.readouterr().out
    assert main(["validate", str(FIXTURES / "configs" / "bad-volume.toml")]) == 3


def test_run_headless_for_a_few_seconds() -> None:
    result = cli("run", "--headless", "--seconds", "1.5")
    assert result.returncode == 0, result.stderr
    assert "show started" in result.stderr and "show stopped after" in result.stderr


def test_run_headless_at_a_story_time_starts_there() -> None:
    result = cli("run", "--headless", "--at", "04:05", "--frames", "3")
    assert result.returncode == 0, result.stderr
    assert "scene 'The payphone rings' at story 04:05:00" in result.stderr


def test_run_without_a_display_says_so_in_one_line() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    result = cli("run", "--seconds", "1", env=env)
    assert result.returncode == EXIT_DISPLAY
    assert result.stderr.count("\n") == 1
    assert "installation: no display available" in result.stderr
    assert "--headless" in result.stderr and "installation snapshot" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_config_stops_start_up_with_a_clear_message(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[clock]\ncycle_minutes = "an hour"\n')
    result = cli("run", "--headless", "--seconds", "1", "--config", str(config))
    assert result.returncode == 3
    assert (f"{config}:2: [clock], key 'cycle_minutes': expected a number from 1 to 1440; "
            "found 'an hour'") in result.stderr
    assert "Traceback" not in result.stderr


ONLY_RUN = """
import sys
from installation.cli import COMMANDS, parse
args = parse(["--traceback", "run", "--headless", "--frames", "1"])
print(args.command, args.traceback, sorted(name for name in COMMANDS
                                           if f"installation.commands.{name}" in sys.modules))
print(sorted(name for name in ("asyncio", "http.server", "tqdm") if name in sys.modules))
"""


def test_a_command_loads_its_own_module_only() -> None:
    """Issue 8: start-up to the first frame within a second; `run` does not load what
    rendering, the benchmarks and doctor need (validate: run warns as it does), nor the
    remote's servers unless [remote] turns them on."""
    done = subprocess.run([sys.executable, "-c", ONLY_RUN], cwd=ROOT, text=True,
                          capture_output=True, timeout=120)
    assert done.stdout.splitlines() == ["run True ['run', 'validate']", "[]"], done.stderr


def test_help_still_lists_every_command() -> None:
    result = cli("--help")
    for command in ("run", "validate", "snapshot", "contact-sheet", "render-audio",
                    "render-video", "bench", "doctor"):
        assert command in result.stdout
    assert "installation contact-sheet" in cli("contact-sheet", "--help").stdout


def on_each_step(monkeypatch: pytest.MonkeyPatch, note: Callable[[Show], object]) -> None:
    """Call `note` with the show before each of its steps (frames)."""
    from installation.app.show import Show

    real_step = Show.step

    def step(show: Show) -> object:
        note(show)
        return real_step(show)

    monkeypatch.setattr(Show, "step", step)


def small_config(folder: Path) -> Path:
    """A config in `folder` for the shipped day, drawn small and silent."""
    config = folder / "config.toml"
    config.write_text(f'[display]\nresolution = "160x90"\n[audio]\nenabled = false\n[show]\n'
                      f'timeline = "{ROOT / "timelines" / "miracle-mile.toml"}"\n')
    return config


def test_the_collector_is_off_until_the_first_frame_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Start-up runs without the cycle collector (a tenth of the time to the first frame);
    it is on again from run's second frame, after any other command's parsing, and after
    a usage error."""
    seen: list[bool] = []
    on_each_step(monkeypatch, lambda _show: seen.append(gc.isenabled()))
    config = small_config(tmp_path)
    assert main(["run", "--headless", "--frames", "3", "--config", str(config)]) == 0
    assert seen == [False, True, True] and gc.isenabled()
    with pytest.raises(SystemExit):
        main(["run", "--at", "4 o'clock"])
    assert gc.isenabled()
    assert main(["validate", str(config)]) == 0 and gc.isenabled()


class Litter:
    """An object in a cycle with itself: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_start_up_litter_is_freed_and_what_lives_on_is_set_aside_once() -> None:
    """When the collector starts, what start-up left alive is set aside (frozen), with no
    round first (what it threw away with it: the show's daily sweep frees that): later
    rounds, a frame's time each, walk only what the show made since. Asked again (as the
    command line does as it ends): nothing happens."""
    gc.disable()
    try:
        litter, kept = Litter(), [[n] for n in range(1000)]
        gone = weakref.ref(litter)
        del litter
        frozen = gc.get_freeze_count()
        start_collecting(survivors=False)
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(kept)
        frozen = gc.get_freeze_count()
        start_collecting(survivors=False)
        assert gc.get_freeze_count() == frozen
        sweep()
        assert gone() is None
    finally:
        gc.enable()


def test_bad_option_value_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--at", "4 o'clock"])
    assert "expected a story time like 04:05 or 04:05:30; found '4 o'clock'" in (
        capsys.readouterr().err)


def test_traceback_flag_shows_the_trace(tmp_path: Path) -> None:
    result = cli("run", "--headless", "--timeline", str(tmp_path / "missing.toml"),
                 "--traceback")
    assert result.returncode == EXIT_TIMELINE
    assert "Traceback" in result.stderr and "expected a TOML file" in result.stderr


@pytest.mark.parametrize("args, expected", [
    (["--speed", "nan"], "expected a number above 0 and at most 1e+06; found 'nan'"),
    (["--speed", "1e12"], "expected a number above 0 and at most 1e+06; found '1e12'"),
    (["--seconds", "inf"], "expected a number above 0 and at most 1e+06; found 'inf'"),
    (["--frames", "0"], "expected a whole number from 1 to 1e+06; found '0'"),
])
def test_bad_run_numbers_are_refused(args: list[str], expected: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--headless", *args])
    assert expected in capsys.readouterr().err


def test_validate_knows_a_config_with_a_misspelled_section(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "gallery.toml"
    config.write_text("[displya]\nfullscreen = true\n[audio]\nvolume = 0.5\n")
    assert main(["validate", str(config)]) == 3
    assert "unknown section 'displya'. Did you mean 'display'?" in capsys.readouterr().err


def test_validate_with_only_a_config_checks_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--config", str(ROOT / "config.toml")]) == 0
    assert "config.toml: OK (config)" in capsys.readouterr().out


def test_validate_warns_of_missing_files_and_a_cut_day(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    timeline = tmp_path / "day.toml"
    timeline.write_text('[[scene]]\nat = "12:00"\nname = "Photo"\n[[scene.layers]]\n'
                        'type = "image"\nfile = "missing.png"\n')
    config = tmp_path / "config.toml"
    config.write_text('[clock]\ncycle_minutes = 50\n')
    assert main(["validate", str(timeline), "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert (f"warning: scene 'Photo', key 'layers.file': file not found: {tmp_path}/missing.png"
            in out)
    assert ("warning: 50 min 00 s cycles do not fit a day evenly: each day at 10:00 the story "
            "is cut at 07:12:00 and starts again") in out


@pytest.mark.parametrize(("timeline", "found"), [
    ("nowhere.toml", "found no file at this path"),
    ("folder.toml", "Is a directory"),
])
def test_validate_a_config_whose_timeline_run_cannot_play(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], timeline: str, found: str) -> None:
    (tmp_path / "folder.toml").mkdir()
    config = tmp_path / "gallery.toml"
    config.write_text(f'[show]\ntimeline = "{timeline}"\n')
    assert main(["validate", str(config)]) == EXIT_TIMELINE
    err = capsys.readouterr().err
    assert err.startswith(f"{config}: [show] timeline = '{timeline}': {tmp_path / timeline}: "
                          "the timeline could not be read\n")
    assert found in err


def test_validate_a_config_warns_of_a_cycle_that_cuts_the_day(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "day.toml").write_text('[[scene]]\nat = "12:00"\nname = "Photo"\n')
    config = tmp_path / "config.toml"
    config.write_text('[clock]\ncycle_minutes = 7\n[show]\ntimeline = "day.toml"\n')
    assert main(["validate", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{config}: OK (config); plays {tmp_path / 'day.toml'}: "
                          "\"Untitled day\"\n")
    assert "warning: 7 min 00 s cycles do not fit a day evenly" in out


def test_validate_a_broken_config_not_named_config_toml(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "gallery.toml"
    config.write_text("[audio\nvolume = 0.5\n")
    assert main(["validate", str(config)]) == EXIT_CONFIG
    assert f"{config}: the config could not be read" in capsys.readouterr().err


def test_run_tells_the_day_in_the_minutes_asked_for_and_keeps_them_after_an_edit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`run --day-minutes 10` plays the whole story day in 10 real minutes (the config says
    60), and an edit of the config while it plays keeps the 10."""
    from installation.core.config import load_config

    shows: list[Show] = []
    on_each_step(monkeypatch, shows.append)
    config = small_config(tmp_path)
    assert main(["run", "--headless", "--frames", "2", "--day-minutes", "10",
                 "--config", str(config)]) == 0
    show = shows[-1]
    day = show.timeline.day_start
    assert show.clock.real_length(day, day) == 600.0
    assert show.clock.real_between(parse_clock("05:15"), parse_clock("05:30")) < 30.0
    reloader = show.attendant.reloader if show.attendant is not None else None
    assert reloader is not None
    assert reloader.adjust(load_config(config)).clock.cycle_seconds == 600.0
    with pytest.raises(SystemExit):
        main(["run", "--headless", "--day-minutes", "0"])


def test_bench_cold_names_a_bad_story_time(capsys: pytest.CaptureFixture[str]) -> None:
    """`bench --cold` given a time that is no story time says what it expected and found."""
    with pytest.raises(SystemExit):
        main(["bench", "--cold", "25:99"])
    assert ("argument --cold: expected a story time like 04:05 or 04:05:30; found '25:99'"
            in capsys.readouterr().err)
