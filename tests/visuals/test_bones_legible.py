"""Deep time is seen on a gallery screen, not found by boosting the picture: the strata's streaks
and the bones stand out of the tar, and the city's newest things read as what they are."""

from __future__ import annotations

import random
from collections.abc import Callable, Generator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pygame
import pytest

from installation.core.timeline import Timeline, load_timeline, state_at
from installation.visuals import bones, fossil_kinds, fossils, shapes, tar_remains, tar_strata
from installation.visuals.base import Frame, Setup
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, draw, drawn_alike, frame_at, layer, one_scene

SIZE = (960, 540)
SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
DEEP_TIME = "The tar keeps everything"
TAR = layer("sky", top="#0c0b0a", bottom="#0c0b0a", stars=0, sun=False, clouds=0)
SURFACE = 0.5  # the tar's surface line in these pictures
BONE = (140, 100, 60, 255)
SHOWS = 140  # alpha over which a bone shows clearly over the tar
BONES_DARK, BONES_DULL = 62, 25  # the bones' mean colour: its brightest channel, its chroma
# (54 before deep24 lit them warm from above: 59 with the sheen on their upper sides)
STRATA_DARK = 48  # the strata's brightest channel at most, streaks and all (a bone's edge: 40+
# above the tar; 40 before the sand bands of bones21)
FADE_STEP = 6  # levels: the most the picture steps between two rows where the strata begin


def cut(amount: float) -> np.ndarray:
    """The cut through the tar with `amount` of bones (0: the strata alone), each pixel's
    brightest channel."""
    body = TAR + layer("bones", y=SURFACE, amount=amount) + NO_POST
    return frame_at(body, "08:00", 1.0, SIZE).max(axis=2).astype(int)


def test_the_bones_are_stained_dark_by_the_tar_and_lit_along_their_edges() -> None:
    """Drawn whole in their bone colour they glowed orange: soaked in the tar, most of a bone
    is dark brown (its brightest channel's median 94 when they glowed, 59 stained, 40 soaked
    through), and the light it catches along its upper edges and where it is worn stands
    above the tar, to be seen across a gallery (was 24 at its brightest when they were lost
    in it)."""
    lit, bare = cut(1.0), cut(0.0)
    rise = lit - bare
    bone = rise > 4
    assert bone.sum() > 2000, "bones lie in the tar"
    assert np.median(lit[bone]) < 70, "stained brown-black, not glowing"
    assert np.percentile(rise[bone], 90) > 40, "their lit edges lighter than the tar"


def test_the_bones_are_a_dark_dull_bone_brown_not_orange() -> None:
    """The bones' mean colour is dark (its brightest channel under BONES_DARK: 63 when they
    read as orange pretzels, 46 soaked) and dull: its chroma (brightest channel less dimmest,
    in levels; a dark colour's HSV saturation runs high however dull it looks) under
    BONES_DULL (32 orange, 18 an umber bone-brown). Their brightest tenth left out: the wet
    sheen along their tops and the tar's lip where they go under are highlights, not their
    colour."""
    body = TAR + layer("bones", y=SURFACE, amount=1.0) + NO_POST
    lit = frame_at(body, "08:00", 1.0, SIZE).astype(int)
    bone = lit[lit.max(axis=2) - cut(0.0) > 4]
    level = bone.max(axis=1)
    mean = bone[level <= np.percentile(level, 90)].mean(axis=0)
    assert mean.max() < BONES_DARK, mean
    assert mean.max() - mean.min() < BONES_DULL, mean


def test_an_amount_of_none_lays_no_bones() -> None:
    assert cut(0.0).max() <= STRATA_DARK, "the strata alone: dark tar and its streaks"


def test_the_strata_are_streaked_not_ruled() -> None:
    """A thin line wandering along the top of each stratum read as a cutaway diagram's ruled
    lines (the curator, 01:00): no line runs between the strata (the rows across a band's top
    no lighter than the band under it, where it is not streaked), and the bands are mottled
    with streaks of lighter tar (sediment: a band's levels spread)."""
    strata = cut(0.0)[:, int(SIZE[1] * SURFACE):]
    made = built(one_scene(layer("bones", y=SURFACE, amount=0.0, remains=0)), "only", SIZE)
    rises = []
    for above, line, below in zip(made.lines[:-3], made.lines[1:-2], made.lines[2:-1],
                                  strict=True):  # (the lighter of the bands either side:
        rise = [strata[round(x), max(0, round(y) - 2):round(y) + 3].max()  # sand over tar)
                - max(strata[round(x), round((y + y2) / 2)], strata[round(x), round((y + y0) / 2)])
                for (x, y), (_x, y2), (_x0, y0) in zip(line[1:-1], below[1:-1], above[1:-1],
                                                       strict=True)]
        rises.append(np.median(rise))
    assert max(rises) < 6, f"no line lighter than the tar between strata ({rises})"
    band = strata[:, strata.shape[1] // 3: strata.shape[1] * 2 // 3]
    assert np.percentile(band, 95) - np.percentile(band, 5) >= 6, "streaked, not flat"


def test_the_strata_are_uneven_and_not_ruled() -> None:
    """Evenly spaced and level, the seams read as a notebook's ruled lines: the strata differ
    in thickness, and each seam wanders up and down across the picture."""
    made = built(one_scene(layer("bones", y=SURFACE, amount=0.0, remains=0)), "only",
                 (1920, 1080))
    rows = [np.array([y for _x, y in line]) for line in made.lines]
    thick = [np.mean(b - a) for a, b in zip(rows, rows[1:], strict=False)]
    assert max(thick) > 1.6 * min(thick), f"strata of uneven thickness ({thick})"
    assert min(np.ptp(line) for line in rows[1:-1]) > 12, "each seam wanders, not ruled"


def drawn(pen: fossils.Pen, size: float = 60) -> np.ndarray:
    """A thing drawn flat by its pen: its coverage, (x, y)."""
    piece = pygame.Surface((400, 400), pygame.SRCALPHA)
    pen(piece, 200, size, BONE, random.Random(1))
    return pygame.surfarray.array_alpha(piece) > 0


def test_the_handset_lies_with_its_ear_and_mouth_cups_up_at_its_ends() -> None:
    """A bar with a knob at each end read as a bone: the cups rise well above the handle."""
    size = 60
    covered = drawn(tar_remains.receiver, size)
    tops = np.array([np.flatnonzero(column)[0] if column.any() else 400
                     for column in covered])
    left, right = 200 - round(0.6 * size), 200 + round(0.6 * size)
    cups = max(tops[left], tops[right])
    assert tops[200] - cups > 0.25 * size, "the handle lies low between the two cups"


def test_the_watch_lies_across_its_strap_with_a_pale_dial() -> None:
    """Upright, strap above and below the case sunk to its middle, it read as a plunger."""
    covered = drawn(tar_remains.watch)
    columns, rows = np.flatnonzero(covered.any(axis=1)), np.flatnonzero(covered.any(axis=0))
    assert np.ptp(columns) > 2 * np.ptp(rows), "the strap runs across"
    piece = pygame.Surface((400, 400), pygame.SRCALPHA)
    tar_remains.watch(piece, 200, 60, BONE, random.Random(1))
    red = pygame.surfarray.array_red(piece).astype(int)
    assert red[200 - 8, 200 - 8] > red[200 - 40, 200] + 40, "its dial is paler than the strap"


def test_a_mammoths_skull_lies_in_profile_its_tusk_curving_up_in_front_of_it() -> None:
    """Face on, with a tusk each side, it read as a round face with its arms raised: in
    profile its dome stands high over the dark eye socket, and a single tusk reaches out in
    front of its face and curves up, its tip above the socket."""
    size = 60
    covered = drawn(lambda piece, c, s, color, _rng: fossils.mammoth_skull(piece, c, s, color),
                    size)
    columns = np.flatnonzero(covered.any(axis=1))
    socket = (200 + round(fossils.ORBIT[0] * size), 200 + round(fossils.ORBIT[1] * size))
    assert not covered[socket], "a dark eye socket"
    dome = np.flatnonzero(covered[socket[0]])[0]
    assert socket[1] - dome > 0.4 * size, "the cranium rises high over the socket"
    front = 200 + round(min(x for x, _y in fossils.CRANIUM) * size)  # the face
    assert front - columns[0] > 0.5 * size, "the tusk reaches out in front of the face"
    tusk = covered[columns[0]:front - 4]
    assert np.flatnonzero(tusk.any(axis=0))[0] < socket[1], "and curves up past the socket"
    box = covered[columns[0]:columns[-1] + 1]
    assert (box & box[::-1]).sum() < 0.6 * box.sum(), "not its own mirror image: in profile"


def test_ribs_are_curved_bones_narrowing_to_their_tips() -> None:
    """Straight, even strokes off a line read as a comb: each rib tapers from the spine to its
    tip and bows, its middle off the straight line between its ends."""
    piece = pygame.Surface((200, 200), pygame.SRCALPHA)
    root, tip = 12.0, 4.0
    fossils.taper(piece, [(60, 20), (84, 90), (80, 170)], root, tip, BONE)
    covered = pygame.surfarray.array_alpha(piece) > 0
    near, far = covered[:, 30].sum(), covered[:, 160].sum()
    assert near > 2 * far, "narrowing to its tip"
    middle = np.flatnonzero(covered[:, 95]).mean()
    assert middle - (60 + (80 - 60) * (95 - 20) / 150) > 10, "bowed, not straight"
    cage = pygame.Surface((400, 400), pygame.SRCALPHA)
    fossils.ribs(cage, 200, 80, BONE, random.Random(1))
    alpha = pygame.surfarray.array_alpha(cage) > 0
    rows = np.flatnonzero(alpha.any(axis=0))
    upper, lower = (rows[0] + (rows[-1] - rows[0]) * share for share in (0.3, 0.8))
    runs = [np.diff(np.flatnonzero(np.diff(np.r_[0, alpha[:, round(y)], 0]))) [::2]
            for y in (upper, lower)]
    assert np.mean(runs[0]) > 1.5 * np.mean(runs[1]), "the cage's ribs thin towards their tips"


Laid = list[tuple[str, float, float, float]]
Params = Mapping[str, Any]


def noting(monkeypatch: pytest.MonkeyPatch) -> Laid:
    """Each bone as `bones.laid` lays it from now on (in pieces): its pen's name, its middle
    (in the layer's image) and its size."""
    laid: Laid = []
    lay = bones.laid

    def noted(image: pygame.Surface, pen: fossils.Pen, x: float, y: float, size: float,
              color: fossils.Rgba, rng: random.Random,
              tilt: tuple[float, float] = fossils.BONE_TILT,
              line: tuple[float, float] = fossils.TAR_LINE,
              bone: bool = True) -> Generator[None, None, None]:
        laid.append((pen.__name__, x, y, size))
        yield from lay(image, pen, x, y, size, color, rng, tilt, line, bone)

    monkeypatch.setattr(bones, "laid", noted)
    return laid


def setup_of(line: Timeline, scene_name: str, size: tuple[int, int]) -> tuple[Params, Setup]:
    """The keys of the bones layer of a timeline's scene, and its set-up at `size`."""
    headless()
    scene = next(scene for scene in line.scenes if scene.name == scene_name)
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "bones")
    return scene.layers[index].params, Compositor(line, size, print).setup(scene, index, "bones")


def built(line: Timeline, scene_name: str, size: tuple[int, int]) -> bones.Bones:
    """The bones layer of a timeline's scene, built at `size`."""
    return bones.Bones(*setup_of(line, scene_name, size))


def disc(image: pygame.Surface, c: float, s: float, color: fossils.Rgba,
         _rng: random.Random) -> None:
    """A round bone, `s` across its half."""
    pygame.draw.circle(image, color, (c, c), s)


def test_a_bone_reaching_into_the_stratum_below_keeps_its_lower_part(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each stratum's band was laid over the bones of the one above: a skull's tusk, rooted
    low, was cut off at the seam under it and lay apart from the skull."""
    laid = noting(monkeypatch)
    monkeypatch.setattr(bones, "FINDS", (fossil_kinds.Find("disc", disc, 1.0, (0.0, 0.0)),))
    layer_ = built(one_scene(layer("bones", y=SURFACE, amount=1.0, remains=0)), "only", SIZE)
    red = pygame.surfarray.array_red(layer_.image).astype(int)

    def seams_at(x: float) -> list[float]:
        """The rows of the lines between the strata at `x`."""
        return [float(np.interp(x, [px for px, _ in line], [py for _, py in line]))
                for line in layer_.lines]

    nearest = max(size for name, _x, _y, size in laid if name == "disc")  # (the nearest
    crossing = [(x, y, size) for name, x, y, size in laid  # discs: the deeper are buried
                if name == "disc" and size > 0.95 * nearest  # to their middles, and the small
                and any(y < seam < y + 0.6 * size - 2  # bones thin: fossil25)
                        for seam in seams_at(x)[1:-1])]
    assert crossing, "a disc reaches down into the stratum below its own"
    rise = [red[round(x), round(y + 0.6 * size)] - red[:, round(y + 0.6 * size)].min()
            for x, y, size in crossing]  # over the band there, where no bone lies
    assert min(rise) > 8, f"their lower parts are bone, not the band below ({rise})"  # (their
    # body stained to half its colour, and sinking: cut off, they would be the band there)


def test_no_bone_lies_under_the_mother_standing_in_deep_time(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A ribcage right under her chin read as her own body: the bones in the strata she stands
    in lie beside her (moved across), as their own animals."""
    laid = noting(monkeypatch)
    line = load_timeline(SHIPPED)
    scene = next(scene for scene in line.scenes if scene.name == DEEP_TIME)
    her = next(spec.params for spec in scene.layers if spec.type == "silhouette")
    layer_ = built(line, DEEP_TIME, (1920, 1080))
    left, right = shapes.across(her, (1920, 1080))
    feet = her["y"] * 1080
    under = [(name, x, y) for name, x, y, size in laid
             if left - size < x < right + size and layer_.top + y - size < feet]
    assert not under, f"bones lie under her ({under})"
    assert any(name == "ribs" for name, *_ in laid), "its ribcage lies beside her, not gone"


def test_a_skulls_tusk_as_laid_in_the_tar_joins_the_skull() -> None:
    """Rooted low and thin, the tusk met the skull only in the rows that fade into the tar,
    and read as a bone apart: at every tilt a skull comes to rest at, the tusk and the skull
    are one piece in what shows clearly."""
    head = next(find for find in fossil_kinds.FINDS if find.name == "mammoth skull")
    for tilt in np.linspace(*head.tilt, 11):
        image = pygame.Surface((400, 400), pygame.SRCALPHA)
        fossils.lay(image,
                    lambda piece, c, s, color, _rng: fossils.mammoth_skull(piece, c, s, color),
                    200, 200, 60, BONE, random.Random(1), (tilt, tilt))
        shows = pygame.mask.from_surface(image, SHOWS)
        pieces = shows.connected_components(20)  # (a stray pixel or two is no piece)
        assert len(pieces) == 1, f"the tusk lies apart at {tilt:.0f} degrees"


def test_the_strata_fade_in_under_the_open_tar() -> None:
    """Under a light mirror, the newest stratum comes up out of the tar over rows, with no
    line at its top (the band laid whole, with a seam along its top, cut the tar's mirror off
    along a ruled edge: a step of 53 levels between two rows)."""
    light = layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False, clouds=0)
    line = one_scene(light + layer("bones", y=SURFACE, amount=0.0, remains=0.0) + NO_POST)
    frame = pygame.surfarray.array3d(draw(line, "08:00", size=SIZE)).astype(float)
    rows = frame.mean(axis=(0, 2))
    top = int(SIZE[1] * SURFACE)
    newest = rows[top - 4:top + SIZE[1] // 2 // tar_strata.STRATA]
    assert np.abs(np.diff(newest)).max() <= FADE_STEP


HEAVY = 0.1  # a transform over this share of the picture's pixels (or making as many): slow


def test_built_ahead_no_piece_transforms_two_large_pictures_and_it_draws_as_at_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Built ahead in pieces, the cut through the tar pauses between shrinking and enlarging
    the strata, and between tilting one of the city's things (drawn large) and shrinking it
    (two of those in one piece held up a frame building the next scene by 10-13 ms at
    1920x1080); it draws what one built at once draws."""
    size = (1920, 1080)
    line = load_timeline(SHIPPED)
    params, setup = setup_of(line, DEEP_TIME, size)
    whole = bones.Bones(params, setup)
    heavy = [0]

    def noted(name: str) -> Callable[..., pygame.Surface]:
        made = getattr(pygame.transform, name)

        def transform(picture: pygame.Surface, *args: Any) -> pygame.Surface:
            out: pygame.Surface = made(picture, *args)
            if max(picture.get_width() * picture.get_height(),
                   out.get_width() * out.get_height()) > HEAVY * size[0] * size[1]:
                heavy[0] += 1
            return out
        return transform

    for name in ("rotate", "smoothscale"):
        monkeypatch.setattr(pygame.transform, name, noted(name))
    stepped = object.__new__(bones.Bones)
    each = []
    for _ in stepped.pieces(params, setup):
        each.append(heavy[0])
        heavy[0] = 0
    assert sum(each) >= 4 and max(each) == 1, each  # the strata's two, a car's two at least
    monkeypatch.undo()
    state = state_at(line, setup.scene.at + 10.0)
    assert drawn_alike((whole, stepped), Frame(state.story_time, 10.0, state), size)


def test_a_mammoths_skull_is_a_massive_head_wider_than_tall_for_its_long_tusk() -> None:
    """A short tusk curling up over a small dome read as a '6': the tusk reaches out far in
    front of the face, as far as the skull is long (the skull itself taller than long, a
    mammoth's, sink22: with it the pair is no longer half again as wide as tall)."""
    size = 60
    covered = drawn(lambda piece, c, s, color, _rng: fossils.mammoth_skull(piece, c, s, color),
                    size)
    columns = np.flatnonzero(covered.any(axis=1))
    front, back = (200 + round(edge(x for x, _y in fossils.CRANIUM) * size)
                   for edge in (min, max))
    assert front - columns[0] >= back - front, (front - columns[0], back - front)


LEGIBLE = 40  # px across at 1080 rows: the handset and the watch are shapes, not specks
HANDSET_OF_CAR = 0.3  # the handset lies at most this share of the car's length across


def across(pen: fossils.Pen) -> int:
    """How many px across one of the city's things lies in the shipped picture's size, as the
    layer draws it (tilted as the seeded layer tilts it)."""
    _pen, size, _across, _under, reach = next(thing for thing in tar_remains.REMAINS
                                              if thing[0] is pen)
    making = tar_remains.draw_thing(pen, 1080 * tar_remains.THING_SIZE * size, reach, BONE[:3],
                                    random.Random(1))
    try:
        while True:
            next(making)
    except StopIteration as done:
        thing: pygame.Surface = done.value
    alpha = pygame.surfarray.array_alpha(thing) > 60
    return int(np.ptp(np.flatnonzero(alpha.any(axis=1))))


def test_the_handset_and_the_watch_are_small_lost_things_beside_the_car() -> None:
    """At one size with the sedan (the handset 180 px across, the car 230) the handset read as
    a giant dumbbell and the watch as a ship's clock: the handset is a fraction of the car's
    length, the watch smaller still, and each still a shape at 1080p, not a speck."""
    car, handset, watch = (across(pen) for pen in (tar_remains.car, tar_remains.receiver,
                                                   tar_remains.watch))
    assert handset <= HANDSET_OF_CAR * car, (handset, car)
    assert LEGIBLE <= watch < handset, (watch, handset)
