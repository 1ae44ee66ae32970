"""The suite's network guard (tests/conftest.py) lets loopback through and nothing else."""

from __future__ import annotations

import pytest

from conftest import _NetworkGuard


@pytest.mark.parametrize("address", [("127.0.0.1", 80), ("::1", 80, 0, 0), ("localhost", 80), "/tmp/sock"])
def test_loopback_and_local_sockets_are_allowed(address: object) -> None:
    assert _NetworkGuard().allowed(address)


@pytest.mark.parametrize(
    "address",
    # documentation ranges (RFC 5737, RFC 3849) and a name: none is loopback
    [("192.0.2.1", 443), ("2001:db8::1", 443, 0, 0), ("example.org", 443)],
)
def test_addresses_off_the_machine_are_refused(address: object) -> None:
    assert not _NetworkGuard().allowed(address)
