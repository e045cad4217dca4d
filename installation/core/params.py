"""Declarative keys for user files: each key knows how to read its value and explain a mistake."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from installation.core.errors import Problem
from installation.core.timeutil import parse_clock
from installation.core.tomlsource import Key, TomlSource


class Invalid(ValueError):
    """A value that does not fit its key: what was expected, a hint to fix it, and what was
    found when that is not the whole value (the bad item of a list)."""

    def __init__(self, expected: str, hint: str = "", found: str | None = None) -> None:
        super().__init__(expected)
        self.expected = expected
        self.hint = hint
        self.found = found


Parser = Callable[[Any], Any]


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


@dataclass(frozen=True)
class Param:
    """One key of a table: its name, how to read it, its default and a line of help."""

    name: str
    parse: Parser
    default: Any = REQUIRED
    doc: str = ""


def describe(value: Any) -> str:
    """How a found value is shown to a curator."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return f"a list of {len(value)}" if value else "an empty list"
    return str(value)


def suggest(word: str, choices: Sequence[str]) -> str:
    """'Did you mean ...?' for a misspelling, else a list of the valid choices."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return f"Did you mean '{close[0]}'?"
    return "Valid choices: " + ", ".join(sorted(choices)) + "."


# --- parsers -------------------------------------------------------------------------------


def number(lo: float | None = None, hi: float | None = None) -> Parser:
    def parse(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(
                value):
            raise Invalid(_range_text("a number", lo, hi))
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise Invalid(_range_text("a number", lo, hi))
        return float(value)

    return parse


def integer(lo: int | None = None, hi: int | None = None) -> Parser:
    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(_range_text("a whole number", lo, hi))
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise Invalid(_range_text("a whole number", lo, hi))
        return value

    return parse


def _range_text(kind: str, lo: float | None, hi: float | None) -> str:
    if lo is not None and hi is not None:
        return f"{kind} from {lo:g} to {hi:g}"
    if lo is not None:
        return f"{kind} of at least {lo:g}"
    if hi is not None:
        return f"{kind} of at most {hi:g}"
    return kind


def boolean() -> Parser:
    def parse(value: Any) -> bool:
        if not isinstance(value, bool):
            raise Invalid("true or false")
        return value

    return parse


def text(allow_empty: bool = False) -> Parser:
    def parse(value: Any) -> str:
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            raise Invalid("some text in quotes" if not allow_empty else "text in quotes")
        return value

    return parse


def choice(*options: str) -> Parser:
    def parse(value: Any) -> str:
        if not isinstance(value, str) or value not in options:
            word = value if isinstance(value, str) else ""
            raise Invalid("one of " + ", ".join(options), suggest(word, options))
        return value

    return parse


_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")


def color() -> Parser:
    """A colour as "#rrggbb" or [r, g, b] with 0-255 channels -> (r, g, b)."""

    def parse(value: Any) -> tuple[int, int, int]:
        if isinstance(value, str) and _HEX.match(value):
            raw = value[1:]
            return (int(raw[0:2], 16), int(raw[2:4], 16), int(raw[4:6], 16))
        if (isinstance(value, list) and len(value) == 3
                and all(isinstance(c, int) and not isinstance(c, bool) and 0 <= c <= 255
                        for c in value)):
            return (value[0], value[1], value[2])
        raise Invalid("a colour like \"#ff3366\" or [255, 51, 102]")

    return parse


def clock_time() -> Parser:
    """A story time "HH:MM" or "HH:MM:SS" (or a TOML time) -> seconds after midnight."""

    def parse(value: Any) -> float:
        try:
            return parse_clock(value)
        except ValueError as exc:
            raise Invalid("a time like \"04:05\" or \"04:05:30\" (00:00 to 23:59:59)") from exc

    return parse


def list_of(item: Parser, what: str, min_len: int = 0, max_len: int | None = None) -> Parser:
    def parse(value: Any) -> tuple[Any, ...]:
        bounds = f"a list of {what}"
        if max_len is not None and min_len == max_len:
            bounds = f"a list of {min_len} {what}"
        elif min_len:
            bounds = f"a list of at least {min_len} {what}"
        if not isinstance(value, list) or len(value) < min_len or (
                max_len is not None and len(value) > max_len):
            raise Invalid(bounds)
        out = []
        for number, element in enumerate(value, start=1):  # counted from 1, like scenes
            try:
                out.append(item(element))
            except Invalid as exc:
                # "'Gx' as item 2"; inside a list in a list, "'x' as item 2 of item 3"
                found = (f"{exc.found} of item {number}" if exc.found
                         else f"{describe(element)} as item {number}")
                raise Invalid(f"{bounds}, each {exc.expected}", exc.hint, found) from exc
        return tuple(out)

    return parse


def either(first: Parser, second: Parser, expected: str) -> Parser:
    """Accept what either parser accepts (e.g. a chord symbol or a list of notes)."""

    def parse(value: Any) -> Any:
        for parser in (first, second):
            try:
                return parser(value)
            except Invalid:
                continue
        raise Invalid(expected)

    return parse


# --- checking a table ----------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """Where a table sits: its source file, its key path and how to name it to a person."""

    source: TomlSource
    path: Key
    where: str

    def child(self, key: str | int, where: str | None = None) -> Place:
        return Place(self.source, self.path + (key,), self.where if where is None else where)

    def problem(self, key: str, expected: str, found: str, hint: str = "") -> Problem:
        path = self.path + ((key,) if key else ())
        return self.source.problem(path, self.where, self.qualified(key), expected, found, hint)

    def qualified(self, key: str) -> str:
        """The key as a curator writes it, with its table prefix (e.g. transition.type)."""
        named = [str(p) for p in self.path if isinstance(p, str)]
        prefix = self._prefix(named)
        return ".".join(prefix + [key]) if key else ".".join(prefix)

    def _prefix(self, named: list[str]) -> list[str]:
        # Top-level tables like [display] or [[scene]] are already named in `where`.
        return named[1:] if self.where else named


def check_table(value: Any, spec: Sequence[Param], place: Place,
                problems: list[Problem], allow: Sequence[str] = ()) -> Mapping[str, Any]:
    """Read a table against its keys; every mistake is added to `problems`, none is raised."""
    if not isinstance(value, dict):
        problems.append(place.problem("", "a table of keys", describe(value)))
        return MappingProxyType({p.name: None if p.default is REQUIRED else p.default
                                 for p in spec})
    known = {p.name for p in spec} | set(allow)
    for key in value:
        if key not in known:
            problems.append(place.problem(key, "a known key", f"unknown key '{key}'",
                                          suggest(key, sorted(known))))
    out: dict[str, Any] = {}
    for param in spec:
        if param.name not in value:
            if param.default is REQUIRED:
                problems.append(place.problem(param.name, param.doc or "a value", "nothing",
                                              f"Add {param.name} = ..."))
            out[param.name] = None if param.default is REQUIRED else param.default
            continue
        try:
            out[param.name] = param.parse(value[param.name])
        except Invalid as exc:
            problems.append(place.problem(param.name, exc.expected,
                                          exc.found or describe(value[param.name]), exc.hint))
            out[param.name] = None if param.default is REQUIRED else param.default
    return MappingProxyType(out)
