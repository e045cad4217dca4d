"""Chords, notes, scales and patterns as curators write them, and the messages for mistakes."""

from __future__ import annotations

import pytest

from installation.core.errors import TimelineError
from installation.core.notes import Step, chord, degree_to_midi, pattern, scale
from installation.core.params import Invalid
from installation.core.timeline import parse_timeline

SCENE = """
[[scene]]
at = "04:05"
name = "Payphone"
[scene.score.{part}]
{key} = {value}
"""


def test_chord_symbols_and_note_lists() -> None:
    parse = chord()
    assert parse("Dm9") == (50, 53, 57, 60, 64)
    assert parse("F#sus4") == (54, 59, 61)
    assert parse("D3 A3 F4") == (50, 57, 65)
    assert parse(["Bb2", "F3"]) == (46, 53)


def test_scales_and_patterns() -> None:
    assert scale()("D dorian") == (50, 52, 53, 55, 57, 59, 60)
    assert scale()("A2 minor")[0] == 45
    steps = pattern()("1! 5 8^ . 3_*2")
    assert steps == (Step(0, 0, True), Step(4), Step(7, 1), Step(None), Step(2, -1, False, 2))
    assert degree_to_midi((50, 53, 57), 4, 0) == 65  # past the end: an octave up


@pytest.mark.parametrize("part,key,value,message", [
    ("pad", "chord", '"Hm7"',
     "timelines/x.toml:6: scene 'Payphone', key 'score.pad.chord': expected a chord like "
     "\"Dm9\" or notes like \"D3 A3 F4\"; found 'Hm7'. A chord starts with a note letter "
     "A to G, then # or b, then a quality."),
    ("sequence", "pattern", '"1 5 x"',
     "timelines/x.toml:6: scene 'Payphone', key 'score.sequence.pattern': expected steps "
     "like \"1 5 8^ . 3! 5*2\" (numbers pick notes; . rests, ^ octave up, _ octave down, "
     "! accent, *2 ratchet); found '1 5 x'. 'x' is not a step."),
    ("sequence", "division", '"1/32"',
     "timelines/x.toml:6: scene 'Payphone', key 'score.sequence.division': expected \"1/8\" "
     "or \"1/16\" (or \"1/4\"); found '1/32'"),
    ("drone", "note", '"D"',
     "timelines/x.toml:6: scene 'Payphone', key 'score.drone.note': expected a note like "
     "\"D2\" or \"F#3\"; found 'D'"),
])
def test_a_mistake_names_file_line_scene_and_key(part: str, key: str, value: str,
                                                 message: str) -> None:
    text = SCENE.format(part=part, key=key, value=value)
    with pytest.raises(TimelineError) as caught:
        parse_timeline(text, "timelines/x.toml")
    assert str(caught.value.problems[0]) == message


def test_an_unknown_chord_quality_lists_the_known_ones() -> None:
    with pytest.raises(Invalid) as caught:
        chord()("Dm13")
    assert "m9" in caught.value.hint and "sus4" in caught.value.hint
