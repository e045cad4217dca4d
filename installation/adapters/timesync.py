"""Is the system clock synchronised, and by how much is it off? (chronyc or systemd-timesyncd)"""

from __future__ import annotations

import re
from dataclasses import dataclass

from installation.adapters.tools import Runner, run_tool

MAX_OFFSET_MS = 20.0  # two screens further apart than this show a visible step in a cut
_UNITS_MS = {"ns": 1e-6, "us": 1e-3, "µs": 1e-3, "ms": 1.0, "s": 1000.0, "min": 60_000.0}
_TIMESYNCD_OFFSET = re.compile(r"^\s*Offset:\s*([+-]?[\d.]+)\s*(ns|us|µs|ms|s|min)\s*$", re.M)
_CHRONY_OFFSET = re.compile(r"^System time\s*:\s*([\d.]+) seconds (fast|slow)", re.M)


@dataclass(frozen=True)
class ClockSync:
    """What the machine says about its clock: synchronised or not (None: cannot tell), the
    offset from its time source in milliseconds if known, and which tool said so."""

    synchronised: bool | None
    offset_ms: float | None
    source: str

    @property
    def good(self) -> bool:
        return bool(self.synchronised) and (self.offset_ms is None
                                            or abs(self.offset_ms) <= MAX_OFFSET_MS)


def clock_sync(run: Runner = run_tool) -> ClockSync:
    """Ask chrony first (it knows its offset), then systemd's timedatectl."""
    code, said = run(("chronyc", "tracking"), None)
    if code == 0 and "System time" in said:
        return _chrony(said)
    code, said = run(("timedatectl", "show", "-p", "NTPSynchronized", "--value"), None)
    if code != 0 or said.strip() not in ("yes", "no"):
        return ClockSync(None, None, "neither chronyc nor timedatectl answered")
    synchronised = said.strip() == "yes"
    code, detail = run(("timedatectl", "timesync-status"), None)
    match = _TIMESYNCD_OFFSET.search(detail) if code == 0 else None
    offset = float(match.group(1)) * _UNITS_MS[match.group(2)] if match else None
    return ClockSync(synchronised, offset, "timedatectl")


def _chrony(said: str) -> ClockSync:
    match = _CHRONY_OFFSET.search(said)
    offset = None
    if match:
        offset = float(match.group(1)) * 1000.0 * (1 if match.group(2) == "fast" else -1)
    return ClockSync("Not synchronised" not in said, offset, "chronyc")
