"""OSC remote control over real UDP sockets on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import build_msg

from installation.adapters.osc import OscRemote
from installation.adapters.remote import Command, Mailbox, OnceLog, Refused, read_command
from installation.core.timeutil import parse_clock

WAIT = 10.0  # seconds a message may take on a loaded machine (a test never waits when it works)


class Recorder(Mailbox):
    """A mailbox that lets the test wait for what arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived = threading.Event()

    def send(self, command: Command) -> None:
        super().send(command)
        self.arrived.set()


class Problems(list[str]):
    def __init__(self) -> None:
        super().__init__()
        self.arrived = threading.Event()

    def __call__(self, text: str) -> None:
        self.append(text)
        self.arrived.set()


def remote(rehearsal: bool = False) -> tuple[OscRemote, Recorder, Problems]:
    mailbox, problems = Recorder(), Problems()
    return OscRemote(mailbox, "127.0.0.1", 0, rehearsal, problems).start(), mailbox, problems


@pytest.fixture
def client() -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(WAIT)
    yield sock
    sock.close()


def send(sock: socket.socket, port: int, address: str, *args: Any) -> None:
    sock.sendto(build_msg(address, args).dgram, ("127.0.0.1", port))


def received(mailbox: Recorder) -> list[Command]:
    assert mailbox.arrived.wait(WAIT)
    mailbox.arrived.clear()
    return mailbox.drain()


@pytest.mark.parametrize(("address", "args", "expected"), [
    ("/miraclemile/volume", (0.25,), Command("volume", 0.25)),
    ("/miraclemile/volume", (1,), Command("volume", 1.0)),
    ("/miraclemile/overlay", (1,), Command("overlay", True)),
    ("/miraclemile/overlay", (False,), Command("overlay", False)),
    ("/miraclemile/overlay", (1.0,), Command("overlay", True)),  # a TouchOSC button
    ("/miraclemile/reload", (), Command("reload")),
    ("/miraclemile/standby", (1,), Command("standby", True)),
])
def test_each_address_puts_one_command_in_the_mailbox(client: socket.socket, address: str,
                                                      args: tuple[Any, ...],
                                                      expected: Command) -> None:
    server, mailbox, problems = remote()
    try:
        send(client, server.port, address, *args)
        [command] = received(mailbox)
    finally:
        server.close()
    assert (command.action, command.value) == (expected.action, expected.value)
    assert command.source.startswith("osc 127.0.0.1:")
    assert problems == []


def test_jump_and_speed_only_in_rehearsal(client: socket.socket) -> None:
    server, mailbox, problems = remote(rehearsal=False)
    try:
        send(client, server.port, "/miraclemile/jump", "04:05")
        assert problems.arrived.wait(WAIT)
    finally:
        server.close()
    assert mailbox.drain() == []
    assert problems == ["OSC /miraclemile/jump: expected jump only in rehearsal mode ([remote] "
                        "rehearsal = true); found '04:05' (from 127.0.0.1)"]
    server, mailbox, problems = remote(rehearsal=True)
    try:
        send(client, server.port, "/miraclemile/jump", "04:05")
        [jump] = received(mailbox)
        send(client, server.port, "/miraclemile/speed", 10.0)
        [speed] = received(mailbox)
    finally:
        server.close()
    assert (jump.action, jump.value) == ("jump", parse_clock("04:05"))
    assert (speed.action, speed.value) == ("speed", 10.0)


def test_wrong_types_and_unknown_addresses_are_named_with_what_was_expected(
        client: socket.socket) -> None:
    server, mailbox, problems = remote()
    try:
        send(client, server.port, "/miraclemile/volume", "loud")
        assert problems.arrived.wait(WAIT)
        problems.arrived.clear()
        send(client, server.port, "/miraclemile/volum", 0.5)
        assert problems.arrived.wait(WAIT)
        send(client, server.port, "/miraclemile/volume", 0.5)  # the show goes on taking them
        [command] = received(mailbox)
    finally:
        server.close()
    assert command.value == 0.5
    assert problems[0] == ("OSC /miraclemile/volume: expected one number from 0 to 1; "
                           "found 'loud' (from 127.0.0.1)")
    assert problems[1].startswith("OSC /miraclemile/volum: unknown address; expected one of "
                                  "/miraclemile/volume, /miraclemile/overlay, ")


def test_status_is_answered_to_the_sender(client: socket.socket) -> None:
    server, mailbox, _ = remote()
    mailbox.publish({"story_time": "04:05:00", "scene": "The payphone rings", "fps": 59.9,
                     "audio": "playing", "audio_underruns": 0, "volume": 0.8,
                     "next_scene": None})
    try:
        send(client, server.port, "/miraclemile/status")
        data, _ = client.recvfrom(65536)
    finally:
        server.close()
    reply = OscMessage(data)
    pairs = dict(zip(reply.params[::2], reply.params[1::2], strict=True))
    assert reply.address == "/miraclemile/status"
    assert pairs["story_time"] == "04:05:00" and pairs["scene"] == "The payphone rings"
    assert abs(pairs["fps"] - 59.9) < 1e-4 and pairs["volume"] == pytest.approx(0.8)
    assert pairs["next_scene"] == ""


@pytest.mark.parametrize(("action", "args", "why"), [
    ("volume", (1.5,), "one number from 0 to 1"),
    ("volume", (float("nan"),), "one number from 0 to 1"),
    ("volume", (), "one number from 0 to 1"),
    ("overlay", ("maybe",), "1 (show) or 0 (hide)"),
    ("overlay", (0.5,), "1 (show) or 0 (hide)"),
    ("reload", (1,), "no arguments"),
    ("speed", (0,), "one number above 0 and at most 1000 (1 = normal)"),
    ("jump", ("25:00",), "a story time like \"04:05\" or \"04:05:30\""),
])
def test_a_bad_request_is_refused_with_what_was_expected(action: str, args: tuple[Any, ...],
                                                         why: str) -> None:
    with pytest.raises(Refused) as refused:
        read_command(action, args, rehearsal=True)
    assert str(refused.value) == why


def test_a_flood_of_odd_requests_is_logged_once_each_and_then_not_at_all(
        caplog: pytest.LogCaptureFixture) -> None:
    once = OnceLog()
    for n in range(300):
        once(f"OSC /x{n}: unknown address")
        once("OSC /x0: unknown address")
    assert len(caplog.records) == 101
    assert "no more are logged" in caplog.records[-1].getMessage()


def test_a_command_reads_well_in_the_log() -> None:
    assert [str(c) for c in (Command("volume", 0.5), Command("overlay", True),
                             Command("reload"), Command("jump", parse_clock("04:05")),
                             Command("speed", 10.0))] == [
        "volume 0.5", "overlay on", "reload", "jump 04:05:00", "speed 10"]
