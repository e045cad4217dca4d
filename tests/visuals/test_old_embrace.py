"""The old couple's embrace (OldEmbrace) is a figures layer given its poses through Figures'
public hook (PoseSource), never by reaching into Figures' private methods."""

from __future__ import annotations

import inspect
import re

import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals import old_embrace
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures, PoseSource
from installation.visuals.old_embrace import OldEmbrace
from installation.visuals.poses import PARTNER
from installation.visuals.render import headless

from .helpers import NO_POST, layer, one_scene

PAIR = layer("figures", pose="embrace", body="couple", speed=0, count=2, spacing=0, scale=0.8,
             color="#ffffff") + "path = [[0.5, 0.9]]\n"
DARK = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)


def _private_of_figures() -> set[str]:
    """Figures' underscore names: its methods and what it keeps on itself."""
    source = inspect.getsource(Figures)
    return ({name for name in vars(Figures) if name.startswith("_")
             and not name.startswith("__")} | set(re.findall(r"self\.(_\w+)", source)))


def test_the_old_couple_override_and_call_no_private_name_of_figures() -> None:
    private = _private_of_figures()
    assert "_standing" in private and "_phases" in private  # (the check sees them)
    assert not private & set(vars(OldEmbrace)), "OldEmbrace overrides no private method"
    used = set(re.findall(r"\.(_\w+)", inspect.getsource(old_embrace)))
    assert not private & used, "nor calls or reads one"


def pair_at(poses: PoseSource | None, at: str) -> bytes:
    """The couple drawn over the dark at `at`, posed by `poses` (None: their own sway)."""
    headless()
    line = one_scene(DARK + PAIR + NO_POST)
    compositor = Compositor(line, (320, 180), print)
    setup = compositor.setup(line.scenes[0], 1, "figures")
    pair = Figures(line.scenes[0].layers[1].params, setup, poses)
    state = state_at(line, parse_clock(at))
    surface = pygame.Surface((320, 180))
    pair.draw(surface, Frame(state.story_time, state.scene_seconds, state, compositor.camera))
    return pygame.image.tobytes(surface, "RGB")


def test_a_pose_source_holds_a_couple_where_it_says() -> None:
    """Their own sway moves them from one second to the next; a pose source that holds them at
    one point of their embrace shows them still, the same at both moments."""
    assert pair_at(None, "12:00:01") != pair_at(None, "12:00:03")
    held = PoseSource({"embrace": 8, PARTNER["embrace"]: 8},
                      lambda _i, _frame: ("embrace", 0.25))
    assert pair_at(held, "12:00:01") == pair_at(held, "12:00:03")
