"""The day's last figure reads as the calf, not a rock: in the morning haze at 10:40-11:00 it
stands near us at the tar's edge, darker than the hazy tar round it, on legs that show (under
the haze, it was the haze's grey; on the far shore, its legs went into the shore's ash)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from installation.core.program import Program
from installation.core.timeutil import parse_clock

from . import test_booth_close
from .test_cuts import DAY_LENGTHS, at_day_length

SIZE = (960, 540)
CALF = (0.66, 0.75)  # across the calf, of the width (it stands at x 0.71, at scale 0.55)
LEGS = (0.915, 0.945)  # the rows of its legs above the bank it stands on
BACK = (0.84, 0.89)  # rows through its back and belly
BESIDE = ((0.43, 0.47), (0.9, 0.96))  # the tar either side of it, clear of it, its bank, the
# caption and the palm's reflection
DARKER = 30  # levels a leg's pixel is darker than the shore beside it, at least
LEG_SHARE = 0.1  # of the legs' box, at least, that dark (two pairs of legs, the night between)
BODY_DARKER = 40  # levels its body is darker than the shore beside it, at least


def band(frame: np.ndarray, across: tuple[float, float], rows: tuple[float, float]) -> np.ndarray:
    """A box of the frame's brightest channel, given as shares of the width and height."""
    return frame[int(across[0] * SIZE[0]):int(across[1] * SIZE[0]),
                 int(rows[0] * SIZE[1]):int(rows[1] * SIZE[1])].max(axis=2)


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Program:
    return at_day_length(DAY_LENGTHS[0], Path(tmp_path_factory.mktemp("day")))


@pytest.mark.parametrize("at", ["10:42", "10:50"])
def test_the_calf_stands_darker_than_the_shore_on_legs_that_show(
        program: Program, at: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(test_booth_close, "SMALL", SIZE)
    frame = test_booth_close.frame_at(program, parse_clock(at))
    shore = float(np.median(np.concatenate([band(frame, side, LEGS).ravel()
                                            for side in BESIDE])))
    legs = band(frame, CALF, LEGS)
    dark = (legs < shore - DARKER).mean()
    assert dark >= LEG_SHARE, f"{dark:.0%} of its legs' box darker than the shore ({shore})"
    body = float(np.percentile(band(frame, CALF, BACK), 20))
    assert body <= shore - BODY_DARKER, f"its body {body} against the shore {shore}"
