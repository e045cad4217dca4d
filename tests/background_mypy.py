"""mypy run in the background beside tests that time nothing, to shorten the one test command."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

ROOT = Path(__file__).parent.parent
ARGS = ("mypy", "installation", "tests")
CACHE = ROOT / ".mypy_cache"  # mypy's own, in a working tree where mypy has run
NO_CACHE = ("--cache-dir", os.devnull)  # mypy's way to write no cache: in a fresh clone (CI's)
# the run is cold and nothing reads its cache after it; writing the ~1,000 modules' was ~3%
# of its processor time (every file checked the same)
TIMEOUT_S = 600.0
LOWEST = 19  # the niceness of a run that takes only what other processes leave of the processor

wanted = False  # mypy's test is among those to run (set by conftest)
_run: tuple[subprocess.Popen[bytes], IO[bytes]] | None = None


def start(lowest: bool = False) -> None:
    """Start mypy in the background, once (its output kept in a temporary file); at the
    lowest priority if asked (beside the soak's show and the sound recordings, which must
    not wait for it: see suite_schedule)."""
    global _run
    if _run is None:
        out = tempfile.NamedTemporaryFile(prefix="mypy-", suffix=".txt")
        process = subprocess.Popen([sys.executable, "-m", *command()], cwd=ROOT, stdout=out,
                                   stderr=subprocess.STDOUT)
        if lowest:
            os.setpriority(os.PRIO_PROCESS, process.pid, LOWEST)
        _run = (process, out)


def command() -> tuple[str, ...]:
    """mypy's command line: writing no cache where none was written before (a fresh clone's
    run is cold: nothing would read it), else keeping the one a developer's tree has warm."""
    return ARGS if CACHE.exists() else (ARGS[0], *NO_CACHE, *ARGS[1:])


def start_if_wanted(lowest: bool = False) -> None:
    """Start mypy now if its test will ask for the result."""
    if wanted:
        start(lowest)


def _as_others() -> None:
    """A run started at the lowest priority, still going, at the harness's own again: raised
    where the system lets a process raise another's (as root), else begun again (on a busy
    machine a run at the lowest priority might not end in TIMEOUT_S)."""
    global _run
    assert _run is not None
    process, out = _run
    own = os.getpriority(os.PRIO_PROCESS, 0)
    try:
        if process.poll() is not None or os.getpriority(os.PRIO_PROCESS, process.pid) == own:
            return
        os.setpriority(os.PRIO_PROCESS, process.pid, own)
    except ProcessLookupError:  # it has just ended
        return
    except PermissionError:
        process.kill()
        process.wait()
        out.close()
        _run = None
        start()


def stop() -> None:
    """End a run nobody waited for (the session ends early)."""
    if _run is not None and _run[0].poll() is None:
        _run[0].kill()
        _run[0].wait()


def result() -> tuple[int, str]:
    """mypy's exit code and output, starting it first if nothing has."""
    start()
    _as_others()  # nothing is left to wait for it: the soak's show has ended
    assert _run is not None
    process, out = _run
    code = process.wait(timeout=TIMEOUT_S)
    out.seek(0)
    return code, out.read().decode(errors="replace")
