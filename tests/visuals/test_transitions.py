"""Fades frame by frame: the sky both scenes share stays steady, the fade moves on smoothly."""

from __future__ import annotations

import dataclasses
import gc
import weakref
from typing import Any

import numpy as np
import pygame
import pytest

from installation.core.timeline import Timeline, state_at
from installation.core.timeline.state import RealTime
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import TICKS, Compositor
from installation.visuals.dissolve import Dissolve
from installation.visuals.fade_mix import WHITE_ROWS, add_white, lay_over, light, premultiply, scale
from installation.visuals.light_wipe import LightWipe
from installation.visuals.mask_cover import Cover
from installation.visuals.render import headless
from installation.visuals.scene_layers import SceneLayers
from installation.visuals.transitions import level, shares

from .helpers import NO_POST, SIZE, draw, layer, one_frame, timeline

SKY_COLOR = (0x60, 0x80, 0xA0)
SKY = layer("sky", top="#6080a0", bottom="#6080a0", stars=0, sun=False)
WALL = {"lit": 0, "landmark": False}


def fade(kind: str = "crossfade") -> Timeline:
    """A 2 s transition (the fastest fade the show has) from red towers to blue ones under
    one grey-blue sky."""
    return timeline(f"[[scene]]\nat = \"12:00\"\nname = \"red\"\n{SKY}"
                    + layer("skyline", color="#ff0000", **WALL) + NO_POST
                    + f"[[scene]]\nat = \"13:00\"\nname = \"blue\"\n"
                    f"transition = {{ type = \"{kind}\", seconds = 2 }}\n{SKY}"
                    + layer("skyline", color="#0000ff", **WALL) + NO_POST)


def ticks_of_a_fade(first: int, count: int, kind: str = "crossfade",
                    cold: bool = False) -> list[np.ndarray]:
    """`count` frames of the fade, one a tick from tick `first`, drawn in a row (or each
    by a compositor of its own, `cold`)."""
    line = fade(kind)
    headless()
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    frames = []
    for tick in range(first, first + count):
        if cold:
            compositor = Compositor(line, SIZE, print)
        compositor.draw(surface, state_at(line, parse_clock("13:00") + (tick + 0.5) / TICKS))
        frames.append(pygame.surfarray.array3d(surface).astype(int))
    return frames


@pytest.mark.parametrize("kind", ["crossfade", "dip-to-black", "flash", "dissolve",
                                  "light-wipe"])
def test_a_frame_of_a_fade_is_the_frame_drawn_cold(kind: str) -> None:
    """Frames drawn in a row through the middle of a transition (each scene held from the
    tick before, the old one dimmed or made into a cover) are the very frames drawn each by
    a fresh compositor."""
    in_a_row = ticks_of_a_fade(57, 6, kind)
    for warm, cold in zip(in_a_row, ticks_of_a_fade(57, 6, kind, cold=True), strict=True):
        assert np.array_equal(warm, cold)


def test_the_shared_sky_holds_still_through_a_fade() -> None:
    """Tick after tick of a fast fade (each scene drawn on alternate ticks), the sky where
    neither scene's towers stand keeps its brightness within half a level: it never
    flickers between the frames that draw the old scene and those that draw the new."""
    before, after = (pygame.surfarray.array3d(draw(fade(), at)).astype(int)
                     for at in ("12:59:59", "13:00:03"))
    sky = np.all((np.abs(before - SKY_COLOR) <= 2) & (np.abs(after - SKY_COLOR) <= 2),
                 axis=2)  # where neither scene's towers stand (the sky is dithered)
    assert sky.mean() > 0.2
    levels = [frame[sky].mean() for frame in ticks_of_a_fade(50, 8)]
    assert max(levels) - min(levels) < 0.5


def test_the_walls_fade_from_red_to_blue_without_a_step_back() -> None:
    """Through the middle of the fade the red falls and the blue rises frame by frame
    (never back), by a few levels a frame at most."""
    frames = ticks_of_a_fade(40, 40)
    bottom = [frame[:, SIZE[1] * 9 // 10:].mean(axis=(0, 1)) for frame in frames]
    reds, blues = np.array([b[0] for b in bottom]), np.array([b[2] for b in bottom])
    assert np.all(np.diff(reds) <= 0) and np.all(np.diff(blues) >= 0)
    assert reds[0] - reds[-1] > 60 and blues[-1] - blues[0] > 60
    assert np.abs(np.diff(reds)).max() < 12 and np.abs(np.diff(blues)).max() < 12


def test_the_dissolve_is_made_ahead_in_pieces_and_the_same_as_made_at_once() -> None:
    """Its thresholds take ~30-80 ms to make at 1080p: built ahead one piece a frame, never
    in one frame's time."""
    headless()
    whole = Dissolve((320, 180), 11)
    stepped = object.__new__(Dissolve)
    pieces = sum(1 for _ in stepped.pieces((320, 180), 11))
    assert pieces >= 3
    assert pygame.image.tobytes(stepped.thresholds, "P") == pygame.image.tobytes(
        whole.thresholds, "P")
    assert list(stepped.ranks) == list(whole.ranks)


def test_a_dissolve_frame_is_the_cover_laid_over_the_whole_new_picture() -> None:
    """Made cell by cell (each cell copied from the scene it shows whole, the cover made and
    laid only where both show, the picture's edge cells ragged), every frame, early, midway
    and late, has the bytes of the old scene through a cover over the whole picture laid
    over the new one; midway the cells show the old scene, the new one and both."""
    headless()
    size = (333, 200)
    dissolve = Dissolve(size, 11)
    rng = np.random.default_rng(3)
    new, old = pygame.Surface(size), pygame.Surface(size)
    pygame.surfarray.blit_array(new, rng.integers(0, 256, (*size, 3), dtype=np.uint8))
    pygame.surfarray.blit_array(old, rng.integers(0, 256, (*size, 3), dtype=np.uint8))
    for progress in (0.02, 0.3, 0.5, 0.8, 0.99):
        whole = Cover(size)
        whole.make(dissolve.thresholds, dissolve.alphas(progress), old, [new.get_rect()])
        wanted = new.copy()
        wanted.blit(whole.surface, (0, 0))
        frame = pygame.Surface(size)
        dissolve.apply(frame, (progress,), lambda: old, new, progress)
        assert pygame.image.tobytes(frame, "RGB") == pygame.image.tobytes(wanted, "RGB")
    palette = dissolve.alphas(0.5)
    assert all(dissolve.cells.areas(np.array([blue for _r, _g, blue in palette])))


def captioned(kind: str, words: bool = True) -> Timeline:
    """Dark scenes, the arriving one with white words typed at once (no scrim to speak of:
    a black sky); without `words`, the same with no caption."""
    dark = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
    caption = layer("caption", text="WORDS ACROSS THE PICTURE", x=0.05, y=0.5, size=0.12,
                    speed=200, delay=0, color="#ffffff") if words else ""
    return timeline(f"[[scene]]\nat = \"12:00\"\nname = \"before\"\n{dark}" + NO_POST
                    + f"[[scene]]\nat = \"13:00\"\nname = \"after\"\n"
                    f"transition = {{ type = \"{kind}\", seconds = 2 }}\n{dark}" + caption
                    + NO_POST)


def test_a_reloaded_timeline_dissolves_through_the_blots_of_its_own_seed() -> None:
    """A curator who changes the timeline's seed during the show sees the next dissolve spread
    in the new seed's blots, as a show started with it would (not the old seed's, kept)."""
    headless()
    line = fade("dissolve")
    reseeded = dataclasses.replace(line, seed=line.seed + 1)
    middle = parse_clock("13:00") + 1.0
    shown = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    shown.draw(surface, state_at(line, middle))  # the old seed's mask made
    before = pygame.surfarray.array3d(surface)
    shown.set_timeline(reseeded)
    shown.draw(surface, state_at(reseeded, middle))
    fresh = one_frame(reseeded, SIZE, state_at(reseeded, middle))
    assert not np.array_equal(pygame.surfarray.array3d(fresh), before)  # other blots
    assert np.array_equal(pygame.surfarray.array3d(surface), pygame.surfarray.array3d(fresh))


def test_a_dissolve_s_words_wait_for_it_to_finish() -> None:
    """While the arriving scene rises through the blots its words are not there at all (at
    its share they were grey on a grey mix, hard to read: 17:02 and 08:02 of the shipped
    day); once it has finished they are typed, every letter whole, never cut by the mask."""
    line = captioned("dissolve")
    early, middle, late, after = frames_at(line, 0.3, 0.8, 1.9, 4.0)
    bare = frames_at(captioned("dissolve", words=False), 0.3, 0.8, 1.9)
    letters = after > 200
    assert letters.sum() > 200
    for framed, plain in zip((early, middle, late), bare, strict=True):
        assert np.array_equal(framed, plain), "no word while the dissolve runs"
    assert np.ptp(after[after >= 250]) < 40  # typed whole once it has finished


def test_a_light_wipe_shows_the_words_once_the_light_has_come() -> None:
    """While the morning comes up the arriving scene's words are not there at all (laid half
    over the scene being left they were washed out under the light); as it ends every letter
    shows at once, whole."""
    line = captioned("light-wipe")
    middle, after = frames_at(line, 0.8, 4.0)  # the light mid-words, then the scene whole
    bare, _ = frames_at(captioned("light-wipe", words=False), 0.8, 4.0)
    letters = after > 200
    assert letters.sum() > 200
    assert np.array_equal(middle, bare), "no word while the light is over them"
    moments = np.arange(0.5, 2.01, 1 / 60)  # the morning coming up to its end
    for framed, plain in zip(frames_at(line, *moments), bare_frames(moments), strict=True):
        drawn = np.abs(framed - plain)[letters]  # what the words add to the picture
        if drawn.max() > 20:  # they begin to show: every letter at once, never cut
            assert drawn.min() > 5
            break
    else:
        raise AssertionError("the words never showed during the wipe")


def bare_frames(moments: np.ndarray) -> list[np.ndarray]:
    return frames_at(captioned("light-wipe", words=False), *moments)


def frames_at(line: Timeline, *seconds: float) -> list[np.ndarray]:
    """The brightest channel of each pixel, `seconds` after the second scene begins."""
    headless()
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    frames = []
    for at in seconds:
        compositor.draw(surface, state_at(line, parse_clock("13:00") + at))
        frames.append(pygame.surfarray.array3d(surface).max(axis=2).astype(int))
    return frames


def test_a_light_wipe_starts_and_ends_at_the_two_pictures() -> None:
    """At its start the frame is the scene being left, every byte, and at its end the one
    arriving (no light left over either)."""
    headless()
    rng = np.random.default_rng(3)
    old, new = (pygame.surfarray.make_surface(rng.integers(0, 256, (*SIZE, 3), np.uint8))
                for _ in range(2))
    wipe = LightWipe(SIZE)
    for progress, picture in ((0.0, old), (1.0, new)):
        frame = pygame.Surface(SIZE)
        wipe.apply(frame, old, new, progress)
        assert np.array_equal(pygame.surfarray.array3d(frame),
                              pygame.surfarray.array3d(picture)), progress


def test_a_crossfade_mixes_each_pixel_at_both_shares_in_one_blend() -> None:
    """The new scene, premultiplied to its share, laid over the old one: every pixel within a
    level or two of old x its share + new x its share, and a pixel both scenes show alike (as under
    the one sky) within a level of itself, whatever the shares along the fade."""
    headless()
    size = (97, 61)
    rng = np.random.default_rng(5)
    pixels = [rng.integers(0, 256, (*size, 3), dtype=np.uint8) for _ in range(2)]
    pixels[1][:20] = pixels[0][:20]  # the same sky in both
    values = [p.astype(float) for p in pixels]
    for new_share in (0.02, 0.3, 0.5, 0.71, 0.98):
        old_share = 1.0 - round(new_share * 255) / 255
        old, new = pygame.Surface(size), pygame.Surface(size, pygame.SRCALPHA)
        pygame.surfarray.blit_array(old, pixels[0])
        new.fill((0, 0, 0))  # opaque, as a scene's picture drawn on it
        pygame.surfarray.pixels3d(new)[:] = pixels[1]
        premultiply(new, old_share, new_share)
        lay_over(old, new, 0.0)
        got = pygame.surfarray.array3d(old).astype(float)
        wanted = values[0] * old_share + values[1] * round(new_share * 255) / 255
        assert np.abs(got - wanted).max() <= 2.0, new_share  # two roundings
        assert np.abs(got[:20] - values[0][:20]).max() <= 1.0, new_share


def test_a_fade_shows_each_mix_for_both_ticks_of_its_pair() -> None:
    """Through a crossfade between two streets whose cars move, the picture moves on 30
    times a second as each scene does: the odd tick shows the even tick's frame again
    (mixed once, not twice), and the next even tick shows a new one."""
    street = layer("street", traffic=1.0)
    line = timeline(f"[[scene]]\nat = \"21:00\"\nname = \"a\"\n{street}{NO_POST}"
                    "[[scene]]\nat = \"22:00\"\nname = \"b\"\n"
                    "transition = { type = \"crossfade\", seconds = 10 }\n"
                    + layer("sky", stars=0, sun=False) + street + NO_POST)
    headless()
    pace = RealTime()
    compositor = Compositor(line, SIZE, print, pace)
    frames = []
    for tick in range(240, 246):  # from an even tick, four seconds in
        surface = pygame.Surface(SIZE)
        compositor.draw(surface, state_at(line, parse_clock("22:00") + (tick + 0.5) / TICKS,
                                          pace))
        frames.append(pygame.surfarray.array3d(surface))
    for even, odd, following in zip(frames[0::2], frames[1::2], frames[2::2], strict=False):
        assert np.array_equal(even, odd)
        assert not np.array_equal(odd, following)


def still_fade(at: str) -> Timeline:
    """Red towers, then from `at` a 2 s crossfade to blue ones, under a cloudless sky: each
    scene's picture is the same whichever scene is shown around it (no cloud drifts)."""
    sky = layer("sky", top="#6080a0", bottom="#6080a0", stars=0, sun=False, clouds=0)
    return timeline(f"[[scene]]\nat = \"12:00\"\nname = \"red\"\n{sky}"
                    + layer("skyline", color="#ff0000", **WALL) + NO_POST
                    + f"[[scene]]\nat = \"{at}\"\nname = \"blue\"\n"
                    f"transition = {{ type = \"crossfade\", seconds = 2 }}\n{sky}"
                    + layer("skyline", color="#0000ff", **WALL) + NO_POST)


def test_a_crossfade_frame_is_each_scene_dimmed_and_added_over_the_whole_picture() -> None:
    """Each frame of a crossfade drawn in a row, on even ticks and odd ones, early, midway
    and late, is within two levels of the new scene as at the tick before the pair's even one
    and the old one as at that tick, each drawn alone, dimmed to its share for the pair and
    added over the whole picture (no part left out or mixed twice, whichever frame drew or
    dimmed each scene)."""
    headless()
    line, red, blue = still_fade("13:00"), still_fade("14:00"), still_fade("12:58")

    def picture(shown: Timeline, tick: int) -> pygame.Surface:
        surface = one_frame(shown, SIZE, state_at(shown, parse_clock("13:00") + tick / TICKS))
        return surface

    compositor = Compositor(line, SIZE, print)
    for tick in (*range(6, 12), *range(57, 63), *range(110, 116)):
        frame = pygame.Surface(SIZE)
        compositor.draw(frame, state_at(line, parse_clock("13:00") + (tick + 0.5) / TICKS))
        even = tick - tick % 2
        old_share, new_share, _white = shares("crossfade", even / TICKS / 2)
        wanted, dimmed = picture(blue, even - 1), picture(red, even)
        scale(wanted, new_share)
        scale(dimmed, old_share)
        wanted.blit(dimmed, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        got = pygame.surfarray.array3d(frame).astype(int)
        assert np.abs(got - pygame.surfarray.array3d(wanted)).max() <= 2, tick  # two roundings


@pytest.mark.parametrize(("share", "white"), [(0.9, 0.1), (0.5, 0.5), (0.2, 0.8), (0.6, 0.2)])
def test_a_dip_through_white_is_within_a_level_of_dimming_and_adding_white(
        share: float, white: float) -> None:
    """Dimmed and whitened in one blend (a band of white laid down the picture), every
    level of every channel, on every row, is within one level of a multiply then an add."""
    headless()
    size = (256, 2 * WHITE_ROWS + 5)
    levels = np.arange(256, dtype=np.uint8)[:, None, None]
    picture = pygame.Surface(size)
    pygame.surfarray.blit_array(picture, np.broadcast_to(levels, (*size, 3)).copy())
    wanted, got = picture.copy(), picture.copy()
    scale(wanted, share)
    add_white(wanted, white)
    light(got, share, white)
    error = np.abs(pygame.surfarray.array3d(got).astype(int)
                   - pygame.surfarray.array3d(wanted).astype(int))
    assert error.max() <= 1


def scenes_drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of each scene drawn from now on, in turn (each drawn as ever)."""
    drawn: list[str] = []
    scene_draw = SceneLayers.draw

    def counted(self: SceneLayers, *args: Any, **keys: Any) -> None:
        drawn.append(self.scene.name)
        scene_draw(self, *args, **keys)

    monkeypatch.setattr(SceneLayers, "draw", counted)
    return drawn


def test_no_frame_of_a_crossfade_draws_both_scenes_once_they_mix(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Tick by tick into a crossfade, each frame that shows both scenes draws at most one
    of them, but for the first on an odd tick, which draws each once (the old one for its
    pair, the new one for the next): the first pair's arriving scene is drawn on the frame
    before, which shows the old one alone (that frame drew two or three, 17-24 ms at 1080,
    as the mix began)."""
    headless()
    line = fade()
    drawn = scenes_drawn(monkeypatch)
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    mixed = 0
    for tick in range(30):
        drawn.clear()
        state = state_at(line, parse_clock("13:00") + (tick + 0.5) / TICKS)
        compositor.draw(surface, state)
        if all(level(share) for share in shares("crossfade", state.progress)[:2]):
            mixed += 1
            first = mixed == 1 and tick % 2
            assert sorted(drawn) == ["blue", "red"] if first else len(drawn) <= 1, (tick, drawn)
    assert mixed > 20


def test_no_frame_of_a_light_wipe_draws_both_scenes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tick by tick through a light wipe, no frame draws both scenes: the last ticks before
    the light brings the new scene in are drawn as the pairs after them (the first frame
    that showed both drew both, 17-21 ms at 1080: a frame dropped as the morning came)."""
    headless()
    line = fade("light-wipe")
    drawn = scenes_drawn(monkeypatch)
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    both = 0
    for tick in range(2 * int(TICKS)):
        drawn.clear()
        state = state_at(line, parse_clock("13:00") + (tick + 0.5) / TICKS)
        compositor.draw(surface, state)
        assert len(drawn) <= 1, (tick, drawn)
        both += all(compositor.masks.wipe(line.seed).showing(state.progress))
    assert both > TICKS


@pytest.mark.parametrize("kind", ["crossfade", "dissolve", "light-wipe"])
def test_a_scene_faded_from_is_freed_once_dropped(kind: str) -> None:
    """Once a fade is over and its scenes are no longer wanted (two scenes on), their layers
    are freed at once (with the collector off): no picture held for the fade keeps them (the
    day's last crossfade kept its two scenes, the dissolve's cover its own two, all day)."""
    line = timeline(f"[[scene]]\nat = \"12:00\"\nname = \"red\"\n{SKY}"
                    + layer("skyline", color="#ff0000", **WALL) + NO_POST
                    + f"[[scene]]\nat = \"13:00\"\nname = \"blue\"\n"
                    f"transition = {{ type = \"{kind}\", seconds = 2 }}\n{SKY}"
                    + layer("skyline", color="#0000ff", **WALL) + NO_POST
                    + f"[[scene]]\nat = \"14:00\"\nname = \"green\"\n{SKY}{NO_POST}"
                    + f"[[scene]]\nat = \"15:00\"\nname = \"grey\"\n{SKY}{NO_POST}"
                    # (a fifth: at 15:30 the scene after the next one is held to be built
                    # ahead; with four it was blue itself)
                    + f"[[scene]]\nat = \"16:00\"\nname = \"white\"\n{SKY}{NO_POST}")
    headless()
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    gc.disable()
    try:
        for tick in range(50, 70):  # mixing, and held between frames
            compositor.draw(surface, state_at(line, parse_clock("13:00") + (tick + 0.5) / TICKS))
        blue = weakref.ref(compositor._scenes[1])
        compositor.draw(surface, state_at(line, parse_clock("15:30")))  # blue not wanted
        assert blue() is None
    finally:
        gc.enable()

