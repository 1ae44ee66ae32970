"""CrossrefClient: habanero itself, run against a real local Crossref-shaped server (crossref_server.py)."""

from __future__ import annotations

import json
import logging
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import FakeClock
from crossref_server import (
    CrossrefServer,
    load_recorded_404,
    load_recorded_chapter,
    load_recorded_search,
    load_recorded_work,
    synthetic_work,
)
from needling_evidence.crossref.base import WorkSource
from needling_evidence.crossref.cache import Cache, CachedWork
from needling_evidence.crossref.client import MAX_URL_PATH_BYTES, CrossrefClient
from needling_evidence.crossref.pacing import (
    Pacer,
    RateLimits,
    limits_from_headers,
    parse_retry_after,
)
from needling_evidence.errors import CrossrefError, InputError

PLOS = "10.1371/journal.pone.0033693"  # the recorded answer, with an `updated-by` correction
CHAPTER = "10.1007/978-3-0348-8720-5_13"  # the recorded book chapter
NOT_A_DOI_AT_CROSSREF = "10.1371/notarealdoi"  # the recorded 404
DATACITE = "10.5072/needling-evidence-test-dataset"  # DataCite's test prefix: no real work
MAILTO = "secret.editor@example.org"
SMALL_WORK = {"type": "journal-article", "publisher": "Test"}  # a light template where size doesn't matter


def make_client(server: CrossrefServer, *, clock: FakeClock | None = None, **options: Any) -> CrossrefClient:
    """A client of ``server`` that waits on a fake clock (its own unless ``clock`` is given), so retries and
    pacing take no time."""
    clock = clock or FakeClock()
    options.setdefault("cache", False)
    return CrossrefClient(base_url=server.url, clock=clock.now, sleep=clock.sleep, **options)


def _iso(days_ago: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def server(crossref_server: CrossrefServer) -> CrossrefServer:
    crossref_server.add_work(load_recorded_work())
    crossref_server.add_work(load_recorded_chapter())
    crossref_server.add_agency(DATACITE, "datacite")
    return crossref_server


# --- answers ------------------------------------------------------------------------------------------------


def test_one_found_work_is_the_recorded_message_with_its_correction(server: CrossrefServer) -> None:
    client = make_client(server)
    [lookup] = client.lookup_dois([f"https://doi.org/{PLOS.upper()}"])
    assert lookup.outcome == "found" and lookup.doi == PLOS
    assert lookup.message is not None and lookup.message["DOI"] == "10.1371/journal.pone.0033693"
    [notice] = lookup.message["updated-by"]
    assert notice["type"] == "correction"
    assert notice["DOI"] == "10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda"
    assert lookup.provenance is not None and lookup.provenance.kind == "live"
    assert lookup.provenance.base_url == server.url and lookup.provenance.fetched
    # one DOI: asked alone, by the client's own transport
    assert [r.route for r in server.log] == ["work"]
    assert server.log[0].user_agent.startswith("needling_evidence/")


def test_a_404_in_plain_text_is_not_found_after_asking_the_agency(server: CrossrefServer) -> None:
    body, ctype, _ = load_recorded_404()
    assert (body, ctype) == ("Resource not found.", "text/plain")  # the recorded answer is what is served
    [lookup] = make_client(server).lookup_dois([NOT_A_DOI_AT_CROSSREF])
    assert lookup.outcome == "not_found" and lookup.agency is None and lookup.status_code == 404
    assert lookup.error is None
    # before a 404 is believed, the base URL is checked once to be a Crossref API (its list route answers)
    assert [(r.route, r.status) for r in server.log] == [("work", 404), ("agency", 404), ("list", 200)]


def test_a_datacite_doi_is_not_found_at_crossref_with_its_agency(server: CrossrefServer) -> None:
    [lookup] = make_client(server).lookup_dois([DATACITE])
    assert lookup.outcome == "not_found" and lookup.agency == "datacite"
    assert [(r.route, r.status) for r in server.log] == [("work", 404), ("agency", 200)]


def test_a_batch_with_missing_dois_keeps_input_order_and_asks_duplicates_once(server: CrossrefServer) -> None:
    asked = [CHAPTER, NOT_A_DOI_AT_CROSSREF, PLOS, DATACITE, f"doi:{PLOS}", "not a doi"]
    lookups = make_client(server).lookup_dois(asked)
    assert [lk.outcome for lk in lookups] == ["found", "not_found", "found", "not_found", "found", "failed"]
    assert [lk.doi for lk in lookups[:5]] == [CHAPTER, NOT_A_DOI_AT_CROSSREF, PLOS, DATACITE, PLOS]
    assert lookups[3].agency == "datacite" and lookups[1].agency is None
    assert lookups[5].error is not None and "not a valid DOI" in lookups[5].error
    assert lookups[0].message is not None and lookups[0].message["type"] == "book-chapter"
    # one batch for the four distinct DOIs, then one agency question per DOI the batch did not return
    [batch] = [r for r in server.log if r.route == "filter"]
    assert sorted(batch.dois) == sorted([CHAPTER, NOT_A_DOI_AT_CROSSREF, PLOS, DATACITE])
    assert batch.query["rows"] == ["4"]
    # the batch asks only for the fields verification reads: the correction notice, not the 70 references
    assert "updated-by" in batch.query["select"][0].split(",")
    assert lookups[2].message is not None and "updated-by" in lookups[2].message
    assert "reference" not in lookups[2].message
    assert sorted(r.dois[0] for r in server.log if r.route == "agency") == sorted(
        [NOT_A_DOI_AT_CROSSREF, DATACITE]
    )
    assert server.requests == 3


def test_a_doi_the_batch_missed_but_crossref_has_is_fetched_alone(server: CrossrefServer) -> None:
    # Crossref's filter can miss a DOI its /works/{doi} route knows (an alias): the agency says "crossref"
    alias = "10.5555/needling-evidence-alias"
    server.add_work(synthetic_work("10.5555/needling-evidence-target"), alias, in_filter=False)
    lookups = make_client(server).lookup_dois([PLOS, alias])
    assert [r.route for r in server.log] == ["filter", "agency", "work", "work"]
    # …but its answer is the record of another DOI: no verdict from it (issue 13), asked once more, and said
    assert [lk.outcome for lk in lookups] == ["found", "failed"]
    assert lookups[1].error is not None and "10.5555/needling-evidence-target" in lookups[1].error


def test_a_sici_doi_reaches_the_server_intact(server: CrossrefServer) -> None:
    # a real SICI DOI from the recorded answer's reference list: "<", ">", ";", ":" and "()" in one DOI
    sici = "10.1002/(SICI)1097-4547(19960215)43:4<439::AID-JNR5>3.0.CO;2-G"
    assert sici in {r.get("DOI") for r in load_recorded_work()["reference"]}
    [alone] = make_client(server).lookup_dois([sici])
    assert alone.outcome == "not_found" and alone.doi == sici.lower()
    asked = [r.dois[0] for r in server.log if r.route != "list"]
    assert asked == [sici.lower(), sici.lower()]  # /works/{doi}, then its agency
    server.reset_log()
    make_client(server).lookup_dois([sici, PLOS])
    assert sici.lower() in server.log[0].dois  # and inside a batch filter


def test_clients_of_one_server_share_its_allowance(server: CrossrefServer, fake_clock: FakeClock) -> None:
    def real_time_client(**options: Any) -> CrossrefClient:
        return CrossrefClient(base_url=server.url, cache=False, **options)

    assert real_time_client().pacer is real_time_client().pacer
    assert real_time_client(mailto=MAILTO).pacer is not real_time_client().pacer  # another pool
    # clients on one fake clock share theirs; never the real-time allowance
    assert make_client(server, clock=fake_clock).pacer is make_client(server, clock=fake_clock).pacer
    assert make_client(server, clock=fake_clock).pacer is not real_time_client().pacer


def test_fields_none_asks_for_whole_records(server: CrossrefServer) -> None:
    lookups = make_client(server, fields=None).lookup_dois([PLOS, CHAPTER])
    [batch] = server.log
    assert "select" not in batch.query
    assert lookups[0].message == load_recorded_work()


def test_batches_keep_every_url_under_the_budget(server: CrossrefServer) -> None:
    dois = [f"10.5555/needling-evidence.batch.{n:04d}" for n in range(400)]
    server.add_works(synthetic_work(d, SMALL_WORK) for d in dois)
    lookups = make_client(server).lookup_dois(dois)
    assert all(lk.outcome == "found" for lk in lookups)
    batches = [r for r in server.log if r.route == "filter"]
    assert len(batches) == server.requests and 4 <= len(batches) <= 8
    assert all(len(r.raw_path) <= MAX_URL_PATH_BYTES for r in batches)
    assert sum(len(r.dois) for r in batches) == 400
    assert server.count(status=414) == 0


def test_a_batch_the_server_refuses_as_too_long_is_split(server: CrossrefServer) -> None:
    dois = [f"10.5555/needling-evidence.split.{n:04d}" for n in range(60)]
    server.add_works(synthetic_work(d, SMALL_WORK) for d in dois)
    server.max_request_line = 1500  # a stricter server than Crossref
    lookups = make_client(server).lookup_dois(dois)
    assert all(lk.outcome == "found" for lk in lookups)
    assert server.count(status=414) >= 1 and server.count(route="filter", status=200) >= 2


# --- retries and failures -----------------------------------------------------------------------------------


def test_a_429_with_rate_limit_headers_is_retried_and_the_limits_taken(server: CrossrefServer) -> None:
    announced = {"x-rate-limit-limit": "7", "x-rate-limit-interval": "2s", "x-concurrency-limit": "2"}
    server.fail(status=429, headers=announced, retry_after="0")
    client = make_client(server, mailto=MAILTO)
    [lookup] = client.lookup_dois([PLOS])
    assert lookup.outcome == "found"
    assert [r.status for r in server.log] == [429, 200]
    assert client.stats.rate_limited == 1 and client.stats.retries == 1
    assert client.pacer.limits == RateLimits(limit=7, interval=2.0, concurrency=2)


def test_retry_after_is_honoured(server: CrossrefServer, fake_clock: FakeClock) -> None:
    server.clock = fake_clock.now
    server.fail(status=429, retry_after="1")
    [lookup] = make_client(server, clock=fake_clock).lookup_dois([PLOS])
    assert lookup.outcome == "found"
    first, second = server.log
    assert second.started - first.started >= 1.0
    assert max(fake_clock.sleeps) >= 1.0  # the client waited, rather than the pacer merely refusing


def test_a_500_then_success_is_found(server: CrossrefServer, fake_clock: FakeClock) -> None:
    server.fail(status=500, times=2)
    client = make_client(server, clock=fake_clock, backoff=0.5)
    [lookup] = client.lookup_dois([PLOS])
    assert lookup.outcome == "found" and client.stats.retries == 2
    assert [r.status for r in server.log] == [500, 500, 200]
    # exponential backoff with full jitter: the n-th wait is somewhere in [0, 0.5 * 2**n]
    assert len(fake_clock.sleeps) == 2
    assert 0 <= fake_clock.sleeps[0] <= 0.5 and 0 <= fake_clock.sleeps[1] <= 1.0


def test_a_persistent_500_fails_and_is_never_not_found_nor_cached(
    server: CrossrefServer, tmp_cache: Cache
) -> None:
    server.fail(status=500, times=100)
    client = make_client(server, cache=tmp_cache, max_retries=2)
    lookups = client.lookup_dois([PLOS, NOT_A_DOI_AT_CROSSREF])
    assert [lk.outcome for lk in lookups] == ["failed", "failed"]
    for lookup in lookups:
        assert (
            lookup.error is not None
            and "HTTP 500" in lookup.error
            and "gave up after 3 attempts" in lookup.error
        )
        assert lookup.status_code == 500
    assert server.requests == 3  # one batch, tried three times
    assert tmp_cache.info()["works"] == 0


def test_a_hang_past_the_timeout_fails_then_a_later_answer_is_found(server: CrossrefServer) -> None:
    server.hang(5.0, times=2)
    client = make_client(server, timeout=0.3, max_retries=1)
    started = time.monotonic()
    [lookup] = client.lookup_dois([PLOS])
    assert time.monotonic() - started < 3.0
    assert lookup.outcome == "failed" and lookup.error is not None and "timeout" in lookup.error
    [again] = client.lookup_dois([PLOS])  # the hangs are used up
    assert again.outcome == "found"


def test_malformed_json_fails_with_a_clear_error(server: CrossrefServer) -> None:
    server.malformed(times=2)
    [lookup] = make_client(server).lookup_dois([PLOS])
    assert lookup.outcome == "failed" and lookup.error is not None
    assert "malformed JSON" in lookup.error
    assert server.requests == 2  # a broken body is asked once more, not as a transient failure


def test_malformed_json_once_is_asked_again(server: CrossrefServer) -> None:
    server.malformed(times=1)
    [lookup] = make_client(server).lookup_dois([PLOS])
    assert lookup.outcome == "found" and server.requests == 2


def test_an_html_page_instead_of_json_fails_with_a_clear_error(server: CrossrefServer) -> None:
    server.malformed(kind="html", times=10)
    [lookup] = make_client(server).lookup_dois([PLOS, CHAPTER])[:1]
    assert lookup.outcome == "failed" and lookup.error is not None and "malformed answer" in lookup.error


def test_a_dropped_connection_is_retried(server: CrossrefServer) -> None:
    server.malformed(kind="drop")
    [lookup] = make_client(server).lookup_dois([PLOS])
    assert lookup.outcome == "found" and server.requests == 2


def test_an_unreachable_server_fails_every_lookup(crossref_server: CrossrefServer) -> None:
    url = crossref_server.url
    crossref_server.stop()
    clock = FakeClock()
    client = CrossrefClient(
        base_url=url, cache=False, max_retries=1, timeout=1.0, clock=clock.now, sleep=clock.sleep
    )
    lookups = client.lookup_dois([PLOS, CHAPTER])
    assert all(lk.outcome == "failed" and lk.error and "refused the connection" in lk.error for lk in lookups)


# --- pacing -------------------------------------------------------------------------------------------------


def test_the_client_keeps_to_the_servers_rate_and_concurrency(
    crossref_server: CrossrefServer, fake_clock: FakeClock
) -> None:
    # the server counts arrivals on the client's (fake) clock: a 429 means the pacer let too many through
    crossref_server.clock = fake_clock.now
    crossref_server.rate_limit = (5, 1.0)
    crossref_server.concurrency_limit = 2
    crossref_server.delay = 0.02  # real time: requests overlap, so concurrency is tested too
    missing = [f"10.5555/needling-evidence.missing.{n:02d}" for n in range(11)]
    pacer = Pacer(RateLimits(5, 1.0, 2), clock=fake_clock.now, sleep=fake_clock.sleep)
    client = make_client(crossref_server, clock=fake_clock, pacer=pacer)
    started = fake_clock.now()
    lookups = client.lookup_dois(missing)
    assert all(lk.outcome == "not_found" for lk in lookups)
    assert crossref_server.requests == 12  # one batch, eleven agency questions
    assert crossref_server.rate_limited == 0 and crossref_server.max_in_flight <= 2
    assert fake_clock.now() - started >= 2.0  # 12 requests at 5 per second


def test_an_optimistic_client_learns_the_limits_from_429s_and_loses_nothing(
    crossref_server: CrossrefServer, fake_clock: FakeClock
) -> None:
    crossref_server.clock = fake_clock.now
    crossref_server.rate_limit = (5, 1.0)
    crossref_server.concurrency_limit = 2
    crossref_server.retry_after = "1"
    missing = [f"10.5555/needling-evidence.eager.{n:02d}" for n in range(11)]
    pacer = Pacer(RateLimits(50, 1.0, 8), clock=fake_clock.now, sleep=fake_clock.sleep)
    client = make_client(crossref_server, clock=fake_clock, pacer=pacer)
    lookups = client.lookup_dois(missing)
    assert [lk.outcome for lk in lookups] == ["not_found"] * 11  # 429s were retried, never taken as answers
    assert client.stats.rate_limited == crossref_server.rate_limited
    assert client.pacer.limits == RateLimits(5, 1.0, 2)  # as announced


def test_limits_announced_on_429s_alone_are_learned(
    crossref_server: CrossrefServer, fake_clock: FakeClock
) -> None:
    crossref_server.clock = fake_clock.now
    crossref_server.rate_limit = (5, 1.0)
    crossref_server.concurrency_limit = 2
    crossref_server.retry_after = "1"
    crossref_server.announce_limits = False
    missing = [f"10.5555/needling-evidence.eager.{n:02d}" for n in range(11)]
    pacer = Pacer(RateLimits(50, 1.0, 8), clock=fake_clock.now, sleep=fake_clock.sleep)
    client = make_client(crossref_server, clock=fake_clock, pacer=pacer)
    lookups = client.lookup_dois(missing)
    assert [lk.outcome for lk in lookups] == ["not_found"] * 11
    assert crossref_server.rate_limited >= 1 and client.stats.rate_limited == crossref_server.rate_limited
    assert client.pacer.limits.limit < 50  # slowed down by itself, as nothing was announced


def test_the_pacer_keeps_to_the_window(fake_clock: FakeClock) -> None:
    pacer = Pacer(
        RateLimits(limit=4, interval=0.5, concurrency=2),
        margin=0.0,
        jitter=0.0,
        clock=fake_clock.now,
        sleep=fake_clock.sleep,
    )
    t0 = fake_clock.now()
    starts = []
    for _ in range(9):
        with pacer.slot():
            starts.append(fake_clock.now() - t0)
    # 4 per 0.5 s: each request counts for 0.5 s from its start
    assert starts == [0.0] * 4 + [0.5] * 4 + [1.0]
    assert fake_clock.sleeps == [0.5, 0.5]


def test_the_pacer_honours_a_pause_and_its_margin(fake_clock: FakeClock) -> None:
    pacer = Pacer(
        RateLimits(limit=1, interval=1.0, concurrency=1), clock=fake_clock.now, sleep=fake_clock.sleep
    )
    t0 = fake_clock.now()
    with pacer.slot():
        pass
    with pacer.slot():  # one interval plus the 5 % margin and the arrival jitter after the first start
        assert fake_clock.now() - t0 == pytest.approx(1.15)
    pacer.pause(3.0)  # a Retry-After: 3
    paused_at = fake_clock.now()
    with pacer.slot():
        assert fake_clock.now() - paused_at == pytest.approx(3.0)


def test_the_pacer_keeps_to_its_concurrency() -> None:
    pacer = Pacer(RateLimits(limit=100, interval=1.0, concurrency=2))
    entered = threading.Event()

    def third() -> None:
        with pacer.slot():
            entered.set()

    pacer.acquire()
    pacer.acquire()
    waiting = threading.Thread(target=third)
    waiting.start()
    assert not entered.wait(0.1)  # two in flight: the third waits
    pacer.release()
    assert entered.wait(5)  # one answer came back: the third goes
    waiting.join(5)
    pacer.release()


def test_limits_and_retry_after_parsing() -> None:
    current = RateLimits(10, 1.0, 3)
    assert limits_from_headers(
        {"X-Rate-Limit-Limit": "50", "X-Rate-Limit-Interval": "1s"}, current
    ) == RateLimits(50, 1.0, 3)
    assert limits_from_headers(
        {"x-ratelimit-limit": "5", "x-ratelimit-interval": "1m"}, current
    ) == RateLimits(5, 60.0, 3)
    assert limits_from_headers({"x-rate-limit-limit": "lots", "x-concurrency-limit": "0"}, current) == current
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:30 GMT", now=now) == 30.0


def test_a_429_announcing_nothing_halves_the_rate() -> None:
    pacer = Pacer(RateLimits(10, 1.0, 3))
    pacer.rate_limited_by_server({}, retry_after=0.0)
    assert pacer.limits == RateLimits(5, 1.0, 3) and pacer.rate_limited == 1


# --- cache, offline, refresh --------------------------------------------------------------------------------


def test_answers_are_cached_and_served_from_the_cache(server: CrossrefServer, tmp_cache: Cache) -> None:
    first = make_client(server, cache=tmp_cache).lookup_dois([PLOS, DATACITE])
    assert server.requests == 2  # the batch, and the agency question for the DataCite DOI
    server.reset_log()
    again = make_client(server, cache=tmp_cache).lookup_dois([PLOS, DATACITE])
    assert server.requests == 0
    assert [lk.outcome for lk in again] == ["found", "not_found"] and again[1].agency == "datacite"
    assert all(lk.provenance is not None and lk.provenance.kind == "cache" for lk in again)
    assert again[0].message == first[0].message and again[0].message is not None
    assert again[0].message["updated-by"] == load_recorded_work()["updated-by"]


def test_offline_answers_from_the_cache_only(server: CrossrefServer, tmp_cache: Cache) -> None:
    make_client(server, cache=tmp_cache).lookup_dois([PLOS])
    server.reset_log()
    offline = make_client(server, cache=tmp_cache, offline=True)
    hit, miss = offline.lookup_dois([PLOS, CHAPTER])
    assert hit.outcome == "found" and hit.provenance is not None and hit.provenance.kind == "cache"
    assert miss.outcome == "failed" and miss.error == "offline and not cached"
    assert offline.search_bibliographic("anything at all").outcome == "failed"
    assert server.requests == 0


def test_offline_serves_an_expired_answer_with_its_date(server: CrossrefServer, tmp_cache: Cache) -> None:
    fetched = _iso(400)
    tmp_cache.put_work(
        CachedWork(PLOS, "found", load_recorded_work(), "crossref", fetched, server.url, "live")
    )
    [lookup] = make_client(server, cache=tmp_cache, offline=True).lookup_dois([PLOS])
    assert lookup.outcome == "found" and lookup.provenance is not None
    assert lookup.provenance.kind == "cache" and lookup.provenance.fetched == fetched


def test_ttl_expiry_refetches(server: CrossrefServer, tmp_cache: Cache) -> None:
    old = {"DOI": PLOS, "title": ["an older version"]}
    tmp_cache.put_work(CachedWork(PLOS, "found", old, "crossref", _iso(31), server.url, "live"))
    tmp_cache.put_work(
        CachedWork(CHAPTER, "found", {"DOI": CHAPTER}, "crossref", _iso(29), server.url, "live")
    )
    plos, chapter = make_client(server, cache=tmp_cache).lookup_dois([PLOS, CHAPTER])
    assert server.requests == 1 and server.log[0].dois == (PLOS,)
    assert plos.provenance is not None and plos.provenance.kind == "live"
    assert plos.message is not None and plos.message["title"] != old["title"]
    assert chapter.provenance is not None and chapter.provenance.kind == "cache"
    stored = tmp_cache.get_work(server.url, PLOS)
    assert stored is not None and stored.message == plos.message
    # a shorter time-to-live when asked
    server.reset_log()
    make_client(server, cache=tmp_cache, ttl_days=10).lookup_dois([CHAPTER])
    assert server.requests == 1


def test_a_cached_404_is_trusted_for_a_day_only(server: CrossrefServer, tmp_cache: Cache) -> None:
    tmp_cache.put_work(
        CachedWork(NOT_A_DOI_AT_CROSSREF, "not_found", None, None, _iso(0.5), server.url, "live")
    )
    tmp_cache.put_work(CachedWork(DATACITE, "not_found", None, "datacite", _iso(2), server.url, "live"))
    fresh, stale = make_client(server, cache=tmp_cache).lookup_dois([NOT_A_DOI_AT_CROSSREF, DATACITE])
    assert fresh.provenance is not None and fresh.provenance.kind == "cache"
    assert stale.provenance is not None and stale.provenance.kind == "live" and stale.agency == "datacite"
    assert {r.dois[0] for r in server.log} == {DATACITE}


def test_refresh_bypasses_the_cache_and_replaces_it(server: CrossrefServer, tmp_cache: Cache) -> None:
    make_client(server, cache=tmp_cache).lookup_dois([PLOS])
    server.reset_log()
    [lookup] = make_client(server, cache=tmp_cache, refresh=True).lookup_dois([PLOS])
    assert server.requests == 1 and lookup.provenance is not None and lookup.provenance.kind == "live"


def test_a_failed_refresh_of_an_expired_answer_falls_back_to_it_and_says_so(
    server: CrossrefServer, tmp_cache: Cache
) -> None:
    tmp_cache.put_work(
        CachedWork(PLOS, "found", load_recorded_work(), "crossref", _iso(40), server.url, "live")
    )
    server.fail(status=503, times=100)
    [lookup] = make_client(server, cache=tmp_cache, max_retries=1).lookup_dois([PLOS])
    assert lookup.outcome == "found" and lookup.provenance is not None and lookup.provenance.kind == "cache"
    assert lookup.provenance.note is not None and "live lookup failed" in lookup.provenance.note


def test_a_failed_refresh_falls_back_to_the_cached_answer_and_says_so(
    server: CrossrefServer, tmp_cache: Cache
) -> None:
    make_client(server, cache=tmp_cache).lookup_dois([PLOS])
    server.fail(status=500, times=100)
    [lookup] = make_client(server, cache=tmp_cache, refresh=True, max_retries=1).lookup_dois([PLOS])
    assert server.count(status=500) == 2  # it did ask again
    assert lookup.outcome == "found" and lookup.provenance is not None and lookup.provenance.kind == "cache"
    assert "live lookup failed" in (lookup.provenance.note or "")


def test_a_failing_cache_is_reported_and_lookups_go_on(
    server: CrossrefServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = Cache(tmp_path / "c.sqlite")
    cache.close()  # every read and write now fails
    client = make_client(server, cache=cache)
    assert [lk.outcome for lk in client.lookup_dois([PLOS, DATACITE])] == ["found", "not_found"]
    assert client.search_bibliographic("Gattie 2017").outcome == "found"
    # lookups: one read, a write for the batch's answers and one for the agency's; search: a read and a write
    assert client.stats.cache_errors == 5
    assert "could not read the Crossref cache" in caplog.text


def test_answers_from_another_server_are_not_served(server: CrossrefServer, tmp_cache: Cache) -> None:
    tmp_cache.put_work(
        CachedWork(PLOS, "found", {"DOI": PLOS}, "crossref", _iso(0), "https://elsewhere", "live")
    )
    [lookup] = make_client(server, cache=tmp_cache).lookup_dois([PLOS])
    assert lookup.provenance is not None and lookup.provenance.kind == "live"


def test_default_cache_and_base_url_come_from_the_environment(
    server: CrossrefServer, tmp_cache: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEEDLING_EVIDENCE_CROSSREF_URL", server.url)
    client = CrossrefClient(backoff=0.01)
    assert client.base_url == server.url
    assert client.cache is not None and client.cache.path == tmp_cache.path
    assert client.lookup_dois([PLOS])[0].outcome == "found" and server.requests == 1
    client.close()
    assert CrossrefClient(cache=False).cache is None


def test_bad_configuration_is_a_crossref_error() -> None:
    with pytest.raises(CrossrefError):
        CrossrefClient(base_url="ftp://example.org", cache=False)
    with pytest.raises(CrossrefError):
        CrossrefClient(cache=False, timeout=0)


# --- search -------------------------------------------------------------------------------------------------


def test_search_bibliographic_returns_scored_candidates_and_caches_them(
    server: CrossrefServer, tmp_cache: Cache
) -> None:
    recorded = load_recorded_search()["message"]["items"]
    first = recorded[0]
    # the query is the first candidate's own reference string, built from its recorded fields
    query = f"{first['author'][0]['family']} {first['title'][0]} {first['container-title'][0]}"
    server.add_search(query, recorded)
    client = make_client(server, cache=tmp_cache)
    result = client.search_bibliographic(query, rows=3)
    assert result.outcome == "found" and len(result.items) == 3
    assert [item["DOI"] for item in result.items] == [item["DOI"] for item in recorded[:3]]
    assert result.items[0]["score"] == recorded[0]["score"]
    assert result.provenance is not None and result.provenance.kind == "live"
    [request] = server.log
    assert request.route == "search" and request.query["query.bibliographic"] == [query]
    assert request.query["rows"] == ["3"]
    again = make_client(server, cache=tmp_cache).search_bibliographic(f"  {query} ", rows=3)
    assert again.items == result.items and again.provenance is not None and again.provenance.kind == "cache"
    assert server.requests == 1


def test_a_search_needs_text_and_a_sane_row_count(server: CrossrefServer) -> None:
    client = make_client(server)
    with pytest.raises(CrossrefError):
        client.search_bibliographic("   ")
    with pytest.raises(CrossrefError):
        client.search_bibliographic("Gattie 2017", rows=0)
    assert server.requests == 0


def test_a_failed_search_is_failed_not_empty(server: CrossrefServer) -> None:
    server.fail(status=500, times=10)
    result = make_client(server, max_retries=1).search_bibliographic("Gattie 2017 dry needling")
    assert result.outcome == "failed" and result.items == () and result.error and "HTTP 500" in result.error


# --- snapshot -----------------------------------------------------------------------------------------------


def _write_snapshot(path: Path) -> Path:
    snapshot = {
        "schema_version": 1,
        "made": "2026-11-27",
        "how": "Copied from a recorded Crossref answer (habanero's test cassette).",
        "records": [
            {"doi": PLOS, "provenance_note": "Recorded 2024-10-13.", "message": load_recorded_work()}
        ],
        "unknown": [{"key": "someone2020", "note": "no DOI known"}],
    }
    path.write_text(json.dumps(snapshot), encoding="utf-8")
    return path


def test_an_offline_snapshot_answers_as_snapshot_never_as_live(tmp_path: Path) -> None:
    client = CrossrefClient(offline=True, cache=False, snapshot=_write_snapshot(tmp_path / "snap.json"))
    hit, miss = client.lookup_dois([PLOS, CHAPTER])
    assert hit.outcome == "found" and hit.message == load_recorded_work()
    assert hit.provenance is not None and hit.provenance.kind == "snapshot"
    assert hit.provenance.fetched == "2026-11-27"
    assert (
        hit.provenance.note
        == "Copied from a recorded Crossref answer (habanero's test cassette). Recorded 2024-10-13."
    )
    assert miss.outcome == "failed" and miss.error == "offline: not in cache or snapshot"
    assert client.snapshot is not None and client.snapshot.unknown[0]["key"] == "someone2020"


def test_online_the_snapshot_answers_only_when_the_live_lookup_failed(
    server: CrossrefServer, tmp_path: Path
) -> None:
    snap = _write_snapshot(tmp_path / "snap.json")
    [live] = make_client(server, snapshot=snap).lookup_dois([PLOS])
    assert live.provenance is not None and live.provenance.kind == "live"
    server.fail(status=500, times=10)
    [fallback] = make_client(server, snapshot=snap, max_retries=1).lookup_dois([PLOS])
    assert fallback.outcome == "found" and fallback.provenance is not None
    assert fallback.provenance.kind == "snapshot" and "live lookup failed" in (fallback.provenance.note or "")


def test_a_broken_snapshot_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1,', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json"):
        CrossrefClient(cache=False, snapshot=bad)
    bad.write_text('{"schema_version": 1, "made": "2026-01-01", "records": []}', encoding="utf-8")
    with pytest.raises(InputError, match="how"):
        CrossrefClient(cache=False, snapshot=bad)


def test_bundled_client_is_offline_over_the_dry_needling_snapshot() -> None:
    client = CrossrefClient.bundled()
    assert client.offline and client.cache is None and client.snapshot is not None
    records = list(client.snapshot.records)
    assert records, "the bundled snapshot has records"
    lookups = client.lookup_dois(records)
    assert all(lk.outcome == "found" for lk in lookups)
    assert all(lk.provenance is not None and lk.provenance.kind == "snapshot" for lk in lookups)
    assert all(lk.provenance is not None and lk.provenance.note for lk in lookups)


# --- mailto, progress, contract -----------------------------------------------------------------------------


def test_mailto_is_sent_to_crossref_and_written_nowhere(
    server: CrossrefServer,
    tmp_cache: Cache,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("NEEDLING_EVIDENCE_MAILTO", MAILTO)
    client = make_client(server, cache=tmp_cache, max_retries=1)
    assert client.polite
    found = client.lookup_dois([PLOS, DATACITE, NOT_A_DOI_AT_CROSSREF])
    client.search_bibliographic("dry needling")
    server.fail(status=500, body=f"echoing your user agent: mailto:{MAILTO}", times=10)
    failed = client.lookup_dois([CHAPTER])
    # Crossref sees it (the polite pool)…
    assert all(f"mailto:{MAILTO}" in r.user_agent for r in server.log)
    # …and nothing of ours keeps it
    texts = [repr(client), str(client.stats), caplog.text, *map(repr, found), *map(repr, failed)]
    assert failed[0].error is not None and "<mailto>" in failed[0].error
    assert not any(MAILTO in text for text in texts)
    client.close()
    for path in tmp_cache.path.parent.iterdir():
        assert MAILTO.encode() not in path.read_bytes(), path


def test_progress_is_reported_up_to_the_total(server: CrossrefServer) -> None:
    calls: list[tuple[int, int]] = []
    make_client(server).lookup_dois(
        [PLOS, CHAPTER, DATACITE, PLOS, NOT_A_DOI_AT_CROSSREF], progress=lambda d, t: calls.append((d, t))
    )
    assert calls and calls[-1] == (4, 4)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls) and all(t == 4 for _, t in calls)


def test_the_client_is_a_work_source_and_returns_a_list_for_one_doi(server: CrossrefServer) -> None:
    client: WorkSource = make_client(server)
    assert isinstance(client.lookup_dois([PLOS]), list)
    assert client.lookup_dois([]) == []
