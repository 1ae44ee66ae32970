"""Study design and Oxford CEBM 2011 level (appraise.py)."""

from __future__ import annotations

import contextlib
import re
import string
from collections.abc import Iterator, Mapping
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from needling_evidence import appraise as appraise_module
from needling_evidence.appraise import (
    DESIGN_LEVELS,
    DESIGNS,
    PUBLICATION_TYPE_DESIGNS,
    appraise,
    classify_design,
)
from needling_evidence.model import Reference, Verification

TITLE_CUES = [
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
]


@pytest.mark.parametrize(("title", "design", "level"), TITLE_CUES)
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


# --- design from the record (issue 10) ----------------------------------------------------------------------


def test_a_cochrane_review_is_recognised_from_its_journal() -> None:
    cochrane = Reference(
        "c", title="Acupuncture for neck disorders", container_title="Cochrane Database of Systematic Reviews"
    )
    result = classify_design(cochrane)
    assert (result.design, result.level) == ("systematic_review", 1)
    assert "a Cochrane review, from the reference's journal" in result.reason
    work = {
        "title": ["Dry needling for pain"],
        "container-title": ["Cochrane Database of Systematic Reviews"],
    }
    assert classify_design(None, work).design == "systematic_review"
    # its protocols say so in their title, and stay protocols
    protocol = Reference(
        "p",
        title="Dry needling for pain (Protocol)",
        container_title="Cochrane Database of Systematic Reviews",
    )
    assert classify_design(protocol).design == "protocol"


def test_a_guideline_is_recognised_from_its_body_or_its_title() -> None:
    nice = Reference(
        "n",
        title="Low back pain and sciatica in over 16s: assessment and management",
        publisher="National Institute for Health and Care Excellence",
    )
    result = classify_design(nice)
    assert (result.design, result.level) == ("guideline", None)
    assert "a guideline body, from the reference's publisher" in result.reason
    titled = classify_design(Reference("t", title="Neck pain: a clinical practice guideline"))
    assert titled.design == "guideline" and "graded by the evidence it cites" in titled.reason


def test_a_book_review_is_recognised_from_its_type_even_under_the_books_title() -> None:
    # a book review carries the reviewed book's title, which may read like a study
    work = {"type": "journal-article", "subtype": "book-review", "title": ["A systematic review of needling"]}
    result = classify_design(None, work)
    assert (result.design, result.level) == ("book_review", 5)
    assert "Crossref's subtype 'book-review'" in result.reason
    csl = Reference("r", type="review-book", title="Trigger Point Dry Needling: An Evidence-Based Approach")
    assert classify_design(csl).design == "book_review"


@pytest.mark.parametrize(
    ("kind", "design"), [("editorial", "editorial"), ("letter", "editorial"), ("erratum", "notice")]
)
def test_editorials_letters_and_errata_from_crossref_type(kind: str, design: str) -> None:
    result = classify_design(None, {"type": kind, "title": ["Dry needling versus sham: a randomised trial"]})
    assert result.design == design and f"Crossref's type {kind!r}" in result.reason


def test_pubmed_publication_types_outrank_title_words_and_journal() -> None:
    ref = Reference(
        "x",
        title="Dry needling versus sham: a randomised controlled trial",
        container_title="Cochrane Database of Systematic Reviews",
    )
    result = classify_design(ref, publication_types=["Journal Article", "Letter"])
    assert (result.design, result.level) == ("editorial", 5)
    assert "from PubMed publication type 'Letter'" in result.reason
    # publication types that say nothing beyond "Journal Article" leave the rest to decide
    assert classify_design(ref, publication_types=["Journal Article"]).design == "systematic_review"


def test_a_reviewers_entry_outranks_everything() -> None:
    ref = Reference("x", title="A randomised trial", fields={"design": "cohort"})
    result = classify_design(ref, publication_types=["Randomized Controlled Trial"])
    assert (result.design, result.level) == ("cohort", 3) and "the reviewer's entry" in result.reason
    verified = Verification(key="x", status="verified", design="randomised_trial", level=2)
    assert appraise(ref, verified).design == "cohort"
    unknown = Reference("y", title="A randomised trial", fields={"design": "strong evidence"})
    assert classify_design(unknown).design == "randomised_trial"  # an unknown word is not guessed at


def test_the_pubmed_package_uses_the_one_table() -> None:
    from needling_evidence import appraise as appraise_module
    from needling_evidence.pubmed import records

    assert records.design_from_publication_types is appraise_module.design_from_publication_types
    assert records.PUBLICATION_TYPE_DESIGNS is appraise_module.PUBLICATION_TYPE_DESIGNS
    assert {design for _, design in PUBLICATION_TYPE_DESIGNS} <= set(DESIGN_LEVELS)


def test_an_animal_study_is_a_mechanistic_study() -> None:
    result = classify_design(
        Reference("h", title="Dry needling at myofascial trigger spots of rabbit skeletal muscles")
    )
    assert (result.design, result.level) == ("mechanistic_study", 5)


def test_a_prospective_survey_of_adverse_events_is_cohort_level_surveillance() -> None:
    note = "A prospective questionnaire of 420 physical therapists on 20,464 dry-needling treatments."
    result = classify_design(Reference("b", note=note))
    assert (result.design, result.level) == ("cohort", 3) and "the reference's note" in result.reason


def test_a_reviewers_design_entry_is_read_from_bibtex() -> None:
    from needling_evidence import read_bibtex

    (ref,) = read_bibtex(
        "@article{b, author = {Brady, S.}, title = {Adverse events after dry needling}, journal = {J},"
        " year = {2014}, design = {cohort}}"
    )
    result = classify_design(ref)
    assert (result.design, result.level) == ("cohort", 3)
    assert "the reviewer's entry (design = 'cohort')" in result.reason


# --- the word prefilter (issue 14): a pattern is searched only when one of its words is in the text --------

# (pattern, the words every one of its matches holds): each cue, the hedge and the "pools trials" test
_FILTERED = [
    *((pattern, appraise_module._CUE_WORDS[design]) for design, pattern in appraise_module._CUES),
    (appraise_module._HEDGE, appraise_module._HEDGE_WORDS),
    (appraise_module._RANDOMISED, appraise_module._RANDOMISED_WORDS),
]


def test_folding_finds_every_letter_ignorecase_finds() -> None:
    # re.IGNORECASE takes a few non-ASCII characters for ASCII letters (the Kelvin sign for k); _fold must
    # turn each into that letter, or a word test would miss a match the pattern finds
    every = "".join(chr(c) for c in range(0x80, 0x110000))  # every code point outside ASCII
    found = 0
    for letter in string.ascii_lowercase:
        for hit in re.finditer(letter, every, re.I):
            assert appraise_module._fold(hit.group()) == letter, (hex(ord(hit.group())), letter)
            found += 1
    assert found >= 4  # İ ı ſ K on the Unicode of Python 3.11; the check above holds for any count
    assert appraise_module._fold("İN VİTRO ſtudy of RAT KIDNEY") == "in vitro study of rat kidney"


def test_every_cue_has_words_and_the_table_keeps_the_cue_order() -> None:
    assert list(appraise_module._CUE_WORDS) == [design for design, _ in appraise_module._CUES]
    for _, words in _FILTERED:
        assert words and all(word == word.lower() for word in words)


@pytest.mark.parametrize(("pattern", "words"), _FILTERED, ids=lambda x: getattr(x, "pattern", "")[:30])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_match_of_a_pattern_holds_one_of_its_words(
    pattern: re.Pattern[str], words: tuple[str, ...], data: st.DataObject
) -> None:
    text = data.draw(st.from_regex(pattern))
    found = pattern.search(text)
    assert found is not None
    folded = appraise_module._fold(found.group())
    assert any(word in folded for word in words), (found.group(), words)


# Cue words in several cases, the characters re.IGNORECASE folds, sentence marks and hedges, so generated text
# reaches every cue, every hedge and the sentence split
_FRAGMENTS = [
    "protocol",
    "Book Review",
    "erratum",
    "Retracted",
    "practice guideline",
    "systematic review",
    "SYSTEMATICAL literature review",
    "meta-analyses",
    "umbrella review",
    "overview of reviews",
    "cochrane review",
    "rats",
    "MICE",
    "in vitro",
    "animal model",
    "cadaveric",
    "non-randomised",
    "non randomized",
    "quasi-experimental",
    "randomized",
    "randomly assigned",
    "RCTs",
    "case-control",
    "case control",
    "cohort",
    "prospective study",
    "follow-up study",
    "surveillance",
    "case series",
    "case report",
    "editorial",
    "letter to the editor",
    "in reply",
    "viewpoint",
    "narrative review",
    "review",
    "trials",
    "whether",
    "not established",
    "may be",
    "probably",
    "?",
    ". ",
    "; ",
    "! ",
    " ",
    "\n",
    "-",
    "İ",
    "ı",
    "ſ",
    "\u212a",
    "dry needling",
]
_TEXT = st.lists(
    st.one_of(st.sampled_from(_FRAGMENTS), st.text(alphabet="aeinorstvKRCTİıſ -.?", max_size=6)),
    max_size=12,
).map("".join)


@contextlib.contextmanager
def _unfiltered() -> Iterator[None]:
    """The path before the prefilter: every word test passes (the empty word is in every text), so every
    pattern is searched and every text split into sentences, as before."""
    every_cue = tuple((design, pattern, ("",)) for design, pattern in appraise_module._CUES)
    with (
        mock.patch.object(appraise_module, "_CUE_TABLE", every_cue),
        mock.patch.object(appraise_module, "_has_word", lambda folded, words: True),
    ):
        yield


def _grade(reference: Reference, work: Mapping[str, object] | None = None) -> tuple[str, int | None, str]:
    result = classify_design(reference, work)
    return result.design, result.level, result.reason


@settings(max_examples=300, deadline=None)
@given(title=_TEXT, note=_TEXT, abstract=_TEXT, crossref_abstract=_TEXT)
@example(title=TITLE_CUES[0][0], note="", abstract="", crossref_abstract="")
@example(
    title="İn vitro effects of needling",
    note="Whether it is a book review? Not known. A ſystematic review of RCTs.",
    abstract="",
    crossref_abstract="",
)
def test_the_prefilter_never_changes_a_design(
    title: str, note: str, abstract: str, crossref_abstract: str
) -> None:
    reference = Reference("x", title=title, note=note, abstract=abstract)
    work = {"title": [title], "abstract": crossref_abstract}
    filtered = (_grade(reference), _grade(Reference("y", note=note)), _grade(Reference("y"), work))
    with _unfiltered():
        unfiltered = (_grade(reference), _grade(Reference("y", note=note)), _grade(Reference("y"), work))
    assert filtered == unfiltered


def test_the_prefilter_gives_the_same_design_for_every_title_and_note_in_these_tests() -> None:
    texts = [title for title, _, _ in TITLE_CUES] + [
        "Narrative review of proposed mechanisms. 348 is an article number, not a page range.",
        "Not established offline: whether this item has a DOI; whether it is a book review.",
        "A prospective questionnaire of 420 physical therapists on 20,464 dry-needling treatments.",
        "Dry needling at myofascial trigger spots of rabbit skeletal muscles",
        "Pools 13 randomised controlled trials.",
    ]
    filtered = [(_grade(Reference("x", title=t)), _grade(Reference("x", note=t))) for t in texts]
    with _unfiltered():
        unfiltered = [(_grade(Reference("x", title=t)), _grade(Reference("x", note=t))) for t in texts]
    assert filtered == unfiltered
