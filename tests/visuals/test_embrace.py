"""A couple's embrace reads as one: each near arm goes round the other, over their back, each
far arm is hidden behind them, and no hand pokes out through a body."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import OLD_GAP, Figures, Member
from installation.visuals.poses import PARTNER
from installation.visuals.render import headless
from installation.visuals.sprite_cache import Sprites
from installation.visuals.wardrobe import OUTFITS

from .helpers import NO_POST, draw, layer, one_scene

BIG = (640, 360)
GREY = layer("sky", top="#808080", bottom="#808080", stars=0, sun=False, clouds=0)
MOMENTS = ("12:00:00", "12:00:01.5", "12:00:03", "12:00:04.5")  # through a sway (6 s)
LIT = 200  # a rim's white, over dark bodies and a grey sky
OPAQUE = 240  # a sprite's solid pixels (its edges are soft)
HAND = 0.03  # of the height: what a hand may show past a back


def couple(body: str = "couple") -> str:
    return layer("figures", pose="embrace", body=body, speed=0, count=2, spacing=0, scale=0.8,
                 color="#000000", rim="#ffffff") + "path = [[0.5, 0.9]]\n"


def test_no_hand_pokes_out_past_a_partners_back() -> None:
    """Above the hips the pair are no wider than they stand at their feet: the arms go round,
    not through and out the other side."""
    line = one_scene(GREY + couple() + NO_POST)
    for at in MOMENTS:
        frame = pygame.surfarray.array3d(draw(line, at, size=BIG)).astype(int)
        pair = (frame.max(axis=2) < 40) | (frame.min(axis=2) > LIT)  # dark, or their rim
        rows = np.nonzero(pair.any(axis=0))[0]
        hips = (rows.min() + rows.max()) // 2

        slack = HAND * (rows.max() - rows.min())
        assert widest(pair, rows.min(), hips) <= widest(pair, hips, rows.max() + 1) + slack, at


def widest(mask: np.ndarray, top: int, bottom: int) -> int:
    """The widest a mask spans across, from its leftmost pixel to its rightmost, on any row
    from `top` to `bottom`."""
    spans = [np.nonzero(mask[:, y])[0] for y in range(top, bottom)]
    return max(int(s.max() - s.min()) for s in spans if s.size)


def test_each_near_arm_lies_over_the_partner_and_each_far_arm_behind() -> None:
    """Where his nearer arm crosses her body, its lit edge is seen over her back (and hers over
    his); where a far arm passes behind the other, its lit edge is not seen at all."""
    headless()
    line = one_scene(GREY + couple() + NO_POST)
    scene = line.scenes[0]
    pair = Figures(scene.layers[1].params, Compositor(line, BIG, print).setup(scene, 1,
                                                                             "figures"))
    for at in MOMENTS:
        state = state_at(line, parse_clock(at))
        lit = pygame.surfarray.array3d(draw(line, at, size=BIG)).min(axis=2) > LIT
        him, her = pair.members(Frame(state.story_time, state.scene_seconds, state))
        for one, other in ((him, her), (her, him)):
            # On the other's body, clear of the other's own near arm (where arms cross, one
            # is on top).
            theirs = placed(pair, other, "body") & ~placed(pair, other, "near", alpha=0)
            over = placed(pair, one, "near", edge=True) & theirs
            under = placed(pair, one, "far", edge=True) & theirs
            assert over.sum() > 10 and lit[over].all(), f"{at}: the near arm round, over"
            assert under.any() and not lit[under].any(), f"{at}: the far arm behind"


def placed(pair: Figures, member: Member, part: str, edge: bool = False,
           alpha: int = OPAQUE) -> np.ndarray:
    """Where one part of a member is in the picture: its pixels more opaque than `alpha`, or
    (edge) its lit ones."""
    sprite, feet = pair.sprites.get(member.pose, member.phase, member.left, member.look,
                                    member.turn, part)
    pixels = pygame.surfarray.array3d(sprite).min(axis=2) > LIT if edge else True
    solid = (pygame.surfarray.array_alpha(sprite) > alpha) & pixels
    out = np.zeros(BIG, dtype=bool)
    x, y = round(member.feet[0] - feet[0]), round(member.feet[1] - feet[1])
    w, h = solid.shape
    out[x:x + w, y:y + h] = solid[:BIG[0] - x, :BIG[1] - y]
    return out


UPRIGHT = 30  # degrees from upright: the most an embracing old back may lean, at the shoulders
HEADS = 0.2  # of a height: how close their heads are


def test_an_old_couple_hold_each_other_upright_heads_close() -> None:
    """Ivan and Lucy in each other's arms straighten up: neither back bends forward more than
    UPRIGHT at the shoulders whenever they hold each other (held, closer, her hand to his
    cheek, back again: a bow from the waist reads as a bow, not an embrace), and their heads
    stay close together (both at the same point of their embrace's arc)."""
    sprites = Sprites("elders")
    ivan, lucy = OUTFITS["ivan"], OUTFITS["lucy"]
    for t in (0.0, 0.2, 0.36, 0.49, 0.8, 0.95):
        him = sprites.body("embrace", t, 0.0, ivan)
        her = sprites.body(PARTNER["embrace"], t, 0.0, lucy)
        for one in (him, her):
            assert math.degrees(one.lean + one.hunch) <= UPRIGHT, f"{t}: upright, not bowed"
        # She faces him from OLD_GAP heights away (the pair's height is the layer's).
        his = (him.head[0] * ivan.stature, him.head[1] * ivan.stature)
        hers = (OLD_GAP - her.head[0] * lucy.stature, her.head[1] * lucy.stature)
        assert math.dist(his, hers) < HEADS, f"{t}: heads close"
