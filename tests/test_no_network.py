"""The suite's network guard (tests/conftest.py): loopback passes; TCP, UDP and name lookups beyond the
machine are refused and recorded, even when the code swallows the refusal; the environment is scrubbed.

Each test here installs its own :class:`NetworkGuard` on top of the suite's autouse one and inspects its
record directly: the refused attempts never reach the autouse guard, so these tests pass at teardown, while
a test that tried the network for real would fail there.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import NETWORK_LOG_ENV, clean_env
from crossref_server import CrossrefServer
from network_guard import NetworkGuard, subprocess_attempts

# documentation addresses (RFC 5737, RFC 3849) and a reserved name (RFC 2606): none is this machine
OFF_MACHINE_V4 = ("192.0.2.1", 443)
OFF_MACHINE_V6 = ("2001:db8::1", 443, 0, 0)
OFF_MACHINE_NAME = "example.org"


@pytest.fixture
def guard() -> Iterator[NetworkGuard]:
    inner = NetworkGuard()
    with pytest.MonkeyPatch.context() as monkeypatch:
        inner.install(monkeypatch.setattr)
        yield inner


@pytest.mark.parametrize(
    "address",
    [
        ("127.0.0.1", 80),
        ("127.8.9.10", 80),
        ("::1", 80, 0, 0),
        ("::ffff:127.0.0.1", 80, 0, 0),
        ("localhost", 80),
    ],
)
def test_loopback_addresses_are_allowed(address: object) -> None:
    assert NetworkGuard.allowed(address)


def test_a_unix_socket_path_is_allowed() -> None:
    assert NetworkGuard.allowed("/tmp/sock")


@pytest.mark.parametrize("address", [OFF_MACHINE_V4, OFF_MACHINE_V6, (OFF_MACHINE_NAME, 443), ("", 443)])
def test_addresses_off_the_machine_are_refused(address: object) -> None:
    assert not NetworkGuard.allowed(address)


@pytest.mark.parametrize(
    "host", [None, "", "localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "192.0.2.1"]
)
def test_lookups_that_need_no_dns_are_allowed(host: object) -> None:
    assert NetworkGuard.allowed_host(host)


@pytest.mark.parametrize(
    "host", [OFF_MACHINE_NAME, b"example.org", "api.crossref.org", "localhost.example.org"]
)
def test_lookups_of_other_names_are_refused(host: object) -> None:
    assert not NetworkGuard.allowed_host(host)


def test_a_tcp_connection_is_refused_and_recorded(guard: NetworkGuard) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(ConnectionRefusedError):
        sock.connect(OFF_MACHINE_V4)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(ConnectionRefusedError):
        sock.connect_ex(OFF_MACHINE_V4)
    assert guard.attempts == [f"connect {OFF_MACHINE_V4!r}", f"connect_ex {OFF_MACHINE_V4!r}"]


@pytest.mark.parametrize(
    "lookup",
    [
        lambda: socket.getaddrinfo(OFF_MACHINE_NAME, 443),
        lambda: socket.getaddrinfo(host=OFF_MACHINE_NAME, port=443),
        lambda: socket.gethostbyname(OFF_MACHINE_NAME),
        lambda: socket.gethostbyname_ex(OFF_MACHINE_NAME),
        lambda: socket.create_connection((OFF_MACHINE_NAME, 443), timeout=1),
    ],
)
def test_a_name_lookup_is_refused_and_recorded(guard: NetworkGuard, lookup: object) -> None:
    with pytest.raises(socket.gaierror):
        lookup()  # type: ignore[operator]
    assert len(guard.attempts) == 1 and OFF_MACHINE_NAME in guard.attempts[0]


def test_a_reverse_lookup_of_an_outside_address_is_refused(guard: NetworkGuard) -> None:
    with pytest.raises(socket.gaierror):
        socket.getnameinfo(OFF_MACHINE_V4, 0)
    with pytest.raises(socket.gaierror):
        socket.gethostbyaddr(OFF_MACHINE_V4[0])
    assert guard.attempts == [f"getnameinfo {OFF_MACHINE_V4[0]!r}", f"gethostbyaddr {OFF_MACHINE_V4[0]!r}"]


def test_a_udp_datagram_is_refused_and_recorded(guard: NetworkGuard) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        with pytest.raises(ConnectionRefusedError):
            sock.sendto(b"query", (OFF_MACHINE_V4[0], 53))
        with pytest.raises(ConnectionRefusedError):
            sock.sendto(b"query", 0, (OFF_MACHINE_V4[0], 53))
        with pytest.raises(ConnectionRefusedError):
            sock.sendmsg([b"query"], [], 0, (OFF_MACHINE_V4[0], 53))
        with pytest.raises(ConnectionRefusedError):
            sock.connect((OFF_MACHINE_V4[0], 53))  # a connected datagram socket would send() there
    assert len(guard.attempts) == 4 and all("192.0.2.1" in attempt for attempt in guard.attempts)


def test_a_refusal_the_code_swallows_is_still_recorded_and_fails_the_check(guard: NetworkGuard) -> None:
    # as a client that reports "could not reach" instead of raising would
    with contextlib.suppress(OSError):
        urllib.request.urlopen(f"http://{OFF_MACHINE_NAME}/", timeout=1)
    assert guard.attempts
    with pytest.raises(AssertionError, match="tried to reach the network"):
        guard.check()


def test_loopback_http_and_udp_pass_the_guard(guard: NetworkGuard, crossref_server: CrossrefServer) -> None:
    crossref_server.add_not_found("10.1/missing")
    with pytest.raises(urllib.error.HTTPError) as answered:
        urllib.request.urlopen(f"{crossref_server.url}/works/10.1/missing", timeout=5)
    assert answered.value.code == 404  # the request reached the local server and came back
    answered.value.close()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as receiver:
        receiver.bind(("127.0.0.1", 0))
        receiver.settimeout(5)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
            sender.sendto(b"ping", receiver.getsockname())
        assert receiver.recv(16) == b"ping"
    assert socket.getaddrinfo("localhost", 80)
    assert guard.attempts == []


def test_settings_are_scrubbed_for_every_test() -> None:
    leaked = [name for name in os.environ if name.startswith("NEEDLING_EVIDENCE_")]
    assert leaked == []
    assert "NCBI_API_KEY" not in os.environ and "HTTPS_PROXY" not in os.environ


def test_a_subprocess_gets_the_same_clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # as if a setting were set after the scrub (a test's own setenv, say): clean_env still drops it
    monkeypatch.setenv("NEEDLING_EVIDENCE_MAILTO", "someone@example.org")
    monkeypatch.setenv("https_proxy", "http://proxy.example.org:3128")
    code = (
        "import os; "
        "print(sorted(k for k in os.environ if k.startswith('NEEDLING_EVIDENCE_') or 'proxy' in k.lower()))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=clean_env(NEEDLING_EVIDENCE_CACHE="/tmp/x.sqlite"),
    )
    assert run.stdout.strip() == "['NEEDLING_EVIDENCE_CACHE']"


def test_a_python_subprocess_is_guarded_and_its_attempts_reach_the_test(tmp_path: Path) -> None:
    # its own log (not this test's), so the refused attempts are inspected here and do not fail the teardown
    log = tmp_path / "attempts.log"
    code = (
        "import contextlib, socket, urllib.request\n"
        "with contextlib.suppress(OSError):\n"
        "    urllib.request.urlopen('http://example.org/', timeout=1)\n"  # refused, and swallowed
        "with contextlib.suppress(OSError):\n"
        "    socket.create_connection(('192.0.2.1', 443), timeout=1)\n"
        "print(socket.getaddrinfo('localhost', 80)[0][4][0] in ('127.0.0.1', '::1'))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=clean_env(**{NETWORK_LOG_ENV: str(log)}),
    )
    assert run.stdout.strip() == "True"  # loopback still resolves
    attempts = subprocess_attempts(log)
    assert len(attempts) == 2
    assert "getaddrinfo 'example.org'" in attempts[0] and "192.0.2.1" in attempts[1]
