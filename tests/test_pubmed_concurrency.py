"""PubMed searches several at a time within NCBI's rate (issue 14 item 2): ESearch for references with neither
DOI nor PMID no longer waits for each answer before asking the next; starts stay spaced (3/s without a key),
every candidate is validated as before, answers keep their order.

Real time against tests/pubmed_server.py holding NCBI's 3 requests/s: each answer takes 1 s, so one at a time
six searches take at least 6 s.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

import pytest

from needling_evidence.model import Person, Reference
from needling_evidence.pubmed import PubMedClient, PubMedUnavailable
from needling_evidence.pubmed.lookup import find_in_pubmed
from pubmed_server import PubMedServer, recorded_article, synthetic_article

NAMES = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot")
DELAY = 1.0


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[PubMedServer]:
    for name in ("NEEDLING_EVIDENCE_PUBMED_URL", "NEEDLING_EVIDENCE_MAILTO", "NCBI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    with PubMedServer(rate_limit=3, delay=DELAY) as running:
        yield running


def title(name: str) -> str:
    return f"{name} variation in oil content and fatty acid composition of seed oils"


def test_searches_overlap_keep_the_rate_and_their_order(server: PubMedServer) -> None:
    for n, name in enumerate(NAMES):
        server.add_search(f"{name}[ti]", [str(30_000_000 + n)])
    client = PubMedClient(base_url=server.url, cache=False)  # the real clock: 3 requests/s
    started = time.monotonic()
    answers = client.search_all([f"{name}[ti] AND oil[ti]" for name in NAMES])
    elapsed = time.monotonic() - started
    client.close()
    assert answers == [[str(30_000_000 + n)] for n in range(len(NAMES))]
    assert server.count("esearch") == 6 and server.count_status(429) == 0
    assert elapsed < 0.75 * len(NAMES) * DELAY  # one at a time: at least 6 s
    arrivals = sorted(r.when - DELAY for r in server.requests)
    assert all(b - a >= 1 / 3 - 0.02 for a, b in itertools.pairwise(arrivals))  # still spaced


def test_a_search_that_fails_fails_alone_in_its_place(server: PubMedServer) -> None:
    server.delay = 0.0
    server.add_search("Alpha[ti]", ["30000000"])
    server.fail(status=400, body="bad term")  # not retried: one of the searches gets it
    client = PubMedClient(base_url=server.url, cache=False)
    answers = client.search_all(["Alpha[ti] one", "Alpha[ti] two", "Alpha[ti] one"])
    client.close()
    assert server.count("esearch") == 2  # the repeated term is asked once
    failed = [a for a in answers if isinstance(a, PubMedUnavailable)]
    assert len(failed) in (1, 2) and all("HTTP 400" in a.message for a in failed)
    assert answers[0] == answers[2]
    found = [a for a in answers if not isinstance(a, PubMedUnavailable)]
    assert found and all(a == ["30000000"] for a in found) and len(found) + len(failed) == 3


def test_references_found_by_concurrent_searches_are_validated_as_before(server: PubMedServer) -> None:
    template = recorded_article()  # Khan R., Srivastava R., 2012, volume 92, pages 2310-2315
    refs = []
    for n, name in enumerate(NAMES):
        pmid = str(30_000_000 + n)
        server.add_article(synthetic_article(pmid, title(name), template=template))
        server.add_search(f"{name}[ti]", [pmid])
        refs.append(
            Reference(
                key=f"r{n}",
                title=title(name),
                authors=(Person(family="Khan", given="Riyazuddeen"),),
                year=2012,
                volume="92",
                pages="2310-2315",
            )  # no journal: ECitMatch is skipped, ESearch asked
        )
    # a candidate whose title disagrees is never taken, searched concurrently or not
    server.add_article(synthetic_article("39999999", "Something else entirely about tea", template=template))
    server.add_search("Golf[ti]", ["39999999"])
    refs.append(Reference(key="golf", title=title("Golf"), authors=refs[0].authors, year=2012))
    client = PubMedClient(base_url=server.url, cache=False)
    started = time.monotonic()
    findings = find_in_pubmed(refs, client)
    elapsed = time.monotonic() - started
    client.close()
    assert [f.outcome for f in findings] == ["found"] * len(NAMES) + ["not_found"]
    assert [f.how for f in findings] == ["search"] * (len(NAMES) + 1)
    assert [f.record.pmid for f in findings[:-1] if f.record] == [str(30_000_000 + n) for n in range(6)]
    assert findings[-1].candidates and findings[-1].candidates[0]["validated"] is False
    assert server.count("esearch") == 7 and server.count_status(429) == 0
    assert elapsed < 0.75 * (len(refs) + 1) * DELAY  # 7 searches and an EFetch, one at a time: ≥ 8 s
