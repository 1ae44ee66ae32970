"""Coverage: the evidence map of an article — every claim, the sources linked to it, a status with its reason,
and the gaps an editor must fix, worst first.

Coverage rules
==============

Every reviewed link (``origin="registry"``) to a usable source is weighed first (:func:`assess`): it is
**support** (full or weak), **against** the claim, or neither. Then each claim gets one status, the first that
applies:

``contradicted``
    something weighs against the claim and nothing supports it — "contradicted by outside evidence" when
    everything against it is outside evidence.
``conflicting``
    something weighs against the claim at the same or a higher CEBM level than its best support (an unknown
    level counts as the highest for a contradiction, the lowest for support).
``supported``
    at least one link is full support; a contradiction at a lower level is named ("but at a lower level …").
``weak``
    only weak support; or only inline citations ("cited, not reviewed").
``unsupported``
    everything else: no links, only mentions, support of very low certainty ("insufficient evidence"), another
    outcome, outside support, excluded sources.

How one link is weighed (the rows of the README's rule table; ``KIND_RULES`` says what fits each kind):

- **Full support**: stance ``supports``, ``direct`` (no ``indirectness``), from a reference the article
  cites, whose design fits the claim's kind, with GRADE certainty ``moderate`` or ``high``, from a source
  that could be checked. What fits (:data:`KIND_RULES`, Oxford CEBM 2011): ``efficacy`` level 1–2
  (randomised trials or a systematic review of them); ``safety`` level 1–3 (common harms: cohorts and
  surveillance are level 3);
  ``experience`` level 1–3; ``mechanism`` and ``etiology`` a mechanistic, observational or trial design or a
  systematic review of them (:data:`MECHANISM_DESIGNS`) — a narrative review alone is weak; ``other``
  (definitional) any source, and it needs no certainty (a definition makes no finding to rate). Opinion (a
  book review, an editorial) fits only ``other``.
- **Weak support**: support that falls short in any of: ``certainty: low`` ("supported, low certainty");
  no recorded certainty ("certainty not recorded" — unknown is never read as good); ``partially_supports``;
  ``indirect`` or an ``indirectness`` of ``population``, ``intervention`` or ``comparator`` ("indirectly:
  another population"); a design or level that does not fit the kind; a source that could not be checked
  (``unverified``).
- **Neither**: support of ``certainty: very_low`` ("insufficient evidence"); ``indirectness: outcome`` (it
  measured another outcome: not support at all); support from **outside evidence** — a library work the
  article does not cite (support must come from what the article cites); ``mentions``; a contradiction whose
  finding is inconclusive (``effect: inconclusive``, ``effect: no_difference`` of ``low`` or ``very_low``
  certainty), of ``very_low`` certainty ("insufficient evidence against it") or about another outcome
  (``indirectness: outcome``).
- **Against**: stance ``contradicts`` (any other effect, any level, certainty not ``very_low``); or, for a
  benefit (``efficacy``) claim, stance ``mentions`` with ``effect: no_difference`` of ``moderate`` or ``high``
  certainty against ``sham``, ``no_treatment``, ``usual_care`` or an unrecorded comparator (no difference
  from an ``active`` treatment does not say the treatment fails). Outside evidence counts here: a reviewed
  link to a library work can make a claim ``contradicted`` or ``conflicting``, never ``supported``.

Overstatement (an ``overstated`` gap, beside the status; only for a claim with support to compare with):

- "fast", "quick", "immediate", "instant", "rapid" — when no supporting link records an ``immediate`` or
  ``short`` time frame (a ``long`` one, or none recorded);
- "highly effective", "massive", "dramatic", "cures", "miracle" — when no support is of ``moderate`` or
  ``high`` certainty, or a link finds ``no_difference`` from an ``active`` comparator;
- "painless", "no side effects", "no risk", "risk-free", "always", "proven", "guaranteed", "completely safe" —
  when any usable link (outside evidence too) shows ``effect: harm`` or weighs against it, or the support is
  not all of ``high`` certainty.

Sources are excluded (never support, never contradict) when their verification failed — status ``mismatch``
(the DOI's record names another work), ``not_found`` or ``malformed_doi`` — or when they carry a retraction or
withdrawal notice. With no verification run (``verifications=None``) every reference is ``not_checked``, as is
any reference the verifications do not cover; that is shown, and does not by itself weaken a claim. A link
whose reviewer marked ``confidence: unconfirmed`` still counts; its assessment says so. The evidence level is
the verification's, or else read from the reference alone (:func:`needling_evidence.appraise.appraise`).

An inline citation in the article (``Article.citations``) becomes a link with ``origin="citation"`` and stance
``mentions`` for the claims anchored in that sentence: it records what the author pointed at, not what the
source shows. A suggestion (``origin="suggestion"``, see :mod:`needling_evidence.suggest`) is never support.
How claims are tied to sources (quotes, inline citations, unregistered sentences, suggestions) is
:mod:`needling_evidence.link`; this module keeps the rules, the gaps and the summary.

The stages, for a caller that runs them one by one (:func:`coverage_report` composes them)::

    index = link.quote_index(article)                              # one QuoteIndex for the run
    linked = link.link_claims(article, claims, references, index=index)   # quotes anchored, citations linked
    graded = coverage.sources(references, verifications, library=library)  # design and level, outside works
    assessment = coverage.assess(linked, graded)                    # statuses, claim and link rows, gaps
    left_out = link.unregistered(article, claims, drafted, index)   # drafted once, by the caller
    wanted = [c for c in claims if assessment.statuses[c.id] != "supported"]
    suggested = link.suggestions(wanted, references, library, coverage.level_lookup(graded))
    report = coverage.build_report(article, assessment, graded, claims=claims, unregistered=left_out,
                                   suggestions=suggested, problems=problems, notes=notes)

Gaps (:data:`GAP_ORDER`, worst first; within one kind of gap by the claim's :data:`KIND_RISK` — claims about
harms first, so safety-critical contradictions lead —, then in the order the claims were given; gaps about
references follow the references' order): ``contradicted``, ``conflicting``, ``retracted`` (a source with a
retraction/withdrawal notice), ``failed_verification``, ``unknown_work`` (a cited work no index searched
knows — status ``no_doi``: check that it exists), ``unsupported``, ``unknown_source`` (a link to a key
that is neither a reference nor a library work), ``harms_unstated`` (the article claims benefits but no claim
about harms is supported), ``overstated`` (the claim's words promise more than its support shows), ``weak``,
``unregistered`` (a check-worthy sentence from
:func:`~needling_evidence.draft_claims` that no claim quotes), ``notice`` (a correction or expression of
concern), ``metadata_differs`` (Crossref has the work, but some fields differ), ``unverified_reference``
(could not be checked), ``uncited_reference`` (no claim uses it).

Tables (DataFrames, built on first access; ``to_dict()`` gives the same rows without pandas)
===========================================================================================

``claims`` — one row per claim: ``claim_id`` (str), ``text`` (str), ``kind`` (str), ``status`` (str),
``reason`` (str), ``best_source`` (str or None), ``best_stance`` (str or None), ``best_level`` (Int64,
nullable), ``n_links`` (int: registry + citation links), ``n_supporting`` (int: links weighed as full or
weak support), ``sentence_id`` (str or None), ``quote``, ``condition``,
``population`` (str or None), ``line`` (Int64).

``links`` — one row per link (reviewed, inline citation or suggestion, so a source cited inline and also
reviewed has two rows for the claim): ``claim_id``, ``source_key``, ``stance``, ``directness``, ``origin``
(str), ``rationale``, ``location``, ``confidence``, ``reviewer``, ``reviewed`` (str or None), ``level``
(Int64), ``counts`` (bool: whether it was weighed for the status), ``assessment`` (str: how it was weighed),
``score`` (float, suggestions only), the reviewer's appraisal ``certainty``, ``comparator``, ``timeframe``,
``outcome``, ``indirectness``, ``effect`` (str or None: not recorded), ``outside`` (bool: a library work the
article does not cite).

``references`` — one row per reference, input order: ``key``, ``status`` (a reference status or
``not_checked``), ``doi``, ``title`` (str or None), ``year`` (Int64), ``label``, ``type``, ``design`` (str or
None), ``level`` (Int64), ``level_reason`` (str), ``suggested_doi``, ``mismatches`` (dict field → [ours,
Crossref's]), ``notices`` (list of dicts: kind, doi, date, source), ``retracted`` (bool), ``provenance``
(dict: kind, fetched, note, base_url — or None), ``verification_source`` (str), ``message`` (str),
``n_claims`` (int: claims linking it), ``n_supported_claims`` (int: claims it makes ``supported``; partial or
otherwise weak support is not counted). Library works linked as outside evidence have no row here.

``gaps`` — worst first: ``gap`` (str), ``severity`` (``error``/``warning``), ``claim_id`` (str or None),
``source_key`` (str or None), ``message`` (str).

``suggestions`` — ``claim_id``, ``rank`` (int), ``source_key``, ``score`` (float), ``label``, ``title``,
``year`` (Int64), ``in_library`` (bool), ``shared_terms`` (str), ``level`` (Int64), ``rationale`` (str),
``origin`` (``suggestion``).

``unregistered`` — check-worthy sentences no claim quotes: ``claim_id`` (the drafted claim's id),
``sentence_id``, ``text``, ``quote``, ``kind`` (str or None).

``problems`` (``to_dict()`` only; ``report.problems`` holds the records) — ``code``, ``severity``,
``message``, ``file``, ``line``, ``key``, ``field``.

``summary`` — ``n_claims``, ``n_supported``, ``n_weak``, ``n_conflicting``, ``n_contradicted``,
``n_unsupported``, ``by_status`` (dict), ``percent_supported`` (float; 100.0 when there are no claims),
``n_references`` (the article's references, not library works), ``n_links``
(registry and citation links), ``n_suggestions``, ``n_gaps``, ``n_unregistered``, ``n_problems``,
``verification_source`` (str), ``title``."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from .appraise import DesignAssessment, appraise, classify_design
from .errors import StrictError
from .link import Linked, link_claims, quote_index, suggestions, unregistered
from .model import (
    CLAIM_STATUSES,
    DIRECTNESS,
    STANCES,
    Article,
    Claim,
    ClaimKind,
    ClaimStatus,
    Directness,
    EvidenceLink,
    LinkOrigin,
    Problem,
    Reference,
    Stance,
    Verification,
)
from .rows import (
    ClaimRow,
    GapKind,
    GapRow,
    LinkRow,
    ReferenceRow,
    ReferenceRowStatus,
    Row,
    SuggestionRow,
    Summary,
    UnregisteredRow,
    columns,
    problem_row,
    row_dict,
    short_authors,
    verification_row,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "EXCLUDING_STATUSES",
    "GAP_ORDER",
    "KIND_RISK",
    "KIND_RULES",
    "OPINION_DESIGNS",
    "SCHEMA_VERSION",
    "Assessment",
    "CoverageReport",
    "Source",
    "assess",
    "build_report",
    "coverage_report",
    "level_lookup",
    "sources",
]

# A verification message that already says the reference could not be checked is not prefixed again.
_SAYS_UNCHECKED = re.compile(r"\s*(?:could not be checked|unverified)\b", re.IGNORECASE)

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class KindRule:
    """What evidence a claim kind needs to be ``supported``."""

    max_level: int | None  # highest (worst) Oxford CEBM 2011 level that fits; None: no level bound
    designs: frozenset[str] | None  # the designs that fit (None: any design the level allows)
    needs_certainty: bool  # whether the finding's GRADE certainty must be moderate or high
    why: str


# Studies that can show a mechanism: mechanistic (laboratory, animal) studies, any primary clinical study that
# measured it, and a systematic review of such studies. A narrative review alone reasons about mechanisms; it
# does not show them.
MECHANISM_DESIGNS = frozenset(
    {
        "systematic_review",
        "randomised_trial",
        "non_randomised_trial",
        "cohort",
        "case_control",
        "case_series",
        "mechanistic_study",
    }
)
# Oxford CEBM 2011: "Does this intervention help?" — level 1–2 are systematic reviews of randomised trials and
# randomised trials; "What are the common harms?" — level 3 adds non-randomised controlled cohort and
# follow-up (post-marketing surveillance) studies with enough numbers to rule out a common harm, which is
# where harms data lives; patients' experience rests on the same cohort-level studies. GRADE rates the
# certainty of each finding; a definitional claim (``other``) makes no finding to rate.
KIND_RULES: Mapping[str, KindRule] = {
    "efficacy": KindRule(2, None, True, "a benefit claim needs trial-level evidence (CEBM 2011 level 1–2)"),
    "safety": KindRule(
        3, None, True, "a harms claim needs CEBM 2011 level 1–3 evidence (harms: level 3 fits)"
    ),
    "experience": KindRule(
        3, None, True, "a claim about what patients feel needs level 1–3 evidence (CEBM 2011)"
    ),
    "mechanism": KindRule(
        None,
        MECHANISM_DESIGNS,
        True,
        "a mechanism claim needs mechanistic studies or a systematic review of them",
    ),
    "etiology": KindRule(
        None,
        MECHANISM_DESIGNS,
        True,
        "a claim about causes needs mechanistic or observational studies, or a systematic review of them",
    ),
    "other": KindRule(None, None, False, "a descriptive claim may rest on any source"),
}
# Designs (from appraise.classify_design) that report opinion rather than evidence.
OPINION_DESIGNS = frozenset({"book_review", "editorial"})
# GRADE certainties that let support make a claim ``supported`` (and a finding of no difference contradict).
CERTAIN_ENOUGH = frozenset({"moderate", "high"})
# Verification statuses that exclude a source from the evidence (the DOI names another work, is unknown, or is
# not a DOI at all). "unverified" (the check could not run) only weakens.
EXCLUDING_STATUSES = frozenset({"mismatch", "not_found", "malformed_doi"})
NOT_CHECKED = "not_checked"

# gap → (rank, severity). Worst first: a claim the evidence contradicts, then one it speaks both for and
# against, then sources that cannot be trusted, then claims with no support, then claims whose words promise
# more than their support shows, then weaker findings, then bookkeeping.
GAP_ORDER: Mapping[str, tuple[int, str]] = {
    "contradicted": (0, "error"),
    "conflicting": (1, "error"),
    "retracted": (2, "error"),
    "failed_verification": (3, "error"),
    "unknown_work": (4, "error"),
    "unsupported": (5, "error"),
    "unknown_source": (6, "error"),
    "harms_unstated": (7, "warning"),
    "overstated": (8, "warning"),
    "weak": (9, "warning"),
    "unregistered": (10, "warning"),
    "notice": (11, "warning"),
    "metadata_differs": (12, "warning"),
    "unverified_reference": (13, "warning"),
    "uncited_reference": (14, "warning"),
}
# Within one kind of gap, claims a reader could act on come first: an unbacked promise about harms or benefits
# can mislead a patient's decision; a claim about popularity or history cannot. Then article order.
KIND_RISK: Mapping[str, int] = {
    "safety": 0,
    "efficacy": 1,
    "etiology": 2,
    "mechanism": 3,
    "experience": 4,
    "other": 5,
}
# Words that promise more than "it helps" (the module docstring's "Overstatement"): speed, size, certainty or
# the absence of any harm. Whole words, case-insensitive, in the claim's text and its quote.
_SPEED = re.compile(
    r"\b(?:fast(?:er)?|quick(?:ly)?|immediate(?:ly)?|instant(?:ly|aneous)?|rapid(?:ly)?)\b", re.I
)
_MAGNITUDE = re.compile(
    r"\b(?:highly|very|extremely|remarkably|hugely) effective\b|\bmassive(?:ly)?\b|\bdramatic(?:ally)?\b"
    r"|\bcure[sd]?\b|\bmiracle\b",
    re.I,
)
_ABSOLUTE = re.compile(
    r"\bpainless(?:ly)?\b|\bno (?:side[- ]effects?|risks?|pain)\b"
    r"|\bwithout (?:any )?(?:side[- ]effects?|risks?|pain)\b"
    r"|\brisk-free\b|\balways\b|\bproven\b|\bguaranteed?\b|\bcompletely safe\b",
    re.I,
)


# --- sources ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A reference with its verification (None: not checked) and its appraisal (design and level).
    ``outside``: a library work the article does not cite — it can contradict a claim, never support it."""

    ref: Reference
    verification: Verification | None
    appraisal: DesignAssessment
    outside: bool = False

    @property
    def design(self) -> str | None:
        return self.appraisal.design

    @property
    def level(self) -> int | None:
        return self.appraisal.level

    @property
    def status(self) -> str:
        return self.verification.status if self.verification is not None else NOT_CHECKED

    @property
    def excluded_because(self) -> str | None:
        """Why the source cannot count, without its label (the caller names it once), or None."""
        v = self.verification
        if v is None:
            return None
        if v.retracted:
            kinds = sorted({n.kind for n in v.notices if n.kind in ("retraction", "withdrawal")})
            return f"carries a {' and '.join(kinds)} notice"
        if v.status in EXCLUDING_STATUSES:
            return f"failed verification ({v.status})"
        return None


def sources(
    references: Iterable[Reference],
    verifications: Iterable[Verification] | None = None,
    *,
    library: Iterable[Reference] | None = None,
) -> dict[str, Source]:
    """Reference key → :class:`Source`, in input order, each graded once (:func:`~.appraise.appraise` reuses
    verification's grading). A duplicate key is the reader's problem record; the first entry stands.
    ``library`` works whose keys are not references follow, graded too, marked ``outside``: a reviewed link
    to one is outside evidence."""
    by_key: dict[str, Source] = {}
    verification_by_key = {v.key: v for v in verifications} if verifications is not None else {}
    for ref in references:
        if ref.key not in by_key:
            v = verification_by_key.get(ref.key)
            by_key[ref.key] = Source(ref, v, appraise(ref, v))
    for ref in library or ():
        if ref.key not in by_key:
            by_key[ref.key] = Source(ref, None, appraise(ref), outside=True)
    return by_key


def level_lookup(graded: Mapping[str, Source]) -> Callable[[Reference], int | None]:
    """A source's level for suggestions: the graded one, else (an outside work) graded here, once per key."""
    levels: dict[str, int | None] = {key: source.level for key, source in graded.items()}

    def level_of(ref: Reference) -> int | None:
        if ref.key not in levels:
            levels[ref.key] = classify_design(ref).level
        return levels[ref.key]

    return level_of


# --- the rules ----------------------------------------------------------------------------------------------


# How a weighed link bears on its claim.
_FULL = "full"  # makes the claim supported
_WEAK = "weak"  # support that falls short: the claim is at best weak
_AGAINST = "against"  # contradicts the claim
_NONE = "none"  # weighed, but neither support nor contradiction (mentions, insufficient, another outcome)
_NOT_WEIGHED = "not_weighed"  # a citation, a suggestion, an unknown or excluded source


@dataclass(frozen=True)
class _Weighed:
    link: EvidenceLink
    role: str
    assessment: str
    level: int | None
    rank: int  # lower is stronger, for best_source
    outside: bool = False

    @property
    def counts(self) -> bool:
        return self.role != _NOT_WEIGHED

    @property
    def supports(self) -> bool:
        return self.role in (_FULL, _WEAK)


def _level_text(level: int | None) -> str:
    return f"level {level}" if level is not None else "level unknown"


def _not_weighed(link: EvidenceLink, why: str, level: int | None, rank: int) -> _Weighed:
    return _Weighed(link, _NOT_WEIGHED, why, level, rank)


def _weigh(claim: Claim, link: EvidenceLink, info: Source | None) -> _Weighed:
    if link.origin == "citation":
        return _not_weighed(link, "cited inline, not reviewed", info.level if info else None, 6)
    if link.origin == "suggestion":
        return _not_weighed(link, "suggestion, never support", info.level if info else None, 9)
    if info is None:
        return _not_weighed(link, f"{link.source!r} is not among the references", None, 8)
    excluded = info.excluded_because
    if excluded:
        return _not_weighed(link, f"excluded: {info.ref.label} {excluded}", info.level, 7)
    if link.stance not in STANCES or link.directness not in DIRECTNESS:
        # Claims built in code are not validated on the way in; an unknown word must not pass for support.
        return _not_weighed(
            link,
            f"not weighed: unknown stance or directness {link.stance!r}/{link.directness!r}",
            info.level,
            8,
        )
    if link.stance == "contradicts" or link.stance == "mentions":
        return _weigh_against(claim, link, info)
    return _weigh_support(claim, link, info)


def _outside_words(info: Source) -> str:
    return " — outside evidence, not cited by the article" if info.outside else ""


def _weigh_against(claim: Claim, link: EvidenceLink, info: Source) -> _Weighed:
    """A ``contradicts`` or ``mentions`` link: a contradiction unless its finding is inconclusive; a mention
    unless it finds no difference, with moderate or high certainty, for a benefit claim."""
    label, level, where = info.ref.label, info.level, _outside_words(info)
    certainty, effect = link.certainty, link.effect
    if link.stance == "mentions":
        if (
            claim.kind == "efficacy"
            and effect == "no_difference"
            and certainty in CERTAIN_ENOUGH
            and link.comparator != "active"
        ):
            against = link.comparator.replace("_", " ") if link.comparator else "its comparator"
            why = (
                f"{label} ({_level_text(level)}) finds no difference from {against} ({certainty} certainty)"
                f"{where}"
            )
            return _Weighed(link, _AGAINST, why, level, 3, info.outside)
        return _Weighed(link, _NONE, f"{label} only mentions it{where}", level, 5, info.outside)
    if link.indirectness == "outcome":
        measured = f" ({link.outcome})" if link.outcome else ""
        why = f"{label} measured another outcome{measured}: not evidence against this claim{where}"
        return _Weighed(link, _NONE, why, level, 5, info.outside)
    if effect == "inconclusive":
        why = f"{label} reports an inconclusive finding: not a contradiction{where}"
        return _Weighed(link, _NONE, why, level, 5, info.outside)
    if effect == "no_difference" and certainty in ("low", "very_low"):
        shown = certainty.replace("_", " ")
        why = f"{label} finds no difference at {shown} certainty: inconclusive, not a contradiction{where}"
        return _Weighed(link, _NONE, why, level, 5, info.outside)
    if certainty == "very_low":
        why = f"{label} contradicts it at very low certainty: insufficient evidence against it{where}"
        return _Weighed(link, _NONE, why, level, 5, info.outside)
    detail = ", ".join(
        part
        for part in (
            link.directness,
            _level_text(level),
            f"{certainty.replace('_', ' ')} certainty" if certainty else None,
            f"shows {effect.replace('_', ' ')}" if effect else None,
        )
        if part
    )
    return _Weighed(link, _AGAINST, f"{label} contradicts it ({detail}){where}", level, 3, info.outside)


def _fit(rule: KindRule, info: Source) -> str | None:
    """Why the source's design or level does not fit the claim's kind, or None when it fits."""
    design = info.design
    if design in OPINION_DESIGNS and (rule.max_level is not None or rule.designs is not None):
        return f"as opinion ({(design or '').replace('_', ' ')})"
    if rule.designs is not None:
        if design == "narrative_review":
            return f"a narrative review alone ({rule.why})"
        if design in (None, "other"):
            return f"from a design not recognised ({rule.why})"
        if design not in rule.designs:
            return f"from a design that cannot show it ({design.replace('_', ' ')}; {rule.why})"
        return None
    if rule.max_level is not None:
        if info.level is None:
            return f"at an unknown evidence level ({rule.why})"
        if info.level > rule.max_level:
            return f"at level {info.level} ({rule.why})"
    return None


def _weigh_support(claim: Claim, link: EvidenceLink, info: Source) -> _Weighed:
    label, level = info.ref.label, info.level
    if info.outside:
        why = (
            f"{label} ({_level_text(level)}) supports it, but is outside evidence, not cited by the article: "
            "support must come from what the article cites"
        )
        return _Weighed(link, _NONE, why, level, 4, True)
    if link.indirectness == "outcome":
        measured = f" ({link.outcome})" if link.outcome else ""
        why = f"{label} measured another outcome{measured}: not support for this claim"
        return _Weighed(link, _NONE, why, level, 5)
    rule = KIND_RULES.get(claim.kind, KIND_RULES["efficacy"])  # an unknown kind gets the strictest rule
    if rule.needs_certainty and link.certainty == "very_low":
        why = f"{label} ({_level_text(level)}) supports it at very low certainty: insufficient evidence"
        return _Weighed(link, _NONE, why, level, 5)
    shortfalls: list[str] = []
    if rule.needs_certainty:
        if link.certainty == "low":
            shortfalls.append("supported, low certainty")
        elif link.certainty not in CERTAIN_ENOUGH:
            shortfalls.append("certainty not recorded")
    if link.stance == "partially_supports":
        shortfalls.append("only partially")
    if link.directness == "indirect" or link.indirectness is not None:
        kind = f": another {link.indirectness}" if link.indirectness else ""
        shortfalls.append(f"indirectly{kind}")
    unfit = _fit(rule, info)
    if unfit:
        shortfalls.append(unfit)
    if info.status == "unverified":
        shortfalls.append("from a source that could not be checked (unverified)")
    # The reviewer says the stance rests on something not checked against the full text; it still counts, and
    # the assessment says so.
    unconfirmed = link.confidence is not None and link.confidence.strip().casefold() == "unconfirmed"
    note = "; reviewer's confidence: unconfirmed" if unconfirmed else ""
    certainty = f", {link.certainty.replace('_', ' ')} certainty" if link.certainty else ""
    if not shortfalls:
        why = f"{label} supports it directly ({_level_text(level)}){certainty}{note}"
        return _Weighed(link, _FULL, why, level, 0)
    why = f"{label} ({_level_text(level)}) supports it: {'; '.join(shortfalls)}{note}"
    return _Weighed(link, _WEAK, why, level, 1 if link.stance == "supports" else 2)


def _best_level(weighed: Sequence[_Weighed], unknown: int) -> int:
    return min((w.level if w.level is not None else unknown for w in weighed), default=unknown)


def _decide(weighed: Sequence[_Weighed]) -> tuple[ClaimStatus, str]:
    """(status, reason) from a claim's weighed links, by the rules in the module docstring."""
    registry = [w for w in weighed if w.link.origin == "registry"]
    usable = [w for w in registry if w.counts]
    full = [w for w in usable if w.role == _FULL]
    weak = [w for w in usable if w.role == _WEAK]
    against = [w for w in usable if w.role == _AGAINST]
    other = [w for w in usable if w.role == _NONE]
    support = full + weak
    by_outside = " by outside evidence" if against and all(w.outside for w in against) else ""
    against_text = "; ".join(w.assessment for w in against)
    if against and not support:
        reason = f"contradicted{by_outside}: {against_text}; nothing the article cites supports it"
        if other:
            reason += " (" + "; ".join(w.assessment for w in other) + ")"
        return "contradicted", reason
    # Unknown levels are never read as good: an unknown-level contradiction weighs as much as any support,
    # and support of unknown level as little as any.
    if against and _best_level(against, 0) <= _best_level(support, 99):
        support_text = "; ".join(w.assessment for w in support)
        return "conflicting", (
            f"evidence both ways, contradicted{by_outside} at the same or a higher level: "
            f"{support_text}; but {against_text}"
        )
    lower = f"; but at a lower level {against_text}" if against else ""
    if full:
        return "supported", "; ".join(w.assessment for w in full) + lower
    if weak:
        return "weak", "; ".join(w.assessment for w in weak) + lower
    citations = [w for w in weighed if w.link.origin == "citation"]
    if citations and not registry:
        keys = ", ".join(dict.fromkeys(w.link.source for w in citations))
        return "weak", f"cited, not reviewed ({keys}): an inline citation records what the author pointed at"
    if not registry:
        return "unsupported", "no source is linked to it" + (
            "; the inline citations are not reviewed" if citations else ""
        )
    reasons = [w.assessment for w in registry]
    insufficient = any("insufficient evidence" in w.assessment for w in other)
    return "unsupported", (
        "insufficient evidence: " if insufficient else "no source supports it: "
    ) + "; ".join(reasons)


def _overstated(claim: Claim, weighed: Sequence[_Weighed]) -> list[str]:
    """How the claim's words promise more than its support shows (the module docstring's "Overstatement"), or
    nothing when it has no support to compare with."""
    support = [w for w in weighed if w.supports]
    if not support:
        return []
    usable = [w for w in weighed if w.counts and w.link.origin == "registry"]
    words = f"{claim.text} {claim.quote or ''}"
    found: list[str] = []
    if m := _SPEED.search(words):
        times = {w.link.timeframe for w in support}
        if not times & {"immediate", "short"}:
            shown = ", ".join(sorted(t or "not recorded" for t in times))
            found.append(
                f"{m.group(0)!r}, but no supporting source shows an immediate or short-term effect "
                f"(time frame: {shown})"
            )
    if m := _MAGNITUDE.search(words):
        if not any(w.link.certainty in CERTAIN_ENOUGH for w in support):
            found.append(f"{m.group(0)!r}, but the support is of low or unrecorded certainty")
        same = [w for w in usable if w.link.effect == "no_difference" and w.link.comparator == "active"]
        if same:
            labels = ", ".join(dict.fromkeys(w.link.source for w in same))
            found.append(f"{m.group(0)!r}, but {labels} finds no difference from active treatment")
    if m := _ABSOLUTE.search(words):
        harms = [w for w in usable if w.link.effect == "harm" or w.role == _AGAINST]
        if harms:
            labels = ", ".join(dict.fromkeys(w.link.source for w in harms))
            found.append(f"{m.group(0)!r}, but {labels} reports harm or contradicts it")
        elif not all(w.link.certainty == "high" for w in support):
            found.append(f"{m.group(0)!r}, but the support is not of high certainty")
    return found


# --- assessing claims ---------------------------------------------------------------------------------------


def _gap(kind: GapKind, message: str, claim_id: str | None = None, source_key: str | None = None) -> GapRow:
    return GapRow(kind, cast(Any, GAP_ORDER[kind][1]), claim_id, source_key, message)


@dataclass(frozen=True)
class Assessment:
    """What the rules decided: one row per claim and per (registry or citation) link, each claim's status,
    the gaps about claims (unknown sources, statuses, overstatements, harms unstated) in the order found, and
    for each source key the claims linking it (``uses``) and those it makes ``supported`` (``supports``)."""

    claims: tuple[ClaimRow, ...]
    links: tuple[LinkRow, ...]
    gaps: tuple[GapRow, ...]
    statuses: Mapping[str, ClaimStatus]
    uses: Mapping[str, frozenset[str]] = field(default_factory=dict)
    supports: Mapping[str, frozenset[str]] = field(default_factory=dict)


def assess(linked: Linked, graded: Mapping[str, Source]) -> Assessment:
    """Weigh every link of every claim (:data:`KIND_RULES`) and decide each claim's status and reason."""
    claim_rows: list[ClaimRow] = []
    link_rows: list[LinkRow] = []
    gaps: list[GapRow] = []
    statuses: dict[str, ClaimStatus] = {}
    uses: dict[str, set[str]] = {}
    supports: dict[str, set[str]] = {}
    for claim, links in zip(linked.claims, linked.links, strict=True):
        weighed = [_weigh(claim, link, graded.get(link.source)) for link in links]
        status, reason = _decide(weighed)
        statuses[claim.id] = status
        for w in weighed:
            link = w.link
            if link.source in graded:
                uses.setdefault(link.source, set()).add(claim.id)
                if w.role == _FULL:
                    supports.setdefault(link.source, set()).add(claim.id)
            elif link.origin == "registry":
                message = f"claim {claim.id!r} links {link.source!r}, which is not among the references"
                gaps.append(_gap("unknown_source", message, claim.id, link.source))
            elif link.origin == "citation":
                message = f"claim {claim.id!r} cites {link.source!r} inline, a work not among the references"
                gaps.append(_gap("unknown_source", message, claim.id, link.source))
            link_rows.append(_link_row(link, w))
        claim_rows.append(_claim_row(claim, status, reason, weighed, linked.sentence_of[claim.id]))
        if status != "supported":
            gaps.append(_gap(status, f"{status}: {claim.text} — {reason}", claim.id))
        promises = _overstated(claim, weighed)
        if promises:
            gaps.append(_gap("overstated", f"overstated: {claim.text} — {'; '.join(promises)}", claim.id))
    harms = _harms_unstated(linked.claims, statuses)
    return Assessment(
        tuple(claim_rows),
        tuple(link_rows),
        tuple(gaps) + harms,
        statuses,
        {key: frozenset(ids) for key, ids in uses.items()},
        {key: frozenset(ids) for key, ids in supports.items()},
    )


def _harms_unstated(claims: Sequence[Claim], statuses: Mapping[str, str]) -> tuple[GapRow, ...]:
    """Benefit claims must come with their harms: the article should state risks its references back."""
    n_benefit = sum(1 for c in claims if c.kind == "efficacy")
    if not n_benefit or any(statuses[c.id] == "supported" for c in claims if c.kind == "safety"):
        return ()
    n_safety = sum(1 for c in claims if c.kind == "safety")
    message = f"the article makes {n_benefit} benefit claim(s) but " + (
        f"none of its {n_safety} claim(s) about harms is supported by its references"
        if n_safety
        else "no claim about harms"
    )
    return (_gap("harms_unstated", message),)


def _link_row(link: EvidenceLink, w: _Weighed) -> LinkRow:
    return LinkRow(
        claim_id=link.claim_id,
        source_key=link.source,
        stance=cast(Stance, link.stance),
        directness=cast(Directness, link.directness),
        origin=cast(LinkOrigin, link.origin),
        rationale=link.rationale,
        location=link.location,
        confidence=link.confidence,
        reviewer=link.reviewer,
        reviewed=link.reviewed,
        level=w.level,
        counts=w.counts,
        assessment=w.assessment,
        score=link.score,
        certainty=cast(Any, link.certainty),
        comparator=cast(Any, link.comparator),
        timeframe=cast(Any, link.timeframe),
        outcome=link.outcome,
        indirectness=cast(Any, link.indirectness),
        effect=cast(Any, link.effect),
        outside=w.outside,
    )


def _claim_row(
    claim: Claim, status: ClaimStatus, reason: str, weighed: Sequence[_Weighed], sentence_id: str | None
) -> ClaimRow:
    best = min(weighed, key=lambda w: (w.rank, w.level if w.level is not None else 99), default=None)
    if best is not None and best.rank >= 6:
        best = None  # citations, exclusions and unknown keys are not a "best source"
    return ClaimRow(
        claim_id=claim.id,
        text=claim.text,
        kind=cast(ClaimKind, claim.kind),
        status=status,
        reason=reason,
        best_source=best.link.source if best else None,
        best_stance=cast(Stance, best.link.stance) if best else None,
        best_level=best.level if best else None,
        n_links=len(weighed),
        n_supporting=sum(1 for w in weighed if w.supports),
        sentence_id=sentence_id,
        quote=claim.quote,
        condition=claim.condition,
        population=claim.population,
        line=claim.line,
    )


# --- references, unregistered sentences, suggestions -------------------------------------------------------


def _reference_row(source: Source, assessment: Assessment) -> ReferenceRow:
    ref, v = source.ref, source.verification
    checked = verification_row(v) if v is not None else None
    return ReferenceRow(
        key=ref.key,
        status=cast(ReferenceRowStatus, source.status),
        doi=checked.doi if checked is not None and checked.doi else ref.doi,
        title=ref.title,
        year=ref.year,
        label=ref.label,
        type=ref.type,
        design=source.design,
        level=source.level,
        level_reason=source.appraisal.reason,
        suggested_doi=checked.suggested_doi if checked is not None else None,
        mismatches=checked.mismatches if checked is not None else {},
        notices=checked.notices if checked is not None else [],
        retracted=checked.retracted if checked is not None else False,
        provenance=checked.provenance if checked is not None else None,
        verification_source=_verification_source([source]),
        message=checked.message if checked is not None else "not checked against Crossref",
        n_claims=len(assessment.uses.get(ref.key, ())),
        n_supported_claims=len(assessment.supports.get(ref.key, ())),
        authors=short_authors(ref.authors),
        container_title=ref.container_title,
        volume=ref.volume,
        issue=ref.issue,
        pages=ref.pages,
        pmid=ref.pmid or (v.pmid if v is not None else None) or None,
    )


def _reference_gaps(source: Source, used: bool, label: str) -> list[GapRow]:
    """The gaps about one reference (``label``: its :attr:`~.model.Reference.label`): retracted, notices,
    failed or unchecked verification, metadata that differs, and no claim using it."""
    ref, v = source.ref, source.verification
    gaps: list[GapRow] = []
    if v is not None:
        if v.retracted:
            message = f"{label}: {source.excluded_because}; it cannot support any claim"
            gaps.append(_gap("retracted", message, None, ref.key))
        for notice in v.notices:
            if notice.kind not in ("retraction", "withdrawal"):
                when = f" ({notice.date})" if notice.date else ""
                message = f"{label}: {notice.kind.replace('_', ' ')}{when} {notice.doi or ''}".strip()
                gaps.append(_gap("notice", message, None, ref.key))
        if v.status in EXCLUDING_STATUSES:
            message = f"{label}: {v.status} — {v.message}".rstrip(" —")
            gaps.append(_gap("failed_verification", message, None, ref.key))
        elif v.status == "no_doi":
            # No index searched (Crossref, PubMed) knows the work by a validated candidate: the mark of a
            # misremembered or invented citation as much as of a missing DOI.
            message = f"{label}: no index knows this work — check that it exists ({v.message})".rstrip(" ()")
            gaps.append(_gap("unknown_work", message, None, ref.key))
        elif v.status == "unverified":
            # The verifier's own message usually says so already ("Could not be checked (offline …)").
            message = (
                f"{label}: {v.message}"
                if _SAYS_UNCHECKED.match(v.message or "")
                else f"{label}: could not be checked — {v.message}".rstrip(" —")
            )
            gaps.append(_gap("unverified_reference", message, None, ref.key))
        elif v.mismatches:
            fields = ", ".join(sorted(v.mismatches))
            gaps.append(
                _gap("metadata_differs", f"{label}: Crossref's record differs in {fields}", None, ref.key)
            )
    if not used:
        gaps.append(_gap("uncited_reference", f"{label}: no claim uses this reference", None, ref.key))
    return gaps


def _unregistered_row(d: Claim) -> UnregisteredRow:
    return UnregisteredRow(d.id, d.sentence_id, d.text, d.quote, cast(ClaimKind | None, d.kind))


def _unregistered_gap(d: Claim) -> GapRow:
    sentence = " ".join((d.quote or d.text).split())
    return _gap("unregistered", f"a check-worthy sentence is in no registry claim: {sentence!r}", d.id)


def _suggestion_link(row: SuggestionRow) -> LinkRow:
    return LinkRow(
        claim_id=row.claim_id,
        source_key=row.source_key,
        stance="mentions",
        directness="indirect",
        origin="suggestion",
        rationale=row.rationale,
        level=row.level,
        counts=False,
        assessment="suggestion, never support",
        score=row.score,
    )


def _verification_source(infos: Iterable[Source]) -> str:
    kinds: dict[str, int] = {}
    for info in infos:
        v = info.verification
        if v is None:
            kind = "not checked"
        elif v.provenance is None or v.provenance.kind == "none":
            kind = "no Crossref record"
        else:
            kind = {
                "live": "live Crossref",
                "cache": "cached Crossref answers",
                "snapshot": "bundled snapshot",
            }.get(v.provenance.kind, v.provenance.kind)
        kinds[kind] = kinds.get(kind, 0) + 1
    if not kinds:
        return "no references"
    if len(kinds) == 1:
        return next(iter(kinds))
    return ", ".join(f"{kind} ({n})" for kind, n in kinds.items())


# --- the report ---------------------------------------------------------------------------------------------


def _sorted_gaps(gaps: Iterable[GapRow], claims: Sequence[Claim]) -> list[GapRow]:
    """Worst kind first; within a kind by the claim's :data:`KIND_RISK`, then in the claims' order (a sort
    that keeps the order found for ties: references' gaps stay in the references' order)."""
    order = {claim.id: index for index, claim in enumerate(claims)}
    risk = {claim.id: KIND_RISK.get(claim.kind, len(KIND_RISK)) for claim in claims}
    return sorted(
        gaps,
        key=lambda g: (
            GAP_ORDER[g.gap][0],
            risk.get(g.claim_id or "", len(KIND_RISK)),
            order.get(g.claim_id or "", len(order)),
        ),
    )


def _summary(
    article: Article | None,
    assessment: Assessment,
    graded: Mapping[str, Source],
    counts: Mapping[str, int],
) -> Summary:
    by_status = {status: 0 for status in CLAIM_STATUSES}
    for status in assessment.statuses.values():
        by_status[status] += 1
    n = len(assessment.claims)
    cited = [source for source in graded.values() if not source.outside]
    return {
        "title": article.title if article is not None else None,
        "n_claims": n,
        "n_supported": by_status["supported"],
        "n_weak": by_status["weak"],
        "n_conflicting": by_status["conflicting"],
        "n_contradicted": by_status["contradicted"],
        "n_unsupported": by_status["unsupported"],
        "by_status": by_status,
        # No claims means nothing is unbacked; the report renderers use the same convention.
        "percent_supported": round(100.0 * by_status["supported"] / n, 1) if n else 100.0,
        "n_references": len(cited),
        "n_links": len(assessment.links),
        "n_suggestions": counts["suggestions"],
        "n_gaps": counts["gaps"],
        "n_unregistered": counts["unregistered"],
        "n_problems": counts["problems"],
        "verification_source": _verification_source(cited),
    }


def build_report(
    article: Article | None,
    assessment: Assessment,
    graded: Mapping[str, Source],
    *,
    claims: Sequence[Claim],
    unregistered: Sequence[Claim] = (),
    suggestions: Sequence[SuggestionRow] = (),
    problems: Sequence[Problem] = (),
    notes: Sequence[str] = (),
) -> CoverageReport:
    """The report from the assessed claims: reference rows, every gap (sorted worst first) and the summary.
    ``claims`` are the claims assessed (for ordering gaps), ``unregistered`` the drafted claims no claim
    quotes (:func:`~.link.unregistered`), ``suggestions`` from :func:`~.link.suggestions`."""
    gaps = list(assessment.gaps)
    gaps += [_unregistered_gap(d) for d in unregistered]
    reference_rows = []
    for source in graded.values():
        if source.outside:
            continue  # a library work: its links say what it shows; it is not one of the article's references
        row = _reference_row(source, assessment)
        reference_rows.append(row)
        # the row's label, not ref.label again: a label is worked out from the authors at each call
        gaps += _reference_gaps(source, bool(assessment.uses.get(source.ref.key)), row.label)
    gaps = _sorted_gaps(gaps, claims)
    counts = {
        "suggestions": len(suggestions),
        "gaps": len(gaps),
        "unregistered": len(unregistered),
        "problems": len(problems),
    }
    return CoverageReport(
        claims=_with_quote_lines(assessment.claims, article),
        links=assessment.links + tuple(_suggestion_link(row) for row in suggestions),
        references=reference_rows,
        gaps=gaps,
        suggestions=suggestions,
        unregistered=[_unregistered_row(d) for d in unregistered],
        summary=_summary(article, assessment, graded, counts),
        problems=problems,
        notes=notes,
    )


def _with_quote_lines(rows: tuple[ClaimRow, ...], article: Article | None) -> tuple[ClaimRow, ...]:
    """Each claim row with the article line of its sentence, so a report can say where its quote stands."""
    if article is None:
        return rows
    lines = {s.id: s.line for s in article.sentences if s.line is not None}
    return tuple(
        dataclasses.replace(row, quote_line=lines[row.sentence_id]) if row.sentence_id in lines else row
        for row in rows
    )


_TABLES: Mapping[str, type[Row]] = {
    "claims": ClaimRow,
    "links": LinkRow,
    "references": ReferenceRow,
    "gaps": GapRow,
    "suggestions": SuggestionRow,
    "unregistered": UnregisteredRow,
}


class CoverageReport:
    """The evidence map of one article. Tables are pandas DataFrames built on first access (see the module
    docstring for every column and dtype, and :mod:`needling_evidence.rows` for the typed rows they are built
    from: ``claim_rows``, ``link_rows`` …); ``to_dict()`` gives the same rows JSON-ready, without pandas.
    ``notes`` are sentences a report shows above its tables (where the references were checked, …)."""

    def __init__(
        self,
        *,
        claims: Sequence[ClaimRow],
        links: Sequence[LinkRow],
        references: Sequence[ReferenceRow],
        gaps: Sequence[GapRow],
        suggestions: Sequence[SuggestionRow],
        summary: Summary,
        unregistered: Sequence[UnregisteredRow] | None = None,
        problems: Sequence[Problem] = (),
        notes: Sequence[str] = (),
    ):
        self.claim_rows: tuple[ClaimRow, ...] = tuple(claims)
        self.link_rows: tuple[LinkRow, ...] = tuple(links)
        self.reference_rows: tuple[ReferenceRow, ...] = tuple(references)
        self.gap_rows: tuple[GapRow, ...] = tuple(gaps)
        self.suggestion_rows: tuple[SuggestionRow, ...] = tuple(suggestions)
        self.unregistered_rows: tuple[UnregisteredRow, ...] = tuple(unregistered or ())
        self.summary = summary
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.notes: tuple[str, ...] = tuple(notes)
        self._tables: dict[str, tuple[Row, ...]] = {
            "claims": self.claim_rows,
            "links": self.link_rows,
            "references": self.reference_rows,
            "gaps": self.gap_rows,
            "suggestions": self.suggestion_rows,
            "unregistered": self.unregistered_rows,
        }
        self._frames: dict[str, pd.DataFrame] = {}

    def table_rows(self, name: str) -> tuple[Row, ...]:
        """The typed rows of one table: ``claims``, ``links``, ``references``, ``gaps``, ``suggestions`` or
        ``unregistered``."""
        return self._tables[name]

    def _frame(self, name: str) -> pd.DataFrame:
        frame = self._frames.get(name)
        if frame is None:
            import pandas as pd

            schema = columns(_TABLES[name])
            rows = self.table_rows(name)
            data = {
                column: pd.array([getattr(row, column) for row in rows], dtype="object")
                for column, _ in schema
            }
            frame = pd.DataFrame(data, columns=[c for c, _ in schema])
            for column, dtype in schema:
                if dtype != "object":
                    frame[column] = frame[column].astype(dtype)  # type: ignore[call-overload]
            self._frames[name] = frame
        return frame

    @property
    def claims(self) -> pd.DataFrame:
        return self._frame("claims")

    @property
    def links(self) -> pd.DataFrame:
        return self._frame("links")

    @property
    def references(self) -> pd.DataFrame:
        return self._frame("references")

    @property
    def gaps(self) -> pd.DataFrame:
        return self._frame("gaps")

    @property
    def suggestions(self) -> pd.DataFrame:
        return self._frame("suggestions")

    @property
    def unregistered(self) -> pd.DataFrame:
        return self._frame("unregistered")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``schema_version``, ``summary``, ``claims``, ``links``, ``references``, ``gaps``,
        ``suggestions``, ``unregistered`` (lists of rows with the columns documented above), ``problems``."""
        return {key: list(value) if table else value for key, value, table in self._dict_parts()}

    def _dict_parts(self) -> list[tuple[str, Any, bool]]:
        """What :meth:`to_dict` holds, key by key: the value, or for a table (``True``) its rows as an
        iterator that makes each row dict when it is read (the JSON writer encodes them one at a time)."""
        tables = [(name, map(row_dict, self.table_rows(name)), True) for name in _TABLES]
        return [
            ("schema_version", SCHEMA_VERSION, False),
            ("summary", dict(self.summary), False),
            *tables,
            ("problems", (row_dict(problem_row(p)) for p in self.problems), True),
        ]

    def to_markdown(self) -> str:
        """The Markdown report (:func:`needling_evidence.report.render_markdown`)."""
        from .report.markdown import render_markdown

        return render_markdown(self)

    def to_html(self) -> str:
        """The HTML report (:func:`needling_evidence.report.render_html`)."""
        from .report.html import render_html

        return render_html(self)

    def __repr__(self) -> str:
        s = self.summary
        return (
            f"<CoverageReport {s['n_claims']} claims, {s['percent_supported']:.0f}% supported, "
            f"{s['n_gaps']} gaps>"
        )


def _input_problems(article: Article | None, *inputs: object) -> list[Problem]:
    """The problems the inputs carry (article, registry, references), and an empty article."""
    problems: list[Problem] = []
    for source in (article, *inputs):
        problems.extend(getattr(source, "problems", ()) or ())
    if article is not None and not article.text.strip():
        problems.append(Problem("coverage.empty_article", "the article is empty", file=article.path))
    return problems


def coverage_report(
    article: Article | None,
    claims: Iterable[Claim],
    references: Iterable[Reference],
    verifications: Iterable[Verification] | None = None,
    *,
    library: Iterable[Reference] | None = None,
    drafted: Iterable[Claim] | None = None,
    suggest: bool = True,
    strict: bool = False,
    notes: Iterable[str] = (),
) -> CoverageReport:
    """The evidence map: claims × sources, each claim's status with its reason, the gaps, and suggestions.

    ``verifications`` (from :func:`~needling_evidence.verify_references`) are matched to references by key;
    without them references are ``not_checked``. ``library`` is a wider set of works offered only as
    suggestions. ``drafted`` are the check-worthy claims found in the article (default:
    :func:`~needling_evidence.draft_claims` of ``article``), used to report sentences no claim quotes as
    ``unregistered``. Problems carried by the inputs (article, registry, references) are kept in
    ``report.problems``; with ``strict=True`` any raises :class:`~needling_evidence.errors.StrictError`.
    ``notes`` are kept in ``report.notes`` and shown by every rendering of the report.
    """
    claim_list = list(claims)
    ref_list = list(references)
    problems = _input_problems(article, claims, references)
    if strict and problems:
        raise StrictError(problems)

    library_list = list(library or ())
    graded = sources(ref_list, verifications, library=library_list)
    index = quote_index(article)  # one per run: anchoring and unregistered sentences share it
    linked = link_claims(article, claim_list, ref_list, index=index, reported=problems)
    problems += linked.problems
    if strict and problems:
        raise StrictError(problems)

    assessment = assess(linked, graded)
    left_out = unregistered(article, claim_list, drafted, index) if article is not None and index else []
    wanted = [c for c in claim_list if assessment.statuses[c.id] != "supported"]
    suggested = suggestions(wanted, ref_list, library_list, level_lookup(graded)) if suggest else []
    return build_report(
        article,
        assessment,
        graded,
        claims=claim_list,
        unregistered=left_out,
        suggestions=suggested,
        problems=problems,
        notes=tuple(notes),
    )
