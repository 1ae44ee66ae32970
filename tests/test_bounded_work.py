"""Bounded work and limits stated as limits (issue 13): sentence splitting linear, numbered lists past 999
items kept apart, an article's front matter under the registry's YAML guards, `claims draft` never writing
what `report --claims` would refuse, and `refs fix` looking up only the entries without a DOI."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import needling_evidence as ne
from needling_evidence import commands
from needling_evidence.article import split_sentences
from needling_evidence.crossref.base import Lookup, Progress, SearchResult
from needling_evidence.model import Provenance
from needling_evidence.references.text import parse_references

# The quadratic splitter took ~25 s on the 96 kB sentence below on the 2-core machine (issue 13: 116 s on the
# reporter's); the linear one takes ~0.1 s. Fifty times that leaves room for a busy machine.
LINEAR_SECONDS = 5.0


def _initials_sentence(repeats: int) -> str:
    """One sentence of ``repeats`` abbreviations and initials: none of its full stops ends it."""
    return "Dr. J. A. Smith et al. e.g. " * repeats + "found it."


def test_sentence_splitting_is_linear_in_abbreviations_and_initials() -> None:
    text = "# Notes\n\n" + _initials_sentence(3500) + "\n"
    assert len(text) > 96_000
    started = time.perf_counter()
    article = ne.load_article(text)
    assert time.perf_counter() - started < LINEAR_SECONDS
    assert [s.kind for s in article.sentences] == ["heading", "sentence"]  # no initial ended the sentence


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Dr. Smith came. Then J. A. Cleland left.", ["Dr. Smith came.", "Then J. A. Cleland left."]),
        ("See Fig. 2 and Gattie et al. 2017. Next one.", ["See Fig. 2 and Gattie et al. 2017.", "Next one."]),
        ("Ph.D. Jones agreed. So did d.p.t. Brown.", ["Ph.D. Jones agreed.", "So did d.p.t. Brown."]),
        # a run of letters longer than any abbreviation is a word: its full stop ends the sentence
        ("Averyveryverylongwordindeed. Next.", ["Averyveryverylongwordindeed.", "Next."]),
        ("x" * 5000 + "al. Next.", ["x" * 5000 + "al.", "Next."]),
    ],
)
def test_abbreviations_still_do_not_end_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


def test_a_plain_text_list_past_999_items_keeps_items_1000_on_apart(tmp_path: Path) -> None:
    # issue 13: "1000. …" was not an item (three digits at most), so items 1000+ merged into item 999
    path = tmp_path / "list.txt"
    items = "\n".join(f"{i}. Item number {i} says a thing" for i in range(1, 1006))
    path.write_text(f"Intro text here.\n\n{items}\nThe trial ran from\n2017. The rest.\n", encoding="utf-8")
    article = ne.load_article(path)
    listed = [s.text for s in article.sentences if s.kind == "list_item"]
    assert listed[998:1001] == [
        "Item number 999 says a thing",
        "Item number 1000 says a thing",
        "Item number 1001 says a thing",
    ]
    # a line that starts with a year and does not go on from the numbering stays text
    assert listed[1004] == "Item number 1005 says a thing\nThe trial ran from\n2017."


_VANCOUVER = "{0}. Smith J, Doe A. Title number {0}. J Pain. 2017;{0}:1-10."


@pytest.mark.parametrize("suffix", ["txt", "md"])
def test_a_reference_list_past_999_items_keeps_every_reference(tmp_path: Path, suffix: str) -> None:
    listed = "\n".join(_VANCOUVER.format(i) for i in range(1, 1006))
    refs = parse_references(listed)
    assert len(refs) == 1005
    titles = [ref.title for ref in refs[998:1001]]
    assert titles == ["Title number 999", "Title number 1000", "Title number 1001"]
    assert refs[999].fields.get("label") == "1000"
    path = tmp_path / f"article.{suffix}"
    path.write_text(f"Some claim here [1000].\n\nReferences\n\n{listed}\n", encoding="utf-8")
    article = ne.load_article(path)
    assert len(article.references) == 1005
    assert article.references[-1].title == "Title number 1005"


def test_a_wrapped_year_is_still_no_label() -> None:
    refs = parse_references(
        "1. Smith J, Doe A. A long title that wraps onto the next line, with a year at its start\n"
        "2017. J Pain. 2017;3:1-10.\n"
    )
    assert len(refs) == 1


def _billion_laughs(levels: int) -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(levels):
        name, previous = chr(98 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_front_matter_is_refused_quickly() -> None:
    # issue 13: repr(article) ran ~100 s, then MemoryError (safe_load kept 9^9 shared references)
    started = time.perf_counter()
    article = ne.load_article("---\n" + _billion_laughs(8) + "title: T\n---\n\nText here.\n")
    shown = repr(article)
    assert time.perf_counter() - started < LINEAR_SECONDS
    assert len(shown) < 10_000
    (problem,) = article.problems
    assert problem.code == "article.front_matter" and "alias" in problem.message and problem.line == 3
    assert article.metadata == {}
    assert [s.text for s in article.sentences] == ["Text here."]


@pytest.mark.parametrize(
    ("front", "metadata", "line", "words"),
    [
        ("reviewed: 2024-02-30\ntitle: X\n", {"reviewed": "2024-02-30", "title": "X"}, 2, "not a real date"),
        ("title: a\x07b\n", {}, 2, "control character U+0007"),
        ("x: " + "[" * 2000 + "]" * 2000 + "\n", {}, None, "nested too deeply"),
    ],
    ids=["impossible-date", "control-character", "deep-nesting"],
)
def test_front_matter_faults_are_problems_not_exceptions(
    front: str, metadata: dict[str, Any], line: int | None, words: str
) -> None:
    article = ne.load_article(f"---\n{front}---\n\nText here.\n")
    assert article.metadata == metadata
    (problem,) = article.problems
    assert problem.code == "article.front_matter" and problem.line == line and words in problem.message
    assert [s.text for s in article.sentences] == ["Text here."]


def test_front_matter_keeps_its_values_and_a_few_honest_aliases() -> None:
    article = ne.load_article(
        "---\ntitle: T\ndate: 2025-03-14\nauthors: &who [Ann, Bob]\neditors: *who\n---\n\nText here.\n"
    )
    assert article.problems == ()
    assert str(article.metadata["date"]) == "2025-03-14"
    assert article.metadata["authors"] == article.metadata["editors"] == ["Ann", "Bob"]


def test_claims_draft_refuses_a_registry_it_could_not_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 13: `claims draft` wrote registries that `report --claims` then refused. The cap is made small
    # here so that a short article stands for a huge one.
    article = tmp_path / "article.md"
    article.write_text(
        "# T\n\n" + "".join(f"Dry needling reduces pain number {i} in adults.\n\n" for i in range(40)),
        encoding="utf-8",
    )
    _, text = commands.run_claims_draft(article)
    size = len(text.encode("utf-8"))
    monkeypatch.setattr("needling_evidence.claims.MAX_REGISTRY_BYTES", size)
    written = tmp_path / "claims.yaml"
    commands.run_claims_draft(article, output=written)  # exactly at the cap: written, and it loads back
    assert len(ne.load_claims(written, article=article)) == 40
    monkeypatch.setattr("needling_evidence.claims.MAX_REGISTRY_BYTES", size - 1)
    refused = tmp_path / "refused.yaml"
    with pytest.raises(ne.InputError, match=f"registries over {size - 1:,} bytes.*split the article"):
        commands.run_claims_draft(article, output=refused)
    assert not refused.exists()


class _RecordingSource:
    """A work source that records what it is asked: DOIs looked up, bibliographic searches made."""

    def __init__(self) -> None:
        self.looked_up: list[str] = []
        self.searched: list[str] = []

    def lookup_dois(self, dois: Sequence[str], *, progress: Progress | None = None) -> list[Lookup]:
        self.looked_up.extend(dois)
        return [Lookup(doi=doi, outcome="not_found", provenance=Provenance("live")) for doi in dois]

    def search_bibliographic(self, text: str, *, rows: int = 5) -> SearchResult:
        self.searched.append(text)
        return SearchResult(query=text, outcome="found", items=(), provenance=Provenance("live"))


def test_refs_fix_looks_up_only_the_entries_without_a_doi(tmp_path: Path) -> None:
    # issue 13 item 6: every entry was verified, so a large library with a few missing DOIs made a lookup for
    # each of its entries
    entries = [
        f"@article{{with{i},\n  title = {{Work {i}}},\n  year = {{2020}},\n  doi = {{10.1234/w{i}}}\n}}\n"
        for i in range(50)
    ]
    entries.append("@article{without,\n  title = {A work without a DOI},\n  year = {2019}\n}\n")
    entries.append("@article{empty,\n  title = {An empty DOI field},\n  year = {2018},\n  doi = {}\n}\n")
    bib = tmp_path / "refs.bib"
    bib.write_text("\n".join(entries), encoding="utf-8")
    source = _RecordingSource()
    fix = commands.run_refs_fix(bib, client=source)  # type: ignore[arg-type]
    assert source.looked_up == []
    assert len(source.searched) == 2
    assert [v.key for v in fix.verifications] == ["without", "empty"]
    assert set(fix.skipped) == {"without", "empty"} and fix.additions == {}


def test_quote_index_finds_each_drafted_sentence_where_it_is_in_time_linear_in_the_article() -> None:
    # issue 13 item 6: linking the claims of a 5 MB article searched the whole text for each quote (and
    # counted every occurrence), and walked a copy of the rest of the sentence list for each: quadratic
    from needling_evidence.link import quote_index

    body = "".join(f"Needling reduced pain by {i} points in trial {i}.\n\n" for i in range(20_000))
    article = ne.load_article("# T\n\nNeedling helps.\n\n" + body + "Needling helps.\n")
    index = quote_index(article)
    assert index is not None
    started = time.perf_counter()
    for sentence in article.sentences:
        span = index.span(sentence.text, sentence.id)
        assert span == (sentence.start, sentence.end)
        assert index.sentence_ids(*span) == [sentence.id]
    assert time.perf_counter() - started < LINEAR_SECONDS
    last = article.sentences[-1]
    assert last.text == "Needling helps."
    assert index.span(last.text) == (article.sentences[1].start, article.sentences[1].end)  # no id: first
    assert index.span("  Needling\n  reduced pain by 7 ", None) is not None  # white space folded
    assert index.find("Needling helps.")[1] == 2
    assert index.span("not in the article") is None
