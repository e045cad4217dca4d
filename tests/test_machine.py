"""The benches name the machine their figures were measured on."""

from __future__ import annotations

from pathlib import Path

from installation.commands.machine import cpu_fields, describe

CPUINFO = """processor\t: 0
vendor_id\t: AuthenticAMD
cpu family\t: 26
model\t\t: 2
model name\t: AMD EPYC
flags\t\t: fpu sse avx2

processor\t: 1
model name\t: another CPU
"""


def test_the_first_processor_names_the_cpu() -> None:
    assert cpu_fields(CPUINFO) == {"cpu family": "26", "model": "2", "model name": "AMD EPYC"}


def test_the_line_names_cpu_family_and_cores(tmp_path: Path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text(CPUINFO, encoding="utf-8")
    line = describe(info)
    assert line.startswith("AMD EPYC (family 26, model 2), ")
    assert " core" in line


def test_a_machine_without_cpuinfo_is_still_described(tmp_path: Path) -> None:
    assert " core" in describe(tmp_path / "missing")
