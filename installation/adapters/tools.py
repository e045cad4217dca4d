"""Running the system's own tools (xset, cec-client, timedatectl, chronyc) with a time limit."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence

TOOL_SECONDS = 15.0  # cec-client takes a few seconds to find its adapter
Runner = Callable[[Sequence[str], str | None], tuple[int, str]]


def run_tool(argv: Sequence[str], stdin: str | None = None) -> tuple[int, str]:
    """(exit code, what it printed); a missing tool is 127 and one that hangs 124, as in sh."""
    try:
        done = subprocess.run(list(argv), input=stdin, capture_output=True, text=True,
                              timeout=TOOL_SECONDS, check=False)
    except FileNotFoundError:
        return 127, f"{argv[0]} is not installed"
    except subprocess.TimeoutExpired:
        return 124, f"{argv[0]} did not answer within {TOOL_SECONDS:g} s"
    return done.returncode, (done.stdout + done.stderr).strip()


def last_line(said: str) -> str:
    """The line of a tool's output that usually says why."""
    lines = [line.strip() for line in said.splitlines() if line.strip()]
    return lines[-1] if lines else "no answer"
