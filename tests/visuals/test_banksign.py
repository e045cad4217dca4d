"""The bank's clock across Wilshire reads as a clock: at 05:08 its lamps spell 5:08, the colon
two dots standing apart between the hour and the minutes (close to the 0 and one lamp wide,
it read as part of it: '508'), pulsing once a real second: lit full, then dimmer, never out
(dark half of each second, a glance or a photograph read '5 08')."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.banksign import GLYPHS, MARGIN, BankSign
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor, defaults
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (1920, 1080)
LIT = 150  # a lit lamp's middle is this bright in some channel; a dark one far below
ACROSS = "Across Wilshire at first light"
PAST = 0.1  # real seconds past a whole one the sign is looked at (its colon lit)
SHOWN = 1.6  # real seconds from a whole one the sign must show the time for
GLOWING = 60  # a dimmed lamp's middle is this bright in some channel at least; a dark one less
FULL = 200  # a lamp lit full is brighter than this in some channel; the colon dimmed is not



def showing_the_time(minute: str) -> float:
    """Real seconds into the scene, a tenth past the first whole real second in story minute
    `minute`, from which the sign shows the time for a second and a half on (it shows the
    temperature in turn, `seconds` each, counted from the scene's start: where that falls moves
    with the pace; the colon is lit for the first half of each real second)."""
    program = shipped_program()
    scene = next(one for one in program.timeline.scenes if one.name == ACROSS)
    turn = next(spec.params for spec in scene.layers if spec.type == "banksign").get(
        "seconds", defaults("banksign")["seconds"])
    real = math.ceil(program.real_between(scene.at, parse_clock(minute)))
    while int(real // turn) % 2 or int((real + SHOWN) // turn) % 2:
        real += 1
    assert story_after(program.clock, scene.at, real + SHOWN) < parse_clock(minute) + 60
    return real + PAST


def lamps(at: float, later: float = 0.0, lit: int = LIT) -> np.ndarray:
    """Which of the sign's lamps are lit in the shipped frame `at` real seconds into the
    scene (and `later` real seconds on), rows by columns, read at each lamp's middle."""
    headless()
    program = shipped_program()
    line, pace = program.timeline, program.clock
    scene = next(one for one in line.scenes if one.name == ACROSS)
    state = state_at(line, story_after(pace, scene.at, at + later), pace)
    assert state.scene.name == ACROSS
    compositor = Compositor(line, SIZE, lambda _message: None, pace)
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state)
    index = next(n for n, spec in enumerate(state.scene.layers) if spec.type == "banksign")
    sign = BankSign(defaults("banksign", **state.scene.layers[index].params),
                    compositor.setup(state.scene, index, "banksign"))
    picture = pygame.surfarray.array3d(surface).max(axis=2)
    rows = len(GLYPHS["0"])
    columns = round(sign.face.width / sign.pitch - 2 * MARGIN)
    grid = np.zeros((rows, columns), dtype=bool)
    for r in range(rows):
        for c in range(columns):
            x = sign.face.left + (MARGIN + c + 0.5) * sign.pitch
            y = sign.face.top + (MARGIN + r + 0.5) * sign.pitch
            grid[r, c] = picture[int(x), int(y)] > lit
    return grid


def glyphs(grid: np.ndarray) -> list[np.ndarray]:
    """The lit lamps in groups of columns, dark columns between."""
    lit = [bool(on) for on in np.any(grid, axis=0).tolist()]
    groups, start = [], None
    for c, on in enumerate([*lit, False]):
        if on and start is None:
            start = c
        elif not on and start is not None:
            groups.append((start, c))
            start = None
    return [grid[:, a:b] for a, b in groups]


def runs(column: list[bool]) -> list[tuple[int, int]]:
    """The lit runs down a column: (first row, rows)."""
    out, start = [], None
    for r, on in enumerate([*column, False]):
        if on and start is None:
            start = r
        elif not on and start is not None:
            out.append((start, r - start))
            start = None
    return out


def test_at_0508_the_bank_clock_reads_5_colon_08_the_colon_apart() -> None:
    grid = lamps(showing_the_time("05:08"))
    shown = glyphs(grid)
    assert len(shown) == 4, f"5, the colon, 0, 8: {len(shown)} groups of lamps"
    five, colon, zero, eight = shown
    for glyph, ch in ((five, "5"), (zero, "0"), (eight, "8")):
        pattern = np.array([[lamp == "#" for lamp in row] for row in GLYPHS[ch]])
        assert np.array_equal(glyph, pattern), f"the {ch} in its lamps"
    dots = runs([bool(on) for on in np.any(colon, axis=1).tolist()])
    assert len(dots) == 2, "the colon: two dots, one over the other"
    (top, tall), (bottom, _tall) = dots
    assert bottom - (top + tall) >= tall, "dark between the dots, at least a dot's height"
    lit = np.flatnonzero(grid.any(axis=0))
    gaps = np.diff(lit)[np.diff(lit) > 1] - 1
    assert gaps[:2].min() >= 2, "two dark lamps at least either side of the colon"


def test_the_colon_dims_once_a_real_second_and_is_never_out() -> None:
    """Half a second on from lit full, the colon's lamps glow dimmer (below a lamp lit full)
    but still stand clear of the dark ones: '5:08' all the time; a second on,
    lit full again."""
    at = showing_the_time("05:08")
    lit, dim = lamps(at, lit=FULL), lamps(at, later=0.5, lit=FULL)
    assert len(glyphs(lit)) == 4 and len(glyphs(dim)) == 3, "lit full, then dimmer"
    assert len(glyphs(lamps(at, later=0.5, lit=GLOWING))) == 4, "but there: 5, the colon, 0, 8"
    assert np.array_equal(lamps(at, later=1.0, lit=FULL), lit), "lit full again a second on"


def test_every_time_the_sign_shows_the_time_it_has_its_colon() -> None:
    """Through the whole scene, every tenth of a real second the sign shows the time, it
    shows H:MM with the colon between (and the hour and minutes of the story's clock)."""
    headless()
    program = shipped_program()
    line, pace = program.timeline, program.clock
    scene = next(one for one in line.scenes if one.name == ACROSS)
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "banksign")
    sign = BankSign(defaults("banksign", **scene.layers[index].params),
                    Compositor(line, SIZE, lambda _message: None, pace).setup(scene, index,
                                                                              "banksign"))
    length = program.real_between(scene.at, line.after(scene).at)
    times = 0
    for tenth in range(int(length * 10)):
        story = story_after(pace, scene.at, tenth / 10)
        shown = sign.reading(Frame(story, tenth / 10, state_at(line, story, pace)))
        if "°" in shown:
            continue
        times += 1
        minutes = int(story // 60)
        assert shown == f"{(minutes // 60) % 12 or 12}:{minutes % 60:02d}", (tenth / 10, shown)
    assert times > 10 * length / 3, "the time shows about half the scene"
