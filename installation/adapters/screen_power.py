"""Screen power outside opening hours: DPMS through `xset`, HDMI-CEC through `cec-client`."""

from __future__ import annotations

import logging
import os
import shutil
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from installation.adapters.tools import Runner, last_line, run_tool
from installation.core.hours import SCREEN_POWER

NONE, DPMS, CEC = SCREEN_POWER
WAKE_AHEAD_SECONDS = 120.0  # a screen or projector is woken this long before opening
log = logging.getLogger("installation.power")

# What each method runs to put the screen to sleep and wake it; stdin for cec-client.
# Waking also switches DPMS off again, so the screen does not blank itself in the day.
COMMANDS: Mapping[str, Mapping[bool, tuple[tuple[tuple[str, ...], str | None], ...]]] = {
    DPMS: {False: ((("xset", "dpms", "force", "off"), None),),
           True: ((("xset", "dpms", "force", "on"), None), (("xset", "-dpms"), None),
                  (("xset", "s", "reset"), None))},
    CEC: {False: ((("cec-client", "-s", "-d", "1"), "standby 0\n"),),
          True: ((("cec-client", "-s", "-d", "1"), "on 0\n"),
                 (("cec-client", "-s", "-d", "1"), "as\n"))},
}


@dataclass(frozen=True)
class Probe:
    """Whether a method can work on this machine, and why (for `installation doctor`)."""

    method: str
    works: bool
    why: str


def probe(method: str, run: Runner = run_tool,
          which: Callable[[str], str | None] = shutil.which,
          env: Mapping[str, str] | None = None) -> Probe:
    """Ask the tool whether it can reach a screen, without switching anything."""
    env = os.environ if env is None else env
    if method == DPMS:
        if which("xset") is None:
            return Probe(DPMS, False, "xset is not installed (Debian: sudo apt install "
                                      "x11-xserver-utils)")
        if not env.get("DISPLAY"):
            return Probe(DPMS, False, "no X display (DISPLAY is not set; Wayland has no DPMS "
                                      "through xset)")
        code, said = run(("xset", "q"), None)
        if code != 0 or "DPMS" not in said:
            return Probe(DPMS, False, f"the X server does not offer DPMS ({last_line(said)})")
        return Probe(DPMS, True, f"xset reaches {env['DISPLAY']} and it offers DPMS")
    if method == CEC:
        if which("cec-client") is None:
            return Probe(CEC, False, "cec-client is not installed (Debian: sudo apt install "
                                     "cec-utils)")
        code, said = run(("cec-client", "-l"), None)
        if code != 0 or "Found devices: NONE" in said or "device:" not in said:
            return Probe(CEC, False, f"cec-client finds no HDMI-CEC adapter ({last_line(said)})")
        return Probe(CEC, True, "cec-client finds an HDMI-CEC adapter")
    return Probe(NONE, True, "the screen stays on; it shows black outside hours")


class ScreenPower:
    """Switches the screen in a background thread (cec-client takes seconds); a method that
    fails is reported once and left alone: the show stays black outside hours instead."""

    def __init__(self, method: str, warn: Callable[[str], None],
                 run: Runner = run_tool) -> None:
        self.method = method
        self.warn = warn
        self.run = run
        self.wanted: bool | None = None  # None: not switched yet (the screen is as it was)
        self.failed = method == NONE
        self._thread: threading.Thread | None = None

    def set(self, on: bool) -> None:
        """Ask for the screen on or off; nothing happens if that is already asked."""
        if self.failed or on == self.wanted:
            return
        self.wanted = on
        self._thread = threading.Thread(target=self.switch, args=(on,), name="screen-power",
                                         daemon=True)
        self._thread.start()

    def switch(self, on: bool) -> bool:
        """Run the method's commands now (in the calling thread); False if it failed."""
        for argv, stdin in COMMANDS[self.method][on]:
            code, said = self.run(argv, stdin)
            if code != 0:
                self.failed = True
                self.warn(f"screen power: [hours] screen_power = \"{self.method}\" failed "
                          f"({' '.join(argv)}: exit {code}: {last_line(said)}); the screen stays "
                          "on and shows black outside hours")
                return False
        log.info("screen %s (%s)", "woken" if on else "put to sleep", self.method)
        return True

    def wait(self) -> None:
        """Let a switch in progress finish (tests, and closing the show)."""
        if self._thread is not None:
            self._thread.join()


def screen_wanted(is_open: bool, next_change: float | None, wall: float,
                  wake_ahead: float = WAKE_AHEAD_SECONDS) -> bool:
    """On while open, and from `wake_ahead` seconds before the next opening."""
    if is_open:
        return True
    return next_change is not None and next_change - wall <= wake_ahead
