"""Shared fixtures: a local Crossref-shaped server and a throwaway cache (no test ever reaches the
network)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crossref_server import CrossrefServer
from needling_evidence.crossref.cache import Cache

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
