"""Fuzzing the timeline and config loaders: any input is a model or a clean InstallationError."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from installation.adapters.window import render_size
from installation.app.reload import config_from_text
from installation.core.clock import ClockSettings, StoryClock
from installation.core.errors import InstallationError, TimelineError
from installation.core.timeline import Timeline, parse_timeline, state_at
from installation.core.timeline.cue_catalog import CUES
from installation.core.timeline.layer_catalog import LAYERS

ROOT = Path(__file__).parent.parent
OPENING = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC).timestamp()
SHIPPED_TIMELINE = (ROOT / "timelines" / "miracle-mile.toml").read_text(encoding="utf-8")
SHIPPED_CONFIG = (ROOT / "config.toml").read_text(encoding="utf-8")
# Seeded and without the example database, so CI is repeatable; FUZZ_EXAMPLES=5000
# FUZZ_SEEDED=0 hunts harder by hand.
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200")), deadline=None,
                database=None,
                derandomize=os.environ.get("FUZZ_SEEDED", "1") == "1",
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Words the loaders know, so generated files get past the first check and into the deep ones.
WORDS = sorted({"timeline", "title", "seed", "day_start", "pace", "from", "to", "weight",
                "countdown", "cue", "label", "scene", "at", "name", "layers", "type",
                "transition", "seconds", "caption", "text", "place", "score", "silence",
                "pad", "sequence", "drone", "noise", "chord", "level", "preset", "synth",
                "file", "display", "audio", "clock", "show", "logging", "controls", "hours",
                "fullscreen", "volume", "mode", "anchor", "cycle_minutes", "timezone",
                "enabled", "default", "monday", "outside", "standby_scene",
                "closing_cue_minutes", "quit", "overlay", "folder", "resolution", "fps"}
               | set(LAYERS) | set(CUES))
TIMES = st.sampled_from(["12:00", "04:05", "23:59:59", "24:00", "4:5", "", "noon", "05:15",
                         "10:00-18:00", "closed", "25:00-18:00", "18:00-02:00"])
SCALARS = st.one_of(
    TIMES, st.text(max_size=12), st.integers(-10**6, 10**6),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.sampled_from(["#ff3366", "Dm9", "native", "local", "America/Los_Angeles", "ctrl+q"]),
    st.times(), st.dates(),
)
KEYS = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8))


def values(depth: int = 2) -> st.SearchStrategy[Any]:
    if depth == 0:
        return SCALARS
    inner = values(depth - 1)
    return st.one_of(
        SCALARS,
        st.lists(inner, max_size=4),
        st.dictionaries(KEYS, inner, max_size=5),
        st.lists(st.dictionaries(KEYS, inner, max_size=5), min_size=1, max_size=3),
    )


DOCUMENTS = st.dictionaries(KEYS, values(), max_size=6)


def toml_value(value: Any) -> str:
    """A TOML literal (inline) for a generated value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.time | dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_document(data: dict[str, Any]) -> str:
    """Tables as [headers] and arrays of tables as [[headers]], like a curator writes them."""
    lines: list[str] = []
    tables: list[str] = []
    for key, value in data.items():
        name = json.dumps(key)
        if isinstance(value, dict):
            tables += [f"[{name}]"] + [f"{json.dumps(k)} = {toml_value(v)}"
                                       for k, v in value.items()]
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for table in value:
                tables += [f"[[{name}]]"] + [f"{json.dumps(k)} = {toml_value(v)}"
                                             for k, v in table.items()]
        else:
            lines.append(f"{name} = {toml_value(value)}")
    return "\n".join(lines + tables) + "\n"


def load_timeline_text(text: str) -> None:
    try:
        timeline = parse_timeline(text, "fuzz.toml")
    except InstallationError as exc:
        assert exc.report().strip()
        return
    assert isinstance(timeline, Timeline) and timeline.scenes
    use_timeline(timeline)


def use_timeline(timeline: Timeline) -> None:
    """A timeline that loads must also play: its clock and its state through the day."""
    clock = StoryClock(ClockSettings(timezone=dt.UTC), timeline.day_start, timeline.pace)
    for minute in range(0, 60, 7):
        position = clock.position(OPENING + minute * 60.0)
        state_at(timeline, position.story_time, clock)


def load_config_text(text: str) -> None:
    try:
        config = config_from_text(text, Path("/tmp/fuzz-config.toml"))
    except InstallationError as exc:
        assert exc.report().strip()
        return
    display = config["display"]
    render_size(display["resolution"] or (1920, 1080), display["render_scale"])
    StoryClock(config.clock, 12 * 3600.0).position(OPENING)


@FUZZ
@given(st.text(max_size=400))
def test_any_text_as_a_timeline(text: str) -> None:
    load_timeline_text(text)


@FUZZ
@given(st.text(max_size=400))
def test_any_text_as_a_config(text: str) -> None:
    load_config_text(text)


@FUZZ
@given(DOCUMENTS)
def test_structured_timelines(data: dict[str, Any]) -> None:
    load_timeline_text(toml_document(data))


@FUZZ
@given(DOCUMENTS)
def test_structured_configs(data: dict[str, Any]) -> None:
    load_config_text(toml_document(data))


def _mutate(text: str, data: st.DataObject) -> str:
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "value", "key", "cut"]))
        line = lines[i]
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, line)
        elif action == "value" and "=" in line:
            lines[i] = line.split("=", 1)[0] + "= " + toml_value(data.draw(values(1)))
        elif action == "key" and "=" in line:
            lines[i] = data.draw(st.sampled_from(WORDS)) + " =" + line.split("=", 1)[1]
        elif action == "cut":
            lines[i] = line[: data.draw(st.integers(0, len(line)))]
        if not lines:
            break
    return "\n".join(lines)


@FUZZ
@given(st.data())
def test_edits_of_the_shipped_timeline(data: st.DataObject) -> None:
    load_timeline_text(_mutate(SHIPPED_TIMELINE, data))


@FUZZ
@given(st.data())
def test_edits_of_the_shipped_config(data: st.DataObject) -> None:
    load_config_text(_mutate(SHIPPED_CONFIG, data))


@FUZZ
@given(st.integers(0, len(SHIPPED_TIMELINE)))
def test_a_half_written_timeline(cut: int) -> None:
    """What hot reload may read in the middle of a save."""
    load_timeline_text(SHIPPED_TIMELINE[:cut])


# Found by the fuzzers above (each once crashed the loader or gave a timeline with no scenes).
FOUND_BY_FUZZING = {
    "layer type is a list": '[[scene]]\nat = "12:00"\n[[scene.layers]]\ntype = []\n',
    "cue type is a list": '[[scene]]\nat = "12:00"\n[[cue]]\nat = "12:00"\ntype = []\n',
    "empty scene array": 'scene = []\n',
}


@pytest.mark.parametrize("text", FOUND_BY_FUZZING.values(), ids=list(FOUND_BY_FUZZING))
def test_inputs_that_once_crashed_the_loader(text: str) -> None:
    with pytest.raises(TimelineError):
        parse_timeline(text, "fuzz.toml")
