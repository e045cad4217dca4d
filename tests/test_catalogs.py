"""What curators may write and what the code implements list the same names."""

from __future__ import annotations

from installation.audio.sounds import SYNTHS
from installation.audio.voices import VOICE_TYPES
from installation.core.timeline.cue_catalog import SYNTH_SOUNDS
from installation.core.timeline.score_catalog import VOICES


def test_every_score_part_a_curator_may_name_is_played_and_no_other() -> None:
    assert set(VOICES) == set(VOICE_TYPES)


def test_every_synth_sound_a_cue_may_name_is_synthesized_and_no_other() -> None:
    assert set(SYNTH_SOUNDS) == set(SYNTHS)


def test_every_pad_preset_a_curator_may_name_has_a_voice_count() -> None:
    from installation.audio.voices import PAD_VOICES
    from installation.core.timeline.score_catalog import PAD_PRESETS

    assert set(PAD_PRESETS) == set(PAD_VOICES)
