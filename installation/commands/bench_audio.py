"""`installation bench --audio`: how many seconds of sound one CPU second renders."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from installation.commands.common import (
    RENDER_REFERENCE,
    add_day_minutes,
    load_inputs,
    positive_arg,
    with_day_minutes,
)
from installation.commands.machine import describe
from installation.commands.progress import Bar
from installation.core.program import Program
from installation.core.timeutil import format_clock, format_duration

if TYPE_CHECKING:
    from installation.audio.engine import ScoreEngine

WARMUP_S = 1.5
TARGET_RTF = 50.0
SILENCE_DB = -120.0


def add_options(parser: argparse.ArgumentParser) -> None:
    """The sound bench's own options."""
    parser.add_argument("--audio-seconds", type=positive_arg, default=8.0,
                        help="seconds of sound to time per scene (default 8)")
    add_day_minutes(parser)
    parser.add_argument("--describe", action="store_true",
                        help="also render the whole day on the config's clock and describe "
                             "each scene's sound (level, brightness, notes, pulse)")


def db(value: float) -> float:
    return 20.0 * float(np.log10(value)) if value > 0 else SILENCE_DB


def timed(engine: ScoreEngine, seconds: float) -> tuple[float, np.ndarray]:
    """Real-time factor of rendering `seconds` from where the engine is, and the sound."""
    frames = round(seconds * engine.sr)
    begin = time.process_time()
    sound = engine.render(frames)
    spent = max(time.process_time() - begin, 1e-9)
    return seconds / spent, sound


def scene_rows(program: Program, rate: int, seconds: float, warn: Callable[[str], None],
               reference: float) -> list[tuple[str, str, float, float, float]]:
    """(time, scene, rtf, rms dBFS, peak dBFS) for each scene's score, after its transition."""
    from installation.audio.engine import ScoreEngine  # here: `installation --help` stays quick

    engine = ScoreEngine(program, rate, warn, reference)
    rows = []
    for scene in program.timeline.scenes:
        engine.seek(program.wall_at(scene.at, reference) + scene.transition.seconds)
        engine.render(round(WARMUP_S * rate))  # loops and note caches are built here
        rtf, sound = timed(engine, seconds)
        rows.append((format_clock(scene.at, False), scene.name, rtf,
                     db(float(np.sqrt(np.mean(sound ** 2)))), db(float(np.abs(sound).max()))))
    return rows


def print_description(rows: list[dict[str, Any]]) -> None:
    """The day's sound per scene, as `describe_day` measured it."""
    print(f"{'at':>5}  {'scene':<30} {'secs':>5} {'LUFS':>6} {'dBTP':>6} {'rms':>6} "
          f"{'peak':>6} {'silent':>6} {'centroid Hz (first->last)':>26} {'pulse':>7}  "
          f"loudest notes")
    for r in rows:
        first, last = r["centroid_first_last"]
        pulse = f"{r['pulse_hz']:.2f}Hz" if r["pulse_hz"] else "-"
        lufs = f"{r['lufs']:.1f}" if r["lufs"] > SILENCE_DB else "-"  # (too short to gate)
        after = r.get("silent_after")
        silence = "" if after is None else f"  (digital silence after {after:.1f} s)"
        print(f"{r['at']:>5}  {r['scene'][:30]:<30} {r['seconds']:>5.0f} {lufs:>6} "
              f"{r['true_peak_db']:>6.1f} {r['rms_db']:>6.1f} {r['peak_db']:>6.1f} "
              f"{r['silent']:>6.0%} "
              f"{r['centroid_hz']:>8.0f} ({first:>6.0f}->{last:>6.0f}) {pulse:>9}  "
              f"{' '.join(r['partials'])}{silence}")


def run(args: argparse.Namespace) -> int:
    """Print the real-time factor per scene and for the whole day."""
    inputs = load_inputs(args)
    rate = int(inputs.config["audio"]["sample_rate"])
    warnings: list[str] = []
    now = RENDER_REFERENCE  # the same description every time
    rows = scene_rows(inputs, rate, float(getattr(args, "audio_seconds", 8.0)),
                      warnings.append, now)
    print(f"sound: real-time factor (seconds of sound per CPU second, one core), {rate} Hz")
    print(f"machine: {describe()}")
    print(f"{'at':>5}  {'scene':<36} {'x real time':>11} {'rms dBFS':>9} {'peak dBFS':>9}")
    for at, name, rtf, rms, peak in rows:
        print(f"{at:>5}  {name[:36]:<36} {rtf:>10.1f}x {rms:>9.1f} {peak:>9.1f}")
    heaviest = min(rows, key=lambda r: r[2])
    verdict = "meets" if heaviest[2] >= TARGET_RTF else "misses"
    print(f"heaviest scene: '{heaviest[1]}' at {heaviest[2]:.1f}x ({verdict} the "
          f"{TARGET_RTF:.0f}x target)")
    program = with_day_minutes(inputs, getattr(args, "day_minutes", None))
    length = program.clock.real_length(inputs.timeline.day_start, inputs.timeline.day_start)
    with Bar(length, f"rendering the whole day ({format_duration(length)})") as bar:
        from installation.audio.analysis import describe_day  # loaded only when timed

        day = describe_day(program, rate, warnings.append, now,
                           bool(getattr(args, "describe", False)), bar.to)
    print(f"whole day ({format_duration(day.seconds)} of sound, every scene, transition and "
          f"cue): {day.seconds / max(day.cpu, 1e-9):.1f}x")
    if day.scenes:
        print_description(day.scenes)
        print(f"whole day: {day.lufs:.1f} LUFS integrated (ITU-R BS.1770-4, gated)")
    for message in dict.fromkeys(warnings):
        print(f"warning: {message}")
    print("(CPU time of this process; other work on the machine adds noise)")
    return 0
