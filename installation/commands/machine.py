"""The machine a benchmark ran on, named in one line (figures mean little without it)."""

from __future__ import annotations

import os
import platform
from pathlib import Path

CPUINFO = Path("/proc/cpuinfo")
FIELDS = ("model name", "cpu family", "model")  # as Linux names them in /proc/cpuinfo


def cpu_fields(text: str) -> dict[str, str]:
    """The first processor's fields of a /proc/cpuinfo text that name the CPU."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            if found:
                break  # the first processor's block has ended
            continue
        key, _, value = line.partition(":")
        key = key.strip()
        if key in FIELDS and key not in found:
            found[key] = value.strip()
    return found


def describe(cpuinfo: Path = CPUINFO) -> str:
    """e.g. 'AMD EPYC (family 26, model 2), 2 cores, Linux x86_64'."""
    try:
        fields = cpu_fields(cpuinfo.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        fields = {}
    name = fields.get("model name") or platform.processor() or "an unnamed CPU"
    family = ", ".join(f"{label} {fields[key]}" for key, label in
                       (("cpu family", "family"), ("model", "model")) if key in fields)
    cores = os.cpu_count() or 1
    return (f"{name}{f' ({family})' if family else ''}, {cores} core{'s' * (cores != 1)}, "
            f"{platform.system()} {platform.machine()}")
