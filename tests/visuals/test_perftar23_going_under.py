"""Going under (10:39-10:41 at 1080), the mother's collar for each step down (~21 pieces) is made
ahead over the ~8 frames before it, so the frame she sinks a step on works none of it out (one
piece a frame left ~11 of them to that frame: 2-4 ms more, one frame in eight)."""

from __future__ import annotations

from installation.visuals.silhouette_ahead import BESIDES, MOST_A_FRAME, CollarShare

PACE = 0.3  # story seconds a frame at 10:39 (18 story seconds a real second, 60 frames)
STEP = 2.7  # story seconds between her steps down then (~9 frames)
COLLAR = 21  # pieces of a collar and coat at 1080


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
