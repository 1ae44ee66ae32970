"""CSL-JSON: reading Zotero and pandoc exports, problems with index and line, bad JSON, lossless writing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from needling_evidence.errors import InputError, StrictError
from needling_evidence.model import Person, Reference
from needling_evidence.references.csl import (
    CSL_JSON_FIELD,
    read_csl_json,
    reference_from_csl,
    reference_to_csl,
    write_csl_json,
)
from needling_evidence.references.text import ET_AL, parse_references

DATA = Path(__file__).parent / "data" / "refs"


def test_zotero_export() -> None:
    refs = read_csl_json(DATA / "zotero.json")
    assert refs.problems == ()
    gattie, cagnie = refs
    assert gattie.key == "http://zotero.org/users/local/kR7tq2Xb/items/7QWERTY2"
    assert gattie.type == "article-journal"
    assert gattie.title is not None and gattie.title.startswith("The Effectiveness of Trigger Point")
    assert [(p.family, p.given) for p in gattie.authors] == [
        ("Gattie", "Eric"),
        ("Cleland", "Joshua A."),
        ("Snodgrass", "Suzanne"),
    ]
    assert gattie.year == 2017  # Zotero writes date-parts as strings
    assert gattie.container_title == "Journal of Orthopaedic & Sports Physical Therapy"
    assert (gattie.volume, gattie.issue, gattie.pages) == ("47", "3", "133-149")
    assert gattie.doi == "10.2519/jospt.2017.7096"  # canonical; as written stays in fields
    assert gattie.fields["DOI"] == "10.2519/JOSPT.2017.7096"
    assert gattie.fields["journalAbbreviation"] == "J Orthop Sports Phys Ther"
    assert gattie.line == 2
    assert gattie.file == str(DATA / "zotero.json")
    assert gattie.raw is not None and gattie.raw.startswith("{") and gattie.raw.endswith("}")
    assert json.loads(gattie.raw)["volume"] == "47"
    assert (cagnie.year, cagnie.pages, cagnie.doi) == (2013, "348", "10.1007/s11916-013-0348-5")
    assert cagnie.line is not None and gattie.line is not None and cagnie.line > gattie.line


def test_pandoc_names_dates_and_extras() -> None:
    refs = read_csl_json(DATA / "pandoc.json")
    assert refs.problems == ()
    rodine, fictional, book = refs
    assert rodine.key == "rodine2015"
    assert rodine.authors == (Person(family="Rodine", given="R."),)
    assert rodine.doi is None
    assert rodine.note is not None and "not established" in rodine.note

    assert fictional.authors == (
        Person(family="Test", given="E. F.", particle="van der"),
        Person(family="Núñez-de-la-Vega", given="Ana"),
        Person(family="Gaulle", given="Charles de"),
        Person(literal="Fictional Guidelines Group"),
        ET_AL,
    )
    assert (fictional.year, fictional.month) == (2021, 3)
    assert fictional.volume == "4"  # a JSON number, read as text
    assert (fictional.pmid, fictional.url) == ("99999903", "https://example.org/fictional/4")
    assert fictional.keywords == ("dry needling", "parsing")
    assert json.loads(fictional.fields["custom-field"]) == {"kept": ["as", "is"]}

    assert (book.type, book.year, book.publisher) == ("book", 2018, "Example Press")


@pytest.mark.parametrize("name", ["zotero.json", "pandoc.json"])
def test_write_round_trips_what_was_read(name: str, tmp_path: Path) -> None:
    original = json.loads((DATA / name).read_text(encoding="utf-8"))
    refs = read_csl_json(DATA / name)
    text = write_csl_json(refs)
    assert isinstance(text, str)
    assert json.loads(text) == original
    target = write_csl_json(refs, tmp_path / "out.json")
    assert target == tmp_path / "out.json"
    assert json.loads(target.read_text(encoding="utf-8")) == original
    assert read_csl_json(target) == read_csl_json(target)
    assert [r.key for r in read_csl_json(target)] == [r.key for r in refs]
    assert list(tmp_path.iterdir()) == [tmp_path / "out.json"]  # no temporary file left behind


def test_an_edited_reference_changes_only_that_field() -> None:
    (rodine, fictional, _book) = read_csl_json(DATA / "pandoc.json")
    item = reference_to_csl(replace(rodine, doi="10.5555/fict.0000.0001"))
    original = json.loads(rodine.fields[CSL_JSON_FIELD])
    assert item == {**original, "DOI": "10.5555/fict.0000.0001"}
    item = reference_to_csl(replace(fictional, year=2022, month=None, pages=None))
    assert item["issued"] == {"date-parts": [[2022]]}
    assert "page" not in item
    assert item["custom-field"] == {"kept": ["as", "is"]}


def test_references_from_elsewhere_become_csl() -> None:
    text = (
        "1. Quill AB, van der Test EF, et al. A fictional title. J Fict Test Res. 2021 Mar;14(2):101-109. "
        "doi: 10.5555/fict.2021.0001. PMID: 99999901."
    )
    (ref,) = parse_references(text)
    item = reference_to_csl(ref)
    assert item == {
        "id": "quill2021",
        "type": "article-journal",
        "title": "A fictional title",
        "container-title": "J Fict Test Res",
        "volume": "14",
        "issue": "2",
        "page": "101–109",
        "PMID": "99999901",
        "DOI": "10.5555/fict.2021.0001",
        "author": [
            {"family": "Quill", "given": "AB"},
            {"family": "Test", "given": "EF", "non-dropping-particle": "van der"},
            {"literal": "others"},
        ],
        "issued": {"date-parts": [[2021, 3]]},
    }
    back = reference_from_csl(item)
    for attribute in ("key", "title", "authors", "year", "month", "volume", "issue", "pages", "doi", "pmid"):
        assert getattr(back, attribute) == getattr(ref, attribute), attribute


def test_problems_carry_index_and_line() -> None:
    text = """[
  {"id": "a2020", "type": "article-journal", "title": "A fictional first item",
   "issued": {"date-parts": [[2020]]}},
  {"type": "article-journal", "title": "A fictional item without id",
   "author": [{"family": "Pike", "given": "H. J."}], "issued": {"date-parts": [[2019]]}},
  "not an item",
  {"id": "a2020", "type": "article-journal", "title": "A fictional duplicate id"},
  {"id": "untitled", "DOI": "10.55/x"}
]"""
    refs = read_csl_json(text)
    codes = [(p.code, p.line, p.severity) for p in refs.problems]
    assert codes == [
        ("csl.missing_id", 4, "error"),
        ("csl.not_an_item", 6, "error"),
        ("csl.duplicate_id", 7, "error"),
        ("csl.missing_title", 8, "warning"),
        ("csl.missing_type", 8, "warning"),
        ("csl.malformed_doi", 8, "error"),
    ]
    assert "item 1 (line 4)" in refs.problems[0].message
    assert "item 2 (line 6)" in refs.problems[1].message
    assert [r.key for r in refs] == ["a2020", "pike2019", "a2020a", "untitled"]
    assert refs[3].doi is None and refs[3].fields["DOI"] == "10.55/x"
    assert refs[3].type == "document"
    assert all(p.file is None for p in refs.problems)
    with pytest.raises(StrictError):
        read_csl_json(text, strict=True)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('[\n  {"id": "a",\n   "title": "x",}\n]', 3, 17),  # trailing comma
        ('[\n  {"id": "a"}\n  {"id": "b"}\n]', 3, 3),  # missing comma between items
        ('{"id": "a", "title": "unterminated}', 1, 22),
        ('[{"id": "a"}] extra', 1, 15),
    ],
)
def test_bad_json_names_line_and_column(text: str, line: int, column: int, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_csl_json(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"line {line}, column {column}" in message
    assert caught.value.line == line


def test_unreadable_inputs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_csl_json(tmp_path / "missing.json")
    with pytest.raises(InputError, match="is a directory"):
        read_csl_json(tmp_path)
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.json: is empty"):
        read_csl_json(empty)
    junk = tmp_path / "junk.json"
    junk.write_bytes(bytes(range(256)))
    with pytest.raises(InputError, match=r"junk\.json:2: is not UTF-8 text \(byte 0x80\)"):
        read_csl_json(junk)
    latin = tmp_path / "latin1.json"
    latin.write_bytes('[{"id": "x", "title": "Pe\u00f1as"}]'.encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1.json:1: is not UTF-8"):
        read_csl_json(latin)
    not_csl = tmp_path / "number.json"
    not_csl.write_text("42", encoding="utf-8")
    with pytest.raises(InputError, match="not CSL-JSON"):
        read_csl_json(not_csl)


def test_other_containers_and_empty_list() -> None:
    assert len(read_csl_json("[]")) == 0
    wrapped = read_csl_json('{"items": [{"id": "x", "type": "book", "title": "A fictional book"}]}')
    assert [r.key for r in wrapped] == ["x"]
    single = read_csl_json('{"id": "y", "type": "book", "title": "A fictional book"}')
    assert [r.key for r in single] == ["y"]
    assert single[0].line == 1


def test_huge_field_reads(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_text(
        json.dumps([{"id": "big", "type": "article", "title": "x" * 10_000_000}]), encoding="utf-8"
    )
    (ref,) = read_csl_json(path)
    assert ref.title is not None and len(ref.title) == 10_000_000


def test_write_into_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        write_csl_json([Reference(key="x")], tmp_path)


def test_pure_stdlib() -> None:
    import ast

    import needling_evidence.references.csl as csl

    tree = ast.parse(Path(csl.__file__).read_text(encoding="utf-8"))
    imported = {
        (n.module or "").split(".")[0]
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and not n.level
    }
    imported |= {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    stdlib = {"__future__", "json", "os", "re", "tempfile", "collections", "dataclasses", "pathlib", "typing"}
    assert imported <= stdlib


def test_text_that_is_neither_json_nor_a_path() -> None:
    with pytest.raises(InputError, match="neither CSL-JSON text"):
        read_csl_json("Gattie, E. (2017). " * 300)
    with pytest.raises(InputError, match=r"bad\x00name\.json"):  # an InputError however the OS takes a NUL
        read_csl_json("bad\0name.json")
    assert [
        r.key for r in read_csl_json('\ufeff[{"id": "bom", "type": "book", "title": "A fictional book"}]')
    ] == ["bom"]


def test_a_damaged_original_copy_falls_back_to_the_attributes() -> None:
    ref = Reference(key="x", title="A fictional title", year=2020, fields={CSL_JSON_FIELD: "{not json"})
    assert reference_to_csl(ref) == {
        "id": "x",
        "type": "article-journal",
        "title": "A fictional title",
        "issued": {"date-parts": [[2020]]},
    }


def test_a_pasted_book_keeps_its_edition_and_place_in_csl_json() -> None:
    # parse_references keeps `2nd ed.` and `Baltimore` in fields; written to CSL-JSON they were dropped.
    (book,) = parse_references(
        "Simons DG, Travell JG, Simons LS. Myofascial pain and dysfunction: the trigger point manual. "
        "2nd ed. Baltimore: Williams & Wilkins; 1999."
    )
    assert book.fields["publisher_place"] == "Baltimore"
    (item,) = json.loads(str(write_csl_json([book])))
    assert (item["edition"], item["publisher-place"], item["publisher"]) == (
        "2nd ed",
        "Baltimore",
        "Williams & Wilkins",
    )
    (back,) = read_csl_json(json.dumps([item]))
    assert (back.fields["edition"], back.fields["publisher-place"]) == ("2nd ed", "Baltimore")


@pytest.mark.parametrize(
    ("issued", "year", "month"),
    [("2020", 2020, None), (2020, 2020, None), ("2017-03-01", 2017, 3), ({"raw": "2017-03-01"}, 2017, 3)],
)
def test_dates_written_as_text_keep_year_and_month(issued: object, year: int, month: int | None) -> None:
    # `"issued": "2020"` (hand-written or converted CSL) gave no year and no problem; an ISO `raw` date lost
    # its month.
    items = [{"id": "a", "type": "article-journal", "title": "T", "issued": issued}]
    (ref,) = read_csl_json(json.dumps(items))
    assert (ref.year, ref.month) == (year, month)
