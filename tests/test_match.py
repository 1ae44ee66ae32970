"""Finding DOIs for references without one (crossref/match.py), on the recorded Crossref search answer."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from needling_evidence.crossref.base import Lookup, Progress, SearchResult
from needling_evidence.crossref.match import (
    MATCH_TITLE_MIN,
    MIN_SCORE_PER_CHAR,
    find_doi,
    match_candidates,
    reference_query,
)
from needling_evidence.model import Person, Reference

DATA = Path(__file__).parent / "data" / "crossref"

# The reference the recorded search answer's first item is (Tkaczyk et al., IJDAR 2015), written as a
# reference list would print it.
CERMINE = (
    "Tkaczyk, D., Szostek, P., Fedoryszak, M., Dendek, P. J., & Bolikowski, Ł. (2015). CERMINE: automatic "
    "extraction of structured metadata from scientific literature. International Journal on Document "
    "Analysis and Recognition (IJDAR), 18(4), 317-335."
)


def recorded_items() -> tuple[Mapping[str, Any], ...]:
    """The five scored candidates of unstructured-ref-response-1.json (a real Crossref work-list answer)."""
    answer = json.loads((DATA / "unstructured-ref-response-1.json").read_text(encoding="utf-8"))
    return tuple(answer["message"]["items"])


class FakeSearch:
    """A WorkSource whose search returns fixed items and records the queries it was asked."""

    def __init__(self, items: Sequence[Mapping[str, Any]] = (), *, fail: str | None = None) -> None:
        self.items = tuple(items)
        self.fail = fail
        self.queries: list[tuple[str, int]] = []

    def lookup_dois(self, dois: Sequence[str], *, progress: Progress | None = None) -> list[Lookup]:
        raise AssertionError("match must not look DOIs up")

    def search_bibliographic(self, text: str, *, rows: int = 5) -> SearchResult:
        self.queries.append((text, rows))
        if self.fail:
            return SearchResult(text, "failed", error=self.fail)
        return SearchResult(text, "found", items=self.items)


def cermine(**fields: Any) -> Reference:
    values: dict[str, Any] = {
        "key": "tkaczyk2015",
        "title": "CERMINE: automatic extraction of structured metadata from scientific literature",
        "authors": (Person("Tkaczyk", "D."), Person("Szostek", "P.")),
        "year": 2015,
        "container_title": "International Journal on Document Analysis and Recognition (IJDAR)",
        "volume": "18",
        "issue": "4",
        "pages": "317-335",
        "raw": CERMINE,
    }
    values.update(fields)
    return Reference(**values)


def test_the_whole_reference_string_is_the_query() -> None:
    source = FakeSearch(recorded_items())
    find_doi(cermine(), source)
    assert source.queries == [(CERMINE, 5)]


def test_a_query_is_built_from_fields_when_there_is_no_reference_string() -> None:
    ref = cermine(raw="@article{tkaczyk2015, title={CERMINE}}")  # a BibTeX block is not a reference string
    query = reference_query(ref)
    assert query.startswith("Tkaczyk, D., Szostek, P. (2015) CERMINE: automatic extraction")
    assert query.endswith("(IJDAR) 18(4), 317-335")


def test_the_recorded_answer_validates_its_first_candidate_only() -> None:
    result = find_doi(cermine(), FakeSearch(recorded_items()))
    assert result.status == "doi_found"
    assert result.doi == "10.1007/s10032-015-0249-8"
    assert result.confidence == 1.0
    assert "title agree" in result.message and "first_author agree" in result.message
    assert "Not written into your files" in result.message
    # every candidate is listed with its checks; only the first validated
    assert [c["validated"] for c in result.candidates] == [True, False, False, False, False]
    workshop = result.candidates[1]
    assert workshop["doi"] == "10.1109/das.2014.63"
    assert workshop["checks"]["title"].startswith("disagree")
    assert result.candidates[0]["score_per_char"] == pytest.approx(167.66986 / len(CERMINE), abs=1e-3)


def test_a_reference_string_alone_is_validated_against_the_text() -> None:
    """A pasted reference nobody parsed: title found in the string, first author's name in the string."""
    raw_only = Reference("raw", raw=CERMINE)
    result = find_doi(raw_only, FakeSearch(recorded_items()))
    assert result.status == "doi_found"
    assert result.doi == "10.1007/s10032-015-0249-8"
    assert "(in the reference string)" in result.candidates[0]["checks"]["year"]
    assert [c["validated"] for c in result.candidates] == [True, False, False, False, False]


def test_a_wrong_year_or_volume_blocks_the_match() -> None:
    result = find_doi(cermine(year=2019), FakeSearch(recorded_items()))
    assert result.status == "no_doi"
    assert result.candidates[0]["checks"]["year"].startswith("disagree")
    wrong_volume = find_doi(cermine(volume="21"), FakeSearch(recorded_items()))
    assert wrong_volume.status == "no_doi"
    assert "closest: 10.1007/s10032-015-0249-8" in wrong_volume.message


def test_a_different_first_author_blocks_the_match() -> None:
    """The Rodine case: the title of Dommerholt's book is not Rodine's item."""
    book = {
        "DOI": "10.5555/book.1",
        "type": "book",
        "title": ["Trigger Point Dry Needling"],
        "subtitle": ["An Evidence and Clinical-Based Approach"],
        "author": [
            {"given": "Jan", "family": "Dommerholt"},
            {"given": "César", "family": "Fernández-de-las-Peñas"},
        ],
        "issued": {"date-parts": [[2013]]},
        "score": 60.0,
    }
    rodine = Reference(
        "rodine2015",
        title="Trigger Point Dry Needling: An Evidenced and Clinical-Based Approach",
        authors=(Person("Rodine", "R."),),
        year=2015,
        container_title="The Journal of the Canadian Chiropractic Association",
        volume="59",
        issue="1",
        pages="84",
    )
    result = find_doi(rodine, FakeSearch([book]))
    assert result.status == "no_doi"
    (candidate,) = result.candidates
    assert candidate["checks"]["title"].startswith("agree")  # typo "Evidenced" still within MATCH_TITLE_MIN
    assert candidate["checks"]["first_author"] == "disagree: Rodine / Dommerholt"
    assert candidate["validated"] is False


def test_a_low_relevance_score_keeps_a_candidate_from_being_found() -> None:
    item = dict(recorded_items()[0])
    item["score"] = (MIN_SCORE_PER_CHAR - 0.05) * len(CERMINE)
    result = find_doi(cermine(), FakeSearch([item]))
    assert result.status == "no_doi"
    assert f"under {MIN_SCORE_PER_CHAR}" in result.message
    assert result.candidates[0]["doi"] == "10.1007/s10032-015-0249-8"  # still listed for a person to look at


def test_too_few_agreeing_checks_is_not_a_match() -> None:
    """Title alone (no author, year, volume or page to confirm it) is not enough."""
    bare = Reference(
        "t", title="CERMINE: automatic extraction of structured metadata from scientific literature"
    )
    result = find_doi(bare, FakeSearch(recorded_items()))
    assert result.status == "no_doi"


def test_a_failed_search_is_unverified_never_no_doi() -> None:
    result = find_doi(cermine(), FakeSearch(fail="HTTP 429 after 3 retries"))
    assert result.status == "unverified"
    assert "429" in result.message


def test_no_candidates_and_nothing_to_search() -> None:
    assert find_doi(cermine(), FakeSearch([])).status == "no_doi"
    source = FakeSearch(recorded_items())
    nothing = find_doi(Reference("empty"), source)
    assert nothing.status == "no_doi" and "too little" in nothing.message
    assert source.queries == []


def test_validation_runs_on_a_search_result_directly() -> None:
    result = match_candidates(cermine(), SearchResult(CERMINE, "found", items=recorded_items()))
    assert result.status == "doi_found" and result.query == CERMINE
    assert MATCH_TITLE_MIN > 0.8  # stricter than verification: no DOI anchors the match
