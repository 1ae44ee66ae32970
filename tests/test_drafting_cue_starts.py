"""The cue index's literal starts (drafting._literal_starts, issue 13): a cue is searched only in a text
holding one of its starts, so every match of every cue must begin with one of them — on every sentence of
the development articles, on word salads of cue words and on constructed sentences of other topics. Optional
parts ("(?:un)?comfortable", "receptors?") are read both ways; starts are cut to their first characters."""

from __future__ import annotations

from pathlib import Path

import yaml

from needling_evidence import load_article
from needling_evidence.drafting import _CUE_STARTS, _CUE_TABLE, _START_CHARS, _literal_starts

DEVSET = Path(__file__).parent / "data" / "devset"

_CONSTRUCTED = [
    "trial improved therapy improved trial point knee recovery reduced session pain physiotherapist",
    "the uncomfortable pressure was comfortable later; pain receptors and mechanoreceptors fire",
    "pain relief came fast, relieved patients said; one possible explanation for this is unclear",
    "aetiology is multifactorial and etiologic factors vary; illegally licensed, licenced or legal",
    "a cost-effective and inexpensive option, affordable to most; expensive machines are not",
    "likely explanations why the soil erodes; explanation for rising tides; receptor binding",
    "she feels no pain after a session and many people report feeling relaxed; it is not painful",
]


def _texts() -> list[str]:
    texts = list(_CONSTRUCTED)
    for labels in sorted(DEVSET.glob("*.labels.yaml")):
        data = yaml.safe_load(labels.read_text(encoding="utf-8"))
        if data["holdout"]:
            continue  # never read
        article = load_article(DEVSET / data["article"])
        texts += [sentence.text.lower() for sentence in article.sentences]
    return texts


def test_every_match_of_every_cue_begins_with_one_of_its_starts() -> None:
    texts = _texts()
    assert len(texts) > 500
    checked = 0
    for (_, pattern, _), starts in zip(_CUE_TABLE, _CUE_STARTS, strict=True):
        if not starts:
            continue
        for text in texts:
            for match in pattern.finditer(text):
                assert text.startswith(starts, match.start()), (pattern.pattern, text)
                checked += 1
    assert checked > 500


def test_optional_parts_are_read_both_ways_and_starts_are_cut() -> None:
    assert _literal_starts(r"\b(?:un)?comfortable\b") == ("comfortable", "uncomfortabl")
    assert _literal_starts(r"\b(?:pain |mechano)?receptors?\b") == (
        "mechanorecep",
        "pain recepto",
        "receptor",
        "receptors",
    )
    assert _literal_starts(r"\bcost[- ]effective\w*|\b(?:in)?expensive\b") == (
        "cost effecti",
        "cost-effecti",
        "expensive",
        "inexpensive",
    )
    assert _literal_starts(r"(?:\w+ )?times") == ()  # an optional part that cannot be read: no starts
    assert _literal_starts(r"ab(?: \w+)?c") == ("ab",)  # what comes before it still counts
    assert all(len(start) <= _START_CHARS for starts in _CUE_STARTS for start in starts)
