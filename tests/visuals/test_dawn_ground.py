"""Across Wilshire at first light everyone runs on one ground: whoever's feet are lower in the
picture is the taller, whichever layer they run in (at 05:05 some were a fifth smaller than
others whose feet were higher); no two at one depth run into one tangle (at 05:06 two met
mid-road); a stumble is seen whole and near as it happens (at 05:08:54 the only arms out
were a coat held up, cut by the picture's edge, the stumble far off and too small to read); and
whoever runs out at the picture's edge leaves it alone (at 05:08:54 a near runner cut by the
right edge had a far one with a coat held up pasted on her shoulder)."""

from __future__ import annotations

from itertools import combinations, permutations

import pygame

from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.figures import Figures, Member
from installation.visuals.flight import TRIP
from installation.visuals.led import LED

from .helpers import placed, shipped_crowd

SIZE = (1920, 1080)
PICTURE = pygame.Rect((0, 0), SIZE)
DAWN, END = "Across Wilshire at first light", "05:12"
HORIZON = 0.56  # the scene's (its street's and every figures layer's), of the picture's height
GROUND = 0.1  # feet this much further below the horizon (of the other's) stand nearer: taller
EVERY = 4.0  # real seconds between the moments looked at, through the scene
SAME_DEPTH = 0.3  # feet this near (of the taller's height) stand at one depth
TANGLE = 0.1  # two at one depth whose drawn shapes overlap this share of the smaller's: one
NEAR = 0.15  # of the picture's height: someone this tall runs near the visitor
OUT = 0.25  # of someone's drawn width: this far out of the picture, they overlap nobody
Seen = tuple[Figures, Member, pygame.Rect]


def _box(layer: Figures, member: Member) -> pygame.Rect:
    """Where a member shows in the picture, at the size their depth draws them."""
    sprite, place = placed(layer, member)
    return sprite.get_bounding_rect().move(place)


def _people(start: str, seconds: float, step: float) -> list[list[tuple[Figures, Member]]]:
    """The grown-ups of the scene (not the children led by the hand), `step` real seconds
    apart for `seconds` from story time `start`."""
    crowd = shipped_crowd(DAWN)
    moments = []
    for n in range(round(seconds / step) + 1):
        frame = crowd.frame(story_after(crowd.program.clock, parse_clock(start), n * step))
        moments.append([(layer, m) for layer in crowd.layers for m in layer.members(frame)
                        if m.pose not in LED])
    return moments


def _seen(start: str, seconds: float, step: float) -> list[list[Seen]]:
    """The grown-ups showing in the picture, and where (see `_people`)."""
    return [[(layer, m, box) for layer, m in people
             if (box := _box(layer, m)).colliderect(PICTURE)]
            for people in _people(start, seconds, step)]


def _height(one: Seen) -> float:
    return one[1].look.height * one[1].share


def test_whoever_stands_lower_is_the_taller() -> None:
    crowd = shipped_crowd(DAWN)
    whole = crowd.program.clock.real_between(crowd.scene.at, parse_clock(END))
    horizon = HORIZON * SIZE[1]
    checked = 0
    for people in _people("05:05", whole - EVERY, EVERY):
        seen = [(layer, m, PICTURE) for layer, m in people if 0 <= m.feet[0] <= SIZE[0]]
        for near, far in permutations(seen, 2):
            if near[1].feet[1] - horizon > (1 + GROUND) * (far[1].feet[1] - horizon):
                checked += 1
                assert _height(near) > _height(far), (
                    f"{near[1].feet} {_height(near):.0f} px below {far[1].feet}, "
                    f"{_height(far):.0f} px")
    assert checked > 100, "many nearer and farther at once"


def test_no_two_at_one_depth_run_into_one_tangle_round_five_past_six() -> None:
    for step, people in enumerate(_seen("05:05:56", 5.0, 0.5)):
        for one, other in combinations(people, 2):
            tall = max(_height(one), _height(other))
            if one[0] is other[0] or abs(one[1].feet[1] - other[1].feet[1]) >= SAME_DEPTH * tall:
                continue
            both = one[2].clip(other[2])
            smaller = min(one[2].w * one[2].h, other[2].w * other[2].h)
            assert both.w * both.h <= TANGLE * smaller, (
                f"{step / 2} real s after 05:05:56: {one[2]} and {other[2]} one tangle")


def test_a_stumble_is_seen_whole_and_near_as_it_happens() -> None:
    """From 05:08:54 for three real seconds someone stumbles near the visitor, the whole of
    them in the picture, pitched forward, arms flung out, and runs on."""
    stumbling = []
    for people in _seen("05:08:54", 3.0, 0.25):
        whole = [one for one in people if one[1].pose == "run-stumble"
                 and _height(one) >= NEAR * SIZE[1] and PICTURE.contains(one[2])]
        assert whole, "someone stumbling near the visitor, the whole of them in the picture"
        stumbling.append(any(TRIP[0] < one[1].phase % 1.0 < TRIP[2] for one in whole))
    assert sum(stumbling) >= 3, f"seen stumbling: {stumbling}"


def test_whoever_runs_out_at_the_edge_leaves_the_picture_alone() -> None:
    """From 05:08:54 to 05:09:05, nobody cut by the picture's right edge, nor anyone more than
    a quarter out of it at either side, has another runner's shape over or under theirs."""
    for step, people in enumerate(_seen("05:08:54", 5.0, 0.5)):
        drawn = []
        for layer, member, box in people:
            sprite, place = placed(layer, member)
            drawn.append((box, pygame.mask.from_surface(sprite),
                          pygame.Rect(place, sprite.get_size())))
        for (box, mask, rect), (other_box, other, other_rect) in combinations(drawn, 2):
            if not rect.colliderect(other_rect) or not mask.overlap(
                    other, (other_rect.x - rect.x, other_rect.y - rect.y)):
                continue
            for one in (box, other_box):
                out = 1 - one.clip(PICTURE).w / one.w
                assert one.right <= SIZE[0] and out <= OUT, (
                    f"{step / 2} real s after 05:08:54: {one} at the edge, {box} and "
                    f"{other_box} one shape")
