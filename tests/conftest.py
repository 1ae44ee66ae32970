"""Shared fixtures: a local Crossref-shaped server, a throwaway cache, a fake clock, and for every test a
clean environment and a guard that refuses (and records) any use of the network beyond this machine."""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from crossref_server import CrossrefServer
from needling_evidence.crossref.cache import Cache

# --- the network guard --------------------------------------------------------------------------------------

# Names that resolve to this machine without asking a DNS server (RFC 6761 reserves `localhost.` and below).
_LOOPBACK_NAMES = ("localhost", "localhost.")


def _is_loopback_name(name: str) -> bool:
    return name in _LOOPBACK_NAMES or name.endswith((".localhost", ".localhost."))


def _ip_address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address ``text`` spells (an IPv4-mapped IPv6 address as its IPv4 one), or None for a name."""
    try:
        ip = ipaddress.ip_address(text.split("%")[0])  # drop an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


class NetworkGuard:
    """Refuses every TCP connection, UDP datagram and name lookup from this process that would leave the
    machine, and records each attempt, so a test that tried the network fails at teardown even when the code
    under test swallowed the refusal (as a client turning it into an ``unverified`` would)."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    @staticmethod
    def allowed(address: Any) -> bool:
        """Whether a socket address stays on the machine (a loopback name or address, or no internet address
        at all)."""
        if not isinstance(address, tuple):  # AF_UNIX paths and the like never leave the machine
            return True
        host = str(address[0]).lower()
        if _is_loopback_name(host):
            return True
        ip = _ip_address(host)
        return ip is not None and ip.is_loopback

    @staticmethod
    def allowed_host(host: Any) -> bool:
        """Whether looking ``host`` up needs nothing beyond this machine: no host (the local wildcard), a
        loopback name, or an address literal (a literal is not looked up; connecting to it is checked
        apart)."""
        if host is None:
            return True
        name = (host.decode("ascii", "replace") if isinstance(host, bytes) else str(host)).lower()
        return name == "" or _is_loopback_name(name) or _ip_address(name) is not None

    def refuse(self, what: str) -> NoReturn:
        self.attempts.append(what)
        raise ConnectionRefusedError(f"tests must not reach the network (tried {what})")

    def refuse_lookup(self, what: str) -> NoReturn:
        self.attempts.append(what)
        raise socket.gaierror(socket.EAI_NONAME, f"tests must not reach the network (tried {what})")

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Guard ``socket`` for as long as ``monkeypatch`` lasts."""
        guard = self
        real_connect = socket.socket.connect
        real_connect_ex = socket.socket.connect_ex
        real_sendto = socket.socket.sendto
        real_sendmsg = socket.socket.sendmsg

        def connect(sock: socket.socket, address: Any) -> None:
            # any socket type: TCP, and UDP's connect (a later send() then goes to that address)
            if not guard.allowed(address):
                guard.refuse(f"connect {address!r}")
            real_connect(sock, address)

        def connect_ex(sock: socket.socket, address: Any) -> int:
            if not guard.allowed(address):
                guard.refuse(f"connect_ex {address!r}")
            return real_connect_ex(sock, address)

        def sendto(sock: socket.socket, data: Any, *args: Any) -> int:
            address = args[-1]  # sendto(data, address) or sendto(data, flags, address)
            if not guard.allowed(address):
                guard.refuse(f"sendto {address!r}")
            return real_sendto(sock, data, *args)

        def sendmsg(sock: socket.socket, buffers: Any, *args: Any) -> int:
            address = args[2] if len(args) > 2 else None  # sendmsg(buffers, ancdata, flags, address)
            if address is not None and not guard.allowed(address):
                guard.refuse(f"sendmsg {address!r}")
            return real_sendmsg(sock, buffers, *args)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket.socket, "sendto", sendto)
        monkeypatch.setattr(socket.socket, "sendmsg", sendmsg)

        def lookup(name: str, host_of: Callable[..., Any], *, reverse: bool = False) -> Callable[..., Any]:
            real = getattr(socket, name)

            def guarded(*args: Any, **kwargs: Any) -> Any:
                host = host_of(*args, **kwargs)
                # a reverse lookup asks DNS about any address that is not this machine's
                if not (guard.allowed((host, 0)) if reverse else guard.allowed_host(host)):
                    guard.refuse_lookup(f"{name} {host!r}")
                return real(*args, **kwargs)

            return guarded

        def first(*args: Any, **kwargs: Any) -> Any:
            return args[0] if args else kwargs.get("host", kwargs.get("hostname"))

        for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex"):
            monkeypatch.setattr(socket, name, lookup(name, first))
        monkeypatch.setattr(socket, "gethostbyaddr", lookup("gethostbyaddr", first, reverse=True))
        # getnameinfo((host, port), flags)
        monkeypatch.setattr(
            socket, "getnameinfo", lookup("getnameinfo", lambda address, *_: address[0], reverse=True)
        )

    def check(self) -> None:
        assert not self.attempts, f"the test tried to reach the network: {self.attempts}"


# --- a clean environment ------------------------------------------------------------------------------------

# Settings that would point a test at a real service or a user's files: every NEEDLING_EVIDENCE_* variable
# (base URL, mailto, cache …), NCBI's key, and proxies (a proxy would carry even loopback traffic off the
# machine).
_SCRUBBED_PREFIX = "NEEDLING_EVIDENCE_"
_SCRUBBED = (
    "NCBI_API_KEY",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
)


def _scrubbed(name: str) -> bool:
    return name.startswith(_SCRUBBED_PREFIX) or name in _SCRUBBED


def clean_env(**overrides: str) -> dict[str, str]:
    """The environment for a subprocess a test starts: this process's, without any setting that could reach
    the network or a user's files (as the autouse fixture scrubs them here), plus ``overrides``."""
    env = {name: value for name, value in os.environ.items() if not _scrubbed(name)}
    env.update(overrides)
    return env


@pytest.fixture(autouse=True)
def _clean_environment_and_no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[NetworkGuard]:
    for name in list(os.environ):
        if _scrubbed(name):
            monkeypatch.delenv(name)
    guard = NetworkGuard()
    guard.install(monkeypatch)
    yield guard
    guard.check()


# --- a fake clock -------------------------------------------------------------------------------------------


class FakeClock:
    """``now`` and ``sleep`` for code that takes ``clock=`` and ``sleep=``: sleeping returns at once and moves
    the clock to the sleeper's wake-up time, so pacing and retry tests take milliseconds.

    Several threads may sleep at once: the clock jumps to each sleeper's wake-up time and never goes back, so
    every thread reads one monotonic time and no one waits less than it asked (it may wait more, as on a
    loaded machine). ``sleeps`` records every sleep asked for.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start
        self._lock = threading.Lock()
        self.sleeps: list[float] = []

    def now(self) -> float:
        with self._lock:
            return self._now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self._now += max(0.0, seconds)
        time.sleep(0)  # let other threads run, as a real sleep would


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


# --- services -----------------------------------------------------------------------------------------------


@pytest.fixture
def crossref_server() -> Iterator[CrossrefServer]:
    """A running :class:`CrossrefServer` on 127.0.0.1 (stopped after the test)."""
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
