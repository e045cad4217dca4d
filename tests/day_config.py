"""A folder to play the shipped day from through the command line: the day copied, a config."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).parent.parent


def write_config(folder: Path, resolution: str, audio: bool, logging: str = "") -> Path:
    """The shipped day copied into `folder` (an edit in the working tree must not reload into
    the show) and a config.toml playing it at 30 fps, logging into `folder`/logs; its path."""
    shutil.copy(ROOT / "timelines" / "miracle-mile.toml", folder / "day.toml")
    config = folder / "config.toml"
    config.write_text(
        f'[display]\nresolution = "{resolution}"\nfps = 30\n'
        f'[audio]\nenabled = {"true" if audio else "false"}\n'
        '[show]\ntimeline = "day.toml"\n'
        f'[logging]\nfolder = "logs"\n{logging}')
    return config
