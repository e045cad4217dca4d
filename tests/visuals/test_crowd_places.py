"""The shipped story's people where a visitor expects them: behind what is nearer, moving when
the news comes, apart from the ground and from each other, lit from the side of the light."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.clock import ClockSettings, StoryClock
from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import format_clock, parse_clock
from installation.visuals.base import Frame
from installation.visuals.caption import Caption
from installation.visuals.compositor import Compositor
from installation.visuals.figure_sprite import Look
from installation.visuals.figure_sun import BEHIND
from installation.visuals.figures import Figures, Member
from installation.visuals.palette import sun_position
from installation.visuals.poses import VARIED
from installation.visuals.render import headless
from installation.visuals.signal import WALK, cycle_start
from installation.visuals.silhouette import Silhouette

from .test_dusk_crossing import SIZE as SIZE_DUSK
from .test_dusk_crossing import dusk
from .test_dusk_crossing import frame as crossing_frame
from .test_people_close import in_sight

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SMALL = (640, 360)
DAY = 3600.0  # real seconds of the default story day
KEY = (255, 0, 255)  # figures drawn flat in this, no rim, to find where they are
NOON_WALK = ("12:30", "12:33")  # the far-shore walkers' loops over the mother's head
NOON_STEP = 15  # story seconds between the frames looked at (about half a real second)

STOOD, PANIC = "04:22:30", "04:23:33"  # in the diner: the news has come; the window gone
#   and the panic spread through them (from 04:23, one after another over ~5 real seconds)
KNOTS = 7  # people in sight while they argue (two knots of three, and the man who stays)
PANICKING = 5  # of them running or pushing at the door moments after the window goes
LOOTING = (6.686, 200.6)  # real seconds into the searchlights (04:50): the runners under them
LOOTING_STEP = 4.4575  # real seconds between the frames looked at (the real seconds 20 story
#                        seconds apart were at the pace of before: at 60.18 s two boxes' corners
#                        touch, 2 pixels, which these frames, 0.012 s earlier, pass by)
SEEN = 100  # runners' pixels in sight, at least, at the small size (a few, scattered in depth)
CONTRAST = 30  # levels (the brightest channel) a runner differs from the ground, on average
FULL = (1920, 1080)
DEPTH_APART = 0.25  # overlapping runners' feet this share of the taller one's height apart
SCATTERED = (2, 4.5)  # runners in sight under the searchlights: at least, and on average
DEPTH_SPREAD = 0.06  # of the picture's height, between the nearest runner's feet and the farthest's
NEAR_LARGER = 1.3  # the nearest runner is this much taller than the farthest, at least
ONE_LINE = 0.01  # of the picture's height: four runners' feet within it run on one line
BOTH_WAYS = 0.75  # of the moments looked at under the searchlights, runners run each way
RIM_RED = 110  # a figure's pixel this red is in the rim light (the bodies are near black)
WARM = 30  # levels redder than blue: the rim's warm light, not the sky behind
EDGE = 3  # pixels in from a figure's outline, along a row, where its rim shows
SUN_SIDE = 3  # times more rim on the sun's side than on the other, at least
OPAQUE = 128  # a drawing's pixel this opaque is the figure's (past its soft edge)
BACKLIT = 0.5  # with the sun behind them, the far side's rim is this share of the near's, at least
STRANGER = "A stranger"  # the words that name Harry, in the 14:30 caption
CROSSERS_APART = 0.02  # of the width: two crossing the same way are at least this far apart
AFTER, STEP = 1800.0, 5.0  # story seconds into the 14:30 scene looked through, and apart
LIT = 150, 40  # a lit window: red above this, and this much redder than blue
LETTERS = 60  # levels the caption's letters change a pixel by, at least
ROOM = 250  # pixels across, at least, of Lucy and Ivan's lit room at 1080p
HER = 24  # levels a pixel changes by where she stands (past her soft edge)
CROSSING = 56.3  # real seconds into Johnie's at night (03:50): the night walker passes in
#                  front of a customer behind the glass (the one nearest the car)
APART = 40  # levels, on average, the people behind the glass are lighter than the walker

Pick = Callable[[Figures], bool]


def paced(line: Timeline) -> StoryClock:
    """The shipped pace, at the default clock (a 60-minute day), as the show and a snapshot
    use it."""
    return StoryClock(ClockSettings("compressed", parse_clock("10:00"), DAY, dt.UTC),
                      line.day_start, line.pace)


@functools.cache
def shipped_pace() -> StoryClock:
    return paced(load_timeline(SHIPPED))


def after(at: str, real: float) -> float:
    """The story time `real` real seconds after story time `at` at the shipped pace (where a
    figure walking in real seconds is, wherever the pace puts the story's clock)."""
    return story_after(shipped_pace(), parse_clock(at), real)


def everyone(_figures: Figures) -> bool:
    return True


def shipped(at: str | float, keyed: Pick | None = None, mammoth: bool = True,
            people: bool = True, size: tuple[int, int] = SMALL,
            words: bool = True) -> np.ndarray:
    """The shipped story at `at`: the figures `keyed` picks drawn flat in KEY, the mammoth,
    the people and the captions drawn or left out."""
    [frame] = shipped_all([at], keyed, mammoth, people, size, words)
    return frame


def shipped_all(times: Sequence[str | float], keyed: Pick | None = None, mammoth: bool = True,
                people: bool = True, size: tuple[int, int] = SMALL,
                words: bool = True) -> list[np.ndarray]:
    """`shipped` at each of `times`, drawn in turn by one compositor (as the show draws them:
    the same frames as drawn alone, without building the scene again for each)."""
    headless()
    line = load_timeline(SHIPPED)
    frames = []
    with pytest.MonkeyPatch.context() as patch:
        looked, shown, listed, typed = Figures._look, Silhouette.draw, Figures.members, \
            Caption.draw_at

        def look(self: Figures, i: int) -> Look:
            one = looked(self, i)
            flat = dataclasses.replace(one, color=KEY, rim=None, clothes=None)
            return flat if keyed is not None and keyed(self) else one

        def draw(self: Silhouette, surface: pygame.Surface, frame: Frame) -> None:
            if mammoth or self.params["shape"] != "mammoth":
                shown(self, surface, frame)

        def walk(self: Figures, frame: Frame) -> list[Member]:
            return listed(self, frame) if people else []

        def type_(self: Caption, surface: pygame.Surface, frame: Frame, share: float) -> None:
            if words:
                typed(self, surface, frame, share)

        patch.setattr(Caption, "draw_at", type_)
        patch.setattr(Figures, "_look", look)
        patch.setattr(Figures, "members", walk)
        patch.setattr(Silhouette, "draw", draw)
        surface = pygame.Surface(size)
        compositor = Compositor(line, size, print)
        for at in times:
            when = parse_clock(at) if isinstance(at, str) else at
            compositor.draw(surface, state_at(line, when, paced(line)))
            frames.append(pygame.surfarray.array3d(surface).astype(int))
    return frames


def keyed_pixels(frame: np.ndarray) -> np.ndarray:
    return (frame[..., 0] > 200) & (frame[..., 1] < 60) & (frame[..., 2] > 200)


def test_the_far_shore_walkers_pass_behind_the_mother_mammoth() -> None:
    """She is nearer than the far shore: a walker crossing where her head and back stand up
    over the shore line goes behind her, never a tiny man standing on her head. (Sunk from
    the hips at noon since the shipped `sink` of 0.45, she no longer stands up over the far
    shore, so no walker passes behind her there now: only "never over her" is asked.)"""
    start, end = (parse_clock(t) for t in NOON_WALK)
    times = [float(when) for when in np.arange(start, end, NOON_STEP)]
    alone, bare = shipped_all(times, people=False), shipped_all(times, people=False,
                                                                mammoth=False)
    shown = shipped_all(times, everyone)
    for i, at in enumerate(times):
        her = np.abs(alone[i] - bare[i]).max(axis=2) > HER
        assert her.any(), f"{format_clock(at)}: she is in the picture"
        over = keyed_pixels(shown[i]) & her
        assert not over.any(), f"{format_clock(at)}: a walker drawn over her"


def night_walker(figures: Figures) -> bool:
    return figures.params["body"] == "man" and figures.params["rim"] is not None


def waitress(figures: Figures) -> bool:
    return figures.params["body"] == "woman"


def test_the_night_walker_never_merges_with_the_people_behind_johnnies_glass(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Out on the lot he is black against the lit glass (all but the thin lit edge along his
    outline); the customers and the waitress inside are seen through it, lighter, so one of
    them sitting behind him where he passes is someone else, not a part of him (an arm across
    his chest)."""
    at = after("03:50", CROSSING)
    shown = shipped(at, size=FULL, words=False)
    walker = keyed_pixels(shipped(at, night_walker, size=FULL, words=False))
    her = keyed_pixels(shipped(at, waitress, size=FULL, words=False))
    monkeypatch.setattr("installation.visuals.diner.PEOPLE", KEY)
    customers = keyed_pixels(shipped(at, size=FULL, words=False))
    xs, ys = np.nonzero(walker)
    near = np.zeros_like(walker)
    near[xs.min():xs.max() + 1, ys.min():ys.max() + 1] = True
    assert (customers & near).any(), "a customer sits behind him as he passes"
    dark = np.median(shown.max(axis=2)[walker])  # (his rim light, along his edge, left out)
    for inside in (customers, her):
        assert shown.max(axis=2)[inside].mean() >= dark + APART


def placed_at(at: str | float, scene_at: str,
              size: tuple[int, int] = FULL) -> list[tuple[Figures, Member]]:
    """Every member of the shipped scene (starting `scene_at`) in sight at story time `at`,
    with their layer."""
    line, layers = _figures(scene_at, size)
    state = state_at(line, parse_clock(at) if isinstance(at, str) else at, paced(line))
    frame = Frame(state.story_time, state.scene_seconds, state)
    return [(one, member) for one in layers for member in one.members(frame)
            if in_sight(member, one.width)]


@functools.cache
def _figures(scene_at: str, size: tuple[int, int]) -> tuple[Timeline, tuple[Figures, ...]]:
    """The shipped day, and the figures layers of its scene starting `scene_at`, made once (the
    looters are looked at every few real seconds: each look made them and their sprites)."""
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, size, print)
    scene = next(one for one in line.scenes if one.at == parse_clock(scene_at))
    return line, tuple(Figures(spec.params, compositor.setup(scene, i, "figures"))
                       for i, spec in enumerate(scene.layers) if spec.type == "figures")


def people_at(at: str, scene_at: str) -> list[Member]:
    """The members of the shipped scene in sight at `at`."""
    return [member for _, member in placed_at(at, scene_at)]


def box(layer: Figures, member: Member) -> pygame.Rect:
    """Where a member's sprite shows in the picture."""
    sprite, feet = layer.sprites.get(member.pose, member.phase, member.left, member.look,
                                     member.turn)
    shown = sprite.get_bounding_rect()
    return shown.move(round(member.feet[0] - feet[0]), round(member.feet[1] - feet[1]))


def test_the_diner_gets_up_with_the_news_and_runs_when_the_window_goes() -> None:
    """Before the window breaks (04:23) they are up off their stools, all but the one who
    still argues and the man who stays; moments after it, they are running and pushing at the
    door."""
    up = [member.pose for member in people_at(STOOD, "04:20")]
    assert sum(pose in ("sit", *VARIED["argue"]) for pose in up) == 2 and len(up) >= KNOTS, up
    moving = [pose for pose in (member.pose for member in people_at(PANIC, "04:20"))
              if pose in ("run", "reach")]
    assert len(moving) >= PANICKING, moving


def runners(figures: Figures) -> bool:
    return figures.params["pose"] == "run"


def looters_at(real: float) -> list[tuple[pygame.Rect, Member]]:
    """Where each runner under the searchlights shows, `real` seconds into the scene."""
    return [(box(one, member), member)
            for one, member in placed_at(after("04:50", real), "04:50")]


def test_the_looters_never_run_into_one_another() -> None:
    """Under the searchlights each runner is a figure of their own: two of them overlap only
    where one is plainly nearer (their feet lower by a good part of their height: one passes
    in front of the other), never side by side at one depth, as one shape."""
    seen = 0
    for real in np.arange(*LOOTING, LOOTING_STEP):
        shown = looters_at(float(real))
        seen += len(shown)
        for i, (a, one) in enumerate(shown):
            for b, other in shown[i + 1:]:
                apart = abs(one.feet[1] - other.feet[1])
                assert not a.colliderect(b) or apart >= DEPTH_APART * max(a.height, b.height), \
                    f"{real:.1f} s in: two runners side by side, {apart:.0f} px apart in depth"
    assert seen, "runners in sight"


def test_the_looters_scatter_over_the_lot() -> None:
    """People fleeing, not a race: at every moment looked at, the runners in sight are spread
    in depth (the nearest plainly larger than the farthest), and never four of them run on
    one line (their feet within a hundredth of the picture of one row); at most moments some
    run each way; a few in sight at the least, more on average."""
    moments = np.arange(*LOOTING, LOOTING_STEP)
    both = seen = 0
    for real in moments:
        shown = looters_at(float(real))
        both += {member.left for _, member in shown} == {True, False}
        seen += len(shown)
        rows = sorted(member.feet[1] / FULL[1] for _, member in shown)
        heights = [rect.height for rect, _ in shown]
        assert len(shown) >= SCATTERED[0], f"{real:.1f} s in: {len(shown)} in sight"
        assert rows[-1] - rows[0] >= DEPTH_SPREAD, f"{real:.1f} s in: all at one depth"
        assert max(heights) >= NEAR_LARGER * min(heights), f"{real:.1f} s in: all one size"
        assert all(b - a > ONE_LINE for a, b in zip(rows, rows[3:], strict=False)), \
            f"{real:.1f} s in: four on one line, {rows}"
    assert both >= BOTH_WAYS * len(moments), f"both ways at {both} of {len(moments)} moments"
    assert seen >= SCATTERED[1] * len(moments), f"{seen / len(moments):.1f} in sight on average"


@pytest.mark.parametrize("real", [13.4, 40.1, 93.6])  # real seconds into the searchlights
def test_the_looters_stand_out_from_the_dark_ground(real: float) -> None:
    """The beams and the fires light them: a runner's pixels differ from the ground behind
    them by a clear step in brightness, not black on near-black."""
    at = after("04:50", real)
    where = keyed_pixels(shipped(at, runners))
    assert where.sum() > SEEN, "runners in sight"
    shown, ground = shipped(at), shipped(at, people=False)
    assert np.abs(shown - ground).max(axis=2)[where].mean() >= CONTRAST


@pytest.mark.parametrize("at", ["14:38", "14:45", "15:30", "16:10", "16:30"])
def test_harry_and_julie_are_rim_lit_on_the_side_of_the_sun(at: str) -> None:
    """The afternoon sun crosses the sky behind them, left to right: the warm edge of light is
    down the side of each of them the sun is on (counted in the rows of each one's drawing: is
    their outline warm at the left end, at the right end), and on both edges while it is right
    behind them (within BEHIND of the picture's width), more on its side."""
    sun = sun_position(parse_clock(at) / 3600)
    assert sun is not None
    for one, member in placed_at(at, "14:30"):
        if one.params["body"] == "person":
            continue  # (the visitors strolling far off: a rim of less than a pixel)
        sprite, _ = one.sprites.get(member.pose, member.phase, member.left, member.look,
                                    member.turn)
        shown = pygame.surfarray.array3d(sprite).astype(int)
        drawn = pygame.surfarray.array_alpha(sprite) > OPAQUE
        lit = drawn & (shown[..., 0] > RIM_RED) & (shown[..., 0] > shown[..., 2] + WARM)
        sides = [0, 0]
        for y in range(drawn.shape[1]):
            row = np.nonzero(drawn[:, y])[0]
            if len(row):
                sides[0] += int(lit[row[0]:row[0] + EDGE, y].any())
                sides[1] += int(lit[row[-1] - EDGE + 1:row[-1] + 1, y].any())
        off = sun[0] - member.feet[0] / FULL[0]  # the sun's way from them, across the picture
        near, far = (sides[1], sides[0]) if off > 0 else (sides[0], sides[1])
        if abs(off) > BEHIND:
            assert near > SUN_SIDE * far, (member.look.outfit, off, sides)
        else:
            assert near >= far > BACKLIT * near, (member.look.outfit, off, sides)


def test_the_stranger_is_in_sight_when_the_caption_names_him() -> None:
    """The words come in the order the picture does: when "A stranger" is typed, Harry has
    walked into the picture (and the girl who feeds the calf is there from the start)."""
    line = load_timeline(SHIPPED)
    scene = next(one for one in line.scenes if one.at == parse_clock("14:30"))
    [words] = [spec.params for spec in scene.layers if spec.type == "caption"]
    typed = words["delay"] + words["text"].index(STRANGER) / words["speed"]
    pace = paced(line)
    when = next(at for at in np.arange(scene.at, scene.at + AFTER, STEP)
                if state_at(line, float(at), pace).scene_seconds >= typed)
    assert any(one.params["body"] == "harry" for one, _ in placed_at(float(when), "14:30")), \
        format_clock(float(when))


def lit_windows(frame: np.ndarray) -> np.ndarray:
    return (frame[..., 0] > LIT[0]) & (frame[..., 0] > frame[..., 2] + LIT[1])


@pytest.mark.parametrize("at", ["04:36", "04:36:30", "04:37"])
def test_the_park_la_brea_caption_covers_no_lit_window(at: str) -> None:
    """The words are in the night sky, not over the towers' lit windows (which come and go:
    none is under them at any of these times)."""
    plain = shipped(at, size=FULL, words=False)
    letters = (shipped(at, size=FULL) - plain).min(axis=2) > LETTERS  # (lighter: not the shade)
    xs, ys = np.nonzero(letters)
    assert len(xs), "the caption is typed"
    assert not lit_windows(plain)[xs.min():xs.max() + 1, ys.min():ys.max() + 1].any()


def test_the_park_la_brea_caption_says_who_they_are() -> None:
    """A visitor who has not seen the film learns who the couple in the window are."""
    line = load_timeline(SHIPPED)
    scene = next(one for one in line.scenes if one.at == parse_clock("04:35"))
    [words] = [spec.params["text"] for spec in scene.layers if spec.type == "caption"]
    assert "Julie's grandparents" in words


def test_lucy_and_ivans_window_can_be_seen_across_a_gallery() -> None:
    """Their lit room is large: a band of it above their heads runs wide across the picture
    (just over his crown: the room is the glass of their tower's window, inside its frame; at
    1.1 of his height the row ran through the frame's top, which the room used to cover)."""
    frame = shipped("04:42", size=FULL, words=False)
    [(one, first), (_, second)] = placed_at("04:42", "04:35")
    x = round((first.feet[0] + second.feet[0]) / 2)
    y = round(first.feet[1] - first.look.height * 1.05)
    row = lit_windows(frame)[:, y]
    left, right = x, x
    while left > 0 and row[left - 1]:
        left -= 1
    while right < FULL[0] - 1 and row[right + 1]:
        right += 1
    assert right - left >= ROOM, (left, right, one.params["scale"])


def test_nobody_crosses_the_dusk_zebra_as_a_frieze_in_step() -> None:
    """Three people of one layer crossed at dusk at one pace and spacing, near and large: a
    frieze walking in step. Now they cross on the lights, all setting off when the walking
    figure lights, but each a moment late or not and at their own pace: eight seconds on, no
    three going the same way have come equally far from the kerb (two at most to a layer)."""
    _street, people, _compositor = dusk()
    assert len(people) >= 3 and all(layer.params["count"] <= 2 for layer in people)
    at = crossing_frame(cycle_start(2) + WALK[0] + 8.0)
    width = SIZE_DUSK[0]
    for rightwards in (True, False):
        come = sorted(member.feet[0] if rightwards else width - member.feet[0]
                      for layer in people for member in layer.members(at)
                      if (layer.path.points[0][0] < 0) == rightwards)
        assert len(come) >= 2  # (two may walk together, never three)
        assert all(c - a >= CROSSERS_APART * width
                   for a, c in zip(come, come[2:], strict=False)), come
