"""Load a timeline file and check every key, reporting all mistakes at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from installation.core.errors import Problem, TimelineError
from installation.core.params import (
    Param,
    Place,
    boolean,
    check_table,
    choice,
    clock_time,
    describe,
    integer,
    number,
    suggest,
    text,
)
from installation.core.timeline.cue_catalog import CUES
from installation.core.timeline.layer_catalog import COMMON, LAYERS, RETIRED
from installation.core.timeline.model import (
    TRANSITIONS,
    Caption,
    Countdown,
    Cue,
    LayerSpec,
    PaceSection,
    Scene,
    Score,
    Timeline,
    Transition,
    Voice,
)
from installation.core.timeline.score_catalog import VOICES
from installation.core.timeutil import DAY_SECONDS, format_clock, forward
from installation.core.tomlsource import TomlSource, load_toml, parse_toml

TOP_LEVEL = ("timeline", "pace", "countdown", "scene", "cue")

HEADER = (
    Param("title", text(), "Untitled day", "the title of the work"),
    Param("seed", integer(0), 1988, "the seed for everything random, so every run agrees"),
    Param("day_start", clock_time(), 12 * 3600.0, "the story time the day begins at"),
)
SCENE = (
    Param("at", clock_time(), doc="the story time the scene begins"),
    Param("name", text(), None, "the scene's name"),
    Param("seed", text(), None, "what seeds the scene's random choices (else its name)"),
)
TRANSITION = (
    Param("type", choice(*TRANSITIONS), "crossfade", "how the scene arrives"),
    Param("seconds", number(0, 600), 3.0, "length of the transition in real seconds"),
)
CAPTION = (
    Param("text", text(), doc="the words"),
    Param("place", text(allow_empty=True), "", "a location/time stamp"),
)
PACE = (
    Param("from", clock_time(), doc="start of the story interval"),
    Param("to", clock_time(), doc="end of the story interval"),
    Param("weight", number(0.05, 100), doc="how much more real time it gets (1 = normal)"),
)
COUNTDOWN = (
    Param("cue", text(), doc="the name of the cue that starts the countdown"),
    Param("to", clock_time(), doc="the story time the countdown reaches zero"),
    Param("label", text(allow_empty=True), "T-MINUS", "the words before the numbers"),
)
CUE_HEAD = (
    Param("at", clock_time(), doc="the story time the cue fires"),
    Param("type", choice(*CUES), doc="what the cue does"),
    Param("name", text(), None, "a name, to refer to the cue"),
)
SCORE_SILENCE = Param("silence", boolean(), False, "no sound at all in this scene")


def load_timeline(path: Path) -> Timeline:
    """Read and check a timeline file; raise TimelineError listing every problem."""
    source = load_toml(path)
    return _build(source, path)


def parse_timeline(text_: str, name: str, path: Path | None = None) -> Timeline:
    """Check timeline text (for tests and hot reload) exactly as a file would be."""
    return _build(parse_toml(text_, name), path or Path(name))


def _build(source: TomlSource | Problem, path: Path) -> Timeline:
    if isinstance(source, Problem):
        raise TimelineError(f"{source.file}: the timeline could not be read", (source,))
    problems: list[Problem] = []
    timeline = _read(source, path, problems)
    if problems:
        raise TimelineError.found(source.name, "timeline", problems)
    return timeline


def _read(source: TomlSource, path: Path, problems: list[Problem]) -> Timeline:
    data = source.data
    root = Place(source, (), "")
    for key in data:
        if key not in TOP_LEVEL:
            problems.append(root.problem(key, "a known section", f"unknown section '{key}'",
                                         suggest(key, TOP_LEVEL)))
    header = check_table(data.get("timeline", {}), HEADER, Place(source, ("timeline",),
                                                                "[timeline]"), problems)
    day_start = header["day_start"]
    scenes = _scenes(source, day_start, problems)
    cues = _cues(source, problems)
    pace = _pace(source, problems)
    countdown = _countdown(source, cues, problems)
    return Timeline(path, header["title"], header["seed"], day_start, scenes, cues, pace,
                    countdown)


def _array(source: TomlSource, key: str, problems: list[Problem]) -> list[Any]:
    value = source.data.get(key, [])
    if not isinstance(value, list):
        problems.append(Place(source, (), "").problem(
            key, f"[[{key}]] tables (one per {key})", describe(value),
            f"Write each {key} under its own [[{key}]] line."))
        return []
    return value


def _scenes(source: TomlSource, day_start: float, problems: list[Problem]) -> tuple[Scene, ...]:
    raw = _array(source, "scene", problems)
    if not raw and isinstance(source.data.get("scene", []), list):
        problems.append(Place(source, (), "").problem(
            "scene", "at least one [[scene]]", "none", "Add a [[scene]] with at = \"12:00\"."))
    read = [_scene(source, index, table, problems) for index, table in enumerate(raw)]
    read.sort(key=lambda pair: forward(day_start, pair[0].at))
    scenes = _inherit_scores(read)
    _check_unique_times(source, scenes, problems)
    return scenes


def _scene_label(index: int, table: Any) -> str:
    name = table.get("name") if isinstance(table, dict) else None
    return f"scene '{name}'" if isinstance(name, str) and name.strip() else f"scene {index + 1}"


def _scene(source: TomlSource, index: int, table: Any,
           problems: list[Problem]) -> tuple[Scene, bool]:
    """A scene, and whether it has a score of its own (else it carries the one before on)."""
    place = Place(source, ("scene", index), _scene_label(index, table))
    extra = ("layers", "transition", "caption", "score")
    head = check_table(table, SCENE, place, problems, allow=extra)
    table = table if isinstance(table, dict) else {}
    transition = check_table(table.get("transition", {}), TRANSITION,
                             place.child("transition"), problems)
    score = _score(table.get("score"), place, problems)
    scene = Scene(
        index=index,
        at=head["at"] if head["at"] is not None else 0.0,
        name=head["name"] or f"Scene {index + 1}",
        layers=_layers(table.get("layers", []), place, problems),
        transition=Transition(transition["type"], transition["seconds"]),
        caption=_caption(table.get("caption"), place, problems),
        score=score or Score(),
        line=source.line_of(("scene", index)),
        seed=head["seed"] or "",
    )
    return scene, score is not None


def _layers(raw: Any, place: Place, problems: list[Problem]) -> tuple[LayerSpec, ...]:
    if not isinstance(raw, list):
        problems.append(place.problem("layers", "[[scene.layers]] tables", describe(raw)))
        return ()
    layers = []
    for index, table in enumerate(raw):
        spot = place.child("layers").child(index)
        kind = table.get("type") if isinstance(table, dict) else None
        if not isinstance(kind, str) or kind not in LAYERS:
            found = f"'{kind}'" if isinstance(kind, str) else describe(kind)
            word = kind if isinstance(kind, str) else ""
            problems.append(spot.problem("type", "a layer type", found,
                                         suggest(word, list(LAYERS))))
            continue
        spec = LAYERS[kind] + COMMON
        params = check_table(table, spec, spot, problems,
                             allow=("type",) + RETIRED.get(kind, ()))
        layers.append(LayerSpec(kind, params))
    return tuple(layers)


def _caption(raw: Any, place: Place, problems: list[Problem]) -> Caption | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        return Caption(raw)
    table = check_table(raw, CAPTION, place.child("caption"), problems)
    return Caption(table["text"] or "", table["place"])


def _score(raw: Any, place: Place, problems: list[Problem]) -> Score | None:
    """A scene's score; None means 'carry on with the music before'."""
    if raw is None:
        return None
    spot = place.child("score")
    head = check_table(raw, (SCORE_SILENCE,), spot, problems, allow=tuple(VOICES))
    if not isinstance(raw, dict):
        return Score()
    voices: list[Voice] = []
    for kind in VOICES:
        entries = raw.get(kind)
        if entries is None:
            continue
        for n, table in enumerate(entries if isinstance(entries, list) else [entries]):
            where = spot.child(kind) if not isinstance(entries, list) else spot.child(kind).child(n)
            voices.append(Voice(kind, check_table(table, VOICES[kind], where, problems)))
    if head["silence"] and voices:
        problems.append(spot.problem("silence", "either silence = true or some parts",
                                     "both", "Remove silence, or remove the parts."))
    return Score(tuple(voices))


def _inherit_scores(scenes: list[tuple[Scene, bool]]) -> tuple[Scene, ...]:
    """A scene without a score keeps the music of the scene before it (around the day)."""
    written = [scene for scene, has_score in scenes if has_score]
    last = written[-1].score if written else Score()
    out = []
    for scene, has_score in scenes:
        if not has_score:
            scene = replace(scene, score=last)
        last = scene.score
        out.append(scene)
    return tuple(out)


def _check_unique_times(source: TomlSource, scenes: tuple[Scene, ...],
                        problems: list[Problem]) -> None:
    seen: dict[float, Scene] = {}
    for scene in scenes:
        if scene.at in seen:
            other = seen[scene.at]
            place = Place(source, ("scene", scene.index), f"scene '{scene.name}'")
            problems.append(place.problem(
                "at", "a story time no other scene starts at",
                f"{format_clock(scene.at)}, the same as scene '{other.name}'",
                "Move one of the two scenes."))
        seen[scene.at] = scene


def _cues(source: TomlSource, problems: list[Problem]) -> tuple[Cue, ...]:
    cues = []
    for index, table in enumerate(_array(source, "cue", problems)):
        name = table.get("name") if isinstance(table, dict) else None
        label = f"cue '{name}'" if isinstance(name, str) else f"cue {index + 1}"
        place = Place(source, ("cue", index), label)
        kind = table.get("type") if isinstance(table, dict) else None
        params_spec = CUES.get(kind, ()) if isinstance(kind, str) else ()
        known = isinstance(kind, str) and kind in CUES
        allow = tuple(p.name for p in params_spec) if known else tuple(
            {p.name for spec in CUES.values() for p in spec})
        head = check_table(table, CUE_HEAD, place, problems, allow=allow)
        if not isinstance(kind, str) or not known:
            continue
        params = check_table({k: v for k, v in table.items() if k not in ("at", "type", "name")},
                             params_spec, place, problems)
        _check_cue(kind, params, set(table), place, problems)
        cues.append(Cue(index, head["at"] or 0.0, kind, head["name"] or f"cue {index + 1}",
                        params, source.line_of(("cue", index))))
    return tuple(cues)


def _check_cue(kind: str, params: Mapping[str, Any], written: set[str], place: Place,
               problems: list[Problem]) -> None:
    # A key written but refused (a misspelt synth) has had its own message already.
    refused = {"synth", "file"} & written and params["synth"] is None and params["file"] is None
    if kind == "sound" and not refused and (params["synth"] is None) == (params["file"] is None):
        problems.append(place.problem("synth", "either synth = \"...\" or file = \"...\"",
                                      "both" if params["synth"] else "neither",
                                      "A sound cue plays one synthesized sound or one file."))
    if kind == "caption" and params["text"] is None:
        problems.append(place.problem("text", "the words to show", "nothing"))


def _pace(source: TomlSource, problems: list[Problem]) -> tuple[PaceSection, ...]:
    sections: list[PaceSection] = []
    for index, table in enumerate(_array(source, "pace", problems)):
        place = Place(source, ("pace", index), f"pace {index + 1}")
        values = check_table(table, PACE, place, problems)
        if None in (values["from"], values["to"], values["weight"]):
            continue
        if values["from"] == values["to"]:
            problems.append(place.problem("to", "a time after 'from'", format_clock(values["to"])))
            continue
        section = PaceSection(values["from"], values["to"], values["weight"])
        for other in sections:
            if _overlaps(section, other):
                problems.append(place.problem(
                    "from", "a story interval that no other pace section covers",
                    f"{format_clock(section.start)}-{format_clock(section.end)}, overlapping "
                    f"{format_clock(other.start)}-{format_clock(other.end)}"))
        sections.append(section)
    return tuple(sections)


def _overlaps(a: PaceSection, b: PaceSection) -> bool:
    return (forward(a.start, b.start) < a.story_seconds
            or forward(b.start, a.start) < b.story_seconds)


def _countdown(source: TomlSource, cues: tuple[Cue, ...],
               problems: list[Problem]) -> Countdown | None:
    if "countdown" not in source.data:
        return None
    place = Place(source, ("countdown",), "[countdown]")
    values = check_table(source.data["countdown"], COUNTDOWN, place, problems)
    by_name = {cue.name: cue for cue in cues}
    name = values["cue"]
    if name is None:
        return None
    if name not in by_name:
        problems.append(place.problem("cue", "the name of a [[cue]] in this file", f"'{name}'",
                                      suggest(name, list(by_name)) if by_name else
                                      "Add a [[cue]] with that name."))
        return None
    start = by_name[name].at
    if values["to"] is None or forward(start, values["to"]) == 0 or forward(
            start, values["to"]) > DAY_SECONDS / 2:
        if values["to"] is not None:
            problems.append(place.problem("to", "a time after the cue, less than 12 hours later",
                                          format_clock(values["to"])))
        return None
    return Countdown(name, start, values["to"], values["label"])


