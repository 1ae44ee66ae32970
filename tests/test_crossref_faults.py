"""A verdict only from a well-formed answer to the question asked (issue 13 item 1): one test per server fault
the fault pass found, with its inputs, against the local Crossref-shaped server.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import FakeClock
from crossref_server import CrossrefServer, load_recorded_work, synthetic_work
from needling_evidence.crossref.cache import Cache
from needling_evidence.crossref.client import CrossrefClient
from needling_evidence.crossref.transport import MAX_RESPONSE_BYTES
from needling_evidence.crossref.verify import verify_references
from needling_evidence.model import Person, Reference

PLOS = "10.1371/journal.pone.0033693"
DATACITE = "10.5061/dryad.needling-evidence"
HTML_404 = "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"


def client_for(server: CrossrefServer, **options: Any) -> CrossrefClient:
    options.setdefault("cache", False)
    options.setdefault("sleep", lambda _s: None)
    return CrossrefClient(base_url=server.url, **options)


def plos_reference() -> Reference:
    return Reference(
        key="plos",
        title="Dry needling and cupping",  # any content: a verdict needs something to compare
        authors=(Person(family="Smith", given="A."),),
        year=2012,
        doi=PLOS,
    )


def cached_works(cache: Cache, server: CrossrefServer, dois: list[str]) -> dict[str, Any]:
    return dict(cache.get_works(server.url, dois))


# --- foreign 404s -------------------------------------------------------------------------------------------


def test_an_html_404_on_every_route_is_unverified_with_a_base_url_hint(
    crossref_server: CrossrefServer, tmp_cache: Cache
) -> None:
    crossref_server.add_work(load_recorded_work())
    crossref_server.fail(status=404, body=HTML_404, content_type="text/html", times=100)
    client = client_for(crossref_server, cache=tmp_cache)
    [result] = verify_references([plos_reference()], client, pubmed=False)
    assert result.status == "unverified"
    assert "base URL" in result.message and "try again later" not in result.message
    assert cached_works(tmp_cache, crossref_server, [PLOS]) == {}  # never cached


def test_crossrefs_own_404_words_on_every_route_are_not_believed(crossref_server: CrossrefServer) -> None:
    # a wrong base path on a server that answers every route with Crossref's own words ("Resource not
    # found."): the list route — which never 404s on Crossref — gives it away
    crossref_server.add_work(load_recorded_work())
    crossref_server.fail(status=404, body="Resource not found.", times=100)
    [lookup] = client_for(crossref_server).lookup_dois([PLOS])
    assert lookup.outcome == "failed" and lookup.error is not None and "base URL" in lookup.error
    assert [r.route for r in crossref_server.log] == ["work", "agency", "list"]


def test_an_html_404_on_the_agency_route_is_not_not_found(crossref_server: CrossrefServer) -> None:
    crossref_server.add_agency(DATACITE, "datacite")
    crossref_server.fail(status=404, body=HTML_404, content_type="text/html", route="agency", times=10)
    [lookup] = client_for(crossref_server).lookup_dois([DATACITE])
    assert lookup.outcome == "failed" and lookup.error is not None
    assert "agency lookup" in lookup.error and "base URL" in lookup.error


def test_crossrefs_own_404_on_a_working_server_is_still_not_found(crossref_server: CrossrefServer) -> None:
    missing = "10.5555/needling-evidence.missing"
    crossref_server.add_work(load_recorded_work())
    [found, lookup] = client_for(crossref_server).lookup_dois([PLOS, missing])
    assert found.outcome == "found" and lookup.outcome == "not_found"
    assert "list" not in [r.route for r in crossref_server.log]  # the batch already showed the base works


# --- malformed records --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("title", 5, "'title' is not a list of strings"),
        ("author", "x", "'author' is not a list of person objects"),
        ("issued", "2020", "'issued' is a str, not a date object"),
    ],
)
def test_a_record_with_wrong_field_types_is_unverified_retried_once_and_not_cached(
    crossref_server: CrossrefServer, tmp_cache: Cache, field: str, value: Any, words: str
) -> None:
    # the case: a DOI that does not exist, answered with a record of the wrong shape
    doi = "10.5555/needling-evidence.does-not-exist"
    crossref_server.add_work({"DOI": doi, field: value})
    client = client_for(crossref_server, cache=tmp_cache)
    [result] = verify_references(
        [Reference(key="x", title="Anything", year=2020, doi=doi)], client, pubmed=False
    )
    assert result.status == "unverified" and words in result.message
    assert crossref_server.count(route="work") == 2  # asked once more
    assert cached_works(tmp_cache, crossref_server, [doi]) == {}


def test_a_malformed_record_in_a_batch_is_asked_alone_once(crossref_server: CrossrefServer) -> None:
    good = crossref_server.add_work(synthetic_work("10.5555/needling-evidence.good"))
    bad = crossref_server.add_work({"DOI": "10.5555/needling-evidence.bad", "title": 5})
    found, failed = client_for(crossref_server).lookup_dois([good, bad])
    assert found.outcome == "found" and failed.outcome == "failed"
    assert [r.route for r in crossref_server.log] == ["filter", "work", "work"]


def test_a_record_for_another_doi_is_unverified_and_not_cached(
    crossref_server: CrossrefServer, tmp_cache: Cache
) -> None:
    other = synthetic_work("10.5555/needling-evidence.other")
    crossref_server.add_work(other, PLOS)  # /works/PLOS answers the record of another DOI
    client = client_for(crossref_server, cache=tmp_cache)
    [result] = verify_references([plos_reference()], client, pubmed=False)
    assert result.status == "unverified"
    assert "10.5555/needling-evidence.other" in result.message and "mismatch" not in result.status
    assert cached_works(tmp_cache, crossref_server, [PLOS]) == {}


def test_malformed_search_candidates_are_no_candidates(crossref_server: CrossrefServer) -> None:
    good = synthetic_work("10.5555/needling-evidence.good")
    crossref_server.add_search("dry needling", [{"DOI": "10.5555/x", "title": 5}, good])
    result = client_for(crossref_server).search_bibliographic("dry needling")
    assert result.outcome == "found" and [i["DOI"] for i in result.items] == [good["DOI"]]


# --- Retry-After, size, redirects ---------------------------------------------------------------------------


def test_retry_after_on_a_json_429_of_the_batch_route_is_honoured(
    crossref_server: CrossrefServer, fake_clock: FakeClock
) -> None:
    crossref_server.clock = fake_clock.now
    crossref_server.add_works([synthetic_work(f"10.5555/needling-evidence.{n}") for n in range(3)])
    body = json.dumps({"status": "error", "message": "Too many requests"})
    crossref_server.fail(
        status=429, route="filter", body=body, content_type="application/json", retry_after="2"
    )
    client = client_for(crossref_server, clock=fake_clock.now, sleep=fake_clock.sleep)
    lookups = client.lookup_dois([f"10.5555/needling-evidence.{n}" for n in range(3)])
    assert [lk.outcome for lk in lookups] == ["found"] * 3
    first, second = crossref_server.log[:2]
    assert second.started - first.started >= 2.0


def test_a_retry_after_of_an_hour_stops_the_route_for_the_run(
    crossref_server: CrossrefServer, fake_clock: FakeClock
) -> None:
    # the case: told to wait 3,600 s on the batch route, it sent 5 requests in 6 s
    crossref_server.clock = fake_clock.now
    body = json.dumps({"status": "error", "message": "Too many requests"})
    crossref_server.fail(
        status=429, route="filter", body=body, content_type="application/json", retry_after="3600", times=50
    )
    client = client_for(crossref_server, clock=fake_clock.now, sleep=fake_clock.sleep)
    for batch in range(3):
        lookups = client.lookup_dois([f"10.5555/needling-evidence.{batch}.{n}" for n in range(3)])
        assert all(lk.outcome == "failed" for lk in lookups)
        assert lookups[0].error is not None and "3600 s" in lookups[0].error
    assert crossref_server.count(route="filter") == 1  # nothing more asked of that route in the run
    assert fake_clock.now() - 1000.0 < 200  # and nobody sat waiting an hour


def test_an_answer_over_the_size_cap_is_refused(crossref_server: CrossrefServer) -> None:
    huge = synthetic_work(PLOS)
    huge["abstract"] = "x" * (MAX_RESPONSE_BYTES + 1)
    crossref_server.add_work(huge)
    [lookup] = client_for(crossref_server).lookup_dois([PLOS])
    assert lookup.outcome == "failed" and lookup.error is not None and "larger than 20 MB" in lookup.error
    assert crossref_server.count(route="work") == 1  # not asked again


def test_a_redirect_is_followed(crossref_server: CrossrefServer) -> None:
    crossref_server.add_work(load_recorded_work())
    target = f"{crossref_server.url}/works/{PLOS}"
    crossref_server.fail(status=301, headers={"Location": target}, route="work")
    [lookup] = client_for(crossref_server).lookup_dois([PLOS])
    assert lookup.outcome == "found"
    assert [r.status for r in crossref_server.log] == [301, 200]


def test_a_redirect_loop_is_explained_not_try_again_later(crossref_server: CrossrefServer) -> None:
    crossref_server.add_work(load_recorded_work())
    target = f"{crossref_server.url}/works/{PLOS}"
    crossref_server.fail(status=302, headers={"Location": target}, route="work", times=100)
    client = client_for(crossref_server)
    [result] = verify_references([plos_reference()], client, pubmed=False)
    assert result.status == "unverified"
    assert "redirected more than 5 times" in result.message
    assert "try again later" not in result.message and "base URL" in result.message


def test_a_malformed_record_an_older_version_cached_is_not_served(
    crossref_server: CrossrefServer, tmp_cache: Cache
) -> None:
    from needling_evidence.crossref.cache import CachedWork, iso_now

    tmp_cache.put_works(
        [CachedWork(PLOS, "found", {"DOI": PLOS, "title": 5}, None, iso_now(), crossref_server.url, "live")]
    )
    crossref_server.add_work(load_recorded_work())
    [lookup] = client_for(crossref_server, cache=tmp_cache).lookup_dois([PLOS])
    assert lookup.outcome == "found" and lookup.provenance is not None and lookup.provenance.kind == "live"
