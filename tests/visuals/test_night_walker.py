"""Johnie's at night: the walker crossing the lot in front of Harry stays a man of his own,
never one black shape with him."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures

from .test_crowd_places import (
    FULL,
    SHIPPED,
    Pick,
    after,
    box,
    keyed_pixels,
    night_walker,
    paced,
    shipped_all,
)

# He passes Harry at the glass, real seconds into the scene (a fifth to a quarter of a second
# apart: from when his stride is over Harry; he and Harry walk in real seconds, whatever the
# pace gives the story's clock; the walker as tall as his depth says, at his pace over the
# ground, his outline lies over Harry from about 60.4 s to 61 s: he sets off 29 s in, so he
# is on the left of the lot, not over Harry, as Harry crosses to the phone).
CROSSING = (60.45, 60.6, 60.75, 60.9)
EDGE = 3  # pixels in from the walker's outline where his rim light shows
APART = 25  # levels the walker's edge over Harry stands apart from Harry just past it, at least
OVER = 40  # pixels of the walker's edge over Harry, at least, for a frame to count
JOHNNIES = "03:50"  # the scene's start
GLASS_FOOT = 0.8  # the diner's glass front stands on this row (of the picture's height)
STEP_IN_FRONT = 0.04  # Harry's feet within this of it, looking in
HARRY_TALL = 0.15  # of the picture: a standing man there (the lot's eye at 0.7), at most
NEARER = (1.9, 2.6)  # the walker, rows lower on the lot, this many times Harry's height: as
#                     the ground says (the lot's eye at 0.72, his feet at 0.94, Harry's at 0.82:
#                     about 2.2 times; at 1.2 he stood a head shorter than Harry at the booth,
#                     higher on the picture, and read as a child)


def crossing_times() -> list[float]:
    """The story times of the CROSSING, at the shipped pace."""
    return [after(JOHNNIES, real) for real in CROSSING]


def harry(figures: Figures) -> bool:
    return figures.params["body"] == "harry"


def alone(pick: Pick) -> list[np.ndarray]:
    """Where the people `pick` picks are, drawn alone at each CROSSING (the others left out)."""
    listed = Figures.members
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Figures, "members", lambda self, frame:
                      listed(self, frame) if pick(self) else [])
        return [keyed_pixels(one) for one in shipped_all(crossing_times(), pick, size=FULL,
                                                         words=False)]


@functools.cache
def crossing() -> tuple[list[np.ndarray], ...]:
    """At each CROSSING: the walker alone, Harry alone, the walker keyed among everyone, and
    the picture as shown (one compositor for each, drawing the four moments in turn)."""
    return (alone(night_walker), alone(harry),
            [keyed_pixels(one) for one in shipped_all(crossing_times(), night_walker, size=FULL,
                                                      words=False)],
            [one.max(axis=2) for one in shipped_all(crossing_times(), size=FULL, words=False)])


def around(mask: np.ndarray) -> np.ndarray:
    """The pixels within EDGE of `mask` along its rows, outside it."""
    grown = mask.copy()
    for step in range(1, EDGE + 1):
        grown[step:] |= mask[:-step]
        grown[:-step] |= mask[step:]
    return grown & ~mask


@pytest.mark.parametrize("at", CROSSING)
def test_the_night_walker_passes_in_front_of_harry_with_an_edge_of_light(at: float) -> None:
    """He is nearer than Harry (lower on the lot, larger), so drawn over him; and where his
    outline lies over Harry's black, the lot's light behind him catches its edge (his own
    outermost pixels): his edge stands apart from Harry just past it, lighter than Harry's
    black or darker than Harry's lit face and shoulder (at 60.45 s, since faces are a shade
    of skin), so the two silhouettes never merge in any frame of the crossing."""
    walkers, hims, overs, showns = crossing()
    i = CROSSING.index(at)
    walker, him, over, shown = walkers[i], hims[i], overs[i], showns[i]
    assert (walker & him).any(), f"{at} s in: the walker passes Harry"
    inner = walker & ~around(~walker)  # (his soft edge, blended with what is behind, left out)
    assert over[inner & him].all(), f"{at} s in: Harry drawn over the walker, who is nearer"
    edge = walker & around(~walker) & him
    assert edge.sum() >= OVER, f"{at} s in: the walker's outline crosses Harry"
    beside = np.median(shown[him & ~walker & around(walker)])  # Harry just past that edge
    assert abs(shown[edge].mean() - beside) >= APART, f"{at} s in: his edge is lost in Harry"


def test_harry_at_the_glass_is_as_tall_as_he_stands_there() -> None:
    """Harry looking in stands a step in front of the glass (his feet just below its foot), a
    man of that depth: a head over the diners sitting behind it, not a giant 2.5 times them;
    the walker, rows nearer, larger as his feet's depth says."""
    walkers, hims, _, _ = crossing()
    rows = np.flatnonzero(hims[0].any(axis=0))  # (masks are x, y: the picture's rows)
    walker = np.flatnonzero(walkers[0].any(axis=0))
    height = FULL[1]
    assert abs(rows[-1] / height - GLASS_FOOT) <= STEP_IN_FRONT, "his feet at the glass"
    assert len(rows) <= HARRY_TALL * height, f"Harry {len(rows)} px tall at the glass"
    assert NEARER[0] * len(rows) <= len(walker) <= NEARER[1] * len(rows), (
        f"the walker, nearer, {len(walker)} px tall by Harry's {len(rows)}")


TO_THE_PHONE = ("04:03:30", 9.0)  # Harry sets off for the phone, and walks this many real seconds


def test_the_night_walker_never_covers_harry_on_his_way_to_the_phone() -> None:
    """As Harry crosses the lot to the payphone the walker is elsewhere on it (at 04:04 he
    walked over Harry, half of him hidden behind a man twice his size)."""
    start, seconds = TO_THE_PHONE
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, FULL, print)
    scene = state_at(line, after(start, 0.0), paced(line)).scene
    layers = [Figures(spec.params, compositor.setup(scene, i, "figures"))
              for i, spec in enumerate(scene.layers) if spec.type == "figures"]
    for real in np.arange(0.0, seconds, 0.5):
        state = state_at(line, after(start, float(real)), paced(line))
        frame = Frame(state.story_time, state.scene_seconds, state)
        walkers = [box(one, m) for one in layers if night_walker(one) for m in one.members(frame)]
        harrys = [box(one, m) for one in layers if harry(one) for m in one.members(frame)]
        assert harrys, f"Harry in sight {real} s after {start}"
        assert not any(w.colliderect(h) for w in walkers for h in harrys), (
            f"{real} s after {start}: the walker over Harry")
