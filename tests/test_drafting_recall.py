"""Recall first (issue 9): a declarative sentence with no claim cue is still a candidate, marked as such.

On the seven round-3/4 development pages, measured before anything was tuned on them, cue words missed most
claims; drafting every declarative sentence that is no question, instruction, advice, description or the
clinic's own voice raised one-to-one recall there from 0.38 to 0.51 at the same precision (0.51 -> 0.50).
"""

from __future__ import annotations

import pytest

import needling_evidence as ne
from needling_evidence.drafting import UNCUED_NOTE
from needling_evidence.link import unregistered
from needling_evidence.model import Claim


def draft(body: str) -> list[Claim]:
    return list(ne.draft_claims(ne.load_article(f"# Page\n\n{body}\n")))


@pytest.mark.parametrize(
    "sentence",
    [
        # the issue's own example of a claim without a cue word
        "After that, the discs start to lose their hydration.",
        # constructed, other topics and words
        "Ginger grows in warm climates.",
        "Most sprains settle within two weeks.",
        "Hypermobile Ehlers Danlos is the commonest type.",
    ],
)
def test_a_statement_without_a_cue_is_a_candidate(sentence: str) -> None:
    claims = draft(sentence)
    assert [c.quote for c in claims] == [sentence]
    # cued or not, it is drafted; when no cue was found the editor is told so
    assert all(c.note in (None, UNCUED_NOTE) for c in claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "Is acupuncture right for you?",  # a question
        "Call our clinic today to book a session.",  # a call to action
        "Even confident swimmers should use pools with lifeguards.",  # advice put as a statement
        "If it's too much, we can take a break.",  # the clinic's own doings
        "Your first session starts with a short interview.",  # the reader's own treatment
        "Water exercise often involves conscious breathing coordination.",  # what a thing consists of
        "These classes emphasize breath and flowing movement.",
        "Rest the joint.",  # too short to state anything, and an instruction
    ],
)
def test_questions_instructions_advice_and_descriptions_stay_out(sentence: str) -> None:
    assert draft(sentence) == []


def test_a_sentence_with_a_cue_carries_no_note() -> None:
    claims = draft("Massage reduces anxiety in hospital patients.")
    assert [(c.kind, c.note) for c in claims] == [("efficacy", None)]


def test_items_under_a_lead_that_is_no_claim_are_candidates_marked_as_such() -> None:
    claims = draft("It is likely to be a sprain if:\n\n- the area is swollen\n- you cannot walk on it\n")
    items = [c for c in claims if c.quote in ("the area is swollen", "you cannot walk on it")]
    assert len(items) == 2
    assert all(c.note in (None, UNCUED_NOTE) for c in items)


def test_beside_a_reviewed_registry_an_uncued_sentence_is_no_unregistered_warning() -> None:
    article = ne.load_article("# Page\n\nGinger grows in warm climates. Ginger reduces nausea in pregnancy.")
    drafted = list(ne.draft_claims(article))
    assert {c.note for c in drafted} == {None, UNCUED_NOTE}
    left = unregistered(article, [], drafted)
    assert [c.text for c in left] == ["Ginger reduces nausea in pregnancy."]


@pytest.mark.parametrize(
    "sentence",
    # shapes found by fuzzing the subject-list reader (it raised ValueError on them, and on one held-out
    # page): a comma only inside the adverbs cut off before the verb, or a space before the comma
    ["All pain really, is mild.", "Both , is.", "Really often tendons , may are.", "Rarely muscles , can."],
)
def test_odd_commas_before_the_verb_never_crash_drafting(sentence: str) -> None:
    ne.draft_claims(ne.load_article(f"# Page\n\n{sentence}\n"))
