"""The payphone is one place: it stands dark on the lot from 03:50 and Harry walks into it
(at the 04:05 cut the camera comes in on it: see test_booth_close)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pygame

from installation.core.program import Program
from installation.core.timeline import LayerSpec, Scene, Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals import booth_dark, booth_glass
from installation.visuals.render import headless

from .helpers import one_frame, shared_made
from .test_cuts import DAY_LENGTHS, at_day_length

SMALL = (640, 360)
MARKED = (255, 0, 0)  # Harry and the caller, drawn in this colour to find them
GREY = (90, 90, 90)  # a flat sky behind them: the booth's bars and Harry stand out on it
BEFORE, CUT = "04:04:59.9", "04:05:00"
DRIFT = 3  # pixels (at SMALL) Harry's feet or head may move between two frames at the cut
HANDOFF = ("04:03:29.9", "04:03:30")  # Harry stops at the glass and sets off for the booth
LOOKS_IN = "03:58"  # Harry stands at the diner's glass
HEAD = 0.14  # of his height, from the top
BAND = (2, 5)  # pixels round his head looked at: past his rim light, not far
GLASS_AROUND = 0.6  # the share of them that is lit glass, at least
GLASS_GREEN = (60, 5)  # lit glass: green above this, and this much above red and blue (the
# night sky is blue, the stone wall brown)


def harry_and_booth(line: Timeline, lit: bool) -> Timeline:
    """The day with only the booth, Harry (in MARKED, no rim light) and the camera's sway, on
    a flat grey sky, no grain and no countdown: what the cut must keep in place, on nothing
    that moves; unless `lit`, the booth's light is off in every scene (its light and ring
    added over its bars and the caller would hide where they are)."""
    sky = LayerSpec("sky", {**first(line, "sky").params, "top": GREY, "bottom": GREY,
                            "stars": 0, "clouds": 0, "sun": False})
    post = LayerSpec("post", {**first(line, "post").params, "grain": 0, "vignette": 0})
    scenes: list[Scene] = []
    for scene in line.scenes:
        kept = [sky, post]
        for spec in scene.layers:
            if spec.type in ("booth", "camera"):
                light = {"lit": spec.params["lit"] and lit} if spec.type == "booth" else {}
                kept.append(replace(spec, params={**spec.params, "caller_color": MARKED,
                                                  **light}))
            elif spec.type == "figures" and spec.params["body"] == "harry":
                kept.append(replace(spec, params={**spec.params, "color": MARKED,
                                                  "rim": None}))
        scenes.append(replace(scene, layers=tuple(kept)))
    return replace(line, scenes=tuple(scenes), countdown=None)


def first(line: Timeline, kind: str) -> LayerSpec:
    """The day's first layer of this type (its keys, all filled in)."""
    return next(spec for scene in line.scenes for spec in scene.layers if spec.type == kind)


def drawn(program: Program, at: str, lit: bool = False) -> np.ndarray:
    """The frame of harry_and_booth at story time `at`, at the show's pace, x by y by rgb."""
    headless()
    line = harry_and_booth(program.timeline, lit)
    surface = one_frame(line, SMALL, state_at(line, parse_clock(at), program.clock),
                        shared_made(), pace=program.clock)
    return pygame.surfarray.array3d(surface).astype(int)


def booth_bars(frame: np.ndarray) -> np.ndarray:
    """Where the booth's aluminium frame is (its bars' own colour, lit or dark)."""
    return np.all(frame == booth_glass.METAL, axis=2) | np.all(frame == booth_dark.METAL, axis=2)


def harry(frame: np.ndarray) -> tuple[int, int, int, int]:
    """Harry's left and right columns, his head's top row and his feet's row."""
    red = (frame[..., 0] > 2 * frame[..., 1] + 60) & (frame[..., 0] > 2 * frame[..., 2] + 60)
    xs, ys = np.nonzero(red)
    assert xs.size > 50, "Harry is in the picture"
    return int(xs.min()), int(xs.max()), int(ys.min()), int(ys.max())


def test_harry_sets_off_for_the_booth_from_where_he_stood(tmp_path: Path) -> None:
    """Where Harry stops looking in at the glass and goes to the phone (one figure handing him
    to the next), he stays where he stood between two frames."""
    program = at_day_length(DAY_LENGTHS[0], tmp_path)
    stood, sets_off = (harry(drawn(program, at)) for at in HANDOFF)
    assert max(abs(a - b) for a, b in zip(stood, sets_off, strict=True)) <= DRIFT, (
        stood, sets_off)


def grown(mask: np.ndarray, reach: int) -> np.ndarray:
    """The mask with every pixel within `reach` (across and down) of it."""
    out = mask.copy()
    for step in range(1, reach + 1):
        for axis in (0, 1):
            out |= np.roll(mask, step, axis) | np.roll(mask, -step, axis)
    return out


def test_harry_looks_in_with_his_head_against_the_lit_glass(tmp_path: Path) -> None:
    """Standing at the diner, Harry's head is seen against its lit panes, under the roof's
    edge (at the stone wall the roof's lit edge ended at his throat, the dark sky round his
    head): most of a band round his head, past his rim light, is the glass's grey-green."""
    program = at_day_length(DAY_LENGTHS[0], tmp_path)
    alone = drawn(program, LOOKS_IN)
    red = (alone[..., 0] > 2 * alone[..., 1] + 60) & (alone[..., 0] > 2 * alone[..., 2] + 60)
    _left, _right, top, feet = harry(alone)
    head = red.copy()
    head[:, top + round(HEAD * (feet - top)):] = False
    band = grown(head, BAND[1]) & ~grown(head, BAND[0])
    band[:, top + round(HEAD * (feet - top)):] = False
    headless()
    surface = one_frame(program.timeline, SMALL,
                        state_at(program.timeline, parse_clock(LOOKS_IN), program.clock),
                        shared_made(), pace=program.clock)
    shown = pygame.surfarray.array3d(surface).astype(int)[band]
    r, g, b = shown.T
    glass = (g > GLASS_GREEN[0]) & (g > r + GLASS_GREEN[1]) & (g > b + GLASS_GREEN[1])
    assert glass.mean() > GLASS_AROUND, glass.mean()
