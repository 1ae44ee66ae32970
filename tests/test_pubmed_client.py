"""PubMedClient against a real local E-utilities-shaped server serving recorded answers (no network)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from needling_evidence.crossref.cache import Cache
from needling_evidence.pubmed import PubMedClient, PubMedUnavailable
from needling_evidence.pubmed.records import (
    MalformedAnswer,
    parse_ecitmatch,
    parse_efetch,
    parse_esearch,
    parse_esummary,
    parse_idconv,
)
from pubmed_server import (
    DATA,
    PubMedServer,
    recorded_article,
    recorded_idconv,
    recorded_summary,
    synthetic_article,
)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[PubMedServer]:
    for name in (
        "NEEDLING_EVIDENCE_PUBMED_URL",
        "NEEDLING_EVIDENCE_MAILTO",
        "NCBI_API_KEY",
        "HTTP_PROXY",
        "http_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    with PubMedServer(hang_seconds=2.0) as running:
        yield running


class _Clock:
    """A fake clock: sleeping advances it, so pacing and backoff are checked in microseconds."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def _client(server: PubMedServer, **kwargs: object) -> PubMedClient:
    clock = _Clock()
    options: dict[str, object] = {
        "base_url": server.url,
        "cache": False,
        "sleep": clock.sleep,
        "clock": clock,
    }
    options.update(kwargs)
    return PubMedClient(**options)  # type: ignore[arg-type]


# --- the recorded answers parse ---


def test_recorded_efetch_parses_to_a_record() -> None:
    record = parse_efetch((DATA / "efetch-22351513.xml").read_bytes())["22351513"]
    assert record.title and record.title.startswith("Variation in oil content")
    assert record.authors[0].family == "Khan" and record.authors[0].given == "Riyazuddeen"
    assert (record.year, record.volume, record.issue, record.pages) == (2012, "92", "11", "2310-2315")
    assert record.doi == "10.1002/jsfa.5627"
    assert record.publication_types == ("Journal Article", "Research Support, Non-U.S. Gov't")
    assert "Acacia" in record.mesh and record.abstract and record.abstract.startswith("BACKGROUND:")


def test_recorded_esearch_ecitmatch_idconv_esummary_parse() -> None:
    assert parse_esearch((DATA / "esearch1.xml").read_bytes())[:2] == ["41282813", "41148224"]
    assert parse_ecitmatch((DATA / "ecitmatch.txt").read_text()) == {"citation_1": "2014248"}
    records = parse_idconv((DATA / "idconv-10.1038-ng.590.json").read_bytes())
    assert records[0]["pmid"] == "20495566" and records[0]["pmcid"] == "PMC2883744"
    envelope = {"result": {"uids": ["28265654"], "28265654": recorded_summary()}}
    import json

    assert parse_esummary(json.dumps(envelope))["28265654"]["source"] == "Ann Intern Med"
    with pytest.raises(MalformedAnswer, match="Too many UIDs"):
        parse_esummary('{"esummaryresult": ["Too many UIDs in request. Maximum number of UIDs is 500"]}')


# --- routes ---


def test_efetch_returns_found_and_not_found_with_tool_and_email(server: PubMedServer) -> None:
    server.add_article(recorded_article())
    client = _client(server, email="me@example.org")
    answers = client.fetch(["22351513", "99999999"])
    assert answers["22351513"].outcome == "found"
    assert answers["22351513"].provenance is not None and answers["22351513"].provenance.kind == "live"
    assert answers["99999999"].outcome == "not_found"
    request = server.requests[0]
    assert request.route == "efetch" and request.params["tool"] == "needling_evidence"
    assert request.params["email"] == "me@example.org"
    assert server.count() == 1


def test_esummary_batches_and_halves_when_ncbi_says_too_many(server: PubMedServer) -> None:
    server.max_esummary = 300  # NCBI answering a lower limit than documented, inside an HTTP 200
    for n in range(600):
        doc = recorded_summary()
        doc["uid"] = str(10_000_000 + n)
        server.add_summary(doc)
    answers = _client(server).summaries([str(10_000_000 + n) for n in range(600)])
    assert all(a.outcome == "found" for a in answers.values()) and len(answers) == 600
    assert (
        answers["10000000"].record is not None
        and answers["10000000"].record.journal_abbrev == "Ann Intern Med"
    )
    # 500 refused, then 250 + 250, then the last 100
    assert server.count("esummary") == 4
    assert all(r.method == "POST" for r in server.requests if len(r.params["id"].split(",")) > 200)


def test_idconv_goes_to_the_custom_host(server: PubMedServer) -> None:
    record = recorded_idconv()["records"][0]
    server.add_idconv(record)
    client = _client(server)
    assert client.idconv_url.startswith(server.url)
    converted = client.convert_ids(["10.1038/ng.590", "10.5555/unknown"])
    assert converted["10.1038/ng.590"] == {"pmid": "20495566", "pmcid": "PMC2883744", "doi": "10.1038/ng.590"}
    assert converted["10.5555/unknown"] == {}
    assert server.count("idconv") == 1


def test_ecitmatch_and_esearch(server: PubMedServer) -> None:
    server.add_citation("proc natl acad sci u s a", 1991, "2014248")
    server.add_search("biopython", parse_esearch((DATA / "esearch1.xml").read_bytes()))
    client = _client(server)
    found = client.citation_match(
        {"a": "proc natl acad sci u s a|1991|88|3248|mann bj|a|", "b": "j x|2000|1|1|x|b|"}
    )
    assert found == {"a": "2014248", "b": None}
    assert client.search('"biopython"[All Fields]', retmax=20)[0] == "41282813"


# --- failures ---


def test_429_is_retried_with_backoff_and_never_not_found(server: PubMedServer) -> None:
    server.add_article(recorded_article())
    server.fail(status=429, times=2)
    clock = _Clock()
    client = _client(server, sleep=clock.sleep, clock=clock)
    answer = client.fetch(["22351513"])["22351513"]
    assert answer.outcome == "found"
    assert client.stats.rate_limited == 2 and client.stats.retries == 2 and server.count("efetch") == 3
    assert len([s for s in clock.slept if s > 0.2]) == 2  # two backoff waits


def test_500_that_persists_fails_and_is_not_cached(server: PubMedServer, tmp_path: Path) -> None:
    server.add_article(recorded_article())
    server.fail(status=500, times=3)
    with Cache(tmp_path / "c.sqlite") as cache:
        client = _client(server, cache=cache, max_retries=2)
        answer = client.fetch(["22351513"])["22351513"]
        assert answer.outcome == "failed" and answer.error and "HTTP 500" in answer.error
        assert "gave up after 3 attempts" in answer.error
        assert cache.get_pubmed(client.base_url, ["22351513"]) == {}


def test_a_hang_times_out_and_fails(server: PubMedServer) -> None:
    server.fail("hang", times=2)
    client = _client(server, timeout=0.3, max_retries=1)
    answer = client.fetch(["22351513"])["22351513"]
    assert answer.outcome == "failed" and answer.error and "timeout" in answer.error


def test_a_malformed_body_fails_without_retry(server: PubMedServer) -> None:
    server.fail("malformed")
    client = _client(server)
    answer = client.fetch(["22351513"])["22351513"]
    assert answer.outcome == "failed" and answer.error and "malformed" in answer.error
    assert server.count() == 1
    server.fail("malformed")
    with pytest.raises(PubMedUnavailable, match="malformed"):
        client.search("anything")


def test_pacing_keeps_three_requests_per_second_without_a_key(server: PubMedServer) -> None:
    clock = _Clock()
    client = _client(server, sleep=clock.sleep, clock=clock)
    for n in range(4):
        client.search(f"term {n}")
    assert clock.now >= 3 * (1 / 3)  # four starts spaced at least a third of a second apart
    keyed = _client(server, api_key="k")
    assert keyed.rate == 10.0 and client.rate == 3.0
    keyed.search("with key")
    assert server.requests[-1].params["api_key"] == "k"


def test_warm_cache_needs_no_request_and_offline_reads_it(server: PubMedServer, tmp_path: Path) -> None:
    server.add_article(synthetic_article("11111111", "A synthetic title"))
    with Cache(tmp_path / "c.sqlite") as cache:
        _client(server, cache=cache).fetch(["11111111"])
        before = server.count()
        warm = _client(server, cache=cache).fetch(["11111111"])["11111111"]
        assert server.count() == before and warm.provenance is not None and warm.provenance.kind == "cache"
        offline = PubMedClient(base_url=server.url, cache=cache, offline=True)
        assert offline.fetch(["11111111"])["11111111"].outcome == "found"
        assert offline.fetch(["22222222"])["22222222"].outcome == "failed"
        assert server.count() == before


def test_real_pacing_holds_a_three_per_second_server_without_429(server: PubMedServer) -> None:
    server.rate_limit = 3
    client = PubMedClient(base_url=server.url, cache=False)  # the real clock and sleep
    for n in range(5):
        client.search(f"paced {n}")
    assert server.count_status(429) == 0 and server.count("esearch") == 5


def test_every_route_carries_tool_and_email(server: PubMedServer, tmp_path: Path) -> None:
    server.add_article(recorded_article())
    server.add_idconv(recorded_idconv()["records"][0])
    with Cache(tmp_path / "c.sqlite") as cache:
        client = _client(server, email="me@example.org", cache=cache)
        client.fetch(["22351513"])
        client.summaries(["28265654"])
        client.convert_ids(["10.1038/ng.590"])
        client.citation_match({"a": "j|2000|1|1|x|a|"})
        client.search("x")
        assert {r.route for r in server.requests} == {"efetch", "esummary", "idconv", "ecitmatch", "esearch"}
        assert all(r.params["tool"] == "needling_evidence" for r in server.requests)
        assert all(r.params["email"] == "me@example.org" for r in server.requests)
        info = cache.info()
        assert info["pubmed"] == 2 and info["queries"] == 3  # the idconv, ECitMatch and ESearch answers
        assert "me@example.org" not in repr(client)


def test_import_stays_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, needling_evidence; "
        "print(any(m.startswith(('rispy', 'needling_evidence.pubmed')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_damaged_cache_row_is_as_if_not_cached(server: PubMedServer, tmp_path: Path) -> None:
    server.add_article(recorded_article())
    with Cache(tmp_path / "c.sqlite") as cache:
        client = _client(server, cache=cache)
        client.fetch(["22351513"])
        cache._conn.execute("UPDATE pubmed SET record = '{not json' WHERE pmid = '22351513'")
        again = _client(server, cache=cache).fetch(["22351513"])["22351513"]
        assert again.outcome == "found" and again.provenance is not None and again.provenance.kind == "live"
        assert server.count("efetch") == 2
