"""The operator's config.toml, checked into frozen settings."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from installation.core.clock import ClockSettings
from installation.core.errors import ConfigError, Problem
from installation.core.hours import PARAMS as HOURS_PARAMS
from installation.core.params import (
    Invalid,
    Param,
    Parser,
    Place,
    boolean,
    check_table,
    choice,
    clock_time,
    integer,
    number,
    suggest,
    text,
)
from installation.core.remote import PARAMS as REMOTE_PARAMS
from installation.core.remote import remote_problems
from installation.core.span import WHOLE, SpanError, parse_span
from installation.core.tomlsource import TomlSource, load_toml

DEFAULT_CONFIG = Path("config.toml")
KEY_NAMES = (
    [chr(c) for c in range(ord("a"), ord("z") + 1)] + [str(d) for d in range(10)]
    + [f"f{n}" for n in range(1, 13)]
    + ["escape", "space", "return", "tab", "backspace", "delete", "home", "end", "pause"]
)
MODIFIERS = ("ctrl", "shift", "alt", "meta")


@dataclass(frozen=True)
class KeyCombo:
    """A key with the modifiers that must be held, e.g. ctrl+shift+q."""

    key: str
    modifiers: frozenset[str] = frozenset()

    def __str__(self) -> str:
        return "+".join(sorted(self.modifiers) + [self.key])


def key_combo() -> Parser:
    def parse(value: Any) -> KeyCombo:
        expected = "keys like \"ctrl+shift+q\" or \"f1\" (modifiers: ctrl, shift, alt, meta)"
        if not isinstance(value, str):
            raise Invalid(expected)
        parts = [p.strip().lower() for p in value.split("+")]
        key, mods = parts[-1], parts[:-1]
        if key not in KEY_NAMES or any(m not in MODIFIERS for m in mods):
            bad = key if key not in KEY_NAMES else next(m for m in mods if m not in MODIFIERS)
            raise Invalid(expected, suggest(bad, KEY_NAMES + list(MODIFIERS)))
        return KeyCombo(key, frozenset(mods))

    return parse


_SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


def resolution() -> Parser:
    def parse(value: Any) -> tuple[int, int] | None:
        if value == "native":
            return None
        match = _SIZE.match(value) if isinstance(value, str) else None
        if not match:
            raise Invalid("\"native\" or a size like \"1920x1080\"")
        return (int(match.group(1)), int(match.group(2)))

    return parse


def timezone() -> Parser:
    def parse(value: Any) -> dt.tzinfo | None:
        if value == "local":
            return None
        try:
            return zoneinfo.ZoneInfo(value) if isinstance(value, str) else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise Invalid("\"local\" or a time zone like \"America/Los_Angeles\"") from exc

    return parse


def span() -> Parser:
    def parse(value: Any) -> tuple[int, int]:
        try:
            return parse_span(value) if isinstance(value, str) else parse_span(repr(value))
        except SpanError as exc:
            raise Invalid(str(exc).split(";")[0].removeprefix("expected "),
                          "\"1/1\" is one screen showing the whole picture.") from exc

    return parse


def choice_int(*options: int) -> Parser:
    def parse(value: Any) -> int:
        if isinstance(value, bool) or value not in options:
            raise Invalid("one of " + ", ".join(str(o) for o in options))
        return int(value)

    return parse


SECTIONS: dict[str, tuple[Param, ...]] = {
    "display": (
        Param("fullscreen", boolean(), True, "fill the screen"),
        Param("monitor", integer(0, 16), 0, "which monitor, 0 is the first"),
        Param("resolution", resolution(), None, "\"native\" or WIDTHxHEIGHT"),
        Param("render_scale", number(0.25, 1), 1.0, "internal render size as part of the screen"),
        Param("fps", integer(10, 240), 60, "frames per second cap"),
        Param("vsync", boolean(), True, "wait for the display's refresh"),
        Param("hide_cursor", boolean(), True, "hide the mouse pointer"),
        Param("overlay", boolean(), False, "show the operator overlay (can change live)"),
        Param("span", span(), WHOLE, "this screen's part of one picture over several"),
    ),
    "audio": (
        Param("enabled", boolean(), True, "play sound"),
        Param("device", text(), "default",
              "\"default\" or a device name from `installation doctor`"),
        Param("sample_rate", choice_int(44100, 48000), 48000, "samples per second"),
        Param("buffer", choice_int(256, 512, 1024, 2048, 4096), 4096, "device buffer in frames"),
        Param("volume", number(0, 1), 0.8, "master volume 0 to 1"),
    ),
    "clock": (
        Param("mode", choice("compressed", "realtime"), "compressed", "how story time runs"),
        Param("anchor", clock_time(), 10 * 3600.0, "local time a story day starts"),
        Param("cycle_minutes", number(1, 1440), 60.0, "real minutes for one story day"),
        Param("timezone", timezone(), None, "\"local\" or an IANA time zone"),
    ),
    "show": (
        Param("timeline", text(), "timelines/miracle-mile.toml", "the timeline file to play"),
    ),
    "logging": (
        Param("folder", text(), "logs", "where log files and status.json go"),
        Param("level", choice("debug", "info", "warning", "error"), "info", "how much to log"),
    ),
    "controls": (
        Param("quit", key_combo(), KeyCombo("q", frozenset({"ctrl", "shift"})),
              "keys that quit in fullscreen"),
        Param("overlay", key_combo(), KeyCombo("f1"), "key that shows the operator overlay"),
    ),
    "hours": HOURS_PARAMS,
    "remote": REMOTE_PARAMS,
}
SECTION_LABELS = {name: f"[{name}]" for name in SECTIONS}


@dataclass(frozen=True)
class Config:
    """Every operator setting, checked; paths are absolute."""

    path: Path
    sections: Mapping[str, Mapping[str, Any]]
    clock: ClockSettings = field(default_factory=ClockSettings)

    def __getitem__(self, section: str) -> Mapping[str, Any]:
        return self.sections[section]

    @property
    def timeline_path(self) -> Path:
        return self.resolve(self["show"]["timeline"])

    @property
    def log_folder(self) -> Path:
        return self.resolve(self["logging"]["folder"])

    def resolve(self, value: str) -> Path:
        """A path from the config, relative to the config file's folder."""
        path = Path(value).expanduser()
        return path if path.is_absolute() else (self.path.parent / path).resolve()


def load_config(path: Path) -> Config:
    """Read and check config.toml; raise ConfigError listing every problem."""
    source = load_toml(path)
    if isinstance(source, Problem):
        raise ConfigError(f"{source.file}: the config could not be read", (source,))
    return build_config(source, path)


def build_config(source: TomlSource, path: Path) -> Config:
    problems: list[Problem] = []
    root = Place(source, (), "")
    for key in source.data:
        if key not in SECTIONS:
            problems.append(root.problem(key, "a known section", f"unknown section '{key}'",
                                         suggest(key, list(SECTIONS))))
    sections = {
        name: check_table(source.data.get(name, {}), spec,
                          Place(source, (name,), SECTION_LABELS[name]), problems)
        for name, spec in SECTIONS.items()
    }
    problems += remote_problems(sections["remote"],
                                Place(source, ("remote",), SECTION_LABELS["remote"]))
    if problems:
        raise ConfigError.found(source.name, "config", problems)
    clock = sections["clock"]
    settings = ClockSettings(clock["mode"], clock["anchor"], clock["cycle_minutes"] * 60.0,
                             clock["timezone"])
    return Config(path.resolve(), sections, settings)


def with_overrides(config: Config, **changes: Mapping[str, Any]) -> Config:
    """A copy of the config with some keys of some sections replaced (command-line options)."""
    sections = {name: dict(values) for name, values in config.sections.items()}
    for name, values in changes.items():
        sections[name].update(values)
    return Config(config.path, sections, config.clock)
