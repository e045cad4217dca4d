"""The shipped day for tests: as a program, or copied into a folder with a config to play it."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

from installation.core.config import load_config
from installation.core.program import Program
from installation.core.timeline import load_timeline

ROOT = Path(__file__).parent.parent
SHIPPED = ROOT / "timelines" / "miracle-mile.toml"


@cache
def shipped_program() -> Program:
    """The shipped day at the shipped pace (the repository's config and timeline), loaded once
    a process: it is frozen (its layers' params too), and tests asked for it in loops (test_diner_
    way_out's rush loaded it 1206 times, 15 of its 16 s)."""
    return Program(load_config(ROOT / "config.toml"), load_timeline(SHIPPED))


def write_config(folder: Path, resolution: str, audio: bool, logging: str = "") -> Path:
    """The shipped day copied into `folder` (an edit in the working tree must not reload into
    the show) and a config.toml playing it at 30 fps, logging into `folder`/logs; its path."""
    shutil.copy(SHIPPED, folder / "day.toml")
    config = folder / "config.toml"
    config.write_text(
        f'[display]\nresolution = "{resolution}"\nfps = 30\n'
        f'[audio]\nenabled = {"true" if audio else "false"}\n'
        '[show]\ntimeline = "day.toml"\n'
        f'[logging]\nfolder = "logs"\n{logging}')
    return config
