"""The test suite's network guard: refuses and records any connection, datagram or name lookup that would
leave the machine. tests/conftest.py installs it for every test; ``subprocess_guard/sitecustomize.py``
installs it in every Python subprocess a test starts, which logs its attempts to a file the test checks.

Standard library only: a subprocess loads it without pytest.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

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

    def __init__(self, log: str | os.PathLike[str] | None = None) -> None:
        self.attempts: list[str] = []
        self.log = log  # also append each attempt here (a subprocess tells the test that started it)

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

    def _record(self, what: str) -> None:
        self.attempts.append(what)
        if self.log is not None:
            with open(self.log, "a", encoding="utf-8") as log:
                log.write(f"pid {os.getpid()}: {what}\n")

    def refuse(self, what: str) -> NoReturn:
        self._record(what)
        raise ConnectionRefusedError(f"tests must not reach the network (tried {what})")

    def refuse_lookup(self, what: str) -> NoReturn:
        self._record(what)
        raise socket.gaierror(socket.EAI_NONAME, f"tests must not reach the network (tried {what})")

    def install(self, set_attribute: Callable[[Any, str, Any], None] = setattr) -> None:
        """Guard ``socket`` through ``set_attribute`` (pytest's ``monkeypatch.setattr`` undoes it after the
        test; plain ``setattr`` in a subprocess guards it for life)."""
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

        set_attribute(socket.socket, "connect", connect)
        set_attribute(socket.socket, "connect_ex", connect_ex)
        set_attribute(socket.socket, "sendto", sendto)
        set_attribute(socket.socket, "sendmsg", sendmsg)

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
            set_attribute(socket, name, lookup(name, first))
        set_attribute(socket, "gethostbyaddr", lookup("gethostbyaddr", first, reverse=True))
        # getnameinfo((host, port), flags)
        set_attribute(
            socket, "getnameinfo", lookup("getnameinfo", lambda address, *_: address[0], reverse=True)
        )

    def check(self) -> None:
        assert not self.attempts, f"the test tried to reach the network: {self.attempts}"


def subprocess_attempts(log: Path) -> list[str]:
    """What the guarded subprocesses of a test tried, from their shared log."""
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []
