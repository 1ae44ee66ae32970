"""Benchmark: read a generated 20,000-entry .bib with full LaTeX decoding and name splitting.

Run on demand (not collected by pytest)::

    python tests/benchmarks/bench_bibtex.py [--entries 20000] [--seed 7]

In one run it times, on the same generated file:

1. ``needling_evidence.read_bibtex`` (full decoding, name splitting, DOI normalisation, duplicate checks);
2. bibtexparser v2 with ``LatexDecodingMiddleware``, ``SeparateCoAuthors`` and ``SplitNameParts``;
3. bibtexparser's bare parse (block splitting only, no middleware) — the 1x reference;

and prints entries/s and peak traced memory (tracemalloc) for each and the ratio ours/bare (target: <= 2x,
issue 2 item 10). It then checks that our decoded text equals pylatexenc's ``LatexNodes2Text`` on every field
value of the file and prints the number of differences (must be 0).

Timing and memory are measured in separate passes: tracemalloc slows allocation-heavy code several-fold, so the
timed pass runs without it.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

# Realistic material for a health-science bibliography. About one field value in ten gets a LaTeX accent or
# symbol (the "one field in ten"); the generator counts and prints the actual share.
_PLAIN_FAMILIES = [
    "Gattie",
    "Cleland",
    "Snodgrass",
    "Cagnie",
    "Dewitte",
    "Barbe",
    "Timmermans",
    "Delrue",
    "Meeus",
    "Rodine",
    "Dommerholt",
    "Smith",
    "Nguyen",
    "Kim",
    "Johnson",
    "Brown",
    "Williams",
    "Taylor",
    "Lee",
    "Wilson",
    "Anderson",
    "Thomas",
    "Martin",
    "Clark",
    "Lewis",
    "Walker",
    "Hall",
    "Young",
    "King",
    "Wright",
]
_LATEX_FAMILIES = [
    r"Fern{\'a}ndez-de-las-Pe{\~n}as",
    r"M{\"u}ller",
    r"{\v{S}}imunek",
    r"Gonz{\'a}lez",
    r"J{\o}rgensen",
    r"Bj{\"o}rk",
    r"Dvo{\v{r}}{\'a}k",
    r"Ca{\~n}eiro",
    r"Stra{\ss}e",
    r"Wa{\l}{\k{e}}sa",
    r"{\AA}str{\"o}m",
    r"Lef{\`e}vre",
    r"Fran{\c{c}}ois",
    r"Ni{\~n}o",
    r"O'Conn{\'{e}}r",
]
_GIVEN = [
    "Eric",
    "Joshua A.",
    "Suzanne",
    "Barbara",
    "Valentine",
    "Tom",
    "Frank",
    "Nicolas",
    "Mira",
    "R.",
    "Jan",
    "Maria",
    "J.",
    "A. B.",
    "Chen",
    "Wei",
    "Li",
    "Anna",
    "Peter",
    "Sarah",
    "David",
    "Laura",
]
_LATEX_GIVEN = [r"C{\'e}sar", r"Jos{\'e}", r"J{\"u}rgen", r"Ren{\'e}e", r"Fran{\c{c}}oise", r"Bj{\"o}rn"]
_WORDS = ["trigger", "point", "dry", "needling", "effectiveness", "musculoskeletal", "pain", "physical", "therapy", "systematic", "review", "meta-analysis", "randomized", "controlled", "trial", "myofascial", "neck", "shoulder", "low", "back", "chronic", "acute", "injection", "lidocaine", "placebo", "sham", "intervention", "outcome", "disability", "pressure", "threshold", "range", "motion", "cohort", "observational", "mechanism", "physiologic", "effects", "clinical", "approach", "evidence", "based", "practice"]
_LATEX_TITLE_BITS = [
    r"{\&}",
    r"\&",
    r"--",
    r"---",
    r"{\'e}tude",
    r"na{\"\i}ve",
    r"{\"o}dema",
    r"M{\"u}ller's",
    r"caf{\'e}",
    r"r{\'e}sum{\'e}",
    r"\textit{in vivo}",
    r"\emph{post hoc}",
    r"50~mg",
    r"{$\beta$}-blockers",
    r"``sham''",
]
_JOURNALS = [
    "Journal of Orthopaedic {\\&} Sports Physical Therapy",
    "Current Pain and Headache Reports",
    "Pain",
    "Archives of Physical Medicine and Rehabilitation",
    "Journal of Bodywork and Movement Therapies",
    "The Journal of the Canadian Chiropractic Association",
    "BMJ",
    "The Lancet",
    "Physiotherapy",
    "Acupuncture in Medicine",
    "Manual Therapy",
    "Clinical Journal of Pain",
]
_TYPES = ["article"] * 8 + ["book", "inproceedings", "incollection", "phdthesis", "techreport", "misc"]
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _name(rng: random.Random, accented: bool) -> str:
    family = rng.choice(_LATEX_FAMILIES) if accented else rng.choice(_PLAIN_FAMILIES)
    given = rng.choice(_LATEX_GIVEN) if accented and rng.random() < 0.3 else rng.choice(_GIVEN)
    form = rng.random()
    if form < 0.6:
        return f"{family}, {given}"
    if form < 0.85:
        return f"{given} {family}"
    if form < 0.92:
        return f"van der {family}, {given}"
    if form < 0.97:
        return f"{family}, Jr., {given}"
    return "{World Health Organization}"


def _title(rng: random.Random, accented: bool) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(5, 14))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(["{DNA}", "{MRI}", "{RCT}", "{EMG}"]))
    if accented:
        words.insert(rng.randrange(1, len(words)), rng.choice(_LATEX_TITLE_BITS))
    return " ".join(words)


def generate_bib(entries: int, seed: int = 7) -> tuple[str, int, int]:
    """The text of a .bib with ``entries`` entries; also the number of field values and of accented ones."""
    rng = random.Random(seed)
    out = [
        "% Generated by tests/benchmarks/bench_bibtex.py: synthetic, for timing only.\n",
        '@string{jospt = "Journal of Orthopaedic {\\&} Sports Physical Therapy"}\n',
        "@string{cphr = {Current Pain and Headache Reports}}\n\n",
    ]
    share = 0.1  # the "about one field in ten carries LaTeX accents"
    fields_total = 0
    fields_latex = 0
    for i in range(entries):
        fields: list[tuple[str, str]] = []
        n_authors = rng.randint(1, 6)
        authors_latex = rng.random() < share
        names = [_name(rng, authors_latex and j == 0) for j in range(n_authors)]
        if rng.random() < 0.05:
            names.append("others")
        fields.append(("author", "{" + " and ".join(names) + "}"))
        fields.append(("title", "{" + _title(rng, rng.random() < share) + "}"))
        pick = rng.random()
        if pick < 0.1:
            fields.append(("journal", "jospt"))
        elif pick < 0.15:
            fields.append(("journal", 'cphr # " (Online)"'))
        else:
            fields.append(("journal", "{" + rng.choice(_JOURNALS) + "}"))
        fields.append(("year", str(rng.randint(1975, 2024))))
        if rng.random() < 0.5:
            fields.append(("month", rng.choice(_MONTHS)))
        fields.append(("volume", "{" + str(rng.randint(1, 120)) + "}"))
        fields.append(("number", "{" + str(rng.randint(1, 12)) + "}"))
        first = rng.randint(1, 900)
        fields.append(("pages", "{" + f"{first}--{first + rng.randint(1, 30)}" + "}"))
        if rng.random() < 0.7:
            fields.append(
                ("doi", "{" + f"10.{rng.randint(1000, 99999)}/bench.{i}.{rng.randint(1, 999)}" + "}")
            )
        if rng.random() < 0.2:
            fields.append(("url", "{" + f"https://example.org/article/{i}" + "}"))
        if rng.random() < 0.2:
            text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(40, 120)))
            if rng.random() < share:
                text += r" Results were r{\'e}sum{\'e}d \& compared (p~<~0.05)."
            fields.append(("abstract", "{" + text + "}"))
        if rng.random() < 0.3:
            fields.append(("keywords", "{" + ", ".join(rng.sample(_WORDS, 3)) + "}"))
        fields_total += len(fields)
        fields_latex += sum(1 for _, value in fields if "\\" in value)
        body = ",\n".join(f"  {name:<9} = {value}" for name, value in fields)
        out.append(f"@{rng.choice(_TYPES)}{{bench{i},\n{body}\n}}\n\n")
    return "".join(out), fields_total, fields_latex


def _measure(label: str, run: Callable[[], Any], entries: int) -> tuple[float, float]:
    gc.collect()
    started = time.perf_counter()
    run()
    seconds = time.perf_counter() - started
    gc.collect()
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_mb = peak / 1e6
    print(f"{label:<58} {seconds:7.2f} s  {entries / seconds:9.0f} entries/s  peak {peak_mb:7.1f} MB")
    return seconds, peak_mb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    import bibtexparser
    from bibtexparser import middlewares as m
    from pylatexenc.latex2text import LatexNodes2Text

    from needling_evidence.references.bibtex import iter_field_values, read_bibtex
    from needling_evidence.references.latex import latex_to_text

    text, fields_total, fields_latex = generate_bib(args.entries, args.seed)
    print(
        f"generated {args.entries} entries, {len(text) / 1e6:.1f} MB, {fields_total} fields, "
        f"{fields_latex} ({fields_latex / fields_total:.1%}) with LaTeX markup"
    )

    def ours() -> Any:
        refs = read_bibtex(text)
        assert len(refs) == args.entries, len(refs)
        return refs

    def bibtexparser_full() -> Any:
        stack = [
            m.LatexDecodingMiddleware(),
            m.SeparateCoAuthors(),
            m.SplitNameParts(),
        ]
        return bibtexparser.parse_string(text, append_middleware=stack)

    def bibtexparser_bare() -> Any:
        return bibtexparser.parse_string(text, parse_stack=[])

    print()
    bare, bare_mb = _measure("bibtexparser bare parse (no middleware)", bibtexparser_bare, args.entries)
    full, full_mb = _measure(
        "bibtexparser + LatexDecoding + SeparateCoAuthors + SplitNameParts", bibtexparser_full, args.entries
    )
    mine, mine_mb = _measure("needling_evidence.read_bibtex (decode + names + checks)", ours, args.entries)
    print()
    print(
        f"ours / bare parse       = {mine / bare:.2f}x time   ({mine_mb / bare_mb:.2f}x peak memory)   target <= 2x"
    )
    print(f"ours / middleware stack = {mine / full:.2f}x time")

    # Decoded text identical to pylatexenc on every field value of the file (after @string resolution and
    # removal of the outer delimiters, which is what both decoders receive).
    decoder = LatexNodes2Text()
    differences = 0
    compared = 0
    for key, name, value in iter_field_values(text):
        compared += 1
        expected = decoder.latex_to_text(value)
        got = latex_to_text(value)
        if got != expected:
            differences += 1
            if differences <= 10:
                print(
                    f"  DIFF {key}.{name}: {value!r}\n     pylatexenc {expected!r}\n     ours       {got!r}"
                )
    print(f"decoded field values compared with pylatexenc: {compared}, differences: {differences}")
    within = mine / bare <= 2.0
    print("RESULT:", "within 2x of the bare parse" if within else "NOT within 2x of the bare parse")
    return 0 if differences == 0 and within else 1


if __name__ == "__main__":
    sys.exit(main())
