"""The show's network side as configured: nothing by default, servers that share one mailbox."""

from __future__ import annotations

import http.client
import json
import socket
from pathlib import Path

import pygame
from pythonosc.osc_message_builder import build_msg

from installation.adapters.http_status import StatusPage
from installation.adapters.osc import OscRemote
from installation.app.remote_control import build_remote
from installation.core.config import load_config, with_overrides

ROOT = Path(__file__).parents[2]


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_nothing_listens_by_default() -> None:
    remote = build_remote(load_config(ROOT / "config.toml"), print)
    assert remote.servers == [] and remote.power.method == "none"
    remote.publish(lambda: {"scene": "x"}, None)
    assert remote.mailbox.status == {}  # nobody to tell: no work done
    remote.close()


def test_osc_and_the_page_share_the_mailbox_and_see_fresh_status() -> None:
    config = with_overrides(load_config(ROOT / "config.toml"),
                            remote={"osc": True, "osc_port": 0, "http": True, "http_port": 0})
    ticks = Ticks()
    remote = build_remote(config, print, ticks)
    try:
        osc, page = remote.servers
        assert isinstance(osc, OscRemote) and isinstance(page, StatusPage)
        frame = pygame.Surface((320, 180))
        remote.publish(lambda: {"scene": "Tar pits"}, frame)
        remote.publish(lambda: {"scene": "too soon"}, frame)
        assert remote.mailbox.status["scene"] == "Tar pits"
        ticks.now += 1.0
        remote.publish(lambda: {"scene": "Johnnie's"}, frame)
        connection = http.client.HTTPConnection("127.0.0.1", page.port, timeout=10)
        connection.request("GET", "/status.json")
        assert json.loads(connection.getresponse().read()) == {"scene": "Johnnie's"}
        connection.close()
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.sendto(build_msg("/miraclemile/overlay", (1,)).dgram, ("127.0.0.1", osc.port))
            sock.settimeout(10)
            sock.sendto(build_msg("/miraclemile/status", ()).dgram, ("127.0.0.1", osc.port))
            sock.recvfrom(65536)  # answered after the overlay message was taken
        assert [(c.action, c.value) for c in remote.commands()] == [("overlay", True)]
        assert remote.mailbox.picture.startswith(b"\x89PNG")
    finally:
        remote.close()


def test_a_port_in_use_is_a_warning_and_the_show_plays_on() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = with_overrides(load_config(ROOT / "config.toml"),
                                remote={"http": True, "http_port": port})
        said: list[str] = []
        remote = build_remote(config, said.append)
    assert remote.servers == []
    assert said == [f"[remote]: could not start the status page on http://127.0.0.1:{port}/ "
                    "(Address already in use); the show plays on without it"]
