"""The [remote] section: OSC and the status page, off by default, loopback unless told."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any

from installation.core.errors import Problem
from installation.core.params import Invalid, Param, Parser, Place, boolean, integer, text

LOOPBACK = "127.0.0.1"
MIN_TOKEN_LENGTH = 16
LOOPBACK_NAMES = ("localhost",)


def bind_address() -> Parser:
    """An IP address to listen on: "127.0.0.1" (this machine only), "0.0.0.0" (every network)."""

    def parse(value: Any) -> str:
        try:
            return str(ipaddress.ip_address(value)) if isinstance(value, str) else ""
        except ValueError:
            pass
        raise Invalid("an IP address of this machine like \"127.0.0.1\" (this machine only), "
                      "\"192.168.1.20\" (one network) or \"0.0.0.0\" (every network)")

    return parse


PARAMS: tuple[Param, ...] = (
    Param("osc", boolean(), False, "listen for OSC remote control"),
    Param("osc_address", bind_address(), LOOPBACK, "the address OSC listens on"),
    Param("osc_port", integer(1024, 65535), 9000, "the UDP port OSC listens on"),
    Param("http", boolean(), False, "serve the status page"),
    Param("http_address", bind_address(), LOOPBACK, "the address the status page listens on"),
    Param("http_port", integer(1024, 65535), 8080, "the TCP port of the status page"),
    Param("token", text(allow_empty=True), "", "the password for the page off this machine"),
    Param("rehearsal", boolean(), False, "accept jump and speed (never in a public show)"),
)


def is_loopback(address: str) -> bool:
    return address in LOOPBACK_NAMES or ipaddress.ip_address(address).is_loopback


def remote_problems(values: Mapping[str, Any], place: Place) -> list[Problem]:
    """A status page reachable from other machines must have a token."""
    if not values["http"] or is_loopback(values["http_address"]):
        return []
    token = values["token"]
    if len(token) >= MIN_TOKEN_LENGTH:
        return []
    found = "no token" if not token else f"a token of {len(token)} characters"
    return [place.problem("token", f"a token of at least {MIN_TOKEN_LENGTH} characters, since "
                          f"http_address '{values['http_address']}' lets other machines in",
                          found, "Make one with: python3 -c \"import secrets; "
                          "print(secrets.token_urlsafe(24))\"")]
