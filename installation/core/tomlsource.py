"""Read a TOML file and remember which line each key came from, for error messages."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from installation.core.errors import Problem

Key = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_ASSIGN = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")
_INLINE_KEY = re.compile(r"[{,]\s*([A-Za-z0-9_\-]+)\s*=")
_DECODE_LINE = re.compile(r"line (\d+)")


@dataclass
class TomlSource:
    """A parsed TOML document plus a map from key paths to line numbers."""

    name: str
    data: dict[str, Any]
    lines: dict[Key, int] = field(default_factory=dict)

    def line_of(self, path: Key) -> int | None:
        """The line of the longest known prefix of `path` (the key, else its table)."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def problem(self, path: Key, where: str, key: str, expected: str, found: str,
                hint: str = "") -> Problem:
        return Problem(self.name, self.line_of(path), where, key, expected, found, hint)


def _split_dotted(text: str) -> list[str]:
    return [part.strip().strip("\"'") for part in text.split(".")]


def index_lines(text: str) -> dict[Key, int]:
    """Map each table, array element and key to the line where it is written."""
    lines: dict[Key, int] = {}
    counters: dict[Key, int] = {}
    table: Key = ()
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        header = _HEADER.match(raw)
        if header and not _ASSIGN.match(raw):
            is_array = header.group(1) == "[["
            table = _resolve_header(is_array, _split_dotted(header.group(2)), table, counters)
            lines.setdefault(table, number)
            if is_array:  # the array as a whole is where its first element appears
                lines.setdefault(table[:-1], number)
            continue
        assign = _ASSIGN.match(raw)
        if assign:
            key = table + tuple(_split_dotted(assign.group(1)))
            lines.setdefault(key, number)
            rest = raw[assign.end():]
            for inner in _INLINE_KEY.finditer(rest):
                lines.setdefault(key + (inner.group(1),), number)
    return lines


def _resolve_header(is_array: bool, parts: list[str], current: Key,
                    counters: dict[Key, int]) -> Key:
    """Turn a header into a key path, numbering [[arrays]] inside their latest parent."""
    path: Key = ()
    for depth, part in enumerate(parts):
        path = path + (part,)
        last = depth == len(parts) - 1
        if last and is_array:
            index = counters.get(path, -1) + 1
            counters[path] = index
            # A new parent element restarts the numbering of its child arrays.
            for key in [k for k in counters if len(k) > len(path) and k[: len(path)] == path]:
                del counters[key]
            return path + (index,)
        if path in counters:
            path = path + (counters[path],)
    return path


def load_toml(path: Path, display_name: str | None = None) -> TomlSource | Problem:
    """Parse a TOML file; a missing file or a syntax error comes back as a Problem."""
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Problem(name, None, "", "", "a TOML file", "no file at this path")
    except (OSError, UnicodeDecodeError) as exc:
        return Problem(name, None, "", "", "a readable UTF-8 text file", str(exc))
    return parse_toml(text, name)


def parse_toml(text: str, name: str) -> TomlSource | Problem:
    """Parse TOML text, turning a syntax error into a Problem that names the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _DECODE_LINE.search(message)
        line = int(match.group(1)) if match else None
        detail = _DECODE_LINE.sub("", message).replace("(at , column", "(column").strip()
        return Problem(name, line, "", "", "valid TOML syntax", detail,
                       "Check quotes around text, '=' between key and value, "
                       "and [brackets] around table names.")
    return TomlSource(name, data, index_lines(text))
