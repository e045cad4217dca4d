"""Every scene of the shipped day plays within 1 LU of the loudness curve docs/sound.md
designs for it (issue 10: "loudness within 1 LU of the design"): the whole day rendered on
the shipped clock, each whole scene with its cues measured as `bench --audio --describe`
measures it, against the table under "## Loudness". (Only five scenes, 8 s each, were held to
numbers of their own; the table a curator reads was checked by no test.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from day_config import shipped_program

from installation.audio import analysis
from installation.audio.analysis import describe_day
from installation.commands.common import RENDER_REFERENCE

RATE = 16000  # loudness reads the same at 16 kHz as at 48 (within 0.1 LU here)
WITHIN_LU = 1.0
SOUND_MD = Path(__file__).resolve().parents[2] / "docs" / "sound.md"
ROW = re.compile(r"^\| (\d\d:\d\d) \| ([^|]+?) \| (-?\d+\.\d) \|")


def designed() -> dict[str, float]:
    """The LUFS per scene of the loudness table in docs/sound.md."""
    text = SOUND_MD.read_text(encoding="utf-8")
    section = text[text.index("\n## Loudness\n"):]
    section = section[:section.index("\n## ", 1)] if "\n## " in section[1:] else section
    rows = {}
    for line in section.splitlines():
        match = ROW.match(line)
        if match and match.group(2) not in rows:
            rows[match.group(2)] = float(match.group(3))
    return rows


@pytest.mark.slow
def test_every_scene_plays_within_one_lu_of_its_designed_loudness(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Each second's true peak (4x oversampled: a third of the test's processor time) is in
    # the description and asked for nowhere here: the loudness is measured as before.
    monkeypatch.setattr(analysis, "true_peak", lambda block: analysis.SILENT_DB)
    design = designed()
    assert len(design) >= 16  # every scene but the flash (a boom, then silence)
    day = describe_day(shipped_program(), RATE, lambda m: None, RENDER_REFERENCE)
    heard = {row["scene"]: row["lufs"] for row in day.scenes}
    off = {name: round(heard[name] - lufs, 1) for name, lufs in design.items()
           if abs(heard[name] - lufs) > WITHIN_LU}
    assert not off, off
