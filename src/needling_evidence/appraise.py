"""Appraisal: the study design and Oxford CEBM 2011 level of evidence of each source, from the record
(PubMed's publication types, the journal and publisher, Crossref's type and subtype) and the words of the
reference.

This module holds the one design/level table (:data:`DESIGN_LEVELS`) and every mapping onto it: PubMed's
publication types (:data:`PUBLICATION_TYPE_DESIGNS`), journals and guideline bodies
(:data:`JOURNAL_DESIGNS`), Crossref and CSL types (:data:`TYPE_DESIGNS`) and title and text cues.
Verification (Crossref, PubMed) calls it; it imports no client.

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
Evidence-Based Medicine.) A protocol, a guideline (graded by the evidence it cites, not as a study), a
correction or retraction notice and an unrecognised design get no level; the reason says why.

The design is read from the strongest source first (the first that says anything decides):

1. a reviewer's entry: a ``design`` field on the reference (BibTeX ``design = {systematic_review}``, one of
   :data:`DESIGNS`);
2. PubMed's publication types (:func:`design_from_publication_types`), which index staff assign from the
   full text;
3. the journal or publisher: the Cochrane Database of Systematic Reviews publishes systematic reviews (and
   protocols, which say so in their title); guideline bodies (NICE, WHO, SIGN …) publish guidelines;
4. a type that names opinion or a notice, which outranks the title (a book review carries the title of the
   book it reviews): Crossref's type and subtype, the reference's CSL type (``review-book``, ``editorial``,
   ``letter``, ``erratum`` …);
5. the title's words; then a book or chapter type;
6. what the user wrote about the work (``note``, ``keywords``, ``abstract``) and Crossref's abstract and
   subjects.

Every result carries the cue it rests on, and where that came from, in ``reason``. Below the reviewer's entry
it is a reading of the record, not of the study: a reviewer should confirm it for any source that carries a
claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .crossref.compare import crossref_first, strip_markup
from .model import Reference, Verification

__all__ = [
    "DESIGNS",
    "DESIGN_LEVELS",
    "JOURNAL_DESIGNS",
    "PUBLICATION_TYPE_DESIGNS",
    "TYPE_DESIGNS",
    "DesignAssessment",
    "appraise",
    "classify_design",
    "design_from_publication_types",
]

DESIGNS: tuple[str, ...] = (
    "systematic_review",
    "randomised_trial",
    "non_randomised_trial",
    "cohort",
    "case_control",
    "case_series",
    "mechanistic_study",
    "narrative_review",
    "guideline",
    "book_review",
    "editorial",
    "book",
    "chapter",
    "protocol",
    "notice",
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
    "mechanistic_study": (5, "laboratory or animal study: mechanism-based evidence"),
    "narrative_review": (5, "narrative review: mechanism-based reasoning and opinion"),
    "guideline": (None, "clinical practice guideline: graded by the evidence it cites, not as a study"),
    "book_review": (5, "book review: opinion"),
    "editorial": (5, "editorial / commentary: opinion"),
    "book": (5, "book: expert opinion and reasoning"),
    "chapter": (5, "book chapter: expert opinion and reasoning"),
    "protocol": (None, "a protocol reports no results"),
    "notice": (None, "a correction or retraction notice, not a study"),
    "other": (None, "design not recognised"),
}

# Title / text cues, checked in this order; the first that matches decides. Order matters: "protocol for a
# randomised trial" is a protocol, "systematic review of randomised trials" a systematic review,
# "non-randomised" is not randomised, "book review" is not a narrative review.
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("protocol", re.compile(r"\bprotocol\b", re.I)),
    ("book_review", re.compile(r"\bbook reviews?\b", re.I)),
    ("notice", re.compile(r"^\s*(?:erratum|corrigendum|correction|retraction|retracted)\b", re.I)),
    ("guideline", re.compile(r"\b(?:clinical )?practice guidelines?\b|\bclinical guidelines?\b", re.I)),
    (
        "systematic_review",
        re.compile(
            r"\bsystematic(?:al)?\s+(?:literature\s+)?review|\bmeta-?\s?analys[ie]s\b|\bumbrella review"
            r"|\boverview of (?:systematic )?reviews\b|\bcochrane review\b",
            re.I,
        ),
    ),
    (
        "mechanistic_study",
        re.compile(r"\b(?:rats?|mice|murine|rabbits?|animal models?|in vitro|cadaver(?:s|ic)?)\b", re.I),
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
        # a prospective survey counting adverse events over treatments is surveillance (CEBM 2011: level 3)
        re.compile(
            r"\bcohort\b|\b(?:prospective|longitudinal|follow-up|observational) study\b"
            r"|\bprospective (?:survey|questionnaire)\b|\bsurveillance\b",
            re.I,
        ),
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

# Literal words (lower case) of which every text a cue matches holds at least one: a cue's pattern is searched
# only when one of its words is in the text, since ~13 pattern searches over every title, note and abstract
# were most of the time a coverage report of 50,000 references took. tests/test_appraise.py checks every
# match of every pattern against these words, so a pattern changed here needs its words changed too.
_CUE_WORDS: Mapping[str, tuple[str, ...]] = {
    "protocol": ("protocol",),
    "book_review": ("book review",),
    "notice": ("erratum", "corrigendum", "correction", "retract"),
    "guideline": ("guideline",),
    "systematic_review": ("systematic", "meta", "umbrella review", "overview of", "cochrane review"),
    "mechanistic_study": ("rat", "mice", "murine", "rabbit", "animal model", "in vitro", "cadaver"),
    "non_randomised_trial": ("randomi", "quasi"),
    "randomised_trial": ("random", "rct"),
    "case_control": ("control",),
    "cohort": ("cohort", "prospective", "longitudinal", "follow-up", "observational", "surveillance"),
    "case_series": ("case ",),
    "editorial": ("editorial", "commentary", "letter to the editor", "in reply", "comment on", "viewpoint"),
    "narrative_review": ("review",),
}
_CUE_TABLE: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (design, pattern, _CUE_WORDS[design]) for design, pattern in _CUES
)

# Crossref types and subtypes, and CSL types, that decide the design by themselves. Opinion and notices
# outrank the title (a book review carries the reviewed book's title); books and chapters only a title with
# no cue.
TYPE_DESIGNS: Mapping[str, str] = {
    "review-book": "book_review",  # CSL
    "book-review": "book_review",
    "editorial": "editorial",
    "letter": "editorial",  # a letter to the editor: opinion
    "peer-review": "editorial",  # Crossref: a referee's report
    "erratum": "notice",
    "correction": "notice",
    "retraction": "notice",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "book-chapter": "chapter",
    "book-part": "chapter",
    "book-section": "chapter",
    "chapter": "chapter",
}
_OUTRANK_TITLE = frozenset({"book_review", "editorial", "notice"})

# Journals and publishers (folded to lower case, whole words) whose works have one design. The Cochrane
# Database of Systematic Reviews publishes Cochrane reviews (its protocols say "protocol" in the title, which
# is checked first); guideline bodies publish clinical practice guidelines.
JOURNAL_DESIGNS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"\bcochrane database of systematic reviews\b", re.I),
        "systematic_review",
        "a Cochrane review",
    ),
    (
        re.compile(
            r"\bnational institute for health and (?:care|clinical) excellence\b|\bnice guidelines?\b"
            r"|\bworld health organi[sz]ation\b|\bscottish intercollegiate guidelines network\b"
            r"|\bguidelines? (?:international )?network\b|\bclinical practice guidelines?\b",
            re.I,
        ),
        "guideline",
        "a guideline body",
    ),
)

# PubMed publication types (NLM's list, MeSH "Publication Type" descriptors) → a design, most specific first:
# the first type found in this order decides.
PUBLICATION_TYPE_DESIGNS: tuple[tuple[str, str], ...] = (
    ("Retraction of Publication", "notice"),
    ("Published Erratum", "notice"),
    ("Meta-Analysis", "systematic_review"),
    ("Systematic Review", "systematic_review"),
    ("Randomized Controlled Trial", "randomised_trial"),
    ("Equivalence Trial", "randomised_trial"),
    ("Pragmatic Clinical Trial", "randomised_trial"),
    ("Controlled Clinical Trial", "non_randomised_trial"),
    ("Clinical Trial Protocol", "protocol"),
    ("Observational Study", "cohort"),
    ("Case Reports", "case_series"),
    ("Practice Guideline", "guideline"),
    ("Guideline", "guideline"),
    ("Consensus Development Conference", "guideline"),
    ("Editorial", "editorial"),
    ("Comment", "editorial"),
    ("Letter", "editorial"),
    ("News", "editorial"),
    ("Review", "narrative_review"),
)

_RANDOMISED = re.compile(r"\brandomi[sz]ed\b|\bRCTs?\b|\btrials?\b", re.I)
_RANDOMISED_WORDS = ("randomi", "rct", "trial")

# In what the user wrote about a work (note, abstract), a cue inside a hedged sentence is not taken: "whether
# it is a book review" says the design is unknown, not that it is a book review.
_HEDGE = re.compile(
    r"\bwhether\b|\bunconfirmed\b|\bnot (?:established|confirmed|known|clear)\b|\bunknown\b|\blikely\b"
    r"|\bpossibly\b|\bperhaps\b|\bmaybe\b|\bmay be\b|\bmight be\b|\bprobably\b|\?",
    re.I,
)
_HEDGE_WORDS = (
    "whether",
    "unconfirmed",
    "not ",
    "unknown",
    "likely",
    "possibly",
    "perhaps",
    "maybe",
    "may be",
    "might be",
    "probably",
    "?",
)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")

# The four characters outside ASCII that ``re.IGNORECASE`` takes for an ASCII letter (dotted and dotless I,
# long s, the Kelvin sign): mapped to that letter before lower-casing, so a word test on the folded text
# finds every word a pattern finds (tests/test_appraise.py checks this against every code point).
_CASE_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _fold(text: str) -> str:
    """``text`` in lower case, as ``re.IGNORECASE`` compares ASCII letters."""
    return text.lower() if text.isascii() else text.translate(_CASE_TO_ASCII).lower()


def _has_word(folded: str, words: tuple[str, ...]) -> bool:
    # a loop, not any(<generator>): called millions of times on a large library, the generator costs more
    for word in words:  # noqa: SIM110
        if word in folded:
            return True
    return False


@dataclass(frozen=True)
class DesignAssessment:
    """A study design, its CEBM 2011 level for a treatment-benefit question, and the reason for both."""

    design: str
    level: int | None
    reason: str


def _assess(design: str, cue: str, *, text: str = "") -> DesignAssessment:
    level, why = DESIGN_LEVELS[design]
    if design == "systematic_review" and not any(_pools_trials(s) for s in _plain_sentences(text)):
        why = "systematic review / meta-analysis; whether it pools randomised trials is not stated — check"
    return DesignAssessment(design, level, f"{why}; from {cue}")


def _pools_trials(sentence: str) -> bool:
    return _has_word(_fold(sentence), _RANDOMISED_WORDS) and _RANDOMISED.search(sentence) is not None


@lru_cache(maxsize=65536)  # a reference's title is usually Crossref's title too: read once
def _match(text: str) -> str | None:
    """The design of the first cue (:data:`_CUES` order) that ``text`` holds."""
    folded = _fold(text)
    for design, pattern, words in _CUE_TABLE:
        for word in words:  # _has_word inlined: this loop runs for every text of every reference
            if word in folded:
                if pattern.search(text):
                    return design
                break
    return None


def _plain_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that do not hedge."""
    # splitting needs a sentence mark, and a hedge one of its words: most abstracts are searched for neither
    sentences = _SENTENCE_END.split(text) if _has_word(text, (".", ";", "!", "?")) else [text]
    return [s for s in sentences if s.strip() and not _hedges(s)]


def _hedges(sentence: str) -> bool:
    return _has_word(_fold(sentence), _HEDGE_WORDS) and _HEDGE.search(sentence) is not None


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


def _reviewer_entry(reference: Reference | None) -> DesignAssessment | None:
    """The design a reviewer wrote on the reference (a ``design`` field naming one of :data:`DESIGNS`)."""
    if reference is None:
        return None
    entry = reference.fields.get("design")
    if not entry:
        return None
    design = "_".join(entry.strip().casefold().replace("-", " ").split())
    if design not in DESIGN_LEVELS:
        return None  # an unknown word is not guessed at; the record decides
    level, why = DESIGN_LEVELS[design]
    return DesignAssessment(design, level, f"{why}; from the reviewer's entry (design = {entry.strip()!r})")


def design_from_publication_types(types: Iterable[str]) -> tuple[str, int | None, str] | None:
    """``(design, CEBM level, reason)`` from PubMed's publication types, or ``None`` when they say nothing
    beyond "Journal Article". The reason quotes the deciding type and names PubMed as the source."""
    folded = {t.strip().casefold(): t.strip() for t in types if t and t.strip()}
    if not folded:
        return None
    for publication_type, design in PUBLICATION_TYPE_DESIGNS:
        if publication_type.casefold() in folded:
            level, why = DESIGN_LEVELS[design]
            return (
                design,
                level,
                f"{why}; from PubMed publication type {folded[publication_type.casefold()]!r}",
            )
    return None


def _from_journal(reference: Reference | None, work: Mapping[str, Any] | None) -> DesignAssessment | None:
    """The design a journal, publisher or corporate author implies (:data:`JOURNAL_DESIGNS`)."""
    places: list[tuple[str, str]] = []
    if reference is not None:
        if reference.container_title:
            places.append((reference.container_title, "the reference's journal"))
        if reference.publisher:
            places.append((reference.publisher, "the reference's publisher"))
        places += [(a.literal, "the reference's author") for a in reference.authors if a.literal]
    if work is not None:
        for field_name, where in (
            ("container-title", "Crossref's journal"),
            ("publisher", "Crossref's publisher"),
        ):
            value = crossref_first(work, field_name)
            if value:
                places.append((strip_markup(value), where))
    for text, where in places:
        found = _journal_design(text)
        if found is not None:
            design, what = found
            level, why = DESIGN_LEVELS[design]
            return DesignAssessment(design, level, f"{why}; {what}, from {where} {_quote(text)}")
    return None


@lru_cache(maxsize=4096)
def _journal_design(text: str) -> tuple[str, str] | None:
    """(design, what implies it) for a journal or publisher name; cached: a library repeats journals."""
    for pattern, design, what in JOURNAL_DESIGNS:
        if pattern.search(text):
            return design, what
    return None


def _types(reference: Reference | None, work: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """(type, where it came from): Crossref's subtype and type, then the reference's own type."""
    types: list[tuple[str, str]] = []
    if work is not None:
        for field_name, where in (("subtype", "Crossref's subtype"), ("type", "Crossref's type")):
            value = crossref_first(work, field_name)
            if value:
                types.append((value.strip().casefold(), where))
    if reference is not None and reference.type:
        types.append((reference.type.strip().casefold(), "the reference's type"))
    return types


def classify_design(
    reference: Reference | None = None,
    work: Mapping[str, Any] | None = None,
    *,
    publication_types: Iterable[str] = (),
) -> DesignAssessment:
    """The design and CEBM level of a work, from a reference alone, a Crossref work alone, or both, and
    PubMed's publication types when known — strongest source first (see the module docstring).

    Without Crossref (``work=None``) the reference's own fields are read, so coverage can grade sources that
    were never verified.
    """
    entered = _reviewer_entry(reference)
    if entered is not None:
        return entered
    # (no types, as for every reference PubMed was not asked about: nothing to read)
    from_pubmed = design_from_publication_types(publication_types) if publication_types else None
    if from_pubmed is not None:
        return DesignAssessment(*from_pubmed)

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

    # all the text (what a systematic review is read in): made only once a design is found
    def everything() -> str:
        return " ".join(text for text, _ in (*titles, *texts))

    title_designs = [(text, where, _match(text)) for text, where in titles]
    # A protocol says so in its title, even in a journal of reviews.
    protocol = next(((text, where) for text, where, design in title_designs if design == "protocol"), None)
    if protocol is not None:
        return _assess("protocol", f"{protocol[1]} {_quote(protocol[0])}")
    journal = _from_journal(reference, work)
    if journal is not None:
        if journal.design == "systematic_review":
            return _assess("systematic_review", journal.reason.split("; ", 1)[1], text=everything())
        return journal

    types = _types(reference, work)
    for kind, where in types:
        design = TYPE_DESIGNS.get(kind)
        if design in _OUTRANK_TITLE:
            return _assess(design, f"{where} {kind!r}")

    for text, where, design in title_designs:
        if design is not None:
            return _assess(design, f"{where} {_quote(text)}", text=everything())

    for kind, where in types:
        if kind in TYPE_DESIGNS:
            return _assess(TYPE_DESIGNS[kind], f"{where} {kind!r}")

    for text, where in texts:
        found = _match_unhedged(text)
        if found is not None:
            design, sentence = found
            return _assess(design, f"{where} {_quote(_cue_context(sentence, design))}", text=everything())

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
    """The design and level of ``reference``: a reviewer's entry on it first; then verification's grading
    when it graded the work (it read Crossref's record and PubMed's publication types); else
    :func:`classify_design` of the reference alone."""
    entered = _reviewer_entry(reference)
    if entered is not None:
        return entered
    if verification is not None and verification.design is not None:
        reason = verification.level_reason or "as graded by verification"
        return DesignAssessment(verification.design, verification.level, reason)
    return classify_design(reference)
