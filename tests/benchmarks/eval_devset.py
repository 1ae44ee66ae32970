"""Evaluate reading and drafting against the hand-labelled development set of real articles (issue 9, item 6).

    python tests/benchmarks/eval_devset.py [--dev | --holdout | --all] [--verbose]

``--dev`` (the default) scores the development part, ``--holdout`` the held-out articles (the honest
estimate: never tune on them), ``--all`` both, each part separately. ``--check`` scores the check set
(``check: true``: development articles whose figures gate a change while their misses stay unread; they are
left out of ``--dev`` and refused by ``--verbose``, ``devset_misses.py`` and ``eval_kinds.py``).
For every article it loads the stored copy with ``load_article``, drafts with ``draft_claims`` and prints,
per article and overall (micro-averaged):

- **drafting** precision, recall and kind accuracy, in two variants:
  *one-to-one* — each labelled claim is matched to at most one drafted claim and back; a pair matches when
  the drafted claim lies on the labelled words (its sentence overlaps an occurrence of the label's quote in
  the article) and the larger of the two shares at least ``ONE_TO_ONE`` of its words with the other
  (``shared / max(len)``, compared both for the quotes and for the rewrites, ``text``, taking the best);
  pairs are taken best score first. Precision = matched drafted / all drafted, recall = matched labels /
  all labels, kind accuracy = matched pairs whose kind agrees / matched pairs.
  *contained* — a labelled claim counts as found when some drafted claim lying on its words contains at
  least ``CONTAINED`` of the label's words (a claim bundled into a longer drafted sentence counts), and a
  drafted claim counts as right when it contains such a share of a label or lies, to that share, inside one.
  Words: case-folded letters and digits, with citation markers, HTML tags and Markdown emphasis removed.
- **citations**: one label per run of adjacent markers; right when the keys of the article's citations that
  overlap the labelled marker are exactly the keys of the labelled target references (the reference whose
  list label — number or footnote label — is the target; by list position when the parser kept no label).
- **references**: for every labelled reference, the reference with the same list label in
  ``load_article(...).references`` (by position when no label was kept); each field right or wrong: first
  author (family name, a printed particle allowed before it; a corporate author by its full name), year,
  title (case-folded; Markdown emphasis, backslash escapes and the final full stop removed), journal (the
  same, and a trailing parenthetical qualifier such as "(Phila Pa 1976)" may be absent on either side), DOI
  (``normalize_doi``),
  PMID. A field labelled ``null`` is right only when the parser gives none. A reference the parser lost
  counts as all six fields wrong.

- **citation attachment**: which of the article's inline citations each drafted claim is tied to, as
  ``link_claims`` (and so ``check_article``) ties them — its links with ``origin="citation"`` — against what
  the labels imply. A labelled claim's *expected* sources are the targets of the labelled citation runs that
  follow it: a run lying inside its quote, and the first run at or after its quote's end, provided no sentence
  or block boundary lies between (a block is the loader's structural block, a paragraph or list item; a
  sentence ends at ``.``, ``!`` or ``?`` followed by a capitalised word or a digit); a claim in a list item
  also expects the run that ends its lead-in (a lead-in whose last words are followed by a run: "… improves
  the following [3]:"), and, for a nested item, its parent item's. So a run at the end of a sentence reaches
  every claim of the sentence back to the previous run ("undiagnosed and undertreated [7]" → both), and a run
  inside a sentence reaches none after it ("reduces pain [1] and improves sleep [2]"). Scored over the
  one-to-one (drafted, labelled) pairs of the drafting score: precision = attached sources that were
  expected / attached, recall = expected sources that were attached / expected (a target the reference list
  lost counts as expected and never attached). A *strict* variant is printed beside it: there only the claim
  right before a run expects it (a run reaches no claim whose quote ends before the next labelled quote
  begins), the reading under which a coordination's earlier conjuncts are uncited. The main rule is the
  labelling guide's: a run's ``after`` names the sentence or item it belongs to, not one conjunct of it.
  ``--verbose`` lists the pairs whose attached sources differ from the expected. *P lab* / *R lab*: the same
  comparison with the labelled claims themselves linked as registry claims (by their quotes) in place of the
  drafted ones — the attachment rule alone, whatever drafting finds.

This measures; it asserts nothing (``tests/test_devset.py`` checks only that the labels are well formed).
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import needling_evidence as ne
from needling_evidence.model import Article, Claim, Reference

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"

# Share of words two claims must have in common, relative to the longer of the two, to be the same claim: a
# drafted claim may add a carried-over subject or drop a hedge and still be the labelled one, but a claim that
# bundles two labelled items (or half of one) is not. Chosen with the labels, before any drafting run.
ONE_TO_ONE = 0.6
# Share of a label's words a drafted claim must contain for the lenient "contained" variant.
CONTAINED = 0.8
REFERENCE_FIELDS = ("first_author", "year", "title", "journal", "doi", "pmid")

_MARKERS = re.compile(
    r"\[\[[^\]]*\]\]\([^)]*\)"  # [[1]](#ref1)
    r"|\[\^[^\]]+\]"  # [^1]
    r"|\\?\[\d+(?:\s*[-–,]\s*\d+)*\\?\]"  # [1], [1-3], \[1\]
    r"|<sup>.*?</sup>"
    r"|<[^>]+>"
    r"|[¹²³⁰⁴⁵⁶⁷⁸⁹]+"
)
_WORD = re.compile(r"[^\W_]+")


def words(text: str | None) -> list[str]:
    if not text:
        return []
    return _WORD.findall(_MARKERS.sub(" ", text).casefold())


def shared(a: list[str], b: list[str]) -> int:
    return sum((Counter(a) & Counter(b)).values())


# --- labels -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Labels:
    slug: str
    path: Path
    holdout: bool
    holdout_round: int
    check: bool
    claims: list[dict[str, Any]]
    citations: list[dict[str, Any]]
    references: list[dict[str, Any]]


def load_labels(path: Path) -> Labels:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Labels(
        slug=path.name.removesuffix(".labels.yaml"),
        path=DEVSET / data["article"],
        holdout=bool(data.get("holdout", False)),
        holdout_round=int(data.get("holdout_round", 1)),
        check=bool(data.get("check", False)),
        claims=list(data.get("claims") or []),
        citations=list(data.get("citations") or []),
        references=list(data.get("references") or []),
    )


def all_labels() -> list[Labels]:
    return [load_labels(p) for p in sorted(DEVSET.glob("*.labels.yaml"))]


# --- drafting -----------------------------------------------------------------------------------------------


@dataclass
class DraftScore:
    labels: int = 0
    drafted: int = 0
    matched: int = 0  # one-to-one pairs
    kinds_right: int = 0
    found_contained: int = 0  # labels found by the lenient rule
    right_contained: int = 0  # drafted claims right by the lenient rule

    def add(self, other: DraftScore) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float | None:
        return self.matched / self.drafted if self.drafted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.labels if self.labels else None

    @property
    def kind_accuracy(self) -> float | None:
        return self.kinds_right / self.matched if self.matched else None

    @property
    def precision_contained(self) -> float | None:
        return self.right_contained / self.drafted if self.drafted else None

    @property
    def recall_contained(self) -> float | None:
        return self.found_contained / self.labels if self.labels else None


def body_start(text: str) -> int:
    """Where the article's body begins: after a YAML front matter block, whose fields may repeat body text."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end >= 0:
            return end + 4
    return 0


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(quote, body_start(text))
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def _lies_on(claim_span: tuple[int, int] | None, label_spans: list[tuple[int, int]]) -> bool:
    # A label whose quote the loader's text no longer holds (it rewrote the markup) is matched by words alone.
    if claim_span is None or not label_spans:
        return True
    return any(claim_span[0] < end and start < claim_span[1] for start, end in label_spans)


def _variants(quote: str | None, text: str | None) -> list[list[str]]:
    return [w for w in (words(quote), words(text)) if w]


def _pair_scores(
    article: Article, claims: Sequence[Claim], labels: Sequence[dict[str, Any]]
) -> tuple[list[tuple[float, int, int]], list[list[bool]], list[list[bool]]]:
    """Candidate one-to-one pairs ``(share, label i, claim j)``, and the lenient tables: label i contained in
    claim j, claim j contained in label i."""
    spans = {s.id: (s.start, s.end) for s in article.sentences}
    label_spans = [_spans(article.text, lab["quote"]) for lab in labels]
    label_words = [_variants(lab["quote"], lab.get("text")) for lab in labels]
    claim_words = [_variants(c.quote, c.text) for c in claims]
    claim_spans = [spans.get(c.sentence_id) if c.sentence_id else None for c in claims]

    pairs = []
    covers = [[False] * len(claims) for _ in labels]
    inside = [[False] * len(claims) for _ in labels]
    for i, lws in enumerate(label_words):
        for j, cws in enumerate(claim_words):
            if not _lies_on(claim_spans[j], label_spans[i]):
                continue
            best = max((shared(a, b) / max(len(a), len(b)) for a in lws for b in cws), default=0.0)
            if best >= ONE_TO_ONE:
                pairs.append((best, i, j))
            covers[i][j] = any(shared(a, b) / len(a) >= CONTAINED for a in lws for b in cws)
            inside[i][j] = any(shared(a, b) / len(b) >= CONTAINED for a in lws for b in cws)
    return pairs, covers, inside


def _greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Pairs taken best share first, each label and each claim at most once."""
    used_labels: set[int] = set()
    used_claims: set[int] = set()
    matched = []
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i in used_labels or j in used_claims:
            continue
        used_labels.add(i)
        used_claims.add(j)
        matched.append((i, j))
    return matched


def one_to_one(
    article: Article, claims: Sequence[Claim], labels: Sequence[dict[str, Any]]
) -> list[tuple[int, int]]:
    """The one-to-one matched pairs ``(label index, claim index)``, as the drafting score counts them."""
    return _greedy(_pair_scores(article, claims, labels)[0])


def score_drafting(article: Article, claims: list[Claim], labels: list[dict[str, Any]]) -> DraftScore:
    pairs, covers, inside = _pair_scores(article, claims, labels)
    result = DraftScore(labels=len(labels), drafted=len(claims))
    for i, j in _greedy(pairs):
        result.matched += 1
        result.kinds_right += claims[j].kind == labels[i]["kind"]
    result.found_contained = sum(any(row) for row in covers)
    result.right_contained = sum(
        any(covers[i][j] or inside[i][j] for i in range(len(labels))) for j in range(len(claims))
    )
    return result


# --- citations and references -------------------------------------------------------------------------------


def _by_label(references: list[Reference]) -> dict[str, Reference]:
    found: dict[str, Reference] = {}
    for position, ref in enumerate(references, 1):
        label = (ref.fields or {}).get("label")
        found.setdefault(str(label) if label is not None else str(position), ref)
    return found


@dataclass
class CitationScore:
    labelled: int = 0
    right: int = 0

    def add(self, other: CitationScore) -> None:
        self.labelled += other.labelled
        self.right += other.right


def score_citations(article: Article, labels: list[dict[str, Any]]) -> CitationScore:
    refs = _by_label(list(article.references))
    result = CitationScore(labelled=len(labels))
    cursor = body_start(article.text)
    for lab in labels:
        found = article.text.find(lab["after"] + lab["marker"], cursor)
        if found < 0:
            found = article.text.find(lab["after"] + lab["marker"], body_start(article.text))
        if found < 0:
            continue  # the loader's text lost the marker: wrong
        start = found + len(lab["after"])
        end = start + len(lab["marker"])
        cursor = start
        keys = {k for c in article.citations if c.start < end and start < c.end for k in c.keys}
        targets = [refs.get(str(t)) for t in lab["targets"]]
        expected = {r.key for r in targets if r is not None}
        result.right += bool(keys) and None not in targets and keys == expected
    return result


def _norm(text: str | None) -> str:
    if text is None:
        return ""
    # A Markdown backslash escape (`\|`, `\[`) is markup like emphasis: the printed character is what counts.
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    text = re.sub(r"[*_`]", "", text).casefold()
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip()


def _journal(text: str | None) -> str:
    return _norm(text).replace(".", "")


def _first_author(ref: Reference) -> str | None:
    if not ref.authors:
        return None
    person = ref.authors[0]
    if person.literal:
        return person.literal
    return " ".join(p for p in (person.particle, person.family) if p) or None


def field_right(name: str, expected: Any, ref: Reference) -> bool:
    if name == "first_author":
        got = _norm(_first_author(ref))
        want = _norm(expected)
        return got == want or (bool(want) and got.endswith(" " + want))
    if name == "year":
        return bool(ref.year == expected)
    if name == "title":
        return _norm(ref.title) == _norm(expected)
    if name == "journal":
        got, want = _journal(ref.container_title), _journal(expected)
        strip = re.compile(r"\s*\([^)]*\)$")
        return got == want or strip.sub("", got) == strip.sub("", want)
    if name == "doi":
        return ne.normalize_doi(ref.doi or "") == (ne.normalize_doi(expected) if expected else None)
    if name == "pmid":
        return bool((ref.pmid or None) == (str(expected) if expected is not None else None))
    raise ValueError(name)


@dataclass
class ReferenceScore:
    labelled: int = 0
    all_right: int = 0
    fields: Counter[str] = field(default_factory=Counter)

    def add(self, other: ReferenceScore) -> None:
        self.labelled += other.labelled
        self.all_right += other.all_right
        self.fields.update(other.fields)


def score_references(article: Article, labels: list[dict[str, Any]]) -> ReferenceScore:
    refs = _by_label(list(article.references))
    result = ReferenceScore(labelled=len(labels))
    for lab in labels:
        ref = refs.get(str(lab["label"]))
        right = {name: ref is not None and field_right(name, lab[name], ref) for name in REFERENCE_FIELDS}
        result.fields.update(name for name, ok in right.items() if ok)
        result.all_right += all(right.values())
    return result


# --- citation attachment ------------------------------------------------------------------------------------

_WORD_CHAR = re.compile(r"[^\W_]")
# A sentence ends inside a gap when a full stop (or ! ?), perhaps closed by a quote or bracket, is followed by
# a capitalised word or a digit: "… pain. Sleep …", not "e.g., 40 min" nor "pain. [1]" (the run ends the gap).
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]*_]*\s+[^\w\s]*[A-Z0-9]")


@dataclass
class AttachmentScore:
    pairs: int = 0  # one-to-one (drafted, labelled) pairs scored
    attached: int = 0  # sources the drafted claims were tied to by an inline citation
    expected: int = 0  # sources the labels imply
    right: int = 0  # attached and expected
    strict_expected: int = 0
    strict_right: int = 0
    # the labelled claims themselves linked as registry claims (anchored by their quotes): the rule alone
    labelled_attached: int = 0
    labelled_expected: int = 0
    labelled_right: int = 0
    misses: list[str] = field(default_factory=list)  # pairs whose sources differ (shown with --verbose)

    def add(self, other: AttachmentScore) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float | None:
        return self.right / self.attached if self.attached else None

    @property
    def recall(self) -> float | None:
        return self.right / self.expected if self.expected else None

    @property
    def labelled_precision(self) -> float | None:
        return self.labelled_right / self.labelled_attached if self.labelled_attached else None

    @property
    def labelled_recall(self) -> float | None:
        return self.labelled_right / self.labelled_expected if self.labelled_expected else None

    @property
    def strict_precision(self) -> float | None:
        return self.strict_right / self.attached if self.attached else None

    @property
    def strict_recall(self) -> float | None:
        return self.strict_right / self.strict_expected if self.strict_expected else None


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    targets: tuple[str, ...]


def _label_runs(article: Article, labels: list[dict[str, Any]]) -> list[_Run]:
    """Each labelled citation run's span in the loaded text, found as :func:`score_citations` finds it."""
    runs = []
    cursor = body_start(article.text)
    for lab in labels:
        needle = lab["after"] + lab["marker"]
        found = article.text.find(needle, cursor)
        if found < 0:
            found = article.text.find(needle, body_start(article.text))
        if found < 0:
            continue
        start = found + len(lab["after"])
        cursor = start
        runs.append(_Run(start, start + len(lab["marker"]), tuple(str(t) for t in lab["targets"])))
    return sorted(runs, key=lambda r: r.start)


def _block_at(article: Article, offset: int) -> int | None:
    found = None
    for index, block in enumerate(article.blocks):
        if block.start <= offset < block.end:
            found = index  # the innermost (last opened) block holding the offset
    return found


def _quote_span(text: str, quote: str, cursor: int) -> tuple[int, int] | None:
    found = text.find(quote, cursor)
    if found < 0:
        found = text.find(quote, body_start(text))
    return (found, found + len(quote)) if found >= 0 else None


def _runs_ending(article: Article, block_index: int, runs: list[_Run], seen: set[int]) -> set[str]:
    """Targets of the run that ends a lead-in block (no word after it in the block), and of its own
    lead-in's (a nested item's parent item)."""
    if block_index in seen:
        return set()
    seen.add(block_index)
    block = article.blocks[block_index]
    inside = [r for r in runs if block.start <= r.start and r.end <= block.end]
    out: set[str] = set()
    if inside and not _WORD_CHAR.search(article.text, inside[-1].end, block.end):
        out.update(inside[-1].targets)
    if block.kind == "list_item" and block.lead_in is not None:
        out |= _runs_ending(article, block.lead_in, runs, seen)
    return out


def expected_sources(
    article: Article, claim_labels: list[dict[str, Any]], runs: list[_Run]
) -> tuple[list[set[str] | None], list[set[str] | None]]:
    """Per labelled claim, the list labels of the sources it expects (None: its quote is not in the text),
    by the rule of the module docstring and by the strict variant."""
    text = article.text
    spans: list[tuple[int, int] | None] = []
    cursor = body_start(text)
    for lab in claim_labels:
        span = _quote_span(text, lab["quote"], cursor)
        spans.append(span)
        if span is not None:
            cursor = span[0] + 1  # two labels may quote the same words ("Swelling" of two items)
    starts = sorted(s[0] for s in spans if s is not None)
    expected: list[set[str] | None] = []
    strict: list[set[str] | None] = []
    for span in spans:
        if span is None:
            expected.append(None)
            strict.append(None)
            continue
        qs, qe = span
        mine: set[str] = set()
        for run in runs:
            if qs <= run.start and run.end <= qe:
                mine.update(run.targets)
        following = next((r for r in runs if r.start >= qe), None)
        strict_mine = set(mine)
        if following is not None:
            # from the quote's last character: a quote may end with the full stop that ends its sentence
            gap = text[max(qs, qe - 1) : following.start]
            block = _block_at(article, qs)
            same_block = block is None or block == _block_at(article, following.start)
            if same_block and not _SENTENCE_END.search(gap):
                mine.update(following.targets)
                if not any(qe <= s < following.start for s in starts):
                    strict_mine.update(following.targets)
        block = _block_at(article, qs)
        if block is not None and article.blocks[block].kind == "list_item":
            lead = article.blocks[block].lead_in
            if lead is not None:
                mine |= _runs_ending(article, lead, runs, set())
        expected.append(mine)
        strict.append(strict_mine)
    return expected, strict


def score_attachment(
    article: Article,
    claims: list[Claim],
    claim_labels: list[dict[str, Any]],
    citation_labels: list[dict[str, Any]],
) -> AttachmentScore:
    from needling_evidence.link import link_claims

    runs = _label_runs(article, citation_labels)
    expected, strict = expected_sources(article, claim_labels, runs)
    refs = _by_label(list(article.references))
    linked = link_claims(article, claims, list(article.references))
    result = AttachmentScore()
    for i, j in one_to_one(article, claims, claim_labels):
        want, want_strict = expected[i], strict[i]
        if want is None or want_strict is None:
            continue
        attached = {link.source for link in linked.links[j] if link.origin == "citation"}
        keys = {refs[t].key if t in refs else f"?{t}" for t in want}
        strict_keys = {refs[t].key if t in refs else f"?{t}" for t in want_strict}
        result.pairs += 1
        result.attached += len(attached)
        result.expected += len(keys)
        result.right += len(attached & keys)
        result.strict_expected += len(strict_keys)
        result.strict_right += len(attached & strict_keys)
        if attached != keys:
            result.misses.append(
                f"    attachment: {claim_labels[i]['quote'][:80]!r} expected {sorted(keys)}, "
                f"attached {sorted(attached)} (drafted {(claims[j].quote or claims[j].text)[:60]!r})"
            )
    as_registry = [
        Claim(id=f"label-{i}", text=lab.get("text") or lab["quote"], quote=lab["quote"])
        for i, lab in enumerate(claim_labels)
    ]
    linked = link_claims(article, as_registry, list(article.references))
    for i, want in enumerate(expected):
        if want is None:
            continue
        attached = {link.source for link in linked.links[i] if link.origin == "citation"}
        keys = {refs[t].key if t in refs else f"?{t}" for t in want}
        result.labelled_attached += len(attached)
        result.labelled_expected += len(keys)
        result.labelled_right += len(attached & keys)
        if attached != keys:
            result.misses.append(
                f"    attachment (label as registry claim): {claim_labels[i]['quote'][:80]!r} expected"
                f" {sorted(keys)}, attached {sorted(attached)}"
            )
    return result


def _attachment_line(name: str, a: AttachmentScore) -> str:
    return (
        f"{name:<37} {a.pairs:>6} {a.attached:>8} {a.expected:>8} {_pct(a.precision):>6} {_pct(a.recall):>6}"
        f" {_pct(a.strict_precision):>8} {_pct(a.strict_recall):>8}"
        f" {_pct(a.labelled_precision):>6} {_pct(a.labelled_recall):>6}"
    )


ATTACHMENT_HEADER = (
    f"{'citation attachment':<37} {'pairs':>6} {'attached':>8} {'expected':>8} {'P':>6} {'R':>6}"
    f" {'P strict':>8} {'R strict':>8} {'P lab':>6} {'R lab':>6}"
)


# --- report -------------------------------------------------------------------------------------------------


def _pct(x: float | None) -> str:
    return f"{x:5.0%}" if x is not None else "    –"


def _ratio(n: int, d: int) -> float | None:
    return n / d if d else None


HEADER = (
    f"{'article':<37} {'P 1:1':>6} {'R 1:1':>6} {'kind':>6} {'P cont':>6} {'R cont':>6}"
    f" {'claims':>7} {'drafted':>7} {'cit ok':>8} {'refs ok':>8}"
)


def _line(name: str, d: DraftScore, c: CitationScore, r: ReferenceScore) -> str:
    cit = f"{c.right}/{c.labelled}" if c.labelled else "–"
    refs = f"{r.all_right}/{r.labelled}" if r.labelled else "–"
    return (
        f"{name:<37} {_pct(d.precision):>6} {_pct(d.recall):>6} {_pct(d.kind_accuracy):>6}"
        f" {_pct(d.precision_contained):>6} {_pct(d.recall_contained):>6} {d.labels:>7} {d.drafted:>7}"
        f" {cit:>8} {refs:>8}"
    )


def evaluate(part: list[Labels], title: str, verbose: bool = False) -> list[str]:
    lines = [f"## {title} ({len(part)} articles)", "", HEADER]
    total_d, total_c, total_r = DraftScore(), CitationScore(), ReferenceScore()
    total_a, attachment_lines = AttachmentScore(), []
    for labels in part:
        try:
            article = ne.load_article(labels.path)
            claims = list(ne.draft_claims(article))
        except Exception as exc:  # a crash on real input is a result to report, not a reason to stop
            lines.append(f"{labels.slug:<37} FAILED: {type(exc).__name__}: {exc}")
            total_d.add(DraftScore(labels=len(labels.claims)))
            total_c.add(CitationScore(labelled=len(labels.citations)))
            total_r.add(ReferenceScore(labelled=len(labels.references)))
            continue
        d = score_drafting(article, claims, labels.claims)
        c = score_citations(article, labels.citations)
        r = score_references(article, labels.references)
        a = score_attachment(article, claims, labels.claims, labels.citations)
        total_a.add(a)
        if a.attached or a.expected or a.labelled_attached or a.labelled_expected:
            attachment_lines.append(_attachment_line(labels.slug, a))
        total_d.add(d)
        total_c.add(c)
        total_r.add(r)
        lines.append(_line(labels.slug, d, c, r))
        if verbose:
            lines.extend(f"    drafted [{cl.kind}] {cl.text}" for cl in claims)
            lines.extend(a.misses)
    lines.append(_line("OVERALL", total_d, total_c, total_r))
    lines.append("")
    lines.append(
        f"drafting one-to-one: precision {_pct(total_d.precision)}, recall {_pct(total_d.recall)}, "
        f"kind accuracy {_pct(total_d.kind_accuracy)}; "
        f"contained: precision {_pct(total_d.precision_contained)}, recall {_pct(total_d.recall_contained)}"
        f"  ({total_d.labels} labelled claims, {total_d.drafted} drafted)"
    )
    if total_c.labelled:
        share = _pct(_ratio(total_c.right, total_c.labelled))
        lines.append(
            f"inline citations resolved to the right reference: {share} ({total_c.right}/{total_c.labelled})"
        )
    if total_r.labelled:
        per_field = ", ".join(
            f"{name} {_pct(_ratio(total_r.fields[name], total_r.labelled)).strip()}"
            for name in REFERENCE_FIELDS
        )
        fields_total = sum(total_r.fields.values())
        all_fields = _pct(_ratio(fields_total, len(REFERENCE_FIELDS) * total_r.labelled))
        lines.append(
            f"reference fields right: {per_field}; all fields {all_fields}"
            f"; references with every field right {_pct(_ratio(total_r.all_right, total_r.labelled))}"
            f" ({total_r.labelled} references)"
        )
    if total_a.attached or total_a.expected or total_a.labelled_attached or total_a.labelled_expected:
        lines += ["", ATTACHMENT_HEADER, *attachment_lines, _attachment_line("OVERALL", total_a), ""]
        lines.append(
            f"citation attachment over {total_a.pairs} one-to-one pairs: precision {_pct(total_a.precision)}"
            f" ({total_a.right}/{total_a.attached} attached sources expected), recall {_pct(total_a.recall)}"
            f" ({total_a.right}/{total_a.expected} expected sources attached); strict: precision"
            f" {_pct(total_a.strict_precision)}, recall {_pct(total_a.strict_recall)}; the labelled claims"
            f" linked as registry claims: precision {_pct(total_a.labelled_precision)}"
            f" ({total_a.labelled_right}/{total_a.labelled_attached}), recall {_pct(total_a.labelled_recall)}"
            f" ({total_a.labelled_right}/{total_a.labelled_expected})"
        )
    lines.append("")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--dev", action="store_true", help="the development part (default)")
    group.add_argument("--holdout", action="store_true", help="held-out articles: all rounds, then each")
    group.add_argument("--all", action="store_true", help="both parts, each separately")
    group.add_argument("--check", action="store_true", help="the check set (no misses shown)")
    parser.add_argument("--verbose", action="store_true", help="list every drafted claim")
    args = parser.parse_args(argv)
    labels = all_labels()
    dev = [lab for lab in labels if not lab.holdout and not lab.check]
    held = [lab for lab in labels if lab.holdout]
    check = [lab for lab in labels if lab.check and not lab.holdout]
    if args.check and args.verbose:
        parser.error("--verbose would show the check set's misses: its figures are read in aggregate only")
    out = [f"# eval_devset, needling_evidence {ne.__version__}, {datetime.date.today().isoformat()}", ""]
    if args.holdout or args.all:
        if args.all:
            out += evaluate(dev, "development", args.verbose)
        out += evaluate(held, "held out, every round", args.verbose)
        for number in sorted({lab.holdout_round for lab in held}):
            part = [lab for lab in held if lab.holdout_round == number]
            out += evaluate(part, f"held out, round {number}", args.verbose)
    elif args.check:
        out += evaluate(check, "check set", False)
    else:
        out += evaluate(dev, "development", args.verbose)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
