"""A Markdown article without a footnote mark is parsed without markdown-it's inline pass (issue 13: a
twentieth of reading a 5 MB article), whose child tokens nothing reads; with or without it the article read
must be the same — on every development article and sample article, and on constructed ones with
footnotes, links, emphasis, lists, tables and definitions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import needling_evidence.article as article_module
from needling_evidence import load_article

DATA = Path(__file__).parent / "data"


def _development_articles() -> list[Path]:
    paths = sorted((DATA / "articles").glob("*.md"))
    for labels in sorted((DATA / "devset").glob("*.labels.yaml")):
        data = yaml.safe_load(labels.read_text(encoding="utf-8"))
        if data["holdout"]:
            continue  # never read
        if data["article"].endswith(".md"):
            paths.append(DATA / "devset" / data["article"])
    return paths


_CONSTRUCTED = [
    "# Heat for back pain\n\nHeat *eases* stiffness [1]. See [a review](https://doi.org/10.5555/x).\n\n"
    "- warm **packs**\n- a bath\n\n| a | b |\n|---|---|\n| heat [2] | cold |\n\nTerm\n: its meaning\n\n"
    "## References\n\n1. Smith A. Heat. J Synth. 2020;1:1-2.\n2. Jones B. Cold. J Synth. 2021;2:3-4.\n",
    "Massage helps.[^1] It is safe ^[an inline note].\n\n[^1]: Jones B. Massage. J Synth. 2019;3:5.\n"
    "[^2]: an unused note.\n",
    "Taping [1] works.\n\n[1]: https://doi.org/10.5555/y\n",
]


def _read(path: Path | None, text: str | None, monkeypatch: pytest.MonkeyPatch, inline: bool) -> Any:
    if inline:
        parser = article_module._markdown_parser
        monkeypatch.setattr(article_module, "_markdown_parser", lambda inline=True: parser(True))
    try:
        article = load_article(path) if path is not None else load_article(text or "")
    finally:
        monkeypatch.undo()
    return article, list(article.references)


@pytest.mark.parametrize("path", _development_articles(), ids=lambda p: p.name)
def test_a_development_article_reads_the_same_without_the_inline_pass(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _read(path, None, monkeypatch, inline=False) == _read(path, None, monkeypatch, inline=True)


@pytest.mark.parametrize("text", _CONSTRUCTED)
def test_a_constructed_article_reads_the_same(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    article, _ = _read(None, text, monkeypatch, inline=False)
    assert article.sentences
    assert _read(None, text, monkeypatch, inline=False) == _read(None, text, monkeypatch, inline=True)


def test_the_inline_pass_is_left_out_only_without_footnote_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    parser = article_module._markdown_parser

    def spy(inline: bool = True) -> Any:
        asked.append(inline)
        return parser(inline)

    monkeypatch.setattr(article_module, "_markdown_parser", spy)
    load_article(_CONSTRUCTED[0])
    load_article(_CONSTRUCTED[1])
    assert asked == [False, True]
    footnoted = load_article(_CONSTRUCTED[1])
    assert any(c.style == "footnote" for c in footnoted.citations)  # the used footnote is still read
