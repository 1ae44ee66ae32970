"""draft_claims on short articles an editor might paste: plain effect claims are found whatever they act on,
harms a treatment "can cause" are safety claims, and a leading "It" takes the named subject, not a reporting
clause ("Several trials found that …")."""

from __future__ import annotations

import pytest

import needling_evidence as ne
from needling_evidence.drafting import UNCUED_NOTE, claim_kind, is_checkworthy, split_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "Stretching before running prevents injuries.",
        "Massage therapy reduces the frequency of tension-type headaches.",
        "Massage also lowers cortisol levels.",
        "Acupressure improves sleep quality in older adults.",
        "Turmeric supplements cure arthritis.",
    ],
)
def test_effect_claims_are_checkworthy_and_efficacy(sentence: str) -> None:
    assert is_checkworthy(sentence)
    assert claim_kind(sentence) == "efficacy"


def test_a_harm_a_treatment_can_cause_is_a_safety_claim() -> None:
    sentence = "Immersion in cold water can cause cardiac arrhythmia in people with heart disease."
    assert claim_kind(sentence) == "safety"
    # with no treatment named, the same cue is still about a condition's causes
    assert claim_kind("Poor posture causes most cases of neck pain.") == "etiology"
    # a treatment's mechanism stays a mechanism
    assert claim_kind("Dry needling can cause a local twitch response.") == "mechanism"


def test_cure_and_reduce_are_two_claims() -> None:
    assert split_claim("Turmeric supplements cure arthritis and reduce inflammation.") == [
        "Turmeric supplements cure arthritis.",
        "Turmeric supplements reduce inflammation.",
    ]


def test_leading_it_takes_the_subject_after_a_reporting_clause() -> None:
    article = ne.load_article(
        "# Acupressure for sleep\n\n"
        "Several trials found that acupressure improves sleep quality in older adults [1]. "
        "It is thought to work by stimulating the release of endorphins.\n"
    )
    texts = [c.text for c in ne.draft_claims(article)]
    assert "Acupressure is thought to work by stimulating the release of endorphins." in texts
    assert not any(t.startswith("Several trials found that acupressure is") for t in texts)


def test_short_article_drafts_every_effect_sentence() -> None:
    article = ne.load_article(
        "# Massage for headaches\n\n"
        "Massage therapy reduces the frequency of tension-type headaches. It is safe for most adults. "
        "Massage also lowers cortisol levels.\n"
    )
    drafted = {c.text: c.kind for c in ne.draft_claims(article)}
    assert drafted == {
        "Massage therapy reduces the frequency of tension-type headaches.": "efficacy",
        "Massage therapy is safe for most adults.": "safety",
        "Massage also lowers cortisol levels.": "efficacy",
    }


def test_leading_it_with_an_adverb_takes_the_subject() -> None:
    article = ne.load_article(
        "# Cold water immersion\n\n"
        "Cold water immersion reduces muscle soreness after intense exercise. "
        "It also speeds recovery of strength in trained athletes.\n"
    )
    texts = [c.text for c in ne.draft_claims(article)]
    assert "Cold water immersion also speeds recovery of strength in trained athletes." in texts


def test_an_effect_of_the_articles_topic_on_anything_is_an_efficacy_claim() -> None:
    article = ne.load_article(
        "# Ginger and nausea\n\nGinger reduces nausea in pregnancy. Ginger grows in warm climates.\n"
    )
    claims = ne.draft_claims(article)
    cued = {c.text: c.kind for c in claims if c.note is None}
    assert cued == {"Ginger reduces nausea in pregnancy.": "efficacy"}
    # recall first: a statement with no claim cue is drafted too, marked so the editor can delete it
    assert [(c.text, c.note) for c in claims if c.note] == [("Ginger grows in warm climates.", UNCUED_NOTE)]
    # with no intervention named, an effect verb alone is not a claim cue
    assert not is_checkworthy("The weather reduces attendance in winter.")


def test_a_linked_number_citation_leaves_no_trace_in_the_claim_text() -> None:
    # From the dev-set pharmacist monograph (tests/data/devset/pharmaguide_low_back_pain.md): the marker
    # "[[3]](#psc1047n1003)" ends with ")" like a narrative "Smith (2019)", but is all marker.
    import needling_evidence as ne

    article = ne.load_article(
        "Between 50% and 80% of people will experience an episode of low back pain during their "
        "lifetime.[[3]](#psc1047n1003) Next sentence here.\n\n3. Smith J. Back pain. Spine. 2019;1:1-2.\n"
    )
    texts = [claim.text for claim in ne.draft_claims(article)]
    assert any("low back pain during their lifetime" in text for text in texts)
    assert not any("[" in text or "(#" in text for text in texts)
