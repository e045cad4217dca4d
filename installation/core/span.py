"""Spans: "2/3" is the second of three screens side by side showing one wide picture."""

from __future__ import annotations

import re

SPAN = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
WHOLE = (1, 1)  # one screen shows the whole picture


class SpanError(ValueError):
    """A span that is not 'N/M' with 1 <= N <= M."""


def parse_span(text: str) -> tuple[int, int]:
    """'2/3' -> (2, 3): the second of three screens side by side."""
    match = SPAN.match(text)
    if match is None:
        raise SpanError(f"expected a screen and a count like \"2/3\"; found {text!r}")
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1 or not 1 <= index <= count:
        raise SpanError(f"expected a screen from 1 to the count, like \"2/3\"; found {text!r}")
    return index, count
