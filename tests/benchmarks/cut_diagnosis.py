"""Classify by form every drafting error one-to-one matching leaves on the development articles.

    python tests/benchmarks/cut_diagnosis.py [--examples N] [slug ...]

For every labelled claim and every drafted claim that one-to-one matching (``eval_devset.py``) leaves
unmatched, one class:

- **under-split** — one drafted claim contains (``CONTAINED`` of its words) two or more labels;
- **over-split** — one label holds two or more drafted claims (each lies, to ``CONTAINED``, inside it);
- **extra words** — a drafted claim contains the label but carries words the label has not (a preamble, an
  attribution, a trailing clause) that push ``shared / max`` below ``ONE_TO_ONE``;
- **fragment** — a drafted claim lies inside a label that holds no other drafted claim, but is too short;
- **duplicate** — a drafted claim contains, or lies inside, a label already matched to another claim;
- **misaligned** — drafted claims lie on the label's sentence, but neither contains the other;
- **not-a-claim** — a drafted claim shares no claim's words (no label on its sentence, or none it overlaps);
- **missed** — no drafted claim lies on the label's sentence.

Per class it prints the constructions that recur: for extra words, the words before and after the label
inside the drafted claim ("according to …", "studies show that …", ", which …", "(…)", "as well as …"); for
under-split, the joint between the labels inside one drafted claim (", and", ";", ", including"); for
over-split, where the drafted claims cut the label; for missed and not-a-claim labels, the sentence's form
(block kind, final punctuation, first words). ``--examples N`` prints N examples per construction.

Only development articles are read: held-out articles (``holdout: true``), the check set (``check: true``)
and every article of round 5 (``holdout_round: 5``, or a slug named in a "Round 5" section of the devset
README, drawn or not yet drawn) are refused, since their errors must not be read.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_devset as ev
import yaml

import needling_evidence as ne
from needling_evidence.model import Article, Claim

CLASSES = (
    "under-split",
    "over-split",
    "extra words",
    "fragment",
    "duplicate",
    "misaligned",
    "not-a-claim",
    "missed",
)


def refused_slugs() -> set[str]:
    """Slugs not read: held out, in the check set, or of round 5 (named in a README "Round 5" section)."""
    refused: set[str] = set()
    for path in sorted(ev.DEVSET.glob("*.labels.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        slug = path.name.removesuffix(".labels.yaml")
        if (
            data.get("holdout")
            or data.get("check")
            or data.get("check_set")
            or 5
            in (
                data.get("holdout_round"),
                data.get("round"),
            )
        ):
            refused.add(slug)
    readme = (ev.DEVSET / "README.md").read_text(encoding="utf-8")
    for section in re.split(r"\n(?=#{1,4} )", readme):
        if re.match(r"#{1,4} Round 5\b", section):  # the round's pages, drawn or not yet drawn
            refused.update(re.findall(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", section))
    return refused


# --- words with their offsets -------------------------------------------------------------------------------


def _tokens(text: str) -> list[tuple[str, int, int]]:
    masked = ev._MARKERS.sub(lambda m: " " * len(m.group()), text)
    return [(m.group().casefold(), m.start(), m.end()) for m in ev._WORD.finditer(masked)]


def _align(outer: str, inner: str) -> tuple[int, int, list[str]] | None:
    """Where ``inner``'s words lie in ``outer``: the char span of the first and last matched word in ``outer``
    and the unmatched stretches of ``outer`` between them."""
    out, inn = _tokens(outer), _tokens(inner)
    if not out or not inn:
        return None
    matcher = difflib.SequenceMatcher(None, [w for w, _, _ in out], [w for w, _, _ in inn], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    start = out[blocks[0].a][1]
    end = out[blocks[-1].a + blocks[-1].size - 1][2]
    gaps = []
    for first, second in itertools_pairwise(blocks):
        lo = out[first.a + first.size - 1][2]
        hi = out[second.a][1]
        if second.a > first.a + first.size:
            gaps.append(outer[lo:hi])
    return start, end, gaps


def itertools_pairwise(items: list[Any]) -> list[tuple[Any, Any]]:
    return list(itertools.pairwise(items))


def _squash(text: str, n: int = 4) -> str:
    text = ev._MARKERS.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip().lower()
    return " ".join(text.split(" ")[:n])


_PREFIX_FORMS = (
    ("attribution: according to …", re.compile(r"\baccording to\b", re.I)),
    (
        "reporting: X show/suggest/find that …",
        re.compile(
            r"\b(?:show|suggest|found|find|indicate|reveal|"
            r"demonstrat|confirm|conclud|report|state|note|believ|"
            r"think|known|evidence|say|said)\w*\b.*\bthat\s*$",
            re.I,
        ),
    ),
    (
        "reporting: X say(s): / said",
        re.compile(
            r"\b(?:says?|said|writes?|wrote|explains?|explained|adds?|added)"
            r"\b[^a-z]*$",
            re.I,
        ),
    ),
    ("'that'-clause without a reporting verb", re.compile(r"\bthat\s*$", re.I)),
    (
        "opening conjunction (but/and/so/because …)",
        re.compile(
            r"^\W*(?:but|and|so|because|since|as|while|"
            r"although|though|however|also)\b",
            re.I,
        ),
    ),
    ("parenthetical", re.compile(r"[()]")),
    ("fronted phrase or clause, then comma", re.compile(r",\s*$")),
    ("label prefix (bold/colon)", re.compile(r":\s*$")),
    ("subject or lead carried over", re.compile(r".")),
)

_SUFFIX_FORMS = (
    ("relative clause (which/who/where)", re.compile(r"^\W*(?:which|who|whom|whose|where)\b", re.I)),
    ("'that' clause", re.compile(r"^\W*that\b", re.I)),
    ("as well as …", re.compile(r"^\W*as well as\b", re.I)),
    (
        "example list (such as/including/like/e.g.)",
        re.compile(
            r"^\W*(?:such as|including|like|e\.g|for example|"
            r"especially|particularly)\b",
            re.I,
        ),
    ),
    ("trailing coordination (and/or/but …)", re.compile(r"^\W*(?:and|or|but|nor|yet|while|whereas)\b", re.I)),
    ("participle clause (…ing)", re.compile(r"^\W*\w+ing\b", re.I)),
    (
        "subordinate clause (because/if/when …)",
        re.compile(
            r"^\W*(?:because|since|as|when|if|unless|until|"
            r"although|though|after|before|once)\b",
            re.I,
        ),
    ),
    ("purpose (to …/in order to)", re.compile(r"^\W*(?:in order )?to\b", re.I)),
    (
        "attribution after (says/said/according to)",
        re.compile(r"^\W*(?:says?|said|according|writes?|reports?)\b", re.I),
    ),
    ("parenthetical", re.compile(r"^\W*[(\[]")),
    ("colon or dash then more", re.compile(r"^\s*[:–—-]")),
    (
        "prepositional tail (by/for/in/with/of …)",
        re.compile(
            r"^\W*(?:by|for|in|with|of|on|at|from|over|among|"
            r"compared|than|without|within|during)\b",
            re.I,
        ),
    ),
)


def _form(text: str, forms: tuple[tuple[str, re.Pattern[str]], ...]) -> str:
    for name, pattern in forms:
        if pattern.search(text):
            return name
    return f"other: {_squash(text, 3)!r}"


def _joint(text: str) -> str:
    """The joint between two labels inside one drafted claim, by form."""
    squashed = re.sub(r"\s+", " ", ev._MARKERS.sub(" ", text)).strip().lower()
    if not squashed:
        return "(adjacent: no words between)"
    if "(" in squashed or ")" in squashed:
        return "parenthetical"
    if squashed.startswith(";") or squashed.endswith(";"):
        return "semicolon"
    if ":" in squashed:
        return "colon"
    words = re.findall(r"[a-z]+(?:\.g\.)?", squashed)
    lead = "," if squashed.startswith(",") else ""
    if not words:
        return f"punctuation {squashed!r}"
    if words[:3] == ["as", "well", "as"]:
        return "as well as"
    first = words[0]
    if first in {"and", "or", "but", "nor"}:
        return f"'{lead} {first}'".replace("' ", "'") + (" + more words" if len(words) > 1 else "")
    if first in {"which", "who", "where", "that"}:
        return f"relative/that clause ({first})"
    if first in {"including", "such", "like", "especially", "e.g.", "particularly"}:
        return "example list (including/such as)"
    if first.endswith("ing"):
        return "participle (…ing)"
    if first in {"because", "since", "as", "when", "if", "while", "although", "though", "after", "before"}:
        return f"subordinator ({first})"
    if first in {"to"}:
        return "purpose/infinitive (to)"
    return f"other words: {' '.join(words[:3])!r}" + (" (after a comma)" if lead else "")


# --- classification ---------------------------------------------------------------------------------------


@dataclass
class Case:
    slug: str
    cls: str
    side: str  # "label" or "drafted"
    form: str
    example: str


def _sentence_form(article: Article, span: tuple[int, int] | None, quote: str) -> str:
    sentences = [s for s in article.sentences if span and s.start < span[1] and span[0] < s.end]
    if not sentences:
        return "quote not in a sentence of the loaded text"
    sentence = sentences[0]
    plain = re.sub(r"\s+", " ", ev._MARKERS.sub(" ", sentence.text)).strip()
    ending = plain[-1:] if plain else ""
    end_form = {".": "full stop", "!": "exclamation", "?": "question", ":": "colon"}.get(
        ending, "no final stop"
    )
    checkworthy = ne.drafting.is_checkworthy(sentence)
    many = " (label spans several sentences)" if len(sentences) > 1 else ""
    return f"{sentence.kind}, {end_form}, {'check-worthy' if checkworthy else 'not check-worthy'}{many}"


def classify(labels: ev.Labels) -> list[Case]:
    article = ne.load_article(labels.path)
    claims = list(ne.draft_claims(article))
    spans = {s.id: (s.start, s.end) for s in article.sentences}
    label_spans = [ev._spans(article.text, lab["quote"]) for lab in labels.claims]
    label_words = [ev._variants(lab["quote"], lab.get("text")) for lab in labels.claims]
    claim_words = [ev._variants(c.quote, c.text) for c in claims]
    claim_spans = [spans.get(c.sentence_id) if c.sentence_id else None for c in claims]
    n, m = len(labels.claims), len(claims)
    on = [[False] * m for _ in range(n)]
    covers = [[False] * m for _ in range(n)]
    inside = [[False] * m for _ in range(n)]
    best = [[0.0] * m for _ in range(n)]
    pairs = []
    for i, lws in enumerate(label_words):
        for j, cws in enumerate(claim_words):
            # (a label the loader's text lost is related by words alone)
            if label_spans[i] and not ev._lies_on(claim_spans[j], label_spans[i]):
                continue
            on[i][j] = True
            best[i][j] = max((ev.shared(a, b) / max(len(a), len(b)) for a in lws for b in cws), default=0.0)
            covers[i][j] = any(ev.shared(a, b) / len(a) >= ev.CONTAINED for a in lws for b in cws)
            inside[i][j] = any(ev.shared(a, b) / len(b) >= ev.CONTAINED for a in lws for b in cws)
            if best[i][j] >= ev.ONE_TO_ONE:
                pairs.append((best[i][j], i, j))
    used_l: dict[int, int] = {}
    used_c: dict[int, int] = {}
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i in used_l or j in used_c:
            continue
        used_l[i] = j
        used_c[j] = i

    cases: list[Case] = []

    def label_text(i: int) -> str:
        lab = labels.claims[i]
        return str(lab.get("text") or lab["quote"])

    def claim_text(j: int) -> str:
        return claims[j].text

    for i, lab in enumerate(labels.claims):
        if i in used_l:
            continue
        near = [j for j in range(m) if on[i][j]]
        first_span = label_spans[i][0] if label_spans[i] else None
        if not near:
            form = _sentence_form(article, first_span, lab["quote"])
            cases.append(Case(labels.slug, "missed", "label", form, f"L: {lab['quote']!r}"))
            continue
        covering = [j for j in near if covers[i][j]]
        holding = [j for j in near if inside[i][j] and not covers[i][j]]
        if covering:
            j = max(covering, key=lambda k: best[i][k])
            others = [k for k in range(n) if k != i and covers[k][j]]
            cls = "under-split" if others else "extra words"
            form = (
                _extra_form(claims[j], lab)
                if cls == "extra words"
                else _under_form(claims[j], i, others, labels)
            )
            cases.append(
                Case(labels.slug, cls, "label", form, f"L: {label_text(i)!r}\n      D: {claim_text(j)!r}")
            )
        elif len(holding) >= 2:
            form = _over_form(article, claims, holding, lab)
            texts = " | ".join(repr(claim_text(j)) for j in holding)
            cases.append(
                Case(labels.slug, "over-split", "label", form, f"L: {label_text(i)!r}\n      D: {texts}")
            )
        elif holding:
            j = holding[0]
            cls = "fragment" if j not in used_c else "misaligned"
            form = f"drafted holds {best[i][j]:.0%} of the longer"
            cases.append(
                Case(labels.slug, cls, "label", form, f"L: {label_text(i)!r}\n      D: {claim_text(j)!r}")
            )
        else:
            j = max(near, key=lambda k: best[i][k])
            form = f"best share {best[i][j]:.1f}"
            cases.append(
                Case(
                    labels.slug,
                    "misaligned",
                    "label",
                    form,
                    f"L: {label_text(i)!r}\n      D: {claim_text(j)!r}",
                )
            )

    for j, claim in enumerate(claims):
        if j in used_c:
            continue
        related = [i for i in range(n) if on[i][j] and (covers[i][j] or inside[i][j])]
        covered = [i for i in related if covers[i][j]]
        within = [i for i in related if inside[i][j] and not covers[i][j]]
        uncued = " (uncued)" if claim.note == ne.drafting.UNCUED_NOTE else ""
        if len(covered) >= 2:
            cls, form = "under-split", _under_form(claim, covered[0], covered[1:], labels)
        elif covered:
            i = covered[0]
            cls = "duplicate" if i in used_l else "extra words"
            form = _extra_form(claim, labels.claims[i])
        elif within:
            i = within[0]
            holders = [k for k in range(m) if on[i][k] and inside[i][k] and not covers[i][k]]
            if len(holders) >= 2 and i not in used_l:
                cls, form = "over-split", _over_form(article, claims, holders, labels.claims[i])
            elif i in used_l:
                cls, form = "duplicate", "inside a label matched to another claim"
            else:
                cls, form = "fragment", "lies inside an unmatched label"
        elif any(on[i][j] and best[i][j] > 0.3 for i in range(n)):
            cls, form = "misaligned", "overlaps a label's words without containing it"
        else:
            cls, form = "not-a-claim", _drafted_form(claim) + uncued
        cases.append(Case(labels.slug, cls, "drafted", form, f"D: {claim_text(j)!r}"))
    return cases


def _extra_form(claim: Claim, label: dict[str, Any]) -> str:
    """The words a drafted claim carries around the label, by form (prefix, suffix or inner)."""
    best_form = "no extra words found"
    for outer in (claim.quote or "", claim.text):
        for inner in (label["quote"], label.get("text") or ""):
            aligned = _align(outer, inner) if inner else None
            if aligned is None:
                continue
            start, end, gaps = aligned
            prefix, suffix = outer[:start], outer[end:]
            if _tokens(suffix):
                return "after: " + _form(suffix, _SUFFIX_FORMS)
            if _tokens(prefix):
                return "before: " + _form(prefix, _PREFIX_FORMS)
            if gaps:
                return "inside: " + _joint(max(gaps, key=len))
    return best_form


def _under_form(claim: Claim, first: int, others: list[int], labels: ev.Labels) -> str:
    """The joint between two labels inside one drafted claim."""
    outer = claim.quote or claim.text
    found = []
    for i in [first, *others]:
        lab = labels.claims[i]
        aligned = _align(outer, lab["quote"])
        if aligned:
            found.append((aligned[0], aligned[1]))
    found.sort()
    joints = [_joint(outer[a[1] : b[0]]) for a, b in itertools_pairwise(found) if b[0] >= a[1]]
    count = f"{len(others) + 1} labels"
    return f"{joints[0] if joints else 'labels overlap'} ({count})"


def _over_form(article: Article, claims: list[Claim], holders: list[int], label: dict[str, Any]) -> str:
    """Where the drafted claims cut one label: the words at the first cut."""
    quote = label["quote"]
    places = []
    for j in holders:
        aligned = _align(quote, claims[j].quote or claims[j].text)
        if aligned:
            places.append((aligned[0], aligned[1]))
    places.sort()
    cuts = [_joint(quote[a[1] : b[0]]) for a, b in itertools_pairwise(places) if b[0] >= a[1]]
    return f"cut at {cuts[0]}" if cuts else "drafted pieces overlap"


def _drafted_form(claim: Claim) -> str:
    plain = re.sub(r"\s+", " ", claim.text).strip()
    first = plain.split(" ", 1)[0].lower() if plain else ""
    if first in {"there", "it", "this", "these", "they", "that"}:
        return f"starts '{first}'"
    if re.match(r"^[A-Z][\w’'-]* (?:is|are) (?:a|an|the)\b", plain):
        return "'X is a …' (description or definition)"
    return f"kind {claim.kind}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("slugs", nargs="*")
    parser.add_argument("--examples", type=int, default=0, help="examples printed per construction")
    args = parser.parse_args(argv)
    refused = refused_slugs()
    wanted = set(args.slugs)
    asked_refused = sorted(wanted & refused)
    if asked_refused:
        print(f"refused (held out or check set): {', '.join(asked_refused)}", file=sys.stderr)
        return 2
    dev = [lab for lab in ev.all_labels() if not lab.holdout and lab.slug not in refused]
    if wanted:
        dev = [lab for lab in dev if lab.slug in wanted]
    cases = [case for labels in dev for case in classify(labels)]
    by_class = Counter((c.cls, c.side) for c in cases)
    print(f"# cut_diagnosis: {len(dev)} development articles, {len(cases)} unmatched (one-to-one)")
    print()
    print(f"{'class':<14} {'labels':>7} {'drafted':>8}")
    for cls in CLASSES:
        print(f"{cls:<14} {by_class[(cls, 'label')]:>7} {by_class[(cls, 'drafted')]:>8}")
    print(
        f"{'total':<14} {sum(v for (c, s), v in by_class.items() if s == 'label'):>7} "
        f"{sum(v for (c, s), v in by_class.items() if s == 'drafted'):>8}"
    )
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str, str], list[Case]] = defaultdict(list)
    for case in cases:
        forms[(case.cls, case.side)][case.form] += 1
        examples[(case.cls, case.side, case.form)].append(case)
    for cls in CLASSES:
        for side in ("label", "drafted"):
            counter = forms.get((cls, side))
            if not counter:
                continue
            print(f"\n## {cls} ({side}s: {sum(counter.values())})")
            for form, count in counter.most_common():
                print(f"  {count:>4}  {form}")
                for case in examples[(cls, side, form)][: args.examples]:
                    print(f"      [{case.slug}] {case.example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
