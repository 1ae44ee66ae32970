"""Benchmark: Crossref verification as users run it, against a server holding to Crossref's real limits.

The server (tests/crossref_server.py) runs in a process of its own and holds to the limits Crossref has had
since December 2025 for the polite pool: single-record requests 10/s with 3 at once, list requests (filter
batches and searches) 3/s with 3 at once, 429 beyond, announced in its headers as Crossref does. Every answer
takes 100 ms, plus 2 ms per DOI a batch asks (latency grows with the DOIs per request). Works are synthetic
(the recorded PLoS ONE answer, ~25 kB, under DOIs of the test prefix 10.5555).

Each contender runs in a fresh process; contenders are interleaved (ours, habanero, ours, …) and each is timed
``--repeats`` times (default 3): min and median are printed.

    python tests/benchmarks/bench_crossref.py             # habanero's loop timed on 100 DOIs, extrapolated
    python tests/benchmarks/bench_crossref.py --full      # habanero on all 1,000 (about 2½ minutes a run)
    python tests/benchmarks/bench_crossref.py --quick     # 1 repeat, no 300-reference report

Figures (issue 14): 1,000 DOIs cold: 0 × 429 and the speed-up over a habanero ``works(ids=[doi])`` loop;
``report`` on a 300-reference article of which half have no DOI, cold: its time against the time the list
limit allows for the list requests it needs; warm ``verify_references`` of 10,000 references under 4 s;
a scaling table (1k / 10k). Exit status 1 when a target is missed.

Why ≥ 50× is out of reach under Crossref's real limits (printed with each run's own habanero figure):
habanero's loop takes about 127 ms a DOI here (100 ms of server delay, a new connection and the parse), so
50× means 1,000 DOIs in about 2.5 s. List requests start at most 3 per interval, so in 2.5 s they start in
three intervals (0, 1, 2 s: 9 batches) even with no safety margin at all; the single-record route adds at most
10 per interval (30). 9 batches must then carry ≥ 970 DOIs, 108 each: 108 × len("doi:10.5555/needling-
evidence.bench.00000,") = 4,536 bytes of filter, over the 4,092 bytes Crossref takes for a request path (414
beyond; CrossRef/rest-api-doc#251; and Crossref takes no POST body, #261). At most 96 of these DOIs fit one
request path (82 with ``select=``), so 1,000 DOIs need a fourth interval: the ceiling is
3 × 1.0 s + 0.1 + 0.002 × 96 ≈ 3.3 s (≈ 38.5× habanero's loop) with no margin; with the pacer's window
(1.05 × 1 s + 0.1 s of arrival jitter = 1.15 s, what keeps 0 × 429 on a real network) and 82-DOI batches,
3 × 1.15 + 0.1 + 0.002 × 82 ≈ 3.7 s (≈ 34×). 0.1.0's 47–53× (issue 14) came from pacing batches by the
single-record limits (10/s, 3 at once: its one pacer knew no other), so they all went out within about a
second, beyond the list limit: 3–4 of its 16 requests were answered 429 and retried.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))  # for crossref_server

DELAY_SECONDS = 0.1  # issue 3: "a local server that adds 100 ms to every request"
DELAY_PER_DOI = 0.002  # a batch of 82 DOIs answers in ~0.26 s
SINGLE = (10, 1.0, 3)  # polite pool, single-record requests: 10 per second, 3 at once
LIST = (3, 1.0, 3)  # polite pool, list requests: 3 per second, 3 at once
MAILTO = "benchmark@example.org"  # puts every contender in the polite pool; a placeholder address
HABANERO_SAMPLE = 100
TARGET_SPEEDUP = 50.0
TARGET_REPORT_RATIO = 1.5
TARGET_WARM_10K_SECONDS = 4.0
REPORT_REFERENCES = 300
WORKS = 10_000


def bench_doi(n: int) -> str:
    return f"10.5555/needling-evidence.bench.{n:05d}"


def bench_title(n: int) -> str:
    return f"Heat trial number {n:05d} for low back pain in adults"


def report_article() -> str:
    """300 references, half with a DOI, half without (found by search), each cited once."""
    lines = ["# Heat for low back pain", ""]
    lines += [f"Heat helps some patients with low back pain [{n}]." for n in range(1, REPORT_REFERENCES + 1)]
    lines += ["", "## References", ""]
    for n in range(1, REPORT_REFERENCES + 1):
        doi = f" https://doi.org/{bench_doi(n)}" if n % 2 == 0 else ""
        # the recorded work's authors, year and journal, so that a search candidate validates
        lines.append(
            f"{n}. Sadasivan, S., Pond, B. B., & Pani, A. K. (2012). {bench_title(n)}. "
            f"PLoS ONE, 7(3), e33693.{doi}"
        )
    return "\n".join(lines) + "\n"


# --- the server process -------------------------------------------------------------------------------------


def serve() -> None:
    """Run the realistic server until stdin closes; print its URL; answer /_bench/stats and /_bench/reset."""
    from crossref_server import CrossrefServer, load_recorded_work, synthetic_work
    from needling_evidence import load_article
    from needling_evidence.crossref.match import reference_query

    class BenchServer(CrossrefServer):
        def _handle(self, handler: Any) -> None:
            if handler.path.startswith("/_bench/"):
                if handler.path == "/_bench/reset":
                    self.reset_log()
                by_route: dict[str, int] = {}
                for r in list(self.log):
                    by_route[r.route] = by_route.get(r.route, 0) + 1
                stats = {"requests": self.requests, "rate_limited": self.rate_limited, "routes": by_route}
                stats["max_in_flight"] = self.max_in_flight
                self._send(handler, 200, "application/json", json.dumps(stats))
                return
            super()._handle(handler)

    server = BenchServer(
        delay=DELAY_SECONDS,
        delay_per_doi=DELAY_PER_DOI,
        rate_limit=SINGLE[:2],
        concurrency_limit=SINGLE[2],
        list_rate_limit=LIST[:2],
        list_concurrency_limit=LIST[2],
        retry_after="1",
    )
    template = load_recorded_work()
    server.add_works(synthetic_work(bench_doi(n), template, title=bench_title(n)) for n in range(WORKS + 1))
    for ref in load_article(report_article()).references:
        if not ref.doi:  # its search finds the work, as Crossref's would
            number = re.search(r"number (\d{5})", ref.title or "")
            work = server.works.get(bench_doi(int(number.group(1)))) if number else None
            query = reference_query(ref)
            # a relevance score as Crossref gives a good match (well above 0.4 per character of the query)
            server.add_search(query, [{**work, "score": 0.8 * len(query)}] if work else [])
    with server:
        print(server.url, flush=True)
        sys.stdin.read()


def control(url: str, what: str) -> dict[str, Any]:
    from urllib.request import urlopen

    with urlopen(f"{url}/_bench/{what}", timeout=10) as answer:  # our own local server
        result: dict[str, Any] = json.loads(answer.read())
        return result


# --- contenders (each in a fresh process) -------------------------------------------------------------------


def contender(name: str, url: str, n: int, cache: str) -> dict[str, Any]:
    if name == "ours":
        from needling_evidence.crossref.client import CrossrefClient

        client = CrossrefClient(base_url=url, mailto=MAILTO, cache=Path(cache))
        started = time.perf_counter()
        lookups = client.lookup_dois([bench_doi(i) for i in range(n)])
        seconds = time.perf_counter() - started
        client.close()
        return {"seconds": seconds, "found": sum(lk.outcome == "found" for lk in lookups)}
    if name == "habanero":
        import warnings

        from habanero import Crossref

        cr = Crossref(base_url=url, mailto=MAILTO, timeout=30)
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            answers = [cr.works(ids=[bench_doi(i)], warn=True) for i in range(n)]
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "found": sum(a is not None for a in answers)}
    if name == "warm":
        from needling_evidence.crossref.client import CrossrefClient
        from needling_evidence.crossref.verify import verify_references
        from needling_evidence.model import Person, Reference

        refs = [
            Reference(
                key=f"r{i}",
                title=bench_title(i),
                authors=(Person(family="Sadasivan", given="S."),),
                year=2012,
                doi=bench_doi(i),
            )
            for i in range(n)
        ]
        client = CrossrefClient(base_url=url, mailto=MAILTO, cache=Path(cache))
        started = time.perf_counter()
        results = verify_references(refs, client, pubmed=False)
        seconds = time.perf_counter() - started
        client.close()
        statuses: dict[str, int] = {}
        for r in results:
            statuses[r.status] = statuses.get(r.status, 0) + 1
        return {
            "seconds": seconds,
            "found": sum(r.provenance is not None for r in results),
            "statuses": statuses,
        }
    raise SystemExit(f"unknown contender {name}")


def run_fresh(args: Sequence[str], env: dict[str, str] | None = None) -> tuple[dict[str, Any], float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, env=env, timeout=1800
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"contender failed: {args}\n{done.stderr}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    return (json.loads(lines[-1]) if lines else {}), wall


def timed_contender(url: str, name: str, n: int, cache: str) -> dict[str, Any]:
    control(url, "reset")
    result, wall = run_fresh([__file__, "--contender", name, "--url", url, "--n", str(n), "--cache", cache])
    result.update(control(url, "stats"))
    result["wall"] = wall
    return result


def warm_cache(url: str, path: Path, n: int) -> None:
    """Fill a cache with n records as a live run would have (not timed): batches ask only WORK_FIELDS
    (``select=``), so the records cached are those fields of the recorded work, without its reference list."""
    from crossref_server import load_recorded_work, synthetic_work
    from needling_evidence.crossref.cache import Cache, CachedWork, iso_now
    from needling_evidence.crossref.client import WORK_FIELDS

    template = {k: v for k, v in load_recorded_work().items() if k in WORK_FIELDS}
    with Cache(path) as cache:
        cache.put_works(
            [
                CachedWork(
                    bench_doi(i),
                    "found",
                    synthetic_work(bench_doi(i), template, title=bench_title(i)),
                    "crossref",
                    iso_now(),
                    url,
                    "live",
                )
                for i in range(n)
            ]
        )


def ceiling(habanero_seconds: float, n: int = 1000) -> list[str]:
    """The fastest 1,000 DOIs can be answered within the limits and this server's latency, and what 50× asks
    (see the module docstring): lines to print."""
    from needling_evidence.crossref.client import MAX_ROWS, WORK_FIELDS, _batches
    from needling_evidence.crossref.pacing import ARRIVAL_JITTER_SECONDS, WINDOW_SAFETY_MARGIN

    dois = [bench_doi(i) for i in range(n)]
    per_doi = len(f"doi:{bench_doi(0)},")
    request_path = 4092  # Crossref: 4,096 bytes for the request line, 4,092 of them for the path
    most = (request_path - len(f"/works?filter=&rows={MAX_ROWS}")) // per_doi  # no select=, whole line
    ours = len(next(iter(_batches(dois, "/works", WORK_FIELDS))))
    single_per_interval = SINGLE[0]  # generous: as if the last interval's singles took no time

    def fastest(window: float, per_batch: int) -> tuple[int, float]:
        intervals = 1
        while (LIST[0] * per_batch + single_per_interval) * intervals < n:
            intervals += 1
        return intervals, (intervals - 1) * window + DELAY_SECONDS + DELAY_PER_DOI * per_batch

    pacer_window = LIST[1] * (1 + WINDOW_SAFETY_MARGIN) + ARRIVAL_JITTER_SECONDS
    lines = []
    for label, window, per_batch in (
        (f"the pacer's {pacer_window:.2f} s window, {ours} DOIs a batch (select=)", pacer_window, ours),
        (f"no margin at all (1.00 s), {most} DOIs a batch (whole request line)", LIST[1], most),
    ):
        intervals, seconds = fastest(window, per_batch)
        lines.append(
            f"  ceiling, {label}: {intervals} intervals, {seconds:.2f} s = "
            f"{habanero_seconds / seconds:.1f}× habanero's loop"
        )
    budget = habanero_seconds / TARGET_SPEEDUP
    intervals = int((budget - DELAY_SECONDS) // LIST[1]) + 1
    needed = -(-(n - single_per_interval * intervals) // (LIST[0] * intervals))
    lines.append(
        f"  {TARGET_SPEEDUP:g}× asks for {n:,} DOIs in {budget:.2f} s: list requests in {intervals} "
        f"intervals at most ({LIST[0] * intervals} batches), so {needed} DOIs a batch, a "
        f"{needed * per_doi:,}-byte filter: over the {request_path:,} bytes Crossref takes for a request path"
    )
    return lines


def settle() -> None:
    time.sleep(1.5)  # the server's windows empty between contenders


def summary(values: Sequence[float]) -> str:
    return f"min {min(values):7.2f} s  median {statistics.median(values):7.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--full", action="store_true", help="habanero's loop on all 1,000 DOIs, not 100")
    parser.add_argument("--quick", action="store_true", help="1 repeat and no 300-reference report")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--contender", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, default=1000, help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return 0
    if args.contender:
        print(json.dumps(contender(args.contender, args.url, args.n, args.cache)))
        return 0
    repeats = 1 if args.quick else args.repeats

    server = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        return measure(url, repeats, args)
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=30)


def measure(url: str, repeats: int, args: argparse.Namespace) -> int:
    sample = 1000 if args.full else HABANERO_SAMPLE
    ours: list[dict[str, Any]] = []
    hab: list[dict[str, Any]] = []
    reports: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.md"
        article.write_text(report_article(), encoding="utf-8")
        for repeat in range(repeats):
            cache = str(Path(tmp) / f"cold-{repeat}.sqlite")
            ours.append(timed_contender(url, "ours", 1000, cache))
            settle()
            hab.append(timed_contender(url, "habanero", sample, str(Path(tmp) / "unused.sqlite")))
            settle()
            if not args.quick:
                control(url, "reset")
                out = Path(tmp) / f"report-{repeat}.json"
                env = {**os.environ, "NEEDLING_EVIDENCE_MAILTO": MAILTO}
                started = time.perf_counter()
                done = subprocess.run(
                    [
                        sys.executable, "-m", "needling_evidence", "report", str(article),
                        "--crossref-url", url, "--no-pubmed",
                        "--cache", str(Path(tmp) / f"r-{repeat}.sqlite"),
                        "--format", "json", "-o", str(out),
                    ],
                    capture_output=True, text=True, check=False, env=env, timeout=1800,
                )  # fmt: skip
                wall = time.perf_counter() - started
                if done.returncode != 0:
                    raise SystemExit(done.stderr)
                stats = control(url, "stats")
                refs = json.loads(out.read_text(encoding="utf-8"))["references"]
                statuses: dict[str, int] = {}
                for ref in refs:
                    statuses[ref["status"]] = statuses.get(ref["status"], 0) + 1
                reports.append({"wall": wall, **stats, "statuses": statuses})
                settle()

        # warm verify, 1k and 10k (no network: every answer from the cache)
        warm: dict[int, list[dict[str, Any]]] = {}
        for n in (1000, 10_000):
            path = Path(tmp) / f"warm-{n}.sqlite"
            warm_cache(url, path, n)
            warm[n] = [timed_contender(url, "warm", n, str(path)) for _ in range(repeats)]
        # cold lookups, 1k and 10k (10k once: it takes about 40 s under the list limit)
        cold10k = timed_contender(url, "ours", 10_000, str(Path(tmp) / "cold-10k.sqlite"))

    ours_s = [r["seconds"] for r in ours]
    hab_s = [r["seconds"] * 1000 / sample for r in hab]
    print("Crossref verification against a server holding to Crossref's polite limits")
    print(
        f"(single records {SINGLE[0]}/s, {SINGLE[2]} at once; lists {LIST[0]}/s, {LIST[2]} at once; "
        f"{DELAY_SECONDS * 1000:.0f} ms + {DELAY_PER_DOI * 1000:.0f} ms per DOI asked), {repeats} run(s) "
        "each, contenders interleaved in fresh processes"
    )
    print()
    print("1,000 DOIs, cold cache")
    print(f"  CrossrefClient.lookup_dois          {summary(ours_s)}  requests {ours[0]['requests']}, "
          f"429s {max(r['rate_limited'] for r in ours)}, found {min(r['found'] for r in ours)}")  # fmt: skip
    how = "all 1,000" if sample == 1000 else f"{sample} DOIs, ×{1000 // sample}"
    hab_429 = max(r["rate_limited"] for r in hab)
    print(f"  habanero works(ids=[doi]) loop      {summary(hab_s)}  ({how}); 429s {hab_429}")
    speedup = statistics.median(hab_s) / statistics.median(ours_s)
    list_requests = ours[0]["routes"].get("filter", 0)
    floor = max(0.0, (list_requests - LIST[2]) / LIST[0])
    print(f"  speed-up (medians) {speedup:.1f}×; {list_requests} list requests: the list limit alone allows "
          f"them no sooner than {floor:.2f} s + one answer")  # fmt: skip
    print(f"  routes {ours[0]['routes']}, at most {ours[0]['max_in_flight']} in flight")
    for line in ceiling(statistics.median(hab_s)):
        print(line)
    checks: list[tuple[str, bool, str]] = [
        (
            "1,000 DOIs: 0 × 429",
            all(r["rate_limited"] == 0 for r in ours),
            str([r["rate_limited"] for r in ours]),
        ),
        (f"1,000 DOIs: ≥ {TARGET_SPEEDUP:g}× habanero's loop", speedup >= TARGET_SPEEDUP, f"{speedup:.1f}×"),
    ]
    if reports:
        walls = [r["wall"] for r in reports]
        routes = reports[0]["routes"]
        listed = routes.get("filter", 0) + routes.get("search", 0) + routes.get("list", 0)
        allowed = listed / LIST[0]
        print()
        print(
            f"report, {REPORT_REFERENCES} references (half without a DOI), cold cache, CLI in a fresh process"
        )
        print(f"  needling-evidence report            {summary(walls)}  requests {routes}, "
              f"429s {max(r['rate_limited'] for r in reports)}")  # fmt: skip
        print(f"  statuses {reports[0]['statuses']}")
        print(f"  {listed} list requests at {LIST[0]}/s: the limit allows them in {allowed:.1f} s; "
              f"median/allowed = {statistics.median(walls) / allowed:.2f}")  # fmt: skip
        checks.append(
            (
                f"report within {TARGET_REPORT_RATIO:g}× the list-limit time",
                statistics.median(walls) <= TARGET_REPORT_RATIO * allowed,
                f"{statistics.median(walls):.1f} s / {allowed:.1f} s",
            )
        )
    print()
    print("Scaling                               1k                 10k")
    w1, w10 = [r["seconds"] for r in warm[1000]], [r["seconds"] for r in warm[10_000]]
    m1, m10 = statistics.median(w1), statistics.median(w10)
    print(f"  warm verify_references (median)   {m1:7.2f} s         {m10:7.2f} s")
    c1, c10 = statistics.median(ours_s), cold10k["seconds"]
    print(
        f"  cold lookup_dois                  {c1:7.2f} s         {c10:7.2f} s"
        f"   (10k: {cold10k['requests']} requests, 429s {cold10k['rate_limited']})"
    )
    checks.append(
        (
            f"warm verify of 10,000 under {TARGET_WARM_10K_SECONDS:g} s",
            min(w10) < TARGET_WARM_10K_SECONDS,
            f"min {min(w10):.2f} s, median {statistics.median(w10):.2f} s",
        )
    )
    checks.append(("warm verify: no request", all(r["requests"] == 0 for r in warm[10_000]), ""))
    print()
    for name, ok, value in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {value}")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
