"""The plain values that flow through the pipeline.

Every concept is a frozen dataclass so that a stage can never change what an earlier stage produced;
collections are tuples. Bibliographic field names follow CSL-JSON (``container_title``, ``issue``, ``page`` →
``pages``) so that references convert to and from CSL-JSON without a lookup table of our own inventing.

The status vocabularies are the exact strings documented in the README and used in every output.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args, overload

__all__ = [
    "BLOCK_KINDS",
    "CERTAINTIES",
    "CLAIM_KINDS",
    "CLAIM_STATUSES",
    "COMPARATORS",
    "DIRECTNESS",
    "EFFECTS",
    "INDIRECTNESS",
    "LINK_ORIGINS",
    "NOTICE_KINDS",
    "PROSE_KINDS",
    "REFERENCE_STATUSES",
    "STANCES",
    "TIMEFRAMES",
    "Article",
    "Block",
    "Citation",
    "Claim",
    "ClaimRegistry",
    "EvidenceLink",
    "Notice",
    "Person",
    "Problem",
    "ProblemList",
    "Provenance",
    "Reference",
    "ReferenceList",
    "Section",
    "Sentence",
    "Verification",
]

# --- vocabularies -------------------------------------------------------------------------------------------

ReferenceStatus = Literal[
    "verified",
    "mismatch",
    "not_found",
    "not_crossref",
    "malformed_doi",
    "no_doi",
    "doi_found",
    "pmid_found",
    "unverified",
]
REFERENCE_STATUSES: tuple[str, ...] = get_args(ReferenceStatus)
NoticeKind = Literal["retraction", "correction", "expression_of_concern", "withdrawal"]
NOTICE_KINDS: tuple[str, ...] = get_args(NoticeKind)
ClaimKind = Literal["efficacy", "mechanism", "safety", "etiology", "experience", "other"]
CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)
Stance = Literal["supports", "partially_supports", "mentions", "contradicts"]
STANCES: tuple[str, ...] = get_args(Stance)
Directness = Literal["direct", "indirect"]
DIRECTNESS: tuple[str, ...] = get_args(Directness)
ClaimStatus = Literal["supported", "weak", "conflicting", "contradicted", "unsupported"]
CLAIM_STATUSES: tuple[str, ...] = get_args(ClaimStatus)
LinkOrigin = Literal["registry", "citation", "suggestion"]
LINK_ORIGINS: tuple[str, ...] = get_args(LinkOrigin)
# How a reviewer appraised a finding (GRADE). All optional on a link: absent means unknown, never good.
Certainty = Literal["high", "moderate", "low", "very_low"]
CERTAINTIES: tuple[str, ...] = get_args(Certainty)
Comparator = Literal["sham", "no_treatment", "usual_care", "active", "none"]
COMPARATORS: tuple[str, ...] = get_args(Comparator)
Timeframe = Literal["immediate", "short", "medium", "long"]
TIMEFRAMES: tuple[str, ...] = get_args(Timeframe)
Indirectness = Literal["population", "intervention", "comparator", "outcome"]
INDIRECTNESS: tuple[str, ...] = get_args(Indirectness)
Effect = Literal["benefit", "no_difference", "harm", "inconclusive"]
EFFECTS: tuple[str, ...] = get_args(Effect)

Severity = Literal["error", "warning"]


# --- problems -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in the user's input, kept as data (never raised, never dropped).

    ``code`` is a stable machine-readable slug (``bibtex.duplicate_key``, ``doi.malformed`` …); ``message``
    says it in words and what to do. ``file``/``line`` point into the user's input where that is known.
    """

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    severity: Severity = "error"
    key: str | None = None
    field: str | None = None
    raw: str | None = None

    def location(self) -> str:
        """``file:line`` (or the part of it that is known, or ``<input>``)."""
        where = self.file or "<input>"
        return f"{where}:{self.line}" if self.line is not None else where

    def __str__(self) -> str:
        return f"{self.location()}: {self.severity}: {self.message} [{self.code}]"


_T = TypeVar("_T")


class _ProblemSequence(Sequence[_T]):
    """An immutable sequence of results that also carries the problems found while making it."""

    __slots__ = ("_items", "problems", "source")

    def __init__(self, items: Iterable[_T] = (), problems: Iterable[Problem] = (), source: str | None = None):
        self._items: tuple[_T, ...] = tuple(items)
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source

    @overload
    def __getitem__(self, index: int) -> _T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[_T]: ...
    def __getitem__(self, index: int | slice) -> _T | Sequence[_T]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[_T]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _ProblemSequence):
            return self._items == other._items and self.problems == other.problems
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        name = type(self).__name__
        where = self.source or "<input>"
        return f"<{name} of {len(self._items)} ({len(self.problems)} problem(s)) from {where}>"


class ProblemList(_ProblemSequence[Problem]):
    """A plain list of problems (what a validation returns)."""


# --- references ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    """An author or editor, CSL-JSON style. A corporate author has only ``literal``."""

    family: str | None = None
    given: str | None = None
    suffix: str | None = None
    particle: str | None = None  # CSL "non-dropping-particle": "de las", "van", …
    literal: str | None = None

    @property
    def display(self) -> str:
        if self.literal:
            return self.literal
        family = " ".join(p for p in (self.particle, self.family) if p)
        name = ", ".join(p for p in (family, self.given) if p)
        return f"{name}, {self.suffix}" if self.suffix else name

    def __str__(self) -> str:
        return self.display


@dataclass(frozen=True, slots=True)
class Reference:
    """One cited work, whatever form it came in (BibTeX, CSL-JSON, a pasted reference string).

    ``type`` is a CSL-JSON type (``article-journal``, ``book``, ``chapter``, ``review-book`` …). ``doi`` is
    always canonical (what :func:`needling_evidence.normalize_doi` returns). ``raw`` is the user's original
    text, untouched; ``file``/``line`` say where it came from. ``fields`` keeps every source field as read
    (decoded), so nothing the user wrote is lost even when it has no slot here.
    """

    key: str
    type: str = "article-journal"
    title: str | None = None
    authors: tuple[Person, ...] = ()
    year: int | None = None
    container_title: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    publisher: str | None = None
    isbn: str | None = None
    issn: str | None = None
    editors: tuple[Person, ...] = ()
    month: int | None = None
    abstract: str | None = None
    keywords: tuple[str, ...] = ()
    note: str | None = None
    raw: str | None = None
    file: str | None = None
    line: int | None = None
    confidence: float = 1.0  # how sure the parser is of the fields (1.0 for structured input)
    fields: Mapping[str, str] = field(default_factory=dict)

    @property
    def first_author_family(self) -> str | None:
        if not self.authors:
            return None
        first = self.authors[0]
        return first.family or first.literal

    @property
    def label(self) -> str:
        """A short human label: ``Gattie et al. 2017``, ``van der Windt et al. 2010``, ``NICE 2016``.

        A name keeps its particles (written apart or into the family name); a corporate author is shown by its
        acronym (:func:`_corporate_label`). A trailing ``Person(literal="others")`` (BibTeX ``and others``,
        "et al.") marks a truncated list."""
        named = [a for a in self.authors if a.literal != "others"]
        truncated = len(named) < len(self.authors)
        who = _label_name(named[0]) if named else ""
        who = who or "Anon."
        if len(named) == 2 and not truncated:
            who = f"{who} & {_label_name(named[1])}"
        elif len(named) > 2 or (named and truncated):
            who = f"{who} et al."
        return f"{who} {self.year}" if self.year else who


# An organisation's acronym given in parentheses after its name: "National Institute for Health and Care
# Excellence (NICE)".
_ACRONYM_IN_PARENS = re.compile(r"\(([A-Z][A-Za-z&.\-]{1,14})\)\s*$")


def _label_name(person: Person) -> str:
    """How a label names one author: particle and family name, or a corporate author's short name."""
    if person.family:
        return " ".join(p for p in (person.particle, person.family) if p)
    return _corporate_label(person.literal or "")


def _corporate_label(name: str) -> str:
    """An organisation as a label names it: its acronym when the name gives one in parentheses, the name
    itself when it is all capitals ("WHO"), else the whole name."""
    name = " ".join(name.split())
    found = _ACRONYM_IN_PARENS.search(name)
    if found:
        return found.group(1)
    return name


class ReferenceList(_ProblemSequence[Reference]):
    """A sequence of :class:`Reference` in input order, with ``.problems`` found while reading them."""

    def by_key(self) -> dict[str, Reference]:
        return {ref.key: ref for ref in self}

    def get(self, key: str) -> Reference | None:
        return next((ref for ref in self if ref.key == key), None)


# --- verification -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Notice:
    """An editorial notice on a work: retraction, correction, expression of concern, withdrawal."""

    kind: str  # one of NOTICE_KINDS, or Crossref's own label when it has no equivalent
    doi: str | None = None  # the notice's DOI
    date: str | None = None  # ISO date
    source: str | None = None  # "publisher", "retraction-watch", "pubmed"; several joined by ", "
    label: str | None = None
    pmid: str | None = None  # the notice's PMID (PubMed's CommentsCorrections)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a Crossref record came from.

    ``kind`` is ``live`` (fetched now), ``cache`` (fetched earlier, ``fetched`` says when) or ``snapshot``
    (bundled with the package; ``note`` says how it was made — a record written from the published record says
    so).
    """

    kind: Literal["live", "cache", "snapshot", "none"]
    fetched: str | None = None
    note: str | None = None
    base_url: str | None = None

    def __str__(self) -> str:
        when = f" ({self.fetched})" if self.fetched else ""
        return f"{self.kind}{when}" + (f": {self.note}" if self.note else "")


@dataclass(frozen=True, slots=True)
class Verification:
    """The result of checking one reference against Crossref; one per reference, in input order."""

    key: str
    status: str  # one of REFERENCE_STATUSES
    doi: str | None = None
    suggested_doi: str | None = None
    confidence: float | None = None
    mismatches: Mapping[str, tuple[str | None, str | None]] = field(default_factory=dict)
    notices: tuple[Notice, ...] = ()
    design: str | None = None
    level: int | None = None  # Oxford CEBM 2011 level for a treatment-benefit question
    level_reason: str | None = None
    provenance: Provenance | None = None
    message: str = ""
    candidates: tuple[Mapping[str, Any], ...] = ()
    record: Mapping[str, Any] | None = None  # the Crossref message the verdict rests on
    # PubMed (issue 11): identifiers and what PubMed says of the work; every field says where it came from
    pmid: str | None = None
    pmcid: str | None = None
    publication_types: tuple[str, ...] = ()  # PubMed's words ("Systematic Review", "Retracted Publication")
    suggested_pmid: str | None = None  # pmid_found: the validated PMID
    mesh: tuple[str, ...] = ()  # MeSH descriptor names
    abstract: str | None = None  # PubMed's abstract
    sources: tuple[str, ...] = ()  # the indexes that answered for this reference: "crossref", "pubmed"
    mismatch_sources: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # field → indexes
    design_source: str | None = None  # "pubmed" (publication types), "crossref" or "reference"
    pubmed_provenance: Provenance | None = None  # where PubMed's record came from

    @property
    def retracted(self) -> bool:
        return any(n.kind in ("retraction", "withdrawal") for n in self.notices)


# --- articles -----------------------------------------------------------------------------------------------


# What a block of an article is, as its Markdown or HTML says. Sentences carry the same words (a paragraph's
# sentences are "sentence"). Only prose (PROSE_KINDS) can hold a claim; table cells, captions, footnotes and
# definitions are read for their citations only.
BlockKind = Literal[
    "heading",
    "paragraph",
    "list_item",
    "table_cell",
    "caption",
    "footnote",
    "quote",
    "definition",
    "front_matter",
]
BLOCK_KINDS: tuple[str, ...] = get_args(BlockKind)
SentenceKind = Literal[
    "sentence", "list_item", "heading", "table_cell", "caption", "footnote", "quote", "definition"
]
PROSE_KINDS: frozenset[str] = frozenset({"sentence", "list_item", "quote"})


@dataclass(frozen=True, slots=True)
class Block:
    """A structural block of an article: its ``kind``, offsets into ``Article.text`` and 1-based ``line``.

    ``lead_in`` is, for a list item, the index (in ``Article.blocks``) of the paragraph that introduces its
    list ("… can improve the following:") or of the item a nested list hangs from. ``label`` is a list item's
    number or a footnote's label. ``role`` is ``body``, ``byline``, ``boilerplate``, ``references`` or
    ``reference_heading``.
    """

    kind: BlockKind
    start: int
    end: int
    line: int
    level: int = 0
    lead_in: int | None = None
    label: str | None = None
    role: str = "body"


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    level: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence or list item of an article. ``start``/``end`` are offsets into ``Article.text``."""

    id: str
    text: str
    start: int
    end: int
    section_id: str | None = None
    kind: SentenceKind = "sentence"
    line: int | None = None
    block: int | None = None  # index of its block in ``Article.blocks``


@dataclass(frozen=True, slots=True)
class Citation:
    """An inline citation marker, resolved to reference keys where possible.

    ``marker`` is ``Article.text[start:end]``, except for a link in an HTML article, whose marker is the
    link's address and whose span is empty (at the end of the link's words, which stay claim text)."""

    sentence_id: str
    marker: str
    keys: tuple[str, ...]
    start: int
    end: int
    style: Literal["numeric", "author-year", "footnote", "link"] = "numeric"
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    title: str | None = None
    byline: str | None = None
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    citations: tuple[Citation, ...] = ()
    references: ReferenceList = field(default_factory=ReferenceList)
    problems: tuple[Problem, ...] = ()
    path: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    blocks: tuple[Block, ...] = ()

    def sentence(self, sentence_id: str) -> Sentence | None:
        return next((s for s in self.sentences if s.id == sentence_id), None)


# --- claims -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EvidenceLink:
    """What one source says about one claim, as reviewed (``registry``), as cited inline (``citation``) or as
    proposed by similarity (``suggestion``, never counted as support)."""

    claim_id: str
    source: str
    stance: str = "mentions"
    directness: str = "direct"
    origin: str = "registry"
    rationale: str | None = None
    location: str | None = None  # where in the source: abstract, section, table
    reviewer: str | None = None
    reviewed: str | None = None  # ISO date
    confidence: str | None = None  # e.g. "unconfirmed" when a finding was not checked against the full text
    note: str | None = None
    score: float | None = None  # similarity, for suggestions
    line: int | None = None
    # The reviewer's appraisal of the finding (vocabularies above); None is unknown, never read as good.
    certainty: str | None = None  # GRADE certainty of this finding
    comparator: str | None = None  # what the intervention was compared with
    timeframe: str | None = None  # how long after treatment the outcome was measured
    outcome: str | None = None  # what was measured, in the source's words
    indirectness: str | None = None  # how the evidence differs from the claim, for an indirect link
    effect: str | None = None  # what the finding shows


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    kind: str = "other"
    quote: str | None = None
    sentence_id: str | None = None
    condition: str | None = None
    population: str | None = None
    links: tuple[EvidenceLink, ...] = ()
    note: str | None = None
    file: str | None = None
    line: int | None = None


class ClaimRegistry(_ProblemSequence[Claim]):
    """The claims of an article (loaded or drafted), in order, with ``.problems``."""

    def get(self, claim_id: str) -> Claim | None:
        return next((c for c in self if c.id == claim_id), None)
