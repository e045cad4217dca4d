"""The pads' sizes under a layer's people are worked out once, not on every frame."""

from __future__ import annotations

import pygame
import pytest

from installation.visuals import contact_shadow
from installation.visuals.budget import Budget
from installation.visuals.contact_shadow import Contact
from installation.visuals.render import headless


def test_a_second_fill_with_the_same_people_works_out_no_pad_size(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """First light (05:05) fills its people's shadows every frame: once the pads for the
    tallest of them are made, the next frames' fills size no pad again (on main each frame
    sized ~1700 samples twice: ~2 ms)."""
    headless()
    contact_shadow._sizes.cache_clear()  # (as a fresh process: no other test's heights)
    asked: list[float] = []
    size = contact_shadow._size

    def counted(tall: float) -> object:
        asked.append(tall)
        return size(tall)

    monkeypatch.setattr(contact_shadow, "_size", counted)
    contact = Contact(0.5, 0.0)
    sprite = pygame.Surface((60, 217), pygame.SRCALPHA)
    people = [(sprite, (30.0, 211.0))]
    for _ in contact.fill(people, Budget()):
        pass
    made = len(asked)
    assert made > 0 and contact.pads
    for _ in range(3):
        for _ in contact.fill(people, Budget()):
            pass
    assert len(asked) == made
