"""Suggestions: TF-IDF ranking of candidate works for a claim, never support."""

from __future__ import annotations

import itertools

from needling_evidence.model import Claim, Reference
from needling_evidence.suggest import MAX_SUGGESTIONS, as_links, suggest_sources, tokens

WORKS = [
    Reference(key="knee", title="Dry needling for knee osteoarthritis pain: a randomised trial"),
    Reference(key="neck", title="Dry needling for chronic neck pain: systematic review"),
    Reference(
        key="soreness", title="Post-needling soreness after dry needling", note="soreness in most patients"
    ),
    Reference(
        key="endorphin", title="Dry needling and endorphins in rats", keywords=("beta-endorphin", "opioid")
    ),
    Reference(key="heel", title="Dry needling", abstract="Plantar heel pain improved after needling."),
]


def claim(claim_id: str, text: str, condition: str | None = None) -> Claim:
    return Claim(id=claim_id, text=text, condition=condition)


def test_tokens_drop_stop_words_and_fold_plurals() -> None:
    assert tokens("The injuries of the trials are effective treatments for knees") == [
        "injury",
        "trial",
        "knee",
    ]
    assert tokens(None) == [] and tokens("") == []
    assert tokens("Pain, 2017, a b") == ["pain"]


def test_the_most_similar_work_ranks_first() -> None:
    got = suggest_sources([claim("k", "Dry needling relieves knee pain")], WORKS)
    assert got[0].source == "knee" and got[0].rank == 1
    assert "knee" in got[0].shared_terms
    assert [s.rank for s in got] == list(range(1, len(got) + 1))
    assert all(a.score >= b.score for a, b in itertools.pairwise(got))


def test_abstract_keywords_note_and_condition_are_read() -> None:
    assert (
        suggest_sources([claim("h", "Needling helps", condition="plantar heel pain")], WORKS)[0].source
        == "heel"
    )
    assert suggest_sources([claim("e", "It releases endorphins")], WORKS)[0].source == "endorphin"
    assert suggest_sources([claim("s", "Soreness lasts two days")], WORKS)[0].source == "soreness"


def test_a_word_every_work_shares_suggests_nothing_by_itself() -> None:
    # "dry needling" is in every title: it carries no information about which work fits
    assert suggest_sources([claim("d", "Dry needling")], WORKS) == []


def test_exclusions_limit_and_threshold() -> None:
    claims = [claim("k", "Dry needling relieves knee pain")]
    excluded = suggest_sources(claims, WORKS, exclude={"k": ["knee"]})
    assert "knee" not in [s.source for s in excluded]
    assert len(suggest_sources(claims, WORKS, limit=1, min_score=0.0)) == 1
    assert len(suggest_sources(claims, WORKS, min_score=0.0)) == MAX_SUGGESTIONS
    assert suggest_sources(claims, WORKS, min_score=1.01) == []


def test_library_flag_and_empty_inputs() -> None:
    got = suggest_sources([claim("k", "knee pain")], WORKS, library_keys={"knee"})
    assert got[0].source == "knee" and got[0].in_library is True
    assert suggest_sources([], WORKS) == [] and suggest_sources([claim("k", "knee")], []) == []
    assert suggest_sources([claim("x", "the of and")], WORKS) == []


def test_claims_keep_their_input_order() -> None:
    claims = [claim("b", "neck pain"), claim("a", "knee pain")]
    got = suggest_sources(claims, WORKS, limit=1)
    assert [(s.claim_id, s.source) for s in got] == [("b", "neck"), ("a", "knee")]


def test_as_links_are_suggestions_not_support() -> None:
    (link,) = as_links(suggest_sources([claim("k", "knee pain")], WORKS, limit=1))
    assert (link.origin, link.stance, link.source, link.claim_id) == ("suggestion", "mentions", "knee", "k")
    assert link.score is not None and "not reviewed" in (link.rationale or "")
