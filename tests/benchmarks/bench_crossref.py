"""Benchmark: 1,000 DOIs through CrossrefClient vs habanero's own ``works(ids=[…])`` loop, in one run.

A local Crossref-shaped server (tests/crossref_server.py) adds 100 ms to every request and enforces Crossref's
polite-pool limits, 10 requests/s with 3 concurrent, answering 429 (with the limit headers) beyond them. The
works are synthetic: the recorded PLoS ONE answer (about 25 kB) under 1,000 DOIs of Crossref's test prefix.

    python tests/benchmarks/bench_crossref.py            # habanero timed on 100 DOIs, extrapolated
    python tests/benchmarks/bench_crossref.py --full     # habanero on all 1,000 (about 2-3 minutes)

Targets (issue 3): at least 50x faster than the habanero loop with zero 429s; then, from a warm cache, zero
requests in under 1 s. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for crossref_server

from crossref_server import CrossrefServer, synthetic_work
from needling_evidence.crossref.client import CrossrefClient

DOIS = 1000
DELAY_SECONDS = 0.1  # issue 3: "a local server that adds 100 ms to every request"
RATE_LIMIT = (10, 1.0)  # Crossref's polite pool: 10 requests per second…
CONCURRENCY_LIMIT = 3  # …with 3 at a time
HABANERO_SAMPLE = 100  # habanero asks one DOI per request, serially: time a sample, extrapolate linearly
TARGET_SPEEDUP = 50.0
TARGET_WARM_SECONDS = 1.0
MAILTO = "benchmark@example.org"  # puts both clients in the same (polite) pool; a placeholder address


def _settle() -> None:
    time.sleep(RATE_LIMIT[1] * 1.5)  # let the server's rate window empty between phases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="run habanero's loop on all DOIs, not a sample")
    args = parser.parse_args()

    dois = [f"10.5555/needling-evidence.bench.{n:04d}" for n in range(DOIS)]
    with (
        CrossrefServer(
            delay=DELAY_SECONDS, rate_limit=RATE_LIMIT, concurrency_limit=CONCURRENCY_LIMIT, retry_after="1"
        ) as server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        server.add_works(synthetic_work(d) for d in dois)
        cache = Path(tmp) / "bench-cache.sqlite"

        # --- ours, cold cache
        client = CrossrefClient(base_url=server.url, mailto=MAILTO, cache=cache)
        started = time.perf_counter()
        lookups = client.lookup_dois(dois)
        ours_seconds = time.perf_counter() - started
        ours_requests, ours_429 = server.requests, server.rate_limited
        ours_found = sum(lk.outcome == "found" for lk in lookups)
        ours_in_flight = server.max_in_flight
        client.close()

        # --- ours, warm cache (a new client, as a second run of the CLI would be)
        server.reset_log()
        warm_client = CrossrefClient(base_url=server.url, mailto=MAILTO, cache=cache)
        started = time.perf_counter()
        warm = warm_client.lookup_dois(dois)
        warm_seconds = time.perf_counter() - started
        warm_requests = server.requests
        warm_from_cache = sum(lk.provenance is not None and lk.provenance.kind == "cache" for lk in warm)
        warm_client.close()

        # --- habanero's own loop: works(ids=[...]) asks /works/{doi} once per DOI, one after another
        from habanero import Crossref

        _settle()
        server.reset_log()
        asked = dois if args.full else dois[:HABANERO_SAMPLE]
        cr = Crossref(base_url=server.url, mailto=MAILTO, timeout=30)
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # warn=True: a 429 becomes a warning and a None, as users run it
            answers = cr.works(ids=asked, warn=True)
        hab_seconds = time.perf_counter() - started
        hab_requests, hab_429 = server.requests, server.rate_limited
        hab_found = sum(a is not None for a in answers)
        scale = DOIS / len(asked)
        hab_total = hab_seconds * scale

    speedup = hab_total / ours_seconds
    how = "measured on all" if args.full else f"measured on {len(asked)}, extrapolated linearly to"
    print(
        f"Crossref lookups of {DOIS} DOIs; server adds {DELAY_SECONDS * 1000:.0f} ms per request and enforces"
    )
    print(f"{RATE_LIMIT[0]} requests/{RATE_LIMIT[1]:g} s with {CONCURRENCY_LIMIT} concurrent (429 beyond).")
    print()
    row = "{:34}{:>11}s{:>10}{:>7}{:>8}"
    print(f"{'':34}{'wall time':>12}{'requests':>10}{'429s':>7}{'found':>8}")
    print(
        row.format("CrossrefClient, cold cache", f"{ours_seconds:.2f}", ours_requests, ours_429, ours_found)
    )
    print(row.format("CrossrefClient, warm cache", f"{warm_seconds:.3f}", warm_requests, 0, warm_from_cache))
    hab_row = [round(hab_requests * scale), round(hab_429 * scale), round(hab_found * scale)]
    print(row.format("habanero works(ids=[…]) loop", f"{hab_total:.2f}", *hab_row))
    print(
        f"  (habanero {how} {DOIS}: {len(asked)} DOIs took {hab_seconds:.2f} s, {hab_requests} requests, "
        f"{hab_429} 429s, {hab_found} found)"
    )
    print(f"  (our client: at most {ours_in_flight} requests in flight at the server)")
    print()
    checks = [
        (
            f"CrossrefClient >= {TARGET_SPEEDUP:g}x faster than habanero's loop",
            speedup >= TARGET_SPEEDUP,
            f"{speedup:.0f}x",
        ),
        ("zero 429s for CrossrefClient", ours_429 == 0, f"{ours_429}"),
        ("every DOI found", ours_found == DOIS, f"{ours_found}/{DOIS}"),
        ("warm cache: zero requests", warm_requests == 0, f"{warm_requests}"),
        (
            f"warm cache: under {TARGET_WARM_SECONDS:g} s",
            warm_seconds < TARGET_WARM_SECONDS,
            f"{warm_seconds:.3f} s",
        ),
    ]
    for name, ok, value in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {value}")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
