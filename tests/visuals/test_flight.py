"""Runs that break step: a runner who glances back over the shoulder (her ponytail swinging
round to the front as her face turns away), one who stumbles (pitched forward, the hands
flung out ahead of the head) and runs on; the feet planted as a run plants them; and the
first light's left pavement has one of each."""

from __future__ import annotations

import numpy as np
import pygame
from day_config import SHIPPED

from installation.core.timeline import load_timeline
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.flight import GLANCE, TRIP
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.sprite_cache import Sprites
from installation.visuals.strides import RUNS_IN
from installation.visuals.wardrobe import Outfit

TALL = 100  # pixels: a near runner on the pavement
DARK = (20, 20, 24)
SHOWN = 128  # alpha: a pixel this opaque shows
RUNNER = Outfit("ponytail", "none", "tank", 0.84, 0.96)
SWINGS = 2  # pixels: the head's pixels swing round this far as she looks back
FLUNG = 8  # pixels: pitched forward, the face is this much further ahead (the hands twice)
CHIN = 0.03  # of a height: the chin, below the skull's middle


def _shown(name: str, t: float) -> tuple[np.ndarray, tuple[int, int]]:
    headless()
    sprite, feet = sprite_for(pose(name, t), Look(TALL, DARK, None, outfit=RUNNER), False)
    return pygame.surfarray.array_alpha(sprite) >= SHOWN, (round(feet[0]), round(feet[1]))


def _head_middle(name: str, t: float) -> float:
    """Across (pixels) from the skull's middle to the middle of the head's pixels."""
    body = pose(name, t)
    shown, feet = _shown(name, t)
    top = round(feet[1] - (body.head[1] - CHIN) * TALL)
    xs, _ys = np.nonzero(shown[:, :top])
    return float(xs.mean()) - feet[0] - body.head[0] * TALL


def test_a_runner_glances_back_over_her_shoulder_and_ahead_again() -> None:
    """Running, her head turns back (the ponytail, behind her as she looks ahead, swings
    round in front) and comes round ahead again within the cycle."""
    looking = (GLANCE[1] + GLANCE[2]) / 2
    ahead, back = _head_middle("run-glance", 0.0), _head_middle("run-glance", looking)
    assert back - ahead >= SWINGS, (ahead, back)
    assert abs(_head_middle("run-glance", GLANCE[3] + 0.05) - ahead) < SWINGS


def _front(name: str, t: float) -> tuple[int, int]:
    """The foremost showing pixel across (from the feet) of the rows at the head's height,
    and of the rows below it down to the hips."""
    body = pose(name, t)
    shown, feet = _shown(name, t)
    head = round(feet[1] - body.head[1] * TALL)
    hip = round(feet[1] - body.joints["hip"][1] * TALL)
    rows = [np.nonzero(shown[:, a:b].any(axis=1))[0].max() - feet[0]
            for a, b in ((head - 4, head + 4), (head + 4, hip))]
    return int(rows[0]), int(rows[1])


def test_a_runner_stumbles_the_hands_flung_out_ahead_and_runs_on() -> None:
    """At the stumble's worst the body is pitched forward (the face further ahead than a
    runner's at that point of the stride) and the hands flung out further still; a stride
    before and after, running as anyone runs."""
    strides = RUNS_IN["run-stumble"]
    (face, hands), (plain_face, plain_hands) = (
        _front("run-stumble", TRIP[1]), _front("run", TRIP[1] * strides % 1.0))
    assert face - plain_face >= FLUNG and hands - plain_hands >= 2 * FLUNG, (face, hands)
    for t in (0.1, 0.95):
        assert _front("run-stumble", t) == _front("run", t * strides % 1.0), t


def test_the_feet_are_where_a_run_sets_them_down() -> None:
    """Glancing or stumbling, each ankle is where the plain run puts it at that point of its
    stride (a planted foot never slides on the ground)."""
    for name in RUNS_IN:
        for n in range(64):
            t = n / 64
            varied, plain = pose(name, t), pose("run", t * RUNS_IN[name] % 1.0)
            for side in (0, 1):
                joint, base = (one.joints[f"ankle{side}"] for one in (varied, plain))
                assert np.allclose(joint, base, atol=1e-9), (name, t, side)


def test_first_light_left_pavement_has_a_glance_back_and_a_stumble() -> None:
    """05:05, across Wilshire at first light: among the runners down the left pavement one
    glances back and one stumbles."""
    scene = next(one for one in load_timeline(SHIPPED).scenes
                 if one.name == "Across Wilshire at first light")
    poses = {layer.params["pose"] for layer in scene.layers if layer.type == "figures"}
    assert {"run-glance", "run-stumble"} <= poses


def test_a_coyote_given_a_broken_run_runs_as_a_coyote() -> None:
    """A coyote layer set to run-glance or run-stumble (a person's runs) runs as a coyote
    does, not a traceback."""
    coyotes = Sprites("coyote")
    for name in RUNS_IN:
        assert coyotes.body(name, 0.3, 0.0) == coyotes.body("run", 0.3, 0.0)
