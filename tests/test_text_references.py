"""parse_references: pasted reference lists (APA, Vancouver; numbered, bulleted, wrapped, markdown).

The article's own list is checked field by field against what it prints (and /work/main/references.bib); the
fixtures in tests/data/refs/ imitate real exports (see their README: real works only where the metadata is
established, everything else fictional with 10.5555/ DOIs).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from needling_evidence.datasets import dry_needling_path
from needling_evidence.errors import StrictError, UsageError
from needling_evidence.model import Person, Reference, ReferenceList
from needling_evidence.references.text import (
    ET_AL,
    MAX_REFERENCE_CHARS,
    parse_references,
    reference_key,
)

DATA = Path(__file__).parent / "data" / "refs"


def _parse_file(name: str) -> ReferenceList:
    path = DATA / name
    return parse_references(path.read_text(encoding="utf-8"), source=str(path))


def _names(ref: Reference) -> list[tuple[str | None, str | None]]:
    return [(p.family, p.given) for p in ref.authors]


# --- the bundled article's own reference list ---------------------------------------------------------------


def _check_article_references(refs: ReferenceList, first_line: int, source: str, lines: list[str]) -> None:
    assert refs.problems == ()
    assert [r.key for r in refs] == ["gattie2017", "cagnie2013", "rodine2015"]
    gattie, cagnie, rodine = refs

    assert gattie.type == "article-journal"
    assert _names(gattie) == [("Gattie", "E."), ("Cleland", "J. A."), ("Snodgrass", "S.")]
    assert gattie.year == 2017
    assert gattie.title == (
        "The Effectiveness of Trigger Point Dry Needling for Musculoskeletal Conditions by Physical "
        "Therapists: A Systematic Review and Meta-analysis"
    )
    assert gattie.container_title == "The Journal of orthopaedic and sports physical therapy"
    assert (gattie.volume, gattie.issue, gattie.pages) == ("47", "3", "133–149")
    assert gattie.doi == "10.2519/jospt.2017.7096"
    assert (gattie.pmid, gattie.pmcid, gattie.url) == (None, None, None)
    assert gattie.fields["label"] == "1"
    assert gattie.confidence == 1.0

    assert cagnie.type == "article-journal"
    assert _names(cagnie) == [
        ("Cagnie", "B."),
        ("Dewitte", "V."),
        ("Barbe", "T."),
        ("Timmermans", "F."),
        ("Delrue", "N."),
        ("Meeus", "M."),
    ]
    assert cagnie.year == 2013
    assert cagnie.title == "Physiologic effects of dry needling"
    assert cagnie.container_title == "Current pain and headache reports"
    assert (cagnie.volume, cagnie.issue, cagnie.pages) == ("17", "8", "348")
    assert cagnie.doi == "10.1007/s11916-013-0348-5"
    assert cagnie.fields["label"] == "2"
    assert cagnie.confidence == 1.0

    assert rodine.type == "article-journal"
    assert _names(rodine) == [("Rodine", "R.")]
    assert rodine.year == 2015
    assert rodine.title == "Trigger Point Dry Needling: An Evidenced and Clinical-Based Approach"
    assert rodine.container_title == "The Journal of the Canadian Chiropractic Association"
    assert (rodine.volume, rodine.issue, rodine.pages) == ("59", "1", "84")
    assert rodine.doi is None
    assert rodine.url is None
    assert rodine.fields["label"] == "3"
    assert rodine.confidence == 1.0

    for offset, ref in enumerate(refs):
        assert ref.file == source
        assert ref.line == first_line + offset
        assert ref.raw == lines[offset]  # unchanged: two leading spaces, label, trailing no-break space
        assert all(p.literal is None and p.particle is None and p.suffix is None for p in ref.authors)


def test_bundled_reference_list_every_field() -> None:
    path = dry_needling_path("references.txt")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("  1. ") and lines[0].endswith("\u00a0")  # the fixture is what we think it is
    _check_article_references(parse_references(text, source=str(path)), 1, str(path), lines)


def test_same_lines_inside_the_article() -> None:
    path = dry_needling_path("article.txt")
    all_lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(all_lines) if line.startswith("  1. Gattie"))
    section = "\n".join(all_lines[first : first + 3])  # the list ends at the blank line before the byline
    refs = parse_references(section, source=str(path), start_line=first + 1)
    _check_article_references(refs, first + 1, str(path), all_lines[first : first + 3])


def test_keys_match_bundled_bibtex() -> None:
    bib = dry_needling_path("references.bib").read_text(encoding="utf-8")
    refs = parse_references(dry_needling_path("references.txt").read_text(encoding="utf-8"))
    for ref in refs:
        assert f"{{{ref.key}," in bib


# --- exports people paste -----------------------------------------------------------------------------------


def test_pubmed_vancouver() -> None:
    refs = _parse_file("pubmed_vancouver.txt")
    assert refs.problems == ()
    assert [r.key for r in refs] == ["gattie2017", "cagnie2013", "quill2021", "nunezdelavega2019"]
    gattie, cagnie, quill, nunez = refs
    assert _names(gattie) == [("Gattie", "E"), ("Cleland", "JA"), ("Snodgrass", "S")]
    assert gattie.container_title == "J Orthop Sports Phys Ther"
    assert (gattie.year, gattie.volume, gattie.issue, gattie.pages) == (2017, "47", "3", "133–149")
    assert gattie.doi == "10.2519/jospt.2017.7096"
    assert cagnie.authors[-1] == Person(family="Meeus", given="M")
    assert (cagnie.container_title, cagnie.pages) == ("Curr Pain Headache Rep", "348")

    assert _names(quill)[:3] == [("Quill", "AB"), ("Marsh-Doe", "CD"), ("Test", "EF")]
    assert quill.authors[2].particle == "van der"
    assert quill.authors[-1] == ET_AL
    assert quill.title == "A fictional trial of test parsing in wrapped reference lists"
    assert (quill.year, quill.month, quill.volume, quill.issue, quill.pages) == (
        2021,
        3,
        "14",
        "2",
        "101–109",
    )
    assert (quill.doi, quill.pmid, quill.pmcid) == ("10.5555/fict.2021.0001", "99999901", "PMC9999901")
    assert quill.fields["epub"] == "Epub 2021 Jan 12"
    assert quill.confidence == 1.0

    assert nunez.container_title == "Test Med J (Engl)"
    assert (nunez.year, nunez.month, nunez.pages, nunez.pmid) == (2019, 11, "e1234", "99999902")
    assert [r.line for r in refs] == [1, 2, 3, 4]
    assert all("label" not in r.fields for r in refs)


def test_google_scholar_apa() -> None:
    refs = _parse_file("scholar_apa.txt")
    assert refs.problems == ()
    gattie, cagnie, quill = refs
    assert gattie.container_title == "journal of orthopaedic & sports physical therapy"
    assert gattie.pages == "133–149"
    assert gattie.doi is None
    assert cagnie.line == 3
    assert quill.title == "A fictional survey of copy-paste habits: does it work?"
    assert quill.container_title == "Journal of Fictional Test Studies"
    assert (quill.volume, quill.issue, quill.pages) == ("3", "1", "1–12")


def test_zotero_apa7_types() -> None:
    refs = _parse_file("zotero_apa7.txt")
    assert refs.problems == ()
    keys = [r.key for r in refs]
    assert keys == [
        "gattie2017",
        "nunezdelavega2022",
        "quill2018",
        "pike2019",
        "fictionalguidelinesgroup2021",
        "alpha2023",
    ]
    article, particle, book, chapter, web, many = refs
    assert article.container_title == "Journal of Orthopaedic & Sports Physical Therapy"
    assert particle.authors[1] == Person(family="Test", given="E. F.", particle="van der")
    assert particle.pages == "e0107"
    assert (book.type, book.title, book.publisher) == (
        "book",
        "A fictional handbook of reference parsing",
        "Example Press",
    )
    assert book.fields["edition"] == "2nd ed."
    assert chapter.type == "chapter"
    assert chapter.title == "Fictional chapters and their pages"
    assert chapter.container_title == "A fictional companion to test parsing"
    assert [p.family for p in chapter.editors] == ["Quill", "Marsh-Doe"]
    assert (chapter.pages, chapter.publisher) == ("45–67", "Example Press")
    assert web.type == "webpage"
    assert web.authors == (Person(literal="Fictional Guidelines Group"),)
    assert web.url == "https://example.org/fictional-guideline"
    assert web.title == "A fictional guideline page for parser tests"
    # APA 7: 19 authors, ". . .", the last author; the gap is marked.
    assert len(many.authors) == 21
    assert many.authors[19] == Person(family="Zulu", given="Z.")
    assert many.authors[-1] == ET_AL


def test_markdown_blog_list() -> None:
    refs = _parse_file("blog_markdown.md")
    assert refs.problems == ()
    assert [r.fields["label"] for r in refs] == ["1", "2", "3", "4"]
    assert [r.key for r in refs] == ["gattie2017", "cagnie2013", "rodine2015", "quill2020"]
    gattie, cagnie, rodine, quill = refs
    assert gattie.container_title == "The Journal of orthopaedic and sports physical therapy"  # italics gone
    assert (gattie.volume, gattie.issue, gattie.pages) == ("47", "3", "133–149")
    assert gattie.doi == "10.2519/jospt.2017.7096"
    assert gattie.url is None  # the link is the DOI's
    assert cagnie.container_title == "Current pain and headache reports"
    assert cagnie.volume == "17"
    assert cagnie.doi == "10.1007/s11916-013-0348-5"
    assert rodine.title == "Trigger Point Dry Needling: An Evidenced and Clinical-Based Approach"
    assert quill.title == "A fictional *starred* title for markdown tests"  # escaped asterisks are text
    assert quill.container_title == "J Fict Test Res"
    assert quill.pages == "1–9"  # `--` normalised
    assert quill.url == "https://example.org/fictional/1"
    assert [r.line for r in refs] == [3, 5, 7, 9]
    assert gattie.raw is not None and gattie.raw.startswith("\\[1\\] Gattie")


def test_word_wrapped_numbered_list() -> None:
    refs = _parse_file("word_wrapped.txt")
    assert refs.problems == ()
    gattie, quill, lowe = refs
    assert gattie.title is not None and "Dry Needling for Musculoskeletal" in gattie.title
    assert gattie.title.endswith("Meta-analysis")
    assert gattie.doi == "10.2519/jospt.2017.7096"  # DOI wrapped after its slash
    assert gattie.raw is not None and gattie.raw.count("\n") == 4
    assert (quill.line, quill.fields["label"]) == (6, "2")
    assert _names(quill) == [
        ("Quill", "A. B."),
        ("Marsh-Doe", "C. D."),
        ("Pike", "H. J."),
    ]  # wrapped after `&`
    assert quill.title == "A fictional comparison — wrapped and dashed"  # em dash in a title is kept
    assert quill.container_title == "Journal of Fictional Test Studies"
    assert quill.pages == "201–215"
    assert lowe.pages == "33–37"  # em dash range


def test_unnumbered_wrapped_list_splits_at_author_starts() -> None:
    text = (
        "Quill, A. B., & Pike, H. J. (2020). A fictional title that is long enough to\n"
        "wrap onto a second line. Journal of Fictional Test Studies, 3(1), 1-12.\n"
        "Lowe K, Ostrander G. A fictional trial. J Fict Test Res. 2015;9(1):33-37.\n"
        "Pike, H. J. (2021). Another fictional title. Journal of Fictional\n"
        "Test Studies, 4(2), 5-6. https://doi.org/10.5555/fict.2021.0005\n"
    )
    refs = parse_references(text)
    assert [(r.key, r.line) for r in refs] == [("quill2020", 1), ("lowe2015", 3), ("pike2021", 4)]
    assert refs[0].title == "A fictional title that is long enough to wrap onto a second line"
    assert refs[2].container_title == "Journal of Fictional Test Studies"
    assert refs[2].doi == "10.5555/fict.2021.0005"


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("1. ", "1"),
        ("[1] ", "1"),
        ("\\[1\\] ", "1"),
        ("1) ", "1"),
        ("(1) ", "1"),
        ("- [12] ", "12"),
        ("• ", None),
    ],
)
def test_labels_and_bullets(line: str, label: str | None) -> None:
    text = f"{line}Quill AB. A fictional label test. J Fict Test Res. 2020;1(1):1-2."
    (ref,) = parse_references(text)
    assert ref.fields.get("label") == label
    assert ref.title == "A fictional label test"
    assert ref.pages == "1–2"


def test_vancouver_variants() -> None:
    text = (
        "1. Quill AB, Pike HJ. A fictional title. J Fict Test Res. 2002 Mar;83(3):295--301. "
        "doi:10.5555/FICT.2002.0001. PMID: 99999904.\n"
        "2. Quill AB. A fictional article-number paper. J Fict Test Res. 2023;12:1205.\n"
        "3. Lowe K. A fictional supplement. J Fict Test Res. 2019;7(Suppl 2):S10-S12.\n"
    )
    first, second, third = parse_references(text)
    assert (first.year, first.month, first.pages) == (2002, 3, "295–301")
    assert first.doi == "10.5555/fict.2002.0001"
    assert first.pmid == "99999904"
    assert (second.volume, second.issue, second.pages) == ("12", None, "1205")
    assert (third.issue, third.pages) == ("Suppl 2", "S10–S12")


def test_key_collisions_get_letter_suffixes() -> None:
    text = "\n".join(
        f"{n}. Quill AB. A fictional paper number {n}. J Fict Test Res. 2020;{n}(1):1-2." for n in range(1, 4)
    )
    assert [r.key for r in parse_references(text)] == ["quill2020", "quill2020a", "quill2020b"]


def test_reference_key_scheme() -> None:
    assert (
        reference_key([Person(family="Fernández-de-las-Peñas", given="C.")], 2020)
        == "fernandezdelaspenas2020"
    )
    assert reference_key([Person(family="Berg", given="A.", particle="van der")], 1999) == "vanderberg1999"
    assert reference_key([Person(family="O'Brien-Søndergaard")], None) == "obriensondergaardnd"
    assert reference_key([ET_AL], 2001, "The fictional title") == "fictional2001"
    assert reference_key([], None) == "refnd"


def test_no_year_gives_nd_key() -> None:
    refs = parse_references("Pike, H. J. (n.d.). A fictional undated page. https://example.org/undated")
    assert refs.problems == ()  # "n.d." is what the author wrote, not something missed
    (ref,) = refs
    assert ref.confidence == 1.0
    assert ref.key == "pikend"
    assert ref.year is None
    assert ref.type == "webpage"


# --- bad input: problems, not exceptions --------------------------------------------------------------------


def test_messy_lines_become_problems_with_lines() -> None:
    refs = _parse_file("messy.txt")
    codes = [(p.code, p.line) for p in refs.problems]
    assert ("refs.unparsed", 3) in codes  # prose, nothing useful: a problem and no reference
    assert ("refs.unparsed", 5) in codes  # unrecognised, but has a year and a URL: kept at low confidence
    assert ("refs.incomplete", 7) in codes  # APA without journal: a warning, still a reference
    assert ("refs.multiple_dois", 9) in codes
    assert all(p.file == str(DATA / "messy.txt") for p in refs.problems)
    by_line = {r.line: r for r in refs}
    assert 3 not in by_line
    partial = by_line[5]
    assert partial.confidence <= 0.2
    assert partial.url == "https://example.org/fictional/notes"
    assert partial.raw == "see the notes from 2019 at https://example.org/fictional/notes"
    assert partial.year == 2019
    assert by_line[7].confidence < 1.0
    two = by_line[9]
    assert two.doi == "10.5555/fict.2014.0005"
    assert two.fields["other_dois"] == "10.5555/fict.2014.0099"
    unparsed = next(p for p in refs.problems if p.line == 3)
    assert unparsed.raw == "Some notes I took about needling while reading."


def test_strict_raises_with_the_problems() -> None:
    text = (DATA / "messy.txt").read_text(encoding="utf-8")
    with pytest.raises(StrictError) as caught:
        parse_references(text, source="messy.txt", strict=True)
    assert any(p.code == "refs.unparsed" and p.line == 3 for p in caught.value.problems)
    assert "messy.txt:3" in str(caught.value)
    # a clean list passes strict mode
    assert len(parse_references(dry_needling_path("references.txt").read_text(), strict=True)) == 3


@pytest.mark.parametrize("text", ["", "   \n\n\t\n", "References\n\n"])
def test_empty_input_is_a_warning(text: str) -> None:
    refs = parse_references(text, source="empty.txt")
    assert len(refs) == 0
    assert [(p.code, p.severity, p.file) for p in refs.problems] == [("refs.empty", "warning", "empty.txt")]


def test_binary_junk_is_problems_not_an_exception() -> None:
    junk = bytes(range(256)).decode("latin-1") * 4
    refs = parse_references(junk, source="junk.bin")
    assert refs.problems
    assert all(p.code in ("refs.unparsed", "refs.incomplete") for p in refs.problems)
    assert all(r.confidence < 1.0 for r in refs)


def test_huge_reference_is_kept_raw_quickly() -> None:
    huge = "Quill AB. " + "A fictional title word " * (10_000_000 // 23)
    started = time.perf_counter()
    refs = parse_references(huge, source="huge.txt")
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0
    assert len(huge) > MAX_REFERENCE_CHARS
    (ref,) = refs
    assert ref.raw == huge
    assert ref.confidence == 0.0
    assert [(p.code, p.line) for p in refs.problems] == [("refs.too_long", 1)]


def test_long_but_legal_reference_has_no_catastrophic_backtracking() -> None:
    authors = ", ".join(f"Author{chr(65 + i % 26)}{i} AB" for i in range(300))
    text = f"{authors}. A fictional title. J Fict Test Res. 2020;1(1):1-2."
    assert len(text) < MAX_REFERENCE_CHARS
    started = time.perf_counter()
    (ref,) = parse_references(text)
    assert time.perf_counter() - started < 2.0
    assert len(ref.authors) == 300


def test_malformed_doi_is_kept_as_written() -> None:
    (ref,) = parse_references("Quill AB. A fictional title. J Fict Test Res. 2020;1(1):1-2. doi:10.55/x")
    assert ref.doi is None
    assert ref.fields["doi_as_written"] == "doi:10.55/x"


def test_harvard_and_dotted_vancouver() -> None:
    text = (
        "Quill, A.B. and Pike, H.J., 2017. A fictional Harvard title. Journal of Fictional Test Studies, "
        "47(3), pp.133-149.\n\n"
        "Quill A.B., Pike H.J. A fictional dotted-initials title. J. Fict. Test Res. 2017;47(3):133-149.\n"
    )
    harvard, dotted = parse_references(text)
    assert _names(harvard) == [("Quill", "A.B."), ("Pike", "H.J.")]
    assert (harvard.year, harvard.title) == (2017, "A fictional Harvard title")
    assert (harvard.container_title, harvard.pages) == ("Journal of Fictional Test Studies", "133–149")
    assert _names(dotted) == [("Quill", "A.B."), ("Pike", "H.J.")]  # the final period belongs to the initials
    assert dotted.container_title == "J. Fict. Test Res."  # an abbreviated journal keeps its last period


def test_many_references_with_one_key_stay_fast() -> None:
    text = "\n".join(
        f"{n}. Quill AB. A fictional paper. J Fict Test Res. 2020;1(1):1-2." for n in range(1, 1000)
    )
    started = time.perf_counter()
    refs = parse_references(text + "\n" + text)
    assert time.perf_counter() - started < 10.0
    keys = [r.key for r in refs]
    assert len(set(keys)) == len(keys) == 1998
    assert keys[:3] == ["quill2020", "quill2020a", "quill2020b"]
    assert keys[26:28] == ["quill2020z", "quill2020aa"]


def test_a_path_instead_of_text_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="load_references"):
        parse_references(DATA / "messy.txt")  # type: ignore[arg-type]


def test_vancouver_books_and_web_pages() -> None:
    text = (
        "1. Fictional Guidelines Group. A fictional guideline [Internet]. Example City: Example Press; 2021 "
        "[cited 2024 Jan 5]. Available from: https://example.org/guide\n"
        "2. Quill AB, Pike HJ. A fictional handbook of parsing. 2nd ed. Example City: Example Press; 2018.\n"
    )
    refs = parse_references(text)
    assert refs.problems == ()
    web, book = refs
    assert (web.key, web.type, web.year) == ("fictionalguidelinesgroup2021", "webpage", 2021)
    assert web.authors == (Person(literal="Fictional Guidelines Group"),)
    assert web.title == "A fictional guideline"
    assert web.url == "https://example.org/guide"
    assert (web.publisher, web.fields["publisher_place"], web.fields["accessed"]) == (
        "Example Press",
        "Example City",
        "2024 Jan 5",
    )
    assert (book.type, book.title, book.fields["edition"], book.year) == (
        "book",
        "A fictional handbook of parsing",
        "2nd ed",
        2018,
    )
    assert _names(book) == [("Quill", "AB"), ("Pike", "HJ")]


def test_apa_chapter_editors_given_names_have_no_trailing_space() -> None:
    # "In C. Fernández-de-las-Peñas & J. Dommerholt (Eds.)" gave given="C. ", which write_bibtex turned into
    # "Fernández-de-las-Peñas, C.  and Dommerholt, J. " (a doubled space, and a given name that never matches
    # Crossref's "C.").
    text = (
        "Dommerholt, J., & Fernández-de-las-Peñas, C. (2013). Trigger point dry needling. In C. "
        "Fernández-de-las-Peñas & J. P. Dommerholt (Eds.), Trigger point dry needling: An evidence and "
        "clinical-based approach (pp. 3–12). Churchill Livingstone."
    )
    (chapter,) = parse_references(text)
    assert chapter.editors == (
        Person(family="Fernández-de-las-Peñas", given="C."),
        Person(family="Dommerholt", given="J. P."),
    )


@pytest.mark.parametrize(
    ("note", "edition", "volume"),
    [("2nd ed., Vol. 1", "2nd ed.", "1"), ("Vol. 2", None, "2"), ("Rev. ed.", "Rev. ed.", None)],
)
def test_apa_book_edition_and_volume_leave_the_title(
    note: str, edition: str | None, volume: str | None
) -> None:
    # APA 7 puts edition and volume in one parenthesis: `Title (2nd ed., Vol. 1).`; only `(2nd ed.)` was
    # recognised, so the rest stayed in the title (and in the Crossref search made from it).
    text = (
        f"Simons, D. G., & Travell, J. G. (1999). Myofascial pain and dysfunction ({note}). "
        "Williams & Wilkins."
    )
    (book,) = parse_references(text)
    assert (book.type, book.title, book.publisher) == (
        "book",
        "Myofascial pain and dysfunction",
        "Williams & Wilkins",
    )
    assert book.fields.get("edition") == edition
    assert book.volume == volume


@pytest.mark.parametrize("tail", ["7096", "7096.", "7096\n   PMID: 28158962."])
def test_a_doi_wrapped_after_a_full_stop_is_joined(tail: str) -> None:
    # Word wrapped `doi:10.2519/jospt.2017.7096` after `2017.`; the DOI was read as 10.2519/jospt.2017 (a
    # wrong DOI, not a missing one) and `7096` was left over.
    text = (
        "1. Gattie E, Cleland JA, Snodgrass S. The effectiveness of trigger point dry needling: a review.\n"
        f"   J Orthop Sports Phys Ther. 2017;47(3):133-149. doi:10.2519/jospt.2017.\n   {tail}\n"
    )
    (ref,) = parse_references(text)
    assert ref.doi == "10.2519/jospt.2017.7096"
    assert "unparsed_text" not in ref.fields


def test_a_doi_ending_a_sentence_before_a_wrapped_line_is_not_extended() -> None:
    text = (
        "1. Gattie E, Cleland JA, Snodgrass S. The effectiveness of trigger point dry needling: a review.\n"
        "   J Orthop Sports Phys Ther. 2017;47(3):133-149. doi:10.2519/jospt.2017.7096.\n"
        "   Epub 2017 Feb 3.\n"
    )
    (ref,) = parse_references(text)
    assert ref.doi == "10.2519/jospt.2017.7096"


def test_a_label_after_a_doi_at_the_end_of_a_line_is_not_glued_to_it() -> None:
    # A line ending in a DOI without a full stop was glued to the next line: `…7096PMID: 28158962.`
    text = (
        "1. Gattie E, Cleland JA, Snodgrass S. The effectiveness of trigger point dry needling: a review.\n"
        "   J Orthop Sports Phys Ther. 2017;47(3):133-149. doi:10.2519/jospt.2017.7096\n"
        "   PMID: 28158962.\n"
    )
    (ref,) = parse_references(text)
    assert (ref.doi, ref.pmid) == ("10.2519/jospt.2017.7096", "28158962")


def test_a_reference_broken_by_a_blank_line_mid_sentence_is_joined() -> None:
    # A paste from a web page or PDF broke one reference with an empty line in the middle of its title; the
    # first half lost its journal and the second half (lower case, no year) was dropped with `refs.unparsed`.
    text = (
        "Gattie, E., Cleland, J. A., & Snodgrass, S. (2017). The effectiveness of trigger point dry "
        "needling for musculoskeletal conditions\n\nby physical therapists: A systematic review. Journal of "
        "Orthopaedic & Sports Physical Therapy, 47(3), 133–149.\n\n"
        "van der Berg, A. (2013). Physiologic effects of dry needling. Current Pain and Headache Reports, "
        "17(8), 348.\n"
    )
    refs = parse_references(text)
    gattie, berg = refs
    assert gattie.title == (
        "The effectiveness of trigger point dry needling for musculoskeletal conditions by physical "
        "therapists: A systematic review"
    )
    assert (gattie.container_title, gattie.pages) == (
        "Journal of Orthopaedic & Sports Physical Therapy",
        "133–149",
    )
    assert berg.authors[0] == Person(family="Berg", given="A.", particle="van der")
    assert refs.problems == ()
