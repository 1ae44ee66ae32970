"""Two speed-ups of reading a warm cache (issue 13) checked against the general steps they skip: a record
whose DOI is written exactly as the canonical DOI asked is judged as if it had been normalised, and a cached
row's date is parsed once per distinct date (a date that does not parse is refused every time, as before)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from needling_evidence.crossref import cache, shape
from needling_evidence.doi import normalize_doi

_DOI_TEXT = st.one_of(
    st.from_regex(r"10\.[0-9]{4,6}/[A-Za-z0-9._;()/:-]{1,20}", fullmatch=True),
    st.from_regex(r"(https://doi\.org/|doi:|DOI )10\.[0-9]{4,6}/[A-Za-z0-9._-]{1,12}", fullmatch=True),
    st.text(max_size=25),
)


def _general(message: dict[str, Any], asked: str) -> str | None:
    """work_problem's DOI check as it was written before the fast path: always normalised."""
    doi = message.get("DOI")
    canonical = normalize_doi(doi) if isinstance(doi, str) else None
    if canonical is None:
        return "the record has no valid 'DOI'"
    if canonical != asked:
        return f"the record is for another DOI ({doi}) than the one asked ({asked})"
    return None


@settings(max_examples=400, deadline=None)
@given(_DOI_TEXT, _DOI_TEXT)
def test_a_record_doi_is_judged_as_the_normalised_one_would_be(written: str, asked_text: str) -> None:
    for asked in {normalize_doi(asked_text), normalize_doi(written)}:
        if asked is None:
            continue  # callers ask only for canonical DOIs (normalize_doi's answers)
        for doi in (written, asked, asked.upper()):
            message = {"DOI": doi, "title": ["A title"]}
            assert shape.work_problem(message, asked) == _general(message, asked)


def test_the_fast_path_still_checks_every_other_field() -> None:
    asked = "10.5555/fast.path"
    assert shape.work_problem({"DOI": asked, "title": 5}, asked) == "'title' is not a list of strings"
    wrong_people = shape.work_problem({"DOI": asked, "author": "x"}, asked)
    assert wrong_people == "'author' is not a list of person objects"
    assert shape.work_problem({"DOI": asked}, asked) is None


@pytest.mark.parametrize(
    "text", ["2026-12-06T23:04:56Z", "2026-12-06T23:04:56+00:00", "2026-12-06T23:04:56", "2026-12-06"]
)
def test_a_date_parsed_once_is_the_date_parsed_afresh(text: str) -> None:
    expected = datetime.fromisoformat(text.replace("Z", "+00:00"))
    expected = expected if expected.tzinfo else expected.replace(tzinfo=UTC)
    assert cache._parse_iso(text) == expected
    assert cache._parse_iso(text) == expected  # the remembered one


@pytest.mark.parametrize("text", ["", "yesterday", "2026-13-01T00:00:00Z"])
def test_a_date_that_does_not_parse_is_refused_every_time(text: str) -> None:
    for _ in range(2):
        with pytest.raises(ValueError):
            cache._parse_iso(text)
