"""BibTeX name splitting: the three BibTeX forms, particles, suffixes, corporate authors, ``and others``."""

from __future__ import annotations

import pytest

from needling_evidence.model import Person
from needling_evidence.references.names import OTHERS, parse_name, split_names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Last, First (what Zotero, Mendeley and JabRef write)
        ("Gattie, Eric", Person(family="Gattie", given="Eric")),
        ("Cleland, Joshua A.", Person(family="Cleland", given="Joshua A.")),
        ("Rodine, R.", Person(family="Rodine", given="R.")),
        # First Last
        ("Barbara Cagnie", Person(family="Cagnie", given="Barbara")),
        ("Joshua A. Cleland", Person(family="Cleland", given="Joshua A.")),
        ("Cagnie", Person(family="Cagnie")),
        # von parts
        ("van der Berg, Anna", Person(family="Berg", given="Anna", particle="van der")),
        ("Anna van der Berg", Person(family="Berg", given="Anna", particle="van der")),
        ("Ludwig van Beethoven", Person(family="Beethoven", given="Ludwig", particle="van")),
        ("de la Fuente, Luis", Person(family="Fuente", given="Luis", particle="de la")),
        ("De la Fuente, Luis", Person(family="Fuente", given="Luis", particle="De la")),  # BibTeX's rule
        ("{Van} Gogh, Vincent", Person(family="Van Gogh", given="Vincent")),  # protected: not a particle
        # suffixes
        ("Smith, Jr., John", Person(family="Smith", given="John", suffix="Jr.")),
        (
            "Smith, John, Jr.",
            Person(family="Smith", given="John", suffix="Jr."),
        ),  # common slip, read as meant
        ("Smith Jr., John", Person(family="Smith", given="John", suffix="Jr.")),
        ("John Smith Jr.", Person(family="Smith", given="John", suffix="Jr.")),
        ("King, III, Martin", Person(family="King", given="Martin", suffix="III")),
        # LaTeX inside names
        (r"M{\"u}ller, J{\"u}rgen", Person(family="Müller", given="Jürgen")),
        (r"{\v{S}}imunek, Petr", Person(family="Šimunek", given="Petr")),
        (
            r"Fern{\'a}ndez-de-las-Pe{\~n}as, C{\'e}sar",
            Person(family="Fernández-de-las-Peñas", given="César"),
        ),
        (r"{\'E}mile Durand", Person(family="Durand", given="Émile")),
        (r"\'Emile Durand", Person(family="Durand", given="Émile")),
        (r"{\'e}mile durand", Person(family="durand", particle="émile")),  # all lower case: BibTeX's von
        ("O'Brien, M.", Person(family="O'Brien", given="M.")),
        ("Jean~Dupont", Person(family="Dupont", given="Jean")),  # ~ is a tie between words
        # corporate authors
        ("{World Health Organization}", Person(literal="World Health Organization")),
        ("{Cochrane Back and Neck Group}", Person(literal="Cochrane Back and Neck Group")),
        (
            "{American Physical Therapy Association (APTA)}",
            Person(literal="American Physical Therapy Association (APTA)"),
        ),
        ("others", OTHERS),
    ],
)
def test_parse_name(name: str, expected: Person) -> None:
    assert parse_name(name) == expected


def test_split_names_keeps_order_and_others_marker() -> None:
    names = split_names("Gattie, Eric and Cleland, Joshua A. AND Snodgrass, Suzanne and others")
    assert [p.display for p in names] == [
        "Gattie, Eric",
        "Cleland, Joshua A.",
        "Snodgrass, Suzanne",
        "others",
    ]
    assert names[-1] == OTHERS


def test_and_inside_braces_does_not_split() -> None:
    names = split_names(
        "{Cochrane Back and Neck Group} and Smith, John and {Research {and} Development Unit}"
    )
    assert names == (
        Person(literal="Cochrane Back and Neck Group"),
        Person(family="Smith", given="John"),
        Person(literal="Research and Development Unit"),
    )


def test_words_containing_and_are_not_separators() -> None:
    assert split_names("Anderson, Alexandra and Sandberg, Andrea") == (
        Person(family="Anderson", given="Alexandra"),
        Person(family="Sandberg", given="Andrea"),
    )


def test_line_wrapped_name_list() -> None:
    names = split_names(
        "Cagnie, Barbara and Dewitte, Valentine and Barbe, Tom and Timmermans, Frank and Delrue, "
        "Nicolas\n   and Meeus, Mira"
    )
    assert len(names) == 6 and names[-1] == Person(family="Meeus", given="Mira")


def test_empty_and_blank() -> None:
    assert split_names("") == ()
    assert split_names("   ") == ()


def test_same_parts_as_bibtexparser_on_the_fixtures_and_the_benchmark_names() -> None:
    """bibtexparser's own name splitter (a reimplementation of BibTeX's rules) as an independent oracle."""
    import re
    import sys
    from pathlib import Path

    from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names

    from needling_evidence.references.bibtex import iter_field_values
    from needling_evidence.references.latex import latex_to_text

    here = Path(__file__).parent
    sys.path.insert(0, str(here / "benchmarks"))
    try:
        from bench_bibtex import generate_bib  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(here / "benchmarks"))
    texts = [path.read_text(encoding="utf-8") for path in sorted((here / "data" / "bib").glob("*.bib"))]
    texts.append(generate_bib(500, seed=11))

    def joined(words: list[str]) -> str | None:
        return " ".join(latex_to_text(" ".join(words)).split()) or None

    compared = 0
    for text in texts:
        for _key, field, value in iter_field_values(text):
            if field not in ("author", "editor"):
                continue
            theirs = split_multiple_persons_names(value)
            written = [part.strip() for part in re.split(r"\s+and\s+", value, flags=re.IGNORECASE)]
            ours = split_names(value)
            assert len(ours) == len(theirs), value
            for person, name in zip(ours, theirs, strict=True):
                # bibtexparser 2.1 drops an accent command that starts a name ("\"{O}zt..." -> "{O}zt...")
                if name.strip().lower() == "others" or name.strip() not in written:
                    continue
                parts = parse_single_name_into_parts(name)
                expected = (joined(parts.last), joined(parts.first), joined(parts.von), joined(parts.jr))
                if person.literal:
                    assert expected == (person.literal, None, None, None), name
                else:
                    assert expected == (person.family, person.given, person.particle, person.suffix), name
                compared += 1
    assert compared > 1000


def test_the_fast_path_for_plain_names_gives_what_the_general_reader_gives() -> None:
    # parse_name reads the commonest plain forms directly (names._plain); it must never differ from the full
    # BibTeX reading (names._general) — checked on awkward names and on generated ones with and without markup
    import random
    import sys
    from pathlib import Path

    from needling_evidence.references import names

    bench = str(Path(__file__).parent / "benchmarks")
    sys.path.insert(0, bench)
    try:
        from bench_bibtex import _name  # type: ignore[import-not-found]
    finally:
        sys.path.remove(bench)
    rng = random.Random(1)
    cases = [_name(rng, rng.random() < 0.3) for _ in range(3000)] + [
        "Plato", "van Beethoven, Ludwig", "Jean de la Fontaine", "Smith, Jr., John", "John Smith Jr.",
        "John Smith Jr", "(Jack) Smith", "O'Brien, Pat", "Ǆemal Bijedić", "a b", "Anna-Lena Müller",
        " Smith , John ", "J. R. R. Tolkien", "Tolkien, J. R. R.", "1st Person", "Person 2nd", "A B iii",
        "Smith, John\tPaul", "Smith\u00a0Jones, A", "ß Müller", "ibn Sina", "Doe, ", ", John", "Smith, , J",
    ]  # fmt: skip
    read_fast = 0
    for case in cases:
        name = case.strip().rstrip(",").strip()
        fast = names._plain(name)
        if fast is not None:
            read_fast += 1
            assert fast == names._general(name), case
    assert read_fast > len(cases) // 3  # the fast path is taken, so the comparison means something
