"""Neon on Wilshire: one sign fails at a time, and the MIRACLE MILE never holds a letter dark."""

from __future__ import annotations

import pygame
from day_config import SHIPPED

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.block import Fronts
from installation.visuals.compositor import Compositor
from installation.visuals.neon import FLICKER_HZ, Neon
from installation.visuals.render import headless

from .helpers import SIZE

MINUTES = 6  # real minutes of the scene watched, a flicker's tick at a time
HELD = 0.5  # real seconds: a tube dark this long (or longer) reads as a failed letter
BEAT = 0.7  # the longest the title may miss one letter while the rest of it is lit


def _signs() -> dict[str, Neon]:
    """The scene's signs by their words: the roof's MIRACLE MILE and the block's own."""
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, SIZE, print)
    compositor.draw(pygame.Surface(SIZE), state_at(line, parse_clock("20:30")))
    built = [layer for scene in compositor._scenes.values() for *_, layer in scene.entries]
    signs = [neon for neon in built if isinstance(neon, Neon)]
    signs += [neon for block in built if isinstance(block, Fronts) for neon in block.signs]
    return {str(neon.params["text"]): neon for neon in signs
            if neon.params.get("pattern") != "chase"}  # a chase goes dark by design


def _held_dark(neon: Neon, ticks: int) -> list[set[int]]:
    """At each tick, the tubes of the sign dark in a run of at least HELD seconds."""
    dark = [{n for n, level in enumerate(neon.levels(t / FLICKER_HZ)) if level is None}
            for t in range(ticks)]
    held: list[set[int]] = [set() for _ in range(ticks)]
    least = round(HELD * FLICKER_HZ)
    for tube in range(len(neon.tubes)):
        run = 0
        for t in range(ticks + 1):
            if t < ticks and tube in dark[t]:
                run += 1
                continue
            if run >= least:
                for back in range(t - run, t):
                    held[back].add(tube)
            run = 0
    return held


def test_only_one_sign_on_the_block_fails_at_a_time() -> None:
    """The C of MIRACLE MILE, RECORDS, a dimmed Cocktails and a HOTEL letter out in one frame
    read as the block's power failing: a visitor should see one sign fail, then another."""
    signs = _signs()
    assert {"MIRACLE MILE", "HOTEL", "OPEN"} <= set(signs)
    ticks = int(MINUTES * 60 * FLICKER_HZ)
    held = {words: _held_dark(neon, ticks) for words, neon in signs.items()}
    failing = [sorted(words for words in held if held[words][t]) for t in range(ticks)]
    assert max(len(now) for now in failing) == 1, [now for now in failing if len(now) > 1][:3]
    seen = {words for now in failing for words in now}
    assert {"MIRACLE MILE", "HOTEL", "OPEN"} <= seen  # each still fails in its turn


def test_the_title_never_misses_a_letter_for_more_than_a_beat() -> None:
    """MIRA LE MILE held for a second misspelled the title: a letter of it may flicker out,
    or the whole sign go dark, never one letter stay dark while the rest are lit."""
    neon = _signs()["MIRACLE MILE"]
    ticks = int(MINUTES * 60 * FLICKER_HZ)
    run = [0] * len(neon.tubes)
    longest = 0
    for t in range(ticks):
        levels = neon.levels(t / FLICKER_HZ)
        alone = any(level is not None for level in levels)  # the rest of it lit
        for tube, level in enumerate(levels):
            run[tube] = run[tube] + 1 if level is None and alone else 0
            longest = max(longest, run[tube])
    assert longest / FLICKER_HZ <= BEAT
