"""At the payphone Harry's sprite holds no handset of its own: the booth draws the one he holds
(a dark stick from his hand to his ear showed beside it)."""

from __future__ import annotations

import pytest

from installation.visuals.call_poses import HOLDING
from installation.visuals.poses import pose


@pytest.mark.parametrize("name", HOLDING)
@pytest.mark.parametrize("phase", [0.0, 0.3, 0.6, 0.9])
def test_no_stick_from_hand_to_ear(name: str, phase: float) -> None:
    body = pose(name, phase)
    above_hand = [c for c in body.capsules
                  if c.limb == "hand" and max(c.a[1], c.b[1]) > body.hand[1] + 0.02]
    assert above_hand == [], f"{name} at {phase}: a stick from the hand up to the ear"
