"""Appraisal: the study design and Oxford CEBM 2011 level of evidence of each source, from Crossref's type and
the words of the reference.

A source is graded once: verification grades it with Crossref's record in hand (:func:`classify_design` with
``work``), and :func:`appraise` reuses that grade; only a source verification did not grade is read here from
the reference alone.

The level answers the CEBM 2011 question "Does this intervention help? (treatment benefits)":

====  ===========================================================================================
1     systematic review of randomised trials (or n-of-1 trials)
2     randomised trial (or observational study with dramatic effect)
3     non-randomised controlled cohort / follow-up study
4     case series, case-control studies, historically controlled studies
5     mechanism-based reasoning — here also narrative reviews, editorials, book reviews, books and chapters,
      which report opinion or reasoning rather than a trial
====  ===========================================================================================

(OCEBM Levels of Evidence Working Group, "The Oxford 2011 Levels of Evidence", Oxford Centre for
Evidence-Based Medicine.) A protocol and an unrecognised design get no level; the reason says why.

The design is read from cues, strongest first: the title; the reference's own type (CSL ``review-book``,
Crossref ``book``/``book-chapter``); then what the user wrote about the work (``note``, ``keywords``,
``abstract``) and Crossref's abstract and subjects. Every result carries the cue it rests on in ``reason``. It
is a reading of words, not of the study: a reviewer should confirm it for any source that carries a claim.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .crossref.compare import crossref_first, strip_markup
from .model import Reference, Verification

__all__ = ["DESIGNS", "DESIGN_LEVELS", "DesignAssessment", "appraise", "classify_design"]

DESIGNS: tuple[str, ...] = (
    "systematic_review",
    "randomised_trial",
    "non_randomised_trial",
    "cohort",
    "case_control",
    "case_series",
    "narrative_review",
    "book_review",
    "editorial",
    "book",
    "chapter",
    "protocol",
    "other",
)

# design → (CEBM 2011 treatment-benefit level, the reason in words). None: the design gives no level.
DESIGN_LEVELS: Mapping[str, tuple[int | None, str]] = {
    "systematic_review": (1, "systematic review / meta-analysis (level 1 when it pools randomised trials)"),
    "randomised_trial": (2, "randomised trial"),
    "non_randomised_trial": (3, "non-randomised controlled study"),
    "cohort": (3, "cohort / follow-up study"),
    "case_control": (4, "case-control study"),
    "case_series": (4, "case series / case report"),
    "narrative_review": (5, "narrative review: mechanism-based reasoning and opinion"),
    "book_review": (5, "book review: opinion"),
    "editorial": (5, "editorial / commentary: opinion"),
    "book": (5, "book: expert opinion and reasoning"),
    "chapter": (5, "book chapter: expert opinion and reasoning"),
    "protocol": (None, "a protocol reports no results"),
    "other": (None, "design not recognised"),
}

# Title / text cues, checked in this order; the first that matches decides. Order matters: "protocol for a
# randomised trial" is a protocol, "systematic review of randomised trials" a systematic review,
# "non-randomised" is not randomised, "book review" is not a narrative review.
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("protocol", re.compile(r"\bprotocol\b", re.I)),
    ("book_review", re.compile(r"\bbook reviews?\b", re.I)),
    (
        "systematic_review",
        re.compile(
            r"\bsystematic(?:al)?\s+(?:literature\s+)?review|\bmeta-?\s?analys[ie]s\b|\bumbrella review"
            r"|\boverview of (?:systematic )?reviews\b|\bcochrane review\b",
            re.I,
        ),
    ),
    (
        "non_randomised_trial",
        re.compile(r"\bnon-?\s?randomi[sz]ed\b|\bquasi-?\s?(?:randomi[sz]ed|experimental)\b", re.I),
    ),
    (
        "randomised_trial",
        re.compile(r"\brandomi[sz]ed\b|\brandomly (?:assigned|allocated)\b|\bRCTs?\b", re.I),
    ),
    ("case_control", re.compile(r"\bcase-?\s?control\b", re.I)),
    (
        "cohort",
        re.compile(r"\bcohort\b|\b(?:prospective|longitudinal|follow-up|observational) study\b", re.I),
    ),
    ("case_series", re.compile(r"\bcase (?:series|reports?|study)\b", re.I)),
    (
        "editorial",
        re.compile(
            r"\beditorial\b|\bcommentary\b|\bletter to the editor\b|\bin reply\b|\bcomment on\b"
            r"|\bviewpoint\b",
            re.I,
        ),
    ),
    (
        "narrative_review",
        re.compile(r"\b(?:narrative|literature|scoping|clinical|critical)\s+review\b|\breview\b", re.I),
    ),
)

# Crossref work types (and CSL types) that decide the design by themselves when the title has no cue.
_TYPE_DESIGNS: Mapping[str, str] = {
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "book-chapter": "chapter",
    "book-part": "chapter",
    "book-section": "chapter",
    "chapter": "chapter",
    "review-book": "book_review",
}

_RANDOMISED = re.compile(r"\brandomi[sz]ed\b|\bRCTs?\b|\btrials?\b", re.I)

# In what the user wrote about a work (note, abstract), a cue inside a hedged sentence is not taken: "whether
# it is a book review" says the design is unknown, not that it is a book review.
_HEDGE = re.compile(
    r"\bwhether\b|\bunconfirmed\b|\bnot (?:established|confirmed|known|clear)\b|\bunknown\b|\blikely\b"
    r"|\bpossibly\b|\bperhaps\b|\bmaybe\b|\bmay be\b|\bmight be\b|\bprobably\b|\?",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


@dataclass(frozen=True)
class DesignAssessment:
    """A study design, its CEBM 2011 level for a treatment-benefit question, and the reason for both."""

    design: str
    level: int | None
    reason: str


def _assess(design: str, cue: str, *, text: str = "") -> DesignAssessment:
    level, why = DESIGN_LEVELS[design]
    if design == "systematic_review" and not any(_RANDOMISED.search(s) for s in _plain_sentences(text)):
        why = "systematic review / meta-analysis; whether it pools randomised trials is not stated — check"
    return DesignAssessment(design, level, f"{why}; from {cue}")


def _match(text: str) -> str | None:
    for design, pattern in _CUES:
        if pattern.search(text):
            return design
    return None


def _plain_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that do not hedge."""
    return [s for s in _SENTENCE_END.split(text) if s.strip() and not _HEDGE.search(s)]


def _match_unhedged(text: str) -> tuple[str, str] | None:
    """(design, the sentence that says so) from the first unhedged sentence with a cue."""
    for sentence in _plain_sentences(text):
        design = _match(sentence)
        if design is not None:
            return design, sentence
    return None


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f'"{text[: limit - 1]}…"' if len(text) > limit else f'"{text}"'


def classify_design(
    reference: Reference | None = None, work: Mapping[str, Any] | None = None
) -> DesignAssessment:
    """The design and CEBM level of a work, from a reference alone, a Crossref work alone, or both.

    Without Crossref (``work=None``) the reference's title, type, note, keywords and abstract are read, so
    coverage can grade sources that were never verified.
    """
    titles: list[tuple[str, str]] = []  # (text, where it came from)
    if reference is not None and reference.title:
        titles.append((reference.title, "the reference's title"))
    if work is not None:
        title = crossref_first(work, "title")
        subtitle = crossref_first(work, "subtitle")
        if title:
            full = f"{title}: {subtitle}" if subtitle else title
            titles.append((strip_markup(full), "Crossref's title"))
    texts: list[tuple[str, str]] = []  # what the user (or Crossref) wrote about the work
    if reference is not None:
        if reference.note:
            texts.append((reference.note, "the reference's note"))
        if reference.keywords:
            texts.append(("; ".join(reference.keywords), "the reference's keywords"))
        if reference.abstract:
            texts.append((reference.abstract, "the reference's abstract"))
    if work is not None and isinstance(work.get("abstract"), str):
        texts.append((strip_markup(str(work["abstract"])), "Crossref's abstract"))
    subjects = work.get("subject") if work is not None else None
    if isinstance(subjects, list) and subjects:
        # Crossref's subjects are mostly journal categories ("Neurology (clinical)"); a few name a design.
        texts.append(("; ".join(str(x) for x in subjects if isinstance(x, str)), "Crossref's subject"))
    everything = " ".join(text for text, _ in (*titles, *texts))

    for text, where in titles:
        design = _match(text)
        if design is not None:
            return _assess(design, f"{where} {_quote(text)}", text=everything)

    types: list[tuple[str, str]] = []
    if reference is not None and reference.type:
        types.append((reference.type, "the reference's type"))
    if work is not None and (crossref_type := crossref_first(work, "type")):
        types.append((crossref_type, "Crossref's type"))
    for kind, where in types:
        if kind in _TYPE_DESIGNS:
            return _assess(_TYPE_DESIGNS[kind], f"{where} {kind!r}")

    for text, where in texts:
        found = _match_unhedged(text)
        if found is not None:
            design, sentence = found
            return _assess(design, f"{where} {_quote(_cue_context(sentence, design))}", text=everything)

    looked = [where for _, where in (*titles, *types, *texts)]
    what = ", ".join(looked) if looked else "nothing to read (no title, type or note)"
    return DesignAssessment("other", None, f"design not recognised; looked at {what}")


def _cue_context(text: str, design: str) -> str:
    """The words around the cue, so the reason shows what was read rather than a whole abstract."""
    pattern = dict(_CUES)[design]
    found = pattern.search(text)
    if found is None:
        return text
    start = max(0, found.start() - 30)
    end = min(len(text), found.end() + 30)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def appraise(reference: Reference, verification: Verification | None = None) -> DesignAssessment:
    """The design and level of ``reference``: verification's grading when it graded the work (it read
    Crossref's record too), else :func:`classify_design` of the reference alone."""
    if verification is not None and verification.design is not None:
        reason = verification.level_reason or "as graded by verification"
        return DesignAssessment(verification.design, verification.level, reason)
    return classify_design(reference)
