"""A sign's words as a curator writes them: a letter in brackets is a dead tube (dark glass)."""

from __future__ import annotations

import re
from typing import Any

from installation.core.params import Invalid, Parser

DEAD = re.compile(r"\((\S)\)")  # one letter in brackets: its tube is dead
EXPECTED = ("the sign's words, a dead letter (a tube that never lights) in brackets, "
            "like \"J(o)hnie's\"")
HINT = "Put one letter between ( and ), or write the words without brackets."


def dead_letters(written: str) -> tuple[str, frozenset[int]]:
    """The words to light (brackets taken out) and the places in them of the dead letters."""
    words, dead, last = [], set(), 0
    for found in DEAD.finditer(written):
        words.append(written[last:found.start()])
        dead.add(sum(map(len, words)))
        words.append(found.group(1))
        last = found.end()
    words.append(written[last:])
    return "".join(words), frozenset(dead)


def sign_words() -> Parser:
    """Some text, each dead letter in brackets: one letter a pair, no stray bracket."""

    def parse(value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Invalid(EXPECTED)
        rest = DEAD.sub("", value)  # what is left of it without its dead letters
        if "(" in rest or ")" in rest:
            raise Invalid(EXPECTED, HINT)
        return value

    return parse
