"""Linking: which sources each claim is tied to, before any rule weighs them.

Four steps, each a plain function over plain values (:func:`link_claims` runs the first two):

1. **Quote anchoring** — a claim loaded without its article has no sentence id: its quote is found in the
   article (one :class:`~needling_evidence.claims.QuoteIndex` per run, see :func:`quote_index`) and a quote
   the article does not contain becomes a ``claims.quote_not_found`` problem.
2. **Inline citations** — each key a claim's citation runs cite becomes a link with ``origin="citation"``
   and stance ``mentions``: it records what the author pointed at, not what the source shows. Citations name
   the article's own reference list; when other references are used (a .bib given with ``--refs``), each
   cited work is looked up there (:func:`_citation_key_map`). Which runs are a claim's
   (:func:`attached_runs`):

   * A **run** is a sentence's markers with no word between them (``[[5]](#a)[[6]](#b)``, ``[7],[8],[9]``,
     ``(Cagnie 2013; Rodine 2015)``, an author–year item and the link around it): one unit, as the labelling
     guide counts them.
   * A run **points back** over the words between the run before it (or the sentence's start) and itself:
     the first run at or after a word is that word's, and a claim has the runs of its own words (its quote's
     span in its sentence). So "Massage reduces pain [1] and improves sleep [2]." gives the first claim [1]
     and the second [2]; "undiagnosed and undertreated [7]" gives both conjuncts [7]; a run inside a sentence
     reaches no claim after it, and words after a sentence's last run ("…, but it may bruise.") get none.
   * A **narrative** run — an author–year citation written as part of the sentence ("Gattie et al. (2017)
     found that …") or a link in the text ("a [2017 trial](…) found that …") — points forward, over the words
     up to the next run, when words follow it in its sentence; at the end of a sentence, or closed by a
     parenthesis ("… blood sugar ([Lee 2017](…)), and …"), it points back like any other. (A link's citation
     stands at the end of its words, which stay claim text.)
   * A **list item** also has the run that ends its lead-in ("… can improve the following [3]:" covers every
     item under it; a nested item, its parent item's too). A run on one item is that item's only, as the
     labelling guide reads it (the item it follows): it does not spread to the items before it.
   * A claim with no quote, or whose quote is not found in its sentence, keeps every run of its sentence (the
     sentence is all that is known of where it stands). Registry claims follow the same rules through their
     quote's span.
3. **Unregistered sentences** (:func:`unregistered`) — drafted (check-worthy) claims whose sentence no claim
   quotes; drafting is done once by the caller and passed in.
4. **Suggestions** (:func:`suggestions`) — works that might back the claims that are not supported, by word
   similarity (:mod:`needling_evidence.suggest`); never support.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .identity import first_author_key, title_key
from .model import Article, Citation, Claim, EvidenceLink, Problem, Reference, Sentence
from .rows import SuggestionRow

if TYPE_CHECKING:
    from .claims import QuoteIndex

__all__ = [
    "CitationRun",
    "Linked",
    "anchor_quotes",
    "attached_runs",
    "citation_runs",
    "link_claims",
    "quote_index",
    "suggestions",
    "unregistered",
]


@dataclass(frozen=True)
class Linked:
    """Claims tied to sources: each claim's sentence (by claim id), each claim's links in the claims' order —
    the registry's, then one ``mentions`` link per key its citation runs cite (:func:`attached_runs`) — and
    the problems anchoring found."""

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
    """Anchor each claim's quote and add the inline citations that follow its words as links.

    ``index`` is the run's :func:`quote_index` (built here when needed and not given); ``reported`` are the
    problems already known, so a quote the registry's own check reported missing is not reported twice.
    """
    sentence_of, problems = anchor_quotes(article, claims, index=index, reported=reported)
    if article is None or not article.citations:
        links = tuple(_with_citations(claim, ()) for claim in claims)
        return Linked(tuple(claims), sentence_of, links, tuple(problems))
    runs = citation_runs(article, references)
    if index is None and any(c.quote for c in claims):
        index = quote_index(article)
    places = _Places(article, runs, index)
    links = tuple(
        _with_citations(claim, places.runs_of(claim.quote, sentence_of[claim.id])) for claim in claims
    )
    return Linked(tuple(claims), sentence_of, links, tuple(problems))


def anchor_quotes(
    article: Article | None,
    claims: Sequence[Claim],
    *,
    index: QuoteIndex | None = None,
    reported: Iterable[Problem] = (),
) -> tuple[dict[str, str | None], list[Problem]]:
    """Claim id → sentence id, finding the quote of each claim that has no sentence id (its first occurrence
    in a sentence: front matter that repeats the body's words holds none); and a
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
        span, count = index.find(c.quote)
        if span is not None:
            ids = index.sentence_ids(*span)
            for _ in range(count - 1):
                if ids or span is None:
                    break
                # front matter repeating the body's words is no sentence: the quote stands where one holds it
                span = index.span_from(c.quote, span[0] + 1, len(article.text))
                ids = index.sentence_ids(*span) if span is not None else []
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


@dataclass(frozen=True, slots=True)
class CitationRun:
    """Adjacent inline citation markers of one sentence, with no word between them: where the run stands
    (``start``, ``end``: offsets into ``Article.text``, from its first marker's start to its last's end), each
    ``(reference key, marker)`` it cites (keys as in the references in use), and whether it is narrative
    (points forward, see the module docstring)."""

    sentence_id: str
    start: int
    end: int
    cited: tuple[tuple[str, str], ...]
    narrative: bool = False
    link: bool = False  # a link in the text: its words (the span) are the sentence's own


_WORD_CHAR = re.compile(r"[^\W_]")
# "Gattie et al. (2017)": the year in parentheses closes a narrative citation; "(Gattie et al., 2017)" is
# marked inside its parentheses (the marker is the item "Gattie et al., 2017").
_NARRATIVE_YEAR = re.compile(r"\((?:19|20)\d\d[a-z]?\)$")


def citation_runs(article: Article, references: Sequence[Reference]) -> dict[str, list[CitationRun]]:
    """Sentence id → its citation runs in text order (see the module docstring), keys as in ``references``."""
    by_key = {ref.key: ref for ref in references}
    own_keys = _citation_key_map(article.references, references, by_key)
    sentences = {s.id: s for s in article.sentences}
    text = article.text
    grouped: dict[str, list[list[Citation]]] = {}
    for citation in sorted(article.citations, key=lambda c: (c.start, c.end)):
        runs = grouped.setdefault(citation.sentence_id, [])
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and last.start <= citation.start
            and not _WORD_CHAR.search(text, last.end, max(last.end, citation.start))
        ):  # "(<a href=…>Lee 2017</a>)": the author-year words and the link are one run
            runs[-1].append(citation)
        else:
            runs.append([citation])
    out: dict[str, list[CitationRun]] = {}
    for sentence_id, runs in grouped.items():
        sentence = sentences.get(sentence_id)
        sentence_end = sentence.end if sentence is not None else len(text)
        made = out.setdefault(sentence_id, [])
        for position, group in enumerate(runs):
            start, end = group[0].start, max(c.end for c in group)
            following = runs[position + 1][0].start if position + 1 < len(runs) else sentence_end
            words_follow = _WORD_CHAR.search(text, end, max(end, following)) is not None
            # "([Lee 2017](https://doi.org/…))": a run its parenthesis closes is not part of the sentence
            enclosed = text[end : end + 1] in (")", "]")
            link = all(c.style == "link" for c in group)
            narrative = (
                words_follow
                and not enclosed
                and (
                    link or all(c.style == "author-year" and _NARRATIVE_YEAR.search(c.marker) for c in group)
                )
            )
            cited = tuple((own_keys.get(key, key), c.marker) for c in group for key in c.keys)
            made.append(CitationRun(sentence_id, start, end, cited, narrative, link))
    return out


class _Places:
    """Where each claim stands among the citation runs of its sentence (see :func:`attached_runs`)."""

    def __init__(
        self, article: Article, runs: Mapping[str, Sequence[CitationRun]], index: QuoteIndex | None
    ) -> None:
        self.article = article
        self.runs = runs
        self.index = index
        self.sentences = {s.id: s for s in article.sentences}
        self._last_of_block: dict[int, Sentence] | None = None
        self._ending: dict[str, list[CitationRun]] = {}  # a lead-in's ending runs, once for all its items

    def runs_of(self, quote: str | None, sentence_id: str | None) -> list[CitationRun]:
        """The runs a claim quoting ``quote``, anchored at ``sentence_id``, has: its lead-ins' first, then
        its own in text order."""
        sentence = self.sentences.get(sentence_id) if sentence_id else None
        if sentence is None:
            return []
        out = self._lead_in_runs(sentence, set())
        span = self._span(quote, sentence)
        if span is None:
            out.extend(self.runs.get(sentence.id, ()))  # where in its sentence is unknown: all of them
            return out
        for s in self._sentences_over(sentence, span):
            out.extend(attached_runs(self.article.text, s, self.runs.get(s.id, ()), span))
        return out

    def _span(self, quote: str | None, sentence: Sentence) -> tuple[int, int] | None:
        """The quote's span in the article, found from its sentence's start (the quote starts in it)."""
        if not quote or self.index is None:
            return None
        # from the sentence's start: a split claim's quote ("chronic neck pain") may stand elsewhere too
        return self.index.span_from(quote, sentence.start, sentence.end)

    def _sentences_over(self, first: Sentence, span: tuple[int, int]) -> list[Sentence]:
        if span[1] <= first.end or self.index is None:
            return [first]
        return [self.sentences[i] for i in self.index.sentence_ids(*span) if i in self.sentences]

    def _lead_in_runs(self, sentence: Sentence, seen: set[int]) -> list[CitationRun]:
        """The run ending the lead-in of a list item (and of its parent items): it covers every item."""
        if sentence.kind != "list_item" or sentence.block is None:
            return []
        blocks = self.article.blocks
        if not 0 <= sentence.block < len(blocks) or blocks[sentence.block].lead_in is None:
            return []
        lead_block = blocks[sentence.block].lead_in
        assert lead_block is not None
        if lead_block in seen:
            return []
        seen.add(lead_block)
        lead = self._last_sentence(lead_block)
        if lead is None:
            return []
        out = self._lead_in_runs(lead, seen)
        if lead.id not in self._ending:
            self._ending[lead.id] = ending_runs(self.article.text, lead, self.runs.get(lead.id, ()))
        out.extend(self._ending[lead.id])
        return out

    def _last_sentence(self, block: int) -> Sentence | None:
        if self._last_of_block is None:
            self._last_of_block = {}
            for s in self.article.sentences:
                if s.block is not None:
                    known = self._last_of_block.get(s.block)
                    if known is None or s.start > known.start:
                        self._last_of_block[s.block] = s
        return self._last_of_block.get(block)


def attached_runs(
    text: str, sentence: Sentence, runs: Sequence[CitationRun], span: tuple[int, int]
) -> list[CitationRun]:
    """The runs of ``sentence`` that have a word of ``span`` (a claim's quote) in their reach: a run reaches
    back over the words since the run before it; a narrative run forward over the words up to the next; a
    link also over its own words."""
    start, end = max(span[0], sentence.start), min(span[1], sentence.end)
    out = []
    for position, run in enumerate(runs):
        if run.narrative:
            lo = run.end
            hi = runs[position + 1].start if position + 1 < len(runs) else sentence.end
        else:
            lo = runs[position - 1].end if position else sentence.start
            hi = run.start
        reach = [(lo, hi)] + ([(run.start, run.end)] if run.link else [])
        if any(_has_word(text, max(a, start), min(b, end)) for a, b in reach):
            out.append(run)
    return out


def ending_runs(text: str, sentence: Sentence, runs: Sequence[CitationRun]) -> list[CitationRun]:
    """The runs that reach a sentence's last word ("… can improve the following [3]:" → [3])."""
    end = sentence.end
    for run in reversed(runs):  # the words after the last run, else those before it, and so back
        if _has_word(text, run.end, end):
            break
        if run.link and _has_word(text, run.start, run.end):
            return attached_runs(text, sentence, runs, (run.start, run.end))
        end = run.start
    last = next((i for i in range(end - 1, sentence.start - 1, -1) if _WORD_CHAR.match(text, i)), None)
    if last is None:
        return []
    return attached_runs(text, sentence, runs, (last, last + 1))


def _has_word(text: str, start: int, end: int) -> bool:
    return start < end and _WORD_CHAR.search(text, start, end) is not None


def _with_citations(claim: Claim, runs: Iterable[CitationRun]) -> tuple[EvidenceLink, ...]:
    """The claim's registry links, then a ``mentions`` link per key its runs cite (each key once)."""
    links = list(claim.links)
    reviewed = {link.source for link in links}
    seen_cited: set[str] = set()
    for key, marker in (pair for run in runs for pair in run.cited):
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
