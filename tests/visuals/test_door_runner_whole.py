"""Panic in the diner (04:23 on): a runner going out of the door to the right reads as one
person passing behind the door's far jamb and the wall, whole, never in pieces. At 04:23:17
(on cd9139d5) her foot floated alone in the doorway while a legless scrap of her, cut flat at
the kerb's row, hung in the pane beside the door (the pavement she runs on laid over her); at
04:23:41 the top of a head slid along the panelled wall over the wall part's top row."""

from __future__ import annotations

from collections.abc import Iterator

import pygame

from installation.core.timeutil import parse_clock
from installation.visuals.diner_street import STREET
from installation.visuals.figures import Figures, Member
from installation.visuals.interior_room import DOOR, GLASS_RIGHT, SILL

from .helpers import placed, shipped_crowd
from .test_diner_aftermath import RAN, SCENE, SIZE, frame_at, part

SPAN = ("04:23:08", "04:24:02")  # the rush out of the door, from the counter and the aisle
STEP = 0.5  # story seconds between the moments looked at
DUST = 6  # pixels: a piece of a sprite's edge this small is not a piece of the person
OPAQUE = 255  # the wall part's alpha where nothing behind it shows
BAR = max(2, SIZE[0] // 300)  # the glass front's frame bar (the room's), pixels


def _hidden() -> pygame.mask.Mask:
    """Where the wall part (the door's far jamb, the pane beside it, the wall) hides what is
    drawn before it."""
    surface = pygame.Surface(SIZE, pygame.SRCALPHA)
    surface.fill((0, 0, 0, 0))
    part("wall").draw(surface, frame_at(RAN))
    return pygame.mask.from_surface(surface, OPAQUE - 1)


def _pane(hidden: pygame.mask.Mask) -> tuple[int, int]:
    """The columns of the pane beside the door: from the far jamb's right edge to the wall."""
    row = round(0.47 * SIZE[1])  # (its glass, above the pavement seen through it)
    left = round(DOOR[1] * SIZE[0]) - 2 * BAR
    while hidden.get_at((left, row)):
        left += 1
    right = left
    while not hidden.get_at((right, row)):
        right += 1
    assert right < GLASS_RIGHT * SIZE[0], f"the pane's columns found: {left}-{right}"
    return left, right


def _area(rect: pygame.Rect) -> pygame.mask.Mask:
    """A mask of the picture, set in `rect`."""
    area = pygame.mask.Mask(SIZE)
    area.draw(pygame.mask.Mask(rect.size, fill=True), rect.topleft)
    return area


def _at_the_door() -> Iterator[tuple[float, pygame.mask.Mask]]:
    """Each runner whose sprite reaches past the door's far jamb, at moments of the rush: the
    story seconds after 04:23, and their pixels in the picture."""
    crowd = shipped_crowd(SCENE)
    start, end = (parse_clock(t) for t in SPAN)
    jamb = round(DOOR[1] * SIZE[0]) - 2 * BAR
    for n in range(round((end - start) / STEP)):
        frame = crowd.frame(start + n * STEP)
        members: list[tuple[Figures, Member]] = [
            (layer, member) for layer in crowd.layers for member in layer.members(frame)
            if member.pose.startswith("run")]
        for layer, member in members:
            sprite, at = placed(layer, member)
            if at[0] + sprite.get_width() <= jamb:
                continue
            body = pygame.mask.Mask(SIZE)
            body.draw(pygame.mask.from_surface(sprite), at)
            yield start + n * STEP - parse_clock("04:23"), body


def test_a_runner_behind_the_jamb_and_the_wall_is_one_shape() -> None:
    """What of a runner shows, with what the jamb and the wall beyond the pane hide of them
    (a post and a wall they pass behind: the eye joins across them), is one piece: no foot
    left alone in the doorway while the rest of them shows apart through the pane."""
    hidden = _hidden()
    pane = _pane(hidden)
    through = hidden.overlap_mask(_area(pygame.Rect(pane[0], 0, pane[1] - pane[0], SIZE[1])),
                                  (0, 0))  # hidden in the pane's columns: the glass's low wall
    cut, looked = [], 0
    for seconds, body in _at_the_door():
        if not DUST < body.overlap_area(hidden, (0, 0)) < body.count() - DUST:
            continue  # (all of them in sight, or all gone behind the wall)
        looked += 1
        seen = body.copy()
        seen.erase(through, (0, 0))
        shown = body.copy()
        shown.erase(hidden, (0, 0))
        pieces = [piece for piece in seen.connected_components(DUST)
                  if piece.overlap_area(shown, (0, 0)) > DUST]  # (wholly behind: not seen)
        if len(pieces) > 1:
            cut.append(f"{seconds:.1f} s after 04:23: {[p.count() for p in pieces]} px")
    assert looked, "some runners were looked at going behind the jamb"
    assert not cut, "a runner at the door in pieces: " + "; ".join(cut[:6])


def test_a_runner_is_cut_flat_only_by_the_panes_low_wall() -> None:
    """Where the wall part hides a runner below a row of them that shows, that row is the top
    of the low wall under the pane beside the door (their legs behind it): not the kerb's row
    (the pavement laid over her) nor the wall part's top (a head's top over the wall)."""
    hidden = _hidden()
    sill = round(SILL * SIZE[1]) - BAR  # (the chrome along its top)
    flat = []
    for seconds, body in _at_the_door():
        shown = body.copy()
        shown.erase(hidden, (0, 0))
        under = body.overlap_mask(hidden, (0, 0))
        edge = shown.overlap_mask(under, (0, -1))  # shows, and hidden just below
        wrong = [piece.get_bounding_rects()[0] for piece in edge.connected_components(DUST)]
        wrong = [box for box in wrong if abs(box.bottom - sill) > 1]
        if wrong:
            flat.append(f"{seconds:.1f} s after 04:23: along rows {[b.top for b in wrong]}")
    assert not flat, "a runner cut flat by the wall part: " + "; ".join(flat[:6])


def test_a_runner_seen_through_the_pane_beside_the_door_is_seen_down_to_its_low_wall() -> None:
    """Through the pane right of the door, the pavement is under a runner, never over her:
    nothing of the wall part hides her between the kerb's row and the pane's sill."""
    hidden = _hidden()
    pane = _pane(hidden)
    kerb, sill = round(STREET[3] * SIZE[1]), round(SILL * SIZE[1]) - 2 * BAR
    window = _area(pygame.Rect(pane[0], kerb, pane[1] - pane[0], sill - kerb))
    there, covered = 0, 0
    for _seconds, body in _at_the_door():
        inside = body.overlap_mask(window, (0, 0))
        there += inside.count()
        covered += inside.overlap_area(hidden, (0, 0))
    assert there > 500, "runners were seen in the pane's lower half"
    assert covered < 0.02 * there, f"{covered} of {there} of their pixels there hidden"
