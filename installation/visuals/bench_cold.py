"""`bench --cold`: the show started at a story time with nothing built ahead (as after a start
or a timeline reload), its 60 fps frames timed through a moment after it (a pane breaking),
which the bench's scenes, each built ahead of its start, never see."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import pygame

from installation.core.program import Program
from installation.core.timeutil import format_clock, forward
from installation.core.types import TimeFn, Warn
from installation.visuals.bench import FPS
from installation.visuals.bench_moments import MOMENT_SECONDS, moments
from installation.visuals.bench_table import BUDGET_MS, percentile
from installation.visuals.compositor import Compositor
from installation.visuals.layers import load_all
from installation.visuals.render import headless


@dataclass(frozen=True)
class ColdStart:
    """Frame times of a show started cold at `start` (story time): its first frame, the
    frames up to `moment` (the first moment after the start, in its scene or the next, whose
    look changes most, see bench_moments; None if none: the start), and MOMENT_SECONDS of
    frames after."""

    scene: str
    start: float
    moment: float | None
    keys: tuple[str, ...]  # the layer keys that give the moment
    first_ms: float
    before: tuple[float, ...]
    after: tuple[float, ...]


def cold_start(program: Program, size: tuple[int, int], start: float, reference: float,
               clock: TimeFn, warn: Warn = print, cpu_cover: bool = False) -> ColdStart:
    """Start a compositor with nothing built at story time `start` (the first wall time
    after `reference` that shows it) and draw its frames at 60 fps as the show would, each
    timed by `clock` (which also paces its building ahead, as the show's timer does): the
    post's cover left to the window's GPU, as `bench` times a frame, or with `cpu_cover`
    laid by the CPU."""
    headless()
    load_all()
    wall = program.wall_at(start, reference)
    state = program.state_at(wall)
    scene = state.scene
    into = forward(scene.at, start)
    found = [m for m in moments(program.timeline, scene, program.clock, 0)
             if forward(scene.at, m.at) > into]  # in its scene after the start, or the next's
    found += moments(program.timeline, state.next, program.clock, 0)
    moment = found[0] if found else None
    lead = program.real_between(start, moment.at) if moment else 0.0
    compositor = Compositor(program.timeline, size, warn, program.clock, timer=clock)
    surface = pygame.Surface(size)
    times = []
    for n in range(1 + int((lead + MOMENT_SECONDS) * FPS)):
        frame_state = program.state_at(wall + n / FPS)
        began = clock()
        compositor.draw(surface, frame_state, leave_cover=not cpu_cover)
        times.append((clock() - began) * 1000.0)
    split = max(1, int(lead * FPS))
    return ColdStart(scene.name, start, moment.at if moment else None,
                     moment.keys if moment else (), times[0], tuple(times[1:split]),
                     tuple(times[split:]))


def cold_table(result: ColdStart, title: str) -> str:
    """The cold start's frames in lines: the first, those up to the moment, those after it."""
    at = format_clock(result.start)
    lines = [f"{title}: the show started at {at} ({result.scene}) with nothing built ahead",
             f"  first frame: {result.first_ms:.1f} ms (it builds the scene)"]
    if result.moment is not None:
        lines.append(_row(f"{at} to {format_clock(result.moment)}", result.before))
        label = f"{MOMENT_SECONDS:g} s from {format_clock(result.moment)} " \
                f"({', '.join(result.keys)})"
    else:
        label = f"{MOMENT_SECONDS:g} s from {at}"
    lines.append(_row(label, result.after))
    return "\n".join(lines)


def _row(label: str, times: tuple[float, ...]) -> str:
    if not times:
        return f"  {label}: no frames"
    late = sum(took > BUDGET_MS for took in times)
    return (f"  {label}: {len(times)} frames, median {statistics.median(times):.2f}, "
            f"p95 {percentile(list(times), 0.95):.2f}, max {max(times):.2f} ms; "
            f"{late} over {BUDGET_MS:.1f} ms (a frame late at 60 fps)")
