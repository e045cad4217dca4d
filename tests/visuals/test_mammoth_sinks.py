"""The mother mammoth visibly sinks over each scene she is trapped in, from the hips to the
shoulders (the shipped timeline's `sink` and `sinking`: at 08:00 she once sank 0.058 of her
height between 09:15 and 10:28, which read as the same depth)."""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace
from typing import cast

import numpy as np
import pygame
import pytest

from installation.core.clock import ClockSettings, StoryClock
from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.silhouette import Silhouette
from installation.visuals.silhouette_sink import GULP, HOLDS, MAX_SINK

from .helpers import NO_POST, draw, layer, one_scene
from .test_mammoth_head import mother, shipped
from .test_mire import BIG, SKY, TAR

SEEN = 0.15  # the tar line climbs at least this share of her height over the scene
SPECK = 40  # pixels: a piece of her above the tar smaller than this is a speck, not a shape
APART_MOST = 8.0  # real seconds, at most, that she shows above the tar in pieces (a hump, a
# neck and a tusk's tip standing apart read as a shark's fin and a Loch Ness neck: 40 s)


@cache
def built(scene: str) -> Silhouette:
    """The scene's mother, built once for all the moments a test looks at (only read: her
    depth and picture at a story time; building her for each of 120 samples took 112 s)."""
    return mother(scene)


def sunk_share(scene: str, at: str) -> float:
    her = built(scene)
    frame = cast(Frame, SimpleNamespace(story_time=parse_clock(at)))  # her depth reads only this
    return her.sunk(frame) / her.span


def test_she_sinks_from_the_hips_to_the_shoulders_over_the_scene() -> None:
    for scene, early, late in (("La Brea Tar Pits", "12:05", "14:25"),
                               ("The tar keeps everything", "08:05", "10:25")):
        first, last = sunk_share(scene, early), sunk_share(scene, late)
        assert last - first >= SEEN, f"{scene}: {first:.2f} -> {last:.2f}"


def test_as_the_sun_comes_back_she_goes_under_and_the_calf_is_left_alone() -> None:
    """At 10:30 she stood at one depth for three minutes; now she goes on from where the
    night left her (08:00's depth at its end) until the tar has closed over her before noon:
    nothing of her shows above it (the day begins again from the empty tar)."""
    first = sunk_share("The sun comes back to the tar pits", "10:30")
    assert abs(first - sunk_share("The tar keeps everything", "10:29:59")) < 0.01
    assert sunk_share("The sun comes back to the tar pits", "11:00") >= first + SEEN / 2
    assert shown("The sun comes back to the tar pits", "11:55") == 0


def shown(scene: str, at: str) -> int:
    """How many pixels of her picture stand above the tar at `at`."""
    her = built(scene)
    frame = cast(Frame, SimpleNamespace(story_time=parse_clock(at)))
    visible = her._visible(her.sunk(frame))
    if visible <= 0:
        return 0
    return int(pygame.mask.from_surface(
        her.image.subsurface((0, 0, her.image.get_width(), visible))).count())


def test_as_the_sun_comes_back_she_goes_under_quickly_once_her_eye_has_gone() -> None:
    """Going under slowly, her crown, her raised trunk and her tusks' tips stood in the tar's
    heaps for an hour after her eye had gone (till 11:50): Loch Ness humps. Now her head
    shows as the light comes back, and by 11:00 nothing of her is left above the tar."""
    assert shown("The sun comes back to the tar pits", "10:36") > 15000, "her head and trunk"
    assert shown("The sun comes back to the tar pits", "11:00") == 0


def test_at_eight_she_is_further_down_than_at_noon() -> None:
    """The morning after, the tar has her deeper than the noon before: an hour and a quarter
    into each scene she stood at the same depth (0.54 of her height), in the same pose."""
    noon = sunk_share("La Brea Tar Pits", "13:15")
    morning = sunk_share("The tar keeps everything", "09:15")
    assert morning >= noon + 0.06, f"{morning:.3f} at 09:15, {noon:.3f} at 13:15"


def test_sunk_out_of_sight_she_is_gone_and_the_show_goes_on() -> None:
    """A scene long enough for her to sink past her own height (a curator's long scene) draws
    the tar without her, and warns of nothing (making her collar ahead for a depth under the
    tar failed, and switched her off for the scene)."""
    line = one_scene(SKY + TAR + layer("silhouette", shape="mammoth", x=0.5, y=0.7, scale=0.6,
                                       sink=0.8, sinking=0.5, flip=True, reflect=0.5,
                                       color="#0b0b0d") + NO_POST)
    warnings: list[str] = []
    empty = one_scene(SKY + TAR + NO_POST)
    for at in ("12:00", "12:30", "13:00", "14:00"):
        draw(line, at, warnings, BIG)
    assert not warnings, warnings
    gone, tar = (pygame.surfarray.array3d(draw(t, "14:00", size=BIG)) for t in (line, empty))
    assert (gone == tar).all(), "nothing of her left"


def pieces_shown(scene: str, at: float) -> int:
    """How many pieces of her (each more than a speck) stand apart above the tar at `at`, as
    she is posed then (her picture at rest, sunk to her eye, held her head and tusks apart
    while she holds on, her head up, her eye over the tar: mammoth23)."""
    her = built(scene)
    frame = Frame(at, 100.0, state_at(shipped(), at))
    sink = her.sunk(frame)
    visible = her._visible(sink)
    if visible <= 0:
        return 0
    image = her.lift.figures[her._pose(frame, sink)] if her.lift is not None else her.image
    shown = pygame.mask.from_surface(image.subsurface((0, 0, image.get_width(), visible)))
    return sum(1 for piece in shown.connected_components() if piece.count() >= SPECK)


def test_as_the_sun_comes_back_she_goes_under_whole_not_as_humps_and_a_neck() -> None:
    """Sinking steadily past her eye, her crown, raised trunk and a tusk's tip stood apart in
    the tar from 10:34 till 10:53, 40 real seconds: a shark's fin and a Loch Ness neck. Her
    head shows whole (one piece) as the light comes back; when it goes it goes under in a few
    real seconds (at the shipped day's pace, the config's hour-long day)."""
    line = shipped()
    clock = StoryClock(ClockSettings(), line.day_start, line.pace)
    scene = "The sun comes back to the tar pits"
    start, step = parse_clock("10:30"), 15.0  # (by 11:00 she has gone: see above)
    apart = [start + n * step for n in range(int(parse_clock("00:30") / step))
             if pieces_shown(scene, start + n * step) > 1]
    assert pieces_shown(scene, parse_clock("10:36")) == 1, "her head, whole"
    seconds = clock.real_between(apart[0], apart[-1] + step) if apart else 0.0
    assert seconds <= APART_MOST, f"in pieces for {seconds:.0f} real s"


def test_at_noon_and_at_half_past_two_she_sinks_as_steadily_as_before() -> None:
    """Only a mammoth given `under` goes under fast: at noon and at 14:30 (none) her depth at
    every story minute is still her `sink` and `sinking` an hour, a step of rows at a time,
    and her next change comes when that depth next steps (the pictures are those of before)."""
    for scene in ("La Brea Tar Pits", "Harry meets Julie"):
        her = built(scene)
        sinking = her.sinking
        assert sinking.under is None
        for minute in range(150):
            hours = minute / 60
            frame = cast(Frame, SimpleNamespace(story_time=sinking.scene_at + minute * 60.0,
                                                hour=(sinking.scene_at / 3600 + hours) % 24))
            steady = min(MAX_SINK, sinking.sink + sinking.sinking * hours)
            step = sinking.step()
            assert her.sunk(frame) == int(steady * sinking.span) // step * step
            wait = sinking.next_change(frame)
            deeper = (her.sunk(frame) + step) / sinking.span
            assert wait is not None and wait <= ((deeper - sinking.sink) / sinking.sinking
                                                 - hours) * 3600 + 1e-6


GOES_DOWN = 0.5  # of her shown at 10:33, at most this much is left above the tar at 10:39
STEP_MOST = 20  # rows: her tar line climbs at most this far in any real second (no jump), but
# GULP times as far once the tar is at her eye and takes her (mammoth23: at one speed her
# crown and raised trunk stood on five real seconds after her eye, a Loch Ness outline)


def test_after_the_light_wipe_she_goes_down_while_we_watch() -> None:
    """From the light wipe to when she is gone she sinks all the time (on main she lay at one
    depth from 10:33 to 10:40, 40255 px of her shown at both, and went under between the
    cuts): by 10:39 half of her is gone, and the tar climbs her at least a row every
    real second from 10:35 until she has gone."""
    scene = "The sun comes back to the tar pits"
    assert shown(scene, "10:39") <= GOES_DOWN * shown(scene, "10:33")
    line = shipped()
    clock = StoryClock(ClockSettings(), line.day_start, line.pace)
    her, at = built(scene), parse_clock("10:35")
    while shown(scene, _clock(at)) > 0:
        later = at + 1.0
        while clock.real_between(at, later) < 1.0:
            later += 1.0
        was, now = (her.sunk(cast(Frame, SimpleNamespace(story_time=t))) for t in (at, later))
        most = STEP_MOST * (GULP if now > HOLDS[1] * her.span else 1)
        assert 0 < now - was <= most, f"{_clock(at)}: {was} -> {now} rows in 1 real s"
        at = later
    assert at <= parse_clock("10:42:30"), "gone before her caption (10:43)"


def _clock(at: float) -> str:
    seconds = int(at) % 86400
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def test_going_under_she_lifts_her_head_and_trunk_last() -> None:
    """Once the tar is over her back (10:41), she holds her last pose, her head up and her
    trunk reaching for the air, whatever her spells of straining (on main she lay at rest as
    often as not as she went)."""
    line = shipped()
    clock = StoryClock(ClockSettings(), line.day_start, line.pace)
    her = built("The sun comes back to the tar pits")
    assert her.lift is not None
    highest = her.lift.last  # (her head held up from 10:38:35, her trunk swinging on up for
    # the air as she holds on: her last pose)
    for at in (parse_clock("10:41") + s for s in range(0, 30, 3)):
        state = state_at(line, at, clock)
        assert her.look(Frame(at, state.scene_seconds, state)).pose == highest, _clock(at)


RING_LIFE = 10.0  # real seconds a ring takes to spread and die away (mire.RING_PERIOD)


def test_where_she_went_her_last_rings_spread_and_die_away() -> None:
    """Gone under, her last rings go on spreading over the tar where she went and die away
    (on main all three went in the frame her last row went under: a jump)."""
    line = shipped()
    clock = StoryClock(ClockSettings(), line.day_start, line.pace)
    her = built("The sun comes back to the tar pits")
    at = parse_clock("10:40")
    while her._visible(her.sunk(cast(Frame, SimpleNamespace(story_time=at)))) > 0:
        at += 1.0
    drawn = []
    for later in (1.0, RING_LIFE + 2.0):
        story = at
        while clock.real_between(at, story) < later:
            story += 1.0
        state = state_at(line, story, clock)
        surface = pygame.Surface((1920, 1080))
        surface.fill((90, 80, 70))
        her.draw(surface, Frame(story, state.scene_seconds, state))
        drawn.append(int((pygame.surfarray.array3d(surface) != (90, 80, 70)).any(axis=2).sum()))
    assert drawn[0] > 2000, f"{drawn[0]} px of rings a real second after she went"
    assert drawn[1] == 0, f"{drawn[1]} px of rings {RING_LIFE + 2:.0f} real s after she went"


TAR_GREY = 120  # the flat tar she is drawn over, in these tests
DARK = 60  # levels: a pixel of her this dark or darker reads as her, not the tar
FADE_STEP = 30  # levels: down her crown into the tar, the most it lightens from row to row
# (the tar's soft edge on her: a hard cut lightens by 90 in a row)


def over_the_tar(at: str) -> np.ndarray:
    """The going-under mother drawn over flat grey tar at `at` (shipped pace), as luminance
    (columns x rows)."""
    line = shipped()
    clock = StoryClock(ClockSettings(), line.day_start, line.pace)
    story = parse_clock(at)
    state = state_at(line, story, clock)
    surface = pygame.Surface((1920, 1080))
    surface.fill((TAR_GREY,) * 3)
    built("The sun comes back to the tar pits").draw(
        surface, Frame(story, state.scene_seconds, state))
    return np.asarray(pygame.surfarray.array3d(surface) @ np.array([0.3, 0.59, 0.11]))


@pytest.mark.parametrize("at", ["10:40", "10:40:40"])
def test_going_under_she_is_one_dark_animal_going_into_the_tar(at: str) -> None:
    """At 10:40 her crown and raised trunk stood as two black humps with the tar between them
    (a Loch Ness outline): what of her is dark is one piece; and down from the top of her crown
    she goes into the tar through its soft edge, without a hard line (her body drawn on under
    the surface, fading, read as an animal sinking in clear water: see test_going_under_cut)."""
    frame = over_the_tar(at)
    dark = pygame.mask.from_surface(_dark(frame))
    pieces = [p for p in dark.connected_components() if p.count() >= SPECK]
    assert len(pieces) == 1, f"{at}: {len(pieces)} dark pieces of her"
    shown = np.flatnonzero((frame < DARK).any(axis=1))
    tops = np.argmax(frame < DARK, axis=1)
    behind = shown[:shown.size // 2]  # (she faces right, her trunk raised higher than her crown)
    crown = int(behind[np.argmin(tops[behind])])  # the top of her crown
    rows = frame[crown - 15:crown + 15, tops[crown] + 4:].mean(axis=0)
    assert np.diff(rows).max() <= FADE_STEP, f"{at}: a step of {np.diff(rows).max():.0f}"


def _dark(frame: np.ndarray) -> pygame.Surface:
    """A surface with per-pixel alpha, opaque where `frame` (luminance) is dark."""
    surface = pygame.Surface(frame.shape, pygame.SRCALPHA)
    pygame.surfarray.pixels_alpha(surface)[:] = np.where(frame < DARK, 255, 0)
    return surface


def test_going_under_her_head_raised_trunk_and_tusks_are_one_shape_till_gone() -> None:
    """10:40-10:41:40: straining highest as she went under, her raised trunk curled up before
    her face into a hook as tall as her crown, the tar between them: from 10:40:20 her crown
    and the trunk's tip stood apart above it, a Loch Ness neck. Now her trunk lies raised up
    her face and over her brow: what shows of her head above the tar, as she is posed, is one
    shape (a tusk's tip apart for a moment at most) until all of it has gone under."""
    her, line = built("The sun comes back to the tar pits"), shipped()
    assert her.lift is not None
    apart = []
    for at in range(int(parse_clock("10:39")), int(parse_clock("10:43")), 5):
        frame = Frame(at, 100.0, state_at(line, at))
        sink = her.sunk(frame)
        visible = her._visible(sink)
        if visible <= 0:
            break
        figure = her.lift.figures[her._pose(frame, sink)]
        shown = pygame.mask.from_surface(figure.subsurface((0, 0, figure.get_width(), visible)))
        pieces = sorted(piece.count() for piece in shown.connected_components())
        if her.tip is not None and her.tip.takes(visible):  # in her last pose the tar takes
            pieces = pieces[-1:]  # what stands apart with her (silhouette_tip: mammoth23)
        if len(pieces) > 1 and pieces[-2] >= 5 * SPECK:  # a second shape, not a tusk's tip
            apart.append((at, pieces[-3:]))
    assert visible <= 0, "she has gone under by 10:43"
    assert not apart, apart
