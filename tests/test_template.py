"""timelines/template.toml lists every key a curator can write, and is itself a good timeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from installation.core.timeline import load_timeline
from installation.core.timeline.cue_catalog import CUES
from installation.core.timeline.layer_catalog import COMMON, LAYERS
from installation.core.timeline.loader import (
    CAPTION,
    COUNTDOWN,
    CUE_HEAD,
    HEADER,
    PACE,
    SCENE,
    TRANSITION,
)
from installation.core.timeline.score_catalog import VOICES

TEMPLATE = Path(__file__).parent.parent / "timelines" / "template.toml"
TEXT = TEMPLATE.read_text(encoding="utf-8")


def written(key: str, text: str) -> bool:
    """Is `key = ...` written (or commented out) somewhere in the text?"""
    return re.search(rf"(^|[#{{,]\s*){re.escape(key)} = ", text, re.MULTILINE) is not None


def test_template_is_a_valid_timeline() -> None:
    assert load_timeline(TEMPLATE).title == "Template day"


@pytest.mark.parametrize("kind", sorted(LAYERS))
def test_every_layer_key_is_in_the_template(kind: str) -> None:
    section = TEXT.split(f'# type = "{kind}"', 1)[1].split("\n\n", 1)[0]
    assert [p.name for p in LAYERS[kind] if not written(p.name, section)] == []


@pytest.mark.parametrize("kind", sorted(VOICES))
def test_every_score_key_is_in_the_template(kind: str) -> None:
    section = TEXT.split(f"# [scene.score.{kind}]", 1)[1].split("\n\n", 1)[0]
    assert [p.name for p in VOICES[kind] if not written(p.name, section)] == []


@pytest.mark.parametrize("kind", sorted(CUES))
def test_every_cue_key_is_in_the_template(kind: str) -> None:
    section = TEXT.rsplit(f'# type = "{kind}"', 1)[1].split("\n\n", 1)[0]
    assert [p.name for p in CUES[kind] if not written(p.name, section)] == []


def test_every_structural_key_is_in_the_template() -> None:
    keys = [p.name for spec in (HEADER, SCENE, TRANSITION, CAPTION, PACE, COUNTDOWN, CUE_HEAD,
                                COMMON) for p in spec]
    assert [key for key in keys if not written(key, TEXT)] == []
