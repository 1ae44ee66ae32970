"""Linking: which sources each claim is tied to, before any rule weighs them.

Four steps, each a plain function over plain values (:func:`link_claims` runs the first two):

1. **Quote anchoring** — a claim loaded without its article has no sentence id: its quote is found in the
   article (one :class:`~needling_evidence.claims.QuoteIndex` per run, see :func:`quote_index`) and a quote
   the article does not contain becomes a ``claims.quote_not_found`` problem.
2. **Inline citations** — each key cited in a sentence becomes a link with ``origin="citation"`` and stance
   ``mentions`` for the claims anchored there: it records what the author pointed at, not what the source
   shows. Citations name the article's own reference list; when other references are used (a .bib given with
   ``--refs``), each cited work is looked up there (:func:`_citation_key_map`).
3. **Unregistered sentences** (:func:`unregistered`) — drafted (check-worthy) claims whose sentence no claim
   quotes; drafting is done once by the caller and passed in.
4. **Suggestions** (:func:`suggestions`) — works that might back the claims that are not supported, by word
   similarity (:mod:`needling_evidence.suggest`); never support.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .identity import first_author_key, title_key
from .model import Article, Claim, EvidenceLink, Problem, Reference
from .rows import SuggestionRow

if TYPE_CHECKING:
    from .claims import QuoteIndex

__all__ = [
    "Linked",
    "anchor_quotes",
    "cited_by_sentence",
    "link_claims",
    "quote_index",
    "suggestions",
    "unregistered",
]


@dataclass(frozen=True)
class Linked:
    """Claims tied to sources: each claim's sentence (by claim id), each claim's links in the claims' order —
    the registry's, then one ``mentions`` link per key cited inline in its sentence — and the problems
    anchoring found."""

    claims: tuple[Claim, ...]
    sentence_of: Mapping[str, str | None]
    links: tuple[tuple[EvidenceLink, ...], ...]  # links[i] are the links of claims[i]
    problems: tuple[Problem, ...] = ()


def quote_index(article: Article | None) -> QuoteIndex | None:
    """The one quote index of a run, or None when there is no article text to find quotes in."""
    if article is None or not article.text.strip():
        return None
    from .claims import QuoteIndex

    return QuoteIndex(article)


def link_claims(
    article: Article | None,
    claims: Sequence[Claim],
    references: Sequence[Reference],
    *,
    index: QuoteIndex | None = None,
    reported: Iterable[Problem] = (),
) -> Linked:
    """Anchor each claim's quote and add the inline citations of its sentence as links.

    ``index`` is the run's :func:`quote_index` (built here when needed and not given); ``reported`` are the
    problems already known, so a quote the registry's own check reported missing is not reported twice.
    """
    sentence_of, problems = anchor_quotes(article, claims, index=index, reported=reported)
    cited = cited_by_sentence(article, references)
    links = tuple(_with_citations(claim, sentence_of[claim.id], cited) for claim in claims)
    return Linked(tuple(claims), sentence_of, links, tuple(problems))


def anchor_quotes(
    article: Article | None,
    claims: Sequence[Claim],
    *,
    index: QuoteIndex | None = None,
    reported: Iterable[Problem] = (),
) -> tuple[dict[str, str | None], list[Problem]]:
    """Claim id → sentence id, finding the quote of each claim that has no sentence id; and a
    ``claims.quote_not_found`` problem for each quote the article does not contain."""
    sentence_of: dict[str, str | None] = {c.id: c.sentence_id for c in claims}
    problems: list[Problem] = []
    if article is None or not article.text.strip() or all(c.sentence_id is not None for c in claims):
        return sentence_of, problems
    index = index if index is not None else quote_index(article)
    assert index is not None  # the article has text
    already = {(p.key, p.code) for p in reported}
    for c in claims:
        if c.sentence_id is not None or not c.quote:
            continue
        span, _ = index.find(c.quote)
        if span is not None:
            ids = index.sentence_ids(*span)
            sentence_of[c.id] = ids[0] if ids else None
        elif (c.id, "claims.quote_not_found") not in already:
            problems.append(
                Problem(
                    "claims.quote_not_found",
                    f"claim {c.id!r}: the quote {c.quote[:120]!r} is not in the article",
                    file=c.file,
                    line=c.line,
                    key=c.id,
                    field="quote",
                )
            )
    return sentence_of, problems


def cited_by_sentence(
    article: Article | None, references: Sequence[Reference]
) -> dict[str, list[tuple[str, str]]]:
    """Sentence id → ``(reference key, marker)`` of each key cited inline there, keys as in ``references``."""
    cited: dict[str, list[tuple[str, str]]] = {}
    if article is None:
        return cited
    by_key = {ref.key: ref for ref in references}
    own_keys = _citation_key_map(article.references, references, by_key)
    for citation in article.citations:
        for key in citation.keys:
            cited.setdefault(citation.sentence_id, []).append((own_keys.get(key, key), citation.marker))
    return cited


def _with_citations(
    claim: Claim, sentence_id: str | None, cited: Mapping[str, Sequence[tuple[str, str]]]
) -> tuple[EvidenceLink, ...]:
    """The claim's registry links, then a ``mentions`` link per key cited in its sentence (each key once)."""
    links = list(claim.links)
    reviewed = {link.source for link in links}
    seen_cited: set[str] = set()
    for key, marker in cited.get(sentence_id, ()) if sentence_id else ():
        if key in seen_cited:
            continue
        seen_cited.add(key)
        links.append(
            EvidenceLink(
                claim_id=claim.id,
                source=key,
                stance="mentions",
                origin="citation",
                rationale=f"cited inline ({marker}); not reviewed"
                + ("; the registry records the reviewed stance" if key in reviewed else ""),
            )
        )
    return tuple(links)


def _title_words(title: str | None) -> str:
    return title_key(title)


def _citation_key_map(
    own: Iterable[Reference], used: Sequence[Reference], by_key: Mapping[str, Any]
) -> dict[str, str]:
    """Article reference key → key of the same work in ``used``, for the article's references whose key is
    not in ``used``: same DOI, else same title (case, accents and punctuation aside), else the only work with
    the same first author (particles and accents aside) and year. A work with no match keeps its key (and its
    citations show as unknown sources)."""
    mapping: dict[str, str] = {}
    missing = [ref for ref in own if ref.key not in by_key]
    if not missing:
        return mapping
    by_doi = {ref.doi: ref.key for ref in used if ref.doi}
    by_title = {_title_words(ref.title): ref.key for ref in used if _title_words(ref.title)}
    by_author_year: dict[tuple[str, int], list[str]] = {}
    for ref in used:
        family = first_author_key(ref)
        if family and ref.year is not None:
            by_author_year.setdefault((family, ref.year), []).append(ref.key)
    for ref in missing:
        family = first_author_key(ref)
        same_author = by_author_year.get((family, ref.year), []) if family and ref.year else []
        match = (
            (by_doi.get(ref.doi) if ref.doi else None)
            or by_title.get(_title_words(ref.title))
            or (same_author[0] if len(same_author) == 1 else None)
        )
        if match is not None:
            mapping[ref.key] = match
    return mapping


def unregistered(
    article: Article,
    claims: Sequence[Claim],
    drafted: Iterable[Claim] | None,
    index: QuoteIndex | None = None,
) -> list[Claim]:
    """Drafted (check-worthy) claims whose sentence no claim quotes. ``drafted`` None: drafted here with
    :func:`~needling_evidence.draft_claims` (a caller that drafted already passes its result). A candidate
    drafted without any claim cue (its note says so) is left out: beside a registry someone reviewed, a
    sentence with no cue is no warning."""
    index = index if index is not None else quote_index(article)
    if index is None:  # no article text: no sentences to leave unregistered
        return []
    from .drafting import UNCUED_NOTE

    if drafted is None:
        from .drafting import draft_claims

        drafted = draft_claims(article)
    covered_sentences: set[str] = set()
    covered_spans: list[tuple[int, int]] = []
    for claim in claims:
        if claim.sentence_id:
            covered_sentences.add(claim.sentence_id)
        if claim.quote:
            span = index.span(claim.quote, claim.sentence_id)
            if span is not None:
                covered_spans.append(span)
                covered_sentences.update(index.sentence_ids(*span))
    out: list[Claim] = []
    for d in drafted:
        if d.note == UNCUED_NOTE or (d.sentence_id and d.sentence_id in covered_sentences):
            continue
        if d.quote:
            span = index.span(d.quote, d.sentence_id)
            if span is not None and any(_overlaps(span, other) for other in covered_spans):
                continue
        out.append(d)
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def suggestions(
    claims: Sequence[Claim],
    references: Sequence[Reference],
    library: Sequence[Reference],
    level_of: Callable[[Reference], int | None],
) -> list[SuggestionRow]:
    """Works that might back ``claims`` (the caller passes those not supported): the article's references
    first, then the outside ``library``; a source already linked to a claim is not suggested for it.
    ``level_of`` gives a source's evidence level (graded once per source by the caller)."""
    from .suggest import suggest_sources

    keys = {ref.key for ref in references}
    candidates = list(references) + [ref for ref in library if ref.key not in keys]
    library_keys = {ref.key for ref in library if ref.key not in keys}
    exclude = {c.id: {link.source for link in c.links} for c in claims}
    by_key = {ref.key: ref for ref in candidates}
    rows = []
    for s in suggest_sources(claims, candidates, library_keys=library_keys, exclude=exclude):
        ref = by_key[s.source]
        shared = ", ".join(s.shared_terms)
        rows.append(
            SuggestionRow(
                claim_id=s.claim_id,
                rank=s.rank,
                source_key=s.source,
                score=s.score,
                label=ref.label,
                title=ref.title,
                year=ref.year,
                in_library=s.in_library,
                shared_terms=shared,
                level=level_of(ref),
                rationale=(
                    f"suggested by word similarity (score {s.score:.2f}; shared words: {shared})"
                    + ("; from the outside library, not cited by the article" if s.in_library else "")
                    + "; not reviewed — read it before recording a stance"
                ),
            )
        )
    return rows
