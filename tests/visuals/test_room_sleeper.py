"""Harry asleep is drawn as the show's other people are: a dark silhouette on the pillow whose
edge catches the light (the clock's red while it is lit), with a hand, not a pink pentagon
face on a dark disc and a pink disc for a hand."""

from __future__ import annotations

import numpy as np

from installation.visuals.room import HEAD_CENTRE, HEAD_LENGTH

from .helpers import NO_POST, frame_at, layer

SIZE = (960, 540)
ROOM = layer("room", digits="12:00", blink=1.0, cars=0) + NO_POST
LIT, DARK = 0.25, 0.75  # seconds into a blink: the figures on, then off
BED = (slice(int(0.37 * SIZE[0]), int(0.64 * SIZE[0])),  # right of the window, to the pillow
       slice(int(0.5 * SIZE[1]), int(0.66 * SIZE[1])))


def head(frame: np.ndarray) -> np.ndarray:
    """The pixels round his head."""
    reach = HEAD_LENGTH * SIZE[1] * 0.8
    x, y = HEAD_CENTRE[0] * SIZE[0], HEAD_CENTRE[1] * SIZE[1]
    return frame[int(x - reach):int(x + reach), int(y - reach):int(y + reach)].astype(int)


def test_no_skin_coloured_shapes_on_the_sleeper() -> None:
    """With the clock dark, nothing on the bed is the warm pink of a flat lit face or hand:
    his head and hand are dark silhouettes, as the show's people are."""
    bed = frame_at(ROOM, "00:00", DARK, SIZE)[BED].astype(int)
    pink = (bed[..., 0] - bed[..., 2] > 25) & (bed[..., 0] > 60)
    assert pink.sum() == 0, f"{pink.sum()} pink pixels"


def test_his_head_is_dark_against_the_pillow_with_a_lit_edge() -> None:
    """Most of his head is near black, and its edge towards the window is a line lighter than
    that (his profile against the dark wall): one flat colour shape had no edge of light."""
    near = head(frame_at(ROOM, "00:00", DARK, SIZE)).max(axis=2)
    assert (near < 20).sum() > 0.2 * near.size, "a dark silhouette"
    rows = [np.flatnonzero(near[x] < 20) for x in range(near.shape[0])]
    above = [near[x, r.min() - 3:r.min()].max() for x, r in enumerate(rows)
             if r.size and r.min() > 3]
    assert np.median(above) > near[:, :3].mean() + 8, "a lit edge along his profile"


def test_the_clocks_red_catches_his_edge_only_while_it_is_lit() -> None:
    lit, dark = (head(frame_at(ROOM, "00:00", s, SIZE)) for s in (LIT, DARK))
    red = lambda f: (f[..., 0] - f[..., 1]).max()  # noqa: E731
    assert red(lit) > red(dark) + 100
