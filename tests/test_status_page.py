"""The status page over real HTTP on 127.0.0.1: what it shows, its buttons, and its token."""

from __future__ import annotations

import http.client
import io
import urllib.parse
from collections.abc import Iterator

import pygame
import pytest

from installation.adapters.http_status import StatusPage, thumbnail_png
from installation.adapters.remote import Command, Mailbox

TOKEN = "s3cret-token-for-tests"
STATUS = {
    "story_time": "04:05:00", "scene": "The payphone rings", "mode": "play",
    "next_scene": "Panic in Johnnie's", "next_scene_in": 42.0, "next_cue": "the flash",
    "next_cue_in": 210.0, "countdown": "T-MINUS 1:09:58", "fps": 59.8,
    "frame_time_p95_ms": 9.4, "audio": "playing", "audio_underruns": 2, "volume": 0.8,
    "overlay": False, "hours": {"state": "open"}, "uptime_seconds": 3725.0,
    "version": "0.1.0", "timeline": "timelines/miracle-mile.toml", "written_at": 1.5,
    "last_reload": {"ok": False, "summary": "timeline refused", "error":
                    "miracle-mile.toml:12: scene 'Tar pits', key 'at': expected a time"},
    "warnings": ["sound file bell.mp3 <missing>"],
}


class Recorder(Mailbox):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[Command] = []

    def send(self, command: Command) -> None:
        self.sent.append(command)


@pytest.fixture
def served() -> Iterator[tuple[StatusPage, Recorder]]:
    mailbox = Recorder()
    mailbox.publish(STATUS)
    server = StatusPage(mailbox, "127.0.0.1", 0).start()
    yield server, mailbox
    server.close()


@pytest.fixture
def guarded() -> Iterator[tuple[StatusPage, Recorder]]:
    mailbox = Recorder()
    mailbox.publish(STATUS)
    server = StatusPage(mailbox, "127.0.0.1", 0, token=TOKEN).start()
    yield server, mailbox
    server.close()


def request(port: int, method: str, path: str, body: dict[str, str] | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    data = urllib.parse.urlencode(body).encode() if body is not None else None
    sent = {"Content-Type": "application/x-www-form-urlencoded"} if data else {}
    connection.request(method, path, data, {**sent, **(headers or {})})
    response = connection.getresponse()
    answer = response.status, dict(response.getheaders()), response.read()
    connection.close()
    return answer


def test_the_page_shows_what_the_show_is_doing(served) -> None:  # type: ignore[no-untyped-def]
    server, _ = served
    status, headers, body = request(server.port, "GET", "/")
    text = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    for shown in ("04:05:00", "The payphone rings", "Panic in Johnnie&#x27;s (in 42 s)",
                  "the flash (in 3 min 30 s)", "T-MINUS 1:09:58", "59.8 fps, p95 9.4 ms",
                  '<span class="bad">2</span>', "refused</span> timeline refused",
                  "expected a time", "sound file bell.mp3 &lt;missing&gt;", "up 1 h 02 min",
                  "version 0.1.0", "<td>80%</td>", '<img src="/frame.png', 'http-equiv="refresh"',
                  'name="viewport"'):
        assert shown in text, shown
    assert "<script" not in text


def test_the_volume_and_overlay_buttons_send_commands(served) -> None:  # type: ignore[no-untyped-def]
    server, mailbox = served
    page = request(server.port, "GET", "/")[2].decode()
    assert '<button name="value" value="0.70">−</button>' in page  # a step down from 0.8
    assert '<button name="value" value="0.9">+</button>' not in page
    assert '<button name="value" value="0.90">+</button>' in page
    status, headers, _ = request(server.port, "POST", "/volume", {"value": "0.7"})
    assert status == 303 and headers["Location"] == "/"
    status, _, _ = request(server.port, "POST", "/overlay", {"value": "1"})
    assert status == 303
    assert [(c.action, c.value) for c in mailbox.sent] == [("volume", 0.7), ("overlay", True)]
    assert mailbox.sent[0].source == "http 127.0.0.1"


def test_a_bad_button_value_is_refused_with_what_was_expected(served) -> None:  # type: ignore[no-untyped-def]
    server, mailbox = served
    status, _, body = request(server.port, "POST", "/volume", {"value": "11"})
    assert status == 400
    assert "/volume: expected one number from 0 to 1; found 11." in body.decode()
    status, _, body = request(server.port, "POST", "/jump", {"value": "04:05"})
    assert status == 400 and "expected one of /volume, /overlay" in body.decode()
    assert mailbox.sent == []


def test_a_form_posted_from_another_site_is_refused(served) -> None:  # type: ignore[no-untyped-def]
    server, mailbox = served
    status, _, _ = request(server.port, "POST", "/volume", {"value": "1"},
                           {"Origin": "http://evil.example"})
    assert status == 403 and mailbox.sent == []


def test_the_live_picture_and_the_status_json(served) -> None:  # type: ignore[no-untyped-def]
    server, mailbox = served
    assert request(server.port, "GET", "/frame.png")[0] == 404  # no frame published yet
    frame = pygame.Surface((1920, 1080))
    frame.fill((255, 60, 170))
    mailbox.publish_picture(thumbnail_png(frame))
    status, headers, body = request(server.port, "GET", "/frame.png")
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert body.startswith(b"\x89PNG")
    picture = pygame.image.load(io.BytesIO(body), "frame.png")
    assert picture.get_size() == (480, 270)
    assert picture.get_at((240, 135))[:3] == (255, 60, 170)
    status, _, body = request(server.port, "GET", "/status.json")
    assert status == 200 and b'"scene": "The payphone rings"' in body


def test_with_a_token_every_request_without_it_gets_401(guarded) -> None:  # type: ignore[no-untyped-def]
    server, mailbox = guarded
    for method, path, body in (("GET", "/", None), ("GET", "/frame.png", None),
                               ("GET", "/status.json", None),
                               ("POST", "/volume", {"value": "0"}),
                               ("GET", "/?token=wrong", None)):
        status, _, text = request(server.port, method, path, body)
        assert status == 401, path
        assert b"[remote] token" in text
    assert mailbox.sent == []


def test_the_token_once_in_the_address_is_kept_in_a_cookie(guarded) -> None:  # type: ignore[no-untyped-def]
    server, mailbox = guarded
    status, headers, _ = request(server.port, "GET", f"/?token={TOKEN}")
    assert status == 200
    cookie = headers["Set-Cookie"].split(";")[0]
    assert "HttpOnly" in headers["Set-Cookie"] and "SameSite=Strict" in headers["Set-Cookie"]
    assert request(server.port, "GET", "/status.json", headers={"Cookie": cookie})[0] == 200
    assert request(server.port, "POST", "/volume", {"value": "0.5"},
                   {"Cookie": cookie})[0] == 303
    assert request(server.port, "GET", "/", headers={"Authorization": f"Bearer {TOKEN}"})[0] \
        == 200
    assert [(c.action, c.value) for c in mailbox.sent] == [("volume", 0.5)]
