"""Benchmark: 1,000 PMIDs through PubMedClient vs one ESummary request per PMID, against a local server.

The local E-utilities-shaped server (tests/pubmed_server.py) adds 100 ms to every answer and holds NCBI's
limit for a client without an API key, 3 requests/s, answering 429 (NCBI's body) beyond it.
The DocSums are the recorded ESummary answer for PMID 28265654 under 1,000 synthetic PMIDs.

    python tests/benchmarks/bench_pubmed.py            # the per-PMID loop timed on 30 PMIDs, extrapolated
    python tests/benchmarks/bench_pubmed.py --full     # the loop on all 1,000 (about 6 minutes)

Targets (issue 11): at most 10 requests, no 429, at least 50x faster than one ESummary request per PMID; then
from a warm cache, 0 requests. Also (issue 14): 30 ESearches one at a time against ``search_all`` (several in
flight within the same 3/s), at the bench's 100 ms and at 600 ms per answer; no 429 either way. Exit status 1
when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for pubmed_server

from needling_evidence.pubmed import PubMedClient
from pubmed_server import PubMedServer, recorded_article, synthetic_article, synthetic_summary

PMIDS = 1000
DELAY_SECONDS = 0.1
RATE_LIMIT = 3  # NCBI, without an API key: 3 requests per second
LOOP_SAMPLE = 30
TARGET_REQUESTS = 10
TARGET_SPEEDUP = 50.0
SEARCHES = 30
# A second timing with answers of 600 ms shows what overlapping buys when answers take longer than the 3/s
# spacing (333 ms); 600 ms is an assumption for the comparison, not a measured NCBI figure.
SLOW_SEARCH_SECONDS = 0.6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="run the per-PMID loop on all PMIDs")
    args = parser.parse_args()
    pmids = [str(40_000_000 + n) for n in range(PMIDS)]
    with (
        PubMedServer(rate_limit=RATE_LIMIT, delay=DELAY_SECONDS) as server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        template = recorded_article()
        for pmid in pmids:
            server.add_summary(synthetic_summary(pmid))
            server.add_article(synthetic_article(pmid, template=template))
        cache = Path(tmp) / "bench-cache.sqlite"

        client = PubMedClient(base_url=server.url, cache=cache)
        started = time.perf_counter()
        answers = client.summaries(pmids)
        ours = time.perf_counter() - started
        requests, limited = server.count(), server.count_status(429)
        found = sum(a.outcome == "found" for a in answers.values())
        client.close()
        time.sleep(1.5)

        warm = PubMedClient(base_url=server.url, cache=cache)
        before = server.count()
        started = time.perf_counter()
        warm_found = sum(a.outcome == "found" for a in warm.summaries(pmids).values())
        warm_seconds = time.perf_counter() - started
        warm_requests = server.count() - before
        warm.close()
        time.sleep(1.5)

        # full records (EFetch XML: abstracts, MeSH, publication types, notices), as verification asks
        full = PubMedClient(base_url=server.url, cache=False)
        before, limited_before = server.count(), server.count_status(429)
        started = time.perf_counter()
        full_found = sum(a.outcome == "found" for a in full.fetch(pmids).values())
        full_seconds = time.perf_counter() - started
        full_requests = server.count() - before
        full_limited = server.count_status(429) - limited_before
        time.sleep(1.5)

        # ESearch for references with neither DOI nor PMID (issue 14 item 2): one at a time, as before,
        # against several in flight (search_all), within the same 3/s; at the bench's latency and a slower one
        searches = []
        for delay in (DELAY_SECONDS, SLOW_SEARCH_SECONDS):
            server.delay = delay
            terms = [f"needling evidence search {delay} {n}[ti]" for n in range(SEARCHES)]
            timed: dict[str, tuple[float, int]] = {}
            for name in ("one at a time", "search_all"):
                searcher = PubMedClient(base_url=server.url, cache=False)
                before, limited_before = server.count(), server.count_status(429)
                started = time.perf_counter()
                if name == "search_all":
                    answers = searcher.search_all([f"{t} {name}" for t in terms])
                else:
                    answers = [searcher.search(f"{t} {name}") for t in terms]
                assert len(answers) == SEARCHES and all(a == [] for a in answers), "a search failed"
                timed[name] = (time.perf_counter() - started, server.count_status(429) - limited_before)
                searcher.close()
                time.sleep(1.5)
            searches.append((delay, timed))
        server.delay = DELAY_SECONDS

        sample = pmids if args.full else pmids[:LOOP_SAMPLE]
        loop = PubMedClient(base_url=server.url, cache=False)  # paced at 3/s, as NCBI asks
        before = server.count()
        started = time.perf_counter()
        for pmid in sample:
            loop.summaries([pmid])
        loop_seconds = (time.perf_counter() - started) * (PMIDS / len(sample))
        loop_requests = server.count() - before

    speedup = loop_seconds / ours
    print(
        f"PubMedClient, cold cache: {found}/{PMIDS} found in {ours:.2f} s, {requests} requests, "
        f"{limited} x 429"
    )
    print(
        f"PubMedClient, warm cache: {warm_found}/{PMIDS} found in {warm_seconds:.3f} s, "
        f"{warm_requests} requests"
    )
    print(
        f"PubMedClient, full records (EFetch): {full_found}/{PMIDS} in {full_seconds:.2f} s, "
        f"{full_requests} requests, {full_limited} x 429"
    )
    shown = "measured" if args.full else f"extrapolated from {len(sample)} ({loop_requests} requests)"
    print(f"one ESummary request per PMID: {loop_seconds:.1f} s for {PMIDS} ({shown})")
    print(f"ratio: {speedup:.0f}x faster (target >= {TARGET_SPEEDUP:.0f}x)")
    for delay, timed in searches:
        alone, together = timed["one at a time"], timed["search_all"]
        print(
            f"{SEARCHES} ESearches answered in {delay * 1000:.0f} ms each: one at a time {alone[0]:.2f} s, "
            f"search_all {together[0]:.2f} s ({alone[0] / together[0]:.2f}x; 3/s allows them in "
            f"{(SEARCHES - 1) / RATE_LIMIT + delay:.2f} s); 429s {alone[1]} / {together[1]}"
        )
    ok = (
        found == PMIDS
        and requests <= TARGET_REQUESTS
        and limited == 0
        and speedup >= TARGET_SPEEDUP
        and warm_requests == 0
        and warm_found == PMIDS
        and full_found == PMIDS
        and full_requests <= TARGET_REQUESTS
        and full_limited == 0
        and all(timed[name][1] == 0 for _, timed in searches for name in timed)
    )
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
