"""The mall's lot under the searchlights (04:50-05:05): a car parked on the lot hides the bay
lines under it, so no line runs into a car's lower body (on a2f51b4f lines ran in under the
burnt cars' ends, at their bumpers)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from installation.visuals import lot

from .helpers import NO_POST, frame_at, layer

FULL_HD = (1920, 1080)
BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
CHANGED = 3  # levels: a pixel a car or a bay line is drawn on changes by more than this
STRIPES = 2000  # pixels of bay lines on the lot, at least (3900 of them: only a few go under cars)
PAST = 0.05  # of a car's drawn length: how far past either end of it its lower body is looked at


def _lot(cars: int, bays: bool = True) -> np.ndarray:
    """The lot alone at 04:50, with the first `cars` cars, with or without its bay lines."""
    with pytest.MonkeyPatch.context() as patch:
        if not bays:
            patch.setattr(lot.Lot, "_bays", lambda *_args: None)
        body = BLACK_SKY + layer("lot", fires=0, cars=cars, ground=0.8) + NO_POST
        return frame_at(body, "04:50", 0.0, FULL_HD)


def test_no_bay_line_runs_into_a_cars_lower_body() -> None:
    """Round each car's lower half (from the middle of its height down to its wheels' foot,
    PAST of its length beyond either end) not one pixel of bay line shows."""
    count = len(lot.CARS)
    drawn, bare = _lot(count), _lot(count, bays=False)
    stripes = np.abs(drawn - bare).max(axis=2) > CHANGED
    assert stripes.sum() > STRIPES, "the bay lines are there, round the cars"
    cars = np.abs(bare - _lot(0, bays=False)).max(axis=2) > CHANGED
    labels, _ = ndimage.label(cars)
    boxes = [box for box in ndimage.find_objects(labels)
             if box[0].stop - box[0].start > 40]  # (a car, not a speck of its lit edge)
    assert len(boxes) >= count - 1, len(boxes)  # (two far ones may touch)
    for across, down in boxes:
        past = round(PAST * (across.stop - across.start))
        middle = (down.start + down.stop) // 2
        under = stripes[across.start - past:across.stop + past, middle:down.stop]
        assert not under.any(), (across.start, down.start, int(under.sum()))
