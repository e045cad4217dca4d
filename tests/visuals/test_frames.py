"""Whole frames: deterministic, transitions that mix both scenes, failures that stay local."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.__main__ import main
from installation.core.errors import TimelineError
from installation.core.timeline import load_timeline, state_at
from installation.core.timeline.model import TRANSITIONS
from installation.core.timeline.state import RealTime
from installation.core.timeutil import parse_clock
from installation.visuals import fonts, layers
from installation.visuals.compositor import Compositor
from installation.visuals.render import snapshot
from installation.visuals.transitions import weights

from .drawn_once import in_a_row
from .helpers import (
    NO_POST,
    SIZE,
    draw,
    layer,
    lit_pixels,
    mean_brightness,
    one_frame,
    one_scene,
    shared_made,
    timeline,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "timelines" / "miracle-mile.toml"
CONFIG = ROOT / "config.toml"


@pytest.mark.parametrize("at", ["04:05", "04:50:30", "12:30", "05:15:10"])
def test_two_snapshots_of_the_same_time_are_identical(at: str) -> None:
    line = load_timeline(SHIPPED)
    random.seed(1)
    first = pygame.image.tobytes(snapshot(line, parse_clock(at), SIZE, warn=print), "RGB")
    random.seed(2)
    second = pygame.image.tobytes(snapshot(line, parse_clock(at), SIZE, warn=print), "RGB")
    assert first == second


def two_scenes(kind: str, sky: str = "") -> str:
    """Red then blue: each a wall of its colour in front of one night sky (or, given `sky`,
    two scenes that are only skies: red, then blue)."""
    night = layer("sky", top="#000010", bottom="#000010", stars=0, sun=False)
    red = night + layer("skyline", color="#ff0000", ground=0, lit=0, landmark=False)
    blue = night + layer("skyline", color="#0000ff", ground=0, lit=0, landmark=False)
    if sky:
        # (cloudless: the clouds drift with the day, wherever the scene begins)
        red = layer("sky", top="#ff0000", bottom="#ff0000", stars=0, sun=False, clouds=0)
        blue = layer("sky", top="#0000ff", bottom="#0000ff", stars=0, sun=False, clouds=0)
    return (f"[[scene]]\nat = \"12:00\"\nname = \"red\"\n{red}{NO_POST}"
            f"[[scene]]\nat = \"13:00\"\nname = \"blue\"\n"
            f"transition = {{ type = \"{kind}\", seconds = 10 }}\n{blue}{NO_POST}")


@pytest.mark.parametrize("kind", ["crossfade", "dip-to-black", "dip-to-white", "flash"])
def test_each_transition_at_half_way_mixes_both_scenes(kind: str) -> None:
    """Half way, a crossfade or a flash shows red and blue; a dip is at its depth (the old
    scene has sunk, the new one not yet risen: never the two through each other)."""
    frame = draw(timeline(two_scenes(kind)), "13:00:05")
    r, g, b, _ = frame.get_at((SIZE[0] // 2, SIZE[1] // 2))
    if kind == "dip-to-black":
        assert max(r, g, b) < 8, (r, g, b)
        return
    assert r > 15 and b > 15, f"{kind} at 50% shows red and blue: {(r, g, b)}"
    if kind == "dip-to-white":
        assert g > 100


def shares(frame: pygame.Surface) -> tuple[float, float]:
    """The shares of the picture that are red and that are blue."""
    rgb = pygame.surfarray.array3d(frame).reshape(-1, 3).astype(int)
    red = ((rgb[:, 0] > 200) & (rgb[:, 2] < 40)).mean()
    blue = ((rgb[:, 2] > 200) & (rgb[:, 0] < 40)).mean()
    return float(red), float(blue)


@pytest.mark.parametrize(("at", "blue_share"), [("13:00:02", 0.104), ("13:00:05", 0.5),
                                                ("13:00:08", 0.896)])
def test_a_dissolve_turns_the_share_of_spots_its_progress_says_and_mixes_none(
        at: str, blue_share: float) -> None:
    frame = draw(timeline(two_scenes("dissolve")), at)
    red, blue = shares(frame)
    assert red + blue == pytest.approx(1.0, abs=0.12)  # one scene or the other but at edges
    blues = pygame.surfarray.array_blue(frame).astype(float)  # soft edges at their mix
    turned = ((blues - blues.min()) / (blues.max() - blues.min())).mean()
    assert turned == pytest.approx(blue_share, abs=0.02)


def test_a_dissolve_has_soft_fine_edges_not_stair_steps() -> None:
    """Half way, the blots' edges blend over a soft band (some spots are neither pure red
    nor pure blue, few neighbours jump from one to the other: hard-edged blots read as
    pieces of picture failing to load) and the edges do not run along the 4-pixel grid of
    the thresholds' map."""
    frame = draw(timeline(two_scenes("dissolve")), "13:00:05", size=(640, 360))
    red, blue = shares(frame)
    assert 0.03 < 1.0 - red - blue < 0.15
    rgb = pygame.surfarray.array3d(frame).astype(int)
    steps = np.abs(np.diff(rgb[:, :, 2], axis=0))  # between neighbours across
    on_grid = steps[3::4].sum() / steps.sum()  # between x = 4k+3 and 4k+4
    assert on_grid < 0.5, f"{on_grid:.0%} of the change sits on the 4-pixel grid"
    hard = (steps > 128).sum() / (steps > 8).sum()  # of the steps at edges, the abrupt ones
    assert hard < 0.25, f"{hard:.0%} of the edges jump from red to blue at once"


def test_a_dissolve_rises_from_the_foot_of_the_picture() -> None:
    """The new scene comes up from the ground, blot by blot, and reaches the sky last (blots
    of street floating in the evening sky read as wreckage)."""
    frame = draw(timeline(two_scenes("dissolve")), "13:00:05", size=(640, 360))
    blues = pygame.surfarray.array_blue(frame).astype(float) / 255
    top, bottom = blues[:, :90].mean(), blues[:, -90:].mean()
    assert bottom > 0.8 and top < 0.2, (top, bottom)


def test_the_sky_is_never_mixed_with_itself() -> None:
    """Half way through a crossfade between two scenes that are only skies, one sky shows:
    the arriving scene's, whole (no double exposure)."""
    frame = draw(timeline(two_scenes("crossfade", sky="only")), "13:00:05")
    r, g, b, _ = frame.get_at((SIZE[0] // 2, SIZE[1] // 2))
    assert r == 0 and g == 0 and b > 250


def test_a_cut_shows_only_the_new_scene() -> None:
    frame = draw(timeline(two_scenes("cut", sky="only")), "13:00:05")
    r, _, b, _ = frame.get_at((SIZE[0] // 2, SIZE[1] // 2))
    assert r < 5 and b > 250


@pytest.mark.parametrize("kind", TRANSITIONS)
def test_transitions_begin_with_the_old_scene_and_end_with_the_new(kind: str) -> None:
    old, new, white = weights(kind, 1.0)
    assert (old, new, white) == (0.0, 1.0, 0.0)
    if kind != "cut":
        old, new, _ = weights(kind, 0.0)
        assert new == 0.0 and (old == 1.0 or kind == "flash")


class Broken:
    def __init__(self, params: object, setup: object) -> None:
        pass

    def draw(self, surface: pygame.Surface, frame: object) -> None:
        raise RuntimeError("boom")


def test_a_failing_layer_is_switched_off_with_one_warning(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(layers.FACTORIES, "skyline", Broken)
    line = one_scene(layer("sky") + layer("skyline") + NO_POST)
    warnings: list[str] = []
    compositor = Compositor(line, SIZE, warnings.append)
    surface = pygame.Surface(SIZE)
    for second in range(5):
        compositor.draw(surface, state_at(line, 12 * 3600.0 + second))
    assert len(warnings) == 1
    assert "test.toml" in warnings[0] and "scene 'only'" in warnings[0]
    assert "skyline" in warnings[0] and "boom" in warnings[0]
    assert lit_pixels(surface) > SIZE[0] * SIZE[1] // 2, "the sky still draws"


def test_a_missing_picture_shows_a_placeholder_and_warns_once() -> None:
    line = one_scene(layer("image", file="pictures/gone.png") + NO_POST)
    warnings: list[str] = []
    compositor = Compositor(line, SIZE, warnings.append)
    surface = pygame.Surface(SIZE)
    for second in range(3):
        compositor.draw(surface, state_at(line, 12 * 3600.0 + second))
    assert len(warnings) == 1
    assert "gone.png" in warnings[0] and "scene 'only'" in warnings[0]
    assert lit_pixels(surface) > SIZE[0] * SIZE[1] // 2


def test_a_picture_fills_the_frame(tmp_path: Path) -> None:
    picture = pygame.Surface((64, 48))
    picture.fill((0, 200, 0))
    pygame.image.save(picture, str(tmp_path / "green.png"))
    line = replace(one_scene(layer("image", file="green.png") + NO_POST), path=tmp_path / "t.toml")
    frame = draw(line, "12:00:10")
    assert frame.get_at((2, 2)).g > 180 and frame.get_at((SIZE[0] - 3, SIZE[1] - 3)).g > 180


def test_a_missing_font_falls_back_and_warns_once() -> None:
    sign = layer("neon", text="OPEN", font="fonts/none.ttf", size=0.3, y=0.5, flicker=0)
    warnings: list[str] = []
    frame = draw(one_scene(sign + NO_POST), "22:00", warnings)
    assert len(warnings) == 1 and "none.ttf" in warnings[0] and "scene 'only'" in warnings[0]
    assert lit_pixels(frame, 100) > 50


def test_a_font_next_to_the_timeline_is_found_whatever_the_working_folder(
        tmp_path: Path) -> None:
    shutil.copy(fonts.ASSETS / "fonts" / fonts.SHIPPED["sign"], tmp_path / "custom.ttf")
    frames = []
    for font in ("custom.ttf", "sign"):
        sign = layer("neon", text="OPEN", font=font, size=0.3, y=0.5, flicker=0)
        line = replace(one_scene(sign + NO_POST), path=tmp_path / "t.toml")
        warnings: list[str] = []
        frames.append(pygame.image.tobytes(draw(line, "22:00", warnings), "RGB"))
        assert warnings == []
    assert frames[0] == frames[1]  # the curator's copy of the sign font, not a fallback


@pytest.mark.parametrize(("keys", "message"), [
    ({"colr": "#ff0000"}, "Did you mean 'color'?"),
    ({"flicker": 2}, "expected a number from 0 to 1; found 2"),
    ({"shape": "sta"}, "Did you mean 'star'?"),
    ({"color": "pink"}, "expected a colour like"),
])
def test_bad_layer_keys_are_named(keys: dict[str, object], message: str) -> None:
    with pytest.raises(TimelineError) as caught:
        one_scene(layer("neon", **keys))
    report = caught.value.report()
    assert "test.toml:" in report and "scene 'only'" in report and message in report


def test_snapshot_command_writes_the_frame(tmp_path: Path) -> None:
    out = tmp_path / "frame.png"
    code = main(["snapshot", "--at", "04:05", "-o", str(out), "--size", "320x180",
                 "--timeline", str(SHIPPED), "--config", str(CONFIG)])
    assert code == 0
    assert pygame.image.load(str(out)).get_size() == (320, 180)


def test_contact_sheet_has_a_thumbnail_for_every_scene(tmp_path: Path) -> None:
    from installation.visuals.contact_sheet import moments

    line = load_timeline(SHIPPED)
    starts = [m for m in moments(line, RealTime()) if m.scene_start]
    assert len(starts) == len(line.scenes)
    out = tmp_path / "sheet.png"
    assert main(["contact-sheet", "-o", str(out), "--timeline", str(SHIPPED),
                 "--config", str(CONFIG)]) == 0
    assert pygame.image.load(str(out)).get_width() > 1000


CUES = """
[[cue]]
at = "12:30"
name = "bang"
type = "flash"
seconds = 10

[[cue]]
at = "12:40"
name = "words"
type = "caption"
text = "It is all over."
seconds = 20
"""


def test_a_flash_cue_whites_out_whatever_scene_is_showing() -> None:
    line = timeline(two_scenes("cut") + CUES)
    at_once, later = draw(line, "12:30:00.2"), draw(line, "12:31")
    assert mean_brightness(at_once) > 250
    assert mean_brightness(later) < 120


def test_a_caption_cue_types_its_words_then_goes() -> None:
    base = timeline(two_scenes("cut"))
    line = timeline(two_scenes("cut") + CUES)
    top = pygame.Rect(0, 0, SIZE[0], SIZE[1] // 3)

    def words(at: str) -> int:
        with_cue, without = draw(line, at), draw(base, at)
        diff = pygame.Surface(SIZE)
        diff.blit(with_cue, (0, 0))
        diff.blit(without, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
        return lit_pixels(diff.subsurface(top), 60)

    assert words("12:39:59") == 0
    assert words("12:40:05") > 20
    assert words("12:41") == 0


def test_with_a_pace_the_scene_being_left_keeps_moving() -> None:
    """The outgoing scene's cars carry on through the crossfade instead of jumping (two
    frames 0.2 ms apart: a car moves on by less than a pixel, unless it jumps; 2 ms apart, a
    car passing close under the eye, drawn whole, moves on a pixel or two)."""
    street = layer("street", traffic=1.0) + NO_POST
    line = timeline(f"[[scene]]\nat = \"21:00\"\nname = \"a\"\n{street}"
                    f"[[scene]]\nat = \"22:00\"\nname = \"b\"\n"
                    f"transition = {{ type = \"crossfade\", seconds = 10 }}\n"
                    + layer("sky", top="#000000", bottom="#000000", stars=0, sun=False) + NO_POST)
    pace = RealTime()

    def jump(compositor: Compositor) -> int:
        before, after = pygame.Surface(SIZE), pygame.Surface(SIZE)
        compositor.draw(before, state_at(line, parse_clock("21:59:59.9999"), pace))
        compositor.draw(after, state_at(line, parse_clock("22:00:00.0001"), pace))
        changed = 0
        for one, other in ((before, after), (after, before)):  # darker, or lighter
            diff = one.copy()
            diff.blit(other, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
            changed += lit_pixels(diff, 40)
        return changed

    smooth, jumpy = jump(Compositor(line, SIZE, print, pace)), jump(Compositor(line, SIZE, print))
    assert smooth * 4 < jumpy


@pytest.mark.parametrize("kind", ["crossfade", "dip-to-black", "dip-to-white", "flash",
                                  "dissolve", "light-wipe"])
def test_transitions_change_the_picture_gradually(kind: str) -> None:
    """No jump: a dip sinks the old scene and raises the new, never showing either at full."""
    line = timeline(two_scenes(kind))
    moments = [f"13:00:{tenth / 10:04.1f}" for tenth in range(101)]  # (drawn in a row, as shown)
    levels = [mean_brightness(picture) for picture in in_a_row(line, moments, SIZE)]
    steps = [abs(b - a) for a, b in zip(levels, levels[1:], strict=False)]
    assert max(steps) < 12, f"{kind}: a jump of {max(steps):.0f} levels in a tenth of a second"


@pytest.mark.parametrize("kind", ["crossfade", "dissolve"])
def test_a_transition_frame_is_the_same_whether_or_not_the_frames_before_were_drawn(
        kind: str) -> None:
    """Each scene is drawn on alternate ticks and held for the next frame: a frame after
    other frames (one tick on, the same tick again, two ticks on) is the very frame drawn
    cold."""
    street = layer("street", traffic=1.0) + NO_POST
    line = timeline(f"[[scene]]\nat = \"21:00\"\nname = \"a\"\n{street}"
                    f"[[scene]]\nat = \"22:00\"\nname = \"b\"\n"
                    f"transition = {{ type = \"{kind}\", seconds = 10 }}\n"
                    + layer("sky", stars=0, sun=False) + layer("street", traffic=1.0)
                    + NO_POST)
    pace = RealTime()
    start = parse_clock("22:00:04") + 0.005  # between ticks
    warm = Compositor(line, SIZE, print, pace)
    surface = pygame.Surface(SIZE)
    for n in (0, 1, 1, 2, 4, 5):
        warm.draw(surface, state_at(line, start + n / 60, pace))
        alone = one_frame(line, SIZE, state_at(line, start + n / 60, pace), shared_made(),
                          pace=pace)
        assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(alone, "RGB"), n
