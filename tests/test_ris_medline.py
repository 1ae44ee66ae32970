"""Reading PubMed's MEDLINE export (.nbib) and RIS (rispy), from public samples (see
tests/data/pubmed/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

import needling_evidence as ne
from needling_evidence.errors import StrictError
from needling_evidence.references.medline import read_medline
from needling_evidence.references.ris import read_ris

DATA = Path(__file__).parent / "data" / "pubmed"


def test_medline_export_reads_every_record_with_its_line() -> None:
    refs = ne.load_references(DATA / "pubmed_result2.nbib")
    assert len(refs) == 4 and not refs.problems
    first = refs[0]
    assert (first.pmid, first.pmcid, first.doi) == ("16403221", "PMC1373603", "10.1186/1471-2105-7-10")
    assert first.title == "A high level interface to SCOP and ASTRAL implemented in python."
    assert first.authors[0].family == "Casbon" and first.authors[0].given == "James A"
    assert (first.year, first.month, first.volume, first.container_title) == (
        2006,
        None,
        "7",
        "BMC bioinformatics",
    )
    assert first.line == 2 and first.raw and first.raw.startswith("PMID- 16403221")
    second = refs[1]
    assert (
        second.title == "GenomeDiagram: a python package for the visualization of large-scale genomic data."
    )
    assert (second.pages, second.issue, second.month) == ("616-617", "5", 3)
    assert second.fields["publication_types"] == "Journal Article; Research Support, Non-U.S. Gov't"
    assert refs[3].authors[0].family == "Hamelryck" and refs[3].doi is None


def test_medline_bad_lines_are_problems_with_line_numbers(tmp_path: Path) -> None:
    text = (
        (DATA / "pubmed_result2.nbib")
        .read_text(encoding="utf-8")
        .replace("LA  - eng\n", "LA  - eng\nthis line is not MEDLINE\n", 1)
    )
    path = tmp_path / "export.medline"
    path.write_text(text, encoding="utf-8")
    refs = ne.load_references(path)
    assert len(refs) == 4
    [problem] = refs.problems
    assert problem.code == "medline.bad_line" and problem.line == 39 and problem.file == str(path)
    assert problem.raw == "this line is not MEDLINE" and "this line is not MEDLINE" in (refs[0].raw or "")
    with pytest.raises(StrictError):
        read_medline(path, strict=True)


def test_ris_endnote_export_reads_with_rispy() -> None:
    refs = ne.load_references(DATA / "example_endnote.ris")
    [ref] = refs
    assert not refs.problems
    assert ref.title == "EndNote: The Only Reference I Can Remember"
    assert [a.family for a in ref.authors] == ["Smith", "Doe", "End", "Ref"]
    assert (ref.year, ref.volume, ref.issue, ref.pages) == (2024, "1", "42", "1-2")
    assert ref.doi == "10.1234/endnote.joke.2024" and ref.container_title == "Journal of Reference Management"
    assert ref.line == 1 and ref.key == "smith2024"


def test_ris_broken_records_are_problems_and_nothing_is_lost() -> None:
    good = (DATA / "example_endnote.ris").read_text(encoding="utf-8")
    text = "stray text before any record\n" + good + "TY  - JOUR\nTI  - No end marker\nPY  - 2001\n"
    refs = read_ris(text)
    assert [r.title for r in refs] == ["EndNote: The Only Reference I Can Remember", "No end marker"]
    codes = [(p.code, p.line) for p in refs.problems]
    assert codes == [("ris.outside_record", 1), ("ris.missing_er", 38)]
    assert refs[1].raw and "No end marker" in refs[1].raw
