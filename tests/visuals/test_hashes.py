"""The array hash gives hash01's numbers: the restless windows picked at once are those a
window at a time would pick."""

from __future__ import annotations

import numpy as np

from installation.visuals.base import hash01, hashes01


def test_hashes01_is_hash01_for_each_element() -> None:
    ids = np.arange(0, 3000, 7, dtype=np.uint64)
    salts = np.full(ids.shape, 6, np.uint64)
    got = hashes01(1988, ids, salts)
    assert got.tolist() == [hash01(1988, int(i), 6) for i in ids]
