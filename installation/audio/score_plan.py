"""Where each scene's music began and how long it plays: worked out once per program."""

from __future__ import annotations

from dataclasses import dataclass

from installation.core.program import Program


@dataclass(frozen=True)
class Plan:
    """Per scene (play order): where its music began, and how long that music plays."""

    origin: tuple[int, ...]
    span: tuple[float, ...]


def plan(program: Program) -> Plan:
    """For each scene, the scene its music began in, and the real seconds that music lasts.

    Music carried over the day's end (the first scenes without a score of their own) began in
    the scene at the end of the day that wrote it, as playing through hears it; one score
    for the whole day begins with the day."""
    scenes = program.timeline.scenes
    count = len(scenes)
    origin, span = [], []
    whole_day = all(scene.score is scenes[0].score for scene in scenes)
    for i in range(count):
        start = 0 if whole_day else i
        while scenes[start - 1].score is scenes[start].score and not whole_day:
            start = (start - 1) % count  # (round the day's end: the scores differ somewhere)
        end = (i + 1) % count
        while end != start and scenes[end].score is scenes[i].score:
            end = (end + 1) % count
        origin.append(start)
        span.append(program.clock.real_length(scenes[start].at, scenes[end].at))
    return Plan(tuple(origin), tuple(span))
