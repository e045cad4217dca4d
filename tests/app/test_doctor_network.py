"""`installation doctor` on screen power, clock synchronisation and what listens on the network."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from installation.adapters.timesync import ClockSync, clock_sync
from installation.commands.doctor import (
    OK,
    WARN,
    check_clock_sync,
    check_remote,
    check_screen_power,
)
from installation.core.config import load_config, with_overrides

ROOT = Path(__file__).parents[2]
CHRONY = """Reference ID    : C0A80101 (gallery-time.lan)
Stratum         : 3
System time     : 0.000412300 seconds slow of NTP time
Last offset     : -0.000021000 seconds
Leap status     : Normal
"""
TIMESYNCD = """       Server: 192.168.1.1 (gallery-time.lan)
Poll interval: 34min 8s (min: 32s; max 34min 8s)
         Leap: normal
       Offset: +23.456ms
        Delay: 1.2ms
"""


def tools(answers: dict[str, tuple[int, str]]):  # type: ignore[no-untyped-def]
    def run(argv: Sequence[str], stdin: str | None) -> tuple[int, str]:
        return answers.get(" ".join(argv), (127, f"{argv[0]} is not installed"))

    return run


def test_chrony_gives_the_offset_and_it_is_good() -> None:
    sync = clock_sync(tools({"chronyc tracking": (0, CHRONY)}))
    assert sync == ClockSync(True, -0.4123, "chronyc")
    finding = check_clock_sync(sync)
    assert (finding.level, finding.text) == (OK, "synchronised (chronyc, offset -0.4 ms)")


def test_timesyncd_above_20_ms_is_a_warning() -> None:
    sync = clock_sync(tools({
        "timedatectl show -p NTPSynchronized --value": (0, "yes"),
        "timedatectl timesync-status": (0, TIMESYNCD)}))
    assert sync.synchronised and abs((sync.offset_ms or 0) - 23.456) < 1e-9
    finding = check_clock_sync(sync)
    assert finding.level == WARN
    assert finding.text == ("the clock is 23.5 ms off its time source (timedatectl), more "
                            "than 20 ms: screens may disagree")


def test_an_unsynchronised_or_unknown_clock_is_a_warning_with_a_fix() -> None:
    sync = clock_sync(tools({"timedatectl show -p NTPSynchronized --value": (0, "no")}))
    finding = check_clock_sync(sync)
    assert (finding.level, finding.text) == (WARN, "the system clock is not synchronised "
                                                   "(timedatectl)")
    assert finding.fix.startswith("turn network time on: sudo timedatectl set-ntp true")
    unknown = check_clock_sync(clock_sync(tools({})))
    assert unknown.level == WARN
    assert unknown.text == ("cannot tell whether the clock is synchronised (neither chronyc "
                            "nor timedatectl answered)")


def test_doctor_names_the_screen_power_method_that_works() -> None:
    run = tools({"xset q": (0, "DPMS (Energy Star):\n  DPMS is Disabled")})
    which = {"xset": "/usr/bin/xset"}.get
    [chosen_none] = check_screen_power("none", run, which, {"DISPLAY": ":0"})
    assert chosen_none.level == OK
    assert chosen_none.text == ('[hours] screen_power = "none": the screen stays on, black '
                                "outside hours; dpms: works; cec: cec-client is not installed "
                                "(Debian: sudo apt install cec-utils)")
    [chosen_cec] = check_screen_power("cec", run, which, {"DISPLAY": ":0"})
    assert chosen_cec.level == WARN
    assert chosen_cec.text.startswith('[hours] screen_power = "cec" will not work here: '
                                      "cec-client is not installed")
    assert "the show will keep the screen on and black outside hours" in chosen_cec.text
    assert chosen_cec.fix == 'set [hours] screen_power = "dpms" (it works here)'


def test_doctor_says_what_listens_on_the_network() -> None:
    config = load_config(ROOT / "config.toml")
    [quiet] = check_remote(config)
    assert quiet.text == "nothing listens on the network ([remote] osc and http are off)"
    on = with_overrides(config, remote={"osc": True, "http": True, "rehearsal": True})
    [loud] = check_remote(on)
    assert loud.text == ("listening: OSC on udp 127.0.0.1:9000, the status page on "
                         "http://127.0.0.1:8080/ (rehearsal: jump and speed accepted)")
