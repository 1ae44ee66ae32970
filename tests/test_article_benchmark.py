"""The article benchmark's article (20,000 words, 500 references, tables, lists) loads in well under 5 s.

``python tests/benchmarks/bench_article.py`` prints the medians and the Markdown/plain-text ratio; this test
loads the same generated article once and holds it to the issue's 5 s target (measured about 0.6 s on the
2-core development machine, so a failure here means something became far slower, not a noisy run).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import needling_evidence as ne

BENCH = Path(__file__).parent / "benchmarks"
TARGET_SECONDS = 5.0


def test_a_20000_word_markdown_article_with_500_references_loads_in_under_5_s(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from bench_article import N_REFERENCES, generate
    finally:
        sys.path.remove(str(BENCH))
    text, words = generate()
    assert words >= 20_000
    path = tmp_path / "generated.md"
    path.write_text(text, encoding="utf-8")
    ne.load_article("# warm\n\nImports load once.\n")  # markdown-it, YAML: not the article's cost
    start = time.perf_counter()
    article = ne.load_article(path)
    elapsed = time.perf_counter() - start
    assert elapsed < TARGET_SECONDS, f"load_article took {elapsed:.2f} s"
    listed = [r for r in article.references if r.fields.get("origin") != "inline-link"]
    assert len(listed) == N_REFERENCES
    assert article.problems == ()
    kinds = {s.kind for s in article.sentences}
    assert {"table_cell", "caption", "list_item", "sentence", "heading"} <= kinds
    claims = ne.draft_claims(article)
    prose = {s.id for s in article.sentences if s.kind in ("sentence", "list_item", "quote")}
    assert claims and all(c.sentence_id in prose for c in claims)
