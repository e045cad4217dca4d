"""`installation bench`: how long frames take to draw (and, with --audio, the sound engine)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from installation.adapters.window import render_size
from installation.commands import bench_audio
from installation.commands.common import (
    RENDER_REFERENCE,
    add_inputs,
    count_arg,
    load_inputs,
    start_collecting,
    story_time_arg,
)
from installation.commands.machine import describe
from installation.commands.progress import Bar
from installation.core.program import Program
from installation.core.types import TimeFn

if TYPE_CHECKING:
    from installation.visuals.bench_table import SceneTiming

FULL_HD = (1920, 1080)
UHD = (3840, 2160)
UHD_RENDER_SCALE = 0.5


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="measure frame times of every scene (or the audio)",
                       description="Render every scene of the timeline and its transition "
                                   "headless at 1920x1080, and at 3840x2160 with render scale "
                                   "0.5 (drawn at the render size, as the show does: SDL "
                                   "scales to the screen on the GPU); print per scene the "
                                   "median and 95th percentile frame time against the 16.7 ms "
                                   "budget of 60 fps and as a multiple of one full-frame blit "
                                   "timed in the same run, counting each kind of frame as "
                                   "often as the show draws it over the scene (steady, "
                                   "transition, and each frame that also built a piece of the "
                                   "next scene once); the steady and transition p95 apart; "
                                   "the first frame; how many frames built a piece of the "
                                   "next scene, their p95 and slowest (each scene's middle is "
                                   "drawn on until the next scene is built, then its last "
                                   "13 s, frame after frame up to the next scene's first, "
                                   "as the show does); and whether the next scene was "
                                   "built when it began; and a row of its own for each "
                                   "moment a layer key gives where a scene's look changes "
                                   "most and its middle misses it (a tower's collapse: its "
                                   "first 10 real seconds; the low sun's long shadows on a "
                                   "street: 30 real seconds in); and the first frame after "
                                   "each cut, against the same half budget. The goal: every "
                                   "scene's p95 and every transition's p95 within half the "
                                   "budget.")
    p.add_argument("--frames", type=count_arg, default=120, metavar="N",
                   help="frames timed per scene (default 120)")
    p.add_argument("--no-uhd", action="store_true", help="skip the 3840x2160 pass")
    p.add_argument("--cpu", action="store_true",
                   help="time with this process's CPU time instead of the wall clock (steadier "
                        "on a busy machine: time spent waiting for a core is not counted)")
    p.add_argument("--cpu-cover", action="store_true",
                   help="lay every frame's post cover (grain, vignette) on the CPU, as a window "
                        "without a GPU renderer does (by default the GPU lays it as the window "
                        "shows the frame, and it is not timed)")
    p.add_argument("--audio", action="store_true", help="benchmark the sound engine instead")
    p.add_argument("--motion", action="store_true",
                   help="measure instead how much of each scene moves: the share of the "
                        "picture that visibly changes within 10 real seconds (goal 3%%)")
    p.add_argument("--cold", type=story_time_arg, metavar="HH:MM[:SS]",
                   help="time instead the show started at this story time with nothing "
                        "built ahead (as after a start or a reload): every 60 fps frame up "
                        "to the first moment after it (in its scene or the next) whose look "
                        "changes most (e.g. the "
                        "panic's pane breaking at 04:23) and the 10 s after it: median, p95, "
                        "max and the frames over 16.7 ms")
    p.add_argument("--pieces", metavar="SCENE",
                   help="list instead what building the scene of this name ahead costs, piece "
                        "by piece at 1920x1080: its total, and where its largest pieces start "
                        "(those longer than a frame's room make the frames building it slow)")
    bench_audio.add_options(p)
    add_inputs(p)
    p.set_defaults(handler=run, until_first_frame=True)  # (see start_collecting)


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.audio or args.motion or args.cold is not None or args.pieces is not None:
        start_collecting()  # (the scene bench does once its first frames are up, as `run`)
    if args.audio:
        return bench_audio.run(args)
    if args.motion:
        return motion(args)
    if args.cold is not None:
        return cold(args)
    if args.pieces is not None:
        return pieces(args)
    from installation.visuals.bench_table import table

    inputs = load_inputs(args)
    frames = max(4, args.frames)
    print(f"{inputs.timeline.path.name}: {len(inputs.timeline.scenes)} scenes, {frames} frames "
          "each at 60 fps: up to half while its transition runs, the rest from its middle")
    print(f"machine: {describe()}")
    clock = time.process_time if args.cpu else time.perf_counter
    results = timed_scenes(inputs, FULL_HD, frames, clock, "1920x1080", args.cpu_cover)
    print(table(results, "1920x1080, render scale 1" + (", CPU time" if args.cpu else "")
                + cover_note(args.cpu_cover, FULL_HD, clock)))
    if not args.no_uhd:
        size = render_size(UHD, UHD_RENDER_SCALE)
        title = (f"3840x2160, render scale {UHD_RENDER_SCALE:g}: drawn at {size[0]}x{size[1]}; "
                 "the GPU scales it to the screen (the window's renderer), no CPU work")
        print()
        if size == FULL_HD:
            print(f"{title}.\nThe render loop does the same work as in the 1920x1080 table "
                  "above, so it is not timed again.")
        else:
            print(table(timed_scenes(inputs, size, frames, clock, f"{size[0]}x{size[1]}",
                                     args.cpu_cover),
                        title + cover_note(args.cpu_cover, size, clock)))
    return 0


def timed_scenes(inputs: Program, size: tuple[int, int], frames: int, clock: TimeFn,
                 label: str, cpu_cover: bool = False) -> list[SceneTiming]:
    """Every scene timed at `size`, with a progress bar on a terminal."""
    from installation.visuals.bench import bench_scenes

    with Bar(len(inputs.timeline.scenes), f"timing scenes at {label}") as bar:
        return bench_scenes(inputs.timeline, inputs.clock, size, frames, clock, warn,
                            timed_scene=bar.step, started=start_collecting,
                            cpu_cover=cpu_cover)


def cover_note(cpu_cover: bool, size: tuple[int, int], clock: TimeFn) -> str:
    """Which frame the rows time: the cover laid by the CPU or left to the GPU (untimed), and
    the frame's upload into the window's texture, timed apart (both paths make it)."""
    from installation.adapters.gpu_window import frame_upload_ms

    if cpu_cover:
        return "; the post cover (grain, vignette) laid by the CPU in every frame (--cpu-cover)"
    upload = frame_upload_ms(size, clock)
    told = "could not be timed here" if upload is None else f"{upload:.2f} ms (median)"
    return ("; the frame as the CPU hands it to a window with a GPU renderer: the post cover "
            "(grain, vignette) laid by the GPU, its time not measured here; the frame's "
            f"upload into the window's texture, not in the rows (pygame.SCALED made it too): "
            f"{told}")


def cold(args: argparse.Namespace) -> int:
    from installation.visuals.bench_cold import cold_start, cold_table

    inputs = load_inputs(args)
    clock = time.process_time if args.cpu else time.perf_counter
    print(f"machine: {describe()}")
    result = cold_start(inputs, FULL_HD, args.cold, RENDER_REFERENCE, clock, warn,
                        args.cpu_cover)
    print(cold_table(result, "1920x1080" + (", CPU time" if args.cpu else "")
                     + cover_note(args.cpu_cover, FULL_HD, clock)))
    return 0


def pieces(args: argparse.Namespace) -> int:
    from installation.visuals.bench_pieces import pieces_table, scene_pieces

    inputs = load_inputs(args)
    scenes = inputs.timeline.scenes
    scene = next((one for one in scenes if one.name == args.pieces), None)
    if scene is None:
        names = ", ".join(f"'{one.name}'" for one in scenes)
        print(f"bench --pieces: no scene named '{args.pieces}' in "
              f"{inputs.timeline.path.name}; its scenes: {names}", file=sys.stderr)
        return 2
    clock = time.process_time if args.cpu else time.perf_counter
    print(f"machine: {describe()}")
    print(pieces_table(scene.name, scene_pieces(inputs.timeline, scene, inputs.clock, FULL_HD,
                                                clock, warn)))
    return 0


def motion(args: argparse.Namespace) -> int:
    from installation.visuals.motion import measure, table

    inputs = load_inputs(args)
    print(f"{inputs.timeline.path.name}: {len(inputs.timeline.scenes)} scenes at 1920x1080, "
          "at the configured clock")
    print(table(measure(inputs.timeline, inputs.clock, FULL_HD, warn=warn)))
    return 0
