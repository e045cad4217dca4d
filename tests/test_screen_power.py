"""Screen power outside hours: which commands run, what doctor learns, and the fall-back."""

from __future__ import annotations

from collections.abc import Sequence

from installation.adapters.screen_power import ScreenPower, probe, screen_wanted

XSET_Q = """Keyboard Control:
  auto repeat:  on    key click percent:  0    LED mask:  00000000
DPMS (Energy Star):
  Standby: 600    Suspend: 600    Off: 600
  DPMS is Disabled
"""
CEC_LIST = """Found devices: 1

device:              1
com port:            /dev/cec0
vendor id:           2708
"""


class Tools:
    """A stand-in for the shell: records what runs, answers as told."""

    def __init__(self, answers: dict[str, tuple[int, str]] | None = None) -> None:
        self.answers = answers or {}
        self.ran: list[tuple[str, str | None]] = []

    def __call__(self, argv: Sequence[str], stdin: str | None) -> tuple[int, str]:
        line = " ".join(argv)
        self.ran.append((line, stdin))
        return self.answers.get(line, (0, ""))


def test_dpms_puts_the_screen_to_sleep_and_wakes_it_without_blanking_by_day() -> None:
    tools, said = Tools(), list[str]()
    power = ScreenPower("dpms", said.append, tools)
    power.set(False)
    power.wait()
    power.set(False)  # asked again: nothing runs again
    power.set(True)
    power.wait()
    assert tools.ran == [("xset dpms force off", None), ("xset dpms force on", None),
                         ("xset -dpms", None), ("xset s reset", None)]
    assert said == []


def test_cec_sends_standby_and_on_to_the_tv() -> None:
    tools = Tools()
    power = ScreenPower("cec", lambda text: None, tools)
    assert power.switch(False) and power.switch(True)
    assert tools.ran == [("cec-client -s -d 1", "standby 0\n"), ("cec-client -s -d 1", "on 0\n"),
                         ("cec-client -s -d 1", "as\n")]


def test_a_method_that_fails_says_so_once_and_the_show_stays_black() -> None:
    tools = Tools({"xset dpms force off": (1, "xset:  unable to open display \":0\"")})
    said: list[str] = []
    power = ScreenPower("dpms", said.append, tools)
    power.set(False)
    power.wait()
    power.set(True)
    power.set(False)
    power.wait()
    assert said == ['screen power: [hours] screen_power = "dpms" failed (xset dpms force off: '
                    'exit 1: xset:  unable to open display ":0"); the screen stays on and shows '
                    "black outside hours"]
    assert tools.ran == [("xset dpms force off", None)]


def test_none_never_runs_anything() -> None:
    tools = Tools()
    power = ScreenPower("none", lambda text: None, tools)
    power.set(False)
    power.set(True)
    assert tools.ran == []


def test_the_screen_wakes_two_minutes_before_opening() -> None:
    opening = 10_000.0
    assert not screen_wanted(False, opening, opening - 121.0)
    assert screen_wanted(False, opening, opening - 120.0)
    assert screen_wanted(True, None, 0.0)
    assert not screen_wanted(False, None, 0.0)  # closed for good (every day "closed")


def test_doctor_learns_which_method_works_here() -> None:
    every = {"DISPLAY": ":0"}
    tools = Tools({"xset q": (0, XSET_Q), "cec-client -l": (0, CEC_LIST)})
    assert probe("dpms", tools, lambda name: f"/usr/bin/{name}", every).works
    assert probe("cec", tools, lambda name: f"/usr/bin/{name}", every).works
    missing = probe("cec", tools, lambda name: None, every)
    assert (missing.works, missing.why) == (False, "cec-client is not installed (Debian: sudo "
                                                   "apt install cec-utils)")
    no_display = probe("dpms", tools, lambda name: "/usr/bin/xset", {})
    assert not no_display.works and no_display.why.startswith("no X display")
    no_adapter = probe("cec", Tools({"cec-client -l": (0, "Found devices: NONE")}),
                       lambda name: "/usr/bin/cec-client", every)
    assert not no_adapter.works
    assert no_adapter.why == "cec-client finds no HDMI-CEC adapter (Found devices: NONE)"
