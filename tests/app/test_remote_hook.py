"""Remote requests reach the running show at its next frame; the page sees the show's state."""

from __future__ import annotations

import http.client
import json
from collections.abc import Sequence
from pathlib import Path

from test_attendant import HOURS, MONDAY, FakeTime, H, frame, is_black, make_show

from installation.adapters.http_status import StatusPage
from installation.adapters.remote import Command, Mailbox
from installation.adapters.screen_power import ScreenPower
from installation.app.remote_control import RemoteControl
from installation.app.show import Show
from installation.core.timeutil import format_clock, parse_clock


def remote_show(folder: Path, fake: FakeTime, extra: str = "",
                power: ScreenPower | None = None) -> tuple[Show, Mailbox]:
    show = make_show(folder, fake, extra)
    mailbox = Mailbox()
    assert show.attendant is not None
    show.attendant.remote = RemoteControl(mailbox, [], power or ScreenPower("none", print),
                                          fake.monotonic)
    frame(show, fake)
    return show, mailbox


def test_volume_overlay_and_standby_from_afar(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show, mailbox = remote_show(tmp_path, fake)
    assert show.attendant is not None
    for command in (Command("volume", 0.3), Command("overlay", True), Command("standby", True)):
        mailbox.send(command)
    frame(show, fake)
    assert show.attendant.volume() == 0.0  # standby is silent
    assert show.overlay.visible and show.attendant.directive.mode == "standby"
    mailbox.send(Command("standby", False))
    frame(show, fake)
    assert show.attendant.directive.mode == "play" and show.attendant.volume() == 0.3


def test_jump_lands_on_the_call_and_speed_runs_the_story_faster(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show, mailbox = remote_show(tmp_path, fake)
    mailbox.send(Command("jump", parse_clock("04:05")))
    frame(show, fake)
    assert show.state is not None and format_clock(show.state.story_time) == "04:05:00"
    assert show.fired[-1] == "the call"  # landing on a cue plays it
    before = show.clock.position(show.wall())
    mailbox.send(Command("speed", 10.0))
    frame(show, fake, 0.0)
    for _ in range(60):
        frame(show, fake, 1 / 60)
    after = show.clock.position(show.wall())
    assert abs((after.offset - before.offset) / before.rate - 10.0) < 0.05  # 1 s ran as 10


def test_reload_reads_the_files_again(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show, mailbox = remote_show(tmp_path, fake)
    assert show.attendant is not None and show.attendant.last_reload is None
    mailbox.send(Command("reload"))
    for _ in range(60):
        frame(show, fake)
    assert show.attendant.last_reload is not None and show.attendant.last_reload.ok


def test_the_page_sees_what_comes_next_and_the_picture(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 12 * H)
    show = make_show(tmp_path, fake, "")
    mailbox = Mailbox()
    page = StatusPage(mailbox, "127.0.0.1", 0).start()
    assert show.attendant is not None
    show.attendant.remote = RemoteControl(mailbox, [page], ScreenPower("none", print),
                                          fake.monotonic)
    try:
        frame(show, fake)
        connection = http.client.HTTPConnection("127.0.0.1", page.port, timeout=10)
        connection.request("GET", "/status.json")
        status = json.loads(connection.getresponse().read())
        connection.request("GET", "/frame.png")
        picture = connection.getresponse().read()
        connection.close()
    finally:
        show.attendant.close()
    assert status["scene"] == "La Brea Tar Pits" and status["next_scene"]
    assert status["next_cue"] == "the call" and status["next_scene_in"] > 0
    assert status["overlay"] is False and status["countdown"] is None
    assert picture.startswith(b"\x89PNG")


class Tools:
    def __init__(self) -> None:
        self.ran: list[str] = []

    def __call__(self, argv: Sequence[str], stdin: str | None) -> tuple[int, str]:
        self.ran.append(" ".join(argv))
        return 0, ""


def test_the_screen_sleeps_at_closing_and_wakes_before_opening(tmp_path: Path) -> None:
    fake = FakeTime(MONDAY + 17 * H + 59 * 60)  # Monday 17:59, closing at 18:00
    tools = Tools()
    power = ScreenPower("dpms", print, tools)
    show, _ = remote_show(tmp_path, fake, HOURS, power)
    power.wait()
    assert tools.ran == ["xset dpms force on", "xset -dpms", "xset s reset"]
    frame(show, fake, 120.0)  # closed
    power.wait()
    assert is_black(show) and tools.ran[-1] == "xset dpms force off"
    frame(show, fake, 24 * H - 4 * 60)  # Tuesday 17:57: three minutes to go, asleep
    power.wait()
    assert tools.ran[-1] == "xset dpms force off"
    frame(show, fake, 61.0)  # Tuesday opens at 18:00: less than two minutes to go
    power.wait()
    assert tools.ran[-3:] == ["xset dpms force on", "xset -dpms", "xset s reset"]
