"""Shared fixtures: a local Crossref-shaped server, a throwaway cache, a fake clock, and for every test a
clean environment and a guard that refuses (and records) any use of the network beyond this machine."""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from crossref_server import CrossrefServer
from needling_evidence.crossref.cache import Cache
from network_guard import NetworkGuard, subprocess_attempts

# fixtures shared by the CLI and pipeline tests: the small Cupping article and a throwaway cache
pytest_plugins = ["cupping_sample"]

# Python subprocesses of a test import sitecustomize from here first, which installs the guard in them too.
SUBPROCESS_GUARD = Path(__file__).resolve().parent / "subprocess_guard"
NETWORK_LOG_ENV = "NEEDLING_TESTS_NETWORK_LOG"  # not NEEDLING_EVIDENCE_*: it survives the scrub

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


@pytest.fixture(scope="session")
def _network_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("network-attempts")


@pytest.fixture(autouse=True)
def _clean_environment_and_no_network(
    monkeypatch: pytest.MonkeyPatch, _network_logs: Path
) -> Iterator[NetworkGuard]:
    for name in list(os.environ):
        if _scrubbed(name):
            monkeypatch.delenv(name)
    log = _network_logs / f"{uuid.uuid4().hex}.log"
    monkeypatch.setenv(NETWORK_LOG_ENV, str(log))
    python_path = [str(SUBPROCESS_GUARD), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(python_path))
    guard = NetworkGuard()
    guard.install(monkeypatch.setattr)
    yield guard
    guard.check()
    attempts = subprocess_attempts(log)
    assert not attempts, f"a subprocess of the test tried to reach the network: {attempts}"


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
