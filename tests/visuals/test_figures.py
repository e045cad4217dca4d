"""People walk where their path says, appear and go at their story times; the booth is lit."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING

import numpy as np
import pygame
import pytest

if TYPE_CHECKING:
    from installation.visuals.budget import Budget
    from installation.visuals.figure_sprite import Look
    from installation.visuals.skeleton import Body, Point

from .drawn_once import in_a_row
from .helpers import NO_POST, SIZE, draw, layer, mean_brightness, one_scene

BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
WALKER = dict(pose="walk", path="[[0.1, 0.9], [0.9, 0.9]]", speed=0.1, scale=0.4,
              color="#ffffff")


def figures(**keys: object) -> str:
    text = layer("figures", **{k: v for k, v in keys.items() if k != "path"})
    return text + f"path = {keys['path']}\n" if "path" in keys else text


def lit_columns(surface: pygame.Surface) -> np.ndarray:
    """The x of every column holding a lit pixel."""
    pixels = pygame.surfarray.array3d(surface).max(axis=2)
    return np.nonzero((pixels > 60).any(axis=1))[0]


def test_a_walker_is_where_the_path_says_at_each_time() -> None:
    line = one_scene(BLACK_SKY + figures(**WALKER) + NO_POST)
    for seconds, expected in ((1, 0.2), (3, 0.4), (6, 0.7)):
        columns = lit_columns(draw(line, f"12:00:{seconds:02d}"))
        assert columns.size, f"someone is walking at {seconds} s"
        centre = (columns.min() + columns.max()) / 2 / SIZE[0]
        assert abs(centre - expected) < 0.05, f"at {seconds} s the walker is at {expected}"


def test_a_walker_stands_on_the_path_line() -> None:
    frame = draw(one_scene(BLACK_SKY + figures(**WALKER) + NO_POST), "12:00:03")
    rows = np.nonzero((pygame.surfarray.array3d(frame).max(axis=2) > 60).any(axis=0))[0]
    assert abs(rows.max() - 0.9 * SIZE[1]) <= 3, "feet on the path"
    assert abs(rows.max() - rows.min() - 0.4 * SIZE[1]) < 0.06 * SIZE[1], "as tall as scale says"


def test_people_are_there_only_between_from_and_until() -> None:
    keys = dict(WALKER, speed=0, **{"from": "12:00:20", "until": "12:00:40"})
    line = one_scene(BLACK_SKY + figures(**keys) + NO_POST)
    assert lit_columns(draw(line, "12:00:10")).size == 0, "not yet come"
    assert lit_columns(draw(line, "12:00:30")).size > 0, "there"
    assert lit_columns(draw(line, "12:00:50")).size == 0, "gone"


def test_walking_starts_at_from() -> None:
    keys = dict(WALKER, **{"from": "12:00:10"})
    columns = lit_columns(draw(one_scene(BLACK_SKY + figures(**keys) + NO_POST), "12:00:13"))
    assert abs((columns.min() + columns.max()) / 2 / SIZE[0] - 0.4) < 0.05


def test_a_standing_crowd_spreads_along_its_path_and_jostles() -> None:
    crowd = figures(pose="idle", path="[[0.2, 0.9], [0.9, 0.9]]", speed=0, count=3,
                    spacing=0.25, jostle=1.0, scale=0.3, color="#ffffff")
    line = one_scene(BLACK_SKY + crowd + NO_POST)
    columns = lit_columns(draw(line, "12:00:02"))
    groups = 1 + int((np.diff(columns) > 10).sum())
    assert groups == 3, "three people, apart"
    later = lit_columns(draw(line, "12:00:07"))
    assert not np.array_equal(columns, later), "they shift about"


def test_a_long_shadow_falls_on_the_side_it_is_cast() -> None:
    one = dict(WALKER, speed=0, path="[[0.3, 0.8]]", shadow=3, color="#000000")
    grey = layer("sky", top="#808080", bottom="#808080", stars=0, sun=False, clouds=0)
    frame = draw(one_scene(grey + figures(**one) + NO_POST), "12:00:02")
    right = mean_brightness(frame, pygame.Rect(int(SIZE[0] * 0.45), int(SIZE[1] * 0.78),
                                               int(SIZE[0] * 0.3), int(SIZE[1] * 0.04)))
    left = mean_brightness(frame, pygame.Rect(int(SIZE[0] * 0.05), int(SIZE[1] * 0.78),
                                              int(SIZE[0] * 0.15), int(SIZE[1] * 0.04)))
    assert right < left - 15, "the ground to the right is in shadow"


def test_the_booth_is_lit_and_pulses_with_each_ring() -> None:
    booth = layer("booth", x=0.5, ground=0.95, scale=0.8, ring=30, caller=False)
    line = one_scene(BLACK_SKY + booth + NO_POST, at="04:05")
    glass = pygame.Rect(int(SIZE[0] * 0.53), int(SIZE[1] * 0.4), int(SIZE[0] * 0.06), 20)
    ringing, between = draw(line, "04:05:01"), draw(line, "04:05:04")
    assert mean_brightness(between, glass) > 120, "the booth is lit from inside"
    assert mean_brightness(ringing) > mean_brightness(between) + 3, "the ring lights it up"
    dark = one_scene(BLACK_SKY + layer("booth", x=0.5, scale=0.8, lit=False) + NO_POST)
    assert mean_brightness(draw(dark, "12:00:04"), glass) < 30


def test_the_callers_hand_is_up_at_his_ear() -> None:
    """His hand held up by his head, where the booth draws the handset he holds (his pose
    draws no receiver of its own: see test_call_one_handset)."""
    from installation.visuals.poses import pose
    from installation.visuals.skeleton import HEAD

    for phase in (0.0, 0.3, 0.6, 0.9):
        body = pose("phone", phase)
        ear_gap = np.hypot(body.hand[0] - body.head[0], body.hand[1] - body.head[1])
        assert ear_gap < 1.7 * HEAD, f"the hand {ear_gap / HEAD:.2f} heads from the head"
        assert body.hand[1] > body.joints["shoulder"][1], "held up above the shoulder"


def test_a_reaching_hand_is_held_out_in_front_and_coaxes() -> None:
    from installation.visuals.poses import pose

    bodies = [pose("reach", t / 8) for t in range(8)]  # in figure heights, y up from the feet
    for body in bodies:
        shoulder, hip = body.joints["shoulder"], body.joints["hip"]
        assert body.hand[0] - shoulder[0] > 0.2, "the near hand is held out in front"
        assert body.hand[1] > hip[1] + 0.1, "above the waist, not hanging at her side"
    idle = pose("idle", 0.0)
    assert idle.hand[0] - idle.joints["shoulder"][0] < 0.1, "(standing, the hand hangs)"
    heights = [body.hand[1] for body in bodies]
    assert max(heights) - min(heights) > 0.02, "and it moves, coaxing"


def test_a_standing_coyote_turns_its_head() -> None:
    coyote = figures(body="coyote", pose="idle", path="[[0.5, 0.9]]", speed=0, scale=0.5,
                     color="#ffffff")
    line = one_scene(BLACK_SKY + coyote + NO_POST)
    moments = [f"12:00:{s:02d}" for s in range(0, 60, 4)]
    shapes = {lit_columns(picture).max() for picture in in_a_row(line, moments, SIZE)}
    assert len(shapes) > 1, "its snout comes and goes as it looks round"


def test_diner_patrons_sit_at_the_counter_and_shift_about() -> None:
    diner = layer("diner", x=0.5, ground=0.9, scale=1.8)
    empty = layer("diner", x=0.5, ground=0.9, scale=1.8, empty=True)
    full_frame = draw(one_scene(BLACK_SKY + diner + NO_POST, at="03:50"), "03:50:02")
    empty_frame = draw(one_scene(BLACK_SKY + empty + NO_POST, at="03:50"), "03:50:02")
    window = pygame.Rect(int(SIZE[0] * 0.35), int(SIZE[1] * 0.7), int(SIZE[0] * 0.5),
                         int(SIZE[1] * 0.18))
    assert mean_brightness(full_frame, window) < mean_brightness(empty_frame, window) - 3
    later = draw(one_scene(BLACK_SKY + diner + NO_POST, at="03:50"), "03:50:04")
    assert (pygame.image.tobytes(later.subsurface(window), "RGB")
            != pygame.image.tobytes(full_frame.subsurface(window), "RGB")), "they shift about"


def test_a_couple_is_seen_in_one_lit_window() -> None:
    pair = figures(pose="embrace", path="[[0.5, 0.6]]", speed=0, count=2, spacing=0,
                   scale=0.3, color="#000000", window="#ffc47a")
    frame = draw(one_scene(BLACK_SKY + pair + NO_POST), "12:00:02")
    tall = int(0.3 * SIZE[1])
    room = pygame.surfarray.array3d(frame)[int(SIZE[0] * 0.5) - tall // 2:
                                           int(SIZE[0] * 0.5) + tall // 2,
                                           int(SIZE[1] * 0.6) - tall:int(SIZE[1] * 0.6), 0]
    assert 0.15 < (room < 40).mean() < 0.6, "two people stand in it, against the light"
    corner = frame.get_at((int(SIZE[0] * 0.5 - 0.3 * SIZE[1] * 0.55), int(SIZE[1] * 0.3)))
    assert corner.r > 200 and corner.b < 160, "the window round them is lit warm"
    assert frame.get_at((int(SIZE[0] * 0.1), int(SIZE[1] * 0.5))).r < 10, "nothing else lit"


def test_park_la_brea_towers_turn_a_lit_and_a_dark_wing_to_the_sky() -> None:
    """(Their depths, sizes and overlaps are tested in test_skyline.py: the nearest tower now
    fills a side of the picture and the farther ones overlap, so they no longer stand apart.)"""
    towers = layer("skyline", style="towers", ground=0.9, height=0.7, lit=0, color="#606060")
    sky = layer("sky", top="#0000ff", bottom="#0000ff", stars=0, sun=False, clouds=0)
    frame = draw(one_scene(sky + towers + NO_POST), "12:00:02")
    row = [frame.get_at((x, int(SIZE[1] * 0.6))) for x in range(SIZE[0])]
    building = [c.b < 200 for c in row]
    assert any(building) and not all(building), "towers, with sky beside them"
    shades = {c.r for c, inside in zip(row, building, strict=True) if inside}
    assert max(shades) - min(shades) > 20, "wings turned from the light are darker"


def top_row(surface: pygame.Surface) -> int:
    return int(np.nonzero((pygame.surfarray.array3d(surface).max(axis=2) > 60).any(axis=0))[0]
               .min())


def test_the_mother_mammoth_is_lower_later_in_the_scene() -> None:
    mother = layer("silhouette", shape="mammoth", y=0.9, scale=1.2, sink=0.2, sinking=0.2,
                   color="#ffffff")
    line = one_scene(BLACK_SKY + mother + NO_POST)
    early, late = top_row(draw(line, "12:05")), top_row(draw(line, "14:05"))
    assert late - early > 0.08 * SIZE[1], "two story hours later she has sunk further"


def test_mammoths_carry_tusks_and_the_calf_none() -> None:
    """The largest pale piece of each: a tusk's long curve (the bull's longer), and for the
    calf no more than the lid over its eye."""
    ivory = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)

    def pale(shape: str) -> int:
        beast = layer("silhouette", shape=shape, y=0.9, scale=2.0, color="#000000")
        frame = pygame.surfarray.array3d(draw(one_scene(ivory + beast + NO_POST), "12:00:02"))
        white = ((frame.min(axis=2) > 40) * 255).astype(np.uint8)[..., None].repeat(3, 2)
        lit = pygame.mask.from_threshold(pygame.surfarray.make_surface(white), (255, 255, 255),
                                         (1, 1, 1))
        return max((piece.count() for piece in lit.connected_components()), default=0)

    assert pale("mammoth") > 100 and pale("bull") > pale("mammoth") and pale("calf") < 20


def people(body: str, count: int = 1) -> np.ndarray:
    """The lit pixels (columns x rows) of `count` people of `body` standing at the middle."""
    crowd = figures(pose="idle", body=body, path="[[0.5, 0.95]]", speed=0, scale=0.8,
                    count=count, spacing=0.12, color="#ffffff")
    return pygame.surfarray.array3d(draw(one_scene(BLACK_SKY + crowd + NO_POST), "12:00:02")
                                    ).max(axis=2) > 128


def test_julie_in_her_dress_reads_apart_from_harry_in_his_jacket() -> None:
    def width_at(mask: np.ndarray, share: float) -> int:
        """How wide the figure is `share` of its height up from its feet."""
        rows = np.nonzero(mask.any(axis=0))[0]
        row = round(rows.max() - share * (rows.max() - rows.min()))
        return int(mask[:, row].sum())

    harry, julie = people("harry"), people("julie")
    assert width_at(julie, 0.25) > 1.3 * width_at(harry, 0.25), "her skirt is wider than his legs"
    assert width_at(harry, 0.6) > 1.15 * width_at(julie, 0.6), "his jacket is broader"
    assert not np.array_equal(harry, julie)


def test_a_crowd_of_people_is_of_different_builds_and_clothes() -> None:
    from installation.visuals.wardrobe import outfit_of

    assert len({outfit_of("person", n / 8, n) for n in range(8)}) == 8
    assert {outfit_of("couple", 0.0, n) for n in range(2)} == {
        outfit_of("harry", 0.0, 0), outfit_of("julie", 0.0, 0)}
    assert outfit_of("coyote", 0.5, 0) is None


def segments(row: np.ndarray) -> list[np.ndarray]:
    """The runs of lit pixels along one row (or column) of a mask, left to right."""
    lit = np.nonzero(row)[0]
    return np.split(lit, np.nonzero(np.diff(lit) > 1)[0] + 1) if lit.size else []


def test_the_old_stoop_with_the_head_forward_of_the_hips_and_the_knees_bent() -> None:
    from installation.visuals.sprite_cache import Sprites
    from installation.visuals.wardrobe import OUTFITS

    sprites = Sprites("elders")
    for t in (0.0, 0.25, 0.5, 0.75):
        # Standing (in each other's arms they straighten: see test_embrace).
        young = [sprites.body("idle", t, 0.0, OUTFITS[n]) for n in ("harry", "julie")]
        old = [sprites.body("idle", t, 0.0, OUTFITS[n]) for n in ("ivan", "lucy")]
        for was, now in zip(young, old, strict=True):
            ahead = [b.head[0] - b.joints["hip"][0] for b in (was, now)]
            assert ahead[1] > ahead[0] + 0.06, "the head is carried well forward of the hips"
            bent = [b.joints["knee0"][0] - b.joints["hip"][0] for b in (was, now)]
            assert bent[1] > bent[0] + 0.03, "the knees come forward, a little bent"
            assert now.head[1] < was.head[1], "and they stand lower for it"


def test_old_people_have_grey_hair_where_a_young_couples_is_dark() -> None:
    def grey_hair(body: str) -> np.ndarray:
        pair = figures(pose="embrace", body=body, path="[[0.5, 0.9]]", speed=0, count=2,
                       spacing=0, scale=0.8, color="#000000", window="#ffc47a")
        frame = pygame.surfarray.array3d(draw(one_scene(BLACK_SKY + pair + NO_POST),
                                              "12:00:05")).astype(int)  # (between two cars'
        # lights sweeping the room: lamp_room.headlights, 0-3.2 s of every 8.5)
        light, spread = frame.min(axis=2), frame.max(axis=2) - frame.min(axis=2)
        return (light > 150) & (spread < 60)  # pale and colourless: not the warm window

    old, young = grey_hair("elders"), grey_hair("couple")
    assert young.sum() == 0, "a young couple's hair is as dark as they are"
    assert old.sum() > 40, "the old couple's catches the light, pale grey"
    rows = np.nonzero(old.any(axis=0))[0]
    assert rows.max() < SIZE[1] * (0.9 - 0.8 * 0.6), "on their heads, nowhere lower"


def test_the_old_man_leans_on_a_stick_and_a_man_has_none() -> None:
    def ahead_of_the_legs(body: str) -> list[int]:
        """Widths of the lit runs clear of (forward of) the legs, a fifth up from the feet."""
        one = figures(pose="idle", body=body, path="[[0.5, 0.95]]", speed=0, scale=0.8,
                      color="#ffffff")
        mask = pygame.surfarray.array3d(draw(one_scene(BLACK_SKY + one + NO_POST),
                                             "12:00:02")).max(axis=2) > 128
        rows = np.nonzero(mask.any(axis=0))[0]
        runs = segments(mask[:, round(rows.max() - 0.2 * (rows.max() - rows.min()))])
        return [len(run) for run in runs[1:]]

    assert ahead_of_the_legs("man") == []
    stick = ahead_of_the_legs("elders")  # the first of the elders is Ivan
    assert len(stick) == 1 and stick[0] <= 4, "a thin stick stands apart from his legs"


def test_an_old_couples_embrace_rocks_slowly_both_leaning_the_same_way() -> None:
    """Seen for a quarter of an hour, as Lucy and Ivan are, they sway together from the first
    seconds (their embrace's arc plays across the whole time: see test_park_la_brea)."""
    pair = figures(pose="embrace", body="elders", path="[[0.5, 0.9]]", speed=0, count=2,
                   spacing=0, scale=0.8, color="#ffffff", until="12:15")
    line = one_scene(BLACK_SKY + pair + NO_POST)

    def lean(at: str) -> float:
        """Where the top half of the pair is, across the picture (its mean column)."""
        mask = pygame.surfarray.array3d(draw(line, at)).max(axis=2) > 128
        rows = np.nonzero(mask.any(axis=0))[0]
        top = mask[:, : (rows.min() + rows.max()) // 2]
        return float(np.nonzero(top)[0].mean())

    swings = [lean(f"12:{s // 60:02d}:{s % 60:02d}") for s in range(0, 130, 8)]
    assert max(swings) - min(swings) > 2.0, "their shoulders sway over the seconds"
    steps = np.abs(np.diff(swings))
    assert steps.max() < 3.0, "slowly, never a jump from one moment to the next"
    assert lean("12:00:04") == lean("12:00:04"), "the same moment draws the same"


def test_elders_are_an_old_man_and_an_old_woman_in_turn() -> None:
    from installation.visuals.wardrobe import outfit_of

    ivan, lucy = (outfit_of("elders", 0.0, n) for n in range(2))
    assert ivan is not None and lucy is not None
    assert ivan.cane and not lucy.cane and ivan.stoop > 0 and lucy.stoop > 0
    assert lucy.hair == "bun" and ivan.hair == "fringe" and ivan.stature > lucy.stature
    assert outfit_of("elders", 0.0, 2) == ivan


def test_people_without_a_shadow_are_blitted_from_what_shows_of_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A walker's sprite is cut to the figure (the margin round it cost a blit and showed
    nothing), and the picture is the same as from the whole sprite."""
    from installation.visuals import sprite_cache as module
    from installation.visuals.figure_sprite import Look as Drawn

    crowd = figures(**{**WALKER, "count": 3, "spacing": 0.1, "color": "#ffffff"})
    line = one_scene(BLACK_SKY + crowd + NO_POST)
    trimmed = pygame.surfarray.array3d(draw(line, "12:00:04"))
    sprite, _feet = module.Sprites(trim=True).get("walk", 0.3, False, Drawn(
        60, (255, 255, 255), None, False, None, None))
    shown = sprite.get_bounding_rect()
    assert shown.right == sprite.get_width() and shown.bottom == sprite.get_height()
    assert shown.left <= 1 and shown.top <= 1, "no clear margin (but a column or row)"
    whole = module.sprite_steps

    def uncut(body: Body, look: Look, left: bool, part: str, _trim: bool,
              budget: Budget) -> Generator[None, None, tuple[pygame.Surface, Point]]:
        return whole(body, look, left, part, False, budget)  # the same sprites, uncut

    monkeypatch.setattr(module, "sprite_steps", uncut)
    assert np.array_equal(trimmed, pygame.surfarray.array3d(draw(line, "12:00:04")))


def _chest_width(surface: pygame.Surface) -> int:
    """How wide someone is across the chest, from the neck down (lit columns from 15% to 30%
    of their height below the top of the head)."""
    pixels = pygame.surfarray.array3d(surface).max(axis=2) > 60
    rows = np.nonzero(pixels.any(axis=0))[0]
    tall = rows.max() - rows.min()
    band = pixels[:, rows.min() + round(0.15 * tall):rows.min() + round(0.3 * tall)]
    columns = np.nonzero(band.any(axis=1))[0]
    return int(columns.max() - columns.min())


def test_at_the_paths_end_they_do_what_then_says_a_hand_raised_to_peer_in() -> None:
    """Arrived at the glass, Harry peers in, his hand up at his brow: his arm stands out in
    front of his head and shoulders, where standing at ease it hangs at his side."""
    walk = dict(WALKER, path="[[0.1, 0.9], [0.3, 0.9]]", body="harry")
    widths = {then: [_chest_width(draw(one_scene(BLACK_SKY + figures(**walk, then=then)
                                                  + NO_POST), f"12:00:{at:02d}"))
                     for at in range(4, 24, 2)]
              for then in ("idle", "peer")}
    assert max(widths["peer"]) > 1.3 * max(widths["idle"]), widths
    assert min(widths["peer"]) < 1.1 * max(widths["idle"]), "the hand comes down now and then"


def test_then_look_up_tips_the_head_back_where_standing_at_ease_looks_ahead() -> None:
    """The Dream's Harry (02:08-03:45) stood under the mammoth looking ahead at her legs, in the
    idle pose; arrived under her, he now stands looking up at her, his head tipped back."""
    from day_config import SHIPPED

    from installation.core.timeline import load_timeline as load
    from installation.visuals.gestures import idle
    from installation.visuals.poses import pose

    dream = [spec for scene in load(SHIPPED).scenes if scene.name == "Dream"
             for spec in scene.layers if spec.params.get("body") == "harry"]
    assert dream[0].params["then"] == "look-up"
    looking = [pose("look-up", k / 10).nod for k in range(10)]
    assert max(looking) < min(idle(k / 10).nod for k in range(10)) - 0.3
