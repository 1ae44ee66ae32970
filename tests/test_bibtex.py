"""read_bibtex on exports modelled on Zotero, JabRef, Mendeley, PubMed (TeXMed) and a hand-written file."""

from __future__ import annotations

from pathlib import Path

import pytest

from needling_evidence import read_bibtex
from needling_evidence.errors import InputError, StrictError
from needling_evidence.model import Person
from needling_evidence.references.bibtex import looks_like_bibtex
from needling_evidence.references.names import OTHERS

DATA = Path(__file__).parent / "data" / "bib"
BUNDLED = (
    Path(__file__).parents[1] / "src" / "needling_evidence" / "datasets" / "dry_needling" / "references.bib"
)

GATTIE_TITLE = (
    "The Effectiveness of Trigger Point Dry Needling for Musculoskeletal Conditions by Physical Therapists: "
    "A Systematic Review and Meta-analysis"
)
GATTIE_AUTHORS = (
    Person(family="Gattie", given="Eric"),
    Person(family="Cleland", given="Joshua A."),
    Person(family="Snodgrass", given="Suzanne"),
)


def line_of(path: Path, text: str) -> int:
    """1-based line on which ``text`` first occurs in the file (computed independently of the reader)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def codes(refs: object) -> list[str]:
    return [p.code for p in refs.problems]  # type: ignore[attr-defined]


# --- the bundled bibliography -------------------------------------------------------------------------------


def test_bundled_references_read_with_every_field() -> None:
    refs = read_bibtex(BUNDLED)
    assert [r.key for r in refs] == ["gattie2017", "cagnie2013", "rodine2015"]
    assert refs.problems == ()
    gattie = refs[0]
    assert gattie.type == "article-journal"
    assert gattie.title == GATTIE_TITLE  # wrapped across two lines in the file: one space here
    assert gattie.authors == GATTIE_AUTHORS
    assert (gattie.year, gattie.volume, gattie.issue, gattie.pages) == (2017, "47", "3", "133–149")
    assert gattie.container_title == "Journal of Orthopaedic & Sports Physical Therapy"
    assert gattie.doi == "10.2519/jospt.2017.7096"
    assert gattie.fields["pages"] == "133–149"
    assert "pages     = {133--149}" in (gattie.raw or "")  # the raw block keeps what the user wrote
    assert gattie.file == str(BUNDLED)
    assert gattie.line == line_of(BUNDLED, "@article{gattie2017,")
    rodine = refs[2]
    assert rodine.doi is None
    assert rodine.authors == (Person(family="Rodine", given="R."),)
    assert "Fernández-de-las-Peñas" in (rodine.note or "")


# --- one file per exporter ----------------------------------------------------------------------------------


def test_zotero_export() -> None:
    path = DATA / "zotero.bib"
    refs = read_bibtex(path)
    assert refs.problems == ()
    gattie, cagnie, who, book = refs
    assert gattie.key == "gattie_effectiveness_2017"
    assert gattie.title == GATTIE_TITLE  # Zotero's {Brace} {Protected} {Words} come out plain
    assert gattie.authors == GATTIE_AUTHORS
    assert gattie.url == "https://www.jospt.org/doi/10.2519/jospt.2017.7096"
    assert gattie.fields["urldate"] == "2024-01-10"
    assert gattie.fields["file"].startswith("Full Text PDF:/home/reader/Zotero/storage/")
    assert gattie.line == line_of(path, "@article{gattie_effectiveness_2017,")
    assert cagnie.keywords == ("Dry needling", "Myofascial pain", "Trigger points")
    assert len(cagnie.authors) == 6 and cagnie.authors[-1] == Person(family="Meeus", given="Mira")
    assert who.type == "report"
    assert who.authors == (Person(literal="World Health Organization"),)  # corporate author
    assert who.publisher == "World Health Organization"  # institution of a report
    assert book.type == "book"
    assert book.authors[0] == Person(family="Fernández-de-las-Peñas", given="César")
    assert (book.publisher, book.isbn, book.fields["edition"]) == (
        "Fictional Press",
        "978-0-00-000000-2",
        "2",
    )


def test_jabref_export() -> None:
    path = DATA / "jabref.bib"
    refs = read_bibtex(path)
    assert refs.problems == ()
    cagnie, mueller, berg = refs
    assert cagnie.container_title == "Current Pain and Headache Reports"  # from the @String macro
    assert cagnie.authors[0] == Person(family="Cagnie", given="Barbara")  # "First Last" form
    assert mueller.authors == (
        Person(family="Müller", given="Jürgen"),
        Person(family="Šimunek", given="Petr"),
        OTHERS,
    )
    assert mueller.month == 6
    assert mueller.title == "A fictional trial of EMG-guided needling – methods and results"
    assert berg.type == "paper-conference"
    assert berg.container_title == "Proceedings of the Fictional Congress on Pain"
    assert berg.authors == (
        Person(family="Berg", given="Anna", particle="van der"),
        Person(family="Fuente", given="Luis", particle="de la"),
        Person(family="Smith", given="John", suffix="Jr."),
    )
    assert berg.title == "Needling & ultrasound: a fictional conference paper"
    assert berg.line == line_of(path, "@InProceedings{vanderBerg2021,")


def test_mendeley_export_and_its_duplicates() -> None:
    path = DATA / "mendeley.bib"
    refs = read_bibtex(path)
    assert [r.key for r in refs] == ["Rodine2015", "Gattie2017", "Gattie2017a", "Cagnie2013", "Cagnie2013a"]
    rodine, gattie, gattie_a, cagnie, cagnie_a = refs
    assert (
        rodine.title == "Trigger Point Dry Needling: An Evidenced and Clinical-Based Approach"
    )  # {{…}} unwrapped
    assert gattie.keywords == ("dry needling", "myofascial pain", "trigger point")
    assert "50% of a sentence" in (gattie.abstract or "") and "2–3 weeks" in (gattie.abstract or "")
    assert gattie_a.doi == gattie.doi == "10.2519/jospt.2017.7096"  # upper-case DOI normalised
    # every duplicate is reported, both entries are kept
    duplicates = [p for p in refs.problems if p.code == "bibtex.duplicate_work"]
    assert [(p.key, p.line) for p in duplicates] == [
        ("Gattie2017a", line_of(path, "@article{Gattie2017a,")),
        ("Cagnie2013a", line_of(path, "@article{Cagnie2013a,")),
    ]
    assert "same DOI" in duplicates[0].message and "Gattie2017" in duplicates[0].message
    assert "same title, year and first author" in duplicates[1].message
    assert all(p.file == str(path) and p.severity == "warning" for p in duplicates)
    assert cagnie.doi is None and cagnie_a.title == "Physiologic Effects of Dry Needling"


def test_pubmed_texmed_export() -> None:
    refs = read_bibtex(DATA / "pubmed_texmed.bib")
    assert refs.problems == ()
    first, second = refs
    assert first.authors == (
        Person(family="Nguyen", given="T."),
        Person(family="Kim", given="H. S."),
        Person(family="O'Brien", given="M."),
    )
    assert (
        first.title
        == "Dry needling versus sham for chronic neck pain: a fictional randomized controlled trial"
    )
    assert (first.month, first.pmid, first.pages) == (4, "90000001", "211–219")
    assert second.pmid == "90000002"  # eprint + eprinttype = pubmed (biblatex)
    assert second.month == 11


def test_hand_written_file() -> None:
    path = DATA / "handwritten.bib"
    refs = read_bibtex(path)
    by_key = refs.by_key()
    assert list(by_key) == [
        "gattie2017",
        "rodine2015",
        "accents2016",
        "oneline2022",
        "badoi2020",
        "notitle2021",
        "after2018",
    ]
    gattie = by_key["gattie2017"]
    assert gattie.authors == GATTIE_AUTHORS  # the first gattie2017, not the duplicate
    assert gattie.container_title == "Journal of Orthopaedic & Sports Physical Therapy"  # @string, quoted
    assert (gattie.year, gattie.volume, gattie.issue) == (2017, "47", "3")  # bare numbers
    assert gattie.title == GATTIE_TITLE
    assert gattie.doi == "10.2519/jospt.2017.7096"  # given as a doi.org URL in the doi field
    rodine = by_key["rodine2015"]  # a (…)-delimited entry with "…" values
    assert rodine.container_title == "The Journal of the Canadian Chiropractic Association"  # @STRING
    assert (rodine.year, rodine.pages) == (2015, "84")
    accents = by_key["accents2016"]
    assert [a.display for a in accents.authors] == [
        "Dvořák, Antonín",
        "Öztürk, Ayşe",
        "Wałęsa, Lech",
        "Jørgensen, Søren",
    ]
    assert (
        accents.title
        == "Naïve versus expert needling—a fictional étude on “sham” controls\u00a0in 50% of sites"
    )
    assert accents.container_title == "Fictional Acta Physiother Spring Issue"  # # concatenation with a macro
    assert accents.month == 3
    one_line = by_key["oneline2022"]
    assert one_line.type == "document"
    assert one_line.doi == "10.5555/fictional.oneline.2022"  # a DOI given only as a doi.org URL in url
    assert by_key["after2018"].month == 9  # month macro
    assert by_key["after2018"].line == line_of(path, "@book{after2018,")


def test_hand_written_file_problems_have_file_line_and_stable_codes() -> None:
    path = DATA / "handwritten.bib"
    refs = read_bibtex(path)
    found = {(p.code, p.line, p.key) for p in refs.problems}
    assert found == {
        ("doi.malformed", line_of(path, "@article{badoi2020,"), "badoi2020"),
        ("bibtex.missing_field", line_of(path, "@article{notitle2021,"), "notitle2021"),
        ("bibtex.duplicate_key", line_of(path, "A second entry that reuses a key") - 2, "gattie2017"),
        ("bibtex.parse_failed", line_of(path, "@article{broken2019,"), None),
    }
    assert all(p.file == str(path) for p in refs.problems)
    malformed = next(p for p in refs.problems if p.code == "doi.malformed")
    assert malformed.field == "doi" and "10.55/not a doi" in malformed.message
    assert refs.by_key()["badoi2020"].doi is None
    assert refs.by_key()["badoi2020"].fields["doi"] == "10.55/not a doi"  # kept as written
    failed = next(p for p in refs.problems if p.code == "bibtex.parse_failed")
    assert failed.raw is not None and failed.raw.startswith("@article{broken2019,")
    duplicate = next(p for p in refs.problems if p.code == "bibtex.duplicate_key")
    assert duplicate.raw is not None and "A second entry that reuses a key" in duplicate.raw
    missing = next(p for p in refs.problems if p.code == "bibtex.missing_field")
    assert "no title" in missing.message and "no year" in missing.message


def test_strict_raises_with_the_problems() -> None:
    with pytest.raises(StrictError) as caught:
        read_bibtex(DATA / "handwritten.bib", strict=True)
    assert {p.code for p in caught.value.problems} >= {"doi.malformed", "bibtex.parse_failed"}
    assert "handwritten.bib" in str(caught.value)
    assert len(read_bibtex(DATA / "zotero.bib", strict=True)) == 4  # no problems: no error


# --- text or path -------------------------------------------------------------------------------------------


def test_text_or_path_rule() -> None:
    assert looks_like_bibtex("@article{k, title={T}}")
    assert looks_like_bibtex("% comment\n@misc{k,\n}")
    assert not looks_like_bibtex("refs@2020.bib")
    assert not looks_like_bibtex("references.bib")
    refs = read_bibtex("@article{k,\n  title = {T},\n  author = {A, B},\n  year = 2001\n}\n")
    assert refs[0].key == "k" and refs[0].file is None and refs[0].line == 1
    assert read_bibtex(str(DATA / "zotero.bib"))[0].file == str(DATA / "zotero.bib")  # a str path
    with pytest.raises(InputError, match=r"refs@2020\.bib"):
        read_bibtex("refs@2020.bib")


def test_empty_text_gives_no_references() -> None:
    refs = read_bibtex("")
    assert len(refs) == 0 and refs.problems == ()


# --- values -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        ("jan", 1),
        ("{January}", 1),
        ("{jan.}", 1),
        ('"Sept"', 9),
        ("{9}", 9),
        ("12", 12),
        ("{03}", 3),
        ("{Spring}", None),
    ],
)
def test_month_forms(month: str, expected: int | None) -> None:
    refs = read_bibtex(
        f"@article{{k,\n  title = {{T}},\n  author = {{A, B}},\n  year = 2001,\n  month = {month}\n}}"
    )
    assert refs[0].month == expected


def test_concatenation_and_macros_in_strings() -> None:
    text = (
        '@string{first = "Journal of "}\n'
        "@string{both = first # {Fictional Pain}}\n"
        "@article{k,\n  title = {T},\n  author = {A, B},\n  year = 2001,\n  journal = both # { Research},\n"
        '  note = "A " # "B" # {C},\n  month = jan # {~} # {1},\n}\n'
    )
    ref = read_bibtex(text)[0]
    assert ref.container_title == "Journal of Fictional Pain Research"
    assert ref.note == "A BC"
    assert ref.fields["month"] == "January\u00a01"


def test_undefined_macro_is_a_problem_and_its_name_is_kept() -> None:
    refs = read_bibtex(
        "@article{k,\n  title = {T},\n  author = {A, B},\n  year = 2001,\n  journal = nosuchjournal\n}"
    )
    assert refs[0].container_title == "nosuchjournal"
    assert [(p.code, p.line, p.severity) for p in refs.problems] == [
        ("bibtex.undefined_string", 1, "warning")
    ]


def test_duplicate_field_keeps_first_and_reports() -> None:
    refs = read_bibtex(
        "\n@article{k,\n  title = {First},\n  title = {Second},\n  author = {A, B},\n  year = 2001\n}"
    )
    assert refs[0].title == "First"
    assert [(p.code, p.line, p.field) for p in refs.problems] == [("bibtex.duplicate_field", 2, "title")]


def test_doi_in_eprint_and_upper_case_prefix() -> None:
    text = (
        "@article{a,\n  title={T}, author={A, B}, year=2001,\n  eprint={10.5555/ABC.1}, eprinttype={doi}\n}\n"
        "@article{b,\n  title={U}, author={C, D}, year=2002,\n  DOI={doi:10.5555/XYZ.2}\n}\n"
    )
    a, b = read_bibtex(text)
    assert a.doi == "10.5555/abc.1"
    assert b.doi == "10.5555/xyz.2" and b.fields["doi"] == "doi:10.5555/XYZ.2"


def test_sici_doi_survives_unchanged_in_a_verbatim_field() -> None:
    sici = "10.1002/(SICI)1097-4636(199812)43:4<367::AID-JBM4>3.0.CO;2-#"
    ref = read_bibtex("@article{k,\n  title={T}, author={A, B}, year=1998,\n  doi={" + sici + "}\n}")[0]
    assert ref.doi == sici.lower()
    assert ref.fields["doi"] == sici


def test_missing_key_is_a_problem() -> None:
    refs = read_bibtex("@article{,\n  title={T}, author={A, B}, year=2001\n}")
    assert len(refs) == 0
    assert [p.code for p in refs.problems] == ["bibtex.missing_key"]


def test_types_are_mapped_by_the_table() -> None:
    text = "".join(
        f"@{t}{{k{i},\n  title={{T{i}}}, author={{A, B}}, year=2001\n}}\n"
        for i, t in enumerate(
            ["article", "book", "incollection", "inproceedings", "phdthesis", "misc", "online", "weird"]
        )
    )
    types = [r.type for r in read_bibtex(text)]
    assert types == [
        "article-journal",
        "book",
        "chapter",
        "paper-conference",
        "thesis",
        "document",
        "webpage",
        "document",
    ]


def test_chapter_container_is_the_booktitle() -> None:
    text = "@incollection{k,\n  title={Ch}, booktitle={The Book}, author={A, B}, year=2001, pages={3--9}\n}"
    ref = read_bibtex(text)[0]
    assert ref.container_title == "The Book" and ref.pages == "3–9"


def test_editors_and_keywords_with_semicolons() -> None:
    text = "@book{k,\n  title={T}, editor={Doe, Jane and Roe, Rick}, year=2001, keywords={a; b;c}\n}"
    refs = read_bibtex(text)
    assert refs[0].editors == (Person(family="Doe", given="Jane"), Person(family="Roe", given="Rick"))
    assert refs[0].keywords == ("a", "b", "c")
    assert refs.problems == ()  # an editor stands in for a missing author


def test_mendeley_escaped_underscores_in_a_url_are_undone() -> None:
    # Mendeley writes `url = {https://…/jospt\_2017\_7096}`; the backslashes made the URL unusable.
    text = (
        "@article{k,\n  title={T}, author={A, B}, year=2017,\n"
        "  url={https://www.example.org/doi/jospt\\_2017\\_7096?a=1\\&b=50\\%25\\#x}\n}"
    )
    ref = read_bibtex(text)[0]
    assert ref.url == "https://www.example.org/doi/jospt_2017_7096?a=1&b=50%25#x"
    assert ref.fields["url"] == ref.url
    assert "jospt\\_2017" in (ref.raw or "")  # what the file says is kept in raw


def test_a_comment_line_before_a_field_does_not_swallow_the_field() -> None:
    # biber reads `%` comments inside entries; bibtexparser folds the comment into the next field's name, so
    # `note` became a field called "% a comment\n  note" and the reference lost its note without a problem.
    text = (
        "@article{k,\n  title = {T}, author = {A, B}, year = 2001,\n"
        "  % a comment inside the entry\n  note = {Line one\n          line two},\n"
        "  % doi = {10.5555/commented.out},\n}"
    )
    refs = read_bibtex(text)
    (ref,) = refs
    assert ref.note == "Line one line two"
    assert ref.doi is None  # a commented-out field stays out
    assert refs.problems == ()


def test_crossref_children_inherit_the_parents_missing_fields() -> None:
    # A paper with `crossref = {parent}` (BibTeX's and biblatex's way to share a proceedings' data) was read
    # without year, editors or publisher, and warned "no year" although the file gives one.
    text = (
        '@inproceedings{child,\n  author = {M\\"uller, J.}, title = {A paper},\n  pages = {1--9},\n'
        "  crossref = {Proc2019}\n}\n\n"
        "@inproceedings{own,\n  author = {Doe, J.}, title = {Another paper}, year = {2018},\n"
        "  booktitle = {Its Own Book}, crossref = {proc2019}\n}\n\n"
        "@article{orphan,\n  author = {Roe, R.}, title = {T}, crossref = {nowhere}\n}\n\n"
        "@proceedings{proc2019,\n  title = {Proceedings of Something}, year = {2019}, month = jun,\n"
        "  editor = {Smith, A.}, publisher = {ACM}, volume = {3}, isbn = {978-1-4503-0000-0},\n"
        "  doi = {10.5555/the.book}\n}\n"
    )
    refs = read_bibtex(text)
    child, own, orphan, parent = refs
    assert (child.year, child.month, child.publisher, child.volume) == (2019, 6, "ACM", "3")
    assert child.editors == (Person(family="Smith", given="A."),)
    assert child.container_title == "Proceedings of Something"
    assert child.isbn == "978-1-4503-0000-0"
    assert child.doi is None  # the book's DOI is not the paper's
    assert (child.title, child.pages) == ("A paper", "1–9")
    assert "year" not in child.fields  # fields stay what the entry itself says
    # what the child gives itself wins
    assert (own.year, own.container_title) == (2018, "Its Own Book")
    assert parent.year == 2019 and orphan.year is None
    assert [(p.code, p.key) for p in refs.problems] == [
        ("bibtex.undefined_crossref", "orphan"),
        ("bibtex.missing_field", "orphan"),
    ]


def test_reading_pauses_the_cyclic_collector_and_restores_it() -> None:
    import gc

    from needling_evidence.references import bibtex

    assert gc.isenabled()
    read_bibtex("@article{a, title={T}, author={Doe, J.}, year=2020}\n")
    assert gc.isenabled()  # restored after a read
    gc.disable()
    try:
        read_bibtex("@article{a, title={T}, year=2020}\n")
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()
    try:
        with bibtex._cyclic_gc_paused():
            assert not gc.isenabled()
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert gc.isenabled()  # restored on error too
