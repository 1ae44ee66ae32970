"""Fail fast (issue 12 item 1): an index that cannot be reached at all is noticed once, not asked again in the
run, said in one line with what to do, and every reference it would check comes out ``unverified`` in seconds.

Two ways of being unreachable: a closed local port (connection refused) and a name that does not resolve
(``getaddrinfo`` monkeypatched to fail, as a machine without DNS does). Nothing here leaves the machine.
"""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import clean_env
from crossref_server import CrossrefServer, load_recorded_work
from needling_evidence import cli
from needling_evidence.crossref.client import CrossrefClient
from needling_evidence.pubmed.client import PubMedClient, PubMedUnavailable

UNRESOLVABLE = "api.crossref.invalid"  # RFC 6761: .invalid never resolves


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there once the socket is closed


def sixty_reference_article(path: Path) -> Path:
    """An article citing 60 references: 40 with a DOI (test prefix 10.5555, no real work), 20 without."""
    lines = ["# Heat for back pain", ""]
    lines += [f"Heat helps some patients with back pain [{n}]." for n in range(1, 61)]
    lines += ["", "## References", ""]
    for n in range(1, 61):
        doi = f" https://doi.org/10.5555/needling-evidence.unreachable.{n:02d}" if n <= 40 else ""
        lines.append(
            f"{n}. Author{n}, A., & Writer, B. ({2000 + n % 20}). A study of heat number {n} for back pain. "
            f"Journal of Tests, {n}(2), {n}–{n + 9}.{doi}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_report_with_a_closed_port_returns_in_seconds_with_one_line(tmp_path: Path) -> None:
    article = sixty_reference_article(tmp_path / "article.md")
    out = tmp_path / "report.json"
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "needling_evidence",
            "report",
            str(article),
            "--crossref-url",
            _closed_port_url(),
            "--pubmed-url",
            _closed_port_url(),
            "--format",
            "json",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=clean_env(NEEDLING_EVIDENCE_CACHE=str(tmp_path / "cache.sqlite")),
        timeout=120,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert elapsed < 15, f"took {elapsed:.1f} s"
    said = [line for line in done.stderr.splitlines() if "cannot be reached" in line]
    crossref_lines = [line for line in said if line.startswith("Crossref")]
    assert len(crossref_lines) == 1, done.stderr  # once, however many references
    assert "--offline" in crossref_lines[0] and "proxy" in crossref_lines[0]
    assert len([line for line in said if line.startswith("PubMed")]) <= 1
    references = json.loads(out.read_text(encoding="utf-8"))["references"]
    assert len(references) == 60
    assert {r["status"] for r in references} == {"unverified"}


@pytest.fixture
def no_dns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``getaddrinfo`` fails for :data:`UNRESOLVABLE` (as without DNS); other names go to the guard."""
    asked: list[str] = []
    guarded = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == UNRESOLVABLE:
            asked.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return guarded(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_report_without_name_resolution_returns_in_seconds_with_one_line(
    tmp_path: Path,
    no_dns: list[str],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    article = sixty_reference_article(tmp_path / "article.md")
    out = tmp_path / "report.json"
    started = time.monotonic()
    code = cli.main(
        [
            "report",
            str(article),
            "--crossref-url",
            f"https://{UNRESOLVABLE}",
            "--no-pubmed",
            "--cache",
            str(tmp_path / "cache.sqlite"),
            "--format",
            "json",
            "-o",
            str(out),
        ]
    )
    elapsed = time.monotonic() - started
    capsys.readouterr()
    assert code == 0
    assert elapsed < 15, f"took {elapsed:.1f} s"
    said = [r.getMessage() for r in caplog.records if "cannot be reached" in r.getMessage()]
    assert len(said) == 1 and UNRESOLVABLE in said[0] and "--offline" in said[0]
    assert "\n" not in said[0]
    # noticed once: the name was asked twice (the try and its one retry), then never again
    # at most three: the try, its one retry, and a concurrent request already on its way when it was noticed
    assert 1 <= len(no_dns) <= 3
    references = json.loads(out.read_text(encoding="utf-8"))["references"]
    assert len(references) == 60 and {r["status"] for r in references} == {"unverified"}


def test_the_client_stops_asking_once_it_found_the_index_unreachable(no_dns: list[str]) -> None:
    client = CrossrefClient(base_url=f"https://{UNRESOLVABLE}", cache=False, sleep=lambda _s: None)
    first = client.lookup_dois(["10.5555/a"])
    asked = len(no_dns)
    second = client.lookup_dois(["10.5555/b", "10.5555/c"])
    search = client.search_bibliographic("heat for back pain")
    assert len(no_dns) == asked <= 2  # nothing asked after it was noticed
    assert all(lk.outcome == "failed" for lk in first + second) and search.outcome == "failed"
    assert second[0].error is not None and "not tried" in second[0].error
    assert first[0].error is not None and "cannot resolve" in first[0].error


def test_pubmed_stops_asking_once_it_found_the_index_unreachable() -> None:
    url = _closed_port_url()
    client = PubMedClient(base_url=url, cache=False, sleep=lambda _s: None, clock=time.monotonic)
    with pytest.raises(PubMedUnavailable, match="refused"):
        client.search("heat[tiab]")
    with pytest.raises(PubMedUnavailable, match="not tried"):
        client.search("cold[tiab]")
    assert client.stats.requests <= 2


def test_a_proxy_from_the_environment_is_used(
    crossref_server: CrossrefServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the local server plays the proxy: the client connects to it alone and never resolves the index's name
    crossref_server.add_work(load_recorded_work())
    monkeypatch.setenv("HTTP_PROXY", crossref_server.url)
    client = CrossrefClient(base_url=f"http://{UNRESOLVABLE}", cache=False)
    [lookup] = client.lookup_dois(["10.1371/journal.pone.0033693"])
    client.close()
    assert lookup.outcome == "found"
    assert crossref_server.log[0].raw_path.startswith(f"http://{UNRESOLVABLE}/works/")
