"""load_references: dispatch by file type, and a clear error or problem record for every kind of bad input."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from needling_evidence import load_references, read_bibtex
from needling_evidence.errors import InputError, StrictError

DATA = Path(__file__).parent / "data" / "bib"
DATASET = Path(__file__).parents[1] / "src" / "needling_evidence" / "datasets" / "dry_needling"
ENTRY = (
    "@article{k,\n  author = {Müller, Jürgen},\n  title = {Étude},\n  journal = {J},\n  year = {2001}\n}\n"
)
# A 10 MB field (issue 2, item 9): an abstract pasted with a whole article in it.
TEN_MB = 10 * 1024 * 1024


# --- dispatch -----------------------------------------------------------------------------------------------


def test_bib_file_is_read_as_bibtex() -> None:
    refs = load_references(DATASET / "references.bib")
    assert [r.key for r in refs] == ["gattie2017", "cagnie2013", "rodine2015"]
    assert refs[0].file == str(DATASET / "references.bib")


def test_upper_case_extension(tmp_path: Path) -> None:
    path = tmp_path / "REFS.BIB"
    path.write_text(ENTRY, encoding="utf-8")
    assert load_references(path)[0].title == "Étude"


def test_txt_and_md_reference_lists_are_parsed_with_their_file_name(tmp_path: Path) -> None:
    for name in ("refs.txt", "refs.md"):
        path = tmp_path / name
        shutil.copyfile(DATASET / "references.txt", path)
        refs = load_references(path)
        assert len(refs) == 3
        assert all(r.file == str(path) for r in refs)
        assert refs[0].doi == "10.2519/jospt.2017.7096"


def test_json_is_read_as_csl_json(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    item = {"id": "k", "type": "article-journal", "title": "Étude", "issued": {"date-parts": [[2001]]}}
    path.write_text(json.dumps([item]), encoding="utf-8")
    refs = load_references(path)
    assert [(r.key, r.title, r.year) for r in refs] == [("k", "Étude", 2001)]


def test_strict_is_passed_on(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("@article{k,\n  title = {T}\n}\n", encoding="utf-8")  # no author, no year
    assert [p.code for p in load_references(path).problems] == ["bibtex.missing_field"]
    with pytest.raises(StrictError):
        load_references(path, strict=True)


# --- caller errors: InputError naming the file --------------------------------------------------------------


def test_unknown_extension_says_which_are_supported(tmp_path: Path) -> None:
    path = tmp_path / "refs.enw"  # EndNote's tagged format: not read (RIS and MEDLINE are, since issue 11)
    path.write_text("%0 Journal Article\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_references(path)
    message = str(caught.value)
    assert str(path) in message and "'.enw'" in message
    assert all(ext in message for ext in (".bib", ".json", ".txt", ".md", ".ris", ".nbib", ".medline"))


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.bib"
    with pytest.raises(InputError, match="no such file") as caught:
        load_references(path)
    assert caught.value.path == str(path) and str(path) in str(caught.value)
    with pytest.raises(OSError):  # InputError is also an OSError, for callers who catch that
        read_bibtex(path)


def test_directory(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.mkdir()
    with pytest.raises(InputError, match="is a directory") as caught:
        load_references(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("name", ["empty.bib", "empty.txt", "empty.json", "blank.bib"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("" if name.startswith("empty") else "\n \n\t\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty") as caught:
        load_references(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("name", ["junk.bib", "junk.txt", "junk.json"])
def test_binary_junk(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    # the start of a PNG file, then noise: what a mis-saved attachment looks like
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match="not a text file") as caught:
        load_references(path)
    assert str(path) in str(caught.value)


def test_undecodable_text_list_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_bytes("1. Fine line.\n2. M\u00fcller J. Title. J. 2001.\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8") as caught:
        load_references(path)
    assert caught.value.line == 2 and f"{path}:2:" in str(caught.value)


# --- problems in the data: records, never a crash -----------------------------------------------------------


def test_latin1_bib_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin1.bib"
    text = "% exported by an old JabRef\n" + ENTRY
    path.write_bytes(text.encode("latin-1"))
    refs = load_references(path)
    assert refs[0].authors[0].family == "Müller" and refs[0].title == "Étude"  # decoded, not mangled
    assert [(p.code, p.severity, p.line, p.file) for p in refs.problems] == [
        ("bibtex.encoding", "warning", 3, str(path))
    ]
    assert "cp1252" in refs.problems[0].message


def test_utf8_with_bom_and_utf16(tmp_path: Path) -> None:
    bom = tmp_path / "bom.bib"
    bom.write_bytes(b"\xef\xbb\xbf" + ENTRY.encode("utf-8"))
    refs = load_references(bom)
    assert refs[0].key == "k" and refs[0].line == 1 and refs.problems == ()
    utf16 = tmp_path / "utf16.bib"
    utf16.write_bytes(ENTRY.encode("utf-16"))  # Windows "Unicode" with a byte-order mark
    refs = load_references(utf16)
    assert refs[0].title == "Étude" and refs.problems == ()


def test_unbalanced_braces_are_a_problem_with_a_line(tmp_path: Path) -> None:
    path = tmp_path / "unbalanced.bib"
    path.write_text(
        "@article{ok1,\n  title = {Fine}, author = {A, B}, year = 2001\n}\n\n"
        "@article{bad,\n  title = {Never {closed},\n  author = {C, D},\n  year = 2002\n}\n\n"
        "@article{ok2,\n  title = {Also fine}, author = {E, F}, year = 2003\n}\n",
        encoding="utf-8",
    )
    refs = load_references(path)
    assert [r.key for r in refs] == ["ok1", "ok2"]  # the entries around it are still read
    [problem] = refs.problems
    assert (problem.code, problem.line, problem.file) == ("bibtex.parse_failed", 5, str(path))
    assert problem.raw is not None and problem.raw.startswith("@article{bad,")


def test_unbalanced_brace_at_end_of_file(tmp_path: Path) -> None:
    path = tmp_path / "truncated.bib"
    path.write_text(
        "@article{ok,\n  title = {Fine}, author = {A, B}, year = 2001\n}\n@article{cut,\n  title = {Tru",
        "utf-8",
    )
    refs = load_references(path)
    assert [r.key for r in refs] == ["ok"]
    assert [(p.code, p.line) for p in refs.problems] == [("bibtex.parse_failed", 4)]


def test_ten_megabyte_field_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.bib"
    words = ("dry needling trigger point " * (TEN_MB // 27 + 1))[:TEN_MB]
    path.write_text(
        "@article{huge,\n  title = {Huge}, author = {A, B}, year = 2001,\n  abstract = {" + words + "}\n}\n"
        "@article{next,\n  title = {Next}, author = {C, D}, year = 2002\n}\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    refs = load_references(path)
    elapsed = time.perf_counter() - started
    assert [r.key for r in refs] == ["huge", "next"] and refs.problems == ()
    assert len(refs[0].fields["abstract"]) == TEN_MB
    assert refs[1].line == 5
    # generous bound: ~1 s on the CI machine; a quadratic path would take minutes
    assert elapsed < 30, elapsed


def test_ten_megabyte_field_with_latex_and_an_unclosed_brace(tmp_path: Path) -> None:
    path = tmp_path / "huge_broken.bib"
    body = (r"M{\"u}ller's {\'e}tude -- " * (TEN_MB // 26 + 1))[:TEN_MB]
    path.write_text(
        "@article{huge,\n  title = {Huge}, author = {A, B}, year = 2001,\n  abstract = {{" + body + "}\n}\n",
        "utf-8",
    )
    refs = load_references(path)
    assert len(refs) == 0
    assert [(p.code, p.line) for p in refs.problems] == [("bibtex.parse_failed", 1)]


def test_ten_megabyte_field_with_latex_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "huge_latex.bib"
    chunk = "plain words of a pasted article " * 30 + r"M{\"u}ller's {\'e}tude -- "  # markup every ~1 KB
    body = (chunk * (TEN_MB // len(chunk) + 1))[:TEN_MB]
    body = body[: body.rindex(" ")]  # do not cut a LaTeX group in half
    path.write_text(
        "@article{huge,\n  title = {Huge}, author = {A, B}, year = 2001,\n  abstract = {" + body + "}\n}\n",
        "utf-8",
    )
    [ref] = load_references(path)
    abstract = ref.fields["abstract"]
    assert "Müller's étude – plain words" in abstract
    assert "\\" not in abstract and "{" not in abstract


def test_a_utf16_text_list_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    # Word's and Notepad's "Unicode" text is UTF-16 with a BOM; it was refused as "binary data".
    path = tmp_path / "refs.txt"
    text = "1. Müller J, Peñas C. Café effects on needling. J Test. 2020;1(1):1-2.\r\n"
    path.write_bytes(text.encode("utf-16"))
    (ref,) = load_references(path)
    assert (ref.authors[0].family, ref.title, ref.year) == ("Müller", "Café effects on needling", 2020)
    assert ref.file == str(path)


# --- an article: only its reference section is read --------------------------------------------------------

ARTICLES = Path(__file__).parent / "data" / "articles"
REAL_README = Path(__file__).parent / "data" / "refs" / "article_stroke_readme.md"


def test_article_with_a_references_heading_reads_that_section_only() -> None:
    # a real README (tests/data/refs/README.md says where from): prose, headings, then "## References"
    refs = load_references(REAL_README)
    assert [r.fields.get("label") for r in refs] == ["1", "2", "3", "4", "5", "6"]
    assert [r.key for r in refs][:1] == ["leening2017"]
    lines = REAL_README.read_text(encoding="utf-8").splitlines()
    # lines still point into the whole file
    for ref in refs:
        assert ref.line is not None and ref.raw is not None
        assert lines[ref.line - 1].startswith(ref.raw.splitlines()[0])
    # the prose above ("… a significant risk factor for stroke. (1)") and its links are not references
    assert all("python.org" not in (r.url or "") for r in refs)
    assert [(p.code, p.line) for p in refs.problems] == [("refs.unparsed", 21)]


def test_article_byline_after_the_list_is_not_a_reference() -> None:
    refs = load_references(ARTICLES / "heat_back_pain.txt")
    assert [r.key for r in refs] == ["hartley2016", "lindqvist2014", "nakamura2019", "quinn2018"]
    assert refs.problems == ()  # 0.1.0 read "By Sam Whitlock" and a body sentence as references


def test_article_without_a_heading_reads_its_trailing_numbered_list() -> None:
    # the bundled article ends with a numbered list, then "By Andy", "Leave a Reply" and a comment form
    refs = load_references(DATASET / "article.txt")
    assert [r.key for r in refs] == ["gattie2017", "cagnie2013", "rodine2015"]
    assert refs.problems == ()


def test_numbered_steps_at_the_end_are_not_taken_for_references(tmp_path: Path) -> None:
    path = tmp_path / "steps.md"
    path.write_text(
        "Foam rolling is easy.\n\n1. Place the roller under the muscle.\n2. Roll slowly.\n", encoding="utf-8"
    )
    refs = load_references(path)
    # no reference section: the whole text is read as a list, as before, and nothing in it is a reference
    assert [r.key for r in refs] == []


def test_markdown_section_ends_at_the_next_heading(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(
        "# Title\n\nBody text (Emanuel, 2005).\n\n## References\n\n"
        "Emanuel, K., 2005: Increasing destructiveness of tropical cyclones over the past 30 years. Nature, "
        "436, 686–688.\n\n## About the author\n\nSmith, J. (2020) wrote this. He lives in Leeds.\n",
        encoding="utf-8",
    )
    refs = load_references(path)
    assert [(r.key, r.line) for r in refs] == [("emanuel2005", 7)]


def test_markdown_footnote_definitions_are_the_reference_list(tmp_path: Path) -> None:
    # a blog's footnotes, no heading; the references are real (Yuan 2015 as issue 9 quotes it; Boehme 2017 as
    # tests/data/refs/article_stroke_readme.md prints it)
    path = tmp_path / "massage.md"
    path.write_text(
        "# Massage for back pain\n\nMassage eases short-term pain.[^1] Exercise helps too.[^boehme]\n\n"
        "[^1]: Yuan Q-l, Guo T-m, Liu L, Sun F, Zhang Y-g. Traditional Chinese medicine for neck pain and "
        "low back pain: a systematic review and meta-analysis. PLoS One. 2015;10(2):e0117146.\n"
        "[^boehme]: Boehme AK, Esenwa C, Elkind MS. Stroke Risk Factors, Genetics, and Prevention. Circ Res. "
        "2017 Feb 3;120(3):472-495. PMID: 28154098.\n",
        encoding="utf-8",
    )
    refs = load_references(path)
    assert [(r.key, r.fields["label"], r.line) for r in refs] == [
        ("yuan2015", "1", 5),
        ("boehme2017", "boehme", 6),
    ]
    assert refs[1].pmid == "28154098"
    assert refs.problems == ()
