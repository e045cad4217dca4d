"""The status page over HTTP: what the show is doing, a live picture, volume and overlay buttons."""

from __future__ import annotations

import hmac
import http.cookies
import io
import json
import urllib.parse
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pygame

from installation.adapters.remote import Mailbox, OnceLog, Refused, ServerThread, read_command
from installation.adapters.status_page import page, refused_page, token_page
from installation.visuals.post import lay_cover

THUMB_WIDTH = 480
COOKIE = "miraclemile_token"
MAX_FORM_BYTES = 4096
ACTIONS = ("volume", "overlay")  # what the page's buttons may do


def thumbnail_png(surface: pygame.Surface, width: int = THUMB_WIDTH,
                  cover: pygame.Surface | None = None) -> bytes:
    """A small PNG of the frame, for the page (a few milliseconds every few seconds), with
    the post's `cover` (grain, vignette) laid over it where the window's GPU lays it."""
    if cover is not None:
        surface = surface.copy()
        lay_cover(surface, cover)
    height = max(1, round(surface.get_height() * width / max(1, surface.get_width())))
    small = pygame.transform.smoothscale(surface, (width, height))
    out = io.BytesIO()
    pygame.image.save(small, out, "frame.png")
    return out.getvalue()


class StatusPage(ServerThread):
    """A threaded HTTP server: it reads the mailbox's status and picture and sends commands."""

    def __init__(self, mailbox: Mailbox, address: str, port: int, token: str = "",
                 warn: Callable[[str], None] | None = None) -> None:
        self.mailbox = mailbox
        self.token = token
        self.warn = warn if warn is not None else OnceLog()
        handler = type("Handler", (_Handler,), {"page": self})
        server = ThreadingHTTPServer((address, port), handler)
        server.daemon_threads = True
        super().__init__(server, "status-page")

    def allowed(self, offered: str) -> bool:
        """No token configured (loopback only), or the right one offered."""
        return not self.token or hmac.compare_digest(offered.encode(), self.token.encode())


class _Handler(BaseHTTPRequestHandler):
    page: StatusPage
    server_version = "MiracleMile"

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if not self._let_in(query.get("token", [""])[0]):
            return
        if url.path == "/":
            self._send(HTTPStatus.OK, "text/html; charset=utf-8",
                       page(self.page.mailbox.status).encode())
        elif url.path == "/status.json":
            self._send(HTTPStatus.OK, "application/json",
                       json.dumps(dict(self.page.mailbox.status), default=str).encode())
        elif url.path == "/frame.png" and self.page.mailbox.picture:
            self._send(HTTPStatus.OK, "image/png", self.page.mailbox.picture)
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8",
                       b"not found: try / , /status.json or /frame.png\n")

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(min(length, MAX_FORM_BYTES)).decode(
            "utf-8", "replace"))
        if not self._let_in(form.get("token", [""])[0]):
            return
        if not self._same_site():
            self._send(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8",
                       b"forbidden: a form from another site\n")
            return
        action = urllib.parse.urlsplit(self.path).path.strip("/")
        try:
            if action not in ACTIONS:
                raise Refused("one of " + ", ".join(f"/{a}" for a in ACTIONS))
            command = read_command(action, form.get("value", []), rehearsal=False,
                                   source=f"http {self.client_address[0]}")
        except Refused as refused:
            found = ", ".join(form.get("value", [])) or "nothing"
            self._send(HTTPStatus.BAD_REQUEST, "text/html; charset=utf-8",
                       refused_page(f"/{action}", str(refused), found).encode())
            return
        self.page.mailbox.send(command)
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", "/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _let_in(self, offered: str) -> bool:
        """The token from the query or form, the cookie or an Authorization header."""
        cookie = http.cookies.SimpleCookie(self.headers.get("Cookie") or "")
        header = (self.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
        kept = cookie[COOKIE].value if COOKIE in cookie else ""
        if any(self.page.allowed(t) for t in (offered, kept, header) if t) or \
                self.page.allowed(""):
            self._remember = bool(offered and self.page.token)
            return True
        self._send(HTTPStatus.UNAUTHORIZED, "text/html; charset=utf-8", token_page().encode())
        return False

    def _same_site(self) -> bool:
        """A form posted from another web page (a browser sends its Origin) is refused."""
        origin = self.headers.get("Origin")
        if not origin or origin == "null":
            return origin is None
        return urllib.parse.urlsplit(origin).netloc == self.headers.get("Host")

    def _send(self, status: HTTPStatus, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if status == HTTPStatus.OK and getattr(self, "_remember", False):
            self.send_header("Set-Cookie", f"{COOKIE}={self.page.token}; HttpOnly; "
                                           "SameSite=Strict; Path=/")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
        pass  # requests are not worth a log line each; refusals are logged where they happen
