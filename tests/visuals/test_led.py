"""A small child led by the hand (a figures layer's `led`): across Wilshire at first light a
mother runs with her daughter, their hands meeting in every frame while both run; the girl is
smaller, takes quicker steps, now and then stumbles a step behind, and grows with her mother
as they come nearer."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pygame

from installation.commands.common import load_inputs
from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.carried import grip
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures, Member
from installation.visuals.render import headless

ROOT = Path(__file__).resolve().parents[2]
PICTURE = (1920, 1080)
ACROSS = "05:05"  # the scene they run across Wilshire in
RUN = (3.1, 13.8)  # real seconds after they set off (their layer's `from`) they are in sight
STEP = 1.0  # real seconds between frames looked at
NEAR = 1  # pixels: the two hands meet this near (the fists' middles)
SEEN = 90  # pixels: the mother is at least this tall while they cross


def _layer() -> tuple[Figures, list[Frame]]:
    """The shipped day's mother and daughter, and frames a real second apart as they cross."""
    headless()
    program = load_inputs(argparse.Namespace(config=ROOT / "config.toml",
                                              timeline=ROOT / "timelines" / "miracle-mile.toml"))
    line, pace = program.timeline, program.clock
    scene = next(one for one in line.scenes if one.at == parse_clock(ACROSS))
    index = next(n for n, spec in enumerate(scene.layers)
                 if spec.type == "figures" and spec.params["led"] and
                 spec.params["body"] == "woman")
    compositor = Compositor(line, PICTURE, print, pace)
    layer = Figures(scene.layers[index].params, compositor.setup(scene, index, "figures"))
    frames = []
    real = RUN[0]
    while real <= RUN[1]:
        state = state_at(line, story_after(pace, scene.layers[index].params["from"], real), pace)
        frames.append(Frame(state.story_time, state.scene_seconds, state))
        real += STEP
    return layer, frames


def _alone(layer: Figures, member: Member) -> pygame.Surface:
    """One member drawn alone, where the layer draws them, on a clear picture."""
    surface = pygame.Surface(PICTURE, pygame.SRCALPHA)
    surface.fill((0, 0, 0, 0))
    whole, at = layer.sprites.get(member.pose, member.phase, member.left, member.look)
    sprite, feet = layer.depth.sized(whole, at, member.share)
    surface.blit(sprite, (round(member.feet[0] - feet[0]), round(member.feet[1] - feet[1])))
    return surface


def _fist(layer: Figures, member: Member, side: int) -> tuple[float, float]:
    """Where a member's fist (near: 0, far: 1) closes in the picture, on the drawn pose."""
    steps = layer.sprites.steps(member.pose)
    body = layer.sprites.body(member.pose, int(member.phase % 1.0 * steps) / steps, 0.0,
                              member.look.outfit)
    x, y = grip(body, side)
    tall = member.look.height * member.share
    return (member.feet[0] + (-x if member.left else x) * tall, member.feet[1] - y * tall)


def _shown(surface: pygame.Surface, point: tuple[float, float]) -> bool:
    """Is the figure drawn at `point` (or the pixel next to it)?"""
    alpha = pygame.surfarray.pixels_alpha(surface)
    x, y = round(point[0]), round(point[1])
    return bool(alpha[x - 1:x + 2, y - 1:y + 2].max() > 128)


def _tall(surface: pygame.Surface, ground: float) -> int:
    """How tall someone drawn on `surface` is: from the top of their head down to the ground
    they run on (to their lowest pixel, a runner in the air between strides measured short)."""
    rows = np.nonzero(pygame.surfarray.pixels_alpha(surface).max(axis=0) > 128)[0]
    return round(ground - rows[0]) if len(rows) else 0


def test_the_hands_meet_in_every_frame_while_they_run() -> None:
    """A real second apart, all the way across: the mother's near hand and the girl's raised
    hand close at the same spot, and both are drawn there."""
    layer, frames = _layer()
    crossing = 0
    for frame in frames:
        mother, girl = layer.members(frame)
        assert (mother.pose, girl.pose[:7]) == ("run", "run-led"), frame.story_time
        hand, held = _fist(layer, mother, 0), _fist(layer, girl, 1)
        assert np.hypot(hand[0] - held[0], hand[1] - held[1]) <= NEAR, (frame.story_time,
                                                                        hand, held)
        if 0 <= hand[0] < PICTURE[0]:
            crossing += 1
            assert _shown(_alone(layer, mother), hand), "her hand is drawn there"
            assert _shown(_alone(layer, girl), held), "and the girl's"
    assert crossing >= 8, "they are in the picture for several real seconds"


def test_the_girl_is_smaller_and_grows_with_her_mother() -> None:
    """Far (just in) and near (about to leave), the girl is about SIZE of her mother's height,
    and both are taller near than far; the mother is big enough to read."""
    layer, frames = _layer()
    tall = []
    for frame in (frames[0], frames[-1]):
        mother, girl = (_tall(_alone(layer, one), one.feet[1]) for one in layer.members(frame))
        assert 0.4 < girl / mother < 0.7, (girl, mother)
        tall.append((mother, girl))
    (far_mother, far_girl), (near_mother, near_girl) = tall
    assert far_mother >= SEEN
    assert near_mother > 1.1 * far_mother and near_girl > 1.1 * far_girl, tall


def test_the_girl_takes_quicker_steps_and_now_and_then_stumbles() -> None:
    """Over her mother's strides the girl's legs go round twice as often (her feet in the same
    place half her mother's stride later), and in some strides she falls back and pitches
    forward (a stumbling pose), in others not."""
    layer, frames = _layer()
    poses = {layer.members(frame)[1].pose for frame in frames}
    assert poses == {"run-led", "run-led-stumble"}, poses
    mother = layer.members(frames[0])[0]
    outfit = layer.members(frames[0])[1].look.outfit
    steps = layer.sprites.steps("run-led")
    moved = []
    for k in range(0, steps // 2, 4):
        now, later = (layer.sprites.body("run-led", t, 0.0, outfit)
                      for t in (k / steps, k / steps + 0.5))
        knees = [(body.joints["knee0"], body.joints["knee1"]) for body in (now, later)]
        assert np.allclose(knees[0], knees[1], atol=0.02), k
        hers = [layer.sprites.body("run", t, 0.0, mother.look.outfit).joints["knee0"]
                for t in (k / steps, k / steps + 0.5)]
        moved.append(float(np.hypot(*np.subtract(hers[0], hers[1]))))
    assert max(moved) > 0.1, "her mother's knee is elsewhere half a stride on"
