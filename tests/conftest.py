"""Shared fixtures: a local Crossref-shaped server and a throwaway cache (no test ever reaches the
network)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crossref_server import CrossrefServer
from needling_evidence.crossref.cache import Cache


class _NetworkGuard:
    """Refuses every connection from this process to an address off the machine and remembers it, so a test
    that tried the network fails even when the code under test turns the refusal into an ``unverified``."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def allowed(self, address: Any) -> bool:
        if not isinstance(address, tuple):  # AF_UNIX paths and the like never leave the machine
            return True
        host = str(address[0])
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    guard = _NetworkGuard()
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(sock: socket.socket, address: Any) -> None:
        if not guard.allowed(address):
            guard.attempts.append(repr(address))
            raise ConnectionRefusedError(f"tests must not reach the network (tried {address!r})")
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        if not guard.allowed(address):
            guard.attempts.append(repr(address))
            raise ConnectionRefusedError(f"tests must not reach the network (tried {address!r})")
        return real_connect_ex(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield
    assert not guard.attempts, f"the test tried to reach the network: {guard.attempts}"


_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@pytest.fixture
def crossref_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[CrossrefServer]:
    """A running :class:`CrossrefServer` on 127.0.0.1 (stopped after the test), with no proxy in the way and
    no Crossref settings leaking in from the environment."""
    for name in (*_PROXY_VARIABLES, "NEEDLING_EVIDENCE_CROSSREF_URL", "NEEDLING_EVIDENCE_MAILTO"):
        monkeypatch.delenv(name, raising=False)
    with CrossrefServer() as server:
        yield server


@pytest.fixture
def tmp_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cache]:
    """An empty cache file in the test's temporary directory (also set as ``$NEEDLING_EVIDENCE_CACHE``, so a
    client made with the default cache never touches the user's)."""
    path = tmp_path / "crossref-cache.sqlite"
    monkeypatch.setenv("NEEDLING_EVIDENCE_CACHE", str(path))
    with Cache(path) as cache:
        yield cache
