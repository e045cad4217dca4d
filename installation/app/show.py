"""Build the show from config (no loop), step it one frame at a time, and the short main loop."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from installation import __version__
from installation.adapters.audio_status import DISABLED, NullOutput, Output
from installation.adapters.overlay import Overlay
from installation.adapters.process import process_age
from installation.adapters.window import Display, open_display
from installation.app.attendant import Attendant
from installation.app.directive import Directive, audio_status
from installation.app.pacing import FramePacer, FrameStats, SleepFn
from installation.core.clock import ShiftedTime, StoryClock, TimeFn, shifted
from installation.core.config import Config, KeyCombo
from installation.core.program import Program, StoryState
from installation.core.timeline import CueCursor, Timeline
from installation.core.timeline.state import next_cue
from installation.core.timeutil import format_clock, format_duration
from installation.visuals.camera import Camera
from installation.visuals.compositor import Compositor
from installation.visuals.layers import load_all

if TYPE_CHECKING:
    from installation.audio.engine import ScoreEngine

log = logging.getLogger("installation.show")

BACKSTEP_PERIODS = 2.0  # a frame meant for a moment up to this many frame periods before the last
# frame's is drawn at the last one's (one woken on time after one drawn over a period late would
# step the story back: at a cut, the scene before for a frame); further back, the clock stepped
WARNINGS_KEPT = 50  # the latest warnings, for the overlay and the status file
OVERLAY_WARNINGS = 3
# Real seconds the story may run ahead of the monotonic clock between two frames before it
# counts as a jump (the system clock stepped, the machine slept): the cues passed then are
# skipped. A slow frame on a busy machine is no jump: the cues it passed still fire.
CUE_GAP_S = 2.0
MODIFIER_MASKS = {"ctrl": pygame.KMOD_CTRL, "shift": pygame.KMOD_SHIFT,
                  "alt": pygame.KMOD_ALT, "meta": pygame.KMOD_META}


@dataclass(frozen=True)
class ShowOptions:
    """Command-line choices that change how the show runs (not what it shows)."""

    headless: bool = False
    windowed: bool = False
    at: float | None = None  # start at this story time
    speed: float = 1.0  # story runs this many times faster than the clock says
    seconds: float | None = None  # stop after this many real seconds
    frames: int | None = None  # stop after this many frames


class Show:
    """Everything the running show needs, wired once; `step()` draws one frame.

    `wall` is the show's wall-time source (shifted by --at, sped up by --speed); `monotonic`
    measures durations (frame time, uptime). The show holds one Program and one StoryState.
    """

    def __init__(self, program: Program, options: ShowOptions, wall: ShiftedTime,
                 monotonic: TimeFn, sleep: SleepFn, display: Display) -> None:
        self.program = program
        self.options = options
        self.wall = wall
        self.monotonic = monotonic
        self.display = display
        self.cues: CueCursor | None = None  # where the picture last took its cues
        self.cues_taken = monotonic()  # and when, on the monotonic clock
        size = display.surface.get_size()
        # [display] span: this screen draws its part of one picture over several screens
        camera = Camera.span(size, *program.config["display"]["span"])
        self.compositor = Compositor(program.timeline, size, self.warn, program.clock,
                                     camera=camera)
        self.overlay = Overlay(size[1])
        self.pacer = FramePacer(program.config["display"]["fps"], monotonic, sleep)
        self.stats = FrameStats()
        self.started = monotonic()
        self.frames = 0
        self.state: StoryState | None = None
        self.last_moment: float | None = None  # the wall moment the last frame was meant for
        self.fired: list[str] = []
        self.warnings: deque[str] = deque(maxlen=WARNINGS_KEPT)
        self.quit_requested = False
        self.audio: Output | None = None
        self.engine: ScoreEngine | None = None
        self.attendant: Attendant | None = None  # opening hours, hot reload, status, watchdog

    @property
    def config(self) -> Config:
        return self.program.config

    @property
    def timeline(self) -> Timeline:
        return self.program.timeline

    @property
    def clock(self) -> StoryClock:
        return self.program.clock

    # --- one frame ---------------------------------------------------------------------------

    def moment(self) -> float:
        """The wall moment this frame is meant for: its deadline's, never a little before the
        last frame's (BACKSTEP_PERIODS: a frame held over a period after it woke is meant for
        when it is drawn, the next one, on time, for its deadline, which can be earlier)."""
        wall = self.wall() - self.pacer.lateness(self.monotonic()) * self.wall.speed
        last = self.last_moment
        behind = BACKSTEP_PERIODS * self.pacer.period * self.wall.speed
        if last is not None and 0.0 < last - wall <= behind:
            wall = last
        self.last_moment = wall
        return wall

    def step(self) -> StoryState:
        """Advance to now: take what the attendant decided, draw the frame, handle keys."""
        started = self.monotonic()
        directive = self.attendant.before_frame() if self.attendant else None
        if directive is not None:
            self.apply(directive)
        # The moment the frame is meant for, not when drawing starts: frames a period apart
        # land on consecutive ticks of a transition, whatever the jitter of waking up.
        wall = self.moment()
        if directive is None or directive.playing:
            self.take_cues(wall)
        else:
            self.cues = None  # closed: on opening, only a cue just behind plays
        standby = directive.story_time if directive is not None else None
        state = self.program.state_at(wall, standby)  # standby: the standby scene, closed
        if self.state is None or state.scene.at != self.state.scene.at:
            log.info("scene '%s' at story %s", state.scene.name, format_clock(state.story_time))
        self.state = state
        cover = None
        if directive is None or directive.mode != "black":
            # the GPU lays the post's cover, unless something is drawn over it below
            painted = directive is not None and (directive.fade > 0 or bool(directive.notice))
            leave = self.display.lays_cover and not painted and not self.overlay.visible
            cover = self.compositor.draw(self.display.surface, state, leave_cover=leave)
        if self.attendant is not None:
            self.attendant.paint(self.display.surface, cover)
        self.overlay.draw(self.display.surface, self.overlay_lines(),
                          list(self.warnings)[-OVERLAY_WARNINGS:])
        self.display.present(cover)
        if self.frames == 0:
            self.first_frame_up()
        self.handle_events(self.display.events())
        self.frames += 1
        self.stats.frame(started, self.monotonic())
        return state

    def apply(self, directive: Directive) -> None:
        """Carry out what the attendant decided: a new program, overlay, volume, warnings."""
        for warning in directive.warnings:
            self.warnings.append(warning)
        if directive.program is not None:
            self.load(directive.program)
        if directive.overlay is not None:
            self.overlay.visible = directive.overlay
        if directive.volume is not None and self.audio is not None:
            self.audio.set_volume(directive.volume)
        if directive.jump_to is not None:
            self.jump_to(directive.jump_to)
        if directive.speed is not None:
            self.set_speed(directive.speed)

    def take_cues(self, wall: float) -> None:
        """Fire the cues the story passed since the last frame (a jump passes none)."""
        now = self.monotonic()
        real_gap = max(0.0, now - self.cues_taken) + CUE_GAP_S
        due, self.cues = self.program.cues_due(self.cues, wall, real_gap * self.wall.speed)
        self.cues_taken = now
        for cue in due:
            self.fired.append(cue.name)
            log.info("cue '%s' (%s) at story %s", cue.name, cue.type, format_clock(cue.at))

    def jump_to(self, story_time: float) -> None:
        """Rehearsal: the story goes on from `story_time` (a landing: a cue just there plays)."""
        now = self.wall()
        self.wall.advance(self.program.wall_at(story_time, now) - now)
        self.cues = None
        log.info("jumped to story %s", format_clock(story_time))

    def set_speed(self, speed: float) -> None:
        """Rehearsal: the story runs `speed` times as fast from now on."""
        self.wall.set_speed(speed)
        if self.engine is not None:
            self.engine.set_speed(speed)  # the sound follows: each scene's music as it comes
            self.requeue_sound()
        log.info("story speed x%g", speed)

    def load(self, program: Program) -> None:
        """Play another program from now on: picture and sound switch at the same wall time.

        Cues carry on from where they were, so none fires twice or is skipped.
        """
        timeline_changed = program.timeline is not self.program.timeline
        self.program = program
        if not timeline_changed:
            return
        self.compositor.set_timeline(program.timeline, program.clock)
        if self.engine is not None:
            self.engine.set_program(program)
            self.requeue_sound()
        log.info("timeline reloaded: '%s', %d scenes", program.timeline.title,
                 len(program.timeline.scenes))

    def requeue_sound(self) -> None:
        """The engine's score changed: the sound already queued is made again (heard after
        the sound server's latency, not after the seconds queued)."""
        if self.audio is not None:
            self.audio.requeue()

    def handle_events(self, events: list[pygame.event.Event]) -> None:
        controls = self.config["controls"]
        for event in events:
            if event.type == pygame.QUIT:
                self.quit_requested = True
            elif event.type == pygame.KEYDOWN:
                if pressed(event, controls["quit"]):
                    self.quit_requested = True
                elif pressed(event, controls["overlay"]):
                    self.overlay.toggle()
                elif event.key == pygame.K_ESCAPE and self.windowed:
                    self.quit_requested = True

    @property
    def windowed(self) -> bool:
        return self.options.windowed or not self.config["display"]["fullscreen"]

    @property
    def finished(self) -> bool:
        if self.quit_requested:
            return True
        if self.options.frames is not None and self.frames >= self.options.frames:
            return True
        elapsed = self.monotonic() - self.started
        return self.options.seconds is not None and elapsed >= self.options.seconds

    # --- what the operator sees --------------------------------------------------------------

    def overlay_lines(self) -> list[str]:
        if not self.overlay.visible or self.state is None:
            return []
        state = self.state
        lines = [
            f"story {format_clock(state.story_time)}   scene '{state.scene.name}'",
            f"next  '{state.next.name}' at {format_clock(state.next.at)} "
            f"(in {format_duration(self.clock.real_between(state.story_time, state.next.at))})",
            self.next_cue_line(state.story_time),
            f"{self.stats.fps:.1f} fps   frame p95 {self.stats.p95_ms:.1f} ms   "
            f"frames {self.frames}",
        ]
        if self.audio is not None:
            directive = self.attendant.directive if self.attendant else Directive()
            lines.append(f"audio {audio_status(self.audio, directive)}   "
                         f"underruns {self.audio.underruns}")
        if self.attendant is not None:
            lines += self.attendant.overlay_lines()
        return lines

    def next_cue_line(self, story_time: float) -> str:
        cue = next_cue(self.timeline, story_time)
        if cue is None:
            return "no cues"
        wait = self.clock.real_between(story_time, cue.at)
        return f"cue   '{cue.name}' at {format_clock(cue.at)} (in {format_duration(wait)})"

    def warn(self, message: str) -> None:
        """A problem the show survives: logged, and shown in the overlay."""
        log.warning(message)
        self.warnings.append(message)

    def first_frame_up(self) -> None:
        """The first picture is on screen: say how long start-up took (issue 8: at most a
        second), then start the sound, whose synthesis loads meanwhile on its own thread, and
        load the layers no scene has needed yet (later scenes are built without waiting)."""
        age = process_age()
        if age is not None:
            log.info("first frame on screen %.2f s after the process started", age)
        if self.audio is None:
            self.start_audio()
        load_all()

    def start_audio(self) -> None:
        """Open the score's output: the device, or silence if audio is off or unavailable.

        The show calls this once its first frame is up; the output's worker builds the engine
        (loading the synthesis, numpy and scipy, takes seconds): the picture does not wait.
        """
        settings = self.config["audio"]
        if not settings["enabled"]:
            self.audio = NullOutput(DISABLED)
            return
        from installation.adapters.audio_output import open_output  # no synthesis loaded

        self.audio = open_output(settings, self.build_engine, self.wall, self.warn)
        self.audio.start()

    def build_engine(self, cancelled: Callable[[], bool]) -> ScoreEngine:
        """The score engine for the program playing now (called on the audio worker: the
        import and the construction take seconds, while the picture goes on); it gives up
        (BuildCancelled) once `cancelled()` says the show is stopping."""
        from installation.audio.engine import ScoreEngine

        program, speed = self.program, self.wall.speed
        engine = ScoreEngine(program, self.config["audio"]["sample_rate"], self.warn,
                             self.wall(), speed=speed, cancelled=cancelled)
        self.engine = engine
        # A reload or a new speed while it was built: `load` and `set_speed` saw no engine.
        if self.program.timeline is not program.timeline:
            engine.set_program(self.program)
        if self.wall.speed != speed:
            engine.set_speed(self.wall.speed)
        return engine

    def close(self) -> None:
        if self.audio is not None:
            self.audio.stop()
        self.display.close()


def pressed(event: pygame.event.Event, combo: KeyCombo) -> bool:
    """Is this key event the combination, with exactly the modifiers it names held?"""
    if pygame.key.name(event.key).lower() != combo.key:
        return False
    held = {name for name, mask in MODIFIER_MASKS.items() if event.mod & mask}
    return held == set(combo.modifiers)


def build_show(config: Config, timeline: Timeline, options: ShowOptions,
               wall: TimeFn = time.time, monotonic: TimeFn = time.monotonic,
               sleep: SleepFn = time.sleep) -> Show:
    """Wire the show from config and options; nothing runs until `run` or `step`."""
    pygame.font.init()
    display = open_display(config["display"], options.headless, options.windowed)
    story_wall = shifted(wall, speed=options.speed)
    show = Show(Program(config, timeline), options, story_wall, monotonic, sleep, display)
    if not config["audio"]["enabled"]:
        show.start_audio()  # silence needs nothing loaded; the sound starts after frame one
    if options.at is not None:  # jump last, so the first frame is at --at, however slow start-up
        now = story_wall()
        story_wall.advance(show.program.wall_at(options.at, now) - now)
    return show


def run(show: Show, on_frame: Callable[[Show], None] | None = None) -> int:
    """The main loop: step, then wait for the next frame's deadline, until told to stop."""
    log.info("show started: timeline '%s' (%s), version %s", show.timeline.title,
             show.timeline.path, __version__)
    try:
        while not show.finished:
            show.step()
            if on_frame is not None:
                on_frame(show)
            show.pacer.wait()
    finally:
        show.close()
        log.info("show stopped after %d frames", show.frames)
    return 0
