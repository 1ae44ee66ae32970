"""Both of Crossref's budgets at once (issue 14): when the filter batches of a lookup need more than one
interval of the list limit (3/s), the DOIs that would make the last, extra interval go to the single-record
route (/works/{doi}, 10/s and 3 at once of its own), which is otherwise idle meanwhile. Each answer is
validated as before, none breaks a limit, and lookups that fit in one interval's batches are unchanged.

Real time, against a server holding to the documented polite limits and announcing nothing (as in
test_crossref_pacing.py: a fake clock would blame the pacer for arrivals a network cannot delay).
"""

from __future__ import annotations

from conftest import FakeClock
from crossref_server import CrossrefServer, synthetic_work
from needling_evidence.crossref.client import MAX_URL_PATH_BYTES, CrossrefClient
from needling_evidence.crossref.pacing import POLITE_LIMITS, POLITE_LIST_LIMITS, Pacer

MAILTO = "plan-test@example.org"
SMALL_WORK = {"type": "journal-article", "publisher": "Test", "title": ["A test record"]}


def realistic(server: CrossrefServer) -> CrossrefServer:
    server.announce_limits = False
    server.rate_limit = (POLITE_LIMITS.limit, POLITE_LIMITS.interval)
    server.concurrency_limit = POLITE_LIMITS.concurrency
    server.list_rate_limit = (POLITE_LIST_LIMITS.limit, POLITE_LIST_LIMITS.interval)
    server.list_concurrency_limit = POLITE_LIST_LIMITS.concurrency
    server.delay = 0.01
    return server


def dois(count: int, tag: str) -> list[str]:
    # 37 characters with a five-letter tag, as in the benchmark: 82 fit in one batch's URL
    return [f"10.5555/needling-evidence.{tag}.{n:05d}" for n in range(count)]


def test_a_few_dois_beyond_one_intervals_batches_go_alone_in_the_same_interval(
    crossref_server: CrossrefServer,
) -> None:
    server = realistic(crossref_server)
    asked = dois(249, "plans")  # three full batches hold 246: three DOIs too many for one interval
    server.add_works(synthetic_work(d, SMALL_WORK) for d in asked[:-1])  # the last (sent alone): unknown
    client = CrossrefClient(base_url=server.url, cache=False, mailto=MAILTO)
    lookups = client.lookup_dois(asked)
    client.close()
    assert [lk.outcome for lk in lookups] == ["found"] * 248 + ["not_found"]
    assert [lk.doi for lk in lookups] == asked
    assert all(lk.message is not None and lk.message["DOI"] == lk.doi for lk in lookups[:-1])
    assert server.count(route="filter") == 3 and server.count(route="work") == 3
    assert server.count(route="agency") == 1  # the missing one, as for any DOI fetched alone
    assert server.rate_limited == 0
    batches = [r for r in server.log if r.route == "filter"]
    assert all(len(r.raw_path) <= MAX_URL_PATH_BYTES for r in batches)
    # every batch went in the first interval: none waited 1.15 s for a second one
    first = min(r.started for r in server.log)
    assert max(r.started for r in batches) - first < 0.9


def test_batches_are_even_and_the_single_route_spares_an_interval(crossref_server: CrossrefServer) -> None:
    server = realistic(crossref_server)
    asked = dois(750, "evens")  # nine batches hold 738: without the single route, a fourth interval
    server.add_works(synthetic_work(d, SMALL_WORK) for d in asked)
    client = CrossrefClient(base_url=server.url, cache=False, mailto=MAILTO)
    lookups = client.lookup_dois(asked)
    client.close()
    assert all(lk.outcome == "found" for lk in lookups) and len(lookups) == 750
    batches = [r for r in server.log if r.route == "filter"]
    assert len(batches) == 9 and server.count(route="work") == 12 and server.rate_limited == 0
    assert max(len(r.dois) for r in batches) - min(len(r.dois) for r in batches) <= 1
    first = min(r.started for r in server.log)
    assert max(r.started for r in batches) - first < 3.0  # three intervals (0, 1.15, 2.3 s), not four
    # the single route starts at once, beside the first batches, not after them
    assert min(r.started for r in server.log if r.route == "work") - first < 0.5


def test_lookups_that_fit_one_intervals_batches_send_batches_only(crossref_server: CrossrefServer) -> None:
    server = realistic(crossref_server)
    asked = dois(240, "fitin")
    server.add_works(synthetic_work(d, SMALL_WORK) for d in asked)
    client = CrossrefClient(base_url=server.url, cache=False, mailto=MAILTO)
    assert all(lk.outcome == "found" for lk in client.lookup_dois(asked))
    client.close()
    assert server.count(route="filter") == 3 and server.requests == 3


def test_one_pacer_for_both_kinds_leaves_no_second_budget(crossref_server: CrossrefServer) -> None:
    asked = dois(300, "onepc")
    crossref_server.add_works(synthetic_work(d, SMALL_WORK) for d in asked)
    clock = FakeClock()
    pacer = Pacer(POLITE_LIST_LIMITS, clock=clock.now, sleep=clock.sleep)
    client = CrossrefClient(
        base_url=crossref_server.url, cache=False, pacer=pacer, clock=clock.now, sleep=clock.sleep
    )
    assert all(lk.outcome == "found" for lk in client.lookup_dois(asked))
    client.close()
    batches = [r for r in crossref_server.log if r.route == "filter"]
    assert len(batches) == crossref_server.requests == 4
    assert sorted(len(r.dois) for r in batches) == [75, 75, 75, 75]  # evened out, not 82, 82, 82, 54
