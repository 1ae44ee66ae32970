"""Pacing by request kind (issue 14 items 1 and 2): Crossref limits single-record requests and list requests
(filter batches, searches) apart; the client keeps to each, learns what each route announces, shares one list
pool between batches and searches, searches concurrently within it, and reuses one connection.

Rate tests run on the real clock: a fake clock shared by client and server jumps forward whenever any thread
sleeps, so a request can "arrive" at the server long after it started — an artifact no network has — and the
pacer, which counts each request from its start (see pacing.Pacer), would be blamed for it. They are kept to a
few seconds each. A small delay per answer makes requests overlap.
"""

from __future__ import annotations

import time

from conftest import FakeClock
from crossref_server import CrossrefServer, load_recorded_work, synthetic_work
from needling_evidence.crossref.client import CrossrefClient
from needling_evidence.crossref.pacing import (
    POLITE_LIMITS,
    POLITE_LIST_LIMITS,
    PUBLIC_LIST_LIMITS,
    RateLimits,
)
from needling_evidence.crossref.verify import verify_references
from needling_evidence.model import Person, Reference

MAILTO = "pacing-test@example.org"


def realistic(server: CrossrefServer, *, polite: bool = True) -> CrossrefServer:
    """The server holding to Crossref's documented limits of the pool (real time), announcing nothing."""
    server.announce_limits = False
    single = POLITE_LIMITS if polite else RateLimits(5, 1.0, 1)
    listed = POLITE_LIST_LIMITS if polite else PUBLIC_LIST_LIMITS
    server.rate_limit, server.concurrency_limit = (single.limit, single.interval), single.concurrency
    server.list_rate_limit = (listed.limit, listed.interval)
    server.list_concurrency_limit = listed.concurrency
    server.delay = 0.01
    return server


def client_for(server: CrossrefServer, clock: FakeClock, **options: object) -> CrossrefClient:
    return CrossrefClient(
        base_url=server.url,
        cache=False,
        clock=clock.now,
        sleep=clock.sleep,
        **options,  # type: ignore[arg-type]
    )


def no_doi_refs(count: int) -> list[Reference]:
    return [
        Reference(
            key=f"r{n}",
            title=f"A trial of heat number {n} for low back pain",
            authors=(Person(family=f"Author{n}", given="A."),),
            year=2010 + n % 10,
        )
        for n in range(count)
    ]


def test_searches_keep_to_the_list_limits_of_the_polite_pool(crossref_server: CrossrefServer) -> None:
    server = realistic(crossref_server)
    client = CrossrefClient(base_url=server.url, cache=False, mailto=MAILTO)
    started = time.monotonic()
    results = verify_references(no_doi_refs(7), client, pubmed=False)
    elapsed = time.monotonic() - started
    client.close()
    assert [r.status for r in results] == ["no_doi"] * 7
    assert server.count(route="search") == 7 and server.rate_limited == 0
    assert elapsed >= 2.0  # 3 per second: the 7th waits two windows
    assert server.max_in_flight >= 2  # concurrent, not one at a time


def test_the_public_pool_sends_one_list_request_at_a_time(crossref_server: CrossrefServer) -> None:
    server = realistic(crossref_server, polite=False)
    client = CrossrefClient(base_url=server.url, cache=False)
    started = time.monotonic()
    verify_references(no_doi_refs(3), client, pubmed=False)
    elapsed = time.monotonic() - started
    client.close()
    assert server.count(route="search") == 3
    assert server.rate_limited == 0 and server.max_in_flight == 1
    assert elapsed >= 2.0  # 1 per second


def test_batches_and_searches_share_the_list_pool(crossref_server: CrossrefServer) -> None:
    server = realistic(crossref_server)
    template = load_recorded_work()
    dois = server.add_works(
        synthetic_work(f"10.5555/needling-evidence.pool.{n}", template) for n in range(400)
    )
    refs = [
        Reference(key=f"d{n}", title=f"Synthetic test record {doi}", doi=doi) for n, doi in enumerate(dois)
    ]
    client = CrossrefClient(base_url=server.url, cache=False, mailto=MAILTO)
    results = verify_references(refs + no_doi_refs(3), client, pubmed=False)
    client.close()
    assert [r.status for r in results[:400]] == ["verified"] * 400
    assert server.count(route="filter") >= 5 and server.count(route="search") == 3
    assert server.rate_limited == 0


def test_limits_announced_by_each_kind_of_route_are_taken_for_that_kind(
    crossref_server: CrossrefServer, fake_clock: FakeClock
) -> None:
    crossref_server.clock = fake_clock.now
    crossref_server.rate_limit, crossref_server.concurrency_limit = (7, 1.0), 2
    crossref_server.list_rate_limit, crossref_server.list_concurrency_limit = (2, 1.0), 1
    first = crossref_server.add_work(synthetic_work("10.5555/needling-evidence.kind.1"))
    second = crossref_server.add_work(synthetic_work("10.5555/needling-evidence.kind.2"))
    client = client_for(crossref_server, fake_clock, mailto=MAILTO)
    client.lookup_dois([first])  # one DOI: /works/{doi}, a single-record request
    client.lookup_dois([first, second])  # a filter batch: a list request
    assert client.pacer.limits == RateLimits(7, 1.0, 2)
    assert client.list_pacer.limits == RateLimits(2, 1.0, 1)


def test_one_connection_is_reused_for_the_run(crossref_server: CrossrefServer) -> None:
    dois = crossref_server.add_works(synthetic_work(f"10.5555/needling-evidence.conn.{n}") for n in range(20))
    client = CrossrefClient(base_url=crossref_server.url, cache=False, mailto=MAILTO)
    for doi in dois:
        assert client.lookup_dois([doi])[0].outcome == "found"
    client.search_bibliographic("heat for back pain")
    assert crossref_server.requests == 21
    assert client._http is not None and client._http.connections_opened == 1
    client.close()


def test_concurrent_searches_finish_sooner_than_one_at_a_time(crossref_server: CrossrefServer) -> None:
    # real time, the documented polite limits (3/s, 3 at once): 6 searches answered in 1 s each take about
    # 2.2 s three at a time (3 at 0 s, 3 at 1.15 s), 6 s one at a time
    crossref_server.delay = 1.0
    client = CrossrefClient(base_url=crossref_server.url, cache=False, mailto=MAILTO)
    started = time.monotonic()
    results = verify_references(no_doi_refs(6), client, pubmed=False)
    elapsed = time.monotonic() - started
    client.close()
    assert [r.status for r in results] == ["no_doi"] * 6
    assert [r.key for r in results] == [f"r{n}" for n in range(6)]  # input order kept
    assert elapsed < 4.0, f"{elapsed:.2f} s: one at a time"
    assert crossref_server.max_in_flight == 3
