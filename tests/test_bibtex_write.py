"""Writing BibTeX: fields spliced into the original text change nothing else; fresh output round-trips."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from needling_evidence import read_bibtex, write_bibtex
from needling_evidence.errors import UsageError
from needling_evidence.model import Person, Reference
from needling_evidence.references.bibtex import add_bibtex_fields, format_entry, splice_bibtex_fields
from needling_evidence.references.names import OTHERS

DATA = Path(__file__).parent / "data" / "bib"
BUNDLED = (
    Path(__file__).parents[1] / "src" / "needling_evidence" / "datasets" / "dry_needling" / "references.bib"
)
NEW_DOI = "10.5555/fictional.rodine.2015"  # Crossref's test prefix: not a real DOI


def only_difference(before: str, after: str) -> tuple[str, str]:
    """The single differing region of two texts: (removed, inserted)."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return before[start : len(before) - end], after[start : len(after) - end]


def copy(tmp_path: Path, source: Path) -> Path:
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    return target


def test_adding_a_doi_to_the_bundled_file_changes_nothing_else(tmp_path: Path) -> None:
    path = copy(tmp_path, BUNDLED)
    before = path.read_bytes()
    returned = add_bibtex_fields(path, {"rodine2015": {"doi": NEW_DOI}})
    after = path.read_bytes()
    assert returned == path
    # after the last field, aligned like its neighbours ("note      = {"), trailing-comma style kept
    last_field_end = b"is unconfirmed.},\n}"
    assert before.count(last_field_end) == 1
    expected = before.replace(
        last_field_end, b"is unconfirmed.},\n  doi       = {" + NEW_DOI.encode() + b"},\n}"
    )
    assert after == expected
    refs = read_bibtex(path)
    assert refs.get("rodine2015").doi == NEW_DOI  # type: ignore[union-attr]
    assert refs.problems == ()
    assert (tmp_path / "references.bib.bak").read_bytes() == before  # backup of the previous version
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # no temporary file left


@pytest.mark.parametrize(
    "name", ["zotero.bib", "jabref.bib", "mendeley.bib", "pubmed_texmed.bib", "handwritten.bib"]
)
def test_every_export_keeps_every_other_byte(tmp_path: Path, name: str) -> None:
    path = copy(tmp_path, DATA / name)
    before = path.read_text(encoding="utf-8")
    refs = read_bibtex(path)
    key = refs[-1].key
    add_bibtex_fields(path, {key: {"pmcid": "PMC0000000"}}, backup=False)
    after = path.read_text(encoding="utf-8")
    removed, inserted = only_difference(before, after)
    assert removed == ""
    assert "PMC0000000" in inserted and inserted.count("\n") <= 1
    reread = read_bibtex(path)
    assert reread.get(key).pmcid == "PMC0000000"  # type: ignore[union-attr]
    assert [r.key for r in reread] == [r.key for r in refs]
    assert [(p.code, p.key) for p in reread.problems] == [(p.code, p.key) for p in refs.problems]
    assert not (tmp_path / (name + ".bak")).exists()


def test_style_of_the_entry_is_followed() -> None:
    zotero = "@article{k,\n\ttitle = {T},\n\tyear = {2001},\n}\n"
    assert splice_bibtex_fields(zotero, {"k": {"doi": "10.5555/x"}}) == (
        "@article{k,\n\ttitle = {T},\n\tyear = {2001},\n\tdoi = {10.5555/x},\n}\n"
    )
    mendeley = "@article{k,\nauthor = {A, B},\nyear = {2001}\n}\n"
    assert splice_bibtex_fields(mendeley, {"k": {"doi": "10.5555/x"}}) == (
        "@article{k,\nauthor = {A, B},\nyear = {2001},\ndoi = {10.5555/x}\n}\n"
    )
    texmed = '@Article{k,\n   Author="A, B",\n   Year="2001"\n}\n'
    assert splice_bibtex_fields(texmed, {"k": {"doi": "10.5555/x"}}) == (
        '@Article{k,\n   Author="A, B",\n   Year="2001",\n   Doi="10.5555/x"\n}\n'
    )
    one_line = "@misc{k, title = {T}, year = {2001}}\n"
    assert splice_bibtex_fields(one_line, {"k": {"doi": "10.5555/x"}}) == (
        "@misc{k, title = {T}, year = {2001}, doi = {10.5555/x}}\n"
    )
    parenthesised = "@article(k,\n  title = {T}\n)\n"
    assert splice_bibtex_fields(parenthesised, {"k": {"doi": "10.5555/x"}}) == (
        "@article(k,\n  title = {T},\n  doi = {10.5555/x}\n)\n"
    )


def test_crlf_file_gets_crlf_and_keeps_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "windows.bib"
    original = b"% JabRef on Windows\r\n@article{k,\r\n  title = {T},\r\n  year  = {2001},\r\n}\r\n"
    path.write_bytes(original)
    add_bibtex_fields(path, {"k": {"doi": "10.5555/x"}}, backup=False)
    assert path.read_bytes() == original.replace(b"},\r\n}", b"},\r\n  doi   = {10.5555/x},\r\n}")


def test_latin1_file_is_written_back_in_latin1(tmp_path: Path) -> None:
    path = tmp_path / "old.bib"
    original = "@article{k,\n  author = {Müller, Jürgen},\n  title = {Étude},\n  year = {2001}\n}\n".encode(
        "latin-1"
    )
    path.write_bytes(original)
    add_bibtex_fields(path, {"k": {"note": "Révisé"}}, backup=False)
    data = path.read_bytes()
    assert data.startswith(original[: original.index(b"\n}")])
    assert data.endswith(",\n  note = {R\xe9vis\xe9}\n}\n".encode("latin-1"))
    with pytest.raises(UsageError, match="encoding"):
        add_bibtex_fields(path, {"k": {"abstract": "β-blockers"}}, backup=False)
    assert path.read_bytes() == data  # a failed write leaves the file as it was


def test_values_are_escaped_and_round_trip() -> None:
    text = "@article{k,\n  title = {T}\n}"
    out = splice_bibtex_fields(text, {"k": {"note": "50% & more_{x} #1 ~ \\", "pages": "12–19"}})
    assert "note = {50\\% \\& more\\_\\{x\\} \\#1 \\textasciitilde{} \\textbackslash{}}" in out
    assert "pages = {12--19}" in out
    ref = read_bibtex(out)[0]
    assert ref.note == "50% & more_{x} #1 ~ \\"
    assert ref.pages == "12–19"


def test_existing_field_needs_overwrite_and_then_only_its_value_changes() -> None:
    text = "% keep me\n@article{k,\n  title  = {Old title},\n  year   = 2001,\n}\n@misc{m, title={x}}\n"
    with pytest.raises(UsageError, match="already has a title"):
        splice_bibtex_fields(text, {"k": {"title": "New"}})
    out = splice_bibtex_fields(text, {"k": {"title": "New title", "year": "2002"}}, overwrite=True)
    assert (
        out == "% keep me\n@article{k,\n  title  = {New title},\n  year   = {2002},\n}\n@misc{m, title={x}}\n"
    )


def test_unknown_or_duplicated_keys_and_bad_field_names_are_usage_errors() -> None:
    text = "@article{k,\n  title = {T}\n}\n@article{k,\n  title = {U}\n}\n@article{j,\n  title = {V}\n}\n"
    with pytest.raises(UsageError, match="'nope'"):
        splice_bibtex_fields(text, {"nope": {"doi": "10.5555/x"}})
    with pytest.raises(UsageError, match="more than one entry"):
        splice_bibtex_fields(text, {"k": {"doi": "10.5555/x"}})
    with pytest.raises(UsageError, match="not a BibTeX field name"):
        splice_bibtex_fields(text, {"j": {"bad name": "x"}})
    with pytest.raises(UsageError, match="unbalanced"):
        splice_bibtex_fields(text, {"j": {"url": "https://example.org/{"}})


def test_field_name_inside_a_value_is_not_mistaken_for_the_field() -> None:
    text = "@article{k,\n  note = {see title = {x} below},\n  title = {Real},\n}\n"
    out = splice_bibtex_fields(text, {"k": {"title": "Changed"}}, overwrite=True)
    assert out == "@article{k,\n  note = {see title = {x} below},\n  title = {Changed},\n}\n"


def test_write_bibtex_with_updates_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bib"
    text = write_bibtex(BUNDLED, target, updates={"rodine2015": {"doi": NEW_DOI}})
    assert target.read_text(encoding="utf-8") == text
    assert only_difference(BUNDLED.read_text(encoding="utf-8"), text)[0] == ""
    with pytest.raises(UsageError):
        write_bibtex(BUNDLED, target)


def test_fresh_output_round_trips(tmp_path: Path) -> None:
    refs = read_bibtex(DATA / "jabref.bib")
    target = tmp_path / "fresh.bib"
    text = write_bibtex(refs, target)
    assert target.read_text(encoding="utf-8") == text
    again = read_bibtex(target)
    assert again.problems == ()
    for old, new in zip(refs, again, strict=True):
        for name in (
            "key",
            "type",
            "title",
            "authors",
            "year",
            "month",
            "container_title",
            "volume",
            "issue",
        ):
            assert getattr(new, name) == getattr(old, name), name
        assert (new.pages, new.doi, new.publisher) == (old.pages, old.doi, old.publisher)
    assert again.get("Mueller2018").authors[-1] == OTHERS  # type: ignore[union-attr]


def test_format_entry_for_a_parsed_reference_string() -> None:
    ref = Reference(
        key="smith2020",
        title="Pain & needling: 50% better?",
        authors=(
            Person(family="Berg", given="Anna", particle="van der"),
            Person(literal="World Health Organization"),
        ),
        year=2020,
        container_title="Fictional J",
        pages="1–9",
        doi="10.5555/x_y",
    )
    entry = format_entry(ref)
    assert entry.startswith("@article{smith2020,\n")
    assert "  author  = {van der Berg, Anna and {World Health Organization}},\n" in entry
    assert "  title   = {Pain \\& needling: 50\\% better?},\n" in entry
    assert "  doi     = {10.5555/x_y}\n}" in entry  # identifiers are written verbatim
    back = read_bibtex(entry)[0]
    assert (back.title, back.authors, back.pages, back.doi) == (ref.title, ref.authors, ref.pages, ref.doi)
    with pytest.raises(UsageError, match="cannot be a BibTeX key"):
        format_entry(Reference(key="has space"))


def test_write_keeps_the_file_mode(tmp_path: Path) -> None:
    path = copy(tmp_path, BUNDLED)
    os.chmod(path, 0o640)
    add_bibtex_fields(path, {"rodine2015": {"doi": NEW_DOI}}, backup=False)
    assert path.stat().st_mode & 0o777 == 0o640


def test_entry_with_a_repeated_field_can_still_be_edited() -> None:
    text = "@article{k,\n  title = {First},\n  title = {Second},\n}\n"
    out = splice_bibtex_fields(text, {"k": {"doi": "10.5555/x"}})
    assert out == "@article{k,\n  title = {First},\n  title = {Second},\n  doi = {10.5555/x},\n}\n"
    replaced = splice_bibtex_fields(text, {"k": {"title": "New"}}, overwrite=True)
    assert replaced == "@article{k,\n  title = {New},\n  title = {Second},\n}\n"  # the value read_bibtex uses


def test_a_pasted_or_csl_book_keeps_its_place_as_address() -> None:
    # The place of publication is `publisher_place` from a pasted list and `publisher-place` from CSL-JSON;
    # write_bibtex knew only `address`, so the place was dropped.
    pasted = Reference("a", type="book", title="T", year=1999, fields={"publisher_place": "Baltimore"})
    csl = Reference("b", type="book", title="T", year=1999, fields={"publisher-place": "Geneva"})
    both = Reference(
        "c", type="book", title="T", year=1999, fields={"address": "Paris", "publisher_place": "X"}
    )
    a, b, c = read_bibtex(write_bibtex([pasted, csl, both]))
    assert (a.fields["address"], b.fields["address"], c.fields["address"]) == ("Baltimore", "Geneva", "Paris")


def test_fresh_titles_protect_acronyms_and_inner_capitals_from_bibtex_styles() -> None:
    # BibTeX styles lower-case titles: a pasted "MRI findings in COVID-19 and McKenzie therapy" came out as
    # "mri findings in covid-19 and mckenzie therapy". Words with capitals after the first letter are braced
    # (as Zotero and JabRef do); an ordinary capital first letter is left to the style.
    ref = Reference(
        "k", title="MRI findings in COVID-19, pH and McKenzie therapy: A Review of 50% & more", year=2020
    )
    entry = format_entry(ref)
    assert (
        "title = {{MRI} findings in {COVID}-19, {pH} and {McKenzie} therapy: A Review of 50\\% \\& more}"
        in entry
    )
    assert read_bibtex(entry)[0].title == ref.title
    # an existing file is not re-cased: splicing writes the value as given
    spliced = splice_bibtex_fields("@misc{k,\n  title = {T}\n}\n", {"k": {"note": "MRI"}})
    assert "note = {MRI}" in spliced
