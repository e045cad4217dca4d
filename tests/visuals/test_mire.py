"""A mammoth sinking into the tar: the tar heaps round her unevenly, clings to her, rings
spread from her, and her reflection starts where she goes in."""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

import numpy as np
import pygame
import pytest

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals import mire, silhouette, silhouette_mirror
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.mammoth_coat import SHAG_PIXELS
from installation.visuals.render import headless
from installation.visuals.silhouette import Silhouette
from installation.visuals.silhouette_mirror import MIRROR_SQUASH
from installation.visuals.silhouette_sink import SINK_STEPS

from .helpers import NO_POST, compositor_finding, draw, layer, one_frame, one_scene, shared_made

BIG = (960, 540)  # large enough for the lumps of her collar to be pixels apart
SKY = layer("sky", top="#5078b4", bottom="#a0b4d0", stars=0, sun=False, clouds=0)
TAR = layer("tarpit", y=0.55, bubbles=0, reflect=0)  # still tar: only her rings move on it
WHITE = "#f0f0f0"  # she is drawn white, so that where the tar covers her shows


def pit(color: str = "#0b0b0d", reflect: float = 0.5, at: str = "12:00",
        scale: float = 1.05, sinking: float = 0.12) -> Timeline:
    return one_scene(SKY + TAR + layer(
        "silhouette", shape="mammoth", x=0.4, y=0.84, scale=scale, sink=0.3, sinking=sinking,
        flip=True, reflect=reflect, color=color) + NO_POST, at=at)


@cache
def picture(moment: str, **keys: Any) -> np.ndarray:
    """The frame at story time `moment` of pit(**keys) at BIG (array3d, read-only), drawn
    once a process finding shared_made's pictures: several tests look at the same pit at the
    same moment (her rings at 12:00:02 against the still pit's, three times), and each drew
    her in all her pictures afresh."""
    frame = pygame.surfarray.array3d(draw(pit(**keys), moment, size=BIG, made=shared_made()))
    frame.flags.writeable = False
    return frame


def mother(line: Timeline, index: int = 2) -> Silhouette:
    """The same mammoth the frame draws (built alike, she is the same to the pixel)."""
    headless()
    setup = compositor_finding(line, BIG, shared_made(), print).setup(line.scenes[0], index,
                                                                       "silhouette")
    return Silhouette(line.scenes[0].layers[index].params, setup)


def her_columns(frame: np.ndarray, her: Silhouette) -> np.ndarray:
    """The columns where she is white in the row a few pixels over the collar's highest top."""
    row = her.line - 3 * her.wading.thick if her.wading else her.line
    return np.flatnonzero(frame[:, row].min(axis=1) > 200)


def tar_reach(frame: np.ndarray, her: Silhouette, columns: np.ndarray) -> np.ndarray:
    """In each column, how far above the surface line the tar covers her (she is white): the
    collar heaped against her, or the tar clinging to her above it."""
    white = frame[columns, her.line - 60:her.line].min(axis=2) > 200
    lowest = 59 - np.argmax(white[:, ::-1], axis=1)  # her lowest white row, from the top
    return np.asarray(60 - 1 - lowest)


def test_the_tar_heaps_round_her_unevenly_not_on_one_straight_row() -> None:
    for at in ("12:00", "14:30"):  # and still as she sinks deeper
        line = pit(WHITE, at=at)
        frame = picture(at, color=WHITE, at=at)
        her = mother(line)
        columns = her_columns(frame, her)
        reach = tar_reach(frame, her, columns[5:-5])
        assert reach.min() >= 1, f"at {at} the tar covers her lowest rows everywhere"
        assert reach.max() - reach.min() >= 5, f"at {at} its top rises and falls by pixels"
        assert len(set(reach.tolist())) >= 5, f"at {at} it is not a ruler line"


def test_beside_her_just_above_the_line_is_dark_tar_and_nothing_is_tan() -> None:
    """The tar round her is the pit's own (see test_mire_edge); where its edge on her glints,
    it glints in the sky's colour (a blue noon), and no tan line runs along it."""
    line = pit()
    frame = picture("12:00").astype(int)
    her = mother(line)
    assert her.wading is not None
    her.wading.prepare(her.image.get_height() - her.sink, (80, 120, 180))
    solid = np.flatnonzero(her.wading.solid) - her.wading.pad + her.feet[0]
    beside = frame[solid[0] - 3, her.line - 2]
    assert beside.max() < 70, "the tar beside her is dark"
    band = frame[solid[0] - 20:solid[-1] + 20, her.line - 25:her.line + 6]
    tan = (band[..., 0] > 110) & (band[..., 0] > band[..., 2] + 25)
    assert not tan.any(), "no tan line along the tar"
    lip = band.max(axis=2) > 60
    assert (band[lip][:, 2] >= band[lip][:, 0]).all(), "in the sky's colour (a blue noon)"


def test_rings_spread_slowly_from_her_over_the_tar() -> None:
    line = pit()
    her = mother(line)
    earlier = picture("12:00:02").astype(int)
    later = picture("12:00:05").astype(int)
    # a figure neither mirrored nor sinking sends none
    plain = picture("12:00:02", reflect=0, sinking=0.0).astype(int)
    left = her.feet[0] - her.wading.pad if her.wading else her.feet[0]
    # The tar beside her, out past her collar and her reflection, where nothing else moves.
    side = (slice(0, left - 4), slice(her.line - 40, her.line + 40))
    ring = np.abs(earlier[side] - plain[side]).sum(axis=2) > 6
    assert ring.sum() > 40, "a ring lies on the tar beside her"
    moved = np.abs(earlier[side] - later[side]).sum(axis=2) > 6
    assert moved.sum() > 40, "three seconds on it has spread"


def test_her_rings_are_soft_ripples_as_the_tar_s_own_not_one_pixel_outlines() -> None:
    """Across a ring beside her the tar changes over several pixels and eases in and out,
    as under a bursting bubble's rings."""
    line = pit()
    her = mother(line)
    rings = picture("12:00:02").astype(int)
    plain = picture("12:00:02", reflect=0, sinking=0.0).astype(int)
    left = her.feet[0] - her.wading.pad if her.wading else her.feet[0]
    changed = np.abs(plain - rings)[:left - 4, her.line - 40:her.line + 40].sum(axis=2)
    across = changed[:, int(np.argmax(changed.sum(axis=0)))]  # the row it changes most
    most = int(np.argmax(across))
    assert across[most] > 6, "a ring crosses the tar beside her"
    ring = np.flatnonzero(across > across[most] / 4)
    nearby = ring[np.abs(ring - most) <= 12]
    assert nearby.max() - nearby.min() + 1 >= 4, "a soft band, not a one-pixel line"
    assert np.abs(np.diff(across)).max() < 0.7 * across[most], "no hard edge"


def test_her_reflection_starts_where_she_goes_into_the_tar() -> None:
    """Under her collar the tar mirrors the rows of her just above the surface (squashed), so
    it is as wide as she is there: nothing of her under the tar is mirrored."""
    line = pit(WHITE)
    frame = picture("12:00", color=WHITE, at="12:00")
    her = mother(line)
    assert her.wading is not None
    visible = her.image.get_height() - her.sink
    below = her.line + her.wading.thick  # under her collar
    lit = np.flatnonzero(frame[:, below:below + 6].max(axis=(1, 2)) > 35)  # dim, as tar gives back
    alpha = pygame.surfarray.array_alpha(her.image)
    rows = [visible - 1 - round(d / MIRROR_SQUASH) for d in range(her.wading.thick,
                                                                   her.wading.thick + 6)]
    mirrored = np.flatnonzero((alpha[:, rows] > 100).any(axis=1)) + her.feet[0]
    assert lit.size, "she is mirrored in the tar"
    near = 1 + SHAG_PIXELS  # her shaggy edge's clumps of hair, a few pixels from row to row
    assert abs(lit.min() - mirrored.min()) <= near and abs(lit.max() - mirrored.max()) <= near


def test_a_large_animal_goes_down_in_a_few_hundred_steps_not_row_by_row() -> None:
    """Each step she sinks paints her and the tar round her again (10 ms at the dream's size):
    over an hour of sinking she moves in steps of span / SINK_STEPS rows, the same at the same
    story time whoever asks."""
    line = pit(scale=2.2)  # as large as the dream's
    her = mother(line)
    step = max(1, round(her.span / SINK_STEPS))
    start = line.scenes[0].at
    depths = [her.sunk(Frame(start + n * 6.0, 0.0, state_at(line, start + n * 6.0), None))
              for n in range(600)]
    assert all(depth % step == 0 for depth in depths)
    changes = sum(1 for a, b in zip(depths, depths[1:], strict=False) if a != b)
    assert her.span * 0.12 > 40  # row by row she would change more than 40 times in the hour
    assert 0 < changes <= 200 * 0.12 + 1  # `sinking` 0.12 of her height an hour, in 200ths


def sinking(reflect: float = 0.0) -> Timeline:
    """As in the Dream: a large mother sinking fast, kept in the still picture over the tar's
    edge (mirrored in it by `reflect`)."""
    return one_scene(layer("sky", stars=0, sun=False) + layer(
        "silhouette", shape="mammoth", x=0.52, y=0.86, scale=2.2, flip=True, sink=0.05,
        sinking=1.0, reflect=reflect, color="#161d40") + layer("tarpit", y=0.8, reflect=0.3)
        + NO_POST)


START = parse_clock("12:40")


def sink_steps(line: Timeline, seen: list[int]) -> dict[int, bytes]:
    """A minute of frames a second apart (she sinks a step every ~17), her depth at each noted
    in `seen` as it is drawn: the frames she sank a step on."""
    her = mother(line, 1)
    running = Compositor(line, BIG, print)
    surface = pygame.Surface(BIG)
    drawn: dict[int, bytes] = {}
    for n in range(60):
        state = state_at(line, START + n)
        running.draw(surface, state)
        seen.append(her.sunk(Frame(state.story_time, state.scene_seconds, state)))
        if n and seen[-1] != seen[-2]:
            drawn[n] = pygame.image.tobytes(surface, "RGB")
    return drawn


def assert_drawn_afresh(line: Timeline, drawn: dict[int, bytes]) -> None:
    """Frames drawn in a row are those a fresh compositor draws."""
    for n, picture in drawn.items():  # (finding the pictures made: see assert_as_fresh)
        surface = one_frame(line, BIG, state_at(line, START + n), shared_made())
        assert pygame.image.tobytes(surface, "RGB") == picture


def test_the_frame_she_sinks_a_step_on_only_paints_her_collar_made_ahead(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Her collar and coat for the next step are worked out ahead, a piece a frame, so the
    frame she goes down on works out none of them (at 1080p that took 6-9 ms of the frame,
    on top of painting her again). Frames drawn in a row are still those a fresh compositor
    draws."""
    headless()
    line = sinking()
    seen: list[int] = []  # her depth at each frame drawn so far
    begun: list[int] = []  # the frames a collar or a coat was begun on (each starts so)
    counted = mire.distance_to_solid

    def begin(solid: np.ndarray) -> np.ndarray:
        begun.append(len(seen))
        return counted(solid)

    monkeypatch.setattr(mire, "distance_to_solid", begin)
    drawn = sink_steps(line, seen)
    monkeypatch.undo()
    assert len(drawn) >= 3
    assert not set(begun) & set(drawn), "the frame she sinks on works out none of her collar"
    ahead = [m for m in begun if m > 0]  # the first frame makes hers at once
    assert len(ahead) >= 2 * len(drawn), "each step's collar and coat were made ahead"
    # A share of the next collar a frame (perftar23: silhouette_ahead.CollarShare, at most
    # MOST_A_FRAME pieces; it was one piece a frame): a frame may finish one and begin the next
    assert max(Counter(ahead).values()) <= 2, "a share a frame"
    assert_drawn_afresh(line, drawn)


def test_the_frame_she_sinks_a_step_on_only_paints_her_reflection_made_ahead(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Mirrored in the tar, the reflection of her as the next step leaves her showing is
    made ahead too, a frame of its own (at 1080p it took 0.5-1.3 ms of the frame she sinks
    on), or not at all where what shows of her is her whole picture (her raised trunk and
    tusk stay out of the tar: nothing of her is cleared, and one reflection serves every
    depth); the frames are those drawn afresh."""
    headless()
    line = sinking(reflect=0.3)
    seen: list[int] = []
    mirrored: list[int] = []  # the frames a reflection of her was made on
    mirror = silhouette_mirror.mirrored

    def made(figure: pygame.Surface, reflect: float) -> pygame.Surface:
        mirrored.append(len(seen))
        return mirror(figure, reflect)

    monkeypatch.setattr(silhouette_mirror, "mirrored", made)
    monkeypatch.setattr(silhouette, "mirrored", made)
    drawn = sink_steps(line, seen)
    monkeypatch.undo()
    assert len(drawn) >= 3
    assert not set(mirrored) & set(drawn), "the frame she sinks on mirrors nothing"
    assert len([m for m in mirrored if m > 0]) <= len(drawn), "at most once a step"
    assert_drawn_afresh(line, drawn)


def test_a_sunk_mother_shows_one_piece_above_the_tar_not_a_tusk_tip_standing_alone() -> None:
    """Half sunk, as the tar keeps her after the flash: her curved tusk dips under the heaped
    tar and comes back up. Its tip, out of the tar alone, read as a bone: it has gone under
    with her, and what shows of her (drawn white) above the tar is all one piece."""
    line = one_scene(SKY + TAR + layer(
        "silhouette", shape="mammoth", x=0.46, y=0.8, scale=1.1, sink=0.5, flip=True,
        color=WHITE) + NO_POST)
    assert pieces_above_the_tar(line, "12:00") == 1


def test_as_she_sinks_past_her_tusk_its_tip_goes_under_with_her() -> None:
    """Sinking (the noon pit's mother, late in the afternoon), the tusk's middle goes under
    before its tip: from then on the tip is under too, at every depth."""
    line = pit(WHITE)
    for at in ("13:50", "14:10", "14:25"):
        assert pieces_above_the_tar(line, at) == 1, at


def pieces_above_the_tar(line: Timeline, at: str) -> int:
    """How many pieces of her (drawn white) show between the tar's far edge and her line (a
    tusk's tip standing alone: 150-280 pixels at this size)."""
    frame = pygame.surfarray.array3d(draw(line, at, size=BIG, made=shared_made()))
    her = mother(line)
    edge = int(BIG[1] * 0.55) + 2  # the tar's far edge: below it, all that is light is her
    white = frame[:, edge:her.line].min(axis=2) > 120  # where the tar does not cover her
    assert white.sum() > 1000, "she shows above the tar"
    shown = pygame.Surface(white.shape, pygame.SRCALPHA)
    alpha = pygame.surfarray.pixels_alpha(shown)
    alpha[:] = white * 255
    del alpha
    # Not counting specks of her the tar's streaks part from her (a pixel or two across).
    return len(pygame.mask.from_surface(shown).connected_components(minimum=20))


def test_her_tusk_is_mirrored_dimmer_and_browner_than_it_is() -> None:
    """A light thing in the dark tar gives back a dim brown ghost of itself (at noon the
    reflection of her tusk read brighter than the tusk): over the tar under it, her tusk's
    reflection adds less than a tenth of the tusk's own brightness, most of it red."""
    line = pit(scale=0.7)
    frame = picture("12:00", scale=0.7).astype(float)
    tar = picture("12:00", reflect=0.0, scale=0.7).astype(float)
    her = mother(line)
    assert her.mirror is not None
    light = pygame.surfarray.array3d(her.image).sum(axis=2) > 250  # her tusk (she is dark)
    tusk = frame[her.feet[0]:her.feet[0] + light.shape[0],
                 her.feet[1] + her.sink:her.feet[1] + her.sink + light.shape[1]][light]
    mirrored = pygame.surfarray.array3d(her.mirror).sum(axis=2) > 100  # the tusk in it
    visible = min(her.image.get_height(), her.line - her.feet[1] - her.sink)  # as drawn
    skip = int((her.image.get_height() - visible) * MIRROR_SQUASH)
    area = (slice(her.feet[0], her.feet[0] + mirrored.shape[0]),
            slice(her.line - skip, her.line - skip + mirrored.shape[1]))
    lift = (frame[area] - tar[area])[mirrored[:, :frame[area].shape[1]]]
    lift = lift[(lift.sum(axis=1) != 0)]  # where the reflection shows (not under her rings)
    assert lift.size and tusk.size
    assert np.median(lift.mean(axis=1)) < 0.1 * np.median(tusk.mean(axis=1)), "dim"
    assert np.median(lift[:, 0]) > np.median(lift[:, 2]), "browner"


def test_a_sinking_mother_stirs_the_tar_unmirrored() -> None:
    """Sinking, she sends rings over the tar round her even where she is not mirrored (10:30,
    under the haze: the tar round her lay still as glass while she fought it)."""
    line = pit(reflect=0)
    her = mother(line)
    rings = picture("12:00:02", reflect=0).astype(int)
    plain = picture("12:00:02", reflect=0, sinking=0.0).astype(int)
    left = her.feet[0] - her.wading.pad if her.wading else her.feet[0]
    side = (slice(0, left - 4), slice(her.line - 40, her.line + 40))
    assert (np.abs(rings[side] - plain[side]).sum(axis=2) > 6).sum() > 40, "a ring beside her"
