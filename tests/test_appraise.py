"""Study design and Oxford CEBM 2011 level (appraise.py)."""

from __future__ import annotations

import pytest

from needling_evidence.appraise import DESIGN_LEVELS, DESIGNS, classify_design
from needling_evidence.model import Reference


@pytest.mark.parametrize(
    ("title", "design", "level"),
    [
        (
            "Dry needling for neck pain: a systematic review and meta-analysis of randomized trials",
            "systematic_review",
            1,
        ),
        ("Effectiveness of dry needling: an umbrella review", "systematic_review", 1),
        ("Dry needling versus sham: a randomised controlled trial", "randomised_trial", 2),
        ("Dry needling in plantar heel pain (an RCT)", "randomised_trial", 2),
        ("Protocol for a randomised controlled trial of dry needling", "protocol", None),
        ("A non-randomized controlled study of dry needling", "non_randomised_trial", 3),
        ("Adverse events after dry needling: a prospective cohort", "cohort", 3),
        ("Pneumothorax after dry needling: a case report", "case_series", 4),
        ("Risk factors for myofascial pain: a case-control study", "case_control", 4),
        ("Dry needling: a narrative review of mechanisms", "narrative_review", 5),
        ("Book review: Trigger Point Dry Needling", "book_review", 5),
        ("Dry needling is not acupuncture: an editorial", "editorial", 5),
        ("Commentary on the safety of dry needling", "editorial", 5),
        ("Physiologic effects of dry needling", "other", None),
    ],
)
def test_title_cues(title: str, design: str, level: int | None) -> None:
    result = classify_design(Reference("x", title=title))
    assert (result.design, result.level) == (design, level)
    if design == "other":
        assert "not recognised" in result.reason
    else:
        assert title[:20] in result.reason  # the reason quotes what it read


def test_a_review_that_does_not_say_it_pools_trials_is_level_1_with_a_caveat() -> None:
    result = classify_design(Reference("x", title="Dry needling for pain: a systematic review"))
    assert result.level == 1
    assert "not stated" in result.reason
    trials = classify_design(
        Reference(
            "x", title="Dry needling: a systematic review", note="Pools 13 randomised controlled trials."
        )
    )
    assert "not stated" not in trials.reason


def test_crossref_type_decides_books_and_chapters() -> None:
    assert classify_design(None, {"type": "book", "title": ["Trigger Point Dry Needling"]}).design == "book"
    chapter = classify_design(None, {"type": "book-chapter", "title": ["Needling techniques"]})
    assert (chapter.design, chapter.level) == ("chapter", 5)
    assert "Crossref's type 'book-chapter'" in chapter.reason
    assert classify_design(Reference("r", type="review-book", title="Trigger Point Dry Needling")).design == (
        "book_review"
    )


def test_without_crossref_the_reference_note_is_read_but_hedged_sentences_are_not() -> None:
    cagnie = Reference(
        "cagnie2013",
        title="Physiologic effects of dry needling",
        note="Narrative review of proposed mechanisms. 348 is an article number, not a page range.",
    )
    result = classify_design(cagnie)
    assert (result.design, result.level) == ("narrative_review", 5)
    assert "the reference's note" in result.reason
    rodine = Reference(
        "rodine2015",
        title="Trigger Point Dry Needling: An Evidenced and Clinical-Based Approach",
        note="Not established offline: whether this item has a DOI; whether it is a book review.",
    )
    unknown = classify_design(rodine)
    assert (unknown.design, unknown.level) == ("other", None)
    assert "not recognised" in unknown.reason


def test_the_title_outranks_the_type_and_the_note() -> None:
    ref = Reference("x", type="chapter", title="A systematic review of dry needling", note="An editorial.")
    assert classify_design(ref).design == "systematic_review"


def test_crossref_abstract_is_a_cue_when_the_title_has_none() -> None:
    work = {
        "type": "journal-article",
        "title": ["Needling the neck"],
        "abstract": "<jats:p>In this randomised controlled trial, 60 patients …</jats:p>",
    }
    result = classify_design(None, work)
    assert (result.design, result.level) == ("randomised_trial", 2)
    assert "Crossref's abstract" in result.reason


def test_crossref_subjects_are_read_last() -> None:
    work = {"type": "journal-article", "title": ["Needling"], "subject": ["Editorial", "Physical Therapy"]}
    result = classify_design(None, work)
    assert result.design == "editorial" and "Crossref's subject" in result.reason
    journal_categories = {"title": ["Needling"], "subject": ["Neurology (clinical)", "Anesthesiology"]}
    assert classify_design(None, journal_categories).design == "other"


def test_nothing_to_read() -> None:
    result = classify_design()
    assert (result.design, result.level) == ("other", None)


def test_every_design_has_a_level_entry() -> None:
    assert set(DESIGNS) == set(DESIGN_LEVELS)
    assert {level for level, _ in DESIGN_LEVELS.values()} == {1, 2, 3, 4, 5, None}
