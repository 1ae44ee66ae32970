"""Suggestions: which works might back a claim that nothing supports yet.

For each claim the caller asks about, every candidate work (the article's references and any wider library,
e.g. the bundled ``library.bib`` of outside works) is scored by the TF-IDF cosine similarity of the claim's
words (its text, condition and population) to the work's **title and abstract only**. Not the journal's name
(the migraine claim was offered Cagnie 2013, on dry needling's physiological effects, for the word "Headache"
in Current Pain and Headache Reports), not keywords, and not the user's ``note``: a note says what someone
wrote about the work — in the bundled library, which claim it contradicts — so matching on it would echo the
reviewer rather than find the work. A work with neither a title nor an abstract therefore has nothing to
match and is never suggested.

The best few above :data:`MIN_SCORE` become links with ``origin="suggestion"`` and stance ``mentions``: a
pointer for an editor to read, never counted as support — only a reviewed registry entry can support a claim.

The works are indexed once per run (an inverted index: numpy arrays, a slice of postings per term); each claim
is scored over the postings of its own words only, and only the works reaching :data:`MIN_SCORE` are ranked.
In a large library the field's common words are also held as a dense matrix, whose rows a claim adds for its
common words (see :class:`_Index`). Timings: ``tests/benchmarks/bench_coverage.py --suggest-scale``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Claim, EvidenceLink, Reference

__all__ = ["MAX_SUGGESTIONS", "MIN_SCORE", "Suggestion", "as_links", "suggest_sources", "tokens"]

# Three candidates per claim is what fits in a report row and what an editor will actually read.
MAX_SUGGESTIONS = 3
# Set when works were matched on their notes and journals too: on the bundled article a match on one common
# word ("pain", "mild") scored 0.11–0.16 and topical matches 0.16–0.64, 0.15 dropped most of the first.
# Matched on titles alone (the bundled works have no abstracts), one word of a short title weighs more: "pain"
# alone now scores 0.32–0.37 (Navarro-Santana 2020), and 0.15 keeps such single-word matches. Left as it was
# until works with abstracts give a measured reason to change it.
MIN_SCORE = 0.15
# The dense part of the index (see _Index): only for libraries of at least DENSE_MIN_WORKS works, for terms
# in at least one work in DENSE_MIN_SHARE, at most DENSE_MAX_CELLS float64 cells (128 MB). Measured with
# tests/benchmarks/bench_coverage.py.
DENSE_MIN_WORKS = 5_000
DENSE_MIN_SHARE = 32
DENSE_MAX_CELLS = 16_000_000
# How many shared words to show as the reason for a suggestion.
SHARED_TERMS_SHOWN = 5

# Function words, number words ("one" was counted as a shared word), words of frequency and degree ("usually",
# "often", "a lot"), and the generic words of health claims ("an effective treatment", "patients", "therapy")
# that would otherwise match every work on a treatment; they carry no signal for which work backs which claim.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just may me might more most my no
    nor not now of off on once only or other our ours out over own same she should so some such than that
    the their theirs them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours using used use based even many
    much via vs versus among within without treatment treat treated therapy therapies therapeutic effect
    effects effective effectively efficacy patient patients people person give gives make makes help helps
    wide range option options way ways well
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
    hundreds thousand thousands million first second third fourth fifth once twice half several various
    usually often always never sometimes commonly generally typically frequently mostly mainly
    like also just still really quite rather lot lots little less least really new
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


def _stem(word: str) -> str:
    """A very light plural folding (``injuries`` → ``injury``, ``trials`` → ``trial``): enough to match a
    claim's words to a title's without a stemming dependency."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _term(word: str) -> str:
    """The index term for one lower-cased word, or "" when it carries no signal."""
    word = word.replace("’", "'")
    if len(word) < 2 or word in STOP_WORDS or word.isdigit():
        return ""
    stem = _stem(word)
    return "" if stem in STOP_WORDS else stem


class _TermCache(dict[str, str]):
    """word → index term, computed on first sight (a library repeats the same few thousand words)."""

    def __missing__(self, word: str) -> str:
        term = self[word] = _term(word)
        return term


class _WordIds(dict[str, int]):
    """lower-cased word → id of its index term in ``term_ids`` (numbered on first sight), or -1 for none."""

    def __init__(self, terms: _TermCache, term_ids: dict[str, int]) -> None:
        super().__init__()
        self.terms, self.term_ids = terms, term_ids

    def __missing__(self, word: str) -> int:
        term = self.terms[word]
        number = self.term_ids.setdefault(term, len(self.term_ids)) if term else -1
        self[word] = number
        return number


def tokens(text: str | None, cache: dict[str, str] | None = None) -> list[str]:
    """Lower-cased, plural-folded content words of ``text`` (stop words and one-letter words dropped).

    ``cache`` (word → term) lets :func:`suggest_sources` fold each distinct word only once.
    """
    if not text:
        return []
    memo = cache if cache is not None else _TermCache()
    return [term for term in map(memo.__getitem__, _WORD.findall(text.casefold())) if term]


def _reference_text(ref: Reference) -> str:
    """What a work is matched on: its title and abstract (see the module's docstring for why only these)."""
    return " ".join(p for p in (ref.title, ref.abstract) if p)


def _claim_text(claim: Claim) -> str:
    return " ".join(p for p in (claim.text, claim.condition, claim.population) if p)


@dataclass(frozen=True, slots=True)
class Suggestion:
    claim_id: str
    source: str
    score: float
    rank: int
    shared_terms: tuple[str, ...]
    in_library: bool


class _Index:
    """TF-IDF weights of the candidate works, built once per run and queried once per claim.

    Two views of one sparse matrix: postings (term → works and weights, to score a claim term at a time) and
    rows (work → terms, to name the words a claim shares with a suggested work).
    """

    def __init__(self, candidates: Sequence[Reference], terms: _TermCache) -> None:
        import numpy as np

        self.term_ids: dict[str, int] = {}
        row_terms: list[int] = []
        row_counts: list[int] = []
        row_ptr = [0]
        # word → term id (-1: no term), so that each distinct word is folded and numbered once
        word_ids = _WordIds(terms, self.term_ids)
        findall = _WORD.findall
        for ref in candidates:
            text = _reference_text(ref)
            counts = Counter(map(word_ids.__getitem__, findall(text.casefold()))) if text else Counter()
            counts.pop(-1, None)
            row_terms.extend(counts)
            row_counts.extend(counts.values())
            row_ptr.append(len(row_terms))
        n_docs, n_terms = len(candidates), len(self.term_ids)
        self.n_docs = n_docs
        t_arr = np.asarray(row_terms, dtype=np.int64)
        self.row_ptr = np.asarray(row_ptr, dtype=np.int64)
        d_arr = np.repeat(np.arange(n_docs, dtype=np.int64), np.diff(self.row_ptr))
        df = np.bincount(t_arr, minlength=n_terms)
        # IDF with add-one smoothing but no "+1" floor: a word that every candidate shares (in a dry-needling
        # library, "dry" and "needling") weighs nothing, so it cannot make a suggestion by itself. Only works
        # with words count: one with no title and no abstract is not part of what is searched.
        searched = int(np.count_nonzero(np.diff(self.row_ptr)))
        self.idf = np.log((1.0 + searched) / (1.0 + df))
        # Sub-linear TF × IDF, L2-normalised per work.
        weight = (1.0 + np.log(np.asarray(row_counts, dtype=np.float64))) * self.idf[t_arr]
        norms = np.sqrt(np.bincount(d_arr, weights=weight * weight, minlength=n_docs))
        doc_norm = norms[d_arr]
        weight = np.divide(weight, doc_norm, out=np.zeros_like(weight), where=doc_norm > 0)
        self.row_terms, self.row_weights = t_arr, weight
        # Postings of term t are positions offsets[t]:offsets[t + 1] of the term-sorted arrays.
        order = np.argsort(t_arr, kind="stable")
        self.post_docs = d_arr[order]
        self.post_weights = weight[order]
        self.offsets = np.searchsorted(t_arr[order], np.arange(n_terms + 1))
        # In a large library the words of its field ("pain", "needling", "trial") each sit in a sizeable share
        # of the works, and their postings make most of a claim's work. Those terms are also kept as a dense
        # terms × works matrix, so that a claim adds a contiguous row for each (one vectorised multiply-add)
        # instead of a scatter per claim and term; the rarer terms stay on their postings.
        self.dense_row: dict[int, int] = {}
        self.dense: Any = None
        if n_docs >= DENSE_MIN_WORKS:
            common = np.flatnonzero(df * DENSE_MIN_SHARE >= n_docs)
            budget = max(0, DENSE_MAX_CELLS // n_docs)
            common = common[np.argsort(-df[common], kind="stable")][:budget]
            if len(common):
                self.dense_row = {int(t): row for row, t in enumerate(common.tolist())}
                self.dense = np.zeros((len(common), n_docs), dtype=np.float64)
                for row, t in enumerate(common.tolist()):
                    start, end = self.offsets[t], self.offsets[t + 1]
                    self.dense[row, self.post_docs[start:end]] = self.post_weights[start:end]

    def scores(self, weights: Mapping[str, float], min_score: float) -> tuple[Any, Any]:
        """(works, scores): every work scoring ``min_score`` or more for a claim whose normalised term weights
        are ``weights``, in candidate order. One pass over the postings of the claim's words, summed by
        ``bincount``: the work follows the postings the claim reaches, not claims × works."""
        import numpy as np

        if not weights:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        offsets, post_docs, post_weights = self.offsets, self.post_docs, self.post_weights
        docs: list[Any] = []
        products: list[Any] = []
        for term, claim_weight in weights.items():
            t = self.term_ids[term]
            start, end = offsets[t], offsets[t + 1]
            docs.append(post_docs[start:end])
            products.append(post_weights[start:end] * claim_weight)
        scores = np.bincount(np.concatenate(docs), np.concatenate(products), minlength=self.n_docs)
        found = np.flatnonzero(scores >= min_score)
        return found, scores[found]

    def scores_many(
        self, queries: Sequence[Mapping[str, float]], min_score: float
    ) -> Iterator[tuple[Any, Any]]:
        """:meth:`scores` for each of ``queries``, in order. With a dense part, a claim's common terms add
        their dense rows (a few of them per claim), the rare ones their postings."""
        import numpy as np

        if self.dense is None:
            for weights in queries:
                yield self.scores(weights, min_score)
            return
        offsets, post_docs, post_weights = self.offsets, self.post_docs, self.post_weights
        dense, dense_row, term_ids = self.dense, self.dense_row, self.term_ids
        # A claim holds a few of the common terms: adding their rows reads a few rows of the dense part, where
        # a matrix product of a batch of claims computed every row for every claim (and, with BLAS threads
        # on a shared machine, ran at half speed).
        product = np.empty(self.n_docs, dtype=np.float64)
        for weights in queries:
            rows = sorted(
                (row, claim_weight)
                for term, claim_weight in weights.items()
                if (row := dense_row.get(term_ids[term])) is not None
            )
            scores = np.zeros(self.n_docs, dtype=np.float64)
            for row, claim_weight in rows:
                np.multiply(dense[row], claim_weight, out=product)
                scores += product
            for term, claim_weight in weights.items():
                t = term_ids[term]
                if t not in dense_row:
                    # one term's postings name each work once, so a fancy-index add is exact
                    start, end = offsets[t], offsets[t + 1]
                    scores[post_docs[start:end]] += post_weights[start:end] * claim_weight
            found = np.flatnonzero(scores >= min_score)
            yield found, scores[found]

    def terms_of(self, doc: int) -> set[int]:
        return set(self.row_terms[self.row_ptr[doc] : self.row_ptr[doc + 1]].tolist())


def suggest_sources(
    claims: Sequence[Claim],
    candidates: Sequence[Reference],
    *,
    library_keys: Iterable[str] = (),
    exclude: Mapping[str, Iterable[str]] | None = None,
    limit: int = MAX_SUGGESTIONS,
    min_score: float = MIN_SCORE,
) -> list[Suggestion]:
    """The best ``limit`` candidate works for each claim, best first, claims in input order.

    ``exclude`` maps a claim id to source keys not to suggest for it (those already reviewed for that claim);
    ``library_keys`` marks candidates that come from the outside library rather than the article's references.
    A candidate with neither a title nor an abstract has no words to match and is never suggested.
    """
    import numpy as np

    if not claims or not candidates:
        return []
    library = set(library_keys)
    excluded = {cid: set(keys) for cid, keys in (exclude or {}).items()}
    terms = _TermCache()
    index = _Index(candidates, terms)
    idf_of = index.idf.tolist()
    term_ids = index.term_ids

    def claim_weights(claim: Claim) -> dict[str, float]:
        counts = Counter(tokens(_claim_text(claim), terms))
        raw = {}
        for t, c in counts.items():
            i = term_ids.get(t)
            if i is not None and idf_of[i] > 0.0:
                raw[t] = (1.0 + math.log(c)) * idf_of[i]
        norm = math.sqrt(sum(w * w for w in raw.values()))
        return {t: w / norm for t, w in raw.items()} if norm else {}

    asked = [(claim, weights) for claim in claims if (weights := claim_weights(claim))]
    out: list[Suggestion] = []
    found = index.scores_many([weights for _, weights in asked], min_score)
    for (claim, weights), (docs, scores) in zip(asked, found, strict=True):
        skip = excluded.get(claim.id, set())
        wanted = limit + len(skip)
        if len(docs) > wanted:
            # the best `wanted` works and any tied with the last of them, so that ties break by input order
            cut = np.partition(scores, len(scores) - wanted)[len(scores) - wanted]
            docs, scores = docs[scores >= cut], scores[scores >= cut]
        best = np.lexsort((docs, -scores))
        rank = 0
        for negative, i in zip((-scores[best]).tolist(), docs[best].tolist(), strict=True):
            ref = candidates[i]
            if ref.key in skip:
                continue
            rank += 1
            if rank > limit:
                break
            held = index.terms_of(i)
            shared = sorted(
                (t for t in weights if term_ids[t] in held), key=lambda t: -weights[t] * idf_of[term_ids[t]]
            )[:SHARED_TERMS_SHOWN]
            out.append(
                Suggestion(
                    claim_id=claim.id,
                    source=ref.key,
                    score=round(-negative, 4),
                    rank=rank,
                    shared_terms=tuple(shared),
                    in_library=ref.key in library,
                )
            )
    return out


def as_links(suggestions: Iterable[Suggestion]) -> list[EvidenceLink]:
    """Suggestions as links (``origin="suggestion"``, stance ``mentions``) — never support."""
    return [
        EvidenceLink(
            claim_id=s.claim_id,
            source=s.source,
            stance="mentions",
            directness="indirect",
            origin="suggestion",
            rationale=(
                f"suggested by word similarity (score {s.score:.2f}; "
                f"shared words: {', '.join(s.shared_terms)}); "
                "not reviewed — read the work before recording a stance"
            ),
            score=s.score,
        )
        for s in suggestions
    ]
