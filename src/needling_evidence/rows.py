"""The rows of a coverage report, as frozen dataclasses: the schema of every table, written once.

Each table of :class:`~needling_evidence.CoverageReport` is a tuple of one of these; its DataFrame columns
(names, order and dtypes) and the rows of ``to_dict()`` are derived from the dataclass fields
(:func:`columns`, :func:`row_dict`), and the renderers in :mod:`needling_evidence.report` read the same rows.
Vocabulary fields carry their ``Literal`` type from :mod:`needling_evidence.model`; like every dataclass
field, they are not checked at run time (a claim built in code with an unknown kind keeps its word).

A column's dtype follows from its type: ``int`` → ``int64``, ``int | None`` → ``Int64`` (nullable),
``float`` / ``float | None`` → ``float64`` (missing as NaN), ``bool`` → ``bool``, anything else ``object``.

:func:`verification_row` is the one place a :class:`~needling_evidence.Verification` becomes a row: the
verification table, the report's reference rows and the command line's ``verify`` output all start from it.
"""

from __future__ import annotations

import dataclasses
import operator
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypedDict, TypeVar, Union

from .model import (
    Certainty,
    ClaimKind,
    ClaimStatus,
    Comparator,
    Directness,
    Effect,
    Indirectness,
    LinkOrigin,
    Notice,
    Person,
    Problem,
    Provenance,
    ReferenceStatus,
    Severity,
    Stance,
    Timeframe,
    Verification,
)

__all__ = [
    "GAP_KINDS",
    "ClaimRow",
    "GapKind",
    "GapRow",
    "LinkRow",
    "NoticeDict",
    "ProblemRow",
    "ProvenanceDict",
    "ReferenceRow",
    "ReferenceRowStatus",
    "Row",
    "SuggestionRow",
    "Summary",
    "UnregisteredRow",
    "VerificationRow",
    "columns",
    "notice_dict",
    "problem_row",
    "provenance_dict",
    "row_dict",
    "row_from_mapping",
    "short_authors",
    "verification_row",
]

# A reference's status in the report: a verification status, or "not_checked" when no verification ran.
ReferenceRowStatus = ReferenceStatus | Literal["not_checked"]
GapKind = Literal[
    "contradicted",
    "conflicting",
    "retracted",
    "failed_verification",
    "unknown_work",
    "unsupported",
    "unknown_source",
    "harms_unstated",
    "overstated",
    "weak",
    "unregistered",
    "notice",
    "metadata_differs",
    "unverified_reference",
    "uncited_reference",
]
GAP_KINDS: tuple[str, ...] = typing.get_args(GapKind)
# A references table names this many authors, then "et al." (Vancouver lists six; three keep a row short).
SHOWN_AUTHORS = 3


def short_authors(authors: tuple[Person, ...] | list[Person]) -> str:
    """The first :data:`SHOWN_AUTHORS` authors, Vancouver style: ``Gattie E, Cleland JA, Snodgrass S, et al.``
    (a corporate author by its name; a truncated list, BibTeX ``and others``, also ends in "et al.")."""
    named = [a for a in authors if a.literal != "others"]
    parts = []
    for person in named[:SHOWN_AUTHORS]:
        if person.family:
            initials = (
                "".join(w[0] for w in person.given.replace("-", " ").replace(".", " ").split() if w)
                if person.given
                else ""
            )
            family = " ".join(p for p in (person.particle, person.family) if p)
            parts.append(f"{family} {initials}".strip())
        elif person.literal:
            parts.append(person.literal)
    more = len(named) > SHOWN_AUTHORS or len(named) < len(authors)
    return ", ".join(parts) + (", et al." if more and parts else "")


class NoticeDict(TypedDict):
    kind: str
    doi: str | None
    date: str | None
    source: str | None


class ProvenanceDict(TypedDict):
    kind: str
    fetched: str | None
    note: str | None
    base_url: str | None


class Summary(TypedDict):
    """``CoverageReport.summary``, in this key order (the HTML report lists it in this order)."""

    title: str | None
    n_claims: int
    n_supported: int
    n_weak: int
    n_conflicting: int
    n_contradicted: int
    n_unsupported: int
    by_status: dict[str, int]
    percent_supported: float
    n_references: int
    n_links: int
    n_suggestions: int
    n_gaps: int
    n_unregistered: int
    n_problems: int
    verification_source: str


@dataclasses.dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim, its status and the reason in words (``report.claims``)."""

    claim_id: str
    text: str
    kind: ClaimKind
    status: ClaimStatus
    reason: str = ""
    best_source: str | None = None
    best_stance: Stance | None = None
    best_level: int | None = None
    n_links: int = 0  # registry and citation links
    n_supporting: int = 0  # usable supports / partially_supports links
    sentence_id: str | None = None
    quote: str | None = None
    condition: str | None = None
    population: str | None = None
    line: int | None = None  # of its registry entry (or where a drafted claim came from)
    quote_line: int | None = None  # the article's line holding the sentence its quote was found in


@dataclasses.dataclass(frozen=True, slots=True)
class LinkRow:
    """A claim × source link (reviewed, cited inline or suggested), and how it was weighed."""

    claim_id: str
    source_key: str
    stance: Stance
    directness: Directness
    origin: LinkOrigin
    rationale: str | None = None
    location: str | None = None
    confidence: str | None = None
    reviewer: str | None = None
    reviewed: str | None = None
    level: int | None = None
    counts: bool = False  # whether it was weighed for the status
    assessment: str = ""
    score: float | None = None  # suggestions only
    # the reviewer's appraisal of the finding (model's vocabularies; None: not recorded)
    certainty: Certainty | None = None
    comparator: Comparator | None = None
    timeframe: Timeframe | None = None
    outcome: str | None = None
    indirectness: Indirectness | None = None
    effect: Effect | None = None
    outside: bool = False  # the source is a library work the article does not cite


@dataclasses.dataclass(frozen=True, slots=True)
class VerificationRow:
    """A :class:`~needling_evidence.Verification` as plain, JSON-ready values."""

    key: str
    status: ReferenceStatus
    doi: str | None
    suggested_doi: str | None
    confidence: float | None
    mismatches: dict[str, list[str | None]]  # field → [ours, Crossref's]
    notices: list[NoticeDict]
    retracted: bool
    design: str | None
    level: int | None
    level_reason: str | None
    provenance: ProvenanceDict | None
    message: str


@dataclasses.dataclass(frozen=True, slots=True)
class ReferenceRow:
    """One reference with its verification and appraisal, in input order (``report.references``)."""

    key: str
    status: ReferenceRowStatus
    doi: str | None = None
    title: str | None = None
    year: int | None = None
    label: str = ""
    type: str = ""
    design: str | None = None
    level: int | None = None
    level_reason: str = ""
    suggested_doi: str | None = None
    mismatches: dict[str, list[str | None]] = dataclasses.field(default_factory=dict)
    notices: list[NoticeDict] = dataclasses.field(default_factory=list)
    retracted: bool = False
    provenance: ProvenanceDict | None = None
    verification_source: str = ""
    message: str = ""
    n_claims: int = 0  # claims linking it
    n_supported_claims: int = 0  # claims it makes supported (partial or weaker support is not counted)
    # what an editor checks a reference against (the HTML references table): first authors, journal, place
    authors: str = ""  # the first few authors, "Gattie E, Cleland JA, Snodgrass S, et al."
    container_title: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pmid: str | None = None  # ours, else the one PubMed gave


@dataclasses.dataclass(frozen=True, slots=True)
class GapRow:
    """Something an editor must fix, worst first (``report.gaps``)."""

    gap: GapKind
    severity: Severity
    claim_id: str | None = None
    source_key: str | None = None
    message: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class SuggestionRow:
    """A work that might back a claim nothing supports yet — never support (``report.suggestions``)."""

    claim_id: str
    rank: int
    source_key: str
    score: float
    label: str = ""
    title: str | None = None
    year: int | None = None
    in_library: bool = False
    shared_terms: str = ""
    level: int | None = None
    rationale: str = ""
    origin: Literal["suggestion"] = "suggestion"


@dataclasses.dataclass(frozen=True, slots=True)
class UnregisteredRow:
    """A check-worthy sentence no claim quotes (``report.unregistered``)."""

    claim_id: str  # the drafted claim's id
    sentence_id: str | None = None
    text: str = ""
    quote: str | None = None
    kind: ClaimKind | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class ProblemRow:
    """A :class:`~needling_evidence.Problem` as it appears in ``to_dict()["problems"]``."""

    code: str
    severity: Severity = "error"
    message: str = ""
    file: str | None = None
    line: int | None = None
    key: str | None = None
    field: str | None = None


Row = (
    ClaimRow
    | LinkRow
    | ReferenceRow
    | GapRow
    | SuggestionRow
    | UnregisteredRow
    | ProblemRow
    | VerificationRow
)
_R = TypeVar("_R", bound=Row)


def _dtype(hint: Any) -> str:
    """The pandas dtype of a column of this type (see the module docstring)."""
    args = set(typing.get_args(hint)) if typing.get_origin(hint) in (Union, types.UnionType) else {hint}
    optional = type(None) in args
    args.discard(type(None))
    if args == {bool}:
        return "bool"
    if args == {int}:
        return "Int64" if optional else "int64"
    if args == {float}:
        return "float64"
    return "object"


_COLUMNS: dict[type, tuple[tuple[str, str], ...]] = {}
_NAMES: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def columns(row_type: type[Row]) -> tuple[tuple[str, str], ...]:
    """``(column, dtype)`` of a table of ``row_type``, in field order."""
    found = _COLUMNS.get(row_type)
    if found is None:
        hints = typing.get_type_hints(row_type)
        found = _COLUMNS[row_type] = tuple(
            (f.name, _dtype(hints[f.name])) for f in dataclasses.fields(row_type)
        )
    return found


def _names(row_type: type[Row]) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]:
    """The field names of ``row_type`` and a getter of all their values at once (rows are many: a report
    on 10,000 references turns 10,000 rows into dicts)."""
    found = _NAMES.get(row_type)
    if found is None:
        names = tuple(f.name for f in dataclasses.fields(row_type))
        found = _NAMES[row_type] = (names, operator.attrgetter(*names))
    return found


def row_dict(row: Row) -> dict[str, Any]:
    """The row as a JSON-ready mapping, in column order (nested mappings and lists are shared, not copied)."""
    names, values = _names(type(row))
    return dict(zip(names, values(row), strict=True))


def row_from_mapping(row_type: type[_R], mapping: Mapping[str, Any]) -> _R:
    """A row read back from ``to_dict()`` (a report saved as JSON): unknown keys are ignored, absent optional
    columns take their defaults."""
    values = {}
    for f in dataclasses.fields(row_type):
        if f.name in mapping:
            values[f.name] = mapping[f.name]
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            values[f.name] = None  # a required column a hand-made mapping left out reads as missing
    return row_type(**values)


def notice_dict(notice: Notice) -> NoticeDict:
    return {"kind": notice.kind, "doi": notice.doi, "date": notice.date, "source": notice.source}


def provenance_dict(provenance: Provenance | None) -> ProvenanceDict | None:
    if provenance is None:
        return None
    p = provenance
    return {"kind": p.kind, "fetched": p.fetched, "note": p.note, "base_url": p.base_url}


def verification_row(v: Verification) -> VerificationRow:
    """The one Verification → row serialiser (see the module docstring)."""
    return VerificationRow(
        key=v.key,
        status=typing.cast(ReferenceStatus, v.status),
        doi=v.doi,
        suggested_doi=v.suggested_doi,
        confidence=v.confidence,
        mismatches={name: list(pair) for name, pair in v.mismatches.items()},
        notices=[notice_dict(n) for n in v.notices],
        retracted=v.retracted,
        design=v.design,
        level=v.level,
        level_reason=v.level_reason,
        provenance=provenance_dict(v.provenance),
        message=v.message,
    )


def problem_row(problem: Problem) -> ProblemRow:
    p = problem
    return ProblemRow(p.code, p.severity, p.message, p.file, p.line, p.key, p.field)
