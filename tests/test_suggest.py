"""Suggestions: TF-IDF ranking of candidate works for a claim, never support."""

from __future__ import annotations

import itertools

import pytest

from needling_evidence import suggest
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


def test_title_abstract_and_the_claims_condition_are_read() -> None:
    assert (
        suggest_sources([claim("h", "Needling helps", condition="plantar heel pain")], WORKS)[0].source
        == "heel"
    )
    assert suggest_sources([claim("e", "It releases endorphins")], WORKS)[0].source == "endorphin"
    assert suggest_sources([claim("s", "Soreness lasts two days")], WORKS)[0].source == "soreness"


def test_journal_keywords_and_note_are_not_read() -> None:
    works = [
        Reference(key="neck", title="Dry needling for neck pain", container_title="Headache"),
        Reference(key="noted", title="Dry needling", note="migraine headache relief", keywords=("migraine",)),
        Reference(key="knee", title="Dry needling for knee pain"),
    ]
    # the migraine claim was offered a neck-pain review because its journal is called "Headache"
    # "migraine" and "headache" are in no title or abstract: the claim has no word to match at all
    assert suggest_sources([claim("m", "It treats migraines and headaches")], works, min_score=0.0) == []


def test_a_work_without_title_or_abstract_is_never_suggested() -> None:
    works = [*WORKS, Reference(key="untitled", note="knee pain knee pain", container_title="Knee")]
    got = suggest_sources([claim("k", "knee pain")], works, min_score=0.0, limit=len(works))
    assert "untitled" not in [s.source for s in got if s.score > 0.0]
    assert "untitled" not in [s.source for s in suggest_sources([claim("k", "knee pain")], works)]


def test_number_and_frequency_words_are_not_shared_words() -> None:
    assert tokens("One of the two first usually often several") == []
    works = [Reference(key="one", title="One session of needling"), Reference(key="knee", title="Knee pain")]
    assert suggest_sources([claim("o", "One session helps one knee")], works)[0].shared_terms in (
        ("session",),
        ("knee",),
    )
    assert all("one" not in s.shared_terms for s in suggest_sources([claim("o", "one one one")], works))


@pytest.mark.parametrize("dense_from", [10**9, 0], ids=["postings", "postings+dense"])
def test_the_index_scores_as_a_dense_cosine_would(dense_from: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # the inverted index is an optimisation: each score equals the plain TF-IDF cosine, ties by input order
    import math
    import random
    from collections import Counter

    # "postings+dense": the large-library path (common terms as a dense matrix) taken on a small library
    monkeypatch.setattr(suggest, "DENSE_MIN_WORKS", dense_from)
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(40)]
    works = [
        Reference(key=f"r{i}", title=" ".join(rng.choice(vocab) for _ in range(rng.randint(0, 12))) or None)
        for i in range(120)
    ]
    claims = [
        claim(f"c{i}", " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 8)))) for i in range(30)
    ]
    docs = [Counter(tokens(w.title)) for w in works]
    searched = sum(1 for d in docs if d)
    df = Counter(t for d in docs for t in d)
    idf = {t: math.log((1 + searched) / (1 + n)) for t, n in df.items()}

    def vector(counts: Counter[str]) -> dict[str, float]:
        raw = {t: (1 + math.log(c)) * idf.get(t, 0.0) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in raw.values()))
        return {t: v / norm for t, v in raw.items()} if norm else {}

    vectors = [vector(d) for d in docs]
    for c in claims:
        q = vector(Counter(tokens(c.text)))
        dense = [sum(q[t] * v.get(t, 0.0) for t in q) for v in vectors]
        expected = sorted(
            ((-score, i) for i, score in enumerate(dense) if score >= 0.15),
            key=lambda x: (round(x[0], 9), x[1]),
        )[:MAX_SUGGESTIONS]
        got = suggest_sources([c], works)
        assert [s.source for s in got] == [works[i].key for _, i in expected]
        assert [s.score for s in got] == [round(-score, 4) for score, _ in expected]


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
