"""Which tests share the soak's worker under pytest-xdist, and in what order they run there."""

from __future__ import annotations

from typing import Any

SOAK_FILE = "tests/test_soak.py"
# Their files' tests join the soak's (one work unit of --dist loadfile, in one worker), run in
# this order: the real-time sound recordings first, while the soak's show plays beside them (it
# leaves its core mostly idle, and they wait on the clock: ~90 s of a worker held by a process
# using ~0.4 of a core), then the soak's own test (it waits for its show's end), then mypy's
# (started with the soak's show, at the lowest priority: it takes the processor time the show
# and the recordings leave, never theirs).
BESIDE_SOAK = ("tests/test_sound_server.py", SOAK_FILE, "tests/test_lint.py")


def beside_soak(nodeid: str) -> bool:
    """Whether a test runs in the soak's worker (under pytest-xdist)."""
    return nodeid.split("::", 1)[0] in BESIDE_SOAK


def place_beside_soak(nodeid: str) -> int:
    """A test's place in the soak's work unit: its file's in BESIDE_SOAK, then mypy's before
    ruff's (ruff's takes seconds; mypy's has run in the background)."""
    file, _, name = nodeid.partition("::")
    return 2 * BESIDE_SOAK.index(file) + (not name.startswith("test_mypy"))


def scheduler(config: Any, log: Any) -> Any:
    """xdist's file scheduler, with the BESIDE_SOAK files' tests in the soak file's unit."""
    from xdist.scheduler import LoadFileScheduling

    class BesideSoak(LoadFileScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            scope: str = super()._split_scope(nodeid)
            return SOAK_FILE if scope in BESIDE_SOAK else scope

    return BesideSoak(config, log)
