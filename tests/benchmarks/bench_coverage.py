"""Benchmark: the claim-coverage report as users run it, from the CLI's path through rendering.

What is timed is what ``needling-evidence report --no-verify`` runs: :func:`~needling_evidence.check_article`
(drafting the article's claims itself, linking, the rules, gaps and suggestions against every reference) and
:func:`needling_evidence.report.render` to text, HTML and JSON — no ``drafted=`` handed in precomputed.
Verification is left out (``verify=False``): it is Crossref's part, timed by ``bench_crossref.py``. The
references are generated (a Zipf-like mix of domain words and a long tail), each size in a fresh process,
repeated (min and median shown).

Targets (issues 4, 10 and 14): 1,000 claims × 10,000 references under 10 s and 1 GB; 5,000 × 50,000 coverage
with suggestions under 10 s; the terminal report of 1,000 × 10,000 under 3 s; its HTML ≤ 3× the size of its
JSON and ≤ 2× its time. Run on demand::

    python tests/benchmarks/bench_coverage.py                    # scaling table 100×1k, 1k×10k, 5k×50k
    python tests/benchmarks/bench_coverage.py --sizes 1000x10000 --repeat 1
    python tests/benchmarks/bench_coverage.py --suggest-scale    # suggestions alone, 1k / 10k / 50k works
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from typing import Any

from needling_evidence.model import (
    Article,
    Citation,
    Claim,
    ClaimRegistry,
    EvidenceLink,
    Notice,
    Provenance,
    Reference,
    Sentence,
    Verification,
)

DEFAULT_SIZES = "100x1000,1000x10000,5000x50000"
FORMATS = ("text", "html", "json")
TARGET_COVERAGE_SECONDS = 10.0  # 5,000 × 50,000 with suggestions (issue 14)
TARGET_BYTES = 1 << 30
# The text and HTML renderers are still quadratic (issue 14 item 3, another change): at 5,000 x 50,000 the
# HTML run passed 13 GB of memory before it was stopped. Past this many claims x references the default
# table times JSON only; --formats asks for the others explicitly.
SAFE_CELLS = 10_000_000

DOMAIN = [
    "needling",
    "pain",
    "neck",
    "back",
    "knee",
    "shoulder",
    "elbow",
    "heel",
    "plantar",
    "fasciitis",
    "tendinopathy",
    "migraine",
    "headache",
    "sciatica",
    "trigger",
    "point",
    "myofascial",
    "muscle",
    "twitch",
    "blood",
    "flow",
    "ischaemia",
    "hypoxia",
    "sensitisation",
    "endorphin",
    "opioid",
    "lactate",
    "soreness",
    "adverse",
    "event",
    "bleeding",
    "infection",
    "pneumothorax",
    "function",
    "range",
    "motion",
    "strength",
    "posture",
    "athlete",
    "performance",
    "recovery",
    "inflammation",
    "swelling",
    "acupuncture",
    "manual",
    "therapy",
    "exercise",
    "placebo",
    "sham",
    "randomised",
    "trial",
    "review",
    "cohort",
    "survey",
    "chronic",
    "acute",
    "lumbar",
    "cervical",
    "thoracic",
    "hip",
    "ankle",
    "wrist",
]


def vocabulary(rng: random.Random) -> list[str]:
    # A Zipf-like mix: common domain words plus a long tail of rarer ones, as in real titles and abstracts.
    tail = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(5, 10)))
        for _ in range(8000)
    ]
    return DOMAIN + tail


def words(rng: random.Random, vocab: list[str], n: int) -> str:
    weights_cut = len(DOMAIN)
    out = []
    for _ in range(n):
        if rng.random() < 0.45:
            out.append(vocab[rng.randrange(weights_cut)])
        else:
            out.append(vocab[weights_cut + int(rng.paretovariate(1.2)) % (len(vocab) - weights_cut)])
    return " ".join(out)


def generate(n_claims: int, n_references: int, seed: int = 4) -> dict[str, Any]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    designs = [
        ("systematic_review", 1),
        ("randomised_trial", 2),
        ("cohort", 3),
        ("narrative_review", 5),
        ("book_review", 5),
        ("other", None),
    ]
    statuses = ["verified"] * 14 + ["mismatch", "not_found", "unverified", "no_doi", "malformed_doi"]
    references = []
    verifications = []
    for i in range(n_references):
        key = f"ref{i:05d}"
        references.append(
            Reference(
                key=key,
                title=words(rng, vocab, rng.randint(6, 16)).capitalize(),
                year=rng.randint(1990, 2025),
                abstract=words(rng, vocab, rng.randint(40, 120)),
                keywords=tuple(words(rng, vocab, 3).split()),
                container_title="Journal of " + words(rng, vocab, 2),
                doi=f"10.1234/bench.{i}",
            )
        )
        design, level = rng.choice(designs)
        notices = (
            (Notice("retraction", f"10.1234/r.{i}", "2020-01-01", "publisher"),)
            if rng.random() < 0.01
            else ()
        )
        verifications.append(
            Verification(
                key=key,
                status=rng.choice(statuses),
                design=design,
                level=level,
                notices=notices,
                provenance=Provenance(kind="cache", fetched="2026-11-27"),
                message="generated",
            )
        )
    sentences = []
    claims = []
    citations = []
    text_parts = []
    offset = 0
    kinds = ["efficacy", "efficacy", "mechanism", "safety", "etiology", "experience", "other"]
    stances = ["supports", "partially_supports", "mentions", "contradicts"]
    for i in range(n_claims):
        sentence = f"Claim {i}: " + words(rng, vocab, rng.randint(8, 20)) + "."
        sid = f"s{i:04d}"
        sentences.append(Sentence(sid, sentence, offset, offset + len(sentence)))
        text_parts.append(sentence)
        claim_id = f"c{i:04d}"
        links = tuple(
            EvidenceLink(
                claim_id=claim_id,
                source=f"ref{rng.randrange(n_references):05d}",
                stance=rng.choice(stances),
                directness=rng.choice(["direct", "indirect"]),
                rationale="generated",
            )
            for _ in range(rng.randint(0, 3))
        )
        # the claim's text is close to (not the same as) its sentence, so suggestions have something to find
        claims.append(
            Claim(
                id=claim_id,
                text=sentence[len(f"Claim {i}: ") :],
                kind=rng.choice(kinds),
                quote=sentence,
                sentence_id=sid,
                links=links,
            )
        )
        if rng.random() < 0.3:
            citations.append(
                Citation(sid, "[1]", (f"ref{rng.randrange(n_references):05d}",), offset, offset + 3)
            )
        offset += len(sentence) + 1
    article = Article(
        text=" ".join(text_parts), title="Generated", sentences=tuple(sentences), citations=tuple(citations)
    )
    return {
        "article": article,
        "claims": claims,
        "references": references,
        "verifications": verifications,
    }


def measure(n_claims: int, n_references: int, formats: list[str]) -> dict[str, Any]:
    """One run, in this process: the CLI's path, then each rendering (times in seconds, sizes in bytes)."""
    from needling_evidence.pipeline import check_article
    from needling_evidence.report import render

    data = generate(n_claims, n_references)
    registry = ClaimRegistry(data["claims"])
    out: dict[str, Any] = {}
    started = time.perf_counter()
    report = check_article(data["article"], references=data["references"], claims=registry, verify=False)
    out["coverage"] = time.perf_counter() - started
    for fmt in formats:
        started = time.perf_counter()
        text = render(report, fmt, title="Generated", notes=report.notes)
        out[fmt] = time.perf_counter() - started
        out[f"{fmt}_bytes"] = len(text.encode())
    out["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    out["n_suggestions"] = int(report.summary["n_suggestions"])
    return out


def measure_suggestions(n_claims: int, n_references: int) -> dict[str, Any]:
    """Suggestions alone (index built once, every claim scored), as coverage calls them."""
    from needling_evidence.link import suggestions

    data = generate(n_claims, n_references)
    started = time.perf_counter()
    rows = suggestions(data["claims"], data["references"], [], lambda ref: None)
    return {
        "suggest": time.perf_counter() - started,
        "n_suggestions": len(rows),
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def in_fresh_process(args: list[str], timeout: float) -> dict[str, Any] | None:
    try:
        done = subprocess.run(
            [sys.executable, __file__, *args], capture_output=True, text=True, timeout=timeout, check=True
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for part in text.split(","):
        claims, _, refs = part.partition("x")
        sizes.append((int(claims), int(refs)))
    return sizes


def summary(values: list[float]) -> str:
    return f"{min(values):7.2f} {statistics.median(values):7.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default=DEFAULT_SIZES, help=f"CLAIMSxREFERENCES,... (default {DEFAULT_SIZES})"
    )
    parser.add_argument(
        "--formats",
        default=None,
        help="renderings to time (default text,html,json; JSON only past SAFE_CELLS)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="fresh-process runs per size (default 3)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a run is given up")
    parser.add_argument(
        "--suggest-scale", action="store_true", help="time suggestions alone at 100×1k, 1k×10k, 5k×50k"
    )
    parser.add_argument("--one", nargs=2, type=int, metavar=("CLAIMS", "REFS"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--one-suggest", nargs=2, type=int, metavar=("CLAIMS", "REFS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    formats = [f for f in (args.formats or ",".join(FORMATS)).split(",") if f]

    if args.one:  # a child run: print one JSON line
        print(json.dumps(measure(*args.one, formats)))
        return 0
    if args.one_suggest:
        print(json.dumps(measure_suggestions(*args.one_suggest)))
        return 0

    ok = True
    if args.suggest_scale:
        print("suggestions alone (index once, every claim scored), seconds: min median of", args.repeat)
        for n_claims, n_refs in parse_sizes(DEFAULT_SIZES):
            child = ["--one-suggest", str(n_claims), str(n_refs)]
            runs = [in_fresh_process(child, args.timeout) for _ in range(args.repeat)]
            done = [r for r in runs if r is not None]
            if not done:
                print(f"  {n_claims:>6,} × {n_refs:>7,}: timed out after {args.timeout:.0f} s")
                ok = False
                continue
            print(
                f"  {n_claims:>6,} × {n_refs:>7,}: {summary([r['suggest'] for r in done])} s  "
                f"{done[0]['n_suggestions']:,} suggestions  "
                f"peak RSS {max(r['rss'] for r in done) / 2**20:.0f} MB"
            )
        return 0

    print("coverage report from the CLI's path (check_article, verify=False) and render(); fresh processes")
    print(f"seconds as min median of {args.repeat}; sizes of one run")
    header = f"{'claims × refs':>18}  {'coverage':>15}" + "".join(f"  {fmt:>15}" for fmt in formats)
    print(header + "  " + "  ".join(f"{fmt} MB" for fmt in formats) + "  peak RSS")
    for n_claims, n_refs in parse_sizes(args.sizes):
        if args.formats is None and n_claims * n_refs > SAFE_CELLS and formats != ["json"]:
            formats = ["json"]
            print(f"(past {SAFE_CELLS:,} claims x references: JSON only unless --formats asks for more)")
            print(f"{'claims × refs':>18}  {'coverage':>15}  {'json':>15}  json MB  peak RSS")
        child = ["--one", str(n_claims), str(n_refs), "--formats", ",".join(formats)]
        runs = [in_fresh_process(child, args.timeout) for _ in range(args.repeat)]
        done = [r for r in runs if r is not None]
        label = f"{n_claims:,} × {n_refs:,}"
        if not done:
            print(f"{label:>18}  timed out after {args.timeout:.0f} s")
            ok = False
            continue
        line = f"{label:>18}  {summary([r['coverage'] for r in done])}"
        line += "".join(f"  {summary([r[fmt] for r in done])}" for fmt in formats)
        line += "  " + "  ".join(f"{done[0][f'{fmt}_bytes'] / 2**20:7.1f}" for fmt in formats)
        line += f"  {max(r['rss'] for r in done) / 2**20:6.0f} MB"
        print(line)
        if (n_claims, n_refs) == (5000, 50000):
            best = min(r["coverage"] for r in done)
            verdict = "OK" if best < TARGET_COVERAGE_SECONDS else "MISSED"
            print(
                f"{'':>18}  5,000 × 50,000 coverage with suggestions: {best:.2f} s, target < 10 s {verdict}"
            )
            ok = ok and best < TARGET_COVERAGE_SECONDS
        if (n_claims, n_refs) == (1000, 10000) and "json" in formats and "html" in formats:
            r = min(done, key=lambda r: r["coverage"])
            print(
                f"{'':>18}  HTML/JSON: size {r['html_bytes'] / r['json_bytes']:.1f}× (target ≤ 3×), "
                f"time {min(x['html'] for x in done) / min(x['json'] for x in done):.1f}× (target ≤ 2×)"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
