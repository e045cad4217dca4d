"""In his dream (02:00-03:50) Harry walks in once and stops short of her to look up at her
(never off one edge and back in at the other), and reads against the night; he stands clear
of her (under her belly, between legs she heaves out of the tar, he read as about to be
trodden on), in the tar's edge, mirrored in it, and her trunk never touches him."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame
from day_config import ROOT, SHIPPED

from installation.core.config import load_config
from installation.core.program import Program
from installation.core.timeline import state_at
from installation.core.timeline.loader import parse_timeline
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (960, 540)
DREAM = "02:00"
REAL = range(0, 132, 2)  # real seconds into the dream looked at (it lasts about 132)
CHEST = 0.065  # of the picture, above his feet: his chest
BESIDE = 0.02  # of the width: the night beside him, to his left (between her legs)
READS = 30  # levels (0 to 255) his body is lighter than the night beside him, at the least
#            (in the dark blue he wore he was darker than it: a hole in the night; then only
#            6 to 20 lighter, lost in it from across the room)


def test_harry_walks_across_his_dream_once() -> None:
    """Wherever he is, he is further right than he ever was before (he never comes back
    in at the left); he is seen all through 03:20 to 03:48."""
    program = shipped_program()
    headless()
    line = program.timeline
    scene = next(one for one in line.scenes if one.name == "Dream")
    compositor = Compositor(line, SIZE, lambda _message: None, program.clock)
    layers = [Figures(spec.params, compositor.setup(scene, index, "figures"))
              for index, spec in enumerate(scene.layers) if spec.type == "figures"]
    seen = []
    for real in REAL:
        at = story_after(program.clock, parse_clock(DREAM), real)
        state = state_at(line, at, program.clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        xs = [member.feet[0] for layer in layers for member in layer.members(frame)]
        assert len(xs) <= 1, (real, xs)
        seen.append((at, xs[0] if xs else None))
    places = [x for _at, x in seen if x is not None]
    assert all(b >= a for a, b in zip(places, places[1:], strict=False)), places
    assert all(x is not None for at, x in seen
               if parse_clock("03:20") <= at <= parse_clock("03:48")), seen


def test_in_his_dream_he_reads_against_the_night() -> None:
    """Under her (03:10, standing; 03:30, setting off on) his chest is clearly lighter than
    the night just to his left: dark blue on the dark, faintly edged, he was lost from across
    the room."""
    program = shipped_program()
    headless()
    compositor = Compositor(program.timeline, SIZE, lambda _message: None, program.clock)
    for at in ("03:10", "03:30"):  # (one compositor: the dream is built once)
        state = state_at(program.timeline, parse_clock(at), program.clock)
        picture = pygame.Surface(SIZE)
        compositor.draw(picture, state)
        [feet] = [member.feet for i, spec in enumerate(state.scene.layers)
                  if spec.type == "figures" for member in Figures(
                      spec.params, compositor.setup(state.scene, i, "figures")).members(
                      Frame(state.story_time, state.scene_seconds, state))]
        shade = pygame.surfarray.array3d(picture).astype(float).mean(axis=2)
        x, y = round(feet[0]), round(feet[1] - CHEST * SIZE[1])
        him = shade[x - 2:x + 3, y - 3:y + 4].mean()
        night = shade[x - round(BESIDE * SIZE[0]) - 2:x - round(BESIDE * SIZE[0]) + 3,
                      y - 3:y + 4].mean()
        assert him - night >= READS, (at, him, night)


TAR = 0.8  # the tar's edge, where she stands (of the picture's height)
SEEN = 12  # a pixel of him: his picture differs from the dream's without him by this (summed)
HERS = 70  # a pixel of her: its blue above this (the night's is below 40)
GAP = 8  # pixels (of 960): her trunk's tip and her hair never nearer to him than this
PASSING = range(96, 131, 3)  # real seconds into the dream: 03:20 to 03:49, every 3 s


def dream_without(*kinds: str) -> Program:
    """The shipped day with the dream's layers of these types left out."""
    text = SHIPPED.read_text()
    start = text.index('name = "Dream"')
    end = text.index("[[scene]]", start)
    blocks = text[start:end].split("[[scene.layers]]")
    kept = [blocks[0], *(block for block in blocks[1:]
                         if not any(block.lstrip().startswith(f'type = "{kind}"')
                                    for kind in kinds))]
    text = text[:start] + "[[scene.layers]]".join(kept) + text[end:]
    return Program(load_config(ROOT / "config.toml"), parse_timeline(text, str(SHIPPED), SHIPPED))


@cache
def pictures(reals: range) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """At each real second into the dream: the dream, the dream without him, and her alone
    (without him and the motes), indexed [x, y] (drawn once for the file: not to be drawn
    on)."""
    headless()
    programs = (shipped_program(), dream_without("figures"),
                dream_without("figures", "particles"))
    compositors = [Compositor(p.timeline, SIZE, lambda _message: None, p.clock)
                   for p in programs]
    out = []
    for real in reals:
        frames = []
        for program, compositor in zip(programs, compositors, strict=True):
            at = story_after(program.clock, parse_clock(DREAM), real)
            picture = pygame.Surface(SIZE)
            compositor.draw(picture, state_at(program.timeline, at, program.clock))
            frames.append(pygame.surfarray.array3d(picture).astype(int))
        out.append((frames[0], frames[1], frames[2]))
    return out


def him_and_her(full: np.ndarray, bare: np.ndarray,
                alone: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """His pixels above the tar (not his reflection), and hers above her feet (not the moon's,
    far left of her)."""
    edge = round(TAR * SIZE[1])
    him = np.abs(full - bare).sum(axis=2) > SEEN
    him[:, edge:] = False
    her = alone[..., 2] > HERS
    her[:, edge - round(0.03 * SIZE[1]):] = False
    her[:round(0.36 * SIZE[0])] = False
    return him, her


def test_her_trunk_never_touches_him() -> None:
    """From 03:20 to the dream's end, every 3 s, as he stands under her and walks on under her
    head, there is night between him and her: her trunk's tip never ends on his head (it read
    as her holding it, or a slip of the pen), nor her hair. (Passing behind one of her legs,
    he is hidden by it: the columns of her legs, and beside them, are left out.)"""
    for real, frames in zip(PASSING, pictures(PASSING), strict=True):
        him, her = him_and_her(*frames)
        edge = round(TAR * SIZE[1])
        legs = her[:, edge - round(0.06 * SIZE[1]):edge - round(0.03 * SIZE[1])].any(axis=1)
        legs = np.convolve(legs, np.ones(2 * GAP + 1), mode="same") > 0  # and beside them
        her[legs], him[legs] = False, False
        ours, hers = np.argwhere(him), np.argwhere(her)
        if not ours.size:
            continue
        hers = hers[np.abs(hers[:, 0] - ours[:, 0].mean()) < 4 * GAP + np.ptp(ours[:, 0])]
        if hers.size:
            gap = np.sqrt(((ours[:, None, :] - hers[None, :, :]) ** 2).sum(axis=2)).min()
            assert gap >= GAP, f"{real} s into the dream: {gap:.1f} px between him and her"


def test_at_0325_he_stands_clear_of_her_in_the_tar_mirrored() -> None:
    """At 03:25 he stands clear of her, left of her rump, nothing of her over his head (as
    she heaves her legs out of the tar); his feet at her feet's line, in the tar's edge (not
    on its face in front of her), and the tar mirrors him below them."""
    full, bare, alone = pictures(PASSING)[PASSING.index(102)]  # (03:25: drawn for the above)
    him, her = him_and_her(full, bare, alone)
    xs, ys = np.flatnonzero(him.any(axis=1)), np.flatnonzero(him.any(axis=0))
    body = np.flatnonzero(her.any(axis=1))
    assert xs[-1] < body[0], f"him {xs[[0, -1]]}, her {body[[0, -1]]}"
    edge = round(TAR * SIZE[1])
    assert edge - ys[-1] <= 2, f"his feet {ys[-1]}, the tar's edge {edge}"
    mirror = np.abs(full - bare).sum(axis=2)[xs[0]:xs[-1] + 1, edge + 2:edge + 20]
    assert (mirror > SEEN // 2).sum() > 10, "his reflection in the tar"
