"""draft_claims rules written in the second drafting round (issue 9, item 3), each on the real snippet it came
from (development articles of tests/data/devset only, named beside it), with a real counter-example where a
rule must not fire."""

from __future__ import annotations

import needling_evidence as ne
from needling_evidence.drafting import UNCUED_NOTE
from needling_evidence.model import Claim


def draft(text: str) -> list[Claim]:
    return list(ne.draft_claims(ne.load_article(text)))


def texts(claims: list[Claim]) -> list[str]:
    return [c.text for c in claims]


def test_predicates_of_verbs_outside_the_effect_list_are_split() -> None:
    # d_lasara_shockwave_heel.html, "Shockwave Therapy vs. Surgery": a modal, a bare verb, a new auxiliary
    claims = draft(
        "# Shockwave Therapy\n\nSurgical modalities for the feet may need many weeks of "
        "recovery, require you "
        "to stay off your feet after the surgery, and oftentimes do not eliminate the pain.\n"
    )
    assert texts(claims) == [
        "Surgical modalities for the feet may need many weeks of recovery.",
        "Surgical modalities for the feet require you to stay off your feet after the surgery.",
        "Surgical modalities for the feet oftentimes do not eliminate the pain.",
    ]
    assert [c.quote for c in claims][1:] == [
        "require you to stay off your feet after the surgery",
        "oftentimes do not eliminate the pain.",
    ]


def test_third_person_predicates_after_which_are_split() -> None:
    # d2_engelmassage_cupping.html, first paragraph
    claims = draft(
        "# Cupping therapy\n\nCupping therapy is a traditional Chinese treatment. It is "
        "a great supplement to "
        "massage which increases the elasticity of the muscles, pulls toxins out of the "
        "connective tissue and "
        "releases relaxin.\n"
    )
    assert [c.quote for c in claims][-2:] == [
        "pulls toxins out of the connective tissue",
        "releases relaxin.",
    ]
    # what the supplement does, cupping does: the rewrite says so, as the label's text does
    # (tests/test_drafting_cuts.py, "what the noun of a copula does, the subject does")
    assert texts(claims)[-1] == "Cupping therapy releases relaxin."


def test_a_list_of_nouns_after_a_modal_is_not_read_as_predicates() -> None:
    # nccih_massage_overview.md: nouns after "may reduce" stay outcomes of the one verb
    claims = draft("# Massage\n\nMassage therapy may reduce pain, fatigue, and other symptoms.\n")
    assert texts(claims) == [
        "Massage therapy may reduce pain.",
        "Massage therapy may reduce fatigue.",
        "Massage therapy may reduce other symptoms.",
    ]


def test_commas_around_an_adverbial_part_nothing() -> None:
    # d2_engelmassage_cupping.html, "How it works"
    claims = draft(
        "# Cupping therapy\n\nThanks to the suction, the skin is pulled upwards into the cup that increases "
        "blood flow to the area which, in turn, reduces muscle tension and inflammation, and promotes "
        "healing.\n"
    )
    assert [c.quote for c in claims] == [
        "Thanks to the suction, the skin is pulled upwards into the cup that increases blood flow to the "
        "area",
        "which, in turn, reduces muscle tension",
        "inflammation",
        "promotes healing.",
    ]


def test_a_definition_is_named_by_its_head_noun_not_by_a_noun_after_a_preposition() -> None:
    # d2_engelmassage_cupping.html: "a great supplement to massage" is not "a … massage"
    assert draft("# Cupping\n\nIt is a great supplement to massage which pulls toxins out of the tissue.\n")
    # counter-example (lucifit_cupping.md): a definition stays one
    assert not draft(
        "# Cupping\n\nCupping is a physical treatment which utilizes a glass or a bamboo "
        "cup to create suction "
        "in the skin over a painful area.\n"
    )


def test_a_conditional_listing_conditions_gives_one_contraindication_each() -> None:
    # d_lasara_shockwave_heel.html, "Who Should Not Receive Shockwave Therapy?" (line breaks joined)
    claims = draft(
        "# Shockwave Therapy\n\nAlthough extracorporeal shockwave therapy is considered safe for most "
        "people, some individuals should not receive shockwave therapy. For example, if you are under 18, "
        "have skin infections on your feet, hemophilia, heart condition, or are receiving cancer treatment "
        "in the foot, shockwave therapy may not be for you.\n"
    )
    assert [c.quote for c in claims][-5:] == [
        "For example, if you are under 18",
        "have skin infections on your feet",
        "hemophilia",
        "heart condition",
        "are receiving cancer treatment in the foot",
    ]
    assert texts(claims)[-3] == "If you have hemophilia, shockwave therapy may not be for you."
    assert {c.kind for c in claims[-5:]} == {"safety"}


def test_a_conditional_with_one_condition_is_not_split() -> None:
    # d_lasara_shockwave_heel.html, the sentence after: one condition and an invitation
    assert not any(
        c.quote == "have questions about your eligibility"
        for c in draft(
            "# Shockwave Therapy\n\nIf you have questions about your eligibility to receive plantar "
            "fasciitis and heel spur treatment at LaSara Medical Group, don't hesitate to reach out.\n"
        )
    )


def test_a_declarative_sentence_about_the_body_or_the_setting_is_a_claim_without_cue_words() -> None:
    # d_femaleposture_aquatic_therapy.md ("### Skin Care", "### Flexibility Work", "### Deep Water
    # Exercise") and d_meaford_osteopathy.html (a principle's list item)
    claims = draft("# Aquatic Therapy for Seniors\n\nChlorine dries skin; moisturize after swimming.\n")
    assert [c.quote for c in claims] == ["Chlorine dries skin"]
    assert draft("# Aquatic Therapy for Seniors\n\nWater allows stretching that's difficult in air.\n")
    assert draft(
        "# Aquatic Therapy for Seniors\n\nUsing flotation belts in deep water eliminates all weight-bearing. "
        "This provides even more joint protection for those who need it.\n"
    )
    assert draft("# Osteopathy\n\nTreatment facilitates these natural processes by removing barriers.\n")


def test_descriptions_and_instructions_stay_out_without_cue_words() -> None:
    # d_femaleposture_aquatic_therapy.md ("### Breathing Patterns": labelled not a claim; "### Posture
    # Awareness"; "### Water Aerobics"): no claim
    for sentence in (
        "Water exercise often involves conscious breathing coordination.",  # a description verb
        "Feel what good posture feels like when it's easier to achieve.",  # an instruction
        "These classes emphasize breath and flowing movement.",  # "classes" is no verb
    ):
        assert not draft(f"# Aquatic Therapy for Seniors\n\n{sentence}\n"), sentence


def test_the_first_adjective_after_offers_a_is_said_of_the_subject() -> None:
    # d_lasara_shockwave_heel.html, first section (line breaks joined)
    claims = draft(
        "# Shockwave Therapy\n\nExtracorporeal shockwave therapy (ESWT) at LaSara Medical Group offers a "
        "safe and effective way to get you back on your feet.\n"
    )
    assert texts(claims) == [
        "Extracorporeal shockwave therapy (ESWT) at LaSara Medical Group is safe.",
        "Extracorporeal shockwave therapy (ESWT) at LaSara Medical Group offers an effective way to get you "
        "back on your feet.",
    ]
    assert claims[0].quote == "Extracorporeal shockwave therapy (ESWT) at LaSara Medical Group offers a safe"


def test_what_to_expect_during_and_after_treatment_is_a_claim() -> None:
    # d_lasara_shockwave_heel.html, "What to Expect" (line breaks joined)
    claims = draft(
        "# Shockwave Therapy\n\nDuring your shockwave therapy treatment, you can expect to feel intense "
        "pressure. However, you should not experience any pain. Plantar fasciitis and heel spur treatment at "
        "LaSara Medical Group does not require pain medication or anesthetics. You can expect to return to "
        "your daily activities immediately following treatment.\n"
    )
    found = [c.quote for c in claims]
    assert "you should not experience any pain." in found
    assert (
        "Plantar fasciitis and heel spur treatment at LaSara Medical Group does not require pain medication "
        "or anesthetics." in found
    )
    assert "You can expect to return to your daily activities immediately following treatment." in found
    # counter-examples (d_femaleposture_aquatic_therapy.md, motherapy_low_back_pain.md): advice and a schedule
    assert not draft(
        "# Aquatic\n\nEven confident swimmers should use pools with lifeguards or swim with companions.\n"
    )
    # a schedule with no cue is at most a candidate marked as such (recall first), never a cued claim
    schedule = draft("# Low Back Pain\n\nWeekly sessions for 4-6 weeks, then biweekly for maintenance.\n")
    assert schedule and all(c.note == UNCUED_NOTE for c in schedule)


def test_items_of_a_claim_are_kept_and_a_slash_with_spaces_joins_conditions() -> None:
    # d2_engelmassage_cupping.html, first paragraph
    claims = draft(
        "# Cupping therapy\n\nCupping therapy is a traditional Chinese treatment for various health "
        "conditions such as pain relief, sport recovery and skin conditions. The treatment is very good for "
        "hypertension / muscle tension.\n"
    )
    assert [c.quote for c in claims][1:] == [
        "sport recovery",
        "skin conditions.",
        "The treatment is very good for hypertension",
        "muscle tension.",
    ]
    assert claims[-1].text == "The treatment is very good for muscle tension."
    # "strains/sprains" names one thing (the words of onemg_back_pain.md's key facts box, in a sentence made
    # up for the counter-example)
    assert len(draft("# Back Pain\n\nLumbosacral muscle strains/sprains cause back pain.\n")) == 1


def test_a_predicate_after_a_list_of_nouns_carries_the_words_before_the_first_verb() -> None:
    # d2_engelmassage_cupping.html, "How it works" (its subject shortened)
    claims = draft(
        "# Cupping therapy\n\nThe cup increases blood flow to the area which, in turn, reduces muscle "
        "tension and inflammation, and promotes healing.\n"
    )
    # (the relative clause is about its antecedent, the object of "increases": see test_drafting_cuts.py)
    assert texts(claims)[-1] == "Blood flow to the area promotes healing."


def test_a_passive_claim_about_a_condition_names_each_treatment() -> None:
    # onemg_back_pain.md, "Overview"
    claims = draft(
        "# Back Pain\n\nMost cases of back pain can be managed by over the counter medications and topical "
        "ointments.\n"
    )
    assert [c.quote for c in claims] == [
        "Most cases of back pain can be managed by over the counter medications",
        "topical ointments.",
    ]
    assert claims[1].text == "Most cases of back pain can be managed by topical ointments."


def test_a_hyphenated_verb_can_start_a_coordinated_predicate() -> None:
    # acubyang_dry_needling.md, "What to Expect"
    claims = draft(
        "# Trigger Point Dry Needling\n\nThe action of Trigger Point Dry Needling creates a twitch "
        "response which can feel very strange to the patient and even re-create some of the symptoms you "
        "feel from the area.\n"
    )
    assert [c.quote for c in claims] == [
        "The action of Trigger Point Dry Needling creates a twitch response which can feel very strange to "
        "the patient",
        "even re-create some of the symptoms you feel from the area.",
    ]


def test_verbs_sharing_an_object_are_not_carried_into_the_next_predicate() -> None:
    # d_lasara_shockwave_heel.html, "Shockwave Therapy vs. Surgery" (line breaks joined)
    claims = draft(
        "# Shockwave Therapy\n\nShockwave eradicates or reduces the pain in the majority of patients who "
        "choose to work with LaSara Medical Group and allows you to continue with your day throughout "
        "treatment.\n"
    )
    assert texts(claims)[-1] == "Shockwave allows you to continue with your day throughout treatment."
