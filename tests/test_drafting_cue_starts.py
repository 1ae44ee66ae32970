"""The cue index's literal strings (drafting._literal_starts, issue 13): a cue is searched only in a text
holding one of its strings, so every match of every cue must hold one of them — on every sentence of the
development articles, on word salads of cue words and on constructed sentences of other topics. They are the
strings a match begins with where those can be read; optional parts ("(?:un)?comfortable", "receptors?") are
read both ways; a branch that begins with what cannot be read ("\\d+ out of") gives the strings of its first
part that can (" out of"); strings are cut to their first characters."""

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
    "17 of 100 participants and 3 out of 10 patients improved; 40 % of adults, 2 in 10 people, 5 in ten men",
    "smokers are three times as likely and twice as likely, 2.5-fold more likely; she spent 120 hours",
    "after 1,000 hours of training and 30 hours of study the 4 percent of cases and 7 per cent of riders",
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


def test_every_match_of_every_cue_holds_one_of_its_strings() -> None:
    texts = _texts()
    assert len(texts) > 500
    checked = 0
    for (_, pattern, _), starts in zip(_CUE_TABLE, _CUE_STARTS, strict=True):
        if not starts:
            continue
        for text in texts:
            for match in pattern.finditer(text):
                assert any(start in match.group() for start in starts), (pattern.pattern, text)
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
    assert _literal_starts(r"(?:\w+ )?times") == ("times",)  # held after what cannot be read
    assert _literal_starts(r"\b\d+ (?:of|out of) \d+") == (" of ", " out of ")
    assert _literal_starts(r"\d+ times|twice") == (" times", "twice")
    assert _literal_starts(r"\d+x|twice") == ()  # a branch with no string of two characters or more
    assert _literal_starts(r"\w+") == ()
    assert _literal_starts(r"ab(?: \w+)?c") == ("ab",)  # what comes before it still counts
    assert all(len(start) <= _START_CHARS for starts in _CUE_STARTS for start in starts)
