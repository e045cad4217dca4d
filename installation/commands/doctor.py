"""`installation doctor`: check the machine and the files the show needs, and say what to fix."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from installation.adapters.screen_power import NONE, probe
from installation.adapters.sdl_audio import quiet_alsa
from installation.adapters.timesync import MAX_OFFSET_MS, ClockSync, clock_sync
from installation.adapters.tools import Runner, run_tool
from installation.app.attendant import hours_of
from installation.app.standby import unknown_standby
from installation.app.status import STATUS_FILE, read_status
from installation.commands.common import add_inputs
from installation.core.config import Config, load_config
from installation.core.errors import (
    EXIT_AUDIO,
    EXIT_CONFIG,
    EXIT_DISPLAY,
    EXIT_OK,
    EXIT_TIMELINE,
    InstallationError,
)
from installation.core.hours import OUTSIDE_STANDBY, describe_week
from installation.core.timeline import Timeline, load_timeline
from installation.core.timeline.layer_catalog import SHIPPED_FONTS

OK, WARN, FAIL = "ok", "warn", "FAIL"
MIN_FREE_BYTES = 200_000_000  # logs rotate, but a nearly full disk deserves a warning
SOUND_SUFFIXES_NEEDING_FFMPEG = (".mp3", ".ogg", ".flac", ".m4a", ".aac", ".opus")
FONT_FILES = tuple(SHIPPED_FONTS.values())
ASSETS = Path(__file__).resolve().parents[2] / "assets"
STATUS_FRESH_S = 10.0  # a status file older than this is from a show that is not running
SOUND_FINE = ("playing", "silent by config", "silent: gallery closed", "opening")
SOUND_FIXES = {
    "lost, retrying": "the sound server or card went away; the show retries by itself every "
                      "few seconds. Check `pactl info` (PulseAudio) or `aplay -l`, and the cable",
    "no device, retrying": "no sound device could be opened: check `aplay -l` lists the card, "
                           "the speakers are on, and [audio] device names one `doctor` lists",
}
MISSING_MEANS = {  # what the show does without a file, by the key that names it
    "layers.file": "the show draws a placeholder in its place",
    "layers.font": "the show uses a shipped font instead",
    "file": "the cue plays silence",
}


@dataclass(frozen=True)
class Finding:
    """One check's result: ok, warn or FAIL, what was found, and how to fix it."""

    level: str
    topic: str
    text: str
    fix: str = ""
    exit_code: int = EXIT_OK

    def line(self) -> str:
        rows = self.text.splitlines() + ([f"fix: {self.fix}"] if self.fix and
                                         self.level != OK else [])
        head = f"  {self.level:<5} {self.topic:<9} "
        return head + f"\n{'':{len(head)}}".join(row.strip() for row in rows)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check display, sound, tools, files and folders",
                       description="Check everything the show needs on this machine and "
                                   "say what to fix. Stop the show first: the sound device "
                                   "can only be opened once.")
    add_inputs(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    findings = list(examine(args.config, args.timeline))
    print(f"installation doctor: {args.config}", file=out)
    for finding in findings:
        print(finding.line(), file=out)
    failed = [f for f in findings if f.level == FAIL]
    warned = [f for f in findings if f.level == WARN]
    print(f"{len(failed)} problem{'s' * (len(failed) != 1)}, "
          f"{len(warned)} warning{'s' * (len(warned) != 1)}.", file=out)
    return failed[0].exit_code if failed else EXIT_OK


def examine(config_path: Path, timeline_path: Path | None) -> Iterator[Finding]:
    """Every check in turn; a broken config skips only the checks that need it."""
    config: Config | None = None
    try:
        config = load_config(config_path)
        yield Finding(OK, "config", f"{config.path} is valid")
    except InstallationError as exc:
        fix = ("correct the lines named above" if config_path.is_file() else
               "copy the shipped config.toml there, or name the file with --config")
        yield Finding(FAIL, "config", exc.report(), fix, EXIT_CONFIG)
    timeline = None
    if config is not None:
        timeline_finding, timeline = check_timeline(timeline_path or config.timeline_path)
        yield timeline_finding
        if timeline is not None:
            yield from check_media(timeline)
        yield from check_hours(config, timeline)
        yield from check_screen_power(config["hours"]["screen_power"])
        yield from check_remote(config)
        yield from check_log_folder(config.log_folder)
        yield from check_running_sound(config.log_folder / STATUS_FILE)
    yield check_display()
    if config is None or config["audio"]["enabled"]:
        yield check_audio(config["audio"]["device"] if config else "default")
    else:
        yield Finding(OK, "audio", "sound is switched off ([audio] enabled = false)")
    yield from check_ffmpeg(timeline)
    yield check_fonts(ASSETS / "fonts")
    yield check_clock_sync(clock_sync())


def check_timeline(path: Path) -> tuple[Finding, Timeline | None]:
    try:
        timeline = load_timeline(path)
    except InstallationError as exc:
        return Finding(FAIL, "timeline", exc.report(), "correct the lines named above, then "
                       "`installation validate`", EXIT_TIMELINE), None
    return Finding(OK, "timeline", f"{path}: '{timeline.title}', {len(timeline.scenes)} scenes, "
                   f"{len(timeline.cues)} cues"), timeline


def check_media(timeline: Timeline) -> Iterator[Finding]:
    """Every picture, font and sound file the timeline names: a warning for each one missing."""
    named = timeline.referenced_files()
    missing = [ref for ref in named if not ref.path.is_file()]
    for ref in missing:
        yield Finding(WARN, "media", f"{ref.where}, {ref.key}: {ref.path} not found; "
                      f"{MISSING_MEANS.get(ref.key, 'the show does without it')}",
                      f"put the file at {ref.path}, or correct {ref.key} of {ref.where} in "
                      f"{timeline.path.name}")
    if not missing:
        yield Finding(OK, "media", f"all {len(named)} files the timeline names are there"
                      if named else "the timeline names no files")


def check_hours(config: Config, timeline: Timeline | None) -> Iterator[Finding]:
    hours = hours_of(config)
    yield Finding(OK, "hours", describe_week(hours))
    if not hours.enabled or hours.outside != OUTSIDE_STANDBY or timeline is None:
        return
    problem = unknown_standby(timeline, hours.standby_scene)
    if problem is not None:
        yield Finding(WARN, "hours", problem, "use one of: " + ", ".join(
            f"'{scene.name}'" for scene in timeline.scenes))


def check_log_folder(folder: Path) -> Iterator[Finding]:
    probe = folder / f".doctor-{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        yield Finding(FAIL, "logs", f"cannot write in {folder} ({exc.strerror or exc})",
                      f"create it and give the gallery user write access: sudo mkdir -p "
                      f"{folder} && sudo chown $USER {folder}; or change [logging] folder",
                      EXIT_CONFIG)
        return
    free = shutil.disk_usage(folder).free
    if free < MIN_FREE_BYTES:
        yield Finding(WARN, "logs", f"{folder} is writable but only {free // 1_000_000} MB free",
                      "free some disk space (the show keeps running on a full disk, but "
                      "stops logging)")
        return
    yield Finding(OK, "logs", f"{folder} is writable ({free // 1_000_000_000} GB free)")


def check_display(init: Callable[[], str] | None = None) -> Finding:
    """Can a window be opened? (SDL_VIDEODRIVER=dummy counts as a screenless machine.)"""
    fix = ("run from the gallery user's desktop session (see docs/operators.md), or set "
           "DISPLAY=:0; on a machine without a screen use `installation run --headless`")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("SDL_VIDEODRIVER")):
        return Finding(FAIL, "display", "no X11 or Wayland display in the environment", fix,
                       EXIT_DISPLAY)
    try:
        driver = (init or _init_display)()
    except Exception as exc:  # noqa: BLE001 - SDL errors come in several types
        return Finding(FAIL, "display", f"no display could be opened ({exc})", fix,
                       EXIT_DISPLAY)
    if driver in ("dummy", "offscreen"):
        return Finding(WARN, "display", f"only the '{driver}' video driver: nothing will be "
                       "seen", fix)
    return Finding(OK, "display", f"video driver {driver}")


def _init_display() -> str:
    import pygame

    pygame.display.init()
    try:
        driver = pygame.display.get_driver()
        sizes = pygame.display.get_desktop_sizes()
        if driver in ("dummy", "offscreen") or not sizes:
            return driver
        from installation.adapters.gpu_window import cover_path

        screens = ', '.join(f'{w}x{h}' for w, h in sizes)
        return f"'{driver}', screens {screens}; {cover_path()}"
    finally:
        pygame.display.quit()


def check_audio(device: str, probe: Callable[[], list[str]] | None = None) -> Finding:
    """Can the sound device be opened, and is the configured one there?"""
    fix = ("check the speakers are connected and `aplay -l` lists the card; stop the show "
           "first (the device opens once); or set [audio] enabled = false to run silent")
    try:
        names = (probe or _audio_devices)()
    except Exception as exc:  # noqa: BLE001 - SDL errors come in several types
        return Finding(FAIL, "audio", f"the sound device could not be opened ({exc}); the show "
                       "would run silent", fix, EXIT_AUDIO)
    if device != "default" and device not in names:
        listed = ", ".join(f"'{n}'" for n in names) or "none"
        return Finding(FAIL, "audio", f"[audio] device '{device}' not found; devices: {listed}",
                       "set [audio] device to one of the names listed, or \"default\"",
                       EXIT_AUDIO)
    return Finding(OK, "audio", f"device '{device}' opens; devices: "
                   + (", ".join(f"'{n}'" for n in names) or "none listed"))


def check_running_sound(path: Path, now: Callable[[], float] = time.time) -> Iterator[Finding]:
    """What a show running now says of its sound, from its status file (nothing if none runs)."""
    try:
        status = read_status(path)
        written = float(status["written_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return
    if now() - written > STATUS_FRESH_S:
        return
    said = str(status.get("audio", "off"))
    last = status.get("audio_last_block_at")
    when = (f"; the card last took sound {max(0.0, now() - float(last)):.0f} s ago"
            if isinstance(last, (int, float)) else "")
    text = f"the running show says: audio {said}{when}"
    if said in SOUND_FINE:
        yield Finding(OK, "sound", text)
    else:
        yield Finding(WARN, "sound", text, SOUND_FIXES.get(said, "see docs/operators.md, "
                                                          "'What the sound status means'"))


def _audio_devices() -> list[str]:
    import pygame
    import pygame._sdl2.audio as sdl_audio

    quiet_alsa()
    pygame.mixer.init()
    try:
        return list(sdl_audio.get_audio_device_names(False))
    finally:
        pygame.mixer.quit()


def check_ffmpeg(timeline: Timeline | None,
                 which: Callable[[str], str | None] = shutil.which) -> Iterator[Finding]:
    """pydub needs ffmpeg and ffprobe to read mp3/ogg/flac (WAV needs neither)."""
    needed = timeline is not None and any(
        ref.path.suffix.lower() in SOUND_SUFFIXES_NEEDING_FFMPEG
        for ref in timeline.referenced_files())
    for tool in ("ffmpeg", "ffprobe"):
        found = which(tool)
        if found:
            yield Finding(OK, tool, found)
        else:
            level = FAIL if needed else WARN
            yield Finding(level, tool, "not found" + (": the timeline's mp3/ogg/flac sounds "
                                                      "will be silent" if needed else ""),
                          "sudo apt install ffmpeg (it has both ffmpeg and ffprobe); WAV "
                          "files need neither", EXIT_AUDIO if needed else EXIT_OK)


def check_fonts(folder: Path) -> Finding:
    missing = [name for name in FONT_FILES if not (folder / name).is_file()]
    if missing:
        return Finding(WARN, "fonts", f"missing in {folder}: {', '.join(missing)}; captions "
                       "and signs fall back to pygame's built-in font",
                       "reinstall, or restore assets/fonts from the release")
    return Finding(OK, "fonts", f"{len(FONT_FILES)} shipped fonts in {folder}")


def check_screen_power(chosen: str, run: Runner = run_tool,
                       which: Callable[[str], str | None] = shutil.which,
                       env: dict[str, str] | None = None) -> Iterator[Finding]:
    """Which way of sleeping the screen works here, and whether the chosen one does."""
    probes = [probe(method, run, which, env) for method in ("dpms", "cec")]
    working = [p.method for p in probes if p.works]
    summary = "; ".join(f"{p.method}: {'works' if p.works else p.why}" for p in probes)
    chosen_probe = next((p for p in probes if p.method == chosen), None)
    if chosen_probe is None or chosen_probe.works:
        what = "the screen stays on, black outside hours" if chosen == NONE else \
            "puts the screen to sleep outside hours"
        yield Finding(OK, "power", f"[hours] screen_power = \"{chosen}\": {what}; {summary}")
        return
    fix = (f"set [hours] screen_power = \"{working[0]}\" (it works here)" if working else
           "install the tool named above, or set [hours] screen_power = \"none\"")
    yield Finding(WARN, "power", f"[hours] screen_power = \"{chosen}\" will not work here: "
                  f"{chosen_probe.why}; the show will keep the screen on and black outside "
                  f"hours. {summary}", fix)


def check_clock_sync(sync: ClockSync) -> Finding:
    """Several screens agree only if every clock is synchronised (see docs/operators.md)."""
    fix = ("turn network time on: sudo timedatectl set-ntp true (or install chrony); on a "
           "gallery LAN point every machine at one time server (docs/operators.md)")
    if sync.synchronised is None:
        return Finding(WARN, "time sync", f"cannot tell whether the clock is synchronised "
                       f"({sync.source})", fix)
    offset = "" if sync.offset_ms is None else f", offset {sync.offset_ms:+.1f} ms"
    if not sync.synchronised:
        return Finding(WARN, "time sync", f"the system clock is not synchronised "
                       f"({sync.source}{offset})", fix)
    if not sync.good:
        return Finding(WARN, "time sync", f"the clock is {abs(sync.offset_ms or 0):.1f} ms off "
                       f"its time source ({sync.source}), more than {MAX_OFFSET_MS:g} ms: "
                       "screens may disagree", "wait a few minutes after boot, or use a time "
                       "server on the gallery LAN (docs/operators.md)")
    return Finding(OK, "time sync", f"synchronised ({sync.source}{offset})")


def check_remote(config: Config) -> Iterator[Finding]:
    """What listens on the network: nothing unless [remote] says so."""
    remote = config["remote"]
    listening = []
    if remote["osc"]:
        listening.append(f"OSC on udp {remote['osc_address']}:{remote['osc_port']}")
    if remote["http"]:
        listening.append(f"the status page on http://{remote['http_address']}:"
                         f"{remote['http_port']}/")
    rehearsal = " (rehearsal: jump and speed accepted)" if remote["rehearsal"] else ""
    yield Finding(OK, "remote", ("listening: " + ", ".join(listening) + rehearsal) if listening
                  else "nothing listens on the network ([remote] osc and http are off)")
