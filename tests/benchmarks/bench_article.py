"""Benchmark: read a 20,000-word Markdown article with 500 references and tables (generated), and draft it.

Target (issue 9): ``load_article`` well under 5 s, and load + ``draft_claims`` under 5 s. Run on demand::

    python tests/benchmarks/bench_article.py [--runs N]

The article is generated (seeded, so every run reads the same text): sections of prose whose sentences cite
``[n]``, ``[[n]](#ref-n)``, ``<sup>n</sup>``, author–year and PubMed links; a table with cited cells every few
sections; lists under lead-ins; a numbered reference list of 500 Vancouver-style entries. The works are
made up (titles "Synthetic study n", DOIs under Crossref's test prefix 10.5555): nothing here is a real
citation. It prints the median of N runs of each stage, next to the target, and — for comparison on this
(shared, noisy) machine — the same text read as plain text by the line reader 0.1.0 used for every article,
as a ratio, so the cost of the CommonMark parser is visible.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import needling_evidence as ne

N_WORDS = 20_000
N_REFERENCES = 500
TARGET_SECONDS = 5.0
DEFAULT_RUNS = 3

_VOCABULARY = """needling pain neck back knee shoulder muscle trigger point therapy treatment trial patients
reduced improved function range motion session weeks review evidence placebo sham clinical outcome randomised
physiotherapist massage stretching exercise heat tissue fascia recovery sleep stiffness"""
WORDS = _VOCABULARY.split()
# Made-up family names for the made-up works (author-year citations need a first author).
SURNAMES = (
    "Aldane",
    "Brisco",
    "Corvell",
    "Dunmore",
    "Eskett",
    "Farrow",
    "Gilmartin",
    "Hollis",
    "Ivers",
    "Jessop",
)


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    text = " ".join(words).capitalize()
    n = rng.randint(1, N_REFERENCES)
    form = rng.randrange(6)
    if form == 0:
        return f"{text} [{n}]."
    if form == 1:
        return f"{text}.[[{n}]](#ref-{n})"
    if form == 2:
        return f"{text}.<sup>{n}</sup>"
    if form == 3:
        family = SURNAMES[(n - 1) % len(SURNAMES)]
        return f"{text} ({family} et al., {2000 + (n - 1) % 24})."
    if form == 4:
        return f"{text} ([trial](https://pubmed.ncbi.nlm.nih.gov/{30000000 + n}/))."
    return f"{text}."


def generate(seed: int = 9) -> tuple[str, int]:
    """The article's Markdown and its number of words."""
    rng = random.Random(seed)
    parts = ["---", "title: Generated benchmark article", "---", "", "# Generated benchmark article", ""]
    words = 0
    section = 0
    while words < N_WORDS:
        section += 1
        parts += [f"## Section {section}", ""]
        for _ in range(3):
            paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))
            words += len(paragraph.split())
            parts += [paragraph, ""]
        if section % 3 == 0:
            parts += [
                f"**Table {section // 3}:** Outcomes by treatment",
                "",
                "| Treatment | Pain | Function |",
            ]
            parts += ["| --- | --- | --- |"]
            for _ in range(6):
                n = rng.randint(1, N_REFERENCES)
                parts.append(f"| {rng.choice(WORDS)} | reduced [{n}] | improved | ")
            parts.append("")
        if section % 4 == 0:
            parts += ["Needling can improve the following:", ""]
            parts += [
                f"- {rng.choice(WORDS)} {rng.choice(WORDS)} [{rng.randint(1, N_REFERENCES)}]"
                for _ in range(4)
            ]
            parts.append("")
    parts += ["## References", ""]
    for n in range(1, N_REFERENCES + 1):
        family = SURNAMES[(n - 1) % len(SURNAMES)]
        year = 2000 + (n - 1) % 24
        parts.append(
            f"{n}. {family} A, Author B, Writer C. Synthetic study {n} of {rng.choice(WORDS)} for "
            f"{rng.choice(WORDS)} pain. J Bench Stud. {year};{n % 40 + 1}({n % 12 + 1}):{n}-{n + 9}. "
            f"doi:10.5555/bench.{n}"
        )
    return "\n".join(parts) + "\n", words


def _median_seconds(run: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    args = parser.parse_args()
    text, words = generate()
    with tempfile.TemporaryDirectory() as tmp:
        markdown = Path(tmp) / "article.md"
        plain = Path(tmp) / "article.txt"
        markdown.write_text(text, encoding="utf-8")
        plain.write_text(text, encoding="utf-8")
        article = ne.load_article(
            markdown
        )  # also warms the imports (markdown-it, YAML, the reference parser)
        ne.load_article(plain)
        load = _median_seconds(lambda: ne.load_article(markdown), args.runs)
        load_plain = _median_seconds(lambda: ne.load_article(plain), args.runs)
        draft = _median_seconds(lambda: ne.draft_claims(ne.load_article(markdown)), args.runs)
    kinds: dict[str, int] = {}
    for sentence in article.sentences:
        kinds[sentence.kind] = kinds.get(sentence.kind, 0) + 1
    n_claims = len(ne.draft_claims(article))
    n_refs, n_blocks = len(article.references), len(article.blocks)
    print(
        f"article: {words:,} words of prose, {n_refs} references (list + linked works), {n_blocks:,} blocks"
    )
    print(f"  sentences by kind: {dict(sorted(kinds.items()))}")
    n_citations, n_problems = len(article.citations), len(article.problems)
    print(f"  citations: {n_citations:,}; problems: {n_problems}; drafted claims: {n_claims:,}")
    print(f"median of {args.runs} runs each")
    print(f"load_article (Markdown):      {load:6.2f} s  (target < {TARGET_SECONDS:.0f} s)")
    print(f"load_article + draft_claims:  {draft:6.2f} s  (target < {TARGET_SECONDS:.0f} s)")
    print(f"load_article, same text .txt: {load_plain:6.2f} s  (0.1.0's line reader)")
    print(f"Markdown / plain-text ratio:  {load / load_plain:6.2f}")


if __name__ == "__main__":
    main()
