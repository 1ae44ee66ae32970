"""Benchmark: read generated .bib files with full LaTeX decoding and name splitting, 1k to 100k entries.

Run on demand (not collected by pytest)::

    python tests/benchmarks/bench_bibtex.py [--sizes 1000,20000,100000] [--repeats 3] [--middleware]

Contenders, each run in a fresh interpreter on the same file:

1. ``bare``: bibtexparser's bare parse (block splitting only, no middleware) — the 1x reference;
2. ``ours``: ``needling_evidence.read_bibtex`` (full decoding, name splitting, DOI normalisation, checks);
3. ``full`` (with ``--middleware``): bibtexparser v2 with ``LatexDecodingMiddleware``, ``SeparateCoAuthors``
   and ``SplitNameParts``.

The runs are interleaved — each round runs every contender once, in rotated order — and the table shows the
min and median of the rounds and the ratio ours/bare at each size (target: <= 2x, issue 14 item 6). The file
is real-shaped: names built from syllables are nearly all distinct (as in the bibliographies in
tests/data/bib/), LaTeX accents fall on varied letters of varied words, and about one field value in ten
carries LaTeX — so the per-value caches of read_bibtex cannot stand in for the work. It then checks our
decoded text against pylatexenc's ``LatexNodes2Text`` on every field value at the first size (must be 0
differences). ``--help`` only prints this.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
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
_WORDS = [
    "trigger",
    "point",
    "dry",
    "needling",
    "effectiveness",
    "musculoskeletal",
    "pain",
    "physical",
    "therapy",
    "systematic",
    "review",
    "meta-analysis",
    "randomized",
    "controlled",
    "trial",
    "myofascial",
    "neck",
    "shoulder",
    "low",
    "back",
    "chronic",
    "acute",
    "injection",
    "lidocaine",
    "placebo",
    "sham",
    "intervention",
    "outcome",
    "disability",
    "pressure",
    "threshold",
    "range",
    "motion",
    "cohort",
    "observational",
    "mechanism",
    "physiologic",
    "effects",
    "clinical",
    "approach",
    "evidence",
    "based",
    "practice",
]
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


# Real bibliographies hardly repeat a name: in tests/data/bib/ no family name occurs twice across the five
# files. Names are therefore built from syllables (tens of thousands of distinct family names), LaTeX accents
# land on varied letters of them, and title words come from a large generated vocabulary as well as the real
# words above — so that the per-value caches of read_bibtex (names, LaTeX) cannot stand in for the work.
_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "z",
    "br",
    "ch",
    "dr",
    "gr",
    "kr",
    "pl",
    "sch",
    "sh",
    "st",
    "tr",
    "th",
    "",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "ie", "y"]
_CODAS = ["", "", "n", "r", "s", "l", "m", "t", "k", "nd", "rt", "st", "ng"]
_ACCENTS = [r"\'", r"\`", r"\"", r"\^", r"\~", r"\c", r"\v", r"\u", r"\="]


def _syllables(rng: random.Random, low: int, high: int) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.randint(low, high))
    )


def _accent(rng: random.Random, word: str) -> str:
    """``word`` with one letter under a LaTeX accent, in one of the spellings people write."""
    spots = [i for i, ch in enumerate(word) if ch.lower() in "aeiouncsz"]
    if not spots:
        return word
    i = rng.choice(spots)
    accent = rng.choice(_ACCENTS)
    letter = word[i]
    command = f"{accent}{{{letter}}}" if accent[-1].isalpha() else f"{accent}{letter}"
    return word[:i] + "{" + command + "}" + word[i + 1 :]


def _family(rng: random.Random, accented: bool) -> str:
    family = _syllables(rng, 1, 3).capitalize()
    if rng.random() < 0.15:
        family += "-" + _syllables(rng, 1, 2).capitalize()
    return _accent(rng, family) if accented else family


def _given(rng: random.Random, accented: bool) -> str:
    pick = rng.random()
    if pick < 0.35:  # initials, as PubMed and many styles write them
        return " ".join(f"{rng.choice('ABCDEFGHJKLMNPRSTVW')}." for _ in range(rng.randint(1, 2)))
    given = _syllables(rng, 1, 3).capitalize()
    if pick < 0.5:
        given += f" {rng.choice('ABCDEFGHJKLMNPRSTVW')}."
    return _accent(rng, given) if accented else given


def _name(rng: random.Random, accented: bool) -> str:
    family = _family(rng, accented)
    given = _given(rng, accented and rng.random() < 0.3)
    form = rng.random()
    if form < 0.6:
        return f"{family}, {given}"
    if form < 0.85:
        return f"{given} {family}"
    if form < 0.92:
        return f"{rng.choice(['van der', 'de', 'von', 'da', 'de la'])} {family}, {given}"
    if form < 0.97:
        return f"{family}, {rng.choice(['Jr.', 'Sr.', 'III'])}, {given}"
    return (
        "{" + _syllables(rng, 2, 3).capitalize() + " " + rng.choice(["Institute", "Group", "Society"]) + "}"
    )


def _word(rng: random.Random) -> str:
    return rng.choice(_WORDS) if rng.random() < 0.6 else _syllables(rng, 1, 4)


def _title(rng: random.Random, accented: bool) -> str:
    words = [_word(rng) for _ in range(rng.randint(5, 14))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(["{DNA}", "{MRI}", "{RCT}", "{EMG}"]))
    if accented:
        if rng.random() < 0.5:
            words.insert(rng.randrange(1, len(words)), rng.choice(_LATEX_TITLE_BITS))
        else:
            at = rng.randrange(len(words))
            words[at] = _accent(rng, words[at])
    return " ".join(words)


def generate_bib(entries: int, seed: int = 7) -> str:
    """The text of a .bib with ``entries`` entries (deterministic for a given seed)."""
    rng = random.Random(seed)
    out = [
        "% Generated by tests/benchmarks/bench_bibtex.py: synthetic, for timing only.\n",
        '@string{jospt = "Journal of Orthopaedic {\\&} Sports Physical Therapy"}\n',
        "@string{cphr = {Current Pain and Headache Reports}}\n\n",
    ]
    # Per-field chances of LaTeX markup, tuned so that about one field value in ten (after @string
    # resolution) carries some, as the issue asks; main() prints the share actually generated.
    share = 0.36
    for i in range(entries):
        fields: list[tuple[str, str]] = []
        n_authors = rng.randint(1, 6)
        authors_latex = rng.random() < share
        names = [_name(rng, authors_latex and (j == 0 or rng.random() < 0.2)) for j in range(n_authors)]
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
            text = " ".join(_word(rng) for _ in range(rng.randint(40, 120)))
            if rng.random() < share:
                text += r" Results were r{\'e}sum{\'e}d \& compared (p~<~0.05)."
            fields.append(("abstract", "{" + text + "}"))
        if rng.random() < 0.3:
            fields.append(("keywords", "{" + ", ".join(_word(rng) for _ in range(3)) + "}"))
        body = ",\n".join(f"  {name:<9} = {value}" for name, value in fields)
        out.append(f"@{rng.choice(_TYPES)}{{bench{i},\n{body}\n}}\n\n")
    return "".join(out)


def _contenders() -> dict[str, tuple[str, Callable[[str], Any]]]:
    import bibtexparser
    from bibtexparser import middlewares as m

    from needling_evidence.references.bibtex import read_bibtex

    def bare(text: str) -> Any:
        return bibtexparser.parse_string(text, parse_stack=[])

    def full(text: str) -> Any:
        stack = [m.LatexDecodingMiddleware(), m.SeparateCoAuthors(), m.SplitNameParts()]
        return bibtexparser.parse_string(text, append_middleware=stack)

    def ours(text: str) -> Any:
        return read_bibtex(text)

    return {
        "bare": ("bibtexparser bare parse (no middleware)", bare),
        "full": ("bibtexparser + LatexDecoding + SeparateCoAuthors + SplitNameParts", full),
        "ours": ("needling_evidence.read_bibtex (decode + names + checks)", ours),
    }


def _memory_kib(field: str) -> int:
    """``VmRSS`` (resident now) or ``VmHWM`` (peak resident) of this process, in KiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status (this benchmark measures memory on Linux)")


def _child(name: str, path: str) -> None:
    """Run one contender on the file and print ``seconds peak_growth_bytes entries`` (in its own process)."""
    run = _contenders()[name][1]
    text = Path(path).read_text(encoding="utf-8")
    gc.collect()
    # Reset the peak-RSS mark (Linux >= 4.0, proc(5) "clear_refs"), so the peak is that of the parse alone.
    # Where that is not allowed, the peak since start-up is the best there is (it then includes the read).
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        print("note: cannot reset the peak-RSS mark; memory includes reading the file", file=sys.stderr)
    before = _memory_kib("VmRSS")
    started = time.perf_counter()
    result = run(text)
    seconds = time.perf_counter() - started
    peak = _memory_kib("VmHWM")
    entries = len(result) if name == "ours" else len(result.entries)
    print(seconds, (peak - before) * 1024, entries)


def _run_child(name: str, path: Path, entries: int) -> tuple[float, float]:
    """One run of one contender in a fresh interpreter: (seconds, peak memory growth in MB)."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", name, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    parsed = int(out[2])
    assert parsed == entries, f"{name}: {parsed} entries, expected {entries}"
    return float(out[0]), float(out[1]) / 1e6


def _measure_size(path: Path, entries: int, names: list[str], repeats: int) -> dict[str, list[float]]:
    """``repeats`` rounds; in each, every contender once, in a fresh process, the order rotated from round to
    round — so a slow spell of the shared machine falls on all contenders, not on one block of runs."""
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(repeats):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            times[name].append(_run_child(name, path, entries)[0])
    return times


def _check_decoding(text: str) -> int:
    """Our decoded text (Reference.fields) against pylatexenc on every field value of ``text`` (after
    @string resolution and removal of the outer delimiters, which is what both decoders get): differences."""
    from pylatexenc.latex2text import LatexNodes2Text

    from needling_evidence.references.bibtex import iter_field_values, read_bibtex

    decoded = {ref.key: ref.fields for ref in read_bibtex(text)}
    decoder = LatexNodes2Text()
    differences = 0
    for key, name, value in iter_field_values(text):
        expected = decoder.latex_to_text(value)
        got = decoded[key][name]
        if got != expected:
            differences += 1
            if differences <= 10:
                print(
                    f"  DIFF {key}.{name}: {value!r}\n     pylatexenc {expected!r}\n     ours       {got!r}"
                )
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Prints a scaling table: ours / bare bibtexparser at each size (target <= 2x, issue 14).",
    )
    parser.add_argument(
        "--sizes", default="1000,20000,100000", help="entries per file (default 1000,20000,100000)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeats", type=int, default=3, help="interleaved rounds per size (default 3)")
    # bibtexparser's own middleware stack takes minutes at 100k entries: only on request
    parser.add_argument("--middleware", action="store_true", help="also time bibtexparser's middleware stack")
    parser.add_argument("--child", nargs=2, metavar=("CONTENDER", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0

    from needling_evidence.references.bibtex import iter_field_values

    names = ["bare", "ours"] + (["full"] if args.middleware else [])
    sizes = [int(n) for n in args.sizes.split(",")]
    rows = []
    for entries in sizes:
        text = generate_bib(entries, args.seed)
        values = list(iter_field_values(text))  # (key, field, value after @string resolution)
        with_latex = sum(1 for _, _, value in values if "\\" in value)
        distinct = len({v for _, f, v in values if f == "author"}) / max(
            1, sum(f == "author" for _, f, _ in values)
        )
        print(
            f"{entries:,} entries, {len(text) / 1e6:.1f} MB, {len(values):,} field values, "
            f"{with_latex / len(values):.1%} with LaTeX, {distinct:.1%} of author lists distinct"
        )
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory, "bench.bib")
            path.write_text(text, encoding="utf-8")
            rows.append((entries, _measure_size(path, entries, names, args.repeats)))
    print()
    print(f"seconds, min / median of {args.repeats} interleaved fresh-process runs")
    print(
        f"{'entries':>9}  " + "  ".join(f"{n:>15}" for n in names) + "  ours/bare (min)  ours/bare (median)"
    )
    within = True
    for entries, times in rows:
        cells = "  ".join(f"{min(times[n]):7.3f} {statistics.median(times[n]):7.3f}" for n in names)
        ratio_min = min(times["ours"]) / min(times["bare"])
        ratio_med = statistics.median(times["ours"]) / statistics.median(times["bare"])
        within = within and ratio_min <= 2.0
        print(f"{entries:>9,}  {cells}  {ratio_min:15.2f}x  {ratio_med:17.2f}x")
    differences = _check_decoding(generate_bib(sizes[0], args.seed))
    print(f"decoded field values compared with pylatexenc at {sizes[0]:,} entries: differences {differences}")
    print("RESULT:", "within 2x of the bare parse" if within else "NOT within 2x of the bare parse")
    return 0 if differences == 0 and within else 1


if __name__ == "__main__":
    sys.exit(main())
