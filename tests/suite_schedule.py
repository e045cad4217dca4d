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
# Files whose tests read one thing worked out once a process (a functools cache), each run in
# the first file's work unit, in one worker, so it is worked out once, not in both workers:
# the shipped day's building ahead replayed over two days (late18_replay.replay_day, ~5 s).
SHARING = {"tests/visuals/test_nodrop20_day.py": "tests/visuals/test_late18_day_builds.py",
           # the tar pits' mothers built at 1920x1080 (test_mammoth_head.mother, ~1-2 s each)
           "tests/visuals/test_mammoth_reads.py": "tests/visuals/test_mammoth_head.py"}


def beside_soak(nodeid: str) -> bool:
    """Whether a test runs in the soak's worker (under pytest-xdist)."""
    return nodeid.split("::", 1)[0] in BESIDE_SOAK


def place_beside_soak(nodeid: str) -> int:
    """A test's place in the soak's work unit: its file's in BESIDE_SOAK, then mypy's before
    ruff's (ruff's takes seconds; mypy's has run in the background)."""
    file, _, name = nodeid.partition("::")
    return 2 * BESIDE_SOAK.index(file) + (not name.startswith("test_mypy"))


def scheduler(config: Any, log: Any) -> Any:
    """xdist's file scheduler, with the BESIDE_SOAK files' tests in the soak file's unit and
    the SHARING files' in the unit of the file they share with."""
    from xdist.scheduler import LoadFileScheduling

    class BesideSoak(LoadFileScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            scope: str = super()._split_scope(nodeid)
            return SOAK_FILE if scope in BESIDE_SOAK else SHARING.get(scope, scope)

    return BesideSoak(config, log)
