"""`installation run`: play the show (fullscreen by default, or windowed, or headless)."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from typing import TYPE_CHECKING

from installation.adapters.audio_status import Output
from installation.app.attendant import build_attendant
from installation.app.collecting import Collecting
from installation.app.lastgood import load_or_last_good
from installation.app.logs import FILE_ONLY, LogSetup, setup_logging
from installation.app.show import Show, ShowOptions, build_show
from installation.app.show import run as run_show
from installation.commands.common import (
    add_day_minutes,
    add_inputs,
    count_arg,
    day_in_minutes,
    positive_arg,
    start_collecting,
    story_time_arg,
)
from installation.commands.validate import cut_warning
from installation.core.config import Config, load_config, with_overrides
from installation.core.errors import InstallationError
from installation.core.types import Warn

if TYPE_CHECKING:
    from installation.app.remote_control import RemoteControl

log = logging.getLogger("installation.run")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="play the show",
                       description="Play the show with the config and its timeline.")
    add_inputs(p)
    p.add_argument("--windowed", action="store_true", help="a window instead of fullscreen")
    p.add_argument("--headless", action="store_true",
                   help="no screen: draw offscreen (for tests and machines without a display)")
    p.add_argument("--at", type=story_time_arg, metavar="HH:MM[:SS]",
                   help="start at this story time")
    p.add_argument("--speed", type=positive_arg, default=1.0, metavar="X",
                   help="run the story X times as fast")
    p.add_argument("--seconds", type=positive_arg, metavar="S", help="stop after S real seconds")
    p.add_argument("--frames", type=count_arg, metavar="N", help="stop after N frames")
    add_day_minutes(p)
    # start-up lasts until the first frame is up: the collector stays off until then
    p.set_defaults(handler=run, until_first_frame=True)


def run(args: argparse.Namespace) -> int:
    overrides = {"show": {"timeline": str(args.timeline.resolve())}} if args.timeline else {}

    def adjust(edited: Config) -> Config:
        """The command line's options over the config (and over each edit of it)."""
        return day_in_minutes(with_overrides(edited, **overrides), args.day_minutes)

    config = adjust(load_config(args.config))
    logs = setup_logging(config.log_folder, config["logging"]["level"])
    try:
        timeline, broken = load_or_last_good(config.timeline_path, config.log_folder)
        for warning in cut_warning(timeline, config.clock):  # as `validate` warns of it
            log.warning(warning)
        options = ShowOptions(headless=args.headless, windowed=args.windowed, at=args.at,
                              speed=args.speed, seconds=args.seconds, frames=args.frames)
        show = build_show(config, timeline, options)
        show.attendant = build_attendant(show, config.timeline_path, adjust=adjust)
        show.attendant.started_with(broken)
        signal.signal(signal.SIGTERM, lambda *_: setattr(show, "quit_requested", True))
        attendant = show.attendant
        collecting = Collecting(start_collecting, show.monotonic)

        def after_frame(shown: Show) -> None:
            if attendant.remote is None:  # the first frame is up: servers and screen power
                attendant.remote = remote(config, show.warn)
            attendant.after_frame(shown)
            loaded = shown.engine is not None or not config["audio"]["enabled"]
            collecting.after_frame(shown.state, loaded, attendant.directive.mode == "black")

        try:
            code = run_show(show, on_frame=after_frame)
        finally:
            show.attendant.close()
        leave_if_held(show.audio, code, logs)
        return code
    except InstallationError as exc:
        log.error(exc.report(), extra=FILE_ONLY)  # the error boundary prints it on the console
        raise
    finally:
        logs.close()


def remote(config: Config, warn: Warn) -> RemoteControl:
    """The show's remote (nothing, unless [remote] asks; screen power as [hours] says), once
    the first frame is up: its modules (sockets, subprocess) are not loaded before it."""
    from installation.app.remote_control import build_remote

    return build_remote(config, warn)


def leave_if_held(audio: Output | None, code: int, logs: LogSetup) -> None:
    """Leave at once with os._exit (logs closed, output flushed) where a normal exit would
    hang or abort: SDL's audio thread waits on a sound server that does not answer (a normal
    exit quits SDL's audio and waits on it too, for ever), or the audio worker is still
    building the score (the interpreter's exit unwinds it through scipy's C++: SIGABRT)."""
    if audio is None:
        return
    if audio.stuck:
        log.error("the sound device never closed; leaving without waiting for it")
    elif audio.busy:
        log.info("leaving without waiting for the sound still being prepared")
    else:
        return
    logs.close()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
