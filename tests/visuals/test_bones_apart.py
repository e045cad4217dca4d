"""The finds in the tar lie apart, each its own animal, and whole in the picture: moved clear
of the mother, a find was not kept clear of the others (at 08:20 the mammoth's tusk lay over
the ribs), and at the picture's right edge a mammoth's skull was cut in half by the frame."""

from __future__ import annotations

from itertools import combinations

from installation.core.timeline import load_timeline
from installation.visuals import bones
from installation.visuals.fossil_small import SMALL

from .test_bones_legible import DEEP_TIME, SHIPPED, setup_of

SIZE = (1920, 1080)


Box = tuple[str, float, float, float, float]  # a find's name, its reach: left, right, top, bottom


def boxes_of_deep_time() -> list[Box]:
    """Each find the shipped deep time lays, and how far it reaches (its drift with it)."""
    params, setup = setup_of(load_timeline(SHIPPED), DEEP_TIME, SIZE)
    layer_ = bones.Bones(params, setup)
    count = round(bones.BONES * params["amount"])
    laid = layer_._laid(count, (SIZE[0], SIZE[1] - layer_.top), setup)
    boxes = []
    for find, x, y, layer, way in laid:
        scale = bones.find_scale(SIZE[1], find, layer)
        reach = scale * find.reach
        tall = bones.EXTENT * scale + bones.DRIFT * SIZE[1] * bool(way)
        if find not in SMALL:  # (small bones crowd the large: fossil25)
            boxes.append((f"{find.name} {layer}", x - reach, x + reach, y - tall, y + tall))
    return boxes


def test_no_two_finds_in_deep_time_overlap() -> None:
    """In the shipped deep time, no large find's reach (across and up, its drift with it)
    overlaps another's in its band (at different depths they overlap: fossil25)."""
    boxes = boxes_of_deep_time()
    overlapping = [(a[0], b[0]) for a, b in combinations(boxes, 2)
                   if a[0].split()[-1] == b[0].split()[-1]
                   and a[1] < b[2] and b[1] < a[2] and a[3] < b[4] and b[3] < a[4]]
    assert not overlapping, overlapping


def test_no_find_in_deep_time_is_cut_by_the_frame() -> None:
    """Each find lies whole inside the picture, left and right."""
    cut = [name for name, left, right, *_rows in boxes_of_deep_time()
           if left < 0 or right > SIZE[0]]
    assert not cut, cut
