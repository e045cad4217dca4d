"""Timeline files: load and validate into frozen data; the state of the day at a story time."""

from installation.core.timeline.loader import load_timeline, parse_timeline
from installation.core.timeline.model import (
    Caption,
    Countdown,
    Cue,
    LayerSpec,
    PaceSection,
    Scene,
    Score,
    Timeline,
    Voice,
)
from installation.core.timeline.state import CueCursor, SceneState, cues_due, state_at

__all__ = [
    "Caption", "Countdown", "Cue", "CueCursor", "LayerSpec", "PaceSection", "Scene",
    "SceneState", "Score", "Timeline", "Voice", "cues_due", "load_timeline", "parse_timeline",
    "state_at",
]
