"""mypy run in the background beside tests that time nothing, to shorten the one test command."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

ROOT = Path(__file__).parent.parent
ARGS = ("mypy", "installation", "tests")
TIMEOUT_S = 600.0

wanted = False  # mypy's test is among those to run (set by conftest)
_run: tuple[subprocess.Popen[bytes], IO[bytes]] | None = None


def start() -> None:
    """Start mypy in the background, once (its output kept in a temporary file)."""
    global _run
    if _run is None:
        out = tempfile.NamedTemporaryFile(prefix="mypy-", suffix=".txt")
        process = subprocess.Popen([sys.executable, "-m", *ARGS], cwd=ROOT, stdout=out,
                                   stderr=subprocess.STDOUT)
        _run = (process, out)


def start_if_wanted() -> None:
    """Start mypy now if its test will ask for the result."""
    if wanted:
        start()


def stop() -> None:
    """End a run nobody waited for (the session ends early)."""
    if _run is not None and _run[0].poll() is None:
        _run[0].kill()
        _run[0].wait()


def result() -> tuple[int, str]:
    """mypy's exit code and output, starting it first if nothing has."""
    start()
    assert _run is not None
    process, out = _run
    code = process.wait(timeout=TIMEOUT_S)
    out.seek(0)
    return code, out.read().decode(errors="replace")
