"""Notices from Crossref's updated-by / update-to (crossref/notices.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from needling_evidence.crossref.notices import UPDATE_TYPES, notice_kind, notices_from_work, updates_from_work
from needling_evidence.model import NOTICE_KINDS, Notice, Verification

DATA = Path(__file__).parent / "data" / "crossref"


def plos_work() -> dict[str, Any]:
    """The real PLoS ONE record (habanero's cassette): one updated-by correction, no source field."""
    cassette = yaml.safe_load((DATA / "test_works_with_one_id.yaml").read_text(encoding="utf-8"))
    body = cassette["interactions"][0]["response"]["content"]
    message: dict[str, Any] = json.loads(body)["message"]
    return message


def test_the_recorded_plos_correction_becomes_a_correction_notice() -> None:
    notices = notices_from_work(plos_work())
    assert notices == (
        Notice(
            kind="correction",
            doi="10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda",
            date="2012-05-08",
            source="publisher",  # entries from before Retraction Watch data carry no source
            label="Correction",
        ),
    )
    assert not Verification("k", "verified", notices=notices).retracted


def test_retraction_watch_and_publisher_entries_are_both_kept_with_their_source() -> None:
    work = {
        "updated-by": [
            {
                "type": "retraction",
                "label": "Retraction",
                "DOI": "10.5555/RETRACTION.1",
                "source": "retraction-watch",
                "record-id": 12345,
                "updated": {"date-parts": [[2021, 3, 4]]},
            },
            {
                "type": "expression_of_concern",
                "DOI": "10.5555/eoc.1",
                "source": "publisher",
                "updated": {"date-parts": [[2020, 1]]},
            },
        ]
    }
    notices = notices_from_work(work)
    assert [(n.kind, n.doi, n.date, n.source) for n in notices] == [
        ("expression_of_concern", "10.5555/eoc.1", "2020-01", "publisher"),
        ("retraction", "10.5555/retraction.1", "2021-03-04", "retraction-watch"),
    ]
    assert Verification("k", "verified", notices=notices).retracted


@pytest.mark.parametrize(
    ("crossref_type", "kind"),
    [
        ("retraction", "retraction"),
        ("partial_retraction", "retraction"),
        ("correction", "correction"),
        ("erratum", "correction"),
        ("corrigendum", "correction"),
        ("expression_of_concern", "expression_of_concern"),
        ("Expression of Concern", "expression_of_concern"),
        ("withdrawal", "withdrawal"),
        ("removal", "withdrawal"),
        ("addendum", "addendum"),  # no equivalent: Crossref's own label, never a retraction
        ("new_version", "new_version"),
    ],
)
def test_crossref_update_types_map_through_the_table(crossref_type: str, kind: str) -> None:
    assert notice_kind(crossref_type) == kind


def test_every_mapped_kind_is_in_the_vocabulary() -> None:
    assert set(UPDATE_TYPES.values()) <= set(NOTICE_KINDS)


def test_a_record_that_is_itself_a_retraction_notice_is_flagged() -> None:
    notice_record = {
        "DOI": "10.5555/retraction.1",
        "update-to": [
            {
                "type": "retraction",
                "label": "Retraction",
                "DOI": "10.5555/article.1",
                "updated": {"date-parts": [[2021, 3, 4]]},
            }
        ],
    }
    assert notices_from_work(notice_record) == ()
    (update,) = updates_from_work(notice_record)
    assert update.kind == "retraction" and update.doi == "10.5555/article.1" and update.date == "2021-03-04"
    assert update.label is not None and "notice for 10.5555/article.1" in update.label


def test_malformed_entries_are_skipped_not_fatal() -> None:
    work = {
        "updated-by": ["junk", {"DOI": "10.5555/x"}, {"type": "", "DOI": "10.5555/y"}, {"type": "correction"}]
    }
    (only,) = notices_from_work(work)
    assert only.kind == "correction" and only.doi is None and only.date is None
    assert notices_from_work({"updated-by": "not a list"}) == ()
    assert notices_from_work({}) == ()
