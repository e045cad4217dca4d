"""`installation validate`: check timeline (and config) files; summarise the good ones."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from installation.core.clock import ClockSettings, StoryClock
from installation.core.config import DEFAULT_CONFIG, SECTIONS, Config, load_config
from installation.core.errors import (
    EXIT_OK,
    InstallationError,
    Problem,
    TimelineError,
    UsageError,
)
from installation.core.timeline import Timeline, load_timeline
from installation.core.timeline.loader import TOP_LEVEL
from installation.core.timeutil import DAY_SECONDS, format_clock, format_duration, forward
from installation.core.tomlsource import load_toml

NAME_WIDTH = 36
TABLE_LINE = re.compile(r"^\s*\[\[?\s*([A-Za-z_]+)", re.MULTILINE)  # [audio], [[scene]]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check timeline and config files",
                       description="Check timeline files (and config.toml). Good files get a "
                                   "summary of scenes with their real durations; bad ones get "
                                   "every problem, with file and line.")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="timeline files, or a config.toml (with only --config: check that)")
    p.add_argument("--config", type=Path, default=None,
                   help="the operator config whose clock gives real durations "
                        "(default: config.toml if present)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.paths and args.config is None:
        raise UsageError("validate needs a file: installation validate timelines/my-day.toml "
                         "(or config.toml)")
    config = _config_for(args.config)
    worst = EXIT_OK
    for path in args.paths or [args.config]:
        try:
            if _looks_like_config(path):
                print(config_summary(load_config(path)))
            else:
                print(summary(load_timeline(path), config))
        except InstallationError as exc:
            print(exc.report(), file=sys.stderr)
            worst = max(worst, exc.exit_code)
    return worst


def config_summary(config: Config) -> str:
    """A good config, checked as `run` checks it: the timeline it names must load too."""
    try:
        timeline = load_timeline(config.timeline_path)
    except TimelineError as exc:
        raise TimelineError(f"{config.path}: [show] timeline = "
                            f"'{config['show']['timeline']}': {exc}", exc.problems) from None
    lines = [f"{config.path}: OK (config); plays {config.timeline_path}: \"{timeline.title}\""]
    lines += [f"  warning: {line}" for line in cut_warning(timeline, config.clock)]
    return "\n".join(lines)


def _config_for(path: Path | None) -> Config | None:
    if path is not None:
        return load_config(path)
    return load_config(DEFAULT_CONFIG) if DEFAULT_CONFIG.exists() else None


def _looks_like_config(path: Path) -> bool:
    """A config is named config*.toml, or has config sections and nothing of a timeline
    (read from its [table] lines when the TOML is broken, so it is reported as a config)."""
    if path.name.startswith("config"):
        return True
    source = load_toml(path)
    if isinstance(source, Problem):
        try:
            keys = set(TABLE_LINE.findall(path.read_text(encoding="utf-8", errors="replace")))
        except OSError:
            return False
    else:
        keys = set(source.data)
    return bool(keys & set(SECTIONS)) and not keys & set(TOP_LEVEL)


def summary(timeline: Timeline, config: Config | None) -> str:
    """What a curator wants to see of a good file: the day, scene by scene, in real time."""
    settings = config.clock if config else ClockSettings()
    clock = StoryClock(settings, timeline.day_start, timeline.pace)
    if settings.mode == "realtime":
        rule = "story time is the local time of day"
    else:
        rule = (f"one story day every {format_duration(settings.cycle_seconds)}, "
                f"starting {format_clock(settings.anchor, False)} local")
    counts = f"{plural(len(timeline.scenes), 'scene')}, {plural(len(timeline.cues), 'cue')}"
    lines = [f"{timeline.path}: OK — \"{timeline.title}\": {counts}; clock: {rule}"]
    scenes = timeline.scenes
    for i, scene in enumerate(scenes):
        following = scenes[(i + 1) % len(scenes)]
        length = clock.real_length(scene.at, following.at)
        lines.append(f"  {format_clock(scene.at, False)}  {scene.name:<{NAME_WIDTH}} "
                     f"{format_duration(length):>12}   {scene.transition.type}"
                     + (f" {scene.transition.seconds:g} s" if scene.transition.type != "cut"
                        else ""))
    for cue in sorted(timeline.cues, key=lambda c: timeline.offset(c.at)):
        lines.append(f"  cue {format_clock(cue.at)}  '{cue.name}' ({cue.type})")
    lines += _warnings(timeline, settings)
    if timeline.countdown:
        cd = timeline.countdown
        story = format_duration(forward(cd.start, cd.target))
        wall = format_duration(clock.real_between(cd.start, cd.target))
        lines.append(f"  countdown {cd.label} from '{cd.cue}' at {_clock(cd.start)}"
                     f" to {_clock(cd.target)}: {story} of story, {wall} on the wall")
    return "\n".join(lines)


def _clock(seconds: float) -> str:
    """A story time as a curator wrote it: '04:05', or '04:06:30' when it has seconds."""
    return format_clock(seconds, seconds % 60 >= 1)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _warnings(timeline: Timeline, settings: ClockSettings) -> list[str]:
    """What is not wrong in the file but will show on the wall: missing files, a cut day."""
    lines = [f"  warning: {ref.where}, key '{ref.key}': file not found: {ref.path} "
             "(the show plays a placeholder or silence in its place)"
             for ref in timeline.referenced_files() if not ref.path.is_file()]
    return lines + [f"  warning: {line}" for line in cut_warning(timeline, settings)]


def cut_warning(timeline: Timeline, settings: ClockSettings) -> list[str]:
    """What `validate` and `run` say of cycles that do not fit the day (nothing if they do)."""
    cut = daily_cut(timeline, settings)
    if cut is None:
        return []
    return [f"{format_duration(settings.cycle_seconds)} cycles do not fit a "
            f"day evenly: each day at {format_clock(settings.anchor, False)} the "
            f"story is cut at {format_clock(cut)} and starts again "
            "(set [clock] cycle_minutes to a divisor of 1440, like 45, 60 or 90)"]


def daily_cut(timeline: Timeline, settings: ClockSettings) -> float | None:
    """The story time the last cycle of each day is cut at, or None if cycles fit the day."""
    if settings.mode == "realtime":
        return None
    left = DAY_SECONDS % settings.cycle_seconds
    if left < 1e-6 or settings.cycle_seconds - left < 1e-6:
        return None
    clock = StoryClock(settings, timeline.day_start, timeline.pace)
    return (timeline.day_start + clock.warp.offset(left / settings.cycle_seconds)) % DAY_SECONDS
