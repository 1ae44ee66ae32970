"""Every reader is total (issue 13): any input gives references or claims plus problem records, or one clear
InputError — never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest

import needling_evidence as ne


@pytest.mark.parametrize("text", ["\x00", "\ud800", "x" * 5000, "hello\nworld", "a\x00b"])
def test_read_bibtex_reads_text_that_cannot_be_a_path_as_text(text: str) -> None:
    # issue 13: read_bibtex("\x00") raised ValueError and read_bibtex("\ud800") UnicodeEncodeError: both were
    # handed to the file system as paths
    refs = ne.read_bibtex(text)
    assert len(refs) == 0
    assert [p.code for p in refs.problems] == ["bibtex.no_entries"]


def test_a_bib_file_with_no_entry_says_so(tmp_path: Path) -> None:
    path = tmp_path / "notes.bib"
    path.write_text("just some notes, no entries\n", encoding="utf-8")
    refs = ne.read_bibtex(path)
    assert len(refs) == 0
    (problem,) = refs.problems
    assert problem.code == "bibtex.no_entries" and problem.file == str(path) and problem.line == 1


def test_a_short_string_that_names_no_file_is_still_a_missing_file() -> None:
    with pytest.raises(ne.InputError, match="no such file"):
        ne.read_bibtex("missing.bib")


@pytest.mark.parametrize(
    "text",
    [
        "[" * 1000 + "]" * 1000,
        '[{"id": "a", "title": ' + "[" * 1000 + "]" * 1000 + "}]",
        '{"items": ' + "[" * 1000 + "]" * 1000 + "}",
    ],
)
def test_csl_json_nested_a_thousand_deep_is_one_clear_input_error(text: str) -> None:
    # issue 13: 2 kB of nested arrays raised RecursionError in `verify` and `refs parse`
    with pytest.raises(ne.InputError, match="nested too deeply"):
        ne.read_csl_json(text)


def test_csl_json_without_ids_keeps_unique_keys_and_true_lines() -> None:
    # issue 13: 10,000 items without ids took 16 s (each new key walked every earlier suffix, and each item's
    # line was counted from the top of the file). The faster bookkeeping must give the same keys and lines.
    import json

    items = [{"type": "article-journal", "title": "Same title"} for _ in range(3000)]
    refs = ne.read_csl_json(json.dumps(items, indent=1))
    keys = [ref.key for ref in refs]
    assert len(set(keys)) == 3000
    assert keys[1] == keys[0] + "a" and keys[26] == keys[0] + "z"
    assert [ref.line for ref in refs[:3]] == [2, 6, 10]


_ENTRY = (
    "@article{smith2020,\n  author = {Smith, Jane and M\u00fcller, J\u00f6rg},\n  title = {Pain},\n"
    "  year = {2020},\n}\n"
)


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_a_bib_with_a_byte_order_mark_is_read_and_written_back_in_its_own_encoding(
    tmp_path: Path, codec: str
) -> None:
    # issue 13: a UTF-32 .bib was read as UTF-16 (0 references, exit 0, no problem), and a UTF-16 BE library
    # was rewritten as UTF-16 LE (every byte changed)
    path = tmp_path / "refs.bib"
    original = ("\ufeff" + _ENTRY).encode(codec)
    path.write_bytes(original)
    refs = ne.read_bibtex(path)
    assert [ref.key for ref in refs] == ["smith2020"] and refs.problems == ()
    assert refs[0].authors[1].family == "M\u00fcller"
    ne.add_bibtex_fields(path, {"smith2020": {"doi": "10.1000/xyz123"}})
    written = path.read_bytes()
    assert written.startswith(original[: len("\ufeff".encode(codec))])
    assert written.decode(codec).lstrip("\ufeff").startswith(_ENTRY[:-3])
    assert "doi = {10.1000/xyz123}" in written.decode(codec)


def test_footnote_named_references_and_a_list_past_999_read_together() -> None:
    # Two changes met here: footnote definitions named by a word ("[^smith2017]:", issue 9) and labels of
    # four digits that count only when they go on from the one before (issue 13); a name is not a number.
    refs = ne.parse_references(
        "[^smith2017]: Smith J. Pain relief. Spine. 2017;1:1-2.\n[^2]: Jones K. Other. Pain. 2018;2:3-4.\n"
    )
    assert [(r.key, r.fields.get("label")) for r in refs] == [("smith2017", "smith2017"), ("jones2018", "2")]
    assert refs.problems == ()
    listed = "\n".join(f"{n}. Author{n} A. Title number {n}. Journal. 2010;1:{n}." for n in range(998, 1002))
    assert [r.fields.get("label") for r in ne.parse_references(listed)] == ["998", "999", "1000", "1001"]


def test_a_name_holding_the_word_and_survives_write_then_read() -> None:
    # found by the property test: BibTeX splits a name list at "and" in any case, so a given name "AnD" (or a
    # name with " and " inside) came back as two people; the writer now braces it
    refs = [
        ne.Reference(
            key="a",
            title="T",
            year=2000,
            authors=(ne.Person(family="Smith", given="AnD"), ne.Person(family="Anderson", given="Ann")),
        )
    ]
    back = ne.read_bibtex(ne.write_bibtex(refs))
    assert [(p.family, p.given) for p in back[0].authors] == [("Smith", "AnD"), ("Anderson", "Ann")]
