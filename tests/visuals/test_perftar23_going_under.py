"""Going under (10:39-10:41 at 1080), the mother's collar for each step down (~21 pieces) is made
ahead over the ~8 frames before it, so the frame she sinks a step on works none of it out (one
piece a frame left ~11 of them to that frame: 2-4 ms more, one frame in eight); and her poses
are built ahead in short pieces."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pygame
import pytest

from installation.visuals import silhouette
from installation.visuals.render import headless
from installation.visuals.silhouette import Silhouette
from installation.visuals.silhouette_ahead import BESIDES, MOST_A_FRAME, CollarShare

from .helpers import compositor_finding, shipped_program

PACE = 0.3  # story seconds a frame at 10:39 (18 story seconds a real second, 60 frames)
STEP = 2.7  # story seconds between her steps down then (~9 frames)
COLLAR = 21  # pieces of a collar and coat at 1080
SCENE = "The sun comes back to the tar pits"
SMALL = (320, 180)  # her poses built small (the same pieces)


def frames_to_make(share: CollarShare, first: float) -> tuple[int, int]:
    """The frames from her last step (the next `first` story seconds on) until a collar's
    pieces are all made ahead, and the frames there are before the next step."""
    time, wait, made, frames = first, STEP, 0, 0
    while made < COLLAR + BESIDES and wait > 0:
        time += PACE
        wait -= PACE
        share.frame(time)
        for _ in range(share.pieces(wait)):
            share.made()
            made += 1
        frames += 1
    return frames, int(STEP / PACE)


def test_a_collar_is_made_ahead_before_her_next_step() -> None:
    share = CollarShare()
    share.frame(0.0)
    share.stepped(0)  # her first step seen: what a collar takes not known yet
    frames_to_make(share, 0.0)
    share.stepped(COLLAR)  # the next: a collar took COLLAR pieces
    made_in, frames = frames_to_make(share, STEP)
    assert made_in < frames, f"made in {made_in} frames of {frames}"


def test_a_frame_makes_a_few_pieces_at_most() -> None:
    share = CollarShare()
    share.frame(0.0)
    share.stepped(0)
    share.stepped(10 * COLLAR)  # (a long collar: spread thinly, still a few a frame)
    share.frame(PACE)
    assert share.pieces(PACE) == MOST_A_FRAME


def test_her_turned_pose_and_its_finish_are_pieces_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built ahead, each of the 10:30 mother's poses is turned (~5 ms at 1080) in a piece of its
    own: the first step of its finish in the sun (her rim light) in the next, not with it
    (6-9 ms of a building frame)."""
    turned, lit = [0], [0]
    rotate, light = pygame.transform.rotate, silhouette.sunlit

    def turning(*args: Any) -> pygame.Surface:
        turned[-1] += 1
        return rotate(*args)

    def lighting(*args: Any) -> Generator[None, None, None]:
        lit[-1] += 1
        yield from light(*args)
    monkeypatch.setattr(pygame.transform, "rotate", turning)
    monkeypatch.setattr(silhouette, "sunlit", lighting)
    headless()
    line = shipped_program().timeline
    scene = next(scene for scene in line.scenes if scene.name == SCENE)
    index = next(n for n, spec in enumerate(scene.layers)
                 if spec.type == "silhouette" and spec.params["shape"] == "mammoth")
    setup = compositor_finding(line, SMALL, None, print).setup(scene, index, "silhouette")
    for _ in Silhouette.__new__(Silhouette).pieces(scene.layers[index].params, setup):
        turned.append(0)
        lit.append(0)
    assert sum(turned) > 2 and sum(lit) > 2  # (her rest and her poses: turned and lit)
    assert not any(a and b for a, b in zip(turned, lit, strict=True)), "turned and lit at once"
