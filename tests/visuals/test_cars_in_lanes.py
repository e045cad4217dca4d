"""Wilshire's cars stay in their lanes: none stands with its side at the kerb (a car's rear on
the pavement beside the people at MARKET, 19:59), and the cars waiting at the lights near the
eye stand with road showing between them (queued a fifth of a car apart, from the eye's
height two bodies overlapped in one lane)."""

from __future__ import annotations

import numpy as np
import pytest

from installation.visuals.boulevard_plan import Z_FAR
from installation.visuals.cars import BODY, CAR_LONG, HALF_WIDTH
from installation.visuals.street_fleet import LANES
from installation.visuals.street_queue import BEHIND, Drive
from installation.visuals.street_view import RISE

from .test_dusk_crossing import dusk

KERB = 1.0  # the road's edge (world units from its middle)
KERB_ROOM = 0.1  # a car's side stands at least this far in from it
NEAR_QUEUE = 3.0  # world z: cars waiting nearer than this are big in the picture
ROAD_SEEN = 0.05  # world units of road seen between two of them, at least
STANDS = 1e-3  # world units a step: a car moving less stands


@pytest.fixture(scope="module")
def drive() -> Drive:
    """What the dusk street's drivers do over a turn of its lights."""
    street, _people, _ = dusk()
    queues = street.traffic.queues
    assert queues is not None and queues.drive is not None
    return queues.drive


def test_no_car_stands_at_the_kerb(drive: Drive) -> None:
    """Every lane's cars keep their sides clear of the kerb (the outer lanes' at 0.78 put a
    car's side at 0.94, its shadow on the kerb: parked on the pavement)."""
    outer = max(abs(lane) for lane in (*LANES, *np.unique(drive.lanes).tolist()))
    assert outer + HALF_WIDTH <= KERB - KERB_ROOM, f"a car's side at {outer + HALF_WIDTH:.2f}"


def test_cars_waiting_near_the_eye_show_road_between_them(drive: Drive) -> None:
    """Of two cars standing one behind the other in a lane near the eye, the nearer one's far
    end hides the road beyond it up to where the eye's line over it meets the road: the farther
    car stands beyond that, road showing between them."""
    moving = np.abs(np.diff(drive.along, axis=1))
    for step in range(drive.along.shape[1] - 1):
        for lane in np.unique(drive.lanes).tolist():
            here = (drive.lanes == lane) & (moving[:, step] < STANDS)
            along = drive.along[here, step]
            near = np.sort(Z_FAR - along if lane < 0 else BEHIND + along - CAR_LONG)
            for first, second in zip(near[:-1], near[1:], strict=True):
                if second >= NEAR_QUEUE or first < 0:
                    continue
                hidden = (first + CAR_LONG) / (1 - BODY * RISE)  # the road it hides, to here
                assert second - hidden >= ROAD_SEEN, (
                    f"lane {lane}: cars at {first:.2f} and {second:.2f} overlap from the eye"
                )
