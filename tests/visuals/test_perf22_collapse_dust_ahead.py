"""The falling tower's dust made ahead (perf22): each new picture of the cloud (its puffs laid
and scaled up over a third of the picture, ~1.3 ms at 1920x1080) is made on the frames before
its step, so the frame the dust moves on only paints it (at 06:10 those frames were the
Ash's slowest)."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

from installation.core.timeline import state_at
from installation.visuals import collapse_dust
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .test_ash_collapse_quick import _ruins
from .test_collapse import FALLS, LINE, SIZE

FPS = 60
SECONDS = 12.0  # the crack, the billowing (10 steps a second) and some of the drift (5)


def test_no_frame_the_dust_moves_on_makes_its_picture(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 60 fps through the fall and the billowing, every frame on which the dust's step
    changes (but the crack's first, small puff) finds its cloud made: none is laid and
    scaled up on it."""
    headless()
    compositor = Compositor(LINE, SIZE, print)
    ruins = _ruins(compositor)
    assert ruins.collapse is not None
    made_on: list[int] = []  # the frame each cloud picture was finished on
    number = [0]
    making = collapse_dust.cloud

    def noted(*args: Any) -> Any:
        made = making(*args)
        if not isinstance(made, Generator):
            made_on.append(number[0])
            return made
        return _finishing(made)

    def _finishing(made: Generator[None, None, Any]) -> Generator[None, None, Any]:
        out = yield from made
        made_on.append(number[0])
        return out

    monkeypatch.setattr(collapse_dust, "cloud", noted)
    was = None
    stepped = []  # the frames the dust's step changed on
    for number[0] in range(-FPS // 10, int(SECONDS * FPS)):  # (from before the crack)
        now = ruins.look(compositor.frame(state_at(LINE, FALLS + number[0] / FPS)))
        if was is not None and was != now:
            ruins.changed(was, now)  # (as the background asks: the clouds of both)
        dust = now.collapse.dust if now.collapse is not None else -1
        if dust >= 0 and (was is None or was.collapse is None or was.collapse.dust != dust):
            stepped.append(number[0])
        was = now
    assert len(stepped) > 100
    late = [n for n in stepped[1:] if n in made_on]
    assert not late, f"{len(late)} of {len(stepped)} steps made their cloud on their frame"
