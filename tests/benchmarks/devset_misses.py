"""Print, per development article, the drafting errors one-to-one matching leaves (for error analysis).

    python tests/benchmarks/devset_misses.py [slug ...]

For every unmatched labelled claim: its quote (and ``text``), and the drafted claims lying on the same words,
each with its best word share; then every drafted claim no label matched. Held-out articles are refused:
only development articles (``holdout: false``, not in the check set) are read. Uses the scoring of
``eval_devset.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_devset as ev

import needling_evidence as ne


def _best(a: list[list[str]], b: list[list[str]]) -> float:
    return max((ev.shared(x, y) / max(len(x), len(y)) for x in a for y in b), default=0.0)


def misses(labels: ev.Labels) -> list[str]:
    article = ne.load_article(labels.path)
    claims = list(ne.draft_claims(article))
    spans = {s.id: (s.start, s.end) for s in article.sentences}
    label_spans = [ev._spans(article.text, lab["quote"]) for lab in labels.claims]
    label_words = [ev._variants(lab["quote"], lab.get("text")) for lab in labels.claims]
    claim_words = [ev._variants(c.quote, c.text) for c in claims]
    claim_spans = [spans.get(c.sentence_id) if c.sentence_id else None for c in claims]
    pairs = []
    near: dict[int, list[tuple[float, int]]] = {}
    for i, lws in enumerate(label_words):
        for j, cws in enumerate(claim_words):
            if not ev._lies_on(claim_spans[j], label_spans[i]):
                continue
            best = _best(lws, cws)
            near.setdefault(i, []).append((best, j))
            if best >= ev.ONE_TO_ONE:
                pairs.append((best, i, j))
    used_l: set[int] = set()
    used_c: set[int] = set()
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i in used_l or j in used_c:
            continue
        used_l.add(i)
        used_c.add(j)
    out = [
        f"## {labels.slug}: {len(used_l)}/{len(labels.claims)} labels, {len(used_c)}/{len(claims)} drafted"
    ]
    for i, lab in enumerate(labels.claims):
        if i in used_l:
            continue
        out.append(f"  MISSED [{lab['kind']}] q: {lab['quote']!r}")
        if lab.get("text"):
            out.append(f"         t: {lab['text']!r}")
        for best, j in sorted(near.get(i, []), reverse=True)[:3]:
            mark = "*" if j in used_c else " "
            out.append(f"     {mark}{best:.2f} [{claims[j].kind}] {claims[j].text!r}")
    for j, c in enumerate(claims):
        if j not in used_c:
            out.append(f"  EXTRA  [{c.kind}] {c.text!r}")
            if c.quote != c.text:
                out.append(f"         q: {c.quote!r}")
    return out


def main(argv: list[str]) -> int:
    dev = [lab for lab in ev.all_labels() if not lab.holdout and not lab.check]
    if argv:
        dev = [lab for lab in dev if lab.slug in argv]
    for labels in dev:
        print("\n".join(misses(labels)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
