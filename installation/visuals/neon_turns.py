"""When a neon sign fails: which letters may (the word still reads), a letter's stutter, a sign's
outage, and signs that take turns."""

from __future__ import annotations

import math
import random
import re

from installation.visuals.base import hash01

# A failing letter's round, in real seconds: it buzzes and stutters, goes dark, then lights
# steady again for the rest of the round (each letter at a moment of its own in it).
STUTTER_ROUND, STUTTER_BUZZ, STUTTER_DARK = 9.0, 2.4, 1.1
# An outage's round: the whole sign goes out for a while, then stutters back on.
OUTAGE_ROUND, OUTAGE_DARK, OUTAGE_RETURN = 21.0, 3.5, 0.9
# Signs given a `turn` share the night: in each stretch of TURN_SECONDS only the sign whose turn
# it is may stutter, lose a letter or go out (on one block the Miracle Mile's C, RECORDS, a
# dimmed Cocktails and HOTEL failed in one frame: it read as the block's power failing).
TURNS = 4
TURN_SECONDS = STUTTER_ROUND
TURN_SEED = 2011  # one order of turns for every sign, so that they agree whose turn it is


def turn_now(seconds: float) -> tuple[int, float]:
    """Whose turn it is `seconds` real seconds into the scene, and how far into it: each turn
    once in every TURNS stretches, in an order of its own each time round (not a rota)."""
    stretch = math.floor(seconds / TURN_SECONDS)
    cycle, place = divmod(stretch, TURNS)
    order = sorted(range(TURNS), key=lambda turn: hash01(TURN_SEED, cycle, turn))
    return order[place], seconds - stretch * TURN_SECONDS


def on_turn(turn: int | None, seconds: float) -> bool:
    """Whether a sign with this `turn` may fail now (one with none fails on its own clock)."""
    return turn is None or turn_now(seconds)[0] == turn


def stutter_into(seed: int, index: int, seconds: float, turn: int | None) -> float | None:
    """How far into its round (real seconds) a failing letter is, None when it holds lit: on
    its own clock, or, with a `turn`, once in the sign's turn, at a moment of its own in it."""
    share = hash01(seed, index, 5)
    if turn is None:
        return (seconds + share * STUTTER_ROUND) % STUTTER_ROUND
    whose, into = turn_now(seconds)
    into -= share * (TURN_SECONDS - STUTTER_BUZZ - STUTTER_DARK)
    return into if whose == turn and into >= 0 else None


def outage_into(seed: int, seconds: float, turn: int | None) -> float | None:
    """How far into its outage a sign is (real seconds), None when none is under way: every
    OUTAGE_ROUND on its own clock, or, with a `turn`, once in the sign's turn."""
    share = hash01(seed, 3)
    if turn is None:
        into = (seconds + share * OUTAGE_ROUND) % OUTAGE_ROUND
    else:
        whose, into = turn_now(seconds)
        into -= share * (TURN_SECONDS - OUTAGE_DARK - OUTAGE_RETURN)
        if whose != turn or into < 0:
            return None
    return into if into < OUTAGE_DARK + OUTAGE_RETURN else None


def latter_halves(words: str) -> set[int]:
    """The places of the letters that may fail: those in the latter half of their word, so
    the lit start is always most of the word (with "COCKTAILS" losing its T the sign read
    "COCK AILS"; a word's first letter and its marks always light)."""
    places: set[int] = set()
    for word in re.finditer(r"\S+", words):
        half = (len(word.group()) + 1) // 2
        places |= {word.start() + k for k, ch in enumerate(word.group())
                   if k >= max(1, half) and ch.isalnum()}
    return places


def failing_tubes(rng: random.Random, share: float, tubes: int, may_fail: list[int]) -> set[int]:
    """Which tubes stutter and die: `share` of them, but only from `may_fail` if it names any
    (fewer then, rather than a letter that misspells: see latter_halves)."""
    count = round(share * tubes)
    if not count:
        return set()
    pool = may_fail or list(range(tubes))  # a sign of first letters alone still fails
    return set(rng.sample(pool, min(count, len(pool))))
