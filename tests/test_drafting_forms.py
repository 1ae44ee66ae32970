"""draft_claims on sentence forms the first development articles lacked (issue 9, item 3: drafting that
generalises to unseen articles).

Each rule is a class of sentences, tested here on the real snippet it came from: every snippet is copied
verbatim from a development article of tests/data/devset (named beside it, with its line or heading); none
comes from the held-out articles. Where a rule must not fire, the counter-example is real too.
"""

from __future__ import annotations

import needling_evidence as ne
from needling_evidence.drafting import UNCUED_NOTE
from needling_evidence.model import Claim

FAQ = "d_acupofgreen_acupuncture_faq.html"
AQUATIC = "d_femaleposture_aquatic_therapy.md"


def draft(text: str) -> list[Claim]:
    return list(ne.draft_claims(ne.load_article(text)))


def quotes(claims: list[Claim]) -> list[str]:
    return [c.quote or "" for c in claims]


def by_quote(claims: list[Claim]) -> dict[str, Claim]:
    return {c.quote or "": c for c in claims}


# --- atomic claims ----------------------------------------------------------------------------------------


def test_a_participle_of_effect_after_a_clause_is_a_claim_of_its_own() -> None:
    # d_femaleposture_aquatic_therapy.md, "### Balance Issues" and "### Post-Surgical Rehabilitation"
    text = (
        "# Aquatic Therapy for Seniors\n\n"
        "Water provides a safe environment to work on balance. Falls in water don't cause injury, reducing "
        "fear and allowing more confident movement practice.\n\n"
        "After hip, knee, or other surgeries, water exercise often begins earlier than land exercise, "
        "speeding overall recovery.\n"
    )
    claims = by_quote(draft(text))
    assert "Falls in water don't cause injury" in claims
    assert claims["Falls in water don't cause injury"].kind == "safety"
    assert "reducing fear" in claims
    assert "allowing more confident movement practice." in claims
    assert "speeding overall recovery." in claims
    assert claims["speeding overall recovery."].kind == "efficacy"


def test_a_list_of_participles_after_a_verb_is_not_cut_into_clauses() -> None:
    # the counter-example: the participles are the objects of "include", one coordination whose items
    # carry the lead's words (the form of motherapy_low_back_pain.md's benefit lists)
    claims = draft("# Massage\n\nBenefits include reducing pain, improving sleep, and easing anxiety.\n")
    assert [c.text for c in claims] == [
        "Benefits include reducing pain.",
        "Benefits include improving sleep.",
        "Benefits include easing anxiety.",
    ]


def test_coordinated_predicate_adjectives_are_split_each_with_the_subject() -> None:
    # d_acupofgreen_acupuncture_faq.html, "Is Acupuncture safe?" and "What does Acupuncture feel like?"
    text = (
        "# Acupuncture\n\n"
        "Acupuncture is safe and without any serious side effects.\n\n"
        "After the treatment, people often feel both relaxed and alert, although it may vary depending on "
        "the specific treatment.\n"
    )
    claims = draft(text)
    assert [(c.quote, c.text, c.kind) for c in claims] == [
        ("Acupuncture is safe", "Acupuncture is safe.", "safety"),
        ("without any serious side effects.", "Acupuncture is without any serious side effects.", "safety"),
        (
            "After the treatment, people often feel both relaxed",
            "After the treatment, people often feel both relaxed.",
            "experience",
        ),
        ("alert", "After the treatment, people often feel alert.", "experience"),
    ]


def test_a_fronted_subordinate_clause_is_not_the_first_item_of_a_list() -> None:
    # d_acupofgreen_acupuncture_faq.html, "How does Acupuncture work?"
    claims = draft("# Acupuncture\n\nWhen the Qi is obstructed, pain or disease may result.\n")
    assert [c.text for c in claims] == [
        "When the Qi is obstructed, pain may result.",
        "When the Qi is obstructed, disease may result.",
    ]
    assert {c.kind for c in claims} == {"etiology"}


def test_a_second_predicate_with_its_own_modal_takes_the_clause_subject() -> None:
    # d_acupofgreen_acupuncture_faq.html, "What if I don’t like needles?"; the first clause describes and
    # carries no cue, so only the second is a claim
    text = (
        "# Acupuncture\n\nAcupressure can be substituted. It uses the same principles and acu-points as "
        "acupuncture but without needles, and can be\n      equally effective.\n"
    )
    drafted = draft(text)
    claims = [c for c in drafted if c.note is None]
    assert [(c.quote, c.kind) for c in claims] == [("can be\n      equally effective.", "efficacy")]
    # "It" is the subject of the sentence before, whose subject is the treatment named before it
    assert claims[0].text == "Acupressure can be equally effective."
    # recall first: the sentence before has no cue, so it is a candidate marked as such
    assert [(c.text, c.note) for c in drafted if c.note] == [("Acupressure can be substituted.", UNCUED_NOTE)]


def test_and_therefore_a_modal_predicate_is_cut_from_the_clause_before() -> None:
    # d_acupofgreen_acupuncture_faq.html, "How many treatments will I need?"
    text = (
        "# Acupuncture\n\nAcupuncture addresses the underlying cause of a problem rather than fixing a "
        "symptom, and therefore can take time to have an effect.\n"
    )
    claims = by_quote(draft(text))
    assert claims["can take time to have an effect."].text == "Acupuncture can take time to have an effect."
    assert claims["can take time to have an effect."].kind == "efficacy"


def test_a_concession_that_names_nothing_is_not_a_claim_but_a_contrast_is() -> None:
    # the concession: d_acupofgreen_acupuncture_faq.html (above); the contrast with no cue of its own:
    # nccih_massage_overview.md, line 24
    claims = draft(
        "# Massage\n\nThere’s some evidence that massage therapy may have benefits for anxiety, depression, "
        "and quality of life in people with HIV/AIDS, but the amount of research and number of people "
        "studied are small.\n"
    )
    assert "but the amount of research and number of people studied are small." in quotes(claims)


# --- not claims ---------------------------------------------------------------------------------------------


def test_what_a_treatment_involves_its_origin_and_its_aim_are_not_claims() -> None:
    # d_acupofgreen_acupuncture_faq.html, "What is Acupuncture?" (the sentences joined from the page's
    # wrapped lines)
    text = (
        "# Acupuncture\n\n"
        "Acupuncture is one of the oldest, most commonly used medical procedures in the world. Originating "
        "in China more than 2,000 years ago, acupuncture involves the placement of hair-thin needles into "
        "the skin to stimulate specific anatomic points in the body for therapeutic purposes. A fundamental "
        "principle of acupuncture is to treat the whole person -- body, mind, and spirit -- and to relieve "
        "the root cause of disease, not just the symptoms.\n"
    )
    claims = draft(text)
    # the history is not a claim, but how common the procedure is ("most commonly used") is
    assert [c.kind for c in claims] == ["other"]
    assert claims[0].quote == (
        "Acupuncture is one of the oldest, most commonly used medical procedures in the world."
    )


# --- claims without the cue words of the first articles ---------------------------------------------------


def test_harms_named_without_risk_or_side_effect_are_safety_claims() -> None:
    # d_femaleposture_aquatic_therapy.md, "### Pool Entry and Exit", "### Hydration Awareness",
    # "### Locker Room Challenges", "### Chlorine Sensitivity"
    text = (
        "# Aquatic Therapy for Seniors\n\n"
        "Getting in and out of pools requires attention. Use rails, stairs, and lifts as needed. This "
        "transition point is where many accidents occur.\n\n"
        "You can become dehydrated in water without realizing it. Drink water before and after pool "
        "sessions.\n\n"
        "Wet floors are slipping hazards.\n\n"
        "Some people react to chlorinated pools.\n"
    )
    claims = draft(text)
    assert [(c.quote, c.kind) for c in claims] == [
        ("This transition point is where many accidents occur.", "safety"),
        ("You can become dehydrated in water without realizing it.", "safety"),
        ("Wet floors are slipping hazards.", "safety"),
        ("Some people react to chlorinated pools.", "safety"),
    ]


def test_a_condition_that_precludes_a_treatment_is_a_safety_claim() -> None:
    # d_femaleposture_aquatic_therapy.md, "### Certain Conditions"
    claims = draft(
        "# Aquatic Therapy for Seniors\n\nSome heart conditions, open wounds, certain skin conditions, and "
        "incontinence may preclude pool use. Consult healthcare providers.\n"
    )
    assert claims
    assert {c.kind for c in claims} == {"safety"}
    assert not any("Consult" in (c.quote or "") for c in claims)


def test_regulation_and_insurance_are_other_facts_and_treatment_counts_are_efficacy() -> None:
    # d_acupofgreen_acupuncture_faq.html, "Is Acupuncture safe?" and "How many treatments will I need?";
    # d_femaleposture_aquatic_therapy.md, "### Aquatic Physical Therapy"
    text = (
        "# Acupuncture\n\n"
        "The FDA requires that all needles be sterile and single-use.\n\n"
        "While some people may experience immediate results, most notice improvement within three to five "
        "treatments.\n\n"
        "This is medical treatment, often covered by insurance.\n"
    )
    claims = draft(text)
    # "some people may experience immediate results" carries its own cue, so it is a claim of its own, as
    # the development labels have it
    assert [c.kind for c in claims] == ["other", "efficacy", "efficacy", "other"]


def test_strengthening_and_better_function_are_efficacy_claims() -> None:
    # d_femaleposture_aquatic_therapy.md, "### Leg Lifts" and "### Breathing Patterns"
    text = (
        "# Aquatic Therapy for Seniors\n\n"
        "Holding the pool edge and lifting legs in various directions strengthens hip muscles essential for "
        "walking and balance.\n\n"
        "Water exercise often involves conscious breathing coordination. This translates to better breathing "
        "patterns on land.\n"
    )
    claims = draft(text)
    assert [(c.quote, c.kind) for c in claims] == [
        (
            "Holding the pool edge and lifting legs in various directions strengthens hip muscles essential "
            "for walking and balance.",
            "efficacy",
        ),
        ("This translates to better breathing patterns on land.", "efficacy"),
    ]


def test_every_quote_of_the_new_development_articles_is_verbatim() -> None:
    from pathlib import Path

    devset = Path(__file__).parent / "data" / "devset"
    for name in (FAQ, AQUATIC, "d_meaford_osteopathy.html"):
        article = ne.load_article(devset / name)
        for claim in ne.draft_claims(article):
            assert claim.quote and claim.quote in article.text, (name, claim)
            sentence = next(s for s in article.sentences if s.id == claim.sentence_id)
            assert claim.quote in sentence.text, (name, claim)


def test_clauses_with_their_own_subjects_joined_by_commas_are_separate_claims() -> None:
    # d_femaleposture_aquatic_therapy.md, the first paragraph
    claims = draft(
        "# Aquatic Therapy for Seniors\n\nBuoyancy reduces weight-bearing stress on painful joints, water "
        "resistance strengthens muscles gently, and warmth relaxes tight tissues.\n"
    )
    assert [(c.quote, c.text) for c in claims] == [
        (
            "Buoyancy reduces weight-bearing stress on painful joints",
            "Buoyancy reduces weight-bearing stress on painful joints.",
        ),
        ("water resistance strengthens muscles gently", "Water resistance strengthens muscles gently."),
        ("warmth relaxes tight tissues.", "Warmth relaxes tight tissues."),
    ]


def test_a_list_of_changes_keeps_each_item_whole_with_the_ands_inside_it() -> None:
    # d_meaford_osteopathy.html, "WHAT IS OSTEOPATHY?", third paragraph
    text = (
        "# Osteopathy\n\nThe far reaching effects of osteopathic care can include reduction or elimination "
        "of pain, greater sense of ease in motion, improved energy levels, deeper and fuller breath and "
        "improved sleep.\n"
    )
    claims = draft(text)
    lead = "The far reaching effects of osteopathic care can include"
    assert [c.text for c in claims] == [
        f"{lead} reduction or elimination of pain.",
        f"{lead} greater sense of ease in motion.",
        f"{lead} improved energy levels.",
        f"{lead} deeper and fuller breath.",
        f"{lead} improved sleep.",
    ]
    assert [c.quote for c in claims][1:] == [
        "greater sense of ease in motion",
        "improved energy levels",
        "deeper and fuller breath",
        "improved sleep.",
    ]


def test_an_ed_word_is_the_verb_when_the_clause_has_no_other() -> None:
    # nccih_massage_overview.md, line 18: "improved" is the verb of the finding, so the list is "pain,
    # anxiety, and depression" and the clause before the contrast is kept whole
    claims = draft(
        "# Massage\n\n- A 2014 evaluation of 9 studies (404 total participants) concluded that massage "
        "therapy, if continued for at least 5 weeks, improved pain, anxiety, and depression in people with "
        "fibromyalgia but did not have an effect on sleep disturbance.\n"
    )
    assert [c.quote for c in claims][1:] == [
        "anxiety",
        "depression in people with fibromyalgia",
        "but did not have an effect on sleep disturbance.",
    ]


def test_a_widely_held_belief_is_reported_not_asserted() -> None:
    # pharmaguide_low_back_pain.md, line 20 (the sentence); the counter-example, an opener that asserts the
    # opposite of a belief, is the form "Contrary to popular belief, …" (_DISCOURSE_OPENERS)
    claims = draft(
        "# Low Back Pain\n\nHistorically, there has been a widely held belief that up to 90% of cases of "
        "low back pain will resolve within 2 months.\n"
    )
    assert claims == []
    assert draft("# Massage\n\nContrary to popular belief, massage reduces pain in runners.\n")


# --- forms of the label1/label2 development articles ------------------------------------------------------


def test_a_purpose_of_effect_after_what_a_treatment_does_is_a_claim_of_its_own() -> None:
    # acubyang_dry_needling.md, line 8 (the second sentence); the counter-example "is used to alleviate" is
    # the verb's own infinitive (lucifit_cupping.md's "used to alleviate musculoskeletal pain" form)
    claims = draft(
        "# Trigger Point Dry Needling\n\nThis technique releases tension and knots in muscles to alleviate "
        "musculoskeletal pain and even internal visceral symptoms (such as digestive disorders) without the "
        "injections of steroids or numbing agents.\n"
    )
    assert [(c.quote, c.text, c.kind) for c in claims][:2] == [
        (
            "This technique releases tension and knots in muscles",
            "This technique releases tension and knots in muscles.",
            "mechanism",
        ),
        ("to alleviate musculoskeletal pain", "This technique alleviates musculoskeletal pain.", "efficacy"),
    ]
    used = draft("# Cupping\n\nCupping is used to alleviate musculoskeletal pain.\n")
    assert [c.quote for c in used] == ["Cupping is used to alleviate musculoskeletal pain."]


def test_advice_after_so_and_a_new_subject_after_and_are_clauses_apart() -> None:
    # acubyang_dry_needling.md, line 14 (the second sentence): the advice is dropped
    claims = draft(
        "# Trigger Point Dry Needling\n\nThese sensations are normal but can feel intense, so it's very "
        "important that you communicate what you're feeling to me.\n"
    )
    assert not any("communicate" in (c.quote or "") for c in claims)
    assert any((c.quote or "").startswith("but can feel intense") for c in claims)


def test_the_clinic_describing_what_it_does_is_not_a_claim() -> None:
    # acubyang_dry_needling.md, line 14 (the last sentences of the paragraph)
    claims = draft(
        "# Trigger Point Dry Needling\n\nIf it's too much, we can take a break. We change up the needling "
        "technique to make the experience more comfortable.\n"
    )
    assert claims == []


def test_danger_legality_prevalence_and_risk_words_are_cued() -> None:
    # acubyang_dry_needling.md, line 22; cochrane_acupuncture_tension_headache.txt, line 4;
    # onemg_back_pain.md, lines 34 and 52
    claims = draft(
        "# Back pain\n\n"
        "In some states, it's legal for Physical Therapists to practice dry needling.\n\n"
        "Tension-type headache is a common type of headache.\n\n"
        "Women are more prone to developing back pain when compared to men.\n\n"
        "Chronic conditions, such asasthma,headache,diabetes, and mental health problems, can increase the "
        "likelihood of developing pain, especially in the lower back area.\n"
    )
    kinds = {(c.quote or "")[:30]: c.kind for c in claims}
    assert kinds["In some states, it's legal for"] == "other"
    assert kinds["Tension-type headache is a com"] == "other"
    assert kinds["Women are more prone to develo"] == "etiology"
    assert "etiology" in {c.kind for c in claims if "likelihood" in c.text}


def test_a_review_says_what_it_searched_for_and_then_what_it_found() -> None:
    # cochrane_acupuncture_tension_headache.txt, line 8 (the second sentence): a result counted in
    # participants is a claim; "We found randomised controlled trials to evaluate …" (the method) is not
    claims = draft(
        "# Acupuncture for tension-type headache\n\nWe found randomised controlled trials to evaluate "
        "whether acupuncture prevents tension-type headache. Headache frequency halved in 52 of 100 "
        "participants receiving true acupuncture compared with 43 of 100 participants receiving 'fake' "
        "acupuncture.\n"
    )
    assert [c.quote[:40] for c in claims if c.quote] == ["Headache frequency halved in 52 of 100 p"]
    assert claims[0].kind == "efficacy"


def test_three_or_more_short_phrases_parted_by_commas_are_split_whatever_their_heads() -> None:
    # acubyang_dry_needling.md, line 22; d_femaleposture_aquatic_therapy.md, "### Certain Conditions"
    harms = draft(
        "# Trigger Point Dry Needling\n\nTo dry needle without proper training can lead to further spasming, "
        "nerve damage, severe bruising, or punctured organs.\n"
    )
    assert [c.quote for c in harms][1:] == ["nerve damage", "severe bruising", "punctured organs."]
    assert harms[3].text == "To dry needle without proper training can lead to punctured organs."
    assert {c.kind for c in harms} == {"safety"}
    conditions = draft(
        "# Aquatic Therapy for Seniors\n\nSome heart conditions, open wounds, certain skin conditions, and "
        "incontinence may preclude pool use.\n"
    )
    assert [c.text for c in conditions] == [
        "Some heart conditions may preclude pool use.",
        "Open wounds may preclude pool use.",
        "Certain skin conditions may preclude pool use.",
        "Incontinence may preclude pool use.",
    ]


def test_a_fronted_phrase_or_a_range_of_alternatives_is_not_such_a_list() -> None:
    # proptgroup_dry_needling.md, line 7; d_acupofgreen_acupuncture_faq.html, "What does Acupuncture feel
    # like?"
    fronted = draft(
        "# Dry needling\n\nBy inserting a needle into trigger points, favorable biochemical and mechanical "
        "changes take place, which aid in reducing pain.\n"
    )
    assert not any(c.quote == "favorable biochemical" for c in fronted)
    alternatives = draft(
        "# Acupuncture\n\nYou may feel nothing at all, a slight pinch, or a tingling feeling.\n"
    )
    assert [c.quote for c in alternatives] == [
        "You may feel nothing at all, a slight pinch, or a tingling feeling."
    ]


def test_instructions_after_a_fronted_purpose_and_advice_put_as_a_statement_are_not_claims() -> None:
    # smartrehab_back_pain.html (the paragraph's first sentence); motherapy_low_back_pain.md, line 9 (the
    # paragraph's last sentence); d_femaleposture_aquatic_therapy.md, "### Getting There" and "### Starting
    # Slowly"
    text = (
        "# Back pain\n\n"
        "To address back pain while working with a physiotherapist, focus on exercises that improve core "
        "strength and flexibility, alongside manual therapy techniques like massage or mobilization.\n\n"
        "Whether your pain is acute or chronic, understanding effective treatment options is crucial for "
        "recovery and prevention.\n\n"
        "If transportation is difficult, seek pools with senior transport services or ask family members for "
        "help.\n\n"
        "Begin with shorter sessions and gentler movements. Even 15-20 minutes in water provides benefit, "
        "and you can build from there.\n"
    )
    assert [c.quote for c in draft(text)] == ["Even 15-20 minutes in water provides benefit"]


def test_a_fronted_whether_phrase_and_verbs_sharing_an_object_are_not_split() -> None:
    # d_femaleposture_aquatic_therapy.md, the first paragraph
    text = (
        "# Aquatic Therapy for Seniors\n\n"
        "Water provides a uniquely supportive environment for older women seeking to maintain or improve "
        "physical function.\n\n"
        "Whether for rehabilitation after injury or ongoing fitness maintenance, aquatic therapy offers "
        "significant benefits for senior women.\n"
    )
    assert [c.quote for c in draft(text)] == [
        "Water provides a uniquely supportive environment for older women seeking to maintain or improve "
        "physical function.",
        "Whether for rehabilitation after injury or ongoing fitness maintenance, aquatic therapy offers "
        "significant benefits for senior women.",
    ]


def test_an_effect_on_a_named_mechanism_is_a_mechanism_claim() -> None:
    # motherapy_low_back_pain.md, lines 50-58 ("### 3. Massage Therapy" and its "**Effects:**" list)
    text = (
        "# Lower Back Pain Relief\n\n### 3. Massage Therapy\n\n"
        "Therapeutic massage provides both short and long-term benefits for back pain.\n\n**Effects:**\n"
        "- Reduces muscle tension and spasm\n- Improves circulation\n"
        "- Releases endorphins (natural pain relievers)\n- Promotes relaxation\n"
    )
    claims = by_quote(draft(text))
    assert claims["Improves circulation"].text == "Massage therapy improves circulation."
    assert claims["Improves circulation"].kind == "mechanism"


def test_who_may_practise_after_what_training_is_an_other_fact() -> None:
    # acubyang_dry_needling.md, line 22
    claims = draft(
        "# Trigger Point Dry Needling\n\n"
        "Some PT's are able to practice dry needling after taking a brief course.\n"
    )
    assert [c.kind for c in claims] == ["other"]


def test_a_fronted_phrase_with_a_cue_of_its_own_is_a_claim_apart() -> None:
    # proptgroup_dry_needling.md, line 3; pharmaguide_low_back_pain.md, line 18 (the second sentence, its
    # citation left out); d_meaford_osteopathy.html, the first paragraph
    needle = draft(
        "# Dry needling\n\nUsing a thin, painless filament needle to penetrate the skin, we are able to "
        "stimulate the exact spot that is causing you pain and impairment.\n"
    )
    assert [(c.quote, c.kind) for c in needle] == [
        ("Using a thin, painless filament needle to penetrate the skin", "experience"),
        # (the cause is in a relative clause naming what is stimulated: mechanism, as proptgroup's label says)
        ("we are able to stimulate the exact spot that is causing you pain and impairment.", "mechanism"),
    ]
    prevalence = draft(
        "# Low Back Pain\n\nWith an estimated prevalence of 15–30%, between 50% and 80% of people will "
        "experience an episode of low back pain during their lifetime.\n"
    )
    assert (prevalence[0].quote, prevalence[0].kind) == ("With an estimated prevalence of 15–30%", "other")
    techniques = draft(
        "# Osteopathy\n\nUtilizing safe and gentle techniques, it supports the interdependent functionality "
        "of the structural (bones and joints), myofascial (muscles and fascia), cranial (membranes and "
        "fluids) and visceral (organs and related tissues) systems.\n"
    )
    assert [c.kind for c in techniques] == ["safety", "mechanism"]


def test_a_comparison_is_checkable_and_a_list_in_a_fronted_phrase_is_its_setting() -> None:
    # d_femaleposture_aquatic_therapy.md, "### Arthritis" and "### Post-Surgical Rehabilitation"
    text = (
        "# Aquatic Therapy for Seniors\n\n"
        "Many arthritic women move more freely in water than anywhere else.\n\n"
        "After hip, knee, or other surgeries, water exercise often begins earlier than land exercise, "
        "speeding overall recovery.\n"
    )
    assert [c.quote for c in draft(text)] == [
        "Many arthritic women move more freely in water than anywhere else.",
        "After hip, knee, or other surgeries, water exercise often begins earlier than land exercise",
        "speeding overall recovery.",
    ]


def test_soreness_after_treatment_is_a_harm_but_a_condition_treated_is_a_benefit() -> None:
    # acubyang_dry_needling.md, line 16 (the paragraph's first sentence); solaris_massage.md, lines 12-16
    claims = draft(
        "# Trigger Point Dry Needling\n\n"
        "After a treatment, patients will feel soreness that typically lasts for 1-2 days.\n"
    )
    assert [c.kind for c in claims] == ["safety"]
    managed = by_quote(
        draft(
            "# Massage Therapy\n\n## Massage for treatment of some disorders\n\n"
            "Research indicates that massage and myotherapy are effective in managing: \n"
            "- subacute/chronic low back pain\n- delayed onset muscle soreness (DOMS)\n"
        )
    )
    assert managed["delayed onset muscle soreness (DOMS)"].kind == "efficacy"


def test_a_fronted_concession_or_reason_is_asserted_and_a_claim_apart() -> None:
    # d_lasara_shockwave_heel.html, "Are You a Candidate …?" and "How Long Will the Effects … Last?" (the
    # page's line breaks inside sentences kept)
    text = (
        "# Shockwave Therapy\n\n"
        "Although extracorporeal shockwave therapy is considered safe\n                    for most people, "
        "some individuals should not receive\n                    shockwave therapy.\n\n"
        "Because ESWT activates the\n                        body's natural healing process, it lasts longer "
        "than\n                        treatments like medications, and you can enjoy the\n"
        "                        results long-term.\n"
    )
    quotes = [" ".join((c.quote or "").split()) for c in draft(text)]
    assert quotes[0] == "Although extracorporeal shockwave therapy is considered safe for most people"
    assert quotes[1] == "some individuals should not receive shockwave therapy."
    assert quotes[2] == "Because ESWT activates the body's natural healing process"


def test_adjectives_after_offers_a_and_the_clause_kept_by_the_last_are_split() -> None:
    # d_lasara_shockwave_heel.html, "What is Plantar Fasciitis & Heel Spurs Treatment?" (lines joined)
    claims = draft(
        "# Shockwave Therapy\n\n"
        "Extracorporeal shockwave therapy (ESWT) at LaSara Medical Group offers a safe "
        "and effective way to get you back on your feet. Shockwave therapy is a safe and non-invasive way to "
        "restore mobility and reduce pain in your heel.\n"
    )
    assert [(c.quote, c.kind) for c in claims] == [
        ("Extracorporeal shockwave therapy (ESWT) at LaSara Medical Group offers a safe", "safety"),
        ("effective way to get you back on your feet.", "efficacy"),
        ("Shockwave therapy is a safe", "safety"),
        ("non-invasive way to restore mobility", "efficacy"),
        ("reduce pain in your heel.", "efficacy"),
    ]
    assert claims[2].text == "Shockwave therapy is safe."
    assert claims[4].text == "Shockwave therapy is a non-invasive way to reduce pain in your heel."


def test_a_second_predicate_with_a_modal_and_a_conditions_burden_are_claims() -> None:
    # d_lasara_shockwave_heel.html, the first paragraph (its line breaks kept) and the second paragraph's
    # fourth sentence
    text = (
        "# Shockwave Therapy\n\nHeel pain can range from mildly uncomfortable to debilitating\n"
        "                and can severely affect your quality of life and ability to stay\n"
        "                active.\n\nBoth conditions can negatively impact your mobility\n"
        "                and comfort levels.\n"
    )
    claims = draft(text)
    assert [" ".join(c.text.split()) for c in claims] == [
        "Heel pain can range from mildly uncomfortable to debilitating.",
        "Heel pain can severely affect your quality of life and ability to stay active.",
        "Both conditions can negatively impact your mobility and comfort levels.",
    ]
    assert [c.kind for c in claims][1:] == ["other", "other"]


def test_a_titles_body_and_condition_words_name_no_intervention() -> None:
    # d_lasara_shockwave_heel.html: its title and the first paragraph's second sentence; what causes a
    # condition is etiology, not a harm of the treatment the title names
    claims = draft(
        "# Shockwave Therapy for Heel Spurs & Plantar Fasciitis\n\n"
        "Several different disorders can cause heel problems.\n"
    )
    assert [c.kind for c in claims] == ["etiology"]
